"""What the hooks of one build share: the data, the templates and the reading of the site.

``mkdocs serve`` keeps hook modules imported between rebuilds, so nothing here may outlive a
build: the first step begins a new ``Build`` at every ``on_config``, and the others ask for the
current one.
"""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from .manifest import Edition
from .reading import Reading
from .sitedata import SiteData


@dataclass
class Build:
    data: SiteData
    templates: jinja2.Environment
    edition: Edition
    reading: Reading | None = None  # set once every page has been read (on_nav)

    def render(self, template: str, **context: object) -> str:
        return self.templates.get_template(template).render(**context)


_current: Build | None = None


def begin(build: Build) -> None:
    global _current
    _current = build


def current() -> Build:
    if _current is None:
        raise RuntimeError("no build has begun: hooks/edm.py runs edm_steps.load first, in on_config")
    return _current


def reading() -> Reading:
    read = current().reading
    if read is None:
        raise RuntimeError("the site has not been read yet: pages are read in on_nav")
    return read

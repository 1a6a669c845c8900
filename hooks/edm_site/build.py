"""What the hooks of one build share: the data, the templates and the reading of the site.

``mkdocs serve`` keeps hook modules imported between rebuilds, so nothing here may outlive a
build: the first step begins a new ``Build`` at every ``on_config``, and the others ask for the
current one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
    # page -> (its Markdown as read, with its citations linked, what is appended to it): written
    # for every page at once, while the reading is fresh, and taken by the page as it renders
    linked: dict[str, tuple[str, str, str]] = field(default_factory=dict)

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

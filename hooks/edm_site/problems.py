"""The build's problems as the preview shows them in the browser: each message, and the pages it is about.

Under ``mkdocs serve`` a build with problems still completes (``make serve`` is not strict), and
``hooks/edm_steps/serving.py`` writes what was logged into the served site for ``hooks/serve/edm-problems.js``
to show on the pages concerned. ``make build`` and CI stay strict: there the same messages stop
the build.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    message: str
    pages: tuple[str, ...]  # the addresses (``the-talks/``) of the pages it names; none: the whole site


def pages_named(message: str, pages: Mapping[str, str]) -> tuple[str, ...]:
    """The addresses of the pages whose source the message names: ``the-talks.md``, ``'the-talks.md'``,
    or a path to it in the docs folder (``docs/the-talks.md``), not another folder's (``notes/the-talks.md``)."""
    named = []
    for src_uri, url in pages.items():
        if re.search(rf"(?:^|[\s'\"(])(?:\S*?\bdocs/)?{re.escape(src_uri)}(?![\w-])", message):
            named.append(url)
    return tuple(named)


def problems(messages: Iterable[str], pages: Mapping[str, str]) -> list[Problem]:
    """Each message once, in the order logged, with the pages it names."""
    return [Problem(message, pages_named(message, pages)) for message in dict.fromkeys(messages)]


def report(found: list[Problem], build: str) -> str:
    """What the browser reads: ``{"build": ..., "problems": [{"message": ..., "pages": [...]}, ...]}``."""
    return json.dumps(
        {"build": build, "problems": [{"message": p.message, "pages": list(p.pages)} for p in found]},
        ensure_ascii=False,
        indent=1,
    )

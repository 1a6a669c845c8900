"""Jinja templates of the Markdown the hooks generate, in ``hooks/templates/``.

They sit beside the hooks, not in the theme override folder, because MkDocs copies every file
of a theme folder that is not ``.html`` into the built site. Templates write Markdown (so MkDocs
validates every link they make); the filters escape every value that comes from data.
"""

from __future__ import annotations

import html
from pathlib import Path

import jinja2

from .bytecode import BYTECODE
from .datafile import evidence_url
from .dates import long_form
from .index import Cited
from .links import affiliation_mark, backlink, backlink_letters, backlink_runs, md_link, md_text, relative
from .previews import host
from .registry import ownership


def environment(template_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_dir),
        autoescape=False,  # the output is Markdown: values are escaped by the md filter
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # a new environment each build: no need to check the files on every render
        bytecode_cache=BYTECODE,
    )
    env.filters.update(
        md=md_text,
        attr=attribute,
        long_date=long_form,
        long_dates=lambda dates: ", ".join(map(long_form, dates)),
        evidence_url=evidence_url,
        host=host,
        pilcrow=lambda number: f"¶{number}",
        ownership=ownership,
    )
    env.globals.update(
        link=md_link,
        affiliation_mark=affiliation_mark,
        relative=relative,
        backlinks=_backlinks,
        backlink_letters=backlink_letters,
        backlink_runs=backlink_runs,
        paragraph_link=_paragraph_link,
    )
    return env


def attribute(value: object) -> str:
    """A value escaped for an HTML attribute that may stand in a table row, where | ends a cell."""
    return html.escape(str(value), quote=True).replace("|", "&#124;")


def _backlinks(places: tuple[Cited, ...], page: str) -> str:
    """Links back from an index to where ``places`` stand, separated by commas: one link per page and
    paragraph, to its first citation there, with the count where it cites more than once
    ("North Korea ¶5, 2 citations")."""
    here: dict[tuple[str, int | None], list[Cited]] = {}
    for place in places:
        here.setdefault((place.src_uri, place.paragraph), []).append(place)
    links = []
    for cited in here.values():
        first, count = cited[0], len(cited)
        label = first.label + (f", {count} citations" if count > 1 else "")
        links.append(backlink(label, first.src_uri, first.citation.id, page))
    return ", ".join(links)


def _paragraph_link(number: int, homes: dict[int, str], page: str) -> str:
    """The ¶N link to the page where paragraph N is written; plain ¶N for a paragraph the article
    does not have (the data file naming it is reported, and the page still builds)."""
    if number not in homes:
        return f"¶{number}"
    return md_link(f"¶{number}", f"{relative(homes[number], page)}#p{number}")

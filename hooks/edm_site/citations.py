"""Citations in a page's Markdown: found in prose, resolved against the data, rewritten to links.

``find_citations`` is the one reading of a page: it returns the citations it could resolve, in
reading order, numbered (each becomes the id ``cite-N``), and the problems it could not. The
same Markdown always gives the same citations, so the site-wide indexes built from a first read
of every page and the links written into each page agree.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from . import dates, grammar
from .prose import prose_runs
from .registry import EdmArticle, Outlet, Registry

_BRACKETS = re.compile(r"\(([^()]*)\)")


@dataclass(frozen=True)
class Citation:
    """One resolved citation: an outlet, a lost outlet or an EDM cross-reference."""

    number: int
    line: int
    text: str  # the whole bracket as written, for messages and indexes
    cited: dates.CitedDate
    date: dt.date
    start: int  # absolute offsets of what becomes the link; equal for a lost outlet's marker
    end: int
    outlet: Outlet | None = None
    edm: EdmArticle | None = None

    @property
    def id(self) -> str:
        return f"cite-{self.number}"

    @property
    def kind(self) -> str:
        return "outlet" if self.outlet else "edm" if self.edm else "lost"


@dataclass(frozen=True)
class Problem:
    """A citation that cannot be resolved, with what the author should do."""

    line: int
    text: str
    message: str


def find_citations(markdown: str, registry: Registry, published: dt.date) -> tuple[list[Citation], list[Problem]]:
    line_starts = [0] + [m.end() for m in re.finditer("\n", markdown)]
    citations: list[Citation] = []
    problems: list[Problem] = []
    for run in prose_runs(markdown):
        for bracket in _BRACKETS.finditer(run.text):
            if "," not in bracket.group(1) or not run.is_prose(bracket.start(), bracket.end()):
                continue
            refs = grammar.parse_bracket(bracket.group(1))
            if refs is None:
                continue
            base = bracket.start(1)
            text = bracket.group(0)
            line = bisect.bisect_right(line_starts, run.offsets[bracket.start()])
            for ref in refs:
                resolved = _resolve(ref, registry, published)
                if isinstance(resolved, str):
                    problems.append(Problem(line, text, resolved))
                    continue
                date, outlet, edm = resolved
                start, end = _target(ref)
                first = run.offsets[base + start]
                citations.append(
                    Citation(
                        number=len(citations) + 1,
                        line=line,
                        text=text,
                        cited=ref.date,
                        date=date,
                        start=first,
                        end=run.offsets[base + end - 1] + 1 if end > start else first,
                        outlet=outlet,
                        edm=edm,
                    )
                )
    return citations, problems


def _target(ref: grammar.Ref) -> tuple[int, int]:
    if isinstance(ref, grammar.OutletRef):
        return ref.outlet_span.start, ref.outlet_span.end
    if isinstance(ref, grammar.LostOutletRef):
        return ref.at, ref.at
    return ref.date_span.start, ref.date_span.end


def _resolve(
    ref: grammar.Ref, registry: Registry, published: dt.date
) -> tuple[dt.date, Outlet | None, EdmArticle | None] | str:
    try:
        date = dates.resolve(ref.date, published)
    except dates.DateProblem as problem:
        return f"{problem}: correct the date"
    if isinstance(ref, grammar.OutletRef):
        outlet = registry.outlet_named(ref.outlet)
        if outlet is None:
            return f'unknown outlet "{ref.outlet}": add it to {registry.outlets_path}, or correct the name'
        return date, outlet, None
    if isinstance(ref, grammar.EdmRef):
        article = registry.edm_article(date)
        if article is None:
            return (
                f"unknown EDM article of {date.isoformat()}: add an entry with date: {date.isoformat()} "
                f"to {registry.edm_path} (status unknown if it cannot be identified)"
            )
        return date, None, article
    return date, None, None


def rewrite(markdown: str, citations: list[Citation], markup: Callable[[Citation, str], str]) -> str:
    """``markdown`` with each citation's target replaced by ``markup(citation, original_text)``."""
    pieces: list[str] = []
    position = 0
    for citation in sorted(citations, key=lambda c: c.start):
        pieces.append(markdown[position : citation.start])
        pieces.append(markup(citation, markdown[citation.start : citation.end]))
        position = citation.end
    pieces.append(markdown[position:])
    return "".join(pieces)

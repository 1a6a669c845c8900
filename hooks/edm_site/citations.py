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
from .prose import ProseRun, prose_runs
from .registry import LOST_OUTLETS, EdmArticle, Outlet, Registry

_BRACKETS = re.compile(r"\(([^()]*)\)")
_LONGEST = 2000  # characters between the brackets of a citation: longer is prose (and slow to parse)


@dataclass(frozen=True, slots=True)
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
    def entry(self) -> str:
        """The anchor of what it cites in the indexes: the outlet's id, the EDM article's, or lost-outlets."""
        return self.outlet.id if self.outlet else self.edm.anchor if self.edm else LOST_OUTLETS

    @property
    def kind(self) -> str:
        return "outlet" if self.outlet else "edm" if self.edm else "lost"


@dataclass(frozen=True, slots=True)
class Problem:
    """A citation that cannot be resolved, with what the author should do."""

    line: int
    text: str
    message: str


def find_citations(
    markdown: str, registry: Registry, published: dt.date | Callable[[int], dt.date]
) -> tuple[list[Citation], list[Problem]]:
    """The citations of ``markdown`` and its problems; ``published`` may depend on the line."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", markdown)]
    published_at = published if callable(published) else lambda line: published
    citations: list[Citation] = []
    problems: list[Problem] = []
    for run in prose_runs(markdown):
        offsets = run.offsets
        for bracket in _BRACKETS.finditer(run.text):
            inner = bracket.group(1)
            if not run.is_prose(bracket.start(), bracket.end()):
                # Its brackets in prose, markup inside (an entity, an escape, code, a link): not linked, so said.
                start, end = bracket.start(), bracket.end()
                in_prose = run.is_prose(start, start + 1) and run.is_prose(end - 1, end)
                if in_prose and _looks_like_citation(inner, registry):
                    text = " ".join(bracket.group(0).split())
                    problems.append(Problem(_line(run, start, line_starts), text, _MARKUP_INSIDE))
                continue
            refs = grammar.parse_bracket(inner) if "," in inner and len(inner) <= _LONGEST else None
            if refs is None and not _DATE_LIKE.search(inner):
                continue  # no citation, and no month: not even a near miss
            text = " ".join(bracket.group(0).split())
            line = _line(run, bracket.start(), line_starts)
            if refs is None:
                if _looks_like_citation(inner, registry):
                    problems.append(Problem(line, text, _NOT_IN_FORM))
                continue
            if offsets is None:
                problems.append(Problem(line, text, _UNPLACEABLE))
                continue
            base = bracket.start(1)
            for ref in refs:
                resolved = _resolve(ref, registry, published_at(line))
                if isinstance(resolved, str):
                    problems.append(Problem(line, text, resolved))
                    continue
                date, outlet, edm = resolved
                start, end = _target(ref)
                first = offsets[base + start]
                last = offsets[base + end - 1] + 1 if end > start else first
                citations.append(Citation(len(citations) + 1, line, text, ref.date, date, first, last, outlet, edm))
    return citations, problems


def _line(run: ProseRun, position: int, line_starts: list[int]) -> int:
    """The page line of a position in a run (the run's first line, if it could not be placed)."""
    return bisect.bisect_right(line_starts, run.offsets[position]) if run.offsets else run.line


_NOT_IN_FORM = (
    "names an outlet or EDM and a month but is not in EDM's form: write (Outlet, Month Day), "
    "(Outlet, Month Day, Year) or (see EDM, Month Day), or escape the bracket as \\( if it is no citation"
)
_MARKUP_INSIDE = (
    "holds Markdown or HTML (an entity, an escape, code or a link), so it is not linked: write the citation as "
    "plain text, (Outlet, Month Day)"
)
_UNPLACEABLE = "this line could not be matched to the source to link its citation: simplify the Markdown around it"
# A month's name, or what stands for a date in a typo: a word and a day after a comma ("MAY 10",
# "Sept. 10", "may 10"), or an ISO date.
_DATE_LIKE = re.compile(
    r"\b(?:" + "|".join(dates.MONTHS) + r")\b|,[ \t\n]*[A-Za-z]{3,9}\.?[ \t\n]+\d{1,2}\b|\b\d{4}-\d{2}-\d{2}\b"
)


def _looks_like_citation(inner: str, registry: Registry) -> bool:
    """A bracket that is no citation but names a date and a known outlet (or EDM): likely a typo."""
    if not _DATE_LIKE.search(inner):
        return False
    folded = " ".join(inner.replace("*", "").replace("_", "").split())
    return "EDM" in folded or any(name in folded for outlet in registry.outlets for name in outlet.names)


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
        if outlet is None and registry.outlet_named(ref.outlet.strip("*_")):
            return f'write the outlet name "{ref.outlet.strip("*_")}" without emphasis, as it is linked as written'
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

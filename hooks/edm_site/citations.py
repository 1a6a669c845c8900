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
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from . import dates, grammar, reveal
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
    text: str  # as a message shows it: cut, invisible and look-alike characters as code points
    message: str


def find_citations(markdown: str, registry: Registry, published: dt.date) -> tuple[list[Citation], list[Problem]]:
    """The citations of ``markdown`` and its problems; year-less dates resolve against ``published``."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", markdown)]
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
                    problems.append(Problem(_line(run, start, line_starts), reveal.shown(text), _MARKUP_INSIDE))
                continue
            refs = grammar.parse_bracket(inner) if "," in inner and len(inner) <= _LONGEST else None
            if refs is None and not _DATE_LIKE.search(inner):
                continue  # no citation, and no month: not even a near miss
            text = " ".join(bracket.group(0).split())
            line = _line(run, bracket.start(), line_starts)
            if refs is None:
                if _looks_like_citation(inner, registry):
                    problems.append(Problem(line, reveal.shown(text), near_miss(inner)))
                continue
            if offsets is None:
                problems.append(Problem(line, reveal.shown(text), _UNPLACEABLE))
                continue
            base = bracket.start(1)
            resolved_refs = [(ref, _resolve(ref, registry, published)) for ref in refs]
            for message in dict.fromkeys(_messages(resolved_refs)):
                problems.append(Problem(line, reveal.shown(text), message))
            refused = {_part(ref) for ref, resolved in resolved_refs if isinstance(resolved, str)}
            for ref, resolved in resolved_refs:
                if isinstance(resolved, str) or _part(ref) in refused:
                    continue  # outlets sharing a date are linked all together or not at all
                date, outlet, edm = resolved
                start, end = _target(ref)
                first = offsets[base + start]
                last = offsets[base + end - 1] + 1 if end > start else first
                citations.append(Citation(len(citations) + 1, line, text, ref.date, date, first, last, outlet, edm))
    return citations, problems


def _part(ref: grammar.Ref) -> object:
    """What is linked with ``ref`` or not at all: the outlets sharing its date; else itself alone."""
    return ref.part if isinstance(ref, grammar.OutletRef) and ref.sharing > 1 else ref


def _messages(resolved_refs: list[tuple[grammar.Ref, object]]) -> Iterator[str]:
    """What is wrong with the refs of one bracket that cannot be resolved (the same date twice, once)."""
    for ref, resolved in resolved_refs:
        if not isinstance(resolved, str):
            continue
        if isinstance(ref, grammar.OutletRef) and ref.sharing > 1 and resolved != _NAME_MISSING:
            yield (
                f"{resolved}; the {ref.sharing} outlets sharing the date {ref.date.text} are linked all together "
                "or not at all, so none of them is linked"
            )
        else:
            yield resolved


def _line(run: ProseRun, position: int, line_starts: list[int]) -> int:
    """The page line of a position in a run (the run's first line, if it could not be placed)."""
    return bisect.bisect_right(line_starts, run.offsets[position]) if run.offsets else run.line


_NOT_IN_FORM = (
    "names an outlet or EDM and a date but is not in EDM's form: write (Outlet, Month Day), "
    "(Outlet, Month Day, Year), (Outlet, Outlet, Month Day) or (see EDM, Month Day), or escape the bracket "
    "as \\( if it is no citation"
)
_MARKUP_INSIDE = (
    "holds Markdown or HTML (an entity, an escape, code or a link), so it is not linked: write the citation as "
    "plain text, (Outlet, Month Day)"
)
_NAME_MISSING = (
    "an outlet's name is missing between commas, so none of the outlets sharing the date is linked: name each, "
    "(Outlet, Outlet, Month Day); a citation whose outlet name was lost stands alone, (, Month Day)"
)
_UNPLACEABLE = "this line could not be matched to the source to link its citation: simplify the Markdown around it"
_EDM_FORM = "an EDM cross-reference is written (see EDM, Month Day) or (see EDM, Month Day, Year), see in lower case"
# Months in the languages of the outlets cited (and their abbreviations): a date written in one
# of them is a typo of the English form. Russian and Ukrainian by stem, as they are declined.
_FOREIGN_MONTHS = (
    r"январ\w*|феврал\w*|март\w*|апрел\w*|ма[йяю]|июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*|ноябр\w*|декабр\w*"
    r"|січ\w+|лют\w+|берез\w+|квіт\w+|травн\w+|червн\w+|лип\w+|серп\w+|верес\w+|жовт\w+|листопад\w*|груд\w+"
    r"|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
    r"|januar|februar|märz|juni|juli|oktober|dezember"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
    r"|ocak|şubat|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık"
)
_MONTH_WORD = "|".join(dates.MONTHS) + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
# What stands for a date in a typo: a month's name in any case, glued to its day ("May10"), with an
# ordinal ("May 10th"), abbreviated or in another language; a word and a day after a comma ("Mya
# 10"); a date in digits ("10/05/2017", "2017-05-10"), a day or a year alone.
_DATE_LIKE = re.compile(
    rf"(?<![^\W\d_])(?:{_MONTH_WORD}|{_FOREIGN_MONTHS})(?![^\W\d_])|(?<![^\W\d_])(?:{_MONTH_WORD})\.?\d"
    r"|,[ \t\n]*[^\W\d_]{3,9}\.?[ \t\n]*\d{1,2}\b|\b\d{1,4}(?:st|nd|rd|th)?\b",
    re.IGNORECASE,
)
_EDM_NAMES = re.compile(r"\bEDM\b|eurasia\s+daily\s+monitor", re.IGNORECASE)


def _looks_like_citation(inner: str, registry: Registry) -> bool:
    """A bracket that is no citation but names a date and a known outlet (or EDM): likely a typo.
    Names are matched as they look: in any case, with look-alike and invisible characters."""
    if not _DATE_LIKE.search(inner):
        return False
    folded = reveal.plain(inner.replace("*", "").replace("_", "")).casefold()
    return bool(_EDM_NAMES.search(folded)) or any(name in folded for name in _folded_names(registry))


def _folded_names(registry: Registry) -> tuple[str, ...]:
    names = _NAMES.get(id(registry))
    if names is None or names[0] is not registry:
        names = (registry, tuple(reveal.plain(n).casefold() for o in registry.outlets for n in o.names))
        _NAMES[id(registry)] = names
    return names[1]


_NAMES: dict[int, tuple[Registry, tuple[str, ...]]] = {}


def near_miss(inner: str) -> str:
    """What is wrong with a bracket that looks like a citation but is not in EDM's form, and what to do."""
    words = reveal.plain(inner)
    if _EDM_NAMES.search(words):
        hint = _EDM_FORM
    elif re.search(rf"(?<![^\W\d_])(?:{_MONTH_WORD})\.?\d", words, re.IGNORECASE):
        hint = "a space is missing between the month and the day: write (Outlet, Month Day)"
    elif re.search(r"\d(?:st|nd|rd|th)\b", words):
        hint = "write the day without an ordinal suffix: (Outlet, Month Day)"
    elif re.search(rf"(?<![^\W\d_])(?:{_FOREIGN_MONTHS})(?![^\W\d_])", inner, re.IGNORECASE):
        hint = "the month is not in English: write (Outlet, Month Day) with the English month"
    elif re.search(r"\d[./-]\d", words):
        hint = "the date is in digits: write the month's name, (Outlet, Month Day, Year)"
    else:
        return _NOT_IN_FORM
    return f"names an outlet or EDM and a date but is not in EDM's form: {hint}"


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
        if not ref.outlet:
            return _NAME_MISSING
        outlet = registry.outlet_named(ref.outlet)
        if outlet is None and registry.outlet_named(ref.outlet.strip("*_")):
            return f'write the outlet name "{ref.outlet.strip("*_")}" without emphasis, as it is linked as written'
        if outlet is None:
            return _unknown_outlet(ref.outlet, registry)
        return date, outlet, None
    if isinstance(ref, grammar.EdmRef):
        article = registry.edm_article(date)
        if article is None:
            return (
                f"unknown EDM article of {date.isoformat()}: add an entry with date: {date.isoformat()} "
                f"to {reveal.project_path(registry.edm_path)} (status unknown if it cannot be identified)"
            )
        return date, None, article
    return date, None, None


def _unknown_outlet(name: str, registry: Registry) -> str:
    """Why an outlet name is unknown, showing what the eye cannot see in it, and what to do."""
    said = f"unknown outlet {reveal.described(name)}"
    if _EDM_NAMES.fullmatch(reveal.plain(name).casefold().removeprefix("see ").strip()):
        return f"{said}: {_EDM_FORM}"
    known = reveal.resembles(name, (n for o in registry.outlets for n in o.names))
    if known is not None:
        return (
            f'{said}: did you mean "{known}"? Write the name exactly as in {reveal.project_path(registry.outlets_path)}'
        )
    return f"{said}: add it to {reveal.project_path(registry.outlets_path)}, or correct the name"


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

"""The citation grammar of EDM's house style, applied to the text inside one pair of brackets.

    (Kommersant, May 10)                      an outlet citation
    (Kommersant, May 10; RBC, May 11, 2017)   several, separated by semicolons
    (Syrian Arab News Agency, Sputnik News, February 6)
                                              several outlets sharing one date
    (, May 11)                                a citation whose outlet name was lost
    (see EDM, February 15, March 20)          cross-references to earlier EDM issues
    (see EDM, February 17, 2016; April 25, 2017)

Anything else in brackets, "(L)", "(FBI)", "(Source: Reuters)", "(see above)", is not a
citation. Offsets in the results are relative to the text given, so callers can place edits.

Outlets sharing a date are one citation of several sources: each is an ``OutletRef`` of its own
(its own link), and each knows how many names share its date, so that a caller can link them
all or none. Nothing in such a bracket is guessed: "(Kommersant, Moscow, May 6)" is two outlets,
"Kommersant" and "Moscow", never Kommersant with a stray word; an empty name between commas is
an outlet of its own, with no name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import CitedDate, looks_like_month, month_number

_WS = r"[ \t\n]+"
_DATE = re.compile(rf"(?P<month>[A-Z][a-z]+){_WS}(?P<day>\d{{1,2}})(?:,{_WS}(?P<year>\d{{4}}))?")
# One part between semicolons: outlet names separated by commas, then the date they share.
_OUTLET_PART = re.compile(rf"(?P<outlets>[^;()\[\]]*?),[ \t\n]*(?P<date>{_DATE.pattern})[ \t\n]*")
_SPACE = " \t\n"
_NOT_A_NAME = re.compile(rf"{_DATE.pattern}|\d+")  # a date or a number where a name should stand
_SEE_EDM = re.compile(rf"[ \t\n]*see{_WS}EDM[ \t\n]*,[ \t\n]*")
_DATE_SEPARATOR = re.compile(r"[ \t\n]*[,;][ \t\n]*")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class OutletRef:
    """``(Outlet, Month Day)``; ``outlet`` is the name as written (spaces folded, empty where a
    name among several is missing). ``sharing`` is how many outlets share the date ("(A, B, May
    6)": 2 each), ``part`` which part of the bracket (between semicolons) it stands in."""

    outlet: str
    outlet_span: Span
    date: CitedDate
    date_span: Span
    sharing: int = 1
    part: int = 0


@dataclass(frozen=True, slots=True)
class LostOutletRef:
    """``(, Month Day)``: the outlet's name was lost in the published original."""

    at: int  # where the name would stand: the marker goes here
    date: CitedDate
    date_span: Span


@dataclass(frozen=True, slots=True)
class EdmRef:
    """One date of a ``(see EDM, ...)`` cross-reference."""

    date: CitedDate
    date_span: Span


Ref = OutletRef | LostOutletRef | EdmRef


def _is_date_word(word: str) -> bool:
    return month_number(word) is not None or looks_like_month(word) is not None


def _cited_date(match: re.Match[str]) -> CitedDate:
    month, day, year = match.group("month", "day", "year")
    return CitedDate(month, int(day), int(year) if year else None)


def parse_bracket(inner: str) -> list[Ref] | None:
    """The citations in the text between one pair of brackets, or None if it is no citation."""
    see = _SEE_EDM.match(inner)
    if see:
        return _parse_edm_dates(inner, see.end())
    refs: list[Ref] = []
    position = 0
    for number, part in enumerate(inner.split(";")):
        match = _OUTLET_PART.fullmatch(part)
        if match is None or not _is_date_word(match.group("month")):
            return None
        part_refs = _outlet_refs(match, position, number)
        if part_refs is None:
            return None
        refs.extend(part_refs)
        position += len(part) + 1
    return refs


def _outlet_refs(match: re.Match[str], offset: int, part: int) -> list[Ref] | None:
    """The outlets of one part and the date they share; None if a date or a number stands where
    a name should ("(Kommersant, May 10, May 11)": not this form, so a near miss)."""
    date_start, date_end = match.span("date")
    date_span = Span(offset + date_start, offset + date_end)
    date = _cited_date(match)
    names = _names(match.group("outlets"), offset + match.start("outlets"))
    if len(names) == 1 and not names[0][0]:
        return [LostOutletRef(names[0][1].start, date, date_span)]
    if len(names) > 1 and any(_NOT_A_NAME.fullmatch(name) for name, _ in names):
        return None
    return [OutletRef(" ".join(name.split()), span, date, date_span, len(names), part) for name, span in names]


def _names(text: str, offset: int) -> list[tuple[str, Span]]:
    """The names between commas, each without the white space around it; an empty one where it would stand."""
    found = []
    start = 0
    for piece in text.split(","):
        first = start + len(piece) - len(piece.lstrip(_SPACE))
        last = max(first, start + len(piece.rstrip(_SPACE)))
        found.append((text[first:last], Span(offset + first, offset + last)))
        start += len(piece) + 1
    return found


def _parse_edm_dates(inner: str, position: int) -> list[Ref] | None:
    refs: list[Ref] = []
    while True:
        match = _DATE.match(inner, position)
        if match is None or not _is_date_word(match.group("month")):
            return None
        refs.append(EdmRef(_cited_date(match), Span(match.start(), match.end())))
        position = match.end()
        separator = _DATE_SEPARATOR.match(inner, position)
        if separator is None:
            break
        position = separator.end()
    return refs if inner[position:].strip() == "" else None

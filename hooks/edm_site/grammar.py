"""The citation grammar of EDM's house style, applied to the text inside one pair of brackets.

    (Kommersant, May 10)                      an outlet citation
    (Kommersant, May 10; RBC, May 11, 2017)   several, separated by semicolons
    (, May 11)                                a citation whose outlet name was lost
    (see EDM, February 15, March 20)          cross-references to earlier EDM issues
    (see EDM, February 17, 2016; April 25, 2017)

Anything else in brackets, "(L)", "(FBI)", "(Source: Reuters)", "(see above)", is not a
citation. Offsets in the results are relative to the text given, so callers can place edits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import CitedDate, looks_like_month, month_number

_WS = r"[ \t\n]+"
_DATE = re.compile(rf"(?P<month>[A-Z][a-z]+){_WS}(?P<day>\d{{1,2}})(?:,{_WS}(?P<year>\d{{4}}))?")
_OUTLET_PART = re.compile(rf"[ \t\n]*(?P<outlet>[^,;()\[\]]*?)[ \t\n]*,[ \t\n]*(?P<date>{_DATE.pattern})[ \t\n]*")
_SEE_EDM = re.compile(rf"[ \t\n]*see{_WS}EDM[ \t\n]*,[ \t\n]*")
_DATE_SEPARATOR = re.compile(r"[ \t\n]*[,;][ \t\n]*")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class OutletRef:
    """``(Outlet, Month Day)``; ``outlet`` is the name as written (spaces folded)."""

    outlet: str
    outlet_span: Span
    date: CitedDate
    date_span: Span


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
    for part in inner.split(";"):
        match = _OUTLET_PART.fullmatch(part)
        if match is None or not _is_date_word(match.group("month")):
            return None
        refs.append(_outlet_ref(match, position))
        position += len(part) + 1
    return refs


def _outlet_ref(match: re.Match[str], offset: int) -> Ref:
    date_start, date_end = match.span("date")
    date_span = Span(offset + date_start, offset + date_end)
    outlet_start, outlet_end = match.span("outlet")
    outlet = " ".join(match.group("outlet").split())
    if not outlet:
        return LostOutletRef(offset + outlet_start, _cited_date(match), date_span)
    return OutletRef(outlet, Span(offset + outlet_start, offset + outlet_end), _cited_date(match), date_span)


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

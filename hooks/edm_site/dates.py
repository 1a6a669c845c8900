"""Dates as EDM cites them: "May 12", "February 17, 2016".

A date without a year is the latest such date on or before the article's publication date, so
"December 20" in a January article is the previous December.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from functools import lru_cache

MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTH_NUMBER = {name: number for number, name in enumerate(MONTHS, start=1)}


class DateProblem(ValueError):
    """A cited date that cannot be a real date; the message says why."""


@dataclass(frozen=True, slots=True)
class CitedDate:
    """A date exactly as written in a citation; ``year`` is None when the text gives none."""

    month: str
    day: int
    year: int | None = None

    @property
    def text(self) -> str:
        return f"{self.month} {self.day}" + (f", {self.year}" if self.year is not None else "")


def month_number(word: str) -> int | None:
    """The month's number for a month name, or None when the word is no month."""
    return _MONTH_NUMBER.get(word)


def looks_like_month(word: str) -> str | None:
    """The month a misspelt word most likely means ("Febuary" -> "February"), or None."""
    close = difflib.get_close_matches(word.capitalize(), MONTHS, n=1, cutoff=0.6)
    return close[0] if close else None


def resolve(cited: CitedDate, published: dt.date) -> dt.date:
    """The calendar date a citation means, given the citing article's publication date."""
    month = month_number(cited.month)
    if month is None:
        guess = looks_like_month(cited.month)
        hint = f' (did you mean "{guess}"?)' if guess else ""
        raise DateProblem(f'"{cited.month}" is not a month{hint}')
    if cited.year is not None:
        date = _make(cited.year, month, cited.day, cited)
        if date > published:
            raise DateProblem(f'"{cited.text}" is after the article\'s publication date, {long_form(published)}')
        return date
    year = published.year
    # Walk back at most eight years: far enough for February 29, and a bounded loop.
    for candidate_year in range(year, year - 9, -1):
        try:
            candidate = dt.date(candidate_year, month, cited.day)
        except ValueError:
            continue
        if candidate <= published:
            return candidate
    raise DateProblem(f'"{cited.text}" is not a date in any year')


def _make(year: int, month: int, day: int, cited: CitedDate) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateProblem(f'"{cited.text}" does not exist') from None


@lru_cache(maxsize=4096)  # every index and tooltip writes the same few dates again and again
def long_form(date: dt.date) -> str:
    """A resolved date as readers see it in tooltips and indexes: "12 May 2017"."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"

"""Dated events the article narrates, from ``data/events.yml``, for the chronology.

Each event names the paragraph it comes from and quotes the article's words that narrate it;
a quote that is not in that paragraph is a content problem the build reports.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .datafile import Entry, load_entries, shown
from .dates import MONTHS, long_form

EVENTS_FILE = "events.yml"
_MONTH = re.compile(r"(\d{4})-(\d{2})")


@dataclass(frozen=True)
class Event:
    start: dt.date
    end: dt.date | None
    by_month: bool  # the article gives the month only
    what: str  # our words
    quote: str  # the article's words
    paragraph: int
    note: str | None
    line: int

    @property
    def when(self) -> str:
        if self.by_month:
            return f"{MONTHS[self.start.month - 1]} {self.start.year}"
        if self.end and (self.end.year, self.end.month) == (self.start.year, self.start.month):
            return f"{self.start.day}–{long_form(self.end)}"
        return long_form(self.start) + (f" – {long_form(self.end)}" if self.end else "")

    @property
    def sort_key(self) -> tuple[dt.date, int]:
        return self.start, 0 if self.by_month else 1


def _start(entry: Entry) -> tuple[dt.date, bool]:
    value = entry.raw.get("date")
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value, False
    match = _MONTH.fullmatch(value) if isinstance(value, str) else None
    if match and int(match.group(1)) >= dt.MINYEAR and 1 <= int(match.group(2)) <= 12:
        return dt.date(int(match.group(1)), int(match.group(2)), 1), True
    raise entry.fail(f'date "{shown(value)}" is neither YYYY-MM-DD nor YYYY-MM (a month from 0001-01)')


def load_events(path: Path) -> tuple[Event, ...]:
    events = []
    for index, raw in enumerate(load_entries(path)):
        entry = Entry(path, raw, index, ("date", "end", "what", "quote", "paragraph", "note"))
        start, by_month = _start(entry)
        end = entry.date("end") if "end" in raw else None
        if end is not None and end < start:
            raise entry.fail(f'end "{end}" must be on or after the start')
        paragraph = entry.number("paragraph")
        events.append(
            Event(
                start,
                end,
                by_month,
                entry.text("what"),
                entry.text("quote"),
                paragraph,
                entry.text("note", required=False),
                raw["__line__"],
            )
        )
    return tuple(sorted(events, key=lambda e: e.sort_key))


def misquoted(events: tuple[Event, ...], paragraphs: dict[int, str], path: str) -> list[str]:
    """A message for every event whose quote is not in the paragraph it names."""
    problems = []
    for event in events:
        if event.paragraph not in paragraphs:
            problems.append(f"{path}:{event.line}: there is no ¶{event.paragraph}: give the paragraph that narrates it")
            continue
        text = " ".join(paragraphs[event.paragraph].split())
        if event.quote not in text:
            problems.append(
                f"{path}:{event.line}: the quote “{event.quote}” is not in ¶{event.paragraph}: "
                "quote the article's words exactly, or correct the paragraph number"
            )
    return problems

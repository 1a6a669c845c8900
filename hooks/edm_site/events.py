"""Dated events the article narrates, from ``data/events.yml``, for the chronology.

Each event names the paragraph it comes from and quotes the article's words that narrate it;
a quote that is not in that paragraph is a content problem the build reports.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .datafile import DataFileError, Entry, load_entries
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
        if self.end and self.end.month == self.start.month:
            return f"{self.start.day}–{long_form(self.end)}"
        return long_form(self.start) + (f" – {long_form(self.end)}" if self.end else "")

    @property
    def sort_key(self) -> tuple[dt.date, int]:
        return self.start, 0 if self.by_month else 1


def _start(entry: Entry) -> tuple[dt.date, bool]:
    value = entry.raw.get("date")
    if isinstance(value, dt.date):
        return value, False
    match = _MONTH.fullmatch(str(value))
    if match and 1 <= int(match.group(2)) <= 12:
        return dt.date(int(match.group(1)), int(match.group(2)), 1), True
    raise entry.fail(f'date "{value}" is neither YYYY-MM-DD nor YYYY-MM')


def load_events(path: Path) -> tuple[Event, ...]:
    events = []
    for index, raw in enumerate(load_entries(path)):
        entry = Entry(path, raw, index)
        start, by_month = _start(entry)
        end = raw.get("end")
        if end is not None and (not isinstance(end, dt.date) or end < start):
            raise entry.fail(f'end "{end}" must be a date (YYYY-MM-DD) on or after the start')
        paragraph = raw.get("paragraph")
        if not isinstance(paragraph, int) or paragraph < 1:
            raise entry.fail("paragraph must be the number of the paragraph that narrates the event")
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
        text = " ".join(paragraphs.get(event.paragraph, "").split())
        if event.quote not in text:
            problems.append(
                f"{path}:{event.line}: the quote “{event.quote}” is not in ¶{event.paragraph}: "
                "quote the article's words exactly, or correct the paragraph number"
            )
    return problems


__all__ = ["EVENTS_FILE", "DataFileError", "Event", "load_events", "misquoted"]

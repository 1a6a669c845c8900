"""What the citations add up to: the sourcing profile (how many citations, of how many outlets,
the share by ownership and the share by editorial line), citations per outlet for the chart, and
the chronology.

Computed from the citations themselves, so it can never drift from the text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from .citations import Citation
from .datafile import Fact
from .dates import long_form
from .events import Event
from .index import Cited
from .registry import AFFILIATIONS, LOST_OUTLETS, UNKNOWN, Outlet

LOST = "outlet lost"
CATEGORIES = (*AFFILIATIONS, LOST)


@dataclass(frozen=True)
class Share:
    category: str
    count: int
    percent: int  # rounded, of all outlet citations


@dataclass(frozen=True)
class LineShare:
    """The citations of outlets of one editorial line (``None``: not known; ``LOST``: the outlet lost)."""

    line: str | None
    count: int
    percent: int
    inferred_for: tuple[str, ...]  # the outlets counted here whose line is inferred, not seen stated


@dataclass(frozen=True)
class Profile:
    citations: int  # outlet citations, named or lost
    outlets: int  # distinct named outlets
    shares: tuple[Share, ...]  # by ownership
    edm: int  # EDM cross-references
    lines: tuple[LineShare, ...] = ()  # by editorial line, most cited first; not known last


def profile(places: Iterable[Cited]) -> Profile:
    cited = [p.citation for p in places]
    outlet_citations = [c for c in cited if c.kind != "edm"]
    counts = {category: 0 for category in CATEGORIES}
    for citation in outlet_citations:
        counts[citation.outlet.affiliation if citation.outlet else LOST] += 1
    total = len(outlet_citations)
    # The three kinds of owner are rows even at 0 (none of them cited is a finding). Unknown ownership
    # and a lost name are rows of their own where they occur, never folded into another; a row of
    # none of them would only raise a question the page does not.
    shares = tuple(
        Share(k, n, round(100 * n / total) if total else 0) for k, n in counts.items() if n or k not in (UNKNOWN, LOST)
    )
    outlets = len({c.outlet.id for c in outlet_citations if c.outlet})
    return Profile(total, outlets, shares, sum(1 for c in cited if c.kind == "edm"), _lines(outlet_citations, total))


def marks(places: Iterable[Cited]) -> tuple[str, ...]:
    """The ownership markers a key must explain: the three kinds of owner always, and "unknown" where an
    outlet of unknown ownership is cited."""
    cited = {p.citation.outlet.affiliation for p in places if p.citation.outlet}
    return tuple(a for a in AFFILIATIONS if a != UNKNOWN or a in cited)


def _lines(outlet_citations: list[Citation], total: int) -> tuple[LineShare, ...]:
    counts: dict[str | None, int] = {}
    inferred: dict[str | None, dict[str, None]] = {}  # line -> names, in order of first citation
    for citation in outlet_citations:
        line = citation.outlet.line if citation.outlet else None
        key = LOST if line is None else line.value if line.known else None
        counts[key] = counts.get(key, 0) + 1
        if line is not None and line.status == "inferred":
            inferred.setdefault(key, {})[citation.outlet.name] = None
    ordered = sorted(counts.items(), key=lambda item: (item[0] == LOST, item[0] is None, -item[1]))
    return tuple(
        LineShare(line, n, round(100 * n / total) if total else 0, tuple(inferred.get(line, ()))) for line, n in ordered
    )


@dataclass(frozen=True)
class OutletRow:
    """One bar of the chart: an outlet (or the lost outlets) and how often it is cited."""

    key: str  # the anchor on /sources/
    name: str
    category: str
    count: int
    line: Fact | None = None  # the outlet's editorial line; None for the lost outlets


def per_outlet(places: Iterable[Cited]) -> list[OutletRow]:
    """Citations per outlet, most cited first (ties in order of first citation), lost outlets last."""
    cited: dict[str, list[Outlet]] = {}  # outlet id -> its citations' outlets, in order of first citation
    lost = 0
    for place in places:
        citation = place.citation
        if citation.outlet is None:
            lost += citation.kind == "lost"
            continue
        cited.setdefault(citation.outlet.id, []).append(citation.outlet)
    rows = [OutletRow(o[0].id, o[0].name, o[0].affiliation, len(o), o[0].line) for o in cited.values()]
    ordered = sorted(rows, key=lambda r: -r.count)
    return [*ordered, OutletRow(LOST_OUTLETS, "Outlet name lost", LOST, lost)] if lost else ordered


@dataclass(frozen=True)
class Day:
    """One entry of the chronology: a date, what was cited for it, and what the article narrates then."""

    when: str
    date: dt.date
    places: tuple[Cited, ...]
    events: tuple[Event, ...]

    @property
    def sources(self) -> list[tuple[Cited, ...]]:
        """The day's citations by what they cite (an outlet, the lost outlets, an EDM article),
        in the order each is first cited."""
        grouped: dict[str, list[Cited]] = {}
        for place in self.places:
            grouped.setdefault(place.citation.entry, []).append(place)
        return [tuple(places) for places in grouped.values()]


def chronology(places: Iterable[Cited], narrated: Iterable[Event]) -> list[Day]:
    """Every cited date and every narrated event, oldest first; a month-only event opens its month."""
    by_date: dict[dt.date, list[Cited]] = {}
    for place in places:
        by_date.setdefault(place.citation.date, []).append(place)
    days: dict[tuple[dt.date, int], Day] = {
        (date, 1): Day(long_form(date), date, tuple(cited), ()) for date, cited in by_date.items()
    }
    for event in narrated:
        key = event.sort_key
        day = days.get(key) or Day(event.when, event.start, (), ())
        days[key] = Day(day.when if day.places else event.when, day.date, day.places, (*day.events, event))
    return [days[key] for key in sorted(days)]

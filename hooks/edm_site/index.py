"""The site-wide index of citations: which outlet, lost outlet and EDM article is cited where.

Built once per build from a first reading of every themed page, before any page is rendered,
so that the index pages and each page's own source list can be written from it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from .citations import Citation
from .paragraphs import Paragraph, paragraph_at
from .registry import LOST_OUTLETS, EdmArticle, Outlet, Registry


@dataclass(frozen=True)
class Cited:
    """A citation where it stands: the page (``src_uri``, title) and the paragraph."""

    citation: Citation
    src_uri: str
    page_title: str
    paragraph: int | None

    @property
    def label(self) -> str:
        return self.page_title + (f"\u00a0¶{self.paragraph}" if self.paragraph else "")


@dataclass(frozen=True)
class Group:
    """Everything cited of one outlet or EDM article (or of the lost outlets) on some pages."""

    key: str  # the anchor of the entry: outlet id, "lost-outlets" or the EDM article's anchor
    outlet: Outlet | None
    edm: EdmArticle | None
    places: tuple[Cited, ...]

    @property
    def count(self) -> int:
        return len(self.places)

    @property
    def anchors(self) -> list[str]:
        """The ids of the citations, in page order: where a reference list's backlinks go."""
        return [place.citation.id for place in self.places]

    @property
    def dates(self) -> list[dt.date]:
        """The dates cited, each once, oldest first."""
        return sorted({place.citation.date for place in self.places})

    @property
    def by_date(self) -> list[tuple[dt.date, tuple[Cited, ...]]]:
        """The places by the date they cite, oldest first."""
        grouped: dict[dt.date, list[Cited]] = {}
        for place in self.places:
            grouped.setdefault(place.citation.date, []).append(place)
        return [(date, tuple(grouped[date])) for date in sorted(grouped)]


@dataclass(frozen=True)
class SiteIndex:
    places: tuple[Cited, ...]
    _by_page: dict[str, tuple[Cited, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_page: dict[str, list[Cited]] = {}
        for place in self.places:
            by_page.setdefault(place.src_uri, []).append(place)
        object.__setattr__(self, "_by_page", {uri: tuple(places) for uri, places in by_page.items()})

    def page(self, src_uri: str) -> SiteIndex:
        """The index of one page."""
        return SiteIndex(self._by_page.get(src_uri, ()))

    def outlets(self, registry: Registry) -> list[Group]:
        """Every cited outlet, in the order of the data file."""
        cited = self._grouped
        return [Group(o.id, o, None, tuple(cited[o.id])) for o in registry.outlets if o.id in cited]

    def lost(self) -> Group:
        return Group(LOST_OUTLETS, None, None, tuple(self._grouped.get(LOST_OUTLETS, ())))

    def edm_articles(self, registry: Registry) -> list[Group]:
        """Every EDM article, cited or not, oldest first."""
        cited = self._grouped
        articles = sorted(registry.edm_articles, key=lambda a: a.date)
        return [Group(a.anchor, None, a, tuple(cited.get(a.anchor, ()))) for a in articles]

    def on_page(self, src_uri: str, registry: Registry) -> list[Group]:
        """The groups of one page: outlets, then the lost outlets, then EDM articles."""
        page = self.page(src_uri)
        groups = [*page.outlets(registry), page.lost(), *page.edm_articles(registry)]
        return [g for g in groups if g.count]

    @cached_property
    def _grouped(self) -> dict[str, list[Cited]]:
        """The places grouped by entry: outlet id, "lost-outlets" or the EDM article's anchor."""
        grouped: dict[str, list[Cited]] = {}
        for place in self.places:
            grouped.setdefault(place.citation.entry, []).append(place)
        return grouped


def places_on_page(src_uri: str, title: str, citations: list[Citation], paragraphs: list[Paragraph]) -> Iterator[Cited]:
    for citation in citations:
        yield Cited(citation, src_uri, title, paragraph_at(paragraphs, citation.line))

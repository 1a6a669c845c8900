"""The site-wide index of citations: which outlet, lost outlet and EDM article is cited where.

Built once per build from a first reading of every themed page, before any page is rendered,
so that the index pages and each page's own source list can be written from it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .citations import Citation
from .paragraphs import Paragraph, paragraph_at
from .registry import EdmArticle, Outlet, Registry


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


@dataclass(frozen=True)
class SiteIndex:
    places: tuple[Cited, ...]

    def outlets(self, registry: Registry) -> list[Group]:
        """Every cited outlet, in the order of the data file."""
        return [g for o in registry.outlets if (g := self._group(o.id, lambda c, o=o: c.outlet == o, outlet=o)).count]

    def lost(self) -> Group:
        return self._group("lost-outlets", lambda c: c.kind == "lost")

    def edm_articles(self, registry: Registry) -> list[Group]:
        """Every EDM article, cited or not, oldest first."""
        articles = sorted(registry.edm_articles, key=lambda a: a.date)
        return [self._group(a.anchor, lambda c, a=a: c.edm == a, edm=a) for a in articles]

    def on_page(self, src_uri: str, registry: Registry) -> list[Group]:
        """The groups of one page: outlets, then the lost outlets, then EDM articles."""
        page = SiteIndex(tuple(p for p in self.places if p.src_uri == src_uri))
        groups = [*page.outlets(registry), page.lost(), *page.edm_articles(registry)]
        return [g for g in groups if g.count]

    def _group(self, key: str, wanted, *, outlet: Outlet | None = None, edm: EdmArticle | None = None) -> Group:
        return Group(key, outlet, edm, tuple(p for p in self.places if wanted(p.citation)))


def places_on_page(src_uri: str, title: str, citations: list[Citation], paragraphs: list[Paragraph]) -> Iterator[Cited]:
    for citation in citations:
        yield Cited(citation, src_uri, title, paragraph_at(paragraphs, citation.line))

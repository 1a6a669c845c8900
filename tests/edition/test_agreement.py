"""This edition's data and pages agree with its article: every citation of the text is linked, every
entry of the data is cited, and the outlet index counts what the text cites. Expectations read off
the edition (``this_edition``); the same checks on the fixture edition are in ``tests/test_site.py``.
"""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from builtpages import cited_count, page, sources_index, words
from this_edition import REGISTRY, THEMED, citations, cited


@pytest.mark.parametrize("where", ["themed pages", "full article"])
def test_every_citation_of_the_article_is_linked(built_site: Path, where: str) -> None:
    found = cited()
    pages = [page(built_site, name) for name in (THEMED if where == "themed pages" else ("article",))]
    links = [a for p in pages for a in p.iter() if a.tag == "a"]
    assert collections.Counter(words(a, skip=("ours",)) for a in links if "edm-cite" in a.classes) == found.outlets
    assert sum(1 for a in links if "edm-lost" in a.classes) == found.lost
    assert collections.Counter(a.text() for a in links if "edm-xref" in a.classes) == found.edm


def test_every_entry_of_the_data_is_cited() -> None:
    found = cited()
    assert {outlet.name for outlet in REGISTRY.outlets} == set(found.outlets)
    assert {article.date for article in REGISTRY.edm_articles} == {c.date for c in citations() if c.kind == "edm"}


def test_the_outlet_index_counts_what_the_article_cites(built_site: Path) -> None:
    found = cited()
    counts, backlinks = sources_index(built_site, REGISTRY)
    assert counts == {outlet.name: found.outlets[outlet.name] for outlet in REGISTRY.outlets}
    assert sum(cited_count(a) for a in backlinks) == found.citations

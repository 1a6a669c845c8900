"""This edition's data and pages agree with its article: every citation of the text is linked, every
entry of the data is cited, and the outlet index counts what the text cites. Expectations read off
the edition (``this_edition``); the same checks on the fixture edition are in ``tests/test_site.py``.
"""

from __future__ import annotations

import collections
import re
from pathlib import Path

import pytest

from this_edition import REGISTRY, THEMED, cited, cited_count, page, words


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
    assert len(REGISTRY.edm_articles) == len(found.edm)


def test_the_outlet_index_counts_what_the_article_cites(built_site: Path) -> None:
    found = cited()
    elements = list(page(built_site, "sources").iter())
    for outlet in REGISTRY.outlets:
        heading = next(i for i, e in enumerate(elements) if e.attrs.get("id") == outlet.id)
        entry = next(e for e in elements[heading:] if "edm-outlet" in e.classes)
        count = re.search(r"Cited (\d+) times?:", entry.article_text())
        assert count is not None and int(count[1]) == found.outlets[outlet.name], outlet.name
    backlinks = [a for a in elements if a.tag == "a" and "#cite-" in a.attrs.get("href", "")]
    assert sum(cited_count(a) for a in backlinks) == found.citations

"""Scale: what the hooks generate never puts thousands of links (or list items) in one element.

Python-Markdown's abbreviation processor takes time quadratic in the children of one element, so a
page citing one source thousands of times once made its "Sources on this page" and its endnotes
the slowest part of the build (``make bench-hooks`` reports the growth from 10,000 to 25,000
citations on one page). Here one page of 600 citations, each kind of them (of an outlet, of a lost
name, of EDM) and each of its three outlets more than a hundred times, built with the fixture
edition (``conftest.added_pages``).
"""

from __future__ import annotations

from pathlib import Path

import fixturesite
from edm_site.links import LINKS_PER_ELEMENT, backlink_letters, backlink_runs
from htmltext import parse


def test_backlink_runs_go_on_where_the_last_stopped() -> None:
    anchors = [f"cite-{n}" for n in range(1, 251)]
    runs = backlink_runs(anchors)
    assert [run.count("](#cite-") for run in runs] == [100, 100, 50]
    assert runs[0].startswith("↑ [a](#cite-1 ") and runs[1].startswith("[101](#cite-101 ")
    assert " ".join(runs) == backlink_letters(anchors)
    assert backlink_runs(["cite-1"], ["4 May 2017"]) == [backlink_letters(["cite-1"], ["4 May 2017"])]


def test_no_element_of_a_page_of_hundreds_of_citations_holds_more_than_a_hundred_links(added_pages) -> None:
    site, _, warnings = added_pages
    text, stats = fixturesite.many_citations()
    assert min(stats.citations.values()) > LINKS_PER_ELEMENT
    folded = " ".join(text.split())  # a name may wrap over a line
    assert min(folded.count(name) for name in ("RIA Novosti", "RBC", "Kommersant")) > LINKS_PER_ELEMENT
    assert not [w for w in warnings if fixturesite.MANY in w]
    page = parse((Path(site) / "many" / "index.html").read_text(encoding="utf-8"))
    crowded = [
        (element.tag, sorted(element.classes), links, items)
        for element in page.iter()
        if (links := sum(1 for c in element.children if getattr(c, "tag", None) == "a")) > LINKS_PER_ELEMENT
        or (items := sum(1 for c in element.children if getattr(c, "tag", None) == "li")) > LINKS_PER_ELEMENT
    ]
    assert crowded == []
    notes = next(e for e in page.iter() if "edm-endnotes" in e.classes)
    numbers = [int(ol.attrs.get("start", "1")) for ol in notes.iter() if ol.tag == "ol"]
    assert numbers == list(range(1, stats.total + 1, 100))

"""Printing a themed page or the full article: the text with its ¶ numbers and numbered
citations, the endnotes with each citation's outlet and full date, and no navigation or search.
Chromium's own PDF output, read back as text."""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from edm_site.registry import load_registry
from htmltext import reference_parts
from paths import REFERENCE
from test_site import reference_counts

pytestmark = pytest.mark.browser
PARAGRAPHS = reference_parts(REFERENCE.read_text(encoding="utf-8"))[3]
DIPLOMACY = (1, 2, 6)  # the paragraphs of /diplomacy/


def printed_text(page: Page, path: str) -> str:
    page.goto(path)
    page.wait_for_load_state("networkidle")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


@pytest.mark.parametrize(
    ("path", "paragraphs", "notes"),
    [
        (
            "/syria/",
            [3],
            [
                "1. Eurasia Daily Monitor, 4 May 2017",
                "2. Kommersant (private), 6 May 2017.",
                "3. Outlet name lost in the published original, 11 May 2017.",
            ],
        ),
        (
            "/article/",
            [1, 2, 3, 4, 5, 6],
            [
                "1. RIA Novosti (state-owned), 12 May 2017.",
                "2. RBC (private), 12 May 2017.",
                "26. Outlet name lost in the published original, 14 May 2017.",
            ],
        ),
    ],
)
def test_print_carries_endnotes_and_paragraph_numbers(
    page: Page, path: str, paragraphs: list[int], notes: list[str]
) -> None:
    text = printed_text(page, path)
    assert "Notes" in text
    for note in notes:
        assert note in text
    for number in paragraphs:
        assert f"¶{number}" in text
    # The note number follows the citation and its ownership marker (P: private), outside both.
    assert re.search(r"Kommersant ?P ?\[\d+\]", text), "citation links carry their note numbers in print"
    for chrome in ("Table of contents", "Search", "Sources on this page"):
        assert chrome not in text


def test_print_endnotes_name_every_outlet(page: Page, root) -> None:
    text = printed_text(page, "/diplomacy/")
    registry = load_registry(root / "hooks" / "data")
    cited, _, _ = reference_counts("\n\n".join(PARAGRAPHS[n - 1] for n in DIPLOMACY))  # read off the article
    assert cited, "no outlet read off ¶1, ¶2, ¶6"
    for name in cited:
        assert f"{name} ({registry.outlet_named(name).affiliation})" in text


def test_links_of_ours_print_with_their_address(page: Page, root) -> None:
    # A long address is broken over lines in the PDF: compare without white space.
    text = "".join(printed_text(page, "/sources/").split())
    registry = load_registry(root / "hooks" / "data")
    linked = [outlet for outlet in registry.outlets if outlet.evidence.startswith("https://")]
    assert linked, "no outlet's evidence is an address: this test checks nothing"
    for outlet in linked:
        assert f"evidence<{outlet.evidence}>" in text, f"{outlet.name}'s evidence prints without its address"


def test_the_note_number_prints_outside_the_citations_underline(page: Page) -> None:
    """An inline block takes no text decoration from its parent: the number is not underlined."""
    page.goto("/diplomacy/")
    page.emulate_media(media="print")
    after = page.locator("#cite-3").evaluate(
        "a => { const s = getComputedStyle(a, '::after'); return [s.content, s.display] }"
    )
    assert after == ['"[" attr(data-note) "]"', "inline-block"] or after == ['"[3]"', "inline-block"], after

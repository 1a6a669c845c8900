"""Printing a themed page or the full article: the text with its ¶ numbers and numbered
citations, the endnotes with each citation's outlet and full date, and no navigation or search.
Chromium's own PDF output, read back as text. What the notes say is rebuilt from the edition: its
citations read off the text in the order written (this_edition), dated against its publication
date, each outlet's ownership from the data."""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader
from this_site import ARRIVAL, CITED, FIRST

from edm_site.registry import ownership
from htmltext import Element, parse
from paths import ASSETS
from this_edition import NUMBERS, REGISTRY, Citation, affiliation, citations, cited, long_date, text_of

pytestmark = pytest.mark.browser

# The letter in each ownership marker (edm.css), which prints after the outlet's name.
LETTERS = dict(
    re.findall(r'\.edm-mark--([a-z-]+)::before \{ content: "(.)"', (ASSETS / "edm.css").read_text(encoding="utf-8"))
)


def printed_text(page: Page, path: str) -> str:
    page.goto(path)
    page.wait_for_load_state("networkidle")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def note(number: int, citation: Citation) -> str:
    """A citation's endnote, as the site prints it."""
    date = long_date(citation.date)
    if citation.kind == "outlet":
        outlet = citation.outlet
        assert outlet is not None, f"{citation.written} is cited but is no outlet of the data"
        return f"{number}. {outlet.name} ({ownership(outlet.affiliation)}), {date}."
    if citation.kind == "edm":
        entry = REGISTRY.edm_article(citation.date)
        assert entry is not None, f"no EDM entry of {citation.date}"
        what = f"“{entry.title.value}”" if entry.title.known else "article not identified"
        return f"{number}. Eurasia Daily Monitor, {date}: {what}."
    return f"{number}. Outlet name lost in the published original, {date}."


@pytest.mark.parametrize(
    ("path", "paragraphs"), [(ARRIVAL.path, ARRIVAL.numbers), ("/article/", NUMBERS)], ids=["a theme", "article"]
)
def test_print_carries_endnotes_and_paragraph_numbers(page: Page, path: str, paragraphs: tuple[int, ...]) -> None:
    text = printed_text(page, path)
    assert "Notes" in text
    cites = citations(paragraphs)
    assert cites, f"no citation read off {path}"
    # A line may break after a hyphen ("Turkish- Russian"): the notes are compared without white space.
    solid = "".join(text.split())
    for number, citation in enumerate(cites, start=1):
        assert "".join(note(number, citation).split()) in solid, note(number, citation)
    for number in paragraphs:
        assert f"¶{number}" in text
    # The note number follows the citation and its ownership marker (its letter), outside both.
    number, outlet = next((n, c) for n, c in enumerate(cites, start=1) if c.outlet)
    letter = LETTERS[outlet.outlet.affiliation]
    assert re.search(rf"{re.escape(outlet.written)} ?{re.escape(letter)} ?\[{number}\]", text), (
        "citation links carry their note numbers in print"
    )
    for chrome in ("Table of contents", "Search", "Sources on this page"):
        assert chrome not in text


def test_print_endnotes_name_every_outlet(page: Page) -> None:
    text = printed_text(page, FIRST.path)
    outlets = cited(text_of(FIRST.numbers)).outlets  # read off the article
    assert outlets, f"no outlet read off {FIRST.path}"
    for name in outlets:
        assert f"{name} ({affiliation(name)})" in text


def addressed(root: Element) -> list[str]:
    """The addresses of the page's links of ours whose words are not their address (print shows both)."""
    return [e.attrs["href"] for e in root.iter() if e.tag == "a" and "edm-print-address" in e.classes]


def test_links_of_ours_print_with_their_address(page: Page, served_site) -> None:
    # A long address is broken over lines in the PDF: compare without white space.
    text = "".join(printed_text(page, "/sources/").split())
    linked = [outlet for outlet in REGISTRY.outlets if (outlet.evidence or "").startswith("https://")]
    links = addressed(parse((served_site.folder / "sources" / "index.html").read_text(encoding="utf-8")))
    for outlet in linked:
        assert outlet.evidence in links, f"{outlet.name}'s evidence is not a link of ours"
        assert f"evidence<{outlet.evidence}>" in text, f"{outlet.name}'s evidence prints without its address"
    for address in links:
        assert f"<{address}>" in text, f"{address} prints without its address"
    if not links:  # no evidence is an address: nothing prints one
        assert "<https://" not in text


def test_the_note_number_prints_outside_the_citations_underline(page: Page) -> None:
    """An inline block takes no text decoration from its parent: the number is not underlined."""
    page.goto(CITED.page.path)
    page.emulate_media(media="print")
    after = page.locator(f"#{CITED.id}").evaluate(
        "a => { const s = getComputedStyle(a, '::after'); return [s.content, s.display] }"
    )
    assert after in (['"[" attr(data-note) "]"', "inline-block"], [f'"[{CITED.number}]"', "inline-block"]), after

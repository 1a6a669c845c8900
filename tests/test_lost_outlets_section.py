"""The section of /sources/ on citations whose outlet name was lost, and its entry in the key, are
written only when the article has such a citation. On the fixture data, with and without a lost
name; and the fixture edition's build, whose article has them (``(, May 11)``), keeps both.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import builtpages
from edm_site import index, sourcing, templates
from edm_site.citations import find_citations
from fixturesite import PUBLISHED, REGISTRY
from htmltext import by_id
from paths import TEMPLATES

ENV = templates.environment(TEMPLATES)
CONTEXT = {"page": "sources.md", "sources_page": "sources.md", "edm_page": "edm.md"}


def rendered(markdown: str) -> tuple[str, str]:
    """The outlet index and the whole article's profile (with the key) of a page of ``markdown``."""
    citations, problems = find_citations(markdown, REGISTRY, PUBLISHED)
    assert problems == []
    site = index.SiteIndex(tuple(index.places_on_page("page.md", "Page", citations, [])))
    sources = ENV.get_template("sources.md.j2").render(outlets=site.outlets(REGISTRY), lost=site.lost(), **CONTEXT)
    key = ENV.get_template("profile.md.j2").render(
        profile=sourcing.profile(site.places),
        whole_site=True,
        marks=sourcing.marks(site.places),
        lost=site.lost().count,
        **CONTEXT,
    )
    return sources, key


@pytest.mark.parametrize(
    ("markdown", "lost"),
    [
        ("Text (Kommersant, May 10) and (RBC, May 11).", False),
        ("Text (Kommersant, May 10) and (, May 11).", True),
        ("Text (Kommersant, May 10; , May 11).", True),
    ],
)
def test_the_lost_outlets_section_and_its_key_entry_only_with_a_lost_name(markdown: str, lost: bool) -> None:
    sources, key = rendered(markdown)
    assert ("{ #lost-outlets }" in sources) is lost
    assert ("Citations whose outlet name was lost" in sources) is lost
    assert ('<span class="edm-lost-sample">name lost</span> box' in key) is lost
    assert "{: #key }" in key
    assert "Cross-references to earlier EDM articles link their dates." in key or lost
    assert "## Kommersant { #kommersant }" in sources  # the outlets are indexed either way


def test_an_article_with_lost_names_keeps_its_lost_outlets_section(fixture_site: Path) -> None:
    sources = builtpages.page(fixture_site, "sources")
    section = by_id(sources, "lost-outlets")
    assert section is not None and section.tag == "h2"
    assert any("edm-lost-sample" in e.classes for e in by_id(sources, "key").iter())

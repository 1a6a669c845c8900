"""Property: on any Markdown, finding citations never raises, and rewriting changes nothing but
the places it links."""

from __future__ import annotations

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from edm_site.citations import find_citations, rewrite
from fixturesite import PUBLISHED, REGISTRY

FRAGMENTS = [
    "(", ")", ",", ";", " ", "\n", "\n\n", "    ", "`", "```\n", "~~~\n", "> ", "- ", "1. ", "| ", "|---|\n",
    "[", "]", "](https://x.org/)", "<b>", "</b>", "<!-- c -->", "!!! note\n\n", "=== \"T\"\n\n", "\\", "*", "_",
    "Kommersant", "RBC", "RIA Novosti", "Nezavisimaya\nGazeta", "Pravda", "see EDM", "see above", "Source: Reuters",
    "May", "Mya", "February", "March", "April", "December", " 4", " 10", " 12", " 30", " 2016", " 2017", "L", "FBI",
    "é", "—", "“", "”", "\t", "\\|", "\u2028", "\x00", "\n\t", "<div>\n\n", "</div>\n", "<p markdown>",
    "(Kommersant, May 10)", "(, May 11)", "(see EDM, May 4)", "(RBC,\nMay 12)", "(Kommersant, May 10; , May 2)",
]  # fmt: skip

markdown_text = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_text)
def test_rewrite_changes_only_what_it_links(markdown: str) -> None:
    citations, _ = find_citations(markdown, REGISTRY, PUBLISHED)
    event(f"citations found: {min(len(citations), 3)}{'+' if len(citations) >= 3 else ''}")
    rewritten = rewrite(markdown, citations, lambda citation, text: f"\x01{text}\x02")
    assert rewritten.replace("\x01", "").replace("\x02", "") == markdown
    for citation in citations:
        linked = markdown[citation.start : citation.end]
        if citation.outlet:
            assert " ".join(linked.split()) in citation.outlet.names
        elif citation.edm:
            assert linked.split()[0] in {"May", "February", "March", "April", "December"}
        else:
            assert linked == ""


@given(markdown_text)
@settings(max_examples=100, deadline=None)
def test_the_same_markdown_gives_the_same_citations(markdown: str) -> None:
    assert find_citations(markdown, REGISTRY, PUBLISHED) == find_citations(markdown, REGISTRY, PUBLISHED)

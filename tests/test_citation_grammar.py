"""The citation grammar on Markdown fixtures: what is linked, what is left exactly as it is.

Each fixture is ``title / . / Markdown in / . / Markdown out / .``; the output writes each link
in a compact notation (``[[text=outlet date #n]]``) so that the fixtures show the grammar, not
the markup, which ``test_links.py`` covers.
"""

from __future__ import annotations

import pytest
from markdown_it.utils import read_fixture_file

from edm_site.citations import Citation, find_citations, rewrite
from fixturesite import PUBLISHED, REGISTRY
from paths import FIXTURES


def notation(citation: Citation, text: str) -> str:
    if citation.outlet:
        return f"[[{text}={citation.outlet.id} {citation.date} #{citation.number}]]"
    if citation.edm:
        return f"[[EDM {text}={citation.date} #{citation.number}]]"
    return f"[[lost {citation.date} #{citation.number}]]"


@pytest.mark.parametrize(
    ("line", "title", "markdown", "expected"),
    read_fixture_file(FIXTURES / "citations.md"),
    ids=[f"{case[0]}-{case[1]}" for case in read_fixture_file(FIXTURES / "citations.md")],
)
def test_rewrite(line: int, title: str, markdown: str, expected: str) -> None:
    citations, problems = find_citations(markdown, REGISTRY, PUBLISHED)
    assert problems == []
    assert rewrite(markdown, citations, notation) == expected

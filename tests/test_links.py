"""The Markdown of the links the hooks write, and the escaping of values from data."""

from __future__ import annotations

import pytest

from edm_site.links import backlink_letters, md_link, md_text, relative


@pytest.mark.parametrize(
    ("target", "page", "expected"),
    [
        ("sources.md", "region.md", "sources.md"),
        ("sources.md", "themes/region.md", "../sources.md"),
        ("edm/index.md", "a/b.md", "../edm/index.md"),
    ],
)
def test_relative(target: str, page: str, expected: str) -> None:
    assert relative(target, page) == expected


def test_md_link_with_title_id_and_classes() -> None:
    link = md_link("RBC", "sources.md#rbc", title='Say "hi" & <go>', id="cite-2", classes=("edm-cite", "x"))
    assert link == '[RBC](sources.md#rbc "Say &quot;hi&quot; &amp; &lt;go&gt;"){ #cite-2 .edm-cite .x }'


def test_md_link_plain() -> None:
    assert md_link("a", "#cite-1") == "[a](#cite-1)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        ("a*b_c", "a\\*b\\_c"),
        ("[x](y)", "\\[x\\](y)"),
        ("<script>", "&lt;script&gt;"),
        ("R&D", "R&amp;D"),
        ("1909. Founded", "1909\\. Founded"),
        ("- a list?", "\\- a list?"),
        ("two\nlines  folded", "two lines folded"),
        ("a | b", "a \\| b"),
    ],
)
def test_md_text_escapes(text: str, expected: str) -> None:
    assert md_text(text) == expected


def test_backlink_letters() -> None:
    assert backlink_letters(["cite-2"]) == '[↑](#cite-2 "Back to the citation")'
    assert backlink_letters(["cite-1", "cite-4"]) == (
        '↑ [a](#cite-1 "Back to citation 1 of 2") [b](#cite-4 "Back to citation 2 of 2")'
    )
    assert backlink_letters([f"c{i}" for i in range(27)]).endswith('[27](#c26 "Back to citation 27 of 27")')

"""The hooks read front matter exactly as MkDocs does."""

from __future__ import annotations

import pytest
from mkdocs.utils import meta

from edm_site import frontmatter

PAGES = [
    "---\ntitle: Region\npublished: 2017-05-05\n---\n\n\n# Region\n",
    "---\ntitle: Bad: yaml: here\n---\n# Text\n",
    "---\n- a list\n---\ntext\n",
    "# No front matter\n\ntext\n",
    "Title: MultiMarkdown\nAuthor: X\n\ntext\n",
    "---\ntitle: x\n...\ntext\n",
]


@pytest.mark.parametrize("source", PAGES)
def test_front_matter_is_read_as_mkdocs_reads_it(source: str) -> None:
    markdown, data, offset = frontmatter.read(source)
    assert (markdown, data) == meta.get_data(source)
    assert offset == source[: len(source) - len(markdown)].count("\n")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("---\ntitle: Region\n---\n\ntext\n", None),
        ("# No front matter\n", None),
        ("---\n\nA page that opens with a rule.\n\n---\n\ntext\n", None),  # not key: value pairs: MkDocs' affair
        ("---\ntitle: x\ndescription: Bad: yaml: here\n---\n", (3, "mapping values are not allowed")),
        ("---\ntitle: x\npublished: 2017-02-30\n---\n", (1, "day is out of range for month: correct the value")),
    ],
)
def test_unreadable_front_matter_says_where_and_why(source: str, expected: tuple[int, str] | None) -> None:
    found = frontmatter.unreadable(source)
    if expected is None:
        assert found is None
    else:
        assert found is not None and found[0] == expected[0] and found[1].startswith(expected[1])

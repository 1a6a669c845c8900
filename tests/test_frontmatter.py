"""The hooks read front matter exactly as MkDocs does, with libyaml where PyYAML has it."""

from __future__ import annotations

import pytest
from mkdocs.utils import meta

from edm_site import frontmatter

PAGES = [
    "---\ntitle: Syria\npublished: 2017-05-05\n---\n\n\n# Syria\n",
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


def test_the_fast_loader_is_used() -> None:
    import yaml

    assert frontmatter._LOADER is getattr(yaml, "CSafeLoader", None)

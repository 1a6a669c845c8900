"""A page's front matter, read as MkDocs reads it, only faster.

MkDocs (``mkdocs.utils.meta.get_data``) parses YAML front matter with PyYAML's pure-Python
loader; the hooks read every page before MkDocs does, so they use libyaml's loader where PyYAML
has it, and otherwise hand the page to MkDocs' own function. The result is the same: the Markdown
MkDocs will render (on which line numbers and cached readings depend) and the metadata.
"""

from __future__ import annotations

from typing import Any

import yaml
from mkdocs.utils import meta

_LOADER = getattr(yaml, "CSafeLoader", None)


def read(source: str) -> tuple[str, dict[str, Any], int]:
    """The Markdown after the front matter, the front matter, and how many lines it took."""
    match = meta.YAML_RE.match(source) if _LOADER is not None else None
    if match is None:
        markdown, data = meta.get_data(source)
    else:
        try:
            data = yaml.load(match.group(1), _LOADER)
        except Exception:  # MkDocs too shows front matter it cannot read as text
            data = None
        if isinstance(data, dict):
            markdown = source[match.end() :].lstrip("\n")
        else:
            markdown, data = source, {}
    return markdown, data, source[: len(source) - len(markdown)].count("\n")

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


def unreadable(source: str) -> tuple[int, str] | None:
    """Where and why a page's front matter block cannot be read (MkDocs then shows it as text), or
    None: no block, or one that reads. A block that reads as something else than key: value pairs
    (a page opening with a thematic break, say) is left to MkDocs, which shows it as text."""
    match = meta.YAML_RE.match(source)
    if match is None:
        return None
    try:
        yaml.load(match.group(1), _LOADER or yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        return (mark.line + 2 if mark else 1), f"{problem}: quote values that hold ': ' or start with a symbol"
    except ValueError as error:  # a date that does not exist, say
        return 1, f"{error}: correct the value"
    return None

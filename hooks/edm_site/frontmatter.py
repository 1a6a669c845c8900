"""A page's front matter, read by MkDocs' own function (``mkdocs.utils.meta.get_data``), so the
hooks see the Markdown MkDocs will render (on which line numbers depend) and the same metadata.

Front matter is refused, with its line, where it would harm the build or the reader: aliases and
deep nesting (``datafile.hostile``: a few hundred bytes of aliases expand to gigabytes), and a
``title`` or ``description`` holding markup, which the theme writes into ``<title>``, ``<meta>``
and the navigation as it is, unescaped.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from mkdocs.utils import meta

from .datafile import hostile, shown


def read(source: str) -> tuple[str, dict[str, Any], int]:
    """The Markdown after the front matter (what MkDocs renders), the front matter (none of it where it
    is ``refused``: the reading reports why), and how many lines it took."""
    markdown, data = meta.get_data(source)
    return markdown, {} if refused(source) else data, _offset(source, markdown)


def _offset(source: str, markdown: str) -> int:
    return source[: len(source) - len(markdown)].count("\n")


def unreadable(source: str) -> tuple[int, str] | None:
    """Where and why a page's front matter block cannot be read (MkDocs then shows it as text), or
    None: no block, or one that reads. A block that reads as something else than key: value pairs
    (a page opening with a thematic break, say) is left to MkDocs, which shows it as text."""
    match = meta.YAML_RE.match(source)
    if match is None:
        return None
    refused = hostile(match.group(1), yaml.SafeLoader)
    if refused is not None:
        return refused[0] + 1, refused[1]
    try:
        yaml.load(match.group(1), yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        return (mark.line + 2 if mark else 1), f"{shown(problem)}: quote values that hold ': ' or start with a symbol"
    except (ValueError, OverflowError) as error:  # a date that does not exist, say
        return 1, f"{shown(error)}: correct the value"
    return None


# What the theme would read as markup in <title>, <meta content="..."> and the navigation: a tag, a
# quote that ends an attribute, a character reference.
_MARKUP = re.compile(r"[<>\"]|&(?:#|[A-Za-z][A-Za-z0-9]*;?)")
SHOWN_AS_IS = ("title", "description")  # the keys the theme writes into the page unescaped


def refused(source: str) -> bool:
    """Whether the page's front matter is refused (aliases, deep nesting): none of it may be used."""
    match = meta.YAML_RE.match(source)
    return match is not None and hostile(match.group(1), yaml.SafeLoader) is not None


def markup(source: str, data: dict[str, Any]) -> list[tuple[int, str, str]]:
    """Where (line, key) and why the ``title`` or ``description`` of a page's front matter would be markup."""
    found = []
    for key in SHOWN_AS_IS:
        if key not in data or data[key] is None:
            continue
        value = data[key]
        if not isinstance(value, str):
            found.append(
                (key_line(source, key), key, f"front matter {key}: {shown(value)} is not text: write it as text")
            )
        elif (bad := _MARKUP.search(value)) is not None:
            found.append(
                (
                    key_line(source, key),
                    key,
                    f"front matter {key} holds {bad.group(0)!r}, which the theme would write into the page as "
                    f'markup: write the {key} as plain text, without < > " or &',
                )
            )
    return found


def key_line(source: str, key: str) -> int:
    """The line of ``key:`` in the page's front matter (1-based, the opening --- is line 1)."""
    match = meta.YAML_RE.match(source)
    block = match.group(1) if match else ""
    for number, line in enumerate(block.split("\n"), start=2):
        if re.match(rf"{re.escape(key)}[ \t]*:", line):
            return number
    return 1

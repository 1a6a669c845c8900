"""The edition's manifest, ``edition.yml``: the one file outside the article's own that names it.

``mkdocs.yml`` inherits it (``INHERIT: edition.yml``) for the site's name, description and
copyright; its ``extra.edm`` says where the article's text is, whether the text has a photo
caption, the edition's slug (the offline folder's name), the publication date and the themes,
each a page and the paragraphs it holds. The hooks check the pages against it, the navigation
lists the themes from it, and the tests and scripts read it instead of naming the article.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .datafile import DataFileError, load_document, shown

MANIFEST = "edition.yml"
_FIELDS = ("reference", "caption", "slug", "published", "themes")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Theme:
    title: str
    page: str  # the page in docs/, e.g. "the-talks.md"
    paragraphs: tuple[int, ...]


@dataclass(frozen=True)
class Edition:
    site_name: str
    reference: Path  # the article's text, in the reference format
    caption: bool  # whether the text's third block is a photo caption
    slug: str
    published: dt.date
    themes: tuple[Theme, ...]
    path: Path  # the manifest itself

    @property
    def pages(self) -> dict[int, str]:
        """Paragraph number -> the themed page that holds it."""
        return {n: theme.page for theme in self.themes for n in theme.paragraphs}

    def nav(self) -> list[dict[str, str]]:
        """The themes as MkDocs navigation entries, in the manifest's order."""
        return [{theme.title: theme.page} for theme in self.themes]


def load_edition(root: Path) -> Edition:
    """The manifest of the project at ``root``; a problem raises ``DataFileError`` with file and line."""
    path = root / MANIFEST
    if not path.is_file():
        raise DataFileError(f"{MANIFEST}: not found beside mkdocs.yml: write one (see README, “Another article”)")
    try:
        document = load_document(path)
    except DataFileError as error:  # named as the project names it, not by this machine's path
        raise DataFileError(str(error).replace(str(path), MANIFEST, 1)) from None
    where = _Where(MANIFEST, path.read_text(encoding="utf-8").split("\n"))
    if not isinstance(document, Mapping):
        raise where.fail(1, "expected site_name: and extra: edm: ...")
    site_name = document.get("site_name")
    if not isinstance(site_name, str) or not site_name.strip():
        raise where.fail(document["__line__"], "site_name is missing or not text: add site_name: <the site's name>")
    extra = document.get("extra")
    edm = extra.get("edm") if isinstance(extra, Mapping) else None
    if not isinstance(edm, Mapping):
        raise where.fail(document["__line__"], "extra: edm: is missing: add the edition's reference, slug, ...")
    line = edm["__line__"]

    def fail(key: str, problem: str) -> DataFileError:
        return where.fail(where.key(line, key), problem)

    for key in edm:
        if key != "__line__" and key not in _FIELDS:
            raise fail(key, f'extra.edm has an unknown field "{shown(key)}": the fields are {", ".join(_FIELDS)}')
    reference = edm.get("reference")
    if not isinstance(reference, str) or not (root / reference).is_file():
        raise fail("reference", f'reference "{shown(reference)}" is not a file of the project: name the article’s text')
    caption = edm.get("caption", False)
    if not isinstance(caption, bool):
        raise fail("caption", f'caption "{shown(caption)}" must be true or false')
    slug = edm.get("slug")
    if not isinstance(slug, str) or not _SLUG.fullmatch(slug):
        raise fail("slug", f'slug "{shown(slug)}" must be lower-case letters, digits and hyphens')
    published = edm.get("published")
    if not isinstance(published, dt.date) or isinstance(published, dt.datetime):
        raise fail("published", f'published "{shown(published)}" is not a date: write it as YYYY-MM-DD')
    themes = _themes(edm.get("themes"), where.key(line, "themes"), where)
    return Edition(" ".join(site_name.split()), root / reference, caption, slug, published, themes, path)


def _themes(raw: Any, line: int, where: _Where) -> tuple[Theme, ...]:
    if not isinstance(raw, list) or not raw:
        raise where.fail(line, "themes is missing: list them, each with title:, page: and paragraphs: [N, ...]")
    themes: list[Theme] = []
    held: dict[int, str] = {}
    for item in raw:
        at = item.get("__line__", line) if isinstance(item, Mapping) else line
        if not isinstance(item, Mapping) or set(item) - {"title", "page", "paragraphs", "__line__"}:
            raise where.fail(at, "a theme is title:, page: and paragraphs: [N, ...], nothing else")
        title, page, numbers = item.get("title"), item.get("page"), item.get("paragraphs")
        if not isinstance(title, str) or not title.strip():
            raise where.fail(at, "a theme's title is missing or not text")
        if not isinstance(page, str) or not page.endswith(".md") or "/" in page or page in ("index.md", "article.md"):
            raise where.fail(at, f'page "{shown(page)}" must be a page of docs/ such as the-talks.md')
        if not isinstance(numbers, list) or not numbers or not all(_is_number(n) for n in numbers):
            raise where.fail(at, f"{title}: paragraphs must be a list of paragraph numbers, such as [1, 2]")
        for number in numbers:
            if number in held:
                raise where.fail(at, f"¶{number} is in both {held[number]} and {page}: give each paragraph one theme")
            held[number] = page
        themes.append(Theme(" ".join(title.split()), page, tuple(numbers)))
    missing = sorted(set(range(1, max(held) + 1)) - set(held))
    if missing:
        raise where.fail(line, f"no theme holds ¶{', ¶'.join(map(str, missing))}: give every paragraph a theme")
    return tuple(themes)


def _is_number(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


@dataclass(frozen=True)
class _Where:
    file: str
    lines: list[str]

    def fail(self, line: int, problem: str) -> DataFileError:
        return DataFileError(f"{self.file}:{line}: {problem}")

    def key(self, line: int, key: str) -> int:
        """The line of ``key:`` in the mapping that starts at ``line``, or ``line`` if it is not written."""
        indent = len(self.lines[line - 1]) - len(self.lines[line - 1].lstrip(" -"))
        for number in range(line, len(self.lines) + 1):
            text = self.lines[number - 1]
            if text[indent:].startswith(f"{key}:") and not text[:indent].strip(" -"):
                return number
        return line


def page_problems(edition: Edition, held: Mapping[int, str]) -> list[str]:
    """Where the pages' paragraph markers (``held``: number -> page) disagree with the manifest."""
    expected = edition.pages
    problems = []
    for number in sorted(set(expected) | set(held)):
        want, have = expected.get(number), held.get(number)
        if want == have:
            continue
        if want is None:
            problems.append(f"{have}: holds ¶{number}, which no theme of {MANIFEST} lists: add it to a theme")
        elif have is None:
            marker = f"<!-- edm:para {number} -->"
            problems.append(f"{want}: {MANIFEST} puts ¶{number} here, but no page holds it: add {marker}")
        else:
            problems.append(f"{have}: holds ¶{number}, which {MANIFEST} puts on {want}: move it, or edit {MANIFEST}")
    return problems

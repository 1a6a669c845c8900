"""The data files beside the hooks: cited outlets and EDM articles, loaded into frozen dataclasses.

Each file is parsed once per build and validated on load. A bad entry raises ``DataFileError``
naming the file, the entry's line and what is wrong, and the build stops.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown.extensions import toc

from . import blocks
from .datafile import STATUSES, DataFileError, Entry, Fact, load_entries, shown

OUTLETS_FILE = "outlets.yml"
EDM_FILE = "edm-articles.yml"
UNKNOWN = "unknown"  # who owns it is not known: counted as such, never guessed or folded into another
AFFILIATIONS = ("state-owned", "private", "independent", UNKNOWN)


def ownership(affiliation: str) -> str:
    """An outlet's ownership in words, as an aside after its name: "private", "ownership not known"."""
    return "ownership not known" if affiliation == UNKNOWN else affiliation


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    aliases: tuple[str, ...]
    homepage: str | None  # None only while the profile is unknown (a stub of `make edition`)
    language: str | None  # likewise
    affiliation: str  # who owns it; stated in the profile, so it has the profile's status and evidence
    profile: str | None  # likewise
    status: str
    evidence: str | None  # likewise
    line: Fact  # the editorial line, a fact of its own: ownership does not tell it
    entry_line: int = 0  # where the entry starts in the data file
    stub: bool = False  # written by `make edition`, not yet researched: work left (edm_site.work_left)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class EdmArticle:
    """An EDM article we know of, keyed by the date it is cited by."""

    date: dt.date
    match: Fact  # is this the article meant by a citation of ``date``?
    volume: Fact
    issue: Fact
    title: Fact
    author: Fact
    address: Fact
    published: Fact  # the article's own publication date, for the site's own article
    publisher: Fact  # likewise
    stub: bool = False  # written by `make edition`, not yet researched: work left (edm_site.work_left)

    @property
    def anchor(self) -> str:
        return f"edm-{self.date.isoformat()}"


@dataclass(frozen=True)
class Registry:
    outlets: tuple[Outlet, ...]
    edm_articles: tuple[EdmArticle, ...]
    this_article: EdmArticle
    outlets_path: str
    edm_path: str
    _by_name: dict[str, Outlet] = field(init=False, repr=False, compare=False)
    _by_date: dict[dt.date, EdmArticle] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {n: o for o in self.outlets for n in o.names})
        object.__setattr__(self, "_by_date", {a.date: a for a in self.edm_articles})

    def outlet_named(self, name: str) -> Outlet | None:
        return self._by_name.get(name)

    def edm_article(self, date: dt.date) -> EdmArticle | None:
        return self._by_date.get(date)


_OUTLET_FIELDS = (
    "id", "name", "stub", "aliases", "homepage", "language", "affiliation", "profile", "status", "evidence", "line",
)  # fmt: skip
_EDM_FIELDS = ("date", "stub", "match", "volume", "issue", "title", "author", "address")
_THIS_FIELDS = ("date", "this", "stub", "published", "publisher", "volume", "issue", "title", "author", "address")
_ALL_FIELDS = tuple(dict.fromkeys((*_EDM_FIELDS, *_THIS_FIELDS)))
LOST_OUTLETS = "lost-outlets"  # the anchor of the citations whose outlet name was lost, on /sources/
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def check_id(entry: Entry, id: str) -> None:
    """Ids become anchors in addresses: lower-case letters, digits and single hyphens."""
    if not _ID.fullmatch(id):
        raise entry.fail(f'id "{shown(id, 80)}" must be lower-case letters, digits and hyphens')


# An id written as it is in a template or a page: an attr_list's "{ #id }" or "{: #id }", or an
# HTML id="id" (an id computed by Jinja, "{{ ... }}", does not match).
_WRITTEN_ID = re.compile(r"\{:?[ \t]*#([A-Za-z][\w-]*)[^}\n]*\}|\bid=\"([A-Za-z][\w-]*)\"")


def template_anchors(template_dir: Path) -> dict[str, str]:
    """Every id the templates write as it is (``key``, ``lost-outlets``, ...) -> the template that writes it."""
    found: dict[str, str] = {}
    for template in sorted(template_dir.glob("*.j2")):
        for match in _WRITTEN_ID.finditer(template.read_text(encoding="utf-8")):
            found.setdefault(match.group(1) or match.group(2), f"{template.parent.name}/{template.name}")
    return found


def page_anchors(markdown: str) -> dict[str, int]:
    """Every id a page's Markdown gives an element (attr_list, id="..."), and the id Python-Markdown's
    toc gives each heading without one -> its line (1-based)."""
    found: dict[str, int] = {}
    for match in _WRITTEN_ID.finditer(markdown):
        found.setdefault(match.group(1) or match.group(2), markdown.count("\n", 0, match.start()) + 1)
    tokens = blocks.shared().parse(markdown)
    for opening, inline in itertools.pairwise(tokens):
        if opening.type == "heading_open" and opening.map and not _WRITTEN_ID.search(inline.content):
            text = re.sub(r"[`*_\[\]()<>]", "", inline.content)
            found.setdefault(toc.slugify(text, "-"), opening.map[0] + 1)
    return found


def anchor_problems(outlets: tuple[Outlet, ...], path: str, taken: dict[str, str]) -> list[str]:
    """A message for each outlet whose id is an anchor the page of the outlet index already uses:
    its heading would take that anchor, and the links to it would land on the wrong place."""
    return [
        f'{path}:{outlet.entry_line}: id "{outlet.id}" is also the anchor of {taken[outlet.id]}, on the page '
        "of the outlet index: choose another id"
        for outlet in outlets
        if outlet.id in taken
    ]


def load_outlets(path: Path) -> tuple[Outlet, ...]:
    outlets: list[Outlet] = []
    seen_ids: set[str] = set()
    seen_names: set[str] = set()
    for index, raw in enumerate(load_entries(path)):
        entry = Entry(path, raw, index, _OUTLET_FIELDS)
        aliases = raw.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise entry.fail("aliases must be a list of names")
        status = entry.choice("status", STATUSES)
        known = status != "unknown"  # an outlet not yet researched may lack all but its name
        outlet = Outlet(
            id=entry.text("id"),
            name=entry.text("name"),
            aliases=tuple(a.strip() for a in aliases),
            homepage=entry.https("homepage", raw.get("homepage"), required=known),
            language=entry.text("language", required=known),
            affiliation=entry.choice("affiliation", AFFILIATIONS),
            profile=entry.text("profile", required=known),
            status=status,
            evidence=entry.text("evidence", required=known),
            line=entry.fact("line"),
            entry_line=entry.line,
            stub=entry.flag("stub"),
        )
        check_id(entry, outlet.id)
        if outlet.id == LOST_OUTLETS or outlet.id.startswith("edm-"):
            raise entry.fail(f'id "{outlet.id}" is an anchor of the indexes (lost-outlets, edm-DATE): choose another')
        if outlet.id in seen_ids:
            raise entry.fail(f'duplicate id "{outlet.id}": ids must be unique')
        for number, name in enumerate(outlet.names):
            if name in outlet.names[:number]:
                raise entry.fail(f'the name "{name}" is given twice for this outlet: keep it once')
            if name in seen_names:
                raise entry.fail(f'the name "{name}" is already used by another outlet')
            seen_names.add(name)
        seen_ids.add(outlet.id)
        outlets.append(outlet)
    return tuple(outlets)


def load_edm_articles(path: Path) -> tuple[tuple[EdmArticle, ...], EdmArticle]:
    """All EDM articles in the file, and the one the site is about (``this: true``)."""
    articles: list[EdmArticle] = []
    this: EdmArticle | None = None
    for index, raw in enumerate(load_entries(path)):
        value = raw.get("this", False) if isinstance(raw, dict) else False
        is_this = value is True
        own_fields = isinstance(raw, dict) and ("published" in raw or "publisher" in raw)
        if is_this and this is None:
            fields: tuple[str, ...] = _THIS_FIELDS
        elif is_this or own_fields or not isinstance(value, bool):
            fields = _ALL_FIELDS  # read as written, so the message below says what is really wrong
        else:
            fields = (*_EDM_FIELDS, "this")
        entry = Entry(path, raw, index, fields)
        if not isinstance(value, bool):
            raise entry.fail('"this" must be true or false')
        if is_this and this is not None:
            raise entry.fail('a second entry says "this: true": only the site\'s own article may')
        if not is_this and own_fields:
            raise entry.fail('"published" and "publisher" are for the site\'s own article: add "this: true"')
        article = EdmArticle(
            date=entry.date("date"),
            match=entry.fact("match", bool) if not is_this else Fact(True, "verified", "this site's article"),
            volume=entry.fact("volume", int),
            issue=entry.fact("issue", int),
            title=entry.fact("title"),
            author=entry.fact("author"),
            address=entry.fact("address"),
            published=entry.fact("published", dt.date) if is_this else Fact(None, "unknown"),
            publisher=entry.fact("publisher") if is_this else Fact(None, "unknown"),
            stub=entry.flag("stub"),
        )
        if any(a.date == article.date for a in articles):
            raise entry.fail(f"duplicate date {article.date}: one entry per cited date")
        if is_this:
            unknown = [
                f for f in ("title", "volume", "issue", "publisher", "published") if not getattr(article, f).known
            ]
            if unknown:
                raise entry.fail(f"the site's own article must have a known {', '.join(unknown)}: the site shows them")
            this = article
        articles.append(article)
    if this is None:
        raise DataFileError(f'{path}: no entry says "this: true": mark the site\'s own article')
    return tuple(a for a in articles if a is not this), this


def load_registry(data_dir: Path) -> Registry:
    """Both data files of ``data_dir``; paths in messages are as given, so keep them readable."""
    outlets_path, edm_path = data_dir / OUTLETS_FILE, data_dir / EDM_FILE
    articles, this = load_edm_articles(edm_path)
    return Registry(load_outlets(outlets_path), articles, this, str(outlets_path), str(edm_path))

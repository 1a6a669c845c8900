"""The data files beside the hooks: cited outlets and EDM articles, loaded into frozen dataclasses.

Each file is parsed once per build and validated on load. A bad entry raises ``DataFileError``
naming the file, the entry's line and what is wrong, and the build stops.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

OUTLETS_FILE = "outlets.yml"
EDM_FILE = "edm-articles.yml"
STATUSES = ("verified", "inferred", "unknown")
AFFILIATIONS = ("state-owned", "private", "independent")


class DataFileError(ValueError):
    """A data file that cannot be used; the message names the file, the line and the fix."""


@dataclass(frozen=True)
class Fact:
    """One added fact: its value (None when unknown), how sure we are, and where it was seen."""

    value: Any
    status: str
    evidence: str | None = None
    note: str | None = None

    @property
    def known(self) -> bool:
        return self.status != "unknown" and self.value is not None


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    aliases: tuple[str, ...]
    homepage: str
    language: str
    affiliation: str
    profile: str
    status: str
    evidence: str

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


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line of every mapping, as ``__line__``."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


def _checked_timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> object:
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        raise yaml.constructor.ConstructorError(
            None, None, f'"{node.value}" is not a date that exists: write it as YYYY-MM-DD', node.start_mark
        ) from None


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _checked_timestamp)


class _Entry:
    """Reads the fields of one entry, and says exactly where a field is wrong."""

    def __init__(self, path: Path, raw: Any, index: int) -> None:
        self.path = path
        if not isinstance(raw, Mapping):
            raise DataFileError(f"{path}: entry {index + 1} is not a mapping of field: value")
        self.raw = raw
        self.where = f"{path}:{raw['__line__']}: entry {index + 1}"
        known = raw.get("id") or raw.get("date")
        if known:
            self.where += f" ({known})"

    def fail(self, problem: str) -> DataFileError:
        return DataFileError(f"{self.where}: {problem}")

    def text(self, field: str, *, required: bool = True) -> str | None:
        value = self.raw.get(field)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f'field "{field}" is missing or not text: add {field}: <text>')
        return value.strip()

    def choice(self, field: str, allowed: tuple[str, ...]) -> str:
        value = self.text(field)
        if value not in allowed:
            raise self.fail(f'{field} "{value}" is not one of: {", ".join(allowed)}')
        return value

    def https(self, field: str, value: Any, *, required: bool = True) -> str | None:
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.startswith("https://") or " " in value:
            raise self.fail(f'{field} "{value}" is not an https:// address: give the https address')
        return value

    def date(self, field: str) -> dt.date:
        value = self.raw.get(field)
        if not isinstance(value, dt.date):
            raise self.fail(f'{field} "{value}" is not a date: write it as YYYY-MM-DD')
        return value

    def fact(self, field: str, kind: type | tuple[type, ...] = str) -> Fact:
        raw = self.raw.get(field)
        if not isinstance(raw, Mapping):
            raise self.fail(f'field "{field}" is missing: add {field}: {{value: ..., status: ..., evidence: ...}}')
        status = raw.get("status")
        if status not in STATUSES:
            raise self.fail(f'{field}.status "{status}" is not one of: {", ".join(STATUSES)}')
        value = raw.get("value")
        if status == "unknown":
            if value is not None:
                raise self.fail(f"{field} is unknown but has a value: remove the value or change the status")
        elif not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
            raise self.fail(f"{field} is {status} but its value is missing or of the wrong kind")
        evidence = raw.get("evidence")
        needs_evidence = status != "unknown" or evidence is not None
        if needs_evidence and (not isinstance(evidence, str) or not evidence.strip()):
            raise self.fail(f"{field}.evidence is missing: say where the fact was seen")
        note = raw.get("note")
        if note is not None and not isinstance(note, str):
            raise self.fail(f"{field}.note is not text")
        if field == "address" and value is not None:
            self.https(f"{field}.value", value)
        return Fact(value, status, evidence, note)


def _load_list(path: Path) -> list[Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataFileError(f"{path}: cannot be read ({error.strerror})") from None
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        kind = "" if isinstance(error, yaml.constructor.ConstructorError) else "not valid YAML: "
        raise DataFileError(f"{path}{line}: {kind}{getattr(error, 'problem', error)}") from None
    if not isinstance(data, list):
        raise DataFileError(f"{path}: expected a list of entries, each starting with '- '")
    return data


def load_outlets(path: Path) -> tuple[Outlet, ...]:
    outlets: list[Outlet] = []
    seen_ids: set[str] = set()
    seen_names: set[str] = set()
    for index, raw in enumerate(_load_list(path)):
        entry = _Entry(path, raw, index)
        aliases = raw.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise entry.fail("aliases must be a list of names")
        outlet = Outlet(
            id=entry.text("id"),
            name=entry.text("name"),
            aliases=tuple(a.strip() for a in aliases),
            homepage=entry.https("homepage", raw.get("homepage")),
            language=entry.text("language"),
            affiliation=entry.choice("affiliation", AFFILIATIONS),
            profile=entry.text("profile"),
            status=entry.choice("status", STATUSES),
            evidence=entry.text("evidence"),
        )
        if not outlet.id.replace("-", "").isalnum() or outlet.id != outlet.id.lower():
            raise entry.fail(f'id "{outlet.id}" must be lower-case letters, digits and hyphens')
        if outlet.id in seen_ids:
            raise entry.fail(f'duplicate id "{outlet.id}": ids must be unique')
        for name in outlet.names:
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
    for index, raw in enumerate(_load_list(path)):
        entry = _Entry(path, raw, index)
        is_this = raw.get("this", False)
        if not isinstance(is_this, bool):
            raise entry.fail('"this" must be true or false')
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
        )
        if any(a.date == article.date for a in articles):
            raise entry.fail(f"duplicate date {article.date}: one entry per cited date")
        if is_this:
            if this is not None:
                raise entry.fail('a second entry says "this: true": only the site\'s own article may')
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

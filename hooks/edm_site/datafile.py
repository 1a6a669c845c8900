"""YAML data files read entry by entry, so that every problem names the file, the line and the fix.

The loader is PyYAML's safe loader, remembering the line of every mapping (``__line__``) and
refusing, each with its line, a key given twice and a date that does not exist. Text values have
their white space folded, so a value written over several lines cannot break a table or a list.

Before any value is built, the file's YAML events are read (``hostile``): an alias (``*name``) is
refused, since a few hundred bytes of them expand to gigabytes, and so is nesting deeper than any
data file needs, which would exhaust Python's recursion. Messages show values cut to a few hundred
characters, so a huge value cannot make a huge message.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

STATUSES = ("verified", "inferred", "unknown")  # how sure we are of an added fact


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

    @property
    def evidence_url(self) -> str | None:
        """The evidence as an address to link to, when it is one; otherwise it is a description."""
        return evidence_url(self.evidence)


# An address as it can stand in a Markdown link and an HTML attribute without escaping.
_LINKABLE = re.compile(r"[^\s<>\"'`()\[\]{}\\|^]+")
_HOST = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.?", re.IGNORECASE)


def address_problem(value: object) -> str | None:
    """Why ``value`` may not be linked, or None for an address that may: ``https://host/...``, its
    host in ASCII (an international name in its xn-- form, so that no look-alike letter can pass),
    with no user info (``https://ria.ru@evil.example/`` goes to evil.example), and no space,
    control, invisible or bidirectional character, nor any that would end a Markdown link."""
    if not isinstance(value, str):
        return "it is not text"
    hidden = next((c for c in value if unicodedata.category(c)[0] in "CZ"), None)
    if hidden is not None:
        name = unicodedata.name(hidden, "a control character")
        return f"it holds U+{ord(hidden):04X} ({name}), which a reader does not see as written: remove it"
    if not value.startswith("https://"):
        return "give the https address, with its host"
    if not _LINKABLE.fullmatch(value):
        return "give the https address, with its host, and with spaces, quotes, brackets and <> percent-encoded"
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a port that is no number
    except ValueError:
        return "give the https address, with its host and a port that is a number"
    if "@" in parts.netloc:
        return "it holds user info before an @, and a link goes to the host after it: give the address without it"
    if not parts.hostname or not _HOST.fullmatch(parts.hostname):
        return "give the https address, with its host in ASCII (an international name in its xn-- form)"
    return None


def evidence_url(evidence: str | None) -> str | None:
    """The evidence as an address to link to, when it is a safe https address; otherwise it is text."""
    return evidence if evidence and address_problem(evidence) is None else None


def shown(value: object, limit: int = 200) -> str:
    """A value as a message shows it: cut to ``limit`` characters, so a huge value makes no huge message."""
    text = str(value)
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} characters)"


class DataFileError(ValueError):
    """A data file that cannot be used; the message names the file, the line and the fix."""


MAX_DEPTH = 16  # lists and mappings inside one another: a data file needs 4, front matter a few


def hostile(text: str, loader: type = yaml.SafeLoader) -> tuple[int, str] | None:
    """The line (1-based) and the reason why YAML ``text`` is refused before any value is built, or
    None: an alias, or nesting deeper than ``MAX_DEPTH``. Its events are read one by one, without
    recursion; YAML that does not parse is left to the loader, which says where."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.AliasEvent):
                return event.start_mark.line + 1, (
                    f'the alias "*{shown(event.anchor, 40)}" is not allowed: write the value out in full'
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark.line + 1, (
                        f"lists and mappings are nested more than {MAX_DEPTH} deep: flatten the value"
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None
    return None


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line of every mapping, as ``__line__``."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, OverflowError) as error:  # a number of 5,000 digits, say: said with its line
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f'"{shown(node.value if isinstance(node, yaml.ScalarNode) else node.tag, 60)}" '
                f"cannot be read ({shown(error, 100)}): correct the value",
                node.start_mark,
            ) from None


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    seen: set[object] = set()
    for key_node, _ in node.value:
        key = key_node.value
        if not isinstance(key_node, yaml.ScalarNode):
            raise yaml.constructor.ConstructorError(
                None, None, "a key is a list or a mapping: write field names as plain words", key_node.start_mark
            )
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f'the key "{shown(key)}" is given twice: keep one', key_node.start_mark
            )
        seen.add(key)
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


def _checked_timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> object:
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        raise yaml.constructor.ConstructorError(
            None, None, f'"{shown(node.value)}" is not a date that exists: write it as YYYY-MM-DD', node.start_mark
        ) from None


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _checked_timestamp)


class Entry:
    """Reads the fields of one entry, and says exactly where a field is wrong."""

    def __init__(self, path: Path, raw: Any, index: int, fields: Iterable[str]) -> None:
        self.path = path
        if not isinstance(raw, Mapping):
            raise DataFileError(f"{path}: entry {index + 1} is not a mapping of field: value")
        self.raw = raw
        self.line = raw["__line__"]
        self.label = f"entry {index + 1}"
        known = raw.get("id") or raw.get("date")
        if known:
            self.label += f" ({shown(known, 60)})"
        allowed = set(fields)
        for key in raw:
            if key != "__line__" and key not in allowed:
                close = difflib.get_close_matches(shown(key), sorted(allowed), n=1)
                hint = f': did you mean "{close[0]}"?' if close else f": the fields are {', '.join(sorted(allowed))}"
                raise self.fail(f'unknown field "{shown(key)}"{hint}')

    def fail(self, problem: str, line: int | None = None) -> DataFileError:
        return DataFileError(f"{self.path}:{line or self.line}: {self.label}: {problem}")

    def text(self, field: str, *, required: bool = True) -> str | None:
        value = self.raw.get(field)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f'field "{field}" is missing or not text: add {field}: <text>')
        return " ".join(value.split())

    def choice(self, field: str, allowed: tuple[str, ...]) -> str:
        value = self.text(field)
        if value not in allowed:
            raise self.fail(f'{field} "{shown(value)}" is not one of: {", ".join(allowed)}')
        return value

    def https(self, field: str, value: Any, *, required: bool = True) -> str | None:
        if value is None and not required:
            return None
        if value is None:
            raise self.fail(f'field "{field}" is missing: add {field}: https://...')
        problem = address_problem(value)
        if problem is not None:
            raise self.fail(f'{field} "{shown(value)}" is not an https:// address: {problem}')
        return value

    def date(self, field: str) -> dt.date:
        value = self.raw.get(field)
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise self.fail(f'{field} "{shown(value)}" is not a date: write it as YYYY-MM-DD')
        return value

    def flag(self, field: str) -> bool:
        """An optional true-or-false field; absent is false."""
        value = self.raw.get(field, False)
        if not isinstance(value, bool):
            raise self.fail(f'{field} "{shown(value)}" must be true or false')
        return value

    def number(self, field: str) -> int:
        value = self.raw.get(field)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise self.fail(f'{field} "{shown(value)}" is not a paragraph number (1, 2, ...)')
        return value

    def fact(self, field: str, kind: type = str) -> Fact:
        raw = self.raw.get(field)
        if not isinstance(raw, Mapping):
            raise self.fail(f'field "{field}" is missing: add {field}: {{value: ..., status: ..., evidence: ...}}')
        line = raw["__line__"]
        for key in raw:
            if key not in ("value", "status", "evidence", "note", "__line__"):
                raise self.fail(f'{field} has an unknown field "{shown(key)}": use value, status, evidence, note', line)
        status = raw.get("status")
        if status not in STATUSES:
            raise self.fail(f'{field}.status "{shown(status)}" is not one of: {", ".join(STATUSES)}', line)
        value = raw.get("value")
        wrong_kind = (
            not isinstance(value, kind)
            or (isinstance(value, bool) and kind is not bool)
            or (isinstance(value, dt.datetime) and kind is dt.date)
            or (isinstance(value, str) and not value.strip())
            or (kind is int and isinstance(value, int) and value < 1)  # volumes and issues count from 1
        )
        if status == "unknown":
            if value is not None:
                raise self.fail(f"{field} is unknown but has a value: remove the value or change the status", line)
        elif wrong_kind:
            raise self.fail(f"{field} is {status} but its value is missing or not {_KINDS[kind]}", line)
        evidence = raw.get("evidence")
        needs_evidence = status != "unknown" or evidence is not None
        if needs_evidence and (not isinstance(evidence, str) or not evidence.strip()):
            raise self.fail(f"{field}.evidence is missing: say where the fact was seen", line)
        note = raw.get("note")
        if note is not None and not isinstance(note, str):
            raise self.fail(f"{field}.note is not text", line)
        if field == "address" and value is not None:
            self.https(f"{field}.value", value)
        if isinstance(value, str):
            value = " ".join(value.split())
            if "```" in value or "~~~" in value:  # would end the code block "Cite this page" writes it in
                raise self.fail(f"{field} holds ``` or ~~~, which would end a code block: write it otherwise", line)
        return Fact(
            value, status, " ".join(evidence.split()) if evidence else None, " ".join(note.split()) if note else None
        )


_KINDS = {str: "text", int: "a whole number from 1", bool: "true or false", dt.date: "a date, YYYY-MM-DD"}


def _folded(value: Any) -> Any:
    return " ".join(value.split()) if isinstance(value, str) else value


def read_text(path: Path) -> str:
    """A data file's text; one that cannot be read, or is not UTF-8, stops the build with what to do."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataFileError(f"{path}: cannot be read ({error.strerror})") from None
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise DataFileError(f"{path}:{line}: is not UTF-8 text: save the file as UTF-8") from None


def load_entries(path: Path) -> list[Any]:
    data = load_document(path)
    if not isinstance(data, list):
        raise DataFileError(f"{path}: expected a list of entries, each starting with '- '")
    return data


def load_document(path: Path) -> Any:
    """A YAML file's content, each mapping with its ``__line__``; refused with file and line."""
    text = read_text(path)
    refused = hostile(text, _LineLoader)
    if refused is not None:
        raise DataFileError(f"{path}:{refused[0]}: {refused[1]}")
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        if isinstance(error, yaml.reader.ReaderError):  # a character YAML does not allow: no mark, a position
            line = f":{text.count(chr(10), 0, error.position) + 1}"
        kind = "" if isinstance(error, yaml.constructor.ConstructorError) else "not valid YAML: "
        raise DataFileError(f"{path}{line}: {kind}{shown(getattr(error, 'problem', error), 300)}") from None
    return data

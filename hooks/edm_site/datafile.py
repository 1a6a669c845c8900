"""YAML data files read entry by entry, so that every problem names the file, the line and the fix.

The loader is PyYAML's safe loader, remembering the line of every mapping (``__line__``) and
refusing dates that do not exist with the line they are on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


class DataFileError(ValueError):
    """A data file that cannot be used; the message names the file, the line and the fix."""


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


class Entry:
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


def load_entries(path: Path) -> list[Any]:
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

"""The data files: loaded into frozen dataclasses, and every malformed entry stops with file, line and fix."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from edm_site.registry import DataFileError, load_edm_articles, load_outlets, load_registry

DATA = Path(__file__).parent.parent / "hooks" / "data"

GOOD_OUTLET = """\
- id: kommersant
  name: Kommersant
  aliases: [Kommersant Daily]
  homepage: https://www.kommersant.ru/
  language: Russian
  affiliation: private
  profile: A daily.
  status: verified
  evidence: https://example.org/kommersant
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "outlets.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_real_data_loads() -> None:
    registry = load_registry(DATA)
    assert {o.id for o in registry.outlets} >= {"ria-novosti", "rbc", "kommersant"}
    assert registry.this_article.issue.value == 65
    assert registry.outlet_named("Moskovsky Komsomolets").affiliation == "private"


def test_entries_are_frozen() -> None:
    outlet = load_registry(DATA).outlets[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        outlet.name = "Pravda"  # type: ignore[misc]


def test_aliases_resolve(tmp_path: Path) -> None:
    outlets = load_outlets(write(tmp_path, GOOD_OUTLET))
    assert outlets[0].names == ("Kommersant", "Kommersant Daily")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- id: a\n  name: [unclosed\n", "outlets.yml:3: not valid YAML"),
        ("id: kommersant\n", "expected a list of entries"),
        (
            GOOD_OUTLET.replace("  language: Russian\n", ""),
            'outlets.yml:1: entry 1 (kommersant): field "language" is missing',
        ),
        (GOOD_OUTLET.replace("https://www.kommersant.ru/", "http://www.kommersant.ru/"), "is not an https:// address"),
        (
            GOOD_OUTLET + GOOD_OUTLET.replace("name: Kommersant", "name: Other"),
            'outlets.yml:10: entry 2 (kommersant): duplicate id "kommersant"',
        ),
        (
            GOOD_OUTLET.replace("affiliation: private", "affiliation: oligarch"),
            'affiliation "oligarch" is not one of: state-owned, private, independent',
        ),
        (GOOD_OUTLET.replace("status: verified", "status: probable"), 'status "probable" is not one of'),
        (
            GOOD_OUTLET.replace("id: kommersant", "id: Kommersant Daily"),
            "must be lower-case letters, digits and hyphens",
        ),
        (GOOD_OUTLET + GOOD_OUTLET.replace("id: kommersant", "id: other"), 'the name "Kommersant" is already used'),
        ("- just a string\n", "entry 1 is not a mapping"),
    ],
)
def test_malformed_outlets(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(DataFileError) as error:
        load_outlets(write(tmp_path, text))
    assert message in str(error.value)


EDM_THIS = """\
- date: 2017-05-15
  this: true
  published: {value: 2017-05-15, status: inferred, evidence: https://example.org/a}
  publisher: {value: The Jamestown Foundation, status: verified, evidence: https://example.org/b}
  volume: {value: 14, status: verified, evidence: https://example.org/c}
  issue: {value: 65, status: verified, evidence: https://example.org/c}
  title: {value: Title, status: verified, evidence: https://example.org/d}
  author: {value: null, status: unknown}
  address: {value: null, status: unknown}
"""
EDM_OTHER = """\
- date: 2017-05-04
  match: {value: true, status: inferred, evidence: https://example.org/e}
  volume: {value: 14, status: verified, evidence: https://example.org/e}
  issue: {value: 60, status: verified, evidence: https://example.org/e}
  title: {value: T, status: verified, evidence: https://example.org/e}
  author: {value: null, status: unknown}
  address: {value: https://example.org/t, status: verified, evidence: https://example.org/e}
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (EDM_OTHER, 'no entry says "this: true"'),
        (EDM_THIS + EDM_OTHER.replace("2017-05-04", "2017-05-15"), "duplicate date 2017-05-15"),
        (
            EDM_THIS + EDM_OTHER.replace("date: 2017-05-04", "date: 2017-02-30"),
            'edm-articles.yml:10: "2017-02-30" is not a date that exists',
        ),
        (EDM_THIS + EDM_OTHER.replace("  author: {value: null, status: unknown}\n", ""), 'field "author" is missing'),
        (
            EDM_THIS
            + EDM_OTHER.replace("author: {value: null, status: unknown}", "author: {value: X, status: unknown}"),
            "author is unknown but has a value",
        ),
        (
            EDM_THIS
            + EDM_OTHER.replace(
                "title: {value: T, status: verified, evidence: https://example.org/e}",
                "title: {value: T, status: verified}",
            ),
            "title.evidence is missing",
        ),
        (
            EDM_THIS + EDM_OTHER.replace("value: https://example.org/t", "value: http://example.org/t"),
            "is not an https:// address",
        ),
        (
            EDM_THIS + EDM_OTHER.replace("issue: {value: 60,", "issue: {value: sixty,"),
            "issue is verified but its value is missing or of the wrong kind",
        ),
    ],
)
def test_malformed_edm_articles(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "edm-articles.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_edm_articles(path)
    assert message in str(error.value)
    assert str(path) in str(error.value)

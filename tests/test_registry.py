"""The data files: loaded into dataclasses, and every malformed entry stops with file, line and fix.

On the fixture data (``tests/fixtures/data/``) and on entries written here, never on the edition's own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from edm_site.datafile import evidence_url
from edm_site.events import load_events
from edm_site.people import load_people
from edm_site.registry import DataFileError, load_edm_articles, load_outlets, load_registry
from fixturesite import DATA

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
  line: {value: business, status: verified, evidence: https://example.org/kommersant}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "outlets.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_fixture_data_loads() -> None:
    registry = load_registry(DATA)
    assert {o.id for o in registry.outlets} >= {"ria-novosti", "rbc", "kommersant", "sputnik-news"}
    assert (registry.this_article.volume.value, registry.this_article.issue.value) == (99, 1)
    assert registry.outlet_named("Moskovsky Komsomolets").affiliation == "private"
    assert registry.outlet_named("Sputnik News").affiliation == "unknown"


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
        (GOOD_OUTLET.replace("https://www.kommersant.ru/", "https://"), "is not an https:// address"),
        (GOOD_OUTLET.replace("  homepage: https://www.kommersant.ru/\n", ""), 'field "homepage" is missing'),
        (GOOD_OUTLET.replace("aliases: [Kommersant Daily]", "aliases: [Kommersant]"), "is given twice for this outlet"),
        (GOOD_OUTLET.replace("https://www.kommersant.ru/", "'https://www.kommersant.ru/a)b\"<x>'"), "with its host"),
        (
            GOOD_OUTLET + GOOD_OUTLET.replace("name: Kommersant", "name: Other"),
            'outlets.yml:11: entry 2 (kommersant): duplicate id "kommersant"',
        ),
        (
            GOOD_OUTLET.replace("affiliation: private", "affiliation: oligarch"),
            'affiliation "oligarch" is not one of: state-owned, private, independent',
        ),
        (GOOD_OUTLET.replace("status: verified", "status: probable"), 'status "probable" is not one of'),
        (GOOD_OUTLET.replace("  line: {", "  lines: {"), 'unknown field "lines": did you mean "line"?'),
        (GOOD_OUTLET.replace("line: {value: business, ", "line: {"), "line is verified but its value is missing"),
        (GOOD_OUTLET.replace("id: kommersant", "id: lost-outlets"), 'id "lost-outlets" is an anchor of the indexes'),
        (
            GOOD_OUTLET.replace("id: kommersant", "id: edm-2017-05-04"),
            'id "edm-2017-05-04" is an anchor of the indexes',
        ),
        (
            GOOD_OUTLET.replace("id: kommersant", "id: Kommersant Daily"),
            "must be lower-case letters, digits and hyphens",
        ),
        (GOOD_OUTLET + GOOD_OUTLET.replace("id: kommersant", "id: other"), 'the name "Kommersant" is already used'),
        ("- just a string\n", "entry 1 is not a mapping"),
        (
            GOOD_OUTLET.replace("  aliases:", "  aliasses:"),
            'outlets.yml:1: entry 1 (kommersant): unknown field "aliasses": did you mean "aliases"?',
        ),
        (
            GOOD_OUTLET.replace("  language: Russian\n", "  language: Russian\n  language: English\n"),
            'outlets.yml:6: the key "language" is given twice',
        ),
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
  volume: {value: 99, status: verified, evidence: https://example.org/c}
  issue: {value: 1, status: verified, evidence: https://example.org/c}
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
        (
            EDM_THIS + EDM_OTHER.replace("- date: 2017-05-04\n", '- date: 2017-05-04\n  this: "yes"\n'),
            '"this" must be true or false',
        ),
        (
            EDM_THIS + EDM_OTHER.replace("- date: 2017-05-04\n", "- date: 2017-05-04\n  this: true\n"),
            "a second entry says",
        ),
        (EDM_THIS.replace("  this: true\n", "") + EDM_OTHER, '"published" and "publisher" are for the site'),
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
            "issue is verified but its value is missing or not a whole number",
        ),
        (
            EDM_THIS + EDM_OTHER.replace("issue: {value: 60,", "issue: {value: 0,"),
            "issue is verified but its value is missing or not a whole number from 1",
        ),
        (
            EDM_THIS + EDM_OTHER.replace("volume: {value: 14,", "volume: {value: true,"),
            "volume is verified but its value is missing or not a whole number",
        ),
        (
            EDM_THIS + EDM_OTHER.replace("date: 2017-05-04", "date: 2017-05-04 10:00:00"),
            'date "2017-05-04 10:00:00" is not a date',
        ),
        (
            EDM_THIS + EDM_OTHER.replace("match: {value: true,", "match: {value: yes please,"),
            "match is inferred but its value is missing or not true or false",
        ),
        (
            EDM_THIS + EDM_OTHER.replace("title: {value: T,", "title: {value: T, source: x,"),
            'title has an unknown field "source"',
        ),
        (
            EDM_THIS.replace(
                "title: {value: Title, status: verified, evidence: https://example.org/d}",
                "title: {value: null, status: unknown}",
            ),
            "the site's own article must have a known title",
        ),
        (
            EDM_THIS.replace("  this: true\n", "  this: true\n  match: {value: true, status: verified, evidence: x}\n"),
            'unknown field "match"',
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


def test_a_profile_written_over_lines_is_folded(tmp_path: Path) -> None:
    text = GOOD_OUTLET.replace("profile: A daily.", "profile: |\n    A daily\n    of note.")
    assert load_outlets(write(tmp_path, text))[0].profile == "A daily of note."


EVENT = "- date: 2017-05-09\n  what: A boat is shadowed.\n  quote: on May 9\n  paragraph: 4\n"
PERSON = "- id: ivan-petrov\n  name: Ivan Petrov\n  forms: [Ivan Petrov]\n  role: {quote: Foreign Minister Ivan Petrov, paragraph: 2}\n"


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("events.yml", EVENT.replace("paragraph: 4", "paragraph: true"), 'paragraph "True" is not a paragraph number'),
        (
            "events.yml",
            EVENT.replace("date: 2017-05-09", "date: 2017-13"),
            'date "2017-13" is neither YYYY-MM-DD nor YYYY-MM',
        ),
        (
            "events.yml",
            EVENT.replace("date: 2017-05-09", "date: 2017-05-09T10:00:00"),
            "is neither YYYY-MM-DD nor YYYY-MM",
        ),
        ("events.yml", EVENT + "  end: 2017-05-01\n", 'end "2017-05-01" must be on or after the start'),
        ("events.yml", EVENT + "  wat: x\n", 'unknown field "wat": did you mean "what"?'),
        (
            "people.yml",
            PERSON.replace("id: ivan-petrov", "id: 'ivan\"><img src=x>'"),
            "must be lower-case letters, digits and hyphens",
        ),
        (
            "people.yml",
            PERSON.replace("{quote: Foreign Minister Ivan Petrov, paragraph: 2}", "{ours: }"),
            'field "ours" is missing or not text',
        ),
        (
            "people.yml",
            PERSON.replace(", paragraph: 2}", "}"),
            "role must be {quote: <the article's words>, paragraph: N} or {ours: <our words>}",
        ),
    ],
)
def test_events_and_people_are_checked(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        (load_events if name == "events.yml" else load_people)(path)
    assert message in str(error.value)


EVENTS = """\
- {date: 2016-12, what: A month., quote: in December 2016, paragraph: 1}
- {date: 2017-05-09, what: A day., quote: on May 9, paragraph: 1}
- {date: 2017-05-14, end: 2017-05-15, what: Two days of a month., quote: on May 14–15, paragraph: 1}
- {date: 2017-07, what: A month to come., quote: in July, paragraph: 1}
"""


def test_event_spans_are_written_out(tmp_path: Path) -> None:
    path = tmp_path / "events.yml"
    path.write_text(EVENTS, encoding="utf-8")
    events = load_events(path)
    assert [e.when for e in events] == ["December 2016", "9 May 2017", "14–15 May 2017", "July 2017"]
    span = dataclasses.replace(events[1], end=dt.date(2018, 1, 2))
    assert span.when == "9 May 2017 – 2 January 2018"


def test_a_data_file_that_is_not_utf8_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "outlets.yml"
    path.write_bytes(GOOD_OUTLET.encode() + b"# caf\xe9\n")
    with pytest.raises(DataFileError) as error:
        load_outlets(path)
    assert f"{path}:11: is not UTF-8 text: save the file as UTF-8" in str(error.value)


def test_a_key_that_is_a_list_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_OUTLET + "- ? [a, b]\n  : x\n")
    with pytest.raises(DataFileError) as error:
        load_outlets(path)
    assert "outlets.yml:11: a key is a list or a mapping" in str(error.value)


def test_this_false_is_allowed(tmp_path: Path) -> None:
    path = tmp_path / "edm-articles.yml"
    path.write_text(EDM_THIS + EDM_OTHER.replace("- date: 2017-05-04\n", "- date: 2017-05-04\n  this: false\n"))
    others, this = load_edm_articles(path)
    assert [a.date for a in others] == [dt.date(2017, 5, 4)] and this.date == dt.date(2017, 5, 15)


@pytest.mark.parametrize(
    ("evidence", "linked"),
    [
        ("https://www.kommersant.ru/about", True),
        ("http://example.org/page", False),  # only https is linked
        ("https://en.wikipedia.org/wiki/Kommersant_(newspaper)", False),  # would end the Markdown link early
        ('https://example.org/a"b', False),
        ("the masthead of the printed issue", False),
    ],
)
def test_evidence_is_linked_only_when_it_is_a_linkable_address(evidence: str, linked: bool) -> None:
    assert (evidence_url(evidence) == evidence) is linked

"""Hostile and unusual input: no traceback from any of it, nothing injected into the page, no
address that deceives. Each case was a crash, an injection or an accepted address before; each is
now refused with its file (or page), its line and the fix, or written so that it stays text.

On the fixture data and pages (``fixturesite``); what only a build shows, on the fixture edition.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from pathlib import Path

import markdown
import pytest

import fixturesite
from edm_site import frontmatter, index, paragraphs, registry, templates
from edm_site.citations import find_citations
from edm_site.datafile import DataFileError, evidence_url
from edm_site.events import load_events
from edm_site.glossary import Abbreviation
from edm_site.links import md_text
from edm_site.reading import ALL_KEYS, PageSource, read_page, read_site
from edm_site.registry import load_outlets
from htmltext import parse
from paths import TEMPLATES
from sitebuild import BuildFailed, build_site
from test_registry import GOOD_OUTLET

BOMB = (
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "published: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
)


@pytest.fixture(scope="module")
def data():
    return fixturesite.site_data()


# --- Item 4: no traceback from any input -------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("alias bomb", "- " + BOMB.replace("\n", "\n  "), 'outlets.yml:2: the alias "*a" is not allowed'),
        ("one alias", GOOD_OUTLET.replace("language: Russian", "language: &l Russian") + "- language: *l\n", "*l"),
        ("nested 500 deep, flow", "- id: [" + "[" * 500 + "]" * 500 + "]\n", "nested more than 16 deep"),
        ("nested 500 deep, block", "".join("  " * i + "- \n" for i in range(500)), "outlets.yml:17: lists and"),
        ("a 5,000-digit number", GOOD_OUTLET + "  x: " + "1" * 5000 + "\n", 'outlets.yml:11: "1111'),
        ("year 0", GOOD_OUTLET + "  x: 0000-12-01\n", 'outlets.yml:11: "0000-12-01" is not a date that exists'),
    ],
)
def test_hostile_yaml_in_a_data_file_is_refused_with_its_line(tmp_path: Path, name: str, text: str, message: str):
    path = tmp_path / "outlets.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_outlets(path)
    assert message in str(error.value)
    assert len(str(error.value)) < 600, "the message echoes the value whole"


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("0000-12", 'events.yml:1: entry 1 (0000-12): date "0000-12" is neither YYYY-MM-DD nor YYYY-MM'),
        ("'0000-12'", 'date "0000-12" is neither'),
        ("0000-12-01", 'events.yml:1: "0000-12-01" is not a date that exists'),
        ("[2017, 5]", 'date "[2017, 5]" is neither'),
    ],
)
def test_an_impossible_event_date_is_a_message(tmp_path: Path, date: str, message: str) -> None:
    path = tmp_path / "events.yml"
    path.write_text(f"- date: {date}\n  what: x\n  quote: y\n  paragraph: 1\n", encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_events(path)
    assert message in str(error.value)


def test_a_fact_that_would_end_the_code_block_of_cite_this_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "outlets.yml"
    path.write_text(GOOD_OUTLET.replace("line: {value: business,", "line: {value: '``` x',"), encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_outlets(path)
    assert "outlets.yml:10: entry 1 (kommersant): line holds ``` or ~~~" in str(error.value)


def test_a_value_in_a_message_is_cut(tmp_path: Path) -> None:
    path = tmp_path / "outlets.yml"
    path.write_text(GOOD_OUTLET.replace("affiliation: private", "affiliation: " + "x" * 100_000), encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_outlets(path)
    assert "(100000 characters)" in str(error.value) and len(str(error.value)) < 600


@pytest.mark.parametrize(
    ("front", "line", "message"),
    [
        (BOMB, 3, 'the alias "*a" is not allowed'),
        ("title: x\ndeep: " + "[" * 200 + "]" * 200 + "\n", 3, "nested more than 16 deep"),
        ("title: x\npublished: 0000-01-01\n", 1, "year 0 is out of range: correct the value"),
        ("title: x\npublished: not a date\n", 3, "front matter published: not a date is not a date"),
    ],
)
def test_hostile_front_matter_is_refused_with_page_and_line(data, front: str, line: int, message: str) -> None:
    source = f"---\n{front}---\n\n# Aside\n\nText (RBC, May 12).\n"
    read = read_page(PageSource("aside.md", None, source), data)
    assert [p for p in read.problems if message in p] != [], read.problems
    assert any(p.startswith(f"aside.md:{line}:") for p in read.problems), read.problems
    assert all(len(p) < 600 for p in read.problems), "a message echoes the value whole"
    assert (
        len(read.citations) == 1
        and read.citations[0].line + read.offset == source.split("\n").index("Text (RBC, May 12).") + 1
    )


def test_refused_front_matter_is_kept_from_the_theme(data) -> None:
    read = read_page(PageSource("aside.md", None, f"---\n{BOMB}---\n\ntext\n"), data)
    assert read.unsafe_meta == ALL_KEYS and read.meta == {}


def test_front_matter_with_aliases_reads_as_mkdocs_reads_it() -> None:
    from mkdocs.utils import meta

    source = f"---\n{BOMB}---\n\n# Title\n"
    markdown_text, data, offset = frontmatter.read(source)
    assert (
        markdown_text == meta.get_data(source)[0] and data == {} and offset == BOMB.count("\n") + 3
    )  # ---, ---, the blank line


@pytest.mark.parametrize(
    ("name", "target", "message"),
    [
        (
            "gone.md",
            "nowhere.md",
            "docs/gone.md: cannot be read (No such file or directory: it is a link to 'nowhere.md'",
        ),
        ("gone.md", "gone.md", "docs/gone.md: cannot be read (Too many levels of symbolic links: it is a link that"),
        ("loop", ".", "docs/loop: is a link to '.', a folder that holds it"),
        ("sub/up", "..", "docs/sub/up: is a link to '..', a folder that holds it"),
    ],
)
def test_an_unreadable_file_in_docs_is_named_with_the_fix(
    tmp_path: Path, fixture_project: Path, name: str, target: str, message: str
) -> None:
    project = fixturesite.copy_of(fixture_project, tmp_path / "project")
    link = project / "docs" / name
    link.parent.mkdir(exist_ok=True)
    os.symlink(target, link)
    with pytest.raises(BuildFailed) as failure:  # before any page renders: a tenth of a whole build
        build_site(project, tmp_path / "site")
    assert message in str(failure.value)
    assert "remove" in str(failure.value) and "Traceback" not in str(failure.value)


LS = "\u2028"


def test_a_line_separator_in_a_page_does_not_move_the_paragraphs() -> None:
    """markdown-it and Python-Markdown end lines at \\n only; so must the paragraph markers."""
    page = f"# Title\n\nOurs, with a{LS}line separator.\n\n<!-- edm:para 1 -->\nFirst{LS}paragraph.\n\n"
    page += "<!-- edm:para 2 -->\nSecond paragraph.\n"
    found = paragraphs.find_paragraphs(page)
    assert [(p.number, p.line, p.text) for p in found] == [
        (1, 5, f"First{LS}paragraph."),
        (2, 8, "Second paragraph."),
    ]
    marked = paragraphs.mark_paragraphs(page, lambda n: f"<p{n}>")
    assert marked.count("<p1>") == 1 and marked.count("<p2>") == 1 and "edm:para" not in marked
    assert paragraphs.paragraph_at(found, 6) == 1 and paragraphs.paragraph_at(found, 9) == 2


def test_a_line_separator_in_a_page_gives_the_full_article_each_id_once(fixture_site: Path) -> None:
    """The fixture's region.md has one in a note of ours above its paragraph."""
    page = (fixturesite.SITE / "docs" / "region.md").read_text(encoding="utf-8")
    assert page.index(LS) < page.index("<!-- edm:para")
    html = (fixture_site / "article" / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'id="(p\d+)"', html)
    assert sorted(ids) == [f"p{n}" for n in fixturesite.NUMBERS]


# --- Item 5: escape or refuse every value that reaches HTML or Markdown ------------------------


@pytest.mark.parametrize(
    ("front", "line", "shown"),
    [
        ("title: </title><script>alert(1)</script>\n", 2, "'<'"),
        ("title: Region\ndescription: '\"><script>alert(1)</script>'\n", 3, "'\"'"),
        ("title: Region &amp; Sea\n", 2, "'&amp;'"),
        ("title: [a, list]\n", 2, "is not text"),
    ],
)
def test_markup_in_a_title_or_description_is_refused(data, front: str, line: int, shown: str) -> None:
    read = read_page(PageSource("region.md", None, f"---\n{front}---\n\n# Region\n"), data)
    assert any(p.startswith(f"region.md:{line}: front matter ") and shown in p for p in read.problems), read.problems
    assert read.unsafe_meta and set(read.unsafe_meta) <= {"title", "description"}


def test_plain_titles_pass(data) -> None:
    read = read_page(PageSource("region.md", None, "---\ntitle: 'Region & Sea: a “deal”'\n---\n\n# Region\n"), data)
    assert read.problems == [] and read.unsafe_meta == ()


EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "footnotes",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tabbed",
]


@pytest.mark.parametrize(
    "value", ['!!! danger "Hacked"', '=== "Tab"', "???+ note", "===", "~~~", "> a quote", "# h", "- x", "1. x"]
)
@pytest.mark.parametrize("before", ["", "Text before\n"])
def test_block_syntax_at_the_start_of_a_data_value_stays_text(value: str, before: str) -> None:
    html = markdown.markdown(f"{before}{md_text(value)}\n\nAfter.\n", extensions=EXTENSIONS)
    for block in ("admonition", "<details", "tabbed", "<blockquote", "<h1", "<pre", "<ul", "<ol"):
        assert block not in html, html
    assert html.count("<p>") == 2


def sources_page(tmp_path: Path, outlets: str) -> str:
    """/sources/ as the hooks write it (sources.md.j2) for the outlets of ``outlets`` (a data file,
    read as a build reads it), each cited once, rendered by Python-Markdown with the site's extensions."""
    path = tmp_path / "outlets.yml"
    path.write_text(outlets, encoding="utf-8")
    loaded = dataclasses.replace(fixturesite.REGISTRY, outlets=load_outlets(path))
    text = " ".join(f"({outlet.name}, May 10)" for outlet in loaded.outlets)
    citations, problems = find_citations(text, loaded, fixturesite.PUBLISHED)
    assert problems == []
    site = index.SiteIndex(tuple(index.places_on_page("page.md", "Page", citations, [])))
    markdown_text = (
        templates.environment(TEMPLATES)
        .get_template("sources.md.j2")
        .render(
            page="sources.md",
            sources_page="sources.md",
            edm_page="edm.md",
            outlets=site.outlets(loaded),
            lost=site.lost(),
        )
    )
    return markdown.markdown(markdown_text, extensions=EXTENSIONS)


def test_a_profile_opening_with_block_syntax_stays_text_on_sources(tmp_path: Path) -> None:
    html = sources_page(tmp_path, GOOD_OUTLET.replace("profile: A daily.", "profile: '!!! danger \"Hacked\"'"))
    assert "admonition" not in html and 'danger "Hacked"' in html.replace("&quot;", '"')
    assert "<h2" in html and "edm-outlet" in html  # the entry itself is written


def test_a_pipe_in_an_abbreviation_keeps_the_glossary_table_whole() -> None:
    env = templates.environment(TEMPLATES)
    rows = [(Abbreviation("A|B", "Alpha|Beta"), (1,))]
    table = env.get_template("glossary.md.j2").render(rows=rows, homes={1: "region.md"}, page="glossary.md")
    html = markdown.markdown(table, extensions=EXTENSIONS)
    row = html.split("<tbody>")[1]
    assert row.count("<td") == 3, html
    assert 'id="a&#124;b"' in row and "Alpha|Beta" in row  # the browser reads the id as a|b


@pytest.mark.parametrize(
    "address",
    [
        "https://ria.ru@evil.example/",
        "https://user:pass@ria.ru/",
        "https://ria.ru/\u202egnp.exe",
        "https://ria.ru/a\u200bb",
        "https://ria.ru/a b",
        "https://ria.ru/\x07",
        "http://ria.ru/",
        "https://rіa.ru/",  # a Cyrillic і in the host
        "https://ria.ru:port/",
        "javascript:alert(1)",
    ],
)
def test_a_deceptive_address_is_refused_or_not_linked(tmp_path: Path, address: str) -> None:
    assert evidence_url(address) is None
    path = tmp_path / "outlets.yml"
    path.write_text(GOOD_OUTLET.replace("https://www.kommersant.ru/", json.dumps(address)), encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_outlets(path)
    assert "outlets.yml:1: entry 1 (kommersant): homepage" in str(error.value)
    assert "is not an https:// address" in str(error.value)


def test_an_http_evidence_address_is_shown_not_linked(tmp_path: Path) -> None:
    evidence = "  evidence: https://example.org/kommersant\n"
    html = sources_page(tmp_path, GOOD_OUTLET.replace(evidence, "  evidence: http://ria.ru@evil.example/about\n"))
    assert "http://ria.ru@evil.example/about" in html
    assert 'href="http://ria.ru@evil.example/about"' not in html
    assert [a for a in parse(html).iter() if a.tag == "a" and a.attrs.get("href") == "https://www.kommersant.ru/"]


def test_the_reserved_anchors_are_read_from_the_templates_and_the_page() -> None:
    taken = registry.template_anchors(TEMPLATES)
    assert {"key", "lost-outlets", "cite-this", "sources-on-this-page"} <= set(taken)
    page = (fixturesite.SITE / "docs" / "sources.md").read_text(encoding="utf-8")
    assert {"profile", "per-outlet"} <= set(registry.page_anchors(frontmatter.read(page)[0]))
    assert registry.page_anchors("# Cited outlets\n\n## Notes *on* `them`\n") == {
        "cited-outlets": 1,
        "notes-on-them": 3,
    }


@pytest.mark.parametrize("anchor", ["key", "profile", "per-outlet", "lost-outlets", "cite-this", "sources"])
def test_an_outlet_id_may_not_take_an_anchor_of_the_sources_page(data, anchor: str) -> None:
    outlets = tuple(dataclasses.replace(o, id=anchor) if o.id == "kommersant" else o for o in data.registry.outlets)
    changed = dataclasses.replace(data, registry=dataclasses.replace(data.registry, outlets=outlets))
    problems = [
        p for p in read_site(fixturesite.page_sources(), changed, TEMPLATES).problems if "is also the anchor of" in p
    ]
    kommersant = next(o for o in data.registry.outlets if o.id == "kommersant")
    assert problems == [
        p for p in problems if p.startswith(f'{data.registry.outlets_path}:{kommersant.entry_line}: id "{anchor}"')
    ]
    assert len(problems) == 1 and problems[0].endswith("choose another id")

"""The analytical apparatus, checked against the text: byline, facts table, sourcing profiles,
chart, chronology, people, glossary and "cite this page". Expected figures are recomputed here from
the reference text, the manifest and the data files, never typed in; where the data holds none of
something (no people, no events, no inferred fact), what the site shows for none is checked.
"""

from __future__ import annotations

import collections
import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from builtpages import cited_count, page, preview, words
from edm_site.datafile import Fact
from htmltext import Element, by_id, parse
from sitebuild import BuildFailed, build_site, change, copy_project
from this_edition import (
    DEFINED,
    EDITION,
    EVENTS,
    NUMBERS,
    PARAGRAPHS,
    PEOPLE,
    REGISTRY,
    ROOT,
    STUBS,
    THEMED,
    THIS,
    TITLE,
    affiliation,
    cited,
    line,
    numbers_of,
    paragraphs_using,
    text_of,
    where,
)


def long_date(date: dt.date) -> str:
    return f"{date.day} {date:%B} {date.year}"


# -- Byline and facts ------------------------------------------------------------------------------


def _pages_with(shortcode: str) -> list[str]:
    """The pages whose Markdown places ``<!-- edm:SHORTCODE -->``, by their name in the site."""
    found = []
    for source in sorted((ROOT / "docs").rglob("*.md")):
        if f"<!-- edm:{shortcode} -->" in source.read_text(encoding="utf-8"):
            name = source.relative_to(ROOT / "docs").with_suffix("").as_posix()
            found.append("" if name == "index" else name.removesuffix("/index"))
    return found


BYLINE_PAGES = _pages_with("byline")


def test_the_byline_says_what_the_data_knows(built_site: Path) -> None:
    assert BYLINE_PAGES, "no page places the byline"
    status = {f: getattr(THIS, f).status for f in ("published", "author")}
    date = f"{long_date(THIS.published.value)} {status['published']}"
    author = f"{THIS.author.value} {status['author']}" if THIS.author.known else "Author not known"
    expected = [
        f"Eurasia Daily Monitor, Volume {THIS.volume.value}, Issue {THIS.issue.value}, {THIS.publisher.value}",
        f"{date} · {author}",
    ]
    for name in BYLINE_PAGES:
        here = f"{name}/" if name else ""
        (byline,) = [e for e in page(built_site, name).iter() if "edm-byline" in e.classes]
        assert [words(p) for p in byline.iter() if p.tag == "p"] == expected, f"/{here}"
        # The date and the author lead to their rows of the edition notes, which say why.
        anchors = [a.attrs["href"].rpartition("#")[2] for a in byline.iter() if a.tag == "a"]
        assert anchors == ["date", "author"], f"/{here}"
        for a in (a for a in byline.iter() if a.tag == "a"):
            assert _target(built_site, a.attrs["href"], here).tag == "span"


def _shown(fact: Fact, label: str) -> str:
    """A fact's value as the facts table shows it."""
    if not fact.known:
        return "not known"
    return long_date(fact.value) if label == "Date" else str(fact.value)


def test_about_lists_every_added_fact(built_site: Path) -> None:
    rows = [r for r in page(built_site, "about").iter() if r.tag == "tr"]
    facts = [r for r in rows if any("edm-status" in e.classes for e in r.iter())]
    cells = [[words(c) for c in r.iter() if c.tag == "td"] for r in facts]
    fields = {"Title": "title", "Publisher": "publisher", "Volume": "volume", "Issue": "issue"}
    fields |= {"Date": "published", "Author": "author", "Address": "address"}
    assert [c[0] for c in cells] == list(fields)
    expected = {label: [_shown(getattr(THIS, f), label), getattr(THIS, f).status] for label, f in fields.items()}
    assert {c[0]: c[1:3] for c in cells} == expected


# -- Sourcing profiles and the chart -----------------------------------------------------------------


def expected_profile(text: str) -> dict[str, object]:
    found = cited(text)
    ownership: collections.Counter[str] = collections.Counter()
    lines: collections.Counter[str] = collections.Counter()
    for name, count in found.outlets.items():
        ownership[affiliation(name)] += count
        lines[(line(name) or "not known").partition(" (")[0]] += count
    figures: dict[str, object] = {
        "citations": found.citations,
        "outlets": len(found.outlets),
        "edm": sum(found.edm.values()),
    }
    if not found.citations:  # no outlet cited: no tables of none
        return figures
    # The three kinds of owner are rows even at 0; "not known" and a lost name only where they occur.
    shares = {kind: ownership[kind] for kind in ("state-owned", "private", "independent")}
    if ownership["ownership not known"]:
        shares["ownership not known"] = ownership["ownership not known"]
    lost = {"outlet name lost": found.lost} if found.lost else {}
    return {**figures, "Ownership": {**shares, **lost}, "Editorial line": {**lines, **lost}}


def shown_profile(root: Element) -> dict[str, object]:
    box = next(e for e in root.iter() if "edm-profile" in e.classes)
    text = words(box)
    figures: dict[str, object] = {
        "citations": int(re.search(r"cites news outlets (\d+) time", text).group(1)),
        "outlets": int(m.group(1)) if (m := re.search(r"(\d+) outlets? by name", text)) else 0,
        "edm": int(m.group(1)) if (m := re.search(r"EDM articles (\d+) time", text)) else 0,
    }
    for table in (e for e in box.iter() if e.tag == "table"):
        heading = words(next(c for c in table.iter() if c.tag == "th"))
        rows: dict[str, int] = {}
        for row in (e for e in table.iter() if e.tag == "tr"):
            cells = [words(c) for c in row.iter() if c.tag == "td"]
            if cells:
                rows[cells[0].partition(" (inferred for ")[0].lower()] = int(cells[1])
                assert cells[2] == f"{round(100 * int(cells[1]) / figures['citations'])}%"
        figures[heading] = rows
    return figures


def test_an_inferred_editorial_line_is_said_beside_its_share(built_site: Path) -> None:
    text = words(next(e for e in page(built_site, "sources").iter() if "edm-profile" in e.classes))
    found = cited()
    inferred = [REGISTRY.outlet_named(n) for n in found.outlets if REGISTRY.outlet_named(n).line.status == "inferred"]
    for outlet in inferred:
        assert f"{outlet.line.value} (inferred for {outlet.name}" in text
    if not inferred:  # no cited outlet's line is inferred: no share says so
        assert "(inferred for" not in text


@pytest.mark.parametrize("name", [*THEMED, "sources"])
def test_sourcing_profile_matches_the_text(built_site: Path, name: str) -> None:
    assert shown_profile(page(built_site, name)) == expected_profile(text_of(numbers_of(name)))


def test_chart_has_a_text_alternative_and_a_table(built_site: Path) -> None:
    root = page(built_site, "sources")
    bars = next(e for e in root.iter() if "edm-chart__rows" in e.classes)  # a <figure> may not be an img
    assert bars.tag == "div" and bars.attrs["role"] == "img"
    assert bars.attrs["aria-labelledby"] == "chart-title chart-desc"
    found = cited()
    desc = by_id(root, "chart-desc").text()
    for name, count in found.outlets.items():
        shown_line = f", {line(name)}" if line(name) else ""
        assert f"{name}, {affiliation(name)}{shown_line}: {count}" in desc
    if found.lost:
        assert f"Outlet name lost, name lost: {found.lost}" in desc
    else:
        assert "Outlet name lost" not in desc
    chart = next(e for e in root.iter() if "edm-chart" in e.classes)
    rows = {}
    for row in (e for e in chart.iter() if e.tag == "tr"):
        cells = [words(c) for c in row.iter() if c.tag == "td"]
        if cells:
            rows[cells[0]] = int(cells[3])
            if cells[0] == "Outlet name lost":
                assert cells[1:3] == ["name lost", "–"]
            else:
                assert cells[1:3] == [affiliation(cells[0]), line(cells[0]) or "not known"]
    assert rows == {**found.outlets, **({"Outlet name lost": found.lost} if found.lost else {})}


# -- Chronology, people, glossary ---------------------------------------------------------------------


def _root(site: Path, href: str, here: str) -> Element:
    path = href.partition("#")[0]
    return parse(((site / here / path).resolve() / "index.html").read_text(encoding="utf-8"))


def _target(site: Path, href: str, here: str) -> Element:
    element = by_id(_root(site, href, here), href.partition("#")[2])
    assert element is not None, f"{href} from /{here}/ leads nowhere"
    return element


def test_every_chronology_entry_links_to_a_sentence_with_its_date(built_site: Path) -> None:
    root = page(built_site, "chronology")
    checked = 0
    for heading in (e for e in root.iter() if e.tag == "h2"):
        items = heading.parent.children[heading.parent.children.index(heading) + 1 :]
        date = words(heading, skip=("headerlink",))
        for element in items:
            if isinstance(element, Element) and element.tag == "h2":
                break
            if not isinstance(element, Element):
                continue
            for link in (a for a in element.iter() if a.tag == "a" and "#cite-" in a.attrs.get("href", "")):
                cited_there = _target(built_site, link.attrs["href"], "chronology")
                # The citation linked to is the one for this date: its own preview names the date.
                shown = preview(_root(built_site, link.attrs["href"], "chronology"), cited_there)
                assert date in shown, f"{date}: {link.attrs['href']} is {shown}"
                checked += cited_count(link)
            for quote in (q for q in element.iter() if q.tag == "q"):
                paragraph = next(a for a in element.iter() if a.tag == "a" and "#p" in a.attrs["href"])
                target = _target(built_site, paragraph.attrs["href"], "chronology").parent
                assert words(quote) in target.article_text()
                checked += 1
    found = cited()
    assert checked == found.citations + sum(found.edm.values()) + len(EVENTS)
    # Each event the data holds is a box of its own; with none, there is none.
    boxes = [e for e in root.iter() if "edm-event" in e.classes]
    assert [words(q) for box in boxes for q in box.iter() if q.tag == "q"] == [e.quote for e in EVENTS]


def _body_rows(table: Element, data: object) -> list[Element]:
    """The table's rows below its header."""
    assert data, "with nothing to list, the page has no table but a note"
    return [r for r in table.iter() if r.tag == "tr" and any(c.tag == "td" for c in r.iter())]


def test_every_person_links_to_the_paragraphs_that_name_them(built_site: Path) -> None:
    root = page(built_site, "people")
    tables = [e for e in root.iter() if e.tag == "table"]
    if not PEOPLE:  # a new edition's: a note instead of an empty table
        assert tables == [] and "No one is listed here yet." in words(root)
        return
    (table,) = tables
    as_of = f"Role as of {EDITION.published:%B} {EDITION.published.year}"
    assert [words(th) for th in table.iter() if th.tag == "th"] == ["Person", as_of, "Named in"]
    rows = _body_rows(table, PEOPLE)
    assert [next(s.attrs["id"] for s in r.iter() if "id" in s.attrs) for r in rows] == [p.id for p in PEOPLE]
    for person, row in zip(PEOPLE, rows, strict=True):
        cells = [c for c in row.iter() if c.tag == "td"]
        assert words(cells[0]) == person.name
        linked = [int(a.text()[1:]) for a in cells[2].iter() if a.tag == "a"]
        assert linked == paragraphs_using(person.forms), person.name
        for a in (a for a in cells[2].iter() if a.tag == "a"):
            target = _target(built_site, a.attrs["href"], "people").parent.article_text()
            assert any(form in target for form in person.forms)
        if person.role_is_quote:
            assert person.role in PARAGRAPHS[person.role_paragraph - 1]
            assert words(cells[1]) == f"“{person.role}” (¶{person.role_paragraph})"
        else:
            assert "ours" in {c for e in cells[1].iter() for c in e.classes}


def test_glossary_lists_each_abbreviation_where_it_is_used(built_site: Path) -> None:
    root = page(built_site, "glossary")
    tables = [e for e in root.iter() if e.tag == "table"]
    if not DEFINED:  # only stubs, or none: a note instead of an empty table
        assert tables == [] and "No abbreviation is explained here yet." in words(root)
        return
    (table,) = tables
    assert [words(th) for th in table.iter() if th.tag == "th"] == ["Abbreviation", "Stands for", "In the article"]
    rows = _body_rows(table, DEFINED)
    # Every abbreviation the glossary explains, and no other: not the stubs, which explain nothing yet.
    assert sorted(next(s.attrs["id"] for s in r.iter() if "id" in s.attrs) for r in rows) == sorted(
        a.lower() for a in DEFINED
    )
    for abbr, meaning in DEFINED.items():
        row = by_id(table, abbr.lower()).parent.parent
        cells = [words(c) for c in row.iter() if c.tag == "td"]
        assert cells[:2] == [abbr, " ".join(meaning.split())]
        linked = [int(a.text()[1:]) for a in row.iter() if a.tag == "a"]
        assert linked == paragraphs_using([abbr]), abbr


@pytest.mark.parametrize("name", [*THEMED, "article"])
def test_abbreviations_are_marked_at_their_first_use_on_a_page(built_site: Path, name: str) -> None:
    """Each abbreviation the page's paragraphs use is marked with what it stands for, once; a stub
    of the glossary, and anything it does not explain, is never marked."""
    marked = [(words(e), e.attrs.get("title")) for e in page(built_site, name).iter() if e.tag == "abbr"]
    assert all(DEFINED.get(abbr) == title for abbr, title in marked), marked
    assert len(marked) == len(set(marked)), f"/{name}/ marks an abbreviation twice: {marked}"
    used = {abbr for abbr in DEFINED if set(paragraphs_using([abbr])) & set(numbers_of(name))}
    assert used <= {abbr for abbr, _ in marked}
    assert not {abbr for abbr, _ in marked} & set(STUBS)


# -- Cite this page ------------------------------------------------------------------------------------


def _mark(fact: Fact, what: str = "") -> str:
    return f" [{what}inferred]" if fact.status == "inferred" else ""


def expected_citations(numbers: tuple[int, ...], url: str | None = None) -> tuple[str, str]:
    """The article's citation in EDM style and in Chicago style, from the data, as "Cite this page"
    should give it for the paragraphs ``numbers`` (and the page's address, where the site has one)."""
    a = THIS
    date = long_date(a.published.value) + _mark(a.published)
    by = ""
    if a.author.known:
        by = f"{a.author.value}{_mark(a.author)}, "
    edm = (
        f"{by}“{a.title.value},” Eurasia Daily Monitor, Volume {a.volume.value}, Issue {a.issue.value} "
        f"({a.publisher.value}, {date}), {where(numbers)}." + (f" {url}" if url else "")
    )
    by = ""
    if a.author.known:
        given, _, surname = str(a.author.value).rpartition(" ")
        by = f"{surname}, {given}{_mark(a.author)}. "
    address = f" {a.address.value}{_mark(a.address, 'address ')}." if a.address.known else ""
    chicago = (
        f"{by}“{a.title.value}.” Eurasia Daily Monitor {a.volume.value}, no. {a.issue.value} ({date}): "
        f"{where(numbers)}. {a.publisher.value}.{address}" + (f" Read at {url}." if url else "")
    )
    return edm, chicago


def _cite_this(root: Element) -> list[str]:
    block = by_id(root, "cite-this")
    assert block is not None and "ours" in block.classes
    return [words(c) for c in root.iter() if c.tag == "code" and TITLE in c.text()]


@pytest.mark.parametrize("name", [*THEMED, "article"])
def test_cite_this_page(built_site: Path, name: str) -> None:
    assert THIS.title.value == TITLE  # the data and the text agree on the headline
    assert _cite_this(page(built_site, name)) == list(expected_citations(numbers_of(name)))


def test_cite_this_names_the_public_address(tmp_path: Path) -> None:
    site = build_site(ROOT, tmp_path / "site", site_url="https://example.org/edm/")
    name, numbers = next(iter(THEMED.items()))
    url = f"https://example.org/edm/{name}/"
    assert _cite_this(page(site, name)) == list(expected_citations(numbers, url))


def test_overview_links_to_the_apparatus(built_site: Path) -> None:
    hrefs = {a.attrs.get("href") for a in page(built_site, "").iter() if a.tag == "a"}
    assert {"sources/", "edm/", "chronology/", "people/", "glossary/"} <= hrefs


# -- Problems in the apparatus fail the strict build: each case made from the data as it is -------------


def _entries(project: Path, name: str) -> list[dict]:
    return yaml.safe_load((project / "hooks" / "data" / name).read_text(encoding="utf-8")) or []


def _write(project: Path, name: str, entries: list[dict]) -> list[int]:
    """``hooks/data/NAME`` rewritten to hold ``entries``; the line where each entry starts."""
    text = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=10_000)
    (project / "hooks" / "data" / name).write_text(text, encoding="utf-8")
    return [n for n, row in enumerate(text.split("\n"), start=1) if row.startswith("- ")]


def _misspelt(text: str) -> str:
    """``text`` with a letter dropped from its first long word ("Tillerson" -> "Tilerson")."""
    word = next(w for w in re.findall(r"\w{4,}", text))
    return text.replace(word, word[:2] + word[3:], 1)


def _people(project: Path) -> list[dict]:
    """people.yml's entries; with none, one person named by the first capitalised word of ¶1."""
    people = _entries(project, "people.yml")
    if not people:
        form = re.search(r"[A-Z]\w+", PARAGRAPHS[0]).group()
        people = [{"id": "someone", "name": form, "forms": [form], "role": {"ours": "Our words."}}]
    return people


def _never_named(project: Path) -> str:
    people = _people(project)
    person = people[0]
    person["forms"] = [_misspelt(f) for f in person["forms"]]
    assert not paragraphs_using(person["forms"]), person["forms"]
    line_of = _write(project, "people.yml", people)[0]
    return f"people.yml:{line_of}: {person['name']} is never named in the article"


def _form_not_in_the_article(project: Path) -> str:
    people = _people(project)
    person = people[0]
    form = _misspelt(person["forms"][0])
    person["forms"] = [*person["forms"], form]
    line_of = _write(project, "people.yml", people)[0]
    return f'people.yml:{line_of}: {person["name"]}: the name form "{form}" is not in the article'


def _role_not_in_its_paragraph(project: Path) -> str:
    """The first person's role quoted from another paragraph than the one that gives it (with a
    single paragraph, misquoted)."""
    people = _people(project)
    person = people[0]
    role = person["role"]
    quote, given = (role["quote"], role["paragraph"]) if "quote" in role else (" ".join(PARAGRAPHS[0].split()[:3]), 1)
    others = [n for n in NUMBERS if quote not in PARAGRAPHS[n - 1]]
    number = others[0] if others else given
    quote = quote if others else _misspelt(quote)
    person["role"] = {"quote": quote, "paragraph": number}
    line_of = _write(project, "people.yml", people)[0]
    return f"people.yml:{line_of}: {person['name']}: the role “{quote}” is not in ¶{number}"


def _event_misquoted(project: Path) -> str:
    """The first event's quote with a letter dropped; with no event, one quoting ¶1 so."""
    events = _entries(project, "events.yml")
    if not events:
        quote = " ".join(PARAGRAPHS[0].split()[:6])
        events = [{"date": EDITION.published, "what": "What happened.", "quote": quote, "paragraph": 1}]
    event = events[0]
    event["quote"] = _misspelt(event["quote"])
    assert event["quote"] not in PARAGRAPHS[event["paragraph"] - 1]
    line_of = _write(project, "events.yml", events)[0]
    return f"events.yml:{line_of}: the quote “{event['quote']}” is not in ¶{event['paragraph']}"


def _unknown_shortcode(project: Path) -> str:
    line_of = change(project, "docs/people.md", "<!-- edm:people -->", "<!-- edm:persons -->")
    return f"people.md:{line_of}: <!-- edm:persons --> is no known shortcode"


@pytest.mark.parametrize(
    "broken",
    [
        pytest.param(_event_misquoted, id="an-event-misquoted"),
        pytest.param(_never_named, id="a-person-never-named"),
        pytest.param(_form_not_in_the_article, id="a-name-form-not-in-the-article"),
        pytest.param(_role_not_in_its_paragraph, id="a-role-not-in-its-paragraph"),
        pytest.param(_unknown_shortcode, id="an-unknown-shortcode"),
    ],
)
def test_apparatus_problems_fail_the_strict_build(tmp_path: Path, broken) -> None:
    project = copy_project(ROOT, tmp_path / "project")
    message = broken(project)
    with pytest.raises(BuildFailed) as failure:
        build_site(project, tmp_path / "site")
    assert message in str(failure.value)


# -- The indexes' ways back --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", THEMED)
def test_the_ways_back_and_their_dates_are_in_the_order_of_the_text(built_site: Path, name: str) -> None:
    """On "Sources on this page", each letter leads to a citation that gives the date beside it, and
    the letters go in the order of the text; an outlet (or the lost names) cited several times on
    the page has one entry with a letter for each."""
    root = page(built_site, name)
    box = next(e for e in root.iter() if "edm-page-sources" in e.classes)
    several = 0
    for entry in (e for e in box.iter() if "edm-backlinks" in e.classes):
        text = words(entry)
        anchors = [a.attrs["href"].removeprefix("#") for a in entry.iter() if a.tag == "a"]
        numbers = [int(anchor.removeprefix("cite-")) for anchor in anchors]
        assert numbers == sorted(numbers), f"/{name}/: {text}: not in the order of the text"
        dates = re.findall(r"\d{1,2} [A-Z][a-z]+ \d{4}", text)
        if not dates:  # an EDM article: its date is its name
            continue
        assert len(dates) == len(anchors), text
        for anchor, date in zip(anchors, dates, strict=True):
            cited_there = by_id(root, anchor)
            assert date in preview(root, cited_there), (
                f"/{name}/: {date} beside {anchor}, which cites {preview(root, cited_there)}"
            )
        several += len(anchors) > 1
    found = cited(text_of(THEMED[name]))
    assert several == sum(count > 1 for count in (*found.outlets.values(), found.lost))


@pytest.mark.parametrize("name", ["sources", "chronology", "edm"])
def test_no_entry_of_an_index_holds_two_links_with_the_same_words(built_site: Path, name: str) -> None:
    root = page(built_site, name)
    for item in (e for e in root.iter() if e.tag == "li"):
        link_words = [words(a) for a in item.children if isinstance(a, Element) and a.tag == "a"]
        assert len(link_words) == len(set(link_words)), f"/{name}/: {words(item)}"

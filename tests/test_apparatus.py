"""The analytical apparatus, checked against the text: sourcing profiles, chart, chronology,
people, glossary and "cite this page". Expected figures are recomputed here from the reference
text and the data files, never typed in."""

from __future__ import annotations

import collections
import re
from pathlib import Path

import pytest

from edm_site.people import load_people
from edm_site.registry import load_registry
from htmltext import Element, by_id, parse, reference_parts
from paths import DATA, REFERENCE
from sitebuild import BuildFailed, build_site, changed_project
from test_site import cited_count, page, preview, reference_counts

REGISTRY = load_registry(DATA)
PARAGRAPHS = reference_parts(REFERENCE.read_text(encoding="utf-8"))[3]
THEMED = {"diplomacy": [1, 2, 6], "syria": [3], "ukraine": [4], "north-korea": [5]}
AFFILIATION = {o.name: o.affiliation for o in REGISTRY.outlets}


LINE = {
    o.name: (o.line.value if o.line.known else "not known") + (" (inferred)" if o.line.status == "inferred" else "")
    for o in REGISTRY.outlets
}


def expected_profile(text: str) -> dict[str, object]:
    outlets, lost, edm = reference_counts(text)
    shares = collections.Counter()
    lines: dict[str, int] = collections.Counter()
    for name, count in outlets.items():
        shares[AFFILIATION[name]] += count
        lines[LINE[name].partition(" (")[0]] += count
    lost_row = {"outlet name lost": lost} if lost else {}
    return {
        "citations": sum(outlets.values()) + lost,
        "outlets": len(outlets),
        "edm": sum(edm.values()),
        "Ownership": {
            "state-owned": shares["state-owned"],
            "private": shares["private"],
            "independent": shares["independent"],
            "outlet name lost": lost,
        },
        "Editorial line": {**lines, **lost_row},
    }


def shown_profile(root: Element) -> dict[str, object]:
    box = next(e for e in root.iter() if "edm-profile" in e.classes)
    text = " ".join(box.text().split())
    figures: dict[str, object] = {
        "citations": int(re.search(r"cites news outlets (\d+) time", text).group(1)),
        "outlets": int(m.group(1)) if (m := re.search(r"(\d+) outlets? by name", text)) else 0,
        "edm": int(m.group(1)) if (m := re.search(r"EDM articles (\d+) time", text)) else 0,
    }
    for table in (e for e in box.iter() if e.tag == "table"):
        heading = " ".join(next(c for c in table.iter() if c.tag == "th").text().split())
        rows: dict[str, int] = {}
        for row in (e for e in table.iter() if e.tag == "tr"):
            cells = [" ".join(c.text().split()) for c in row.iter() if c.tag == "td"]
            if cells:
                rows[cells[0].partition(" (inferred for ")[0].lower()] = int(cells[1])
                assert cells[2] == f"{round(100 * int(cells[1]) / figures['citations'])}%"
        figures[heading] = rows
    return figures


def test_an_inferred_editorial_line_is_said_beside_its_share(built_site: Path) -> None:
    box = next(e for e in page(built_site, "sources").iter() if "edm-profile" in e.classes)
    text = " ".join(box.text().split())
    inferred = [o for o in REGISTRY.outlets if o.line.status == "inferred"]
    assert inferred, "the data has no inferred editorial line: this test checks nothing"
    for outlet in inferred:
        assert f"{outlet.line.value} (inferred for {outlet.name}" in text


@pytest.mark.parametrize("name", [*THEMED, "sources"])
def test_sourcing_profile_matches_the_text(built_site: Path, name: str) -> None:
    numbers = THEMED.get(name, range(1, 7))
    text = "\n\n".join(PARAGRAPHS[n - 1] for n in numbers)
    assert shown_profile(page(built_site, name)) == expected_profile(text)


def test_chart_has_a_text_alternative_and_a_table(built_site: Path) -> None:
    root = page(built_site, "sources")
    bars = next(e for e in root.iter() if "edm-chart__rows" in e.classes)  # a <figure> may not be an img
    assert bars.tag == "div" and bars.attrs["role"] == "img"
    assert bars.attrs["aria-labelledby"] == "chart-title chart-desc"
    outlets, lost, _ = reference_counts(REFERENCE.read_text(encoding="utf-8"))
    desc = by_id(root, "chart-desc").text()
    for name, count in outlets.items():
        assert f"{name}, {AFFILIATION[name]}, {LINE[name]}: {count}" in desc
    assert f"Outlet name lost, name lost: {lost}" in desc
    chart = next(e for e in root.iter() if "edm-chart" in e.classes)
    rows = {}
    for row in (e for e in chart.iter() if e.tag == "tr"):
        cells = [" ".join(c.text().split()) for c in row.iter() if c.tag == "td"]
        if cells:
            rows[cells[0]] = int(cells[3])
            assert cells[1:3] == [AFFILIATION[cells[0]], LINE[cells[0]]] if cells[0] in LINE else ["name lost", "–"]
    assert rows == {**outlets, "Outlet name lost": lost}


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
        date = " ".join(heading.text(skip=("headerlink",)).split())
        for element in items:
            if isinstance(element, Element) and element.tag == "h2":
                break
            if not isinstance(element, Element):
                continue
            for link in (a for a in element.iter() if a.tag == "a" and "#cite-" in a.attrs.get("href", "")):
                cited = _target(built_site, link.attrs["href"], "chronology")
                day, month, _ = date.split()
                assert f"{month} {day}" in link.attrs["title"], f"{date}: {link.attrs['title']}"
                # The citation linked to is the one for this date: its own preview names the date.
                shown = preview(_root(built_site, link.attrs["href"], "chronology"), cited)
                assert date in shown, f"{date}: {link.attrs['href']} is {shown}"
                checked += cited_count(link)
            for quote in (q for q in element.iter() if q.tag == "q"):
                paragraph = next(a for a in element.iter() if a.tag == "a" and "#p" in a.attrs["href"])
                target = _target(built_site, paragraph.attrs["href"], "chronology").parent
                assert " ".join(quote.text().split()) in target.article_text()
                checked += 1
    outlets, lost, edm = reference_counts(REFERENCE.read_text(encoding="utf-8"))
    events = (DATA / "events.yml").read_text(encoding="utf-8").count("\n- date:")
    assert checked == sum(outlets.values()) + lost + sum(edm.values()) + events


def test_every_person_links_to_the_paragraphs_that_name_them(built_site: Path) -> None:
    root = page(built_site, "people")
    people = load_people(DATA / "people.yml")
    assert len(people) == len([r for r in root.iter() if r.tag == "tr"]) - 1
    for person in people:
        row = by_id(root, person.id).parent.parent
        cells = [c for c in row.iter() if c.tag == "td"]
        linked = [int(a.text()[1:]) for a in cells[2].iter() if a.tag == "a"]
        naming = [
            n
            for n, text in enumerate(PARAGRAPHS, start=1)
            if any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text) for form in person.forms)
        ]
        assert linked == naming, person.name
        for a in (a for a in cells[2].iter() if a.tag == "a"):
            target = _target(built_site, a.attrs["href"], "people").parent.article_text()
            assert any(form in target for form in person.forms)
        if person.role_is_quote:
            assert person.role in PARAGRAPHS[person.role_paragraph - 1]
        else:
            assert "ours" in {c for e in cells[1].iter() for c in e.classes}


def test_glossary_lists_each_abbreviation_where_it_is_used(built_site: Path, root: Path) -> None:
    table = page(built_site, "glossary")
    defined = re.findall(
        r"^\*\[([^\]]+)\]:", (root / "includes" / "abbreviations.md").read_text(encoding="utf-8"), re.M
    )
    assert {"IS", "YPG", "FBI", "G20", "EDM", "US"} <= set(defined)
    for abbr in defined:
        row = by_id(table, abbr.lower()).parent.parent
        linked = [int(a.text()[1:]) for a in row.iter() if a.tag == "a"]
        assert linked == [n for n, t in enumerate(PARAGRAPHS, start=1) if re.search(rf"(?<!\w){abbr}(?!\w)", t)]
    syria = (built_site / "syria" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="Islamic State' in syria and '<abbr title="People’s Protection Units' in syria


@pytest.mark.parametrize("name", [*THEMED, "article"])
def test_cite_this_page(built_site: Path, name: str) -> None:
    root = page(built_site, name)
    block = by_id(root, "cite-this")
    assert block is not None and "ours" in block.classes
    codes = [" ".join(c.text().split()) for c in root.iter() if c.tag == "code"]
    numbers = THEMED.get(name, range(1, 7))
    where = "¶" + ", ¶".join(str(n) for n in numbers)
    edm, chicago = [c for c in codes if "Moscow Spoils Every Opportunity" in c]
    assert edm.startswith("Pavel K. Baev [inferred], “Moscow Spoils Every Opportunity to Improve Relations With US,”")
    assert "Volume 14, Issue 65 (The Jamestown Foundation, 15 May 2017 [inferred])" in edm and where in edm
    assert chicago.startswith(
        "Baev, Pavel K. [inferred]. “Moscow Spoils Every Opportunity to Improve Relations With US.”"
    )
    assert "14, no. 65 (15 May 2017 [inferred])" in chicago and "[address inferred]" in chicago and where in chicago


def test_overview_links_to_the_apparatus(built_site: Path) -> None:
    hrefs = {
        a.attrs.get("href")
        for a in parse((built_site / "index.html").read_text(encoding="utf-8")).iter()
        if a.tag == "a"
    }
    assert {"sources/", "edm/", "chronology/", "people/", "glossary/"} <= hrefs


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("hooks/data/events.yml", "on May 9", "on May 8", "the quote “a US Navy P-8A"),
        (
            "hooks/data/people.yml",
            "forms: [Rex Tillerson]",
            "forms: [Rex Tilerson]",
            "Rex Tillerson is never named in the article",
        ),
        (
            "hooks/data/people.yml",
            "forms: [Sergei Lavrov, Lavrov]",
            "forms: [Sergei Lavrov, Lavrov, Serguei Lavrov]",
            'the name form "Serguei Lavrov" is not in the article',
        ),
        (
            "hooks/data/people.yml",
            "role: {quote: Ambassador Sergei Kislyak, paragraph: 2}",
            "role: {quote: Ambassador Sergei Kislyak, paragraph: 3}",
            "people.yml:36: Sergei Kislyak: the role “Ambassador Sergei Kislyak” is not in ¶3",
        ),
        (
            "docs/people.md",
            "<!-- edm:people -->",
            "<!-- edm:persons -->",
            "people.md:10: <!-- edm:persons --> is no known shortcode",
        ),
    ],
)
def test_apparatus_problems_fail_the_strict_build(
    tmp_path: Path, root: Path, file: str, old: str, new: str, message: str
) -> None:
    project, _ = changed_project(root, tmp_path / "project", file, old, new)
    with pytest.raises(BuildFailed) as failure:
        build_site(project, tmp_path / "site")
    assert message in str(failure.value)


def test_about_lists_every_added_fact(built_site: Path) -> None:
    rows = [r for r in page(built_site, "about").iter() if r.tag == "tr"]
    facts = [r for r in rows if any("edm-status" in e.classes for e in r.iter())]
    labels = [" ".join(next(c for c in r.iter() if c.tag == "td").text().split()) for r in facts]
    assert labels == ["Title", "Publisher", "Volume", "Issue", "Date", "Author", "Address"]
    statuses = {
        label: next(e for e in r.iter() if "edm-status" in e.classes).text()
        for label, r in zip(labels, facts, strict=True)
    }
    this = REGISTRY.this_article
    fields = {"Title": "title", "Publisher": "publisher", "Volume": "volume", "Issue": "issue"}
    fields |= {"Date": "published", "Author": "author", "Address": "address"}
    assert statuses == {label: getattr(this, field).status for label, field in fields.items()}
    assert statuses["Date"] == statuses["Author"] == "inferred"


def test_cite_this_names_the_public_address(tmp_path: Path, root: Path) -> None:
    site = build_site(root, tmp_path / "site", site_url="https://example.org/edm/")
    codes = [" ".join(c.text().split()) for c in page(site, "syria").iter() if c.tag == "code"]
    assert any(c.endswith("¶3. https://example.org/edm/syria/") for c in codes)
    assert any(c.endswith("Read at https://example.org/edm/syria/.") for c in codes)


@pytest.mark.parametrize("name", THEMED)
def test_the_ways_back_and_their_dates_are_in_the_order_of_the_text(built_site: Path, name: str) -> None:
    """On "Sources on this page", each letter leads to a citation that gives the date beside it, and
    the letters go in the order of the text."""
    root = page(built_site, name)
    box = next(e for e in root.iter() if "edm-page-sources" in e.classes)
    several = 0
    for entry in (e for e in box.iter() if "edm-backlinks" in e.classes):
        text = " ".join(entry.text().split())
        anchors = [a.attrs["href"].removeprefix("#") for a in entry.iter() if a.tag == "a"]
        numbers = [int(anchor.removeprefix("cite-")) for anchor in anchors]
        assert numbers == sorted(numbers), f"/{name}/: {text}: not in the order of the text"
        dates = re.findall(r"\d{1,2} [A-Z][a-z]+ \d{4}", text)
        if not dates:  # an EDM article: its date is its name
            continue
        assert len(dates) == len(anchors), text
        for anchor, date in zip(anchors, dates, strict=True):
            cited = by_id(root, anchor)
            assert date in preview(root, cited), f"/{name}/: {date} beside {anchor}, which cites {preview(root, cited)}"
        several += len(anchors) > 1
    assert several or name != "syria", "no entry with several citations was checked"


@pytest.mark.parametrize("name", ["sources", "chronology", "edm"])
def test_no_entry_of_an_index_holds_two_links_with_the_same_words(built_site: Path, name: str) -> None:
    root = page(built_site, name)
    for item in (e for e in root.iter() if e.tag == "li"):
        words = [" ".join(a.text().split()) for a in item.children if isinstance(a, Element) and a.tag == "a"]
        assert len(words) == len(set(words)), f"/{name}/: {' '.join(item.text().split())}"

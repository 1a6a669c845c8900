"""The real site, built strictly: every citation linked, indexes that agree with the text, no
third-party requests, the same bytes from two builds in one process, and errors that stop it.
"""

from __future__ import annotations

import collections
import filecmp
import re
from pathlib import Path

import pytest

from edm_site.registry import load_registry
from htmltext import Element, by_id, parse
from paths import REFERENCE
from sitebuild import BuildFailed, build_site, change, changed_project, copy_project

THEMED = ("diplomacy", "syria", "ukraine", "north-korea")
REGISTRY = load_registry(Path(__file__).parent.parent / "hooks" / "data")


def reference_counts(text: str | None = None) -> tuple[collections.Counter, int, collections.Counter]:
    """Citations per outlet name, lost outlets, and "see EDM" dates, read off the reference text
    (or a part of it) by the simplest reading there is, independent of the hooks' grammar."""
    outlets: collections.Counter = collections.Counter()
    lost = 0
    edm: collections.Counter = collections.Counter()
    text = REFERENCE.read_text(encoding="utf-8") if text is None else text
    for inner in re.findall(r"\(([^()]*\d)\)", text):
        if inner.startswith("see EDM, "):
            edm.update(re.findall(r"[A-Z][a-z]+ \d+(?:, \d{4})?", inner.removeprefix("see EDM, ")))
            continue
        for part in inner.split(";"):
            name = part.split(",")[0].strip()
            if name:
                outlets[name] += 1
            else:
                lost += 1
    return outlets, lost, edm


def links(root: Element, cls: str) -> list[Element]:
    return [e for e in root.iter() if e.tag == "a" and cls in e.classes]


def page(site: Path, name: str) -> Element:
    return parse((site / name / "index.html").read_text(encoding="utf-8"))


def cited_count(link: Element) -> int:
    """How many citations an index's link back stands for: "North Korea ¶5, 2 citations" is two."""
    found = re.search(r", (\d+) citations$", " ".join(link.text().split()))
    return int(found[1]) if found else 1


def preview(root: Element, link: Element) -> str:
    """The text of the preview card a citation's link is described by (its first line: what and when)."""
    card = by_id(root, link.attrs["data-edm-preview"])
    assert card is not None and "edm-preview" in card.classes, f"{link.attrs['id']} has no preview card"
    about = by_id(root, link.attrs["aria-describedby"])  # what a screen reader says of it: one line
    assert about is not None and "hidden" in about.attrs and 0 < len(about.text().split()) < 30
    return " ".join(card.text().split())


def test_reference_reading_is_plausible() -> None:
    outlets, lost, edm = reference_counts()
    assert lost == 7
    assert sum(outlets.values()) == 14
    assert sum(edm.values()) == 5


@pytest.mark.parametrize("where", ["themed pages", "full article"])
def test_every_citation_is_linked(built_site: Path, where: str) -> None:
    outlets, lost, edm = reference_counts()
    pages = [page(built_site, name) for name in (THEMED if where == "themed pages" else ("article",))]
    cited = collections.Counter(a.text() for p in pages for a in links(p, "edm-cite"))
    assert cited == outlets
    assert sum(len(links(p, "edm-lost")) for p in pages) == lost
    assert collections.Counter(a.text() for p in pages for a in links(p, "edm-xref")) == edm


def test_citation_links_point_to_their_entries(built_site: Path) -> None:
    sources = page(built_site, "sources")
    edm = page(built_site, "edm")
    anchors = {e.attrs["id"] for e in sources.iter() if "id" in e.attrs} | {
        e.attrs["id"] for e in edm.iter() if "id" in e.attrs
    }
    for name in (*THEMED, "article"):
        for link in links(page(built_site, name), "edm-cite") + links(page(built_site, name), "edm-xref"):
            target = link.attrs["href"].split("#")[1]
            assert target in anchors, f"/{name}/ links to #{target}, which is on neither index page"
            assert "title" not in link.attrs, f"/{name}/ {link.text()} has a title: Material would show it too"
            assert preview(page(built_site, name), link), f"/{name}/ {link.text()} has no preview"
            assert link.attrs["id"].startswith("cite-")


def test_sources_page_counts_agree_with_the_text(built_site: Path) -> None:
    outlets, lost, _ = reference_counts()
    elements = list(page(built_site, "sources").iter())
    for outlet in REGISTRY.outlets:
        heading = next(i for i, e in enumerate(elements) if e.attrs.get("id") == outlet.id)
        entry = next(e for e in elements[heading:] if "edm-outlet" in e.classes)
        cited = re.search(r"Cited (\d+) times?:", entry.article_text())
        assert cited is not None and int(cited[1]) == outlets[outlet.name], outlet.name
    backlinks = [a for a in page(built_site, "sources").iter() if a.tag == "a" and "#cite-" in a.attrs.get("href", "")]
    assert sum(cited_count(a) for a in backlinks) == sum(outlets.values()) + lost
    assert not any(a.attrs["href"].startswith("../article/") for a in backlinks)


def test_every_registry_entry_is_cited(built_site: Path) -> None:
    outlets, _, edm = reference_counts()
    assert {o.name for o in REGISTRY.outlets} == set(outlets)
    assert len(REGISTRY.edm_articles) == len(edm)


def test_each_themed_page_lists_its_sources(built_site: Path) -> None:
    for name in THEMED:
        root = page(built_site, name)
        backlinks = [
            a.attrs["href"]
            for e in root.iter()
            if "edm-page-sources" in e.classes
            for a in e.iter()
            if a.tag == "a" and a.attrs["href"].startswith("#")
        ]
        cited = [a.attrs["id"] for a in root.iter() if a.tag == "a" and a.attrs.get("id", "").startswith("cite-")]
        assert sorted(h[1:] for h in backlinks) == sorted(cited), name


def test_no_third_party_requests_in_the_built_site(built_site: Path) -> None:
    """Only links a reader clicks may name another host: no src, stylesheet, preload or CSS url()."""
    offending = []
    fetching = re.compile(
        r"""<(?!a\s)[a-z]+\b[^>]*\s(?:src|href|srcset|data|poster|action)=["']?(https?:)?//(?!127\.0\.0\.1)""", re.I
    )
    css_url = re.compile(r"""url\(\s*["']?(https?:)?//""", re.I)
    css_import = re.compile(r"""@import\s+["']?(url\()?["']?(https?:)?//""", re.I)
    for path in built_site.rglob("*"):
        if path.suffix in {".html", ".css"}:
            text = path.read_text(encoding="utf-8")
            for pattern in (fetching, css_url, css_import):
                offending += [f"{path.relative_to(built_site)}: {m.group(0)[:80]}" for m in pattern.finditer(text)]
    assert offending == []


def test_external_links_do_not_leak_referrers(built_site: Path) -> None:
    for name in ("sources", "edm", "about"):
        for a in page(built_site, name).iter():
            href = a.attrs.get("href", "")
            if a.tag == "a" and href.startswith("http") and "127.0.0.1" not in href:
                assert a.attrs.get("rel") == "noopener noreferrer", f"/{name}/: {href}"


def test_two_builds_in_one_process_are_identical(tmp_path: Path, root: Path) -> None:
    first = build_site(root, tmp_path / "one")
    second = build_site(root, tmp_path / "two")
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(first, second, files, shallow=False)
    assert (mismatch, errors) == ([], [])


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "docs/syria.md",
            "(Kommersant, May 6)",
            "(Pravda, May 6)",
            'syria.md:{line}: citation (Pravda, May 6): unknown outlet "Pravda": add it to',
        ),
        (
            "docs/ukraine.md",
            "(RBC, May 12)",
            "(RBC, February 30)",
            'ukraine.md:{line}: citation (RBC, February 30): "February 30" is not a date in any year',
        ),
        ("docs/ukraine.md", "(RBC, May 12)", "(RBC, Mya 12)", '"Mya" is not a month (did you mean "May"?)'),
        ("hooks/data/events.yml", "paragraph: 4", "paragraph: 9", "events.yml:11: there is no ¶9: give the paragraph"),
        (
            "hooks/data/people.yml",
            "role: {quote: the US president, paragraph: 2}",
            "role: {quote: the US president, paragraph: 9}",
            "people.yml:11: Donald Trump: there is no ¶9: correct the role",
        ),
        (
            "docs/north-korea.md",
            "(see EDM, March 28)",
            "(see EDM, March 29)",
            "north-korea.md:{line}: citation (see EDM, March 29): unknown EDM article of 2017-03-29: add an entry",
        ),
    ],
)
def test_content_problems_fail_the_strict_build(
    tmp_path: Path, root: Path, file: str, old: str, new: str, message: str
) -> None:
    project, line = changed_project(root, tmp_path / "project", file, old, new)
    with pytest.raises(BuildFailed) as failure:
        build_site(project, tmp_path / "site")
    assert message.format(line=line) in str(failure.value)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "affiliation: state-owned",
            "affiliation: state",
            'outlets.yml:12: entry 1 (ria-novosti): affiliation "state" is not one of',
        ),
        (
            "homepage: https://www.rbc.ru/",
            "homepage: http://www.rbc.ru/",
            'entry 2 (rbc): homepage "http://www.rbc.ru/" is not an https:// address',
        ),
        ("- id: rbc", "- id: kommersant", 'entry 3 (kommersant): duplicate id "kommersant"'),
        (
            "  language: Russian\n  affiliation: private\n  profile: National",
            "  affiliation: private\n  profile: National",
            'entry 3 (kommersant): field "language" is missing',
        ),
        ("aliases: []\n  homepage: https://ria.ru/", "aliases: [\n  homepage: https://ria.ru/", "not valid YAML"),
    ],
)
def test_malformed_data_stops_the_build(tmp_path: Path, root: Path, old: str, new: str, message: str) -> None:
    project, _ = changed_project(root, tmp_path / "project", "hooks/data/outlets.yml", old, new)
    with pytest.raises(BuildFailed) as failure:
        build_site(project, tmp_path / "site")
    assert message in str(failure.value)
    assert str(project / "hooks" / "data" / "outlets.yml") in str(failure.value)


def test_data_folder_is_watched_by_serve(root: Path) -> None:
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    config = config.plugins.on_config(config)
    assert {str(root / "hooks" / "data"), str(root / "hooks" / "templates"), str(root / "includes")} <= set(
        config.watch
    )


def test_index_backlinks_land_on_citations_of_their_entry(built_site: Path) -> None:
    """Every backlink on /sources/ and /edm/ leads to a citation that links back to the same entry."""
    checked = 0
    for name in ("sources", "edm"):
        root = page(built_site, name)
        entry = None
        for element in root.iter():
            if element.tag == "h2" and "id" in element.attrs:
                entry = element.attrs["id"]
            href = element.attrs.get("href", "") if element.tag == "a" else ""
            if "#cite-" in href:
                path, _, fragment = href.partition("#")
                target = parse((built_site / name / path / "index.html").resolve().read_text(encoding="utf-8"))
                cited = next(e for e in target.iter() if e.attrs.get("id") == fragment)
                assert cited.attrs["href"].endswith(f"#{entry}"), (
                    f"/{name}/#{entry}: {href} links to {cited.attrs['href']}"
                )
                checked += cited_count(element)
    outlets, lost, edm = reference_counts()
    assert checked == sum(outlets.values()) + lost + sum(edm.values())


def test_an_edited_rebuild_in_one_process_equals_a_fresh_build(tmp_path: Path, root: Path) -> None:
    """State that outlives a build (as under mkdocs serve) would show as a difference here."""
    import subprocess
    import sys

    project = copy_project(root, tmp_path / "project")
    build_site(project, tmp_path / "before")
    change(project, "docs/syria.md", "(Kommersant, May 6)", "(RBC, May 6)")
    change(project, "hooks/data/outlets.yml", "Moscow daily", "A Moscow daily")
    again = build_site(project, tmp_path / "again")
    script = (
        "import sys; sys.path[:0] = sys.argv[3:]; from sitebuild import build_site; from pathlib import Path; "
        "build_site(Path(sys.argv[1]), Path(sys.argv[2]))"
    )
    paths = [str(Path(__file__).parent), str(root / "hooks"), str(root / "scripts")]
    subprocess.run([sys.executable, "-c", script, str(project), str(tmp_path / "fresh"), *paths], check=True)
    fresh = tmp_path / "fresh"
    files = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(fresh, again, files, shallow=False)
    assert (mismatch, errors) == ([], [])
    assert "A Moscow daily" in (again / "sources" / "index.html").read_text(encoding="utf-8")


def test_a_page_of_the_article_may_not_set_its_own_publication_date(tmp_path: Path, root: Path) -> None:
    """A page holding the article's paragraphs has the article's date: its own would silently re-date
    every year-less citation on it (and, in the full article, those of its paragraphs)."""
    old, new = "title: Syria\n", "title: Syria\npublished: 2017-05-05\n"
    project, line = changed_project(root, tmp_path / "project", "docs/syria.md", old, new)
    with pytest.raises(BuildFailed) as failure:
        build_site(project, tmp_path / "site")
    assert (
        f"syria.md:{line + 1}: front matter published: 2017-05-05 differs from the article's publication date, "
        "2017-05-15" in str(failure.value)
    )
    assert "remove published:" in str(failure.value)


def test_a_page_outside_the_article_may_set_its_own_publication_date(tmp_path: Path, root: Path) -> None:
    """Year-less dates resolve against the page's own date on a page that holds none of the article."""
    project = copy_project(root, tmp_path / "project")
    (project / "docs" / "aside.md").write_text(
        "---\ntitle: An aside\npublished: 2017-05-05\n---\n\n# An aside\n\nA claim (Kommersant, May 6).\n",
        encoding="utf-8",
    )
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nnot_in_nav: |\n  /aside.md\n", encoding="utf-8")
    site = build_site(project, tmp_path / "site")
    aside = page(site, "aside")
    dates = {preview(aside, a).split(" Ownership")[0] for a in links(aside, "edm-cite")}
    assert dates == {"Kommersant, 6 May 2016"}  # after 5 May 2017, so the year before


def test_a_citation_in_a_footnote_is_linked_and_listed(tmp_path: Path, root: Path) -> None:
    """Footnotes are prose: a citation in one is linked where the footnote is shown, and listed."""
    project = copy_project(root, tmp_path / "project")
    syria = project / "docs" / "syria.md"
    syria.write_text(
        syria.read_text(encoding="utf-8")
        + "\nA note.[^n]\n\n[^n]: As reported (RBC, May 12).\n\n    And again (Kommersant,\n    May 10).\n",
        encoding="utf-8",
    )
    root_element = page(build_site(project, tmp_path / "site"), "syria")
    footnotes = next(e for e in root_element.iter() if "footnote" in e.classes)
    cited = {(a.text(), a.attrs["href"]) for a in links(footnotes, "edm-cite")}
    assert cited == {("RBC", "../sources/#rbc"), ("Kommersant", "../sources/#kommersant")}
    listed = {
        a.attrs["href"][1:]
        for e in root_element.iter()
        if "edm-page-sources" in e.classes
        for a in e.iter()
        if a.tag == "a" and a.attrs["href"].startswith("#")
    }
    assert {a.attrs["id"] for a in links(footnotes, "edm-cite")} <= listed


def test_a_page_left_out_of_the_navigation_is_read_too(tmp_path: Path, root: Path) -> None:
    """MkDocs builds a page the navigation leaves out: its citations are linked and indexed like any other."""
    project = copy_project(root, tmp_path / "project")
    (project / "docs" / "aside.md").write_text(
        "# An aside\n\nA claim (RBC, May 12) and (see EDM, May 4).\n", encoding="utf-8"
    )
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nnot_in_nav: |\n  /aside.md\n", encoding="utf-8")
    site = build_site(project, tmp_path / "site")
    aside = page(site, "aside")
    assert [a.text() for a in links(aside, "edm-cite")] == ["RBC"]
    assert [a.text() for a in links(aside, "edm-xref")] == ["May 4"]
    backlinks = [a for a in page(site, "sources").iter() if a.tag == "a" and "aside/#cite-" in a.attrs.get("href", "")]
    assert [a.text() for a in backlinks] == ["An aside"]


def test_a_draft_is_linked_and_checked_under_serve(tmp_path: Path, root: Path) -> None:
    """mkdocs serve also builds draft_docs pages, which were not read with the others: they are
    linked and their citations checked, though not indexed (the published site has no such page)."""
    project = copy_project(root, tmp_path / "project")
    draft = project / "docs" / "draft.md"
    draft.write_text("# Draft\n\nA claim (RBC, May 12).\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\ndraft_docs: |\n  /draft.md\n", encoding="utf-8")
    site = build_site(project, tmp_path / "site", serve_url="http://127.0.0.1:8000/")
    assert [a.text() for a in links(page(site, "draft"), "edm-cite")] == ["RBC"]
    assert not any("draft/" in a.attrs.get("href", "") for a in page(site, "sources").iter() if a.tag == "a")
    draft.write_text("# Draft\n\nA claim (Pravda, May 12).\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as failure:
        build_site(project, tmp_path / "site", serve_url="http://127.0.0.1:8000/")
    assert 'draft.md:3: citation (Pravda, May 12): unknown outlet "Pravda": add it to' in str(failure.value)


def test_pages_take_what_was_written_for_them_at_the_reading(
    tmp_path: Path, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the full article, assembled after the reading, has its citations found again as it renders."""
    import edm_site.citations
    import edm_site.reading  # imported first, it keeps the real find_citations: the reading is not counted

    found_again: list[str] = []
    find = edm_site.citations.find_citations

    def counted(markdown: str, *args: object, **kwargs: object):
        found_again.append(markdown)
        return find(markdown, *args, **kwargs)

    monkeypatch.setattr(edm_site.citations, "find_citations", counted)
    build_site(copy_project(root, tmp_path / "project"), tmp_path / "site")
    assert len(found_again) == 1
    assert "edm:para 1" in found_again[0] and "edm:para 6" in found_again[0]  # the whole article


@pytest.mark.parametrize(
    ("file", "append", "message"),
    [
        ("docs/syria.md", b"\n\xff\xfe\n", "syria.md: is not UTF-8 text: save the page as UTF-8"),
        ("edition.yml", b"\nextra:\n  edm: 2017-05-15\n", 'the key "extra" is given twice: keep one'),
    ],
)
def test_unreadable_input_stops_the_build_with_what_to_do(
    tmp_path: Path, root: Path, file: str, append: bytes, message: str
) -> None:
    project = copy_project(root, tmp_path / "project")
    path = project / file
    path.write_bytes(path.read_bytes() + append)
    with pytest.raises(BuildFailed) as failure:
        build_site(project, tmp_path / "site")
    assert message in str(failure.value)

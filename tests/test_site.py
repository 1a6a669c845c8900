"""The fixture edition, built strictly: every citation linked, indexes that agree with the text, no
third-party requests, the same bytes from two builds in one process, and problems that stop it.

Built from ``tests/fixtures/site/`` and ``tests/fixtures/data/`` (``fixturesite``), never from the
live edition, so these checks hold for any article. What each problem says is checked without
MkDocs (``test_reading``, ``test_registry``, ``test_citation_problems``); here, that a strict build
stops on it, naming it.
"""

from __future__ import annotations

import collections
import filecmp
import re
import subprocess
import sys
from pathlib import Path

import pytest

import fixturesite
from builtpages import cited_count, page, preview, sources_index, words
from fixturesite import BROKEN, EDITION, REGISTRY, TEXT, cited_on_site
from htmltext import Element, parse
from paths import ROOT
from plain_reading import cited
from sitebuild import BuildFailed, build_site, change

THEMED = tuple(theme.page.removesuffix(".md") for theme in EDITION.themes)


def links(root: Element, cls: str) -> list[Element]:
    return [e for e in root.iter() if e.tag == "a" and cls in e.classes]


def test_the_fixture_reading_is_plausible() -> None:
    found = cited(TEXT)
    assert (sum(found.outlets.values()), found.lost, sum(found.edm.values())) == (11, 3, 5)
    assert found.outlets["Sputnik News"] == 1  # of two outlets sharing a date
    assert found.outlets["RBC"] == 3  # of a citation with a year, too


@pytest.mark.parametrize("where", ["themed pages", "full article"])
def test_every_citation_is_linked(fixture_site: Path, where: str) -> None:
    found = cited(TEXT)
    pages = [page(fixture_site, name) for name in (THEMED if where == "themed pages" else ("article",))]
    linked = collections.Counter(words(a, skip=("ours",)) for p in pages for a in links(p, "edm-cite"))
    assert linked == found.outlets
    assert sum(len(links(p, "edm-lost")) for p in pages) == found.lost
    assert collections.Counter(a.text() for p in pages for a in links(p, "edm-xref")) == found.edm


def test_citation_links_point_to_their_entries(fixture_site: Path) -> None:
    sources = page(fixture_site, "sources")
    edm = page(fixture_site, "edm")
    anchors = {e.attrs["id"] for e in sources.iter() if "id" in e.attrs} | {
        e.attrs["id"] for e in edm.iter() if "id" in e.attrs
    }
    for name in (*THEMED, "article", fixturesite.ASIDE.removesuffix(".md")):
        root = page(fixture_site, name)
        for link in links(root, "edm-cite") + links(root, "edm-xref"):
            target = link.attrs["href"].split("#")[1]
            assert target in anchors, f"/{name}/ links to #{target}, which is on neither index page"
            assert "title" not in link.attrs, f"/{name}/ {link.text()} has a title: Material would show it too"
            assert preview(root, link), f"/{name}/ {link.text()} has no preview"
            assert link.attrs["id"].startswith("cite-")


def test_sources_page_counts_agree_with_the_text(fixture_site: Path) -> None:
    found = cited(cited_on_site())  # the article, and the aside of ours, which cites too
    counts, backlinks = sources_index(fixture_site, REGISTRY)
    assert counts == {outlet.name: found.outlets[outlet.name] for outlet in REGISTRY.outlets}
    assert sum(cited_count(a) for a in backlinks) == found.citations
    assert not any(a.attrs["href"].startswith("../article/") for a in backlinks)


def test_every_registry_entry_is_cited() -> None:
    found = cited(TEXT)
    assert {o.name for o in REGISTRY.outlets} == set(found.outlets)
    assert len(REGISTRY.edm_articles) == len(found.edm)


def test_each_page_lists_its_sources(fixture_site: Path) -> None:
    for name in (*THEMED, fixturesite.ASIDE.removesuffix(".md")):
        root = page(fixture_site, name)
        backlinks = [
            a.attrs["href"]
            for e in root.iter()
            if "edm-page-sources" in e.classes
            for a in e.iter()
            if a.tag == "a" and a.attrs["href"].startswith("#")
        ]
        ids = [a.attrs["id"] for a in root.iter() if a.tag == "a" and a.attrs.get("id", "").startswith("cite-")]
        assert ids and sorted(h[1:] for h in backlinks) == sorted(ids), name


def test_index_backlinks_land_on_citations_of_their_entry(fixture_site: Path) -> None:
    """Every backlink on /sources/ and /edm/ leads to a citation that links back to the same entry."""
    checked = 0
    for name in ("sources", "edm"):
        root = page(fixture_site, name)
        entry = None
        for element in root.iter():
            if element.tag == "h2" and "id" in element.attrs:
                entry = element.attrs["id"]
            href = element.attrs.get("href", "") if element.tag == "a" else ""
            if "#cite-" in href:
                path, _, fragment = href.partition("#")
                target = parse((fixture_site / name / path / "index.html").resolve().read_text(encoding="utf-8"))
                cited_there = next(e for e in target.iter() if e.attrs.get("id") == fragment)
                assert cited_there.attrs["href"].endswith(f"#{entry}"), (
                    f"/{name}/#{entry}: {href} links to {cited_there.attrs['href']}"
                )
                checked += cited_count(element)
    found = cited(cited_on_site())
    assert checked == found.citations + sum(found.edm.values())


def test_no_third_party_requests_in_the_built_site(fixture_site: Path) -> None:
    """Only links a reader clicks may name another host: no src, stylesheet, preload or CSS url()."""
    offending = []
    fetching = re.compile(
        r"""<(?!a\s)[a-z]+\b[^>]*\s(?:src|href|srcset|data|poster|action)=["']?(https?:)?//(?!127\.0\.0\.1)""", re.I
    )
    css_url = re.compile(r"""url\(\s*["']?(https?:)?//""", re.I)
    css_import = re.compile(r"""@import\s+["']?(url\()?["']?(https?:)?//""", re.I)
    for path in fixture_site.rglob("*"):
        if path.suffix in {".html", ".css"}:
            text = path.read_text(encoding="utf-8")
            for pattern in (fetching, css_url, css_import):
                offending += [f"{path.relative_to(fixture_site)}: {m.group(0)[:80]}" for m in pattern.finditer(text)]
    assert offending == []


def test_external_links_do_not_leak_referrers(fixture_site: Path) -> None:
    checked = 0
    for name in ("sources", "edm", "about"):
        for a in page(fixture_site, name).iter():
            href = a.attrs.get("href", "")
            if a.tag == "a" and href.startswith("http") and "127.0.0.1" not in href:
                assert a.attrs.get("rel") == "noopener noreferrer", f"/{name}/: {href}"
                checked += 1
    assert checked


def test_a_page_left_out_of_the_navigation_is_read_with_its_own_date_and_its_footnote(fixture_site: Path) -> None:
    """MkDocs builds a page the navigation leaves out: its citations (a footnote's too, where the
    footnote is shown) are linked, dated by the page's own date, listed on it and indexed."""
    aside = page(fixture_site, fixturesite.ASIDE.removesuffix(".md"))
    cards = [preview(aside, a).split(" Ownership")[0] for a in links(aside, "edm-cite")]
    assert cards == ["Kommersant, 6 May 2016", "RBC, 12 May 2016", "Kommersant, 10 May 2016"]  # before 5 May 2017
    assert [a.text() for a in links(aside, "edm-xref")] == ["May 4"]
    footnotes = next(e for e in aside.iter() if "footnote" in e.classes)
    assert {(a.text(skip=("ours",)), a.attrs["href"]) for a in links(footnotes, "edm-cite")} == {
        ("RBC", "../sources/#rbc"),
        ("Kommersant", "../sources/#kommersant"),
    }
    backlinks = [
        a for a in page(fixture_site, "sources").iter() if a.tag == "a" and "aside/#cite-" in a.attrs.get("href", "")
    ]
    assert {a.text() for a in backlinks} == {"An aside"}
    assert sum(cited_count(a) for a in backlinks) == 3


def same_files(one: Path, other: Path) -> None:
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(other) for p in other.rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(one, other, files, shallow=False)
    assert (mismatch, errors) == ([], [])


def test_builds_in_one_process_equal_a_fresh_build_and_read_each_page_once(
    fixture_project: Path, fixture_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """State that outlives a build (as under mkdocs serve) would show as a difference here: a copy
    of the fixture built after it is the same site, and so is that copy, edited and built again,
    and the edited copy built in a fresh process. And as it is built again, no page has its
    citations found again as it renders: every page, the full article (assembled before the
    reading) included, takes what the reading found."""
    import edm_site.citations
    import edm_site.reading  # imported first, it keeps the real find_citations: the reading is not counted

    project = fixturesite.copy_of(fixture_project, tmp_path / "project")
    same_files(fixture_site, build_site(project, tmp_path / "before"))
    change(project, "docs/talks.md", "(Kommersant, May 10)", "(RBC, May 10)")
    change(project, "hooks/data/outlets.yml", "National daily on business", "A national daily on business")
    found_again: list[str] = []
    find = edm_site.citations.find_citations

    def counted(markdown: str, *args: object, **kwargs: object):
        found_again.append(markdown)
        return find(markdown, *args, **kwargs)

    monkeypatch.setattr(edm_site.citations, "find_citations", counted)
    again = build_site(project, tmp_path / "again")
    monkeypatch.undo()
    assert found_again == []
    assert "A national daily" in (again / "sources" / "index.html").read_text(encoding="utf-8")
    script = (
        "import sys; sys.path[:0] = sys.argv[3:]; from sitebuild import build_site; from pathlib import Path; "
        "build_site(Path(sys.argv[1]), Path(sys.argv[2]))"
    )
    paths = [str(Path(__file__).parent), str(ROOT / "hooks"), str(ROOT / "scripts")]
    subprocess.run([sys.executable, "-c", script, str(project), str(tmp_path / "fresh"), *paths], check=True)
    same_files(tmp_path / "fresh", again)


def test_content_problems_fail_the_strict_build(broken_build) -> None:
    """The fixture edition with one problem of each kind (``fixturesite.BROKEN``): the build stops,
    and names each with its file and line."""
    lines, failure = broken_build
    expected = {
        "unknown outlet": 'talks.md:{}: citation (Komersant, May 10): unknown outlet "Komersant": add it to hooks/data/',
        "no such date": 'security.md:{}: citation (Moskovsky Komsomolets, February 30): "February 30" is not a date',
        "unknown EDM article": "talks.md:{}: citation (see EDM, March 29): unknown EDM article of 2017-03-29: add",
        "event of no paragraph": "events.yml:{}: there is no ¶9: give the paragraph",
        "person of no paragraph": "people.yml:{}: Ivan Petrov: there is no ¶9: correct the role",
        "own date": "security.md:{}: front matter published: 2017-05-05 differs from the article's publication date",
    }
    for what, message in expected.items():
        file, old, _ = BROKEN[what]
        line = lines[what] + (what == "own date")  # published: is on the line added below the title
        if file.startswith("hooks/data/"):  # a data file's problem is named at its entry's first line
            line = fixturesite.entry_line((fixturesite.DATA / Path(file).name).read_text(encoding="utf-8"), old)
        assert message.format(line) in failure, what


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "hooks/data/outlets.yml",
            "affiliation: state-owned",
            "affiliation: state",
            '{project}/hooks/data/outlets.yml:8: entry 1 (ria-novosti): affiliation "state" is not one of',
        ),
        (
            "edition.yml",
            "site_name: Imaginary Ministers\n",
            "site_name: Imaginary Ministers\nextra:\n  edm: 2017-05-15\n",
            'the key "extra" is given twice: keep one',
        ),
    ],
)
def test_data_the_build_cannot_use_stops_it_before_any_page(
    fixture_project: Path, tmp_path: Path, file: str, old: str, new: str, message: str
) -> None:
    project = fixturesite.copy_of(fixture_project, tmp_path / "project")
    change(project, file, old, new)
    with pytest.raises(BuildFailed) as failure:
        build_site(project, tmp_path / "site")
    assert message.format(project=project) in str(failure.value)


def test_a_page_that_is_not_utf8_stops_the_build_with_what_to_do(fixture_project: Path, tmp_path: Path) -> None:
    project = fixturesite.copy_of(fixture_project, tmp_path / "project")
    path = project / "docs" / "talks.md"
    path.write_bytes(path.read_bytes() + b"\n\xff\xfe\n")
    with pytest.raises(BuildFailed) as failure:
        build_site(project, tmp_path / "site")
    assert "talks.md: is not UTF-8 text: save the page as UTF-8" in str(failure.value)


def test_data_folder_is_watched_by_serve(fixture_project: Path) -> None:
    from mkdocs.config import load_config

    config = load_config(str(fixture_project / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    config = config.plugins.on_config(config)
    watched = {
        fixture_project / "hooks" / "data",
        fixture_project / "hooks" / "templates",
        fixture_project / "includes",
    }
    assert {str(path) for path in watched} <= set(config.watch)


def test_a_draft_is_linked_and_checked_under_serve(fixture_project: Path, tmp_path: Path) -> None:
    """mkdocs serve also builds draft_docs pages, which were not read with the others: they are
    linked and their citations checked, though not indexed (the published site has no such page)."""
    project = fixturesite.copy_of(fixture_project, tmp_path / "project")
    draft = "# Draft\n\nA claim (RBC, May 12).\n\nAnother (Pravda, May 12).\n"
    (project / "docs" / "draft.md").write_text(draft, encoding="utf-8")
    fixturesite.append(project, "mkdocs.yml", "\ndraft_docs: |\n  /draft.md\n")
    with pytest.raises(BuildFailed) as failure:  # the build goes on to the end, then stops on the warning
        build_site(project, tmp_path / "site", serve_url="http://127.0.0.1:8000/")
    assert 'draft.md:5: citation (Pravda, May 12): unknown outlet "Pravda": add it to' in str(failure.value)
    site = tmp_path / "site"
    assert [a.text(skip=("ours",)) for a in links(page(site, "draft"), "edm-cite")] == ["RBC"]
    assert not any("draft/" in a.attrs.get("href", "") for a in page(site, "sources").iter() if a.tag == "a")

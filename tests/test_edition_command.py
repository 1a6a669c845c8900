"""`make edition`: another article becomes an edition that builds strictly at once, its text word for
word, with every stub and placeholder listed as work left and refused for publication."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import builtpages
from edm_site.manifest import load_edition
from edm_site.reference import read_reference
from htmltext import article_paragraphs, parse
from paths import ROOT
from sitebuild import build_site, copy_project

FIXTURE = Path(__file__).parent / "fixtures" / "edition"
SCRIPTS = ROOT / "scripts"


def make_edition(project: Path, text: Path, themes: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(SCRIPTS / "edition.py"), str(text), str(themes), "--root", str(project)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, subprocess.CompletedProcess[str]]:
    """A scratch copy of the project, made into the fixture article's edition, and built strictly."""
    folder = tmp_path_factory.mktemp("edition")
    project = copy_project(ROOT, folder / "project")
    done = make_edition(project, FIXTURE / "article.txt", FIXTURE / "themes.yml")
    assert done.returncode == 0, done.stderr
    return project, build_site(project, folder / "site"), done


def test_the_new_edition_builds_strictly_with_its_text_word_for_word(edition) -> None:
    project, site, _ = edition
    manifest = load_edition(project)
    reference = read_reference((FIXTURE / "article.txt").read_text(encoding="utf-8"), caption=False)
    assert manifest.reference.read_text(encoding="utf-8") == (FIXTURE / "article.txt").read_text(encoding="utf-8")
    assert [(t.title, t.page, t.paragraphs) for t in manifest.themes] == [
        ("The talks", "the-talks.md", (1,)),
        ("The alliance", "the-alliance.md", (2,)),
    ]
    for theme in manifest.themes:
        html = (site / theme.page.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
        assert article_paragraphs(parse(html)) == {n: reference.paragraphs[n - 1] for n in theme.paragraphs}
    article = builtpages.page(site, "article")
    assert list(article_paragraphs(article).values()) == list(reference.paragraphs)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f"<title>{reference.title}</title>" in home
    assert 'href="the-talks/"' in home and 'href="the-alliance/"' in home  # the navigation, from the manifest


def test_what_the_data_lacks_is_a_stub_with_nothing_invented(edition) -> None:
    project, site, done = edition
    outlets = (project / "hooks" / "data" / "outlets.yml").read_text(encoding="utf-8")
    assert "name: Interfax\n  stub: true\n" in outlets and "homepage: null" in outlets
    assert "name: Kommersant" in outlets and "name: RIA Novosti" not in outlets  # cited are kept, others dropped
    sources = (site / "sources" / "index.html").read_text(encoding="utf-8")
    assert "Profile not known." in sources and "edm-mark--unknown" in sources
    edm = (project / "hooks" / "data" / "edm-articles.yml").read_text(encoding="utf-8")
    assert "date: 2017-04-20\n  stub: true\n" in edm
    glossary = (project / "includes" / "abbreviations.md").read_text(encoding="utf-8")
    assert "<!-- stub *[NATO]: what it stands for -->" in glossary and glossary.startswith("*[EDM]:")
    said = done.stdout.splitlines()  # the work left, each with its file and line, as make build lists it
    assert any(re.fullmatch(r"  hooks/data/outlets\.yml:\d+: stub: interfax .*", line) for line in said), said
    assert any(re.fullmatch(r"  includes/abbreviations\.md:\d+: stub: NATO: .*", line) for line in said), said
    assert any(re.fullmatch(r"  docs/the-talks\.md:\d+: placeholder: .*", line) for line in said), said


def test_work_left_is_listed_and_refused_for_publication(edition) -> None:
    project, _, _ = edition
    left = subprocess.run(
        [sys.executable, str(SCRIPTS / "work_left.py"), "--root", str(project)], capture_output=True, text=True
    )
    assert left.returncode == 1
    lines = left.stdout.splitlines()
    assert any(line.startswith("docs/the-talks.md:7: placeholder: A one-line summary of this page") for line in lines)
    assert any(line.startswith("hooks/data/outlets.yml:") and "interfax" in line for line in lines)
    assert lines[-1] == "9 placeholders and stubs left"


@pytest.mark.parametrize(
    ("themes", "message"),
    [
        ("published: 2017-05-04\nthemes:\n  - title: A\n    paragraphs: [1]\n", "no theme holds ¶2"),
        ("published: 2017-05-04\nthemes:\n  - title: A\n    paragraphs: [1, 2, 3]\n", "the article has no ¶3"),
        ("themes:\n  - title: A\n    paragraphs: [1, 2]\n", "published: is missing or not a date"),
        ("published: 2017-05-04\nthemes:\n  - title: About\n    paragraphs: [1, 2]\n", "would be the page about.md"),
        (
            "published: 2017-05-04\ncolour: red\nthemes:\n  - title: A\n    paragraphs: [1, 2]\n",
            "unknown field 'colour'",
        ),
    ],
)
def test_bad_themes_are_refused_before_anything_is_written(tmp_path: Path, themes: str, message: str) -> None:
    project = copy_project(ROOT, tmp_path / "project")
    before = (project / "edition.yml").read_text(encoding="utf-8")
    (tmp_path / "themes.yml").write_text(themes, encoding="utf-8")
    done = make_edition(project, FIXTURE / "article.txt", tmp_path / "themes.yml")
    assert done.returncode != 0 and message in done.stderr, done.stderr
    assert (project / "edition.yml").read_text(encoding="utf-8") == before

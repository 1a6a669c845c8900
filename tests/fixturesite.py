"""The fixture edition the generic tests run on, never the live one.

The live edition's pages (``docs/``) and data (``hooks/data/``) hold whichever article ``make
edition`` last wrote, so a test that read them would test that article, and fail on another. The
generic tests read instead a fictional EDM article, “Imaginary Ministers Trade Promises Nobody
Keeps” (Volume 99, Issue 1, 15 May 2017): its data in ``tests/fixtures/data/`` (outlets, EDM
articles, people, events, glossary) and its edition in ``tests/fixtures/site/`` (manifest, text,
pages). Its four paragraphs cite in every form EDM uses: one outlet, several separated by
semicolons, two sharing a date, lost outlet names, EDM cross-references with and without years.
Its pages add a page the navigation leaves out, with a date of its own and a footnote that cites.

``make_project`` lays the fixture over a scratch copy of the project (its hooks, templates,
theme and assets), for a real build.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

from bench_corpus import SEED, PageStats, load_vocabulary, write_page
from edm_site.manifest import load_edition
from edm_site.reading import PageSource
from edm_site.reference import read_reference
from edm_site.registry import load_registry
from edm_site.sitedata import SiteData, load_data
from paths import FIXTURES, ROOT
from sitebuild import change, copy_project

DATA = FIXTURES / "data"
SITE = FIXTURES / "site"
GLOSSARY_FILE = DATA / "abbreviations.md"
DATA_FILES = ("outlets.yml", "edm-articles.yml", "people.yml", "events.yml")
PUBLISHED = dt.date(2017, 5, 15)  # the fixture article's date, as its manifest and its data say
REGISTRY = load_registry(DATA)
EDITION = load_edition(SITE)
TEXT = EDITION.reference.read_text(encoding="utf-8")
ARTICLE = read_reference(TEXT, caption=EDITION.caption)  # title, publication line, caption, paragraphs
ASIDE = "aside.md"  # a page of ours the navigation leaves out, with a date of its own and a footnote
UNLISTED = (ASIDE,)  # pages the navigation leaves out (MkDocs builds them all the same)
NUMBERS = tuple(range(1, len(ARTICLE.paragraphs) + 1))


def site_data() -> SiteData:
    """The fixture's data, loaded and checked as a build loads it."""
    return load_data(DATA, GLOSSARY_FILE, PUBLISHED)


def page_sources() -> list[PageSource]:
    """The fixture's pages as the reading is given them (titles from their front matter)."""
    return [
        PageSource(path.relative_to(SITE / "docs").as_posix(), None, path.read_text(encoding="utf-8"))
        for path in sorted((SITE / "docs").rglob("*.md"))
    ]


def cited_on_site() -> str:
    """Everything the fixture site cites: the article's paragraphs and the aside."""
    return "\n\n".join([*ARTICLE.paragraphs, (SITE / "docs" / ASIDE).read_text(encoding="utf-8")])


def make_project(target: Path) -> Path:
    """A scratch copy of the project (hooks, templates, theme, assets) with the fixture edition in
    place of the live one: its manifest, text, pages, data and glossary."""
    project = copy_project(ROOT, target)
    for page in (project / "docs").rglob("*.md"):
        page.unlink()
    shutil.copytree(SITE / "docs", project / "docs", dirs_exist_ok=True)
    shutil.rmtree(project / "reference")
    shutil.copytree(SITE / "reference", project / "reference")
    shutil.copy(SITE / "edition.yml", project / "edition.yml")
    shutil.rmtree(project / "hooks" / "data")
    (project / "hooks" / "data").mkdir()
    for name in DATA_FILES:
        shutil.copy(DATA / name, project / "hooks" / "data" / name)
    shutil.copy(GLOSSARY_FILE, project / "includes" / "abbreviations.md")
    unlisted = "".join(f"  /{name}\n" for name in UNLISTED)
    append(project, "mkdocs.yml", f"\nnot_in_nav: |\n{unlisted}")
    return project


def copy_of(project: Path, target: Path) -> Path:
    """Another scratch copy of a project made by ``make_project``, to change and build apart."""
    shutil.copytree(project, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def append(project: Path, file: str, text: str) -> None:
    path = project / file
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def add_pages(project: Path, pages: dict[str, str]) -> None:
    """``pages`` written into the project's docs/ and listed last in its navigation."""
    for name, text in pages.items():
        (project / "docs" / name).write_text(text, encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    added = "".join(f"  - {name}\n" for name in pages)
    (project / "mkdocs.yml").write_text(config.replace("\nvalidation:", f"{added}\nvalidation:", 1), encoding="utf-8")


# One change of each kind the reading reports, all in one copy of the fixture, so that one failing
# build shows each named with its file and line: (file, what it holds, what it is changed to).
BROKEN: dict[str, tuple[str, str, str]] = {
    # First, as it adds a line above the others of its page: a page of the article with a date of its own.
    "own date": ("docs/security.md", "title: Security\n", "title: Security\npublished: 2017-05-05\n"),
    "unknown outlet": ("docs/talks.md", "(Kommersant, May 10)", "(Komersant, May 10)"),
    "no such date": ("docs/security.md", "(Moskovsky Komsomolets, May 12)", "(Moskovsky Komsomolets, February 30)"),
    "unknown EDM article": ("docs/talks.md", "(see EDM, March 28)", "(see EDM, March 29)"),
    "unknown outlet sharing a date": ("docs/region.md", "Sputnik News, February 6", "Moscow, February 6"),
    "event of no paragraph": ("hooks/data/events.yml", "paragraph: 3", "paragraph: 9"),
    "person of no paragraph": ("hooks/data/people.yml", "Ivan Petrov, paragraph: 1}", "Ivan Petrov, paragraph: 9}"),
    "miscount": ("docs/article.md", "The four paragraphs", "The five paragraphs"),
    "unused abbreviation": ("includes/abbreviations.md", "*[NATO]:", "*[G20]: Group of Twenty\n*[NATO]:"),
}


def break_project(project: Path) -> dict[str, int]:
    """The changes of ``BROKEN`` made in ``project``: the line (1-based, front matter counted) of each."""
    return {what: change(project, file, old, new) for what, (file, old, new) in BROKEN.items()}


def entry_line(text: str, held: str) -> int:
    """The first line (1-based) of the entry of a data file's ``text`` that holds ``held``: where its
    problems are named."""
    return text[: text.rfind("\n- ", 0, text.index(held))].count("\n") + 2


MANY = "many.md"  # a page of 600 citations: of three outlets, more than 100 each, 120 of lost names, 120 of EDM


def many_citations() -> tuple[str, PageStats]:
    """The page ``MANY``: the benchmark's generator, on three of the fixture's outlets (so that each
    is cited more than a hundred times) and its EDM dates."""
    vocabulary = load_vocabulary(DATA, PUBLISHED)
    return write_page(1, dataclasses.replace(vocabulary, outlet_names=vocabulary.outlet_names[:3]), 600, seed=SEED)

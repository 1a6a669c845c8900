"""Shared fixtures: the repository's paths, one strict build of the live site (for the tests of
this edition, ``tests/edition/``), and the fixture edition (``fixturesite``) the generic tests run on,
laid over a scratch copy of the project and built strictly once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import fixturesite
from paths import FIXTURES, ROOT
from sitebuild import BuildFailed, build_site

UNLINKED = FIXTURES / "unlinked"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole live site, built once per test session with ``--strict`` into a temporary folder."""
    return build_site(ROOT, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def fixture_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scratch copy of the project holding the fixture edition. Do not change it: change a
    ``fixturesite.copy_of`` it."""
    return fixturesite.make_project(tmp_path_factory.mktemp("fixture") / "project")


@pytest.fixture(scope="session")
def fixture_site(fixture_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture edition, built once per test session with ``--strict``."""
    return build_site(fixture_project, tmp_path_factory.mktemp("fixture-site"))


@pytest.fixture(scope="session")
def broken_build(fixture_project: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, int], str]:
    """The fixture edition with one problem of each kind the reading reports (``fixturesite.BROKEN``),
    built once: the line of each change, and what the strict build that stopped on them logged."""
    folder = tmp_path_factory.mktemp("broken")
    project = fixturesite.copy_of(fixture_project, folder / "project")
    lines = fixturesite.break_project(project)
    with pytest.raises(BuildFailed) as failed:
        build_site(project, folder / "site")
    return lines, str(failed.value)


@pytest.fixture(scope="session")
def added_pages(
    fixture_project: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, str], list[str]]:
    """The fixture edition with the pages the tests add, built once: the corpus of
    ``tests/fixtures/unlinked/``, where markdown-it-py and Python-Markdown read differently (for
    ``test_citation_safety``), and a page of hundreds of citations (``fixturesite.MANY``, for
    ``test_scale``). Its site, the pages added, and the warnings: the corpus has problems on purpose."""
    folder = tmp_path_factory.mktemp("added")
    pages = {path.name: path.read_text(encoding="utf-8") for path in sorted(UNLINKED.glob("*.md"))}
    pages[fixturesite.MANY] = fixturesite.many_citations()[0]
    project = fixturesite.copy_of(fixture_project, folder / "project")
    fixturesite.add_pages(project, pages)
    try:
        return build_site(project, folder / "site"), pages, []
    except BuildFailed as failed:
        return folder / "site", pages, str(failed).split("\n")

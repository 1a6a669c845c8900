"""The edition's manifest: read with its lines, refused with file, line and fix, checked against the pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from edm_site.datafile import DataFileError
from edm_site.manifest import MANIFEST, load_edition, page_problems

GOOD = """\
site_name: A Fixture Edition
extra:
  edm:
    reference: reference/a.txt
    caption: false
    slug: edm-fixture
    published: 2017-05-04
    themes:
      - title: Astana talks
        page: astana.md
        paragraphs: [1, 3]
      - title: Turkey and Russia
        page: turkey.md
        paragraphs: [2]
"""


def project(tmp_path: Path, manifest: str) -> Path:
    (tmp_path / "reference").mkdir(exist_ok=True)
    (tmp_path / "reference" / "a.txt").write_text("Title\n\nPublication: Eurasia Daily Monitor\n", encoding="utf-8")
    (tmp_path / MANIFEST).write_text(manifest, encoding="utf-8")
    return tmp_path


def test_the_fixture_manifest_gives_the_edition(tmp_path: Path) -> None:
    edition = load_edition(project(tmp_path, GOOD))
    assert edition.site_name == "A Fixture Edition"
    assert edition.reference == tmp_path / "reference" / "a.txt"
    assert (edition.caption, edition.slug, edition.published) == (False, "edm-fixture", dt.date(2017, 5, 4))
    assert edition.pages == {1: "astana.md", 3: "astana.md", 2: "turkey.md"}
    assert edition.nav() == [{"Astana talks": "astana.md"}, {"Turkey and Russia": "turkey.md"}]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("slug: edm-fixture", "slug: Edm Fixture", 'edition.yml:6: slug "Edm Fixture" must be lower-case'),
        ("published: 2017-05-04", "published: 2017-02-30", 'edition.yml:7: "2017-02-30" is not a date that exists'),
        ("published: 2017-05-04", "published: May 4", 'edition.yml:7: published "May 4" is not a date'),
        ("reference/a.txt", "reference/b.txt", 'edition.yml:4: reference "reference/b.txt" is not a file'),
        ("caption: false", "caption: no caption", 'edition.yml:5: caption "no caption" must be true or false'),
        ("caption: false", "captions: false", 'edition.yml:5: extra.edm has an unknown field "captions"'),
        ("paragraphs: [2]", "paragraphs: [1]", "edition.yml:12: ¶1 is in both astana.md and turkey.md"),
        ("paragraphs: [2]", "paragraphs: [4]", "edition.yml:8: no theme holds ¶2: give every paragraph a theme"),
        ("paragraphs: [2]", "paragraphs: [two]", "edition.yml:12: Turkey and Russia: paragraphs must be a list"),
        ("page: turkey.md", "page: index.md", 'edition.yml:12: page "index.md" must be a page of docs/'),
        ("site_name: A Fixture Edition", "site_name:", "edition.yml:1: site_name is missing"),
        ("caption: false", "caption: *x", 'edition.yml:5: the alias "*x" is not allowed'),
    ],
)
def test_a_bad_manifest_is_refused_with_its_line(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in GOOD
    with pytest.raises(DataFileError) as refused:
        load_edition(project(tmp_path, GOOD.replace(old, new, 1)))
    assert str(refused.value).startswith(message), str(refused.value)


def test_a_missing_manifest_says_what_to_write(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match=r"edition\.yml: not found beside mkdocs\.yml"):
        load_edition(tmp_path)


def test_pages_that_disagree_with_the_manifest_are_named(tmp_path: Path) -> None:
    edition = load_edition(project(tmp_path, GOOD))
    assert page_problems(edition, {1: "astana.md", 2: "turkey.md", 3: "astana.md"}) == []
    assert page_problems(edition, {1: "astana.md", 2: "astana.md", 4: "turkey.md"}) == [
        "astana.md: holds ¶2, which edition.yml puts on turkey.md: move it, or edit edition.yml",
        "astana.md: edition.yml puts ¶3 here, but no page holds it: add <!-- edm:para 3 -->",
        "turkey.md: holds ¶4, which no theme of edition.yml lists: add it to a theme",
    ]

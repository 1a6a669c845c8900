"""What every page says of itself to a machine: its <title>, and its Open Graph and Twitter card metadata.

The expected values are read from where the site takes them: the headline from the reference text,
the date and author from the data (each left out where it is not known), each page's description
from its front matter, the site's name and description from the manifest, which mkdocs.yml inherits.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from edm_site import frontmatter, sharing
from edm_site.datafile import Fact
from htmltext import Element, parse
from sitebuild import BuildFailed, build_site, copy_project
from this_edition import EDITION, ROOT, THEMED, THIS
from this_edition import TITLE as HEADLINE

DOCS = ROOT / "docs"
FIRST_THEME = EDITION.themes[0]
SITE_URL = "https://example.org/edm/"
STATUS_MARK = re.compile(r"[(\[]\s*(?:verified|inferred|unknown)\s*[)\]]", re.IGNORECASE)


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as plain YAML: its tags (!ENV, !relative) read as nothing."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
CONFIG = yaml.load((ROOT / "edition.yml").read_text(encoding="utf-8"), _ConfigLoader)  # mkdocs.yml inherits it
SITE_NAME: str = CONFIG["site_name"]
SITE_DESCRIPTION = " ".join(CONFIG["site_description"].split())


def front_matter(source: Path) -> dict:
    return frontmatter.read(source.read_text(encoding="utf-8"))[1]


def page_path(source: Path) -> str:
    """A page's path from the site's root, as built with directory URLs (``a-theme.md`` -> ``a-theme/``)."""
    name = source.relative_to(DOCS).with_suffix("").as_posix()
    return "" if name == "index" else f"{name}/"


PAGES = sorted((source for source in DOCS.rglob("*.md")), key=page_path)


def is_article_page(source: Path) -> bool:
    """The overview, a page that holds the article's paragraphs, or the page that assembles them."""
    markdown = source.read_text(encoding="utf-8")
    return source.name == "index.md" or "<!-- edm:para " in markdown or "<!-- edm:article -->" in markdown


def head(site: Path, path: str) -> tuple[str, dict[str, list[str]]]:
    """The page's <title> and its <meta> values by property or name (each in the order written)."""
    root = parse((site / path / "index.html").read_text(encoding="utf-8"))
    titles = [e for e in root.iter() if e.tag == "title"]
    assert len(titles) == 1, f"/{path}: {len(titles)} <title>s"
    metas: dict[str, list[str]] = {}
    for element in root.iter():
        if element.tag == "meta" and ("property" in element.attrs or "name" in element.attrs):
            key = element.attrs.get("property") or element.attrs["name"]
            metas.setdefault(key, []).append(element.attrs.get("content", ""))
    return titles[0].text(), metas


def canonical(site: Path, path: str) -> str | None:
    root: Element = parse((site / path / "index.html").read_text(encoding="utf-8"))
    links = [e.attrs["href"] for e in root.iter() if e.tag == "link" and e.attrs.get("rel") == "canonical"]
    return links[0] if links else None


@pytest.fixture(scope="module")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built for a public address, as ``make build SITE_URL=...`` builds it."""
    return build_site(ROOT, tmp_path_factory.mktemp("published"), site_url=SITE_URL)


# -- The pure functions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("description", "marks"),
    [
        ("A column by A. N. Author (inferred)", ["(inferred)"]),
        ("Author [unknown], date (Verified )", ["[unknown]", "(Verified )"]),
        ("What is verified, inferred and unknown of each", []),
        ("An unknown author (see the notes)", []),
        (None, []),
    ],
)
def test_description_problems(description: str | None, marks: list[str]) -> None:
    assert sharing.description_problems(description) == marks


@pytest.mark.parametrize(
    ("page_title", "headline", "expected"),
    [
        (FIRST_THEME.title, None, f"{FIRST_THEME.title} - {SITE_NAME}"),
        ("Overview", HEADLINE, HEADLINE),
        ("", None, SITE_NAME),
    ],
)
def test_document_title(page_title: str, headline: str | None, expected: str) -> None:
    assert sharing.document_title(page_title, SITE_NAME, headline=headline) == expected


def test_an_unknown_date_or_author_is_left_out() -> None:
    unknown = Fact(None, "unknown")
    article = dataclasses.replace(THIS, author=unknown, published=unknown)
    keys = [
        tag.key for tag in sharing.sharing(title="T", description="D", site_name="S", url=None, article=article).tags
    ]
    assert "article:author" not in keys and "article:published_time" not in keys
    assert "og:url" not in keys
    assert keys.count("og:type") == 1


# -- The built site --------------------------------------------------------------------------------


def test_the_home_page_title_is_the_headline(built_site: Path) -> None:
    assert THIS.title.value == HEADLINE  # the data and the reference agree on it
    title, metas = head(built_site, "")
    assert title == HEADLINE
    assert metas["og:title"] == [HEADLINE]


@pytest.mark.parametrize("source", PAGES, ids=page_path)
def test_every_page_has_its_sharing_metadata(published_site: Path, source: Path) -> None:
    path = page_path(source)
    meta = front_matter(source)
    title, metas = head(published_site, path)
    description = " ".join((meta.get("description") or SITE_DESCRIPTION).split())
    expected_title = HEADLINE if path == "" else f"{meta.get('title')} - {SITE_NAME}"
    article = is_article_page(source)
    expected = {
        "og:title": [expected_title],
        "og:description": [description],
        "og:type": ["article" if article else "website"],
        "og:url": [SITE_URL + path],
        "og:site_name": [SITE_NAME],
        "twitter:card": ["summary"],
        "twitter:title": [expected_title],
        "twitter:description": [description],
    }
    if article and THIS.published.known:  # the data's facts; one not known is left out
        assert isinstance(THIS.published.value, dt.date)
        expected["article:published_time"] = [THIS.published.value.isoformat()]
    if article and THIS.author.known:
        expected["article:author"] = [THIS.author.value]
    found = {key: values for key, values in metas.items() if key.startswith(("og:", "twitter:", "article:"))}
    assert found == expected
    assert title == expected_title
    assert canonical(published_site, path) == SITE_URL + path


@pytest.mark.parametrize("path", ["", f"{next(iter(THEMED))}/", "sources/"])
def test_without_an_address_no_page_names_one(built_site: Path, path: str) -> None:
    _, metas = head(built_site, path)
    assert "og:url" not in metas
    assert metas["og:site_name"] == [SITE_NAME]


def test_no_description_carries_a_status_mark(published_site: Path) -> None:
    for source in PAGES:
        _, metas = head(published_site, page_path(source))
        for key in ("description", "og:description", "twitter:description"):
            for value in metas.get(key, []):
                assert not STATUS_MARK.search(value), f"/{page_path(source)}: {key} carries a status: {value}"


def set_description(project: Path, file: str, value: str) -> int:
    """The page's description, in its front matter, replaced by ``value`` (YAML as written); its line."""
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), f"{file} has no front matter"
    end = text.index("\n---\n", 3)
    lines: list[str] = []
    folded = False  # within the old description: its line, and those it is folded over
    for line in text[4:end].split("\n"):
        folded = line.startswith("description:") or (folded and line[:1].isspace())
        if not folded:
            lines.append(line)
    path.write_text("---\n" + "\n".join([*lines, f"description: {value}"]) + text[end:], encoding="utf-8")
    return len(lines) + 2


def test_values_are_escaped(tmp_path: Path) -> None:
    project = copy_project(ROOT, tmp_path / "project")
    # Markup (<b>, a quote, a character reference) in a description is refused (tests/test_hostile_input.py):
    # what may stand in one, such as &, is escaped.
    set_description(project, "docs/about.md", "\"Edition notes & more, 'so': where the text comes from.\"")
    site = build_site(project, tmp_path / "site")
    _, metas = head(site, "about/")
    assert metas["og:description"][0].startswith("Edition notes & more, 'so':")
    raw = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert 'property="og:description" content="Edition notes &amp; more, &#39;so&#39;:' in raw


def test_a_status_mark_in_a_description_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(ROOT, tmp_path / "project")
    line = set_description(project, "docs/sources.md", "By its author (inferred), every outlet the article cites.")
    with pytest.raises(BuildFailed, match=rf"sources\.md:{line}: the description carries '\(inferred\)'"):
        build_site(project, tmp_path / "site")

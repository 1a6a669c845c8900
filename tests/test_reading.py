"""The one reading of the site (``edm_site.reading``) names every problem with its page (or data
file) and line, front matter counted, and what to do; a page holding none of the article may keep a
date of its own. On the fixture edition's pages and data, without MkDocs: the strict build that
stops on these problems is in ``test_site``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

import fixturesite
from edm_site.events import load_events
from edm_site.people import load_people
from edm_site.reading import PageSource, Reading, read_site
from edm_site.sitedata import SiteData
from paths import TEMPLATES

DATA = fixturesite.site_data()


def changed(text: str, old: str, new: str) -> tuple[str, int]:
    """``text`` with its first ``old`` replaced by ``new``, and the 1-based line where it stood."""
    assert old in text, f"the fixture no longer holds {old!r}: update the test"
    return text.replace(old, new, 1), text[: text.index(old)].count("\n") + 1


def read_with(page: str, old: str, new: str, data: SiteData = DATA) -> tuple[Reading, int]:
    """The fixture's pages read with the first ``old`` of ``page`` replaced by ``new``; the line of the change."""
    pages, line = [], 0
    for source in fixturesite.page_sources():
        if source.src_uri == page:
            text, line = changed(source.source, old, new)
            source = PageSource(page, source.title, text)
        pages.append(source)
    assert line, f"the fixture has no page {page}"
    return read_site(pages, data, TEMPLATES), line


def test_the_fixture_reads_without_a_problem() -> None:
    reading = read_site(fixturesite.page_sources(), DATA, TEMPLATES)
    assert reading.problems == ()
    assert reading.article.pages == fixturesite.EDITION.pages


@pytest.mark.parametrize(
    ("page", "old", "new", "message"),
    [
        (
            "security.md",
            "(Moskovsky Komsomolets, May 12)",
            "(Pravda, May 12)",
            'security.md:{line}: citation (Pravda, May 12): unknown outlet "Pravda": add it to',
        ),
        (
            "talks.md",
            "(RIA Novosti, May 12)",
            "(RIA Novosti, February 30)",
            'talks.md:{line}: citation (RIA Novosti, February 30): "February 30" is not a date in any year',
        ),
        (
            "talks.md",
            "(RIA Novosti, May 12)",
            "(RIA Novosti, Mya 12)",
            'talks.md:{line}: citation (RIA Novosti, Mya 12): "Mya" is not a month (did you mean "May"?)',
        ),
        (
            "talks.md",
            "(see EDM, March 28)",
            "(see EDM, March 29)",
            "talks.md:{line}: citation (see EDM, March 29): unknown EDM article of 2017-03-29: add an entry",
        ),
        (
            "aside.md",  # a page of ours, outside the article and the navigation
            "(Kommersant, May 6)",
            "(Kommersant, May 66)",
            "aside.md:{line}: citation (Kommersant, May 66): ",
        ),
    ],
)
def test_a_citation_problem_names_the_page_and_its_line(page: str, old: str, new: str, message: str) -> None:
    reading, line = read_with(page, old, new)
    assert [p for p in reading.problems if p.startswith(message.format(line=line))], reading.problems
    assert len(reading.problems) == 1, reading.problems  # once: not again for the full article


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("events.yml", "paragraph: 3", "paragraph: 9", "events.yml:{line}: there is no ¶9: give the paragraph"),
        (
            "people.yml",
            "Ivan Petrov, paragraph: 1}",
            "Ivan Petrov, paragraph: 9}",
            "people.yml:{line}: Ivan Petrov: there is no ¶9: correct the role",
        ),
    ],
)
def test_a_data_entry_of_a_paragraph_the_article_lacks_is_named(
    tmp_path: Path, file: str, old: str, new: str, message: str
) -> None:
    text, changed_line = changed((fixturesite.DATA / file).read_text(encoding="utf-8"), old, new)
    (tmp_path / file).write_text(text, encoding="utf-8")
    data = (
        dataclasses.replace(DATA, events=load_events(tmp_path / file))
        if file == "events.yml"
        else dataclasses.replace(DATA, people=load_people(tmp_path / file))
    )
    reading = read_site(fixturesite.page_sources(), data, TEMPLATES)
    line = fixturesite.entry_line(text, new)  # the entry's first line, where the message points
    assert line <= changed_line
    assert [p for p in reading.problems if message.format(line=line) in p], reading.problems


def test_a_page_of_the_article_may_not_set_its_own_publication_date() -> None:
    """A page holding the article's paragraphs has the article's date: its own would silently re-date
    every year-less citation on it (and, in the full article, those of its paragraphs)."""
    reading, line = read_with("security.md", "title: Security\n", "title: Security\npublished: 2017-05-05\n")
    assert reading.problems == (
        f"security.md:{line + 1}: front matter published: 2017-05-05 differs from the article's publication "
        "date, 2017-05-15: the page holds the article's paragraphs, whose citations are dated by the article: "
        "remove published:",
    )


def test_a_page_outside_the_article_may_set_its_own_publication_date() -> None:
    """Year-less dates resolve against the page's own date on a page that holds none of the article:
    the fixture's aside is dated 5 May 2017, so its May 6 is of the year before."""
    reading = read_site(fixturesite.page_sources(), DATA, TEMPLATES)
    assert reading.published[fixturesite.ASIDE] == dt.date(2017, 5, 5)
    _, citations = reading.found[fixturesite.ASIDE]
    assert [(c.outlet.id if c.outlet else "edm", c.date) for c in citations] == [
        ("kommersant", dt.date(2016, 5, 6)),
        ("edm", dt.date(2017, 5, 4)),
        ("rbc", dt.date(2016, 5, 12)),
        ("kommersant", dt.date(2016, 5, 10)),
    ]

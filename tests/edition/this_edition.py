"""What the tests of this edition expect, derived from the edition itself, never typed in.

Everything here is read from the edition's own files: the manifest (``edition.yml``: its themes,
their pages and paragraphs, whether the text has a caption), the article's text (through the
reference format's reader), and the data (``hooks/data/*.yml``, ``includes/abbreviations.md``). So
the tests of ``tests/edition/`` check whichever article the edition holds: after ``make edition``
they check the new one, with no hand edit.

What the site computes from the text (citations per outlet, the paragraphs that name a person or
use an abbreviation) is recomputed here by the simplest reading there is, a regular expression
over the paragraphs, independent of the hooks' grammar, so that the two readings check each other.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import plain_reading
from edm_site.events import load_events
from edm_site.manifest import load_edition
from edm_site.people import load_people
from edm_site.reference import read_reference
from edm_site.registry import Outlet, load_registry, ownership
from plain_reading import DATE, YEAR, Cited

ROOT = Path(__file__).resolve().parents[2]  # the project whose edition this is
EDITION = load_edition(ROOT)
DATA = ROOT / "hooks" / "data"
GLOSSARY_FILE = ROOT / "includes" / "abbreviations.md"

REFERENCE_TEXT = EDITION.reference.read_text(encoding="utf-8")
_READ = read_reference(REFERENCE_TEXT, caption=EDITION.caption)
TITLE: str = _READ.title  # the headline
CAPTION: str | None = _READ.caption  # None when the manifest says the text has none
PARAGRAPHS: tuple[str, ...] = _READ.paragraphs
NUMBERS: tuple[int, ...] = tuple(range(1, len(PARAGRAPHS) + 1))

# The themed pages by their name in the site ("a-theme" for a-theme.md), in the navigation's order,
# each with the numbers of the paragraphs it holds.
THEMED: dict[str, tuple[int, ...]] = {t.page.removesuffix(".md"): tuple(sorted(t.paragraphs)) for t in EDITION.themes}

REGISTRY = load_registry(DATA)
THIS = REGISTRY.this_article  # the site's own article (``this: true``)
PEOPLE = load_people(DATA / "people.yml")
EVENTS = load_events(DATA / "events.yml")

_GLOSSARY = GLOSSARY_FILE.read_text(encoding="utf-8")
# The glossary as written: each abbreviation it explains and what it stands for, and the stubs of
# `make edition` (``<!-- stub *[NATO]: ... -->``), which explain nothing yet.
DEFINED: dict[str, str] = dict(re.findall(r"^\*\[([^\]]+)\]:[ \t]*(.*\S)", _GLOSSARY, re.M))
STUBS: tuple[str, ...] = tuple(re.findall(r"^<!--[ \t]*stub[ \t]+\*\[([^\]]+)\]:", _GLOSSARY, re.M))


def where(numbers: tuple[int, ...] | range) -> str:
    """Paragraph numbers as the site writes them: "¶1, ¶2, ¶6"."""
    return ", ".join(f"¶{n}" for n in numbers)


def numbers_of(name: str) -> tuple[int, ...]:
    """The paragraphs a page holds: a themed page its own, the full article (or an index) all."""
    return THEMED.get(name, NUMBERS)


def text_of(numbers: tuple[int, ...] | range) -> str:
    return "\n\n".join(PARAGRAPHS[n - 1] for n in numbers)


def paragraphs_using(words: tuple[str, ...] | list[str]) -> list[int]:
    """The paragraphs in which any of ``words`` stands as a whole word ("Putin" in "Putin’s", not
    "IS" in "ISIS")."""
    patterns = [re.compile(rf"(?<!\w){re.escape(w)}(?!\w)") for w in words]
    return [n for n, text in enumerate(PARAGRAPHS, start=1) if any(p.search(text) for p in patterns)]


# -- The citations, read off the text (tests/plain_reading.py) ------------------------------------


def cited(text: str | None = None) -> Cited:
    """The citations of ``text`` (the whole article by default), each outlet under the name the data
    gives it."""

    def canonical(name: str) -> str:
        outlet = REGISTRY.outlet_named(name)
        return outlet.name if outlet else name

    return plain_reading.cited(text_of(NUMBERS) if text is None else text, canonical)


def affiliation(name: str) -> str:
    """An outlet's ownership as the site words it: "private", "ownership not known"."""
    outlet = REGISTRY.outlet_named(name)
    assert outlet is not None, f"{name} is cited but is no outlet of the data"
    return ownership(outlet.affiliation)


def line(name: str) -> str | None:
    """An outlet's editorial line as the site words it ("pro-government (inferred)"), None if not known."""
    outlet = REGISTRY.outlet_named(name)
    assert outlet is not None, f"{name} is cited but is no outlet of the data"
    if not outlet.line.known:
        return None
    return str(outlet.line.value) + (" (inferred)" if outlet.line.status == "inferred" else "")


# -- The built pages ---------------------------------------------------------------------------------


def first_unique_word(text: str, within: str, *, accented: bool = False) -> str | None:
    """The first lower-case word of ``text``, outside brackets (where citations are), that stands
    exactly once in ``within`` (a page's whole file, inside other words too): one to change, sure
    to change only the article's words. With ``accented``, only a word with a non-ASCII letter."""
    plain = re.sub(r"\([^()]*\)", " ", text)
    for word in re.findall(r"(?<!\w)[^\W\d_]{5,}(?!\w)", plain):
        if word.islower() and accented != word.isascii() and within.count(word) == 1:
            return word
    return None


# -- The citations one by one, in the order written ------------------------------------------------------

_MONTH_DAY = re.compile(r"([A-Z][a-z]+) (\d{1,2})(?:, (\d{4}))?")


@dataclass(frozen=True)
class Citation:
    """One citation of the text as the simplest reading finds it: an outlet by name, one whose name was
    lost, or a "see EDM" date; what its link shows, and the date it cites."""

    paragraph: int
    kind: str  # "outlet", "lost" or "edm"
    written: str  # the outlet's name as the text writes it, the date as written for EDM, "" when lost
    date: dt.date  # resolved against the article's publication date

    @property
    def outlet(self) -> Outlet | None:
        """The outlet of the data it names (None for a lost name, an EDM date, or a name the data lacks)."""
        return REGISTRY.outlet_named(self.written) if self.kind == "outlet" else None


def resolved(month: str, day: str, year: str | None, published: dt.date = EDITION.published) -> dt.date:
    """The date a citation means: with its year, that day; without, the latest such day on or before
    the article's publication (walking back past a February 29)."""
    for candidate in [int(year)] if year else range(published.year, published.year - 9, -1):
        try:
            date = dt.datetime.strptime(f"{month} {day} {candidate}", "%B %d %Y").date()
        except ValueError:
            continue
        if year or date <= published:
            return date
    raise ValueError(f"{month} {day}{f', {year}' if year else ''} is no date on or before {published}")


def long_date(date: dt.date) -> str:
    """A date as the site writes it in cards and notes: "10 May 2017"."""
    return f"{date.day} {date:%B} {date.year}"


def citations(numbers: tuple[int, ...] | range = NUMBERS) -> tuple[Citation, ...]:
    """The citations of paragraphs ``numbers`` (all by default), in that order and in the order written,
    by the reading ``cited`` counts with: a bracket that ends in a digit; "see EDM, " and its dates; else
    parts between semicolons, each its outlet names (none: the name was lost) before its date."""
    found: list[Citation] = []
    for number in numbers:
        for inner in re.findall(r"\(([^()]*\d)\)", PARAGRAPHS[number - 1]):
            if inner.startswith("see EDM, "):
                for written in _MONTH_DAY.finditer(inner.removeprefix("see EDM, ")):
                    found.append(Citation(number, "edm", written[0], resolved(*written.groups())))
                continue
            for part in inner.split(";"):
                items = [item.strip() for item in part.split(",")]
                year = items.pop() if items and YEAR.fullmatch(items[-1]) else None
                date = _MONTH_DAY.fullmatch(items.pop()) if items and DATE.fullmatch(items[-1]) else None
                assert date is not None, f"¶{number}: ({inner}) has a part with no date: {part.strip()!r}"
                when = resolved(date[1], date[2], year)
                if items == [""]:
                    found.append(Citation(number, "lost", "", when))
                else:
                    found.extend(Citation(number, "outlet", name, when) for name in items)
    return tuple(found)

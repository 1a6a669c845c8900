"""The people the article names, from ``data/people.yml``, and the paragraphs that name them.

A person has name forms ("Putin", "Vladimir Putin") found as whole words in the article's
paragraphs, and a role as of the article's month: the article's own words where it gives one (checked to
be in the paragraph named), or ours, marked as ours.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .datafile import Entry, load_entries
from .registry import check_id
from .words import paragraphs_naming, whole_word

PEOPLE_FILE = "people.yml"


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    forms: tuple[str, ...]
    role: str
    role_is_quote: bool  # the article's words (True) or ours (False)
    role_paragraph: int | None
    line: int


@dataclass(frozen=True)
class Mentions:
    person: Person
    paragraphs: tuple[int, ...]


def load_people(path: Path) -> tuple[Person, ...]:
    people: list[Person] = []
    for index, raw in enumerate(load_entries(path)):
        entry = Entry(path, raw, index, ("id", "name", "forms", "role"))
        forms = raw.get("forms")
        if not isinstance(forms, list) or not forms or not all(isinstance(f, str) and f.strip() for f in forms):
            raise entry.fail("forms must be a list of the name forms the article uses")
        role = raw.get("role")
        shape = "role must be {quote: <the article's words>, paragraph: N} or {ours: <our words>}"
        if not isinstance(role, dict) or set(role) - {"__line__"} not in ({"quote", "paragraph"}, {"ours"}):
            raise entry.fail(shape)
        role_entry = Entry(path, role, index, ("quote", "paragraph", "ours"))
        is_quote = "quote" in role
        person = Person(
            id=entry.text("id"),
            name=entry.text("name"),
            forms=tuple(" ".join(f.split()) for f in forms),
            role=role_entry.text("quote" if is_quote else "ours"),
            role_is_quote=is_quote,
            role_paragraph=role_entry.number("paragraph") if is_quote else None,
            line=raw["__line__"],
        )
        check_id(entry, person.id)
        if any(p.id == person.id for p in people):
            raise entry.fail(f'duplicate id "{person.id}": ids must be unique')
        people.append(person)
    return tuple(people)


def mentions(people: tuple[Person, ...], paragraphs: dict[int, str]) -> list[Mentions]:
    """Each person with the numbers of the paragraphs that name them, in the data file's order."""
    return [Mentions(p, paragraphs_naming(p.forms, paragraphs)) for p in people]


def problems(people: tuple[Person, ...], paragraphs: dict[int, str], path: str) -> list[str]:
    """A message for each person never named, name form never used, or role quote not found."""
    texts = {n: " ".join(t.split()) for n, t in paragraphs.items()}
    found = []
    for person in people:
        unused = [f for f in person.forms if not any(whole_word(f).search(t) for t in texts.values())]
        if len(unused) == len(person.forms):
            found.append(f"{path}:{person.line}: {person.name} is never named in the article: correct the forms")
        else:
            found += [
                f'{path}:{person.line}: {person.name}: the name form "{f}" is not in the article: remove it'
                for f in unused
            ]
        if person.role_is_quote and person.role_paragraph not in texts:
            found.append(f"{path}:{person.line}: {person.name}: there is no ¶{person.role_paragraph}: correct the role")
        elif person.role_is_quote and person.role not in texts.get(person.role_paragraph or 0, ""):
            found.append(
                f"{path}:{person.line}: {person.name}: the role “{person.role}” is not in ¶{person.role_paragraph}: "
                "quote the article exactly, or give the role as ours"
            )
    return found

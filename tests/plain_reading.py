"""The citations of a text, read by the simplest reading there is, independent of the hooks' grammar.

A bracket that ends in a digit is a citation; "see EDM, " and its dates are cross-references; else
its parts between semicolons each name their outlets (none: the name was lost) before the date (and
year) they share. The fixture site's tests and this edition's tests both check the hooks against it.
"""

from __future__ import annotations

import collections
import re
from collections.abc import Callable
from dataclasses import dataclass, field

DATE = re.compile(r"[A-Z][a-z]+ \d{1,2}")
YEAR = re.compile(r"\d{4}")


@dataclass(frozen=True)
class Cited:
    """What a stretch of text cites: citations per outlet (by the name ``canonical`` gives it), of an
    outlet whose name was lost, and "see EDM" dates."""

    outlets: collections.Counter[str] = field(default_factory=collections.Counter)
    lost: int = 0
    edm: collections.Counter[str] = field(default_factory=collections.Counter)

    @property
    def citations(self) -> int:
        """Outlet citations, named or lost (an EDM cross-reference is not one)."""
        return sum(self.outlets.values()) + self.lost


def cited(text: str, canonical: Callable[[str], str] = lambda name: name) -> Cited:
    """The citations of ``text``; each outlet counted under ``canonical(name as written)``."""
    outlets: collections.Counter[str] = collections.Counter()
    lost = 0
    edm: collections.Counter[str] = collections.Counter()
    for inner in re.findall(r"\(([^()]*\d)\)", " ".join(text.split())):
        if inner.startswith("see EDM, "):
            edm.update(re.findall(r"[A-Z][a-z]+ \d+(?:, \d{4})?", inner.removeprefix("see EDM, ")))
            continue
        for part in inner.split(";"):
            items = [item.strip() for item in part.split(",")]
            if items and YEAR.fullmatch(items[-1]):
                items.pop()
            if items and DATE.fullmatch(items[-1]):
                items.pop()
            if items == [""]:
                lost += 1
            else:
                outlets.update(canonical(name) for name in items)
    return Cited(outlets, lost, edm)

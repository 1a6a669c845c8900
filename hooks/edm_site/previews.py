"""The preview of each citation: what a reader sees on hovering over it, focusing it or tapping it.

One card per thing a page cites (an outlet on a date, a lost outlet name on a date, an EDM
article), written into the page as hidden HTML by ``templates/previews.md.j2``. Each citation's
link is described by its card (``aria-describedby``), so a screen reader announces it, and the
page's script (``docs/assets/edm.js``) shows it beside the link; without the script the
link still leads to the source's entry. The card's content comes from the build: nothing is
fetched when a reader hovers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from .citations import Citation

PREFIX = "edm-preview-"  # outlet ids may not begin with "edm-", so no card takes an outlet's anchor


def card_id(citation: Citation) -> str:
    """The card of a citation: one per outlet and date, per lost outlet and date, per EDM article."""
    if citation.edm is not None:
        return PREFIX + citation.entry
    return f"{PREFIX}{citation.entry}-{citation.date.isoformat()}"


@dataclass(frozen=True)
class Card:
    id: str
    citation: Citation  # the first citation on the page that the card describes
    total: int | None  # how often what it cites is cited on the whole site; None when not indexed (a draft)


def cards(citations: Iterable[Citation], totals: Mapping[str, int]) -> list[Card]:
    """The cards of a page's citations, in the order they are first cited; ``totals`` by entry."""
    first: dict[str, Citation] = {}
    for citation in citations:
        first.setdefault(card_id(citation), citation)
    return [Card(id, citation, totals.get(citation.entry)) for id, citation in first.items()]


def host(address: str) -> str:
    """What a reader recognises of an address: ``https://www.kommersant.ru/`` -> ``kommersant.ru``."""
    name = urlsplit(address).hostname or address
    return name.removeprefix("www.")

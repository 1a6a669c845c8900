"""The plain-text tooltips (``title`` attributes, shown by Material's tooltips) of citation links."""

from __future__ import annotations

from .citations import Citation
from .dates import long_form
from .registry import EdmArticle, Fact


def outlet_tooltip(citation: Citation) -> str:
    outlet = citation.outlet
    assert outlet is not None
    return f"{outlet.name}, {long_form(citation.date)}. {outlet.affiliation.capitalize()}. {outlet.profile}"


def lost_tooltip(citation: Citation) -> str:
    return (
        f"Outlet name lost in the published original; cited for {long_form(citation.date)}. "
        "Which outlet it was is unknown."
    )


def _fact(label: str, fact: Fact) -> str:
    return f"{label} {fact.value} ({fact.status})" if fact.known else f"{label} unknown"


def edm_tooltip(citation: Citation) -> str:
    article: EdmArticle | None = citation.edm
    assert article is not None
    head = f"EDM, {long_form(article.date)}"
    if not article.title.known:
        return f"{head}: article not identified; title, author and issue unknown."
    parts = [
        f"“{article.title.value}” (title {article.title.status})",
        _fact("author", article.author),
        _fact("Volume", article.volume) + ", " + _fact("Issue", article.issue),
        f"match to this date {article.match.status}",
    ]
    return f"{head}: " + "; ".join(parts) + "."

"""What a page says about itself to a machine: its ``<title>``, and the Open Graph and Twitter card
metadata a link preview is made from.

Every page gets a title, description, type and site name (and its address when the site has one);
the pages of the article (the overview, the themed pages and the full article) are of type
``article`` and name the article's publication date and author. Those two fields take a bare value:
a status such as "inferred" cannot stand in them, so it is left out there and stated in the edition
notes instead. A description is read as plain text by whatever shows it, so it may carry no status
marks such as "(inferred)": ``description_problems`` names any, for the build to report.

The values are plain text; the theme's template (``overrides/main.html``) escapes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .registry import EdmArticle

# A status mark as our bylines and tables write it beside a fact: "(inferred)", "[unknown]".
_STATUS_MARK = re.compile(r"[(\[]\s*(?:verified|inferred|unknown)\s*[)\]]", re.IGNORECASE)


@dataclass(frozen=True)
class Tag:
    """One ``<meta>``: Open Graph names go in ``property``, Twitter's in ``name``."""

    attribute: str
    key: str
    value: str


@dataclass(frozen=True)
class Sharing:
    title: str  # the document's <title>, and the title a link preview shows
    tags: tuple[Tag, ...]


def document_title(page_title: str, site_name: str, *, headline: str | None = None) -> str:
    """The ``<title>``: the article's headline on the page that stands for the article (the home
    page), otherwise the page's own title and the site's name, as Material writes it."""
    if headline:
        return headline
    return f"{page_title} - {site_name}" if page_title else site_name


def plain(text: str | None) -> str:
    """Text as a single line: front matter folded with ``>-`` keeps no line breaks worth sharing."""
    return " ".join((text or "").split())


def description_problems(description: str | None) -> list[str]:
    """The status marks in a description, each as found."""
    return [match.group(0) for match in _STATUS_MARK.finditer(description or "")]


def sharing(
    *,
    title: str,
    description: str | None,
    site_name: str,
    url: str | None,
    article: EdmArticle | None,
) -> Sharing:
    """The metadata of one page; ``article`` is the article it belongs to, for the article's pages."""
    text = plain(description)
    tags = [
        Tag("property", "og:title", title),
        *([Tag("property", "og:description", text)] if text else []),
        Tag("property", "og:type", "article" if article else "website"),
        *([Tag("property", "og:url", url)] if url else []),
        Tag("property", "og:site_name", site_name),
    ]
    if article is not None:
        if article.published.known:
            tags.append(Tag("property", "article:published_time", article.published.value.isoformat()))
        if article.author.known:
            tags.append(Tag("property", "article:author", str(article.author.value)))
    tags += [
        Tag("name", "twitter:card", "summary"),
        Tag("name", "twitter:title", title),
        *([Tag("name", "twitter:description", text)] if text else []),
    ]
    return Sharing(title, tuple(tags))

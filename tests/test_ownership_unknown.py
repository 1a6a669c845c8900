"""``affiliation: unknown``: an outlet whose owner was not found is accepted, marked "?" in a dotted
ring, named in words wherever ownership is said (previews, endnotes, chronology, the outlet index,
the key, the chart, the profile), and counted as unknown, never folded into another kind of owner.

On the fixture data (``tests/fixtures/data/``); the fixture edition's build is in ``test_citation_shared_date``.
"""

from __future__ import annotations

import colorsys
import re
from pathlib import Path

import material
import pytest

from edm_site import index, previews, sourcing, templates
from edm_site.citations import find_citations
from edm_site.links import affiliation_mark
from edm_site.registry import AFFILIATIONS, load_outlets, ownership
from fixturesite import DATA, PUBLISHED, REGISTRY
from paths import ASSETS, TEMPLATES

ENV = templates.environment(TEMPLATES)
CSS = (ASSETS / "edm.css").read_text(encoding="utf-8")


def places(markdown: str) -> tuple[index.Cited, ...]:
    citations, problems = find_citations(markdown, REGISTRY, PUBLISHED)
    assert problems == []
    return tuple(index.places_on_page("page.md", "Page", citations, []))


SHARED = "Text (Syrian Arab News Agency, February 6; Sputnik News, February 6) and (Kommersant, May 12) and (, May 11)."


def test_unknown_is_an_affiliation_of_its_own() -> None:
    assert AFFILIATIONS == ("state-owned", "private", "independent", "unknown")
    outlets = {o.id: o.affiliation for o in load_outlets(DATA / "outlets.yml")}
    assert outlets["sputnik-news"] == "unknown"
    assert (ownership("unknown"), ownership("private")) == ("ownership not known", "private")


@pytest.mark.parametrize(
    ("affiliation", "name"),
    [("unknown", "outlet of unknown ownership"), ("private", "private outlet"), ("state-owned", "state-owned outlet")],
)
def test_the_marker_is_named_in_words(affiliation: str, name: str) -> None:
    mark = affiliation_mark(affiliation)
    assert f'class="edm-mark edm-mark--{affiliation} ours"' in mark
    assert f'aria-label="{name}"' in mark


def test_unknown_is_counted_as_unknown_and_shown_only_where_cited() -> None:
    counted = sourcing.profile(places(SHARED))
    assert {s.category: s.count for s in counted.shares} == {
        "state-owned": 0,
        "private": 1,
        "independent": 0,
        "unknown": 2,
        "outlet lost": 1,
    }
    assert [s.category for s in sourcing.profile(places("(Kommersant, May 12)")).shares] == [
        "state-owned",
        "private",
        "independent",
    ]
    assert sourcing.marks(places(SHARED)) == AFFILIATIONS
    assert sourcing.marks(places("(Kommersant, May 12)")) == ("state-owned", "private", "independent")
    rows = {row.key: row.category for row in sourcing.per_outlet(places(SHARED))}
    assert rows == {
        "syrian-arab-news-agency": "unknown",
        "sputnik-news": "unknown",
        "kommersant": "private",
        "lost-outlets": "outlet lost",
    }


def test_every_apparatus_says_it_in_words() -> None:
    cited = places(SHARED)
    citations = [p.citation for p in cited]
    site = index.SiteIndex(cited)
    page = "sources.md"
    context = {"page": page, "sources_page": "sources.md", "edm_page": "edm.md"}
    whole = sourcing.profile(cited)
    rendered = {
        "profile": ENV.get_template("profile.md.j2").render(
            profile=whole, whole_site=True, marks=sourcing.marks(cited), lost=1, **context
        ),
        "chart": ENV.get_template("chart.md.j2").render(rows=sourcing.per_outlet(cited), total=whole, **context),
        "sources": ENV.get_template("sources.md.j2").render(
            outlets=site.outlets(REGISTRY), lost=site.lost(), **context
        ),
        "endnotes": ENV.get_template("endnotes.md.j2").render(citations=citations),
        "previews": ENV.get_template("previews.md.j2").render(cards=previews.cards(citations, {}), **context),
        "chronology": ENV.get_template("chronology.md.j2").render(
            days=sourcing.chronology(cited, ()), homes={}, **context
        ),
    }
    assert f"| {affiliation_mark('unknown')} Ownership not known | 2 | 50% |" in rendered["profile"]
    assert f"{affiliation_mark('unknown')} ownership not known" in rendered["profile"]  # the key
    assert "edm-chart__row--unknown" in rendered["chart"]
    assert "Syrian Arab News Agency, ownership not known: 1" in rendered["chart"]
    assert "| ownership not known | not known | 1 |" in rendered["chart"]
    assert f"**Ownership:** {affiliation_mark('unknown')} not known (from the profile above)" in rendered["sources"]
    assert "Sputnik News (ownership not known), 6 February 2017." in rendered["endnotes"]
    assert "Ownership: not known · Editorial line: not known" in rendered["previews"]
    assert "(ownership not known), in" in rendered["chronology"]
    for name, text in rendered.items():
        assert "**unknown**" not in text and "(unknown)" not in text, name  # a word of the data, not ours


# --- The marker on the page: letter, shape and contrast -------------------------------------------


def _rule(selector: str) -> str:
    found = re.search(rf"{re.escape(selector)}\s*\{{([^}}]*)\}}", CSS)
    assert found is not None, f"edm.css has no rule for {selector}"
    return found.group(1)


def _look(affiliation: str) -> tuple[str, str]:
    """The marker's letter, and its shape: border style and radius, filled or not."""
    letter = re.search(r'content:\s*"([^"]*)"', _rule(f".md-typeset .edm-mark--{affiliation}::before")).group(1)
    own = _rule(f".md-typeset .edm-mark--{affiliation}")
    style = re.search(r"border-style:\s*(\w+)", own)
    radius = re.search(r"border-radius:\s*([\w.%]+)", own)
    filled = "background:" in own
    return letter, f"{style.group(1) if style else 'solid'} {radius.group(1) if radius else 'square'} {filled}"


def test_the_unknown_marker_differs_from_the_others_by_letter_and_by_shape() -> None:
    looks = {a: _look(a) for a in AFFILIATIONS}
    assert looks["unknown"] == ("?", "dotted 50% False")
    assert len({letter for letter, _ in looks.values()}) == 4, looks
    assert len({shape for _, shape in looks.values()}) == 4, looks


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(one: tuple[float, float, float], other: tuple[float, float, float]) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _hex(value: str) -> tuple[float, float, float]:
    return tuple(int(value[i : i + 2], 16) / 255 for i in (1, 3, 5))


def _material_backgrounds() -> dict[str, tuple[float, float, float]]:
    """Material's page background in its light and dark schemes, read from its own stylesheets."""
    sheets = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    main = next(sheets.glob("main.*.min.css")).read_text(encoding="utf-8")
    palette = next(sheets.glob("palette.*.min.css")).read_text(encoding="utf-8")
    light = re.search(r"--md-default-bg-color:(#[0-9a-f]{3,6})[;}]", main).group(1)
    hue = float(re.search(r"--md-hue:(\d+)deg", main).group(1))
    s, lightness = (
        float(v) / 100
        for v in re.search(
            r"slate\]\{[^}]*--md-default-bg-color:hsla\(var\(--md-hue\), (\d+)%, (\d+)%, 1\)", palette
        ).groups()
    )
    return {
        "light": _hex("#ffffff" if light == "#fff" else light),
        "dark": colorsys.hls_to_rgb(hue / 360, lightness, s),
    }


def test_the_unknown_grey_reads_as_text_on_both_schemes() -> None:
    """WCAG asks 3:1 of a graphic and 4.5:1 of text: the marker's letter is in its grey, so 4.5:1."""
    light = re.search(r":root \{[^}]*--edm-unknown:\s*(#[0-9a-f]{6})", CSS).group(1)
    dark = re.search(r'\[data-md-color-scheme="slate"\] \{[^}]*--edm-unknown:\s*(#[0-9a-f]{6})', CSS).group(1)
    backgrounds = _material_backgrounds()
    assert _contrast(_hex(light), backgrounds["light"]) >= 4.5
    assert _contrast(_hex(dark), backgrounds["dark"]) >= 4.5

"""Shortcodes are expanded only where they work, alone on a top-level line; anything else that looks
like one is reported with its line, never silently left."""

from __future__ import annotations

import pytest

from edm_site import shortcodes


def test_a_top_level_shortcode_is_expanded_and_a_nested_one_is_not() -> None:
    page = "<!-- edm:byline -->\n\n- item\n\n  <!-- edm:byline -->\n\n> <!-- edm:byline -->\n"
    assert shortcodes.expand(page, {"byline": lambda: "BY"}) == "BY" + page[len("<!-- edm:byline -->") :]


@pytest.mark.parametrize(
    ("page", "line", "what"),
    [
        ("Text\n\n- item\n\n  <!-- edm:byline -->\n", 5, "is inside a list or a quote"),
        ("> <!-- edm:profile -->\n", 1, "is inside a list or a quote"),
        ("<!-- edm:Sources -->\n", 1, "is no shortcode as written"),
        ('!!! note "N"\n\n    Text.\n\n    <!-- edm:profile -->\n', 5, "is inside an admonition or a tab"),
        ('=== "Tab"\n\n    <!-- edm:byline -->\n', 3, "is inside an admonition or a tab"),
        ("<!-- edm:profile --> and text\n", 1, "is no shortcode as written"),
        ("<!-- edm:para x -->\nText\n", 1, "is no shortcode as written"),
        ("Text\n\n<!-- edm:nope -->\n", 3, "<!-- edm:nope --> is no known shortcode"),
    ],
)
def test_what_is_no_shortcode_is_reported(page: str, line: int, what: str) -> None:
    assert [(found_line, found[: len(what)]) for found_line, found in shortcodes.problems(page)] == [(line, what)]


@pytest.mark.parametrize(
    "page",
    [
        "<!-- edm:profile -->\n",
        "<!-- edm:para 3 -->\nText\n",
        "```\n<!-- edm:Sources -->\n```\n",
        "    <!-- edm:whatever -->\n",
        "Text with `<!-- edm:x -->` in code\n",
    ],
)
def test_shortcodes_and_code_are_not_reported(page: str) -> None:
    assert shortcodes.problems(page) == []

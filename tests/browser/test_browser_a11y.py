"""axe-core finds no accessibility violation, at any impact level, on any page, light or dark."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from axe_playwright_python.sync_playwright import Axe
from browsing import PAGES, SCHEMES, goto
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

AXE = Axe()


def describe(violations: list[dict]) -> str:
    """axe's violations, one block each: rule, impact, what to do, and where (selectors and why)."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}  <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            lines.append(f"    at {' > '.join(str(part) for part in node['target'])}")
            lines.append(f"       {node['html'][:160]}")
            summary = " / ".join(line.strip() for line in node.get("failureSummary", "").splitlines()[1:])
            if summary:
                lines.append(f"       {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("path", PAGES)
def test_no_accessibility_violations(new_page: Callable[..., Page], path, scheme):
    page = new_page(color_scheme=scheme)
    goto(page, path)
    # The scheme is Material's: the page follows the reader's preference for light or dark.
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
    violations = AXE.run(page).response["violations"]
    if violations:
        pytest.fail(f"axe on {path} ({scheme}): {len(violations)} violations\n{describe(violations)}", pytrace=False)

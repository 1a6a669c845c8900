"""axe-core finds no accessibility violation, at any impact level, on any page, light or dark, with
its WCAG 2.2 rules switched on (target-size: links and buttons at least 24x24 px, or spaced so)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from browsing import PAGES, goto, switch_scheme
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

AXE = Axe()
# axe.run's options: every rule it runs by default, and those of WCAG 2.2, which it leaves off by default.
RUN = "axe.run({resultTypes: ['violations'], rules: {'target-size': {enabled: true}}})"


def describe(violations: list[dict]) -> str:
    """axe's violations, one block each: rule, impact, what to do, and where (selectors and why)."""
    lines = []
    for violation in violations:
        lines.append(f"  {violation['id']} ({violation['impact']}): {violation['help']}  <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            lines.append(f"      at {' > '.join(str(part) for part in node['target'])}")
            lines.append(f"         {node['html'][:160]}")
            summary = " / ".join(line.strip() for line in node.get("failureSummary", "").splitlines()[1:])
            if summary:
                lines.append(f"         {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize("path", PAGES)
def test_no_accessibility_violations_in_light_or_dark(page: Page, path):
    """The page as it loads (light: the reader prefers light), then switched to dark with the toggle."""
    goto(page, path)
    page.evaluate(AXE.axe_script)  # once: the switch of scheme keeps the document, and axe in it
    report = []
    for scheme in ("default", "slate"):
        switch_scheme(page, scheme)
        results = page.evaluate(RUN)
        assert len(results["passes"]) > 20, f"axe hardly ran on {path}: {len(results['passes'])} rules passed"
        violations = results["violations"]
        if violations:
            report.append(f"{path} in the {scheme!r} scheme: {len(violations)} violations\n{describe(violations)}")
    if report:
        pytest.fail("axe found accessibility violations:\n" + "\n".join(report), pytrace=False)

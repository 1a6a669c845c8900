"""The GitHub Pages workflow (.github/workflows/pages.yml): pinned actions, least permissions, a strict build.

GitHub cannot be reached from here, so the workflow is checked as data: what it runs, with which
actions at which commits, and with which token permissions.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
PINNED = re.compile(r"^(?P<action>[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+)@(?P<sha>[0-9a-f]{40})$")
# A `uses:` line as written: the full SHA, then the release it is, for a reader and for Dependabot.
PINNED_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s+\S+@[0-9a-f]{40} # v\d+(?:\.\d+){0,2}\s*$")


@pytest.fixture(scope="module")
def text() -> str:
    return WORKFLOW.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def workflow(text: str) -> dict[str, Any]:
    return yaml.safe_load(text)


def jobs(workflow: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return workflow["jobs"]


def steps(workflow: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(name, step) for name, job in jobs(workflow).items() for step in job.get("steps", [])]


def job_using(workflow: dict[str, Any], action: str) -> tuple[str, dict[str, Any]]:
    found = [
        (name, job)
        for name, job in jobs(workflow).items()
        if any(step.get("uses", "").startswith(f"{action}@") for step in job.get("steps", []))
    ]
    assert len(found) == 1, f"{action} should be used by exactly one job, not {[name for name, _ in found]}"
    return found[0]


def step_using(workflow: dict[str, Any], action: str) -> dict[str, Any]:
    found = [step for _, step in steps(workflow) if step.get("uses", "").startswith(f"{action}@")]
    assert len(found) == 1, f"{action} should be used once"
    return found[0]


def test_it_runs_on_a_push_to_main_and_by_hand(workflow: dict[str, Any]):
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert set(triggers) == {"push", "workflow_dispatch"}
    assert triggers["push"] == {"branches": ["main"]}


def test_every_action_is_pinned_to_a_full_commit_sha_with_its_release_in_a_comment(workflow: dict[str, Any], text: str):
    uses = [step["uses"] for _, step in steps(workflow) if "uses" in step]
    assert uses, "the workflow uses no action at all"
    for use in uses:
        assert PINNED.match(use), f"not pinned to a 40-hex commit SHA: {use}"
    lines = [line for line in text.splitlines() if re.match(r"^\s*(?:-\s+)?uses:", line)]
    assert len(lines) == len(uses)
    for line in lines:
        assert PINNED_LINE.match(line), f"a pinned action names its release in a comment (# vX.Y.Z): {line.strip()}"
    # No job calls a reusable workflow by a movable reference either.
    for name, job in jobs(workflow).items():
        assert "uses" not in job or PINNED.match(job["uses"]), name


def test_the_token_has_no_permission_by_default(workflow: dict[str, Any]):
    assert "permissions" in workflow, "without a top-level permissions key every job gets the default token scopes"
    assert workflow["permissions"] in ({}, {"contents": "read"})


def test_only_the_deploy_job_may_write_and_it_may_write_only_pages(workflow: dict[str, Any]):
    name, deploy = job_using(workflow, "actions/deploy-pages")
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    for other, job in jobs(workflow).items():
        if other == name:
            continue
        assert "permissions" in job, f"job {other} should say what it needs"
        assert set(job["permissions"].values()) <= {"read", "none"}, f"job {other} may write: {job['permissions']}"


def test_one_publication_at_a_time(workflow: dict[str, Any]):
    assert workflow["concurrency"]["group"] == "pages"
    assert workflow["concurrency"]["cancel-in-progress"] is False  # never cancel a deployment under way


def test_the_build_installs_the_pinned_requirements_on_python_3_11_and_builds_strictly(workflow: dict[str, Any]):
    build_name, build = job_using(workflow, "actions/upload-pages-artifact")
    build_steps = build["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in build_steps]

    setup = step_using(workflow, "actions/setup-python")
    assert str(setup["with"]["python-version"]) == "3.11"
    install = [step for step in build_steps if "pip install" in step.get("run", "")]
    assert len(install) == 1 and re.search(r"pip install\b.* -r requirements\.txt\b", install[0]["run"])

    strict = [step for step in build_steps if "mkdocs build --strict" in step.get("run", "")]
    assert len(strict) == 1, "the site is built with `mkdocs build --strict`"
    # site_url is the address GitHub Pages gives the site, read by configure-pages before the build.
    configure = step_using(workflow, "actions/configure-pages")
    assert configure.get("id"), "configure-pages needs an id for its outputs to be read"
    assert uses.index("actions/configure-pages") < build_steps.index(strict[0])
    site_url = strict[0]["env"]["SITE_URL"]
    assert re.fullmatch(r"\$\{\{\s*steps\." + re.escape(configure["id"]) + r"\.outputs\.base_url\s*\}\}/?", site_url)

    # What is uploaded is what mkdocs.yml builds, and it is uploaded after the build.
    site_dir = re.search(r"^site_dir:\s*(\S+)\s*$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    upload = step_using(workflow, "actions/upload-pages-artifact")
    assert upload["with"]["path"] == (site_dir.group(1) if site_dir else "site")
    assert build_steps.index(strict[0]) < build_steps.index(upload)
    assert uses.index("actions/checkout") == 0
    assert step_using(workflow, "actions/checkout")["with"]["persist-credentials"] is False
    needs = job_using(workflow, "actions/deploy-pages")[1]["needs"]
    assert build_name in ([needs] if isinstance(needs, str) else needs), "the deploy job waits for the build"

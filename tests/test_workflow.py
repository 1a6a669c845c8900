"""The GitHub Pages workflow (.github/workflows/pages.yml): the tests gate the deploy, pinned actions,
hashed packages, least permissions, a strict build.

GitHub cannot be reached from here, so the workflow is checked as data: what it runs, with which
actions at which commits, with which token permissions, and what it installs (the hashed requirement
files, checked against the exact pins they are made from).
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
MAKEFILE = ROOT / "Makefile"
# The exact pins, edited by hand, and the files `make requirements` hashes them into (what is installed).
HASHED = {"requirements.txt": "requirements-hashed.txt", "requirements-dev.txt": "requirements-dev-hashed.txt"}
EXACT_PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[A-Za-z0-9.+!-]+)\s*(?:#.*)?$")
HASHED_PIN = re.compile(r"^(?P<name>[a-z0-9][a-z0-9._-]*)==(?P<version>\S+)(?: ; [^\\]+)? \\$")
HASH = re.compile(r"^    --hash=sha256:[0-9a-f]{64}(?: \\)?$")


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


def step_using(workflow: dict[str, Any], action: str, job: str | None = None) -> dict[str, Any]:
    found = [
        step for name, step in steps(workflow) if step.get("uses", "").startswith(f"{action}@") and job in (None, name)
    ]
    assert len(found) == 1, f"{action} should be used once" + (f" in job {job}" if job else "")
    return found[0]


def job_running(workflow: dict[str, Any], command: str) -> tuple[str, dict[str, Any]]:
    found = [
        (name, job)
        for name, job in jobs(workflow).items()
        if any(command in step.get("run", "").splitlines() for step in job.get("steps", []))
    ]
    assert len(found) == 1, f"`{command}` should be run by exactly one job, not {[name for name, _ in found]}"
    return found[0]


def needs(job: dict[str, Any]) -> list[str]:
    return [job["needs"]] if isinstance(job.get("needs"), str) else job.get("needs", [])


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path: Path) -> dict[str, str]:
    """The exact pins of a requirements file and of those it includes (``-r``): name -> version."""
    found: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("-r "):
            found |= pins(path.parent / line.removeprefix("-r ").strip())
            continue
        pin = EXACT_PIN.match(line)
        assert pin, f"{path.name}: not an exact pin (name==version): {line}"
        found[normal(pin["name"])] = pin["version"]
    return found


def hashed(path: Path) -> dict[str, tuple[str, list[str]]]:
    """A hashed requirements file as uv writes it: name -> (version, its hash lines)."""
    found: dict[str, tuple[str, list[str]]] = {}
    current: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("    --hash="):
            assert HASH.match(line), f"{path.name}: {line}"
            current.append(line)
        elif line and not line.startswith(("#", "    #")):
            pin = HASHED_PIN.match(line)
            assert pin, f"{path.name}: not an exact pin followed by its hashes: {line}"
            current = []
            found[normal(pin["name"])] = (pin["version"], current)
    return found


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


def test_the_build_installs_the_hashed_requirements_on_python_3_11_and_builds_strictly(workflow: dict[str, Any]):
    build_name, build = job_using(workflow, "actions/upload-pages-artifact")
    build_steps = build["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in build_steps]

    setup = step_using(workflow, "actions/setup-python")
    assert str(setup["with"]["python-version"]) == "3.11"
    assert setup["with"]["cache-dependency-path"] == "requirements-hashed.txt"
    install = [step for step in build_steps if "pip install" in step.get("run", "")]
    assert len(install) == 1
    assert re.search(r"pip install\b.* --require-hashes -r requirements-hashed\.txt$", install[0]["run"].strip())

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
    assert step_using(workflow, "actions/checkout", build_name)["with"]["persist-credentials"] is False
    assert build_name in needs(job_using(workflow, "actions/deploy-pages")[1]), "the deploy job waits for the build"


def test_the_whole_suite_runs_on_debian_12_as_make_test_runs_it_there(workflow: dict[str, Any]):
    name, test = job_running(workflow, "make test")
    # Debian 12's image: its Python 3.11, and the Chromium that `make test` installs with apt as root.
    image = test["container"]["image"] if isinstance(test["container"], dict) else test["container"]
    assert image == "debian:bookworm"
    assert test["permissions"] == {"contents": "read"}
    assert test.get("timeout-minutes"), "a hung browser must not hold the runner until GitHub's time limit"
    run = [step.get("run", "").split() for step in test["steps"]]
    setup = next(words for words in run if "apt-get" in words and "install" in words)
    assert {"make", "python3", "python3-venv"} <= set(setup), "make test needs make and Debian's python3 with venv"
    uses = [step.get("uses", "").split("@")[0] for step in test["steps"]]
    checkout = uses.index("actions/checkout")
    assert run.index(["make", "test"]) > checkout, "the tests run on the checked-out commit"
    assert step_using(workflow, "actions/checkout", name)["with"]["persist-credentials"] is False
    # Nothing lets a failure through: the whole suite is one step, and it counts.
    assert not any(step.get("continue-on-error") for step in test["steps"]) and not test.get("continue-on-error")
    assert "if" not in test


def test_nothing_is_published_unless_the_tests_pass(workflow: dict[str, Any]):
    test_name, _ = job_running(workflow, "make test")
    build_name, _ = job_using(workflow, "actions/upload-pages-artifact")
    _, deploy = job_using(workflow, "actions/deploy-pages")
    assert set(needs(deploy)) == {test_name, build_name}, "the deploy job waits for the tests and the build"
    # An `if:` such as always() or failure() would deploy after failed tests; only success() may stand.
    assert deploy.get("if") in (None, "success()", "${{ success() }}")


def test_every_requirement_is_pinned_exactly_and_the_hashed_files_hash_exactly_those_pins():
    for pinned, hashed_name in HASHED.items():
        expected = pins(ROOT / pinned)
        found = hashed(ROOT / hashed_name)
        assert {name: version for name, (version, _) in found.items()} == expected, (
            f"{hashed_name} is not made from the pins of {pinned}: run `make requirements`"
        )
        for name, (version, hashes) in found.items():
            assert hashes, f"{hashed_name}: {name}=={version} has no hash"
        header = (ROOT / hashed_name).read_text(encoding="utf-8").splitlines()[:2]
        assert header == ["# This file was autogenerated by uv via the following command:", "#    make requirements"]
    assert set(pins(ROOT / "requirements.txt").items()) <= set(pins(ROOT / "requirements-dev.txt").items())


def test_packages_are_installed_only_by_their_hashes(workflow: dict[str, Any]):
    installs = [step["run"] for _, step in steps(workflow) if "pip install" in step.get("run", "")]
    assert installs
    for run in installs:
        assert "--require-hashes" in run and re.search(r" -r requirements(?:-dev)?-hashed\.txt\b", run), run
    # `make test`, which the test job runs, sets up .venv from the hashed file too.
    makefile = MAKEFILE.read_text(encoding="utf-8")
    make_installs = [line.strip() for line in makefile.splitlines() if "pip install" in line]
    project = [line for line in make_installs if "$(UV)" not in line]  # $(UV): the hashing tool, in a throwaway venv
    assert project and all(re.search(r"--require-hashes -r requirements-dev-hashed\.txt$", line) for line in project)
    assert re.search(r"^\$\(STAMP\): requirements-dev-hashed\.txt$", makefile, re.M), "a new hash re-installs .venv"


def test_a_make_target_refreshes_the_hashed_files_with_a_standard_tool():
    makefile = MAKEFILE.read_text(encoding="utf-8")
    recipe = re.search(r"^requirements:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert recipe, "make requirements refreshes the hashed files"
    assert re.search(r"^UV := uv==\d+\.\d+\.\d+$", makefile, re.M), "the tool itself is pinned exactly"
    body = recipe.group(1)
    assert (
        'uv" pip compile' in body
        and "--generate-hashes" in body
        and '--custom-compile-command "make requirements"' in body
    )
    # Each file of exact pins, into the hashed file of HASHED.
    assert "for pins in requirements requirements-dev;" in body and "--output-file $$pins-hashed.txt $$pins.txt" in body
    assert all(hashed_name == pinned.replace(".txt", "-hashed.txt") for pinned, hashed_name in HASHED.items())


def test_an_edition_with_placeholders_or_stubs_is_not_published(workflow: dict[str, Any]):
    """`make edition` writes placeholders and stubs that build; the workflow refuses them before it builds."""
    _, build = job_using(workflow, "actions/upload-pages-artifact")
    runs = [step.get("run", "").strip() for step in build["steps"]]
    check = runs.index("python scripts/work_left.py")
    assert check < next(i for i, run in enumerate(runs) if "mkdocs build --strict" in run)
    assert not any(step.get("continue-on-error") for step in build["steps"])

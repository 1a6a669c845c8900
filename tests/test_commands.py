"""The project's commands behave like tools: every script answers ``--help`` with its usage, and a
publishable build asks for the site's address instead of writing localhost into it.

A script is a file in scripts/ that is run (it has a ``__main__`` block); the others there are modules
the scripts and tests import, and are checked to be imported, so no command goes untested.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config

import chromium
import tls_host
from paths import ROOT

SCRIPTS = ROOT / "scripts"
GZIP_SERVER = ROOT / "tests" / "gzip_server.py"  # a helper of the tests and bench-site, also run alone
RUN = re.compile(r'^if __name__ == "__main__":', re.M)
COMMANDS = sorted(path.name for path in SCRIPTS.glob("*.py") if RUN.search(path.read_text(encoding="utf-8")))
MODULES = sorted(path.name for path in SCRIPTS.glob("*.py") if path.name not in COMMANDS)


def run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(arg) for arg in args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False
    )


def test_the_scripts_are_found():
    assert "bench_site.py" in COMMANDS and "build_offline.py" in COMMANDS
    assert "mkdocs_warnings.py" in MODULES


@pytest.mark.parametrize("script", COMMANDS)
def test_every_script_prints_its_usage_on_help_and_does_nothing_else(script: str):
    done = run(sys.executable, SCRIPTS / script, "--help")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"usage: {script} "), done.stdout
    assert "-h, --help" in done.stdout
    assert done.stderr == ""


def test_the_test_server_prints_its_usage_on_help():
    done = run(sys.executable, GZIP_SERVER, "--help")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: gzip_server.py ")


def test_ensure_chromium_answers_help_without_installing_anything():
    # With no Chromium at the path it is given, anything but --help would try to install one.
    done = run(SCRIPTS / "ensure-chromium", "--help", env={**os.environ, "CHROMIUM": "/nonexistent/chromium"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: scripts/ensure-chromium")
    assert "Installing" not in done.stdout + done.stderr


@pytest.mark.parametrize("module", MODULES)
def test_a_file_in_scripts_that_is_not_run_is_a_module_the_others_import(module: str):
    name = Path(module).stem
    imports = re.compile(rf"^\s*(?:from {name} import|import {name}\b)", re.M)
    users = [
        path
        for folder in (SCRIPTS, ROOT / "tests")
        for path in folder.rglob("*.py")
        if path.name != module and imports.search(path.read_text(encoding="utf-8"))
    ]
    assert users, f"scripts/{module} is neither run (no __main__ block) nor imported: make it a command or remove it"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "the following arguments are required: SITE_DIR"),
        (("edition.yml",), "is not a folder"),  # a file, not a built site
        (("docs", "not-a-port"), "invalid int value: 'not-a-port'"),
    ],
)
def test_the_server_refuses_what_it_cannot_serve_with_its_usage(args: tuple[str, ...], message: str):
    done = run(sys.executable, GZIP_SERVER, *args)
    assert done.returncode == 2
    assert done.stderr.startswith("usage: gzip_server.py ")
    assert message in done.stderr


def test_the_site_has_no_address_unless_one_is_given(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    assert load_config(str(ROOT / "mkdocs.yml"))["site_url"] is None
    monkeypatch.setenv("SITE_URL", "https://example.org/edm/")
    assert load_config(str(ROOT / "mkdocs.yml"))["site_url"] == "https://example.org/edm/"


def test_a_build_without_an_address_names_no_localhost_and_no_canonical_link(built_site: Path):
    pages = {path: path.read_text(encoding="utf-8") for path in built_site.rglob("*.html")}
    pages[built_site / "sitemap.xml"] = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    for path, text in pages.items():
        assert "127.0.0.1" not in text and "localhost" not in text, path
        if "SITE_URL" not in os.environ:
            assert 'rel="canonical"' not in text, path
            assert "<loc>http" not in text, path


def test_make_build_without_site_url_stops_before_building_and_says_how_to_give_it():
    env = {key: value for key, value in os.environ.items() if key not in {"SITE_URL", "MAKEFLAGS", "MAKELEVEL"}}
    # -o: the virtual environment is taken as it is; this checks the Makefile, not the install.
    done = run("make", "--no-print-directory", "-o", ".venv/.installed", "build", env=env)
    assert done.returncode != 0
    assert "make build SITE_URL=https://" in done.stderr
    assert "mkdocs build" not in done.stdout  # nothing was built, site/ is left as it was


def test_lighthouse_starts_chromium_as_the_browser_tests_do():
    # lighthouserc.json holds its own copy of the flags (LHCI reads them from there); bench-site names
    # the Chromium (chromium.PATH) on the command line. One flag more: its host's certificate is made
    # for the run (scripts/tls_host.py).
    settings = json.loads((ROOT / "lighthouserc.json").read_text(encoding="utf-8"))["ci"]["collect"]["settings"]
    name, _, value = chromium.OFFLINE.partition("=")
    assert settings["chromeFlags"] == " ".join([*chromium.FLAGS, tls_host.BROWSER_FLAG, f'{name}="{value}"'])

"""Shared fixtures: the repository's paths, the reference text, and one strict build of the site."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from paths import ROOT
from sitebuild import build_site


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole site, built once per test session with ``--strict`` into a temporary folder."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    return build_site(ROOT, tmp_path_factory.mktemp("site"))

"""Where the repository, its edition's manifest and reference text are, for tests and fixtures alike.

``EDITION``, ``REFERENCE`` and ``DATA`` are the live edition's, for the tests of this edition
(``tests/edition/``); the generic tests read the fixture edition instead (``fixturesite``)."""

from __future__ import annotations

from pathlib import Path

from edm_site.manifest import load_edition

ROOT = Path(__file__).resolve().parent.parent
EDITION = load_edition(ROOT)  # edition.yml: the article, its slug and themes
REFERENCE = EDITION.reference
DATA = ROOT / "hooks" / "data"
FIXTURES = ROOT / "tests" / "fixtures"  # what the generic tests run on
TEMPLATES = ROOT / "hooks" / "templates"  # the hooks' templates: the project's code
ASSETS = ROOT / "docs" / "assets"  # the site's stylesheet and scripts: the project's code, not the article's

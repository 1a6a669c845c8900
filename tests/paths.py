"""Where the repository, its edition's manifest and reference text are, for tests and fixtures alike."""

from __future__ import annotations

from pathlib import Path

from edm_site.manifest import load_edition

ROOT = Path(__file__).resolve().parent.parent
EDITION = load_edition(ROOT)  # edition.yml: the article, its slug and themes
REFERENCE = EDITION.reference
DATA = ROOT / "hooks" / "data"

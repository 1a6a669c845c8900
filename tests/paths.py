"""Where the repository and its reference text are, for tests and fixtures alike."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "reference" / "edm-14-65.txt"
DATA = ROOT / "hooks" / "data"

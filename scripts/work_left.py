"""List what the edition still lacks (placeholders of ours, stubs in the data); exit 1 if anything.

    .venv/bin/python scripts/work_left.py        (make publishable)

The publishing workflow runs it before it deploys: an edition written by `make edition` builds
and previews at once, but is not published until every placeholder is written and every stub
researched.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from edm_site.work_left import work_left  # noqa: E402  (the hooks' package)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the project (default: this one)")
    root = parser.parse_args(argv).root.resolve()
    left = work_left(root, root / "docs", root / "hooks" / "data", root / "includes" / "abbreviations.md")
    for item in left:
        print(item)
    print(f"{len(left)} placeholders and stubs left" if left else "No placeholder or stub left: ready to publish")
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main())

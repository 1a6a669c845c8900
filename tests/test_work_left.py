"""Work left in an edition: placeholders of ours and stubs in the data, each with file and line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from edm_site.work_left import data_stubs, glossary_stubs, placeholders, work_left
from paths import ROOT

PAGE = """\
---
title: The talks
---

# The talks

<p class="ours edm-summary edm-placeholder" markdown><span class="edm-ours-label">To write</span> A summary.</p>

<p class="ours edm-note" markdown><span class="edm-ours-label">Editors’ note</span> Done.</p>
"""

OUTLETS = """\
# A header.

- id: kommersant
  name: Kommersant

- id: interfax
  name: Interfax
  stub: true
  homepage: null
"""


def test_a_placeholder_is_named_with_its_line_and_what_to_write() -> None:
    assert placeholders("docs/the-talks.md", PAGE) == ["docs/the-talks.md:7: placeholder: A summary."]


def test_a_stub_entry_is_named_at_the_line_where_it_starts() -> None:
    assert data_stubs("hooks/data/outlets.yml", OUTLETS) == [
        "hooks/data/outlets.yml:6: stub: interfax is not yet researched: fill in what is known, then remove stub: true"
    ]
    assert data_stubs("x.yml", OUTLETS.replace("stub: true", "stub: false")) == []


def test_a_glossary_stub_says_what_to_write() -> None:
    text = "*[US]: United States\n<!-- stub *[NATO]: what it stands for -->\n"
    assert glossary_stubs("includes/abbreviations.md", text) == [
        "includes/abbreviations.md:2: stub: NATO: write *[NATO]: what it stands for, in place of the comment"
    ]


def test_the_project_is_scanned_with_paths_relative_to_it(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "docs" / "the-talks.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "data" / "outlets.yml").write_text(OUTLETS, encoding="utf-8")
    left = work_left(tmp_path, tmp_path / "docs", tmp_path / "data", tmp_path / "missing.md")
    assert [item.split(": ")[0] for item in left] == ["docs/the-talks.md:7", "data/outlets.yml:6"]


def test_the_publishing_check_passes_on_a_finished_edition_and_fails_on_work_left(
    fixture_project: Path, tmp_path: Path
) -> None:
    # A finished edition: the fixture's. Not the live one, which may be a new edition with work left
    # (make edition), whose tests pass while it is written; the publishing workflow refuses it.
    script = ROOT / "scripts" / "work_left.py"
    done = subprocess.run(
        [sys.executable, str(script), "--root", str(fixture_project)], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout.strip()) == (0, "No placeholder or stub left: ready to publish")
    for folder in ("docs", "hooks/data", "includes"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
    left = subprocess.run(
        [sys.executable, str(script), "--root", str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert left.returncode == 1
    assert left.stdout.splitlines() == ["docs/index.md:7: placeholder: A summary.", "1 placeholders and stubs left"]

"""Build the real site (or a copy of it with changes) in-process, strictly, into a folder; and copy
the project's site sources, for a build of its own. The tests and the benchmarks use both."""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from mkdocs_warnings import collected


class BuildFailed(AssertionError):
    """The build stopped: on warnings under ``--strict``, or on an error; what it logged is the message."""


def build_site(project: Path, site_dir: Path, *, serve_url: str | None = None, **overrides: object) -> Path:
    """Build ``project`` into ``site_dir``; raise ``BuildFailed`` with every warning logged.

    With ``serve_url``, build as ``mkdocs serve`` does (drafts included)."""
    with collected() as messages:
        try:
            config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True, **overrides)
            build(config, serve_url=serve_url)
        except Abort as error:  # how MkDocs stops a build: strict warnings, or an error it has logged
            raise BuildFailed("\n".join(messages)) from error
    if messages:
        raise BuildFailed("\n".join(messages))
    return site_dir


def copy_project(source: Path, target: Path) -> Path:
    """A copy of the project's site sources (docs, hooks, overrides, includes, reference, mkdocs.yml and
    the edition's manifest), to build apart."""
    for name in ("docs", "hooks", "overrides", "includes", "reference"):
        shutil.copytree(source / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "edition.yml"):
        shutil.copy(source / name, target / name)
    return target


def changed_project(source: Path, target: Path, file: str, old: str, new: str) -> tuple[Path, int]:
    """A copy of the project with the first ``old`` in ``file`` replaced by ``new``, and the
    1-based line of the file (front matter included) where it stood."""
    project = copy_project(source, target)
    return project, change(project, file, old, new)


def change(project: Path, file: str, old: str, new: str) -> int:
    """The first ``old`` in ``file`` of ``project`` replaced by ``new``; the 1-based line where it stood."""
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{file} no longer holds {old!r}: update the test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1

"""MkDocs hook: the preview under ``mkdocs serve``, fast and never stuck.

Fast: MkDocs 1.6 looks for changed files every 0.5 s and compiles every theme template again on
each rebuild; together that is most of the time from saving a page to seeing it. Here the watcher
looks every 0.1 s, and compiled templates are kept in memory (``edm_site.bytecode``), which is
safe across rebuilds because Jinja recompiles any template whose source changed.

Never stuck: ``make serve`` is not strict, so a build with problems (a typo in a citation) still
completes, and every warning it logged is shown in the browser, on the pages it names, with a
count on the others (``edm_site.problems``, ``serve/edm-problems.js``); the page reloads with each
build, so the list empties when the problem is fixed. ``make build`` and CI stay strict. MkDocs
loads hook code once, so an edit under ``hooks/`` is shown as a problem too: restart to use it.

Nothing of a build's content is kept from one build to the next.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import shutil
from pathlib import Path
from typing import ClassVar

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from edm_site import problems
from edm_site.bytecode import BYTECODE

POLL_SECONDS = 0.1
HOOKS = Path(__file__).parent.parent
SERVE_ASSETS = HOOKS / "serve"  # the problem list's script and style: served, never published
FOLDER = "_edm"  # where they go in the served site, with problems.json


class _Collector(logging.Handler):
    """The warnings one build logs, as the terminal shows them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class _Serving:
    """Set by ``on_startup`` for ``mkdocs serve`` only: a plain build is left as it is."""

    collector: ClassVar[_Collector | None] = None
    code: ClassVar[dict[Path, float]] = {}  # the hooks' Python files as loaded, and when each last changed
    pages: ClassVar[dict[str, str]] = {}  # this build's pages: source (the-talks.md) -> address (the-talks/)


def on_startup(*, command: str, dirty: bool) -> None:
    if command != "serve":
        return
    _Serving.collector = _Collector()
    logging.getLogger("mkdocs").addHandler(_Serving.collector)
    _Serving.code = _hook_code()
    logging.getLogger("mkdocs.plugins.edm.preview").info(
        "Problems are shown in the browser too. Edits to hooks/ need a restart (Ctrl+C, then make serve)."
    )


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _Serving.collector is not None:
        _Serving.collector.messages.clear()
        config.watch.append(str(HOOKS))
    return config


def on_pre_build(*, config: MkDocsConfig) -> None:
    if _Serving.collector is None:
        return
    log = logging.getLogger("mkdocs.plugins.edm.preview")
    changed = sorted(path for path, mtime in _hook_code().items() if _Serving.code.get(path) != mtime)
    for path in changed:
        where = path.relative_to(HOOKS.parent).as_posix()
        log.warning(
            f"{where} changed since make serve started: MkDocs loads hook code once; "
            "stop it (Ctrl+C) and run make serve again to use the change"
        )


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.bytecode_cache = BYTECODE
    return env


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if _Serving.collector is None:
        return output
    script = html.escape(get_relative_url(f"{FOLDER}/edm-problems.js", page.url), quote=True)
    return output.replace("</body>", f'<script src="{script}" defer></script>\n</body>', 1)


def on_post_build(*, config: MkDocsConfig) -> None:
    if _Serving.collector is None:
        return
    folder = Path(config.site_dir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for asset in SERVE_ASSETS.iterdir():
        shutil.copyfile(asset, folder / asset.name)
    found = problems.problems(_Serving.collector.messages, _Serving.pages)
    build = dt.datetime.now(dt.UTC).isoformat()
    (folder / "problems.json").write_text(problems.report(found, build), encoding="utf-8")


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    # watchdog keeps the polling interval in its observer and in each emitter made so far (watchdog
    # 7.1, pinned): the paths MkDocs watches before this event, and those it adds after.
    server.observer._timeout = POLL_SECONDS
    for emitter in server.observer.emitters:
        emitter._timeout = POLL_SECONDS
    return server


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if _Serving.collector is not None:
        _Serving.pages = {f.src_uri: f.url for f in files.documentation_pages()}
    return files


def _hook_code() -> dict[Path, float]:
    return {path: path.stat().st_mtime for path in sorted(HOOKS.rglob("*.py"))}

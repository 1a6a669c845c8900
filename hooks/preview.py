"""MkDocs hook: a faster preview under ``mkdocs serve``.

MkDocs 1.6 looks for changed files every 0.5 s and compiles every theme template again on each
rebuild; together that is most of the time from saving a page to seeing it. Here the watcher
looks every 0.1 s, and compiled templates are kept in memory (``edm_site.bytecode``), which is
safe across rebuilds because Jinja recompiles any template whose source changed. Nothing of a
build's content is kept.
"""

from __future__ import annotations

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files

from edm_site.bytecode import BYTECODE

POLL_SECONDS = 0.1


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.bytecode_cache = BYTECODE
    return env


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    # watchdog keeps the polling interval in its observer and in each emitter made so far (watchdog
    # 7.1, pinned): the paths MkDocs watches before this event, and those it adds after.
    server.observer._timeout = POLL_SECONDS
    for emitter in server.observer.emitters:
        emitter._timeout = POLL_SECONDS
    return server

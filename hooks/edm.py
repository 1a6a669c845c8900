"""MkDocs hook: the edition's build, event by event. The one module mkdocs.yml registers.

Each event runs the steps that need it, in the order written here; the steps (``edm_steps``) only
route, and the work is in the pure package ``edm_site``. The order matters in three places: the
data and the reading of every page come first (``load``), since every other step renders from
them; the paragraph markers become links last among the Markdown steps (``numbering``), after the
others have read them; and the Content-Security-Policy is written last of all (``policy``), over
each page's final scripts.
"""

from __future__ import annotations

from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from edm_steps import (
    abbreviating,
    apparatus,
    head_meta,
    linking,
    load,
    numbering,
    policy,
    serving,
    table_markup,
    unlinked,
    whos_who,
)


def on_startup(*, command: str, dirty: bool) -> None:
    serving.on_startup(command=command, dirty=dirty)
    policy.on_startup(command=command, dirty=dirty)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    for step in (load, abbreviating, table_markup, head_meta, serving):
        config = step.on_config(config)
    return config


def on_pre_build(*, config: MkDocsConfig) -> None:
    serving.on_pre_build(config=config)


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    files = load.on_files(files, config=config)
    return serving.on_files(files, config=config)


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    return load.on_nav(nav, config=config, files=files)


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    return serving.on_env(env, config=config, files=files)


def on_page_read_source(*, page: Page, config: MkDocsConfig) -> str | None:
    return numbering.on_page_read_source(page=page, config=config)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    for step in (load, linking, apparatus, whos_who, abbreviating, numbering):
        markdown = step.on_page_markdown(markdown, page=page, config=config, files=files)
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return unlinked.on_page_content(html, page=page, config=config, files=files)


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    return head_meta.on_page_context(context, page=page, config=config, nav=nav)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    output = serving.on_post_page(output, page=page, config=config)
    return policy.on_post_page(output, page=page, config=config)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    return policy.on_post_template(output_content, template_name=template_name, config=config)


def on_post_build(*, config: MkDocsConfig) -> None:
    load.on_post_build(config=config)
    serving.on_post_build(config=config)


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    return serving.on_serve(server, config=config, builder=builder)

"""MkDocs hook: the site's data and the one reading of its pages, for every other hook.

At each build it loads the data files (``data/``, ``includes/abbreviations.md``) and, once the
navigation is known, reads every page: paragraphs, citations, and every content problem, which it
reports as a warning with page and line so that ``mkdocs build --strict`` fails. It must be the
first hook: the others render from what it read. The work is in ``edm_site.reading``.

A file of ``docs/`` that cannot be read (a link to nothing, a loop of links) stops the build in
``on_files``, named with the fix, before MkDocs trips over it; front matter the reading refused
(aliases, markup in a title) is kept from the theme, which writes it into the page unescaped.
"""

from __future__ import annotations

import errno
import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from edm_site import build, templates
from edm_site.datafile import DataFileError
from edm_site.manifest import Edition, load_edition, page_problems
from edm_site.reading import ALL_KEYS, PageSource, read_site
from edm_site.sitedata import load_data
from edm_site.work_left import work_left

log = logging.getLogger("mkdocs.plugins.edm.site")


def data_folder(config: MkDocsConfig) -> Path:
    """The project's data, beside its mkdocs.yml: the project's own, whichever copy of this code runs."""
    return Path(config.config_file_path).parent / "hooks" / "data"


def templates_folder(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / "hooks" / "templates"


def glossary_file(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / "includes" / "abbreviations.md"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    try:
        edition = load_edition(root)
        data = load_data(data_folder(config), glossary_file(config), edition.published)
    except DataFileError as error:
        raise PluginError(str(error)) from None
    build.begin(build.Build(data, templates.environment(templates_folder(config)), edition))
    config.nav = with_themes(config.nav, edition)
    watched = (data_folder(config), templates_folder(config), glossary_file(config).parent, edition.path)
    config.watch.extend(str(path) for path in watched)
    return config


def with_themes(nav: list | None, edition: Edition) -> list | None:
    """The navigation with the manifest's themes after its first entry (the overview)."""
    if nav is None:
        return None
    themes = [theme.page for theme in edition.themes]
    rest = [item for item in nav if not (isinstance(item, dict) and any(v in themes for v in item.values()))]
    return [*rest[:1], *edition.nav(), *rest[1:]]


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if (loop := folder_loop(config.docs_dir)) is not None:
        raise PluginError(loop)
    for file in files:
        if file.abs_src_path and (why := unreadable_file(file.abs_src_path)) is not None:
            raise PluginError(f"{Path(config.docs_dir).name}/{file.src_uri}: cannot be read ({why})")
    return files


def folder_loop(docs_dir: str) -> str | None:
    """A link in ``docs_dir`` to a folder that holds it, which MkDocs follows again and again, or None."""
    root = Path(docs_dir)
    for folder, names, _ in os.walk(docs_dir):  # links are not followed here
        for name in names:
            path = Path(folder, name)
            if path.is_symlink() and Path(folder).resolve().is_relative_to(path.resolve()):
                where = f"{root.name}/{path.relative_to(root).as_posix()}"
                return (
                    f"{where}: is a link to {os.readlink(path)!r}, a folder that holds it, which MkDocs would read "
                    "inside itself again and again: remove the link"
                )
    return None


def unreadable_file(path: str) -> str | None:
    """Why a file of ``docs/`` cannot be read, with the fix, or None."""
    try:
        with open(path, "rb"):
            return None
    except OSError as error:
        if error.errno == errno.ELOOP:
            return f"{error.strerror}: it is a link that leads back to itself: remove it or give it its target"
        if os.path.islink(path):
            target = os.readlink(path)
            return f"{error.strerror}: it is a link to {target!r}, which leads nowhere: remove it or restore its target"
        return f"{error.strerror}: give it read permission, or remove it"


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    # The navigation's pages in its order, then the pages it leaves out (MkDocs builds them too).
    listed = {page.file.src_uri for page in nav.pages}
    unlisted = [f.page for f in files.documentation_pages() if f.src_uri not in listed and f.page is not None]
    pages = [PageSource(p.file.src_uri, p.title, _source(p)) for p in [*nav.pages, *unlisted]]
    reading = read_site(pages, build.current().data, templates_folder(config))
    for problem in [*reading.problems, *page_problems(build.current().edition, reading.article.pages)]:
        log.warning(problem)
    build.current().reading = reading
    return nav


def on_post_build(*, config: MkDocsConfig) -> None:
    # Work left is news, not a fault: the build passes, so an editor can preview a new edition at once.
    root = Path(config.config_file_path).parent
    left = work_left(root, Path(config.docs_dir), data_folder(config), glossary_file(config))
    for item in left:
        log.info(f"work left: {item}")
    if left:
        log.info(f"{len(left)} placeholders and stubs left: the publishing workflow refuses the edition until none is")


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    unsafe = build.reading().unsafe_meta.get(page.file.src_uri, ())
    if unsafe == ALL_KEYS:
        page.meta = {}
    for key in unsafe:
        page.meta.pop(key, None)
    return markdown


def _source(page: Page) -> str:
    try:
        return page.file.content_string
    except OSError as error:
        raise PluginError(f"{page.file.src_uri}: cannot be read ({error.strerror}): restore it, or remove it") from None
    except UnicodeDecodeError:
        raise PluginError(f"{page.file.src_uri}: is not UTF-8 text: save the page as UTF-8") from None

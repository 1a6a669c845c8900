"""Build the offline edition: the site for reading from disk (file://), zipped, with no network at all.

    .venv/bin/python scripts/build_offline.py site-offline.zip [--site-dir site-offline]

The site is built strictly with ``OFFLINE=true``, which turns on Material's offline plugin (see
mkdocs.yml). That plugin sets ``use_directory_urls: false`` (pages become ``diplomacy.html``, so links
work from a folder), writes the search index as a script (``search/search_index.js``) that the search
loads from ``file://`` where it cannot fetch JSON, and adds the iframe-worker shim, which runs the
search worker in a hidden iframe where Chromium forbids a Worker from ``file://``. The plugin would
load that shim from a CDN (unpkg.com): this script ships the vendored copy in
``scripts/vendor/iframe-worker/`` with the site instead, so that opening the edition fetches nothing.
Instant navigation (``navigation.instant``, ``navigation.instant.progress``) is turned off, as
Material's documentation asks for offline use: it fetches pages, which ``file://`` forbids, and left
on under ``file://`` it stops Material from setting up the page's content, tooltips included. The
site uses no web fonts (``theme.font: false``).

Every page carries the site's Content-Security-Policy (``hooks/edm_steps/policy.py``), which holds under
``file://`` as it does on a server (Chromium lets ``'self'`` match the edition's own files) but for
one script: the shim writes an inline script into the iframe it runs the worker in, and that iframe
takes the page's policy. Its text names the worker's address, so each page's policy gets the hash of
the text for its own address (``iframe_worker_script``); nothing else is relaxed.

The build also drops ``site_url``: a canonical address would name pages (``…/diplomacy.html``) that
the published site, with directory URLs, does not have. And it leaves out what only a server uses:
``404.html`` and the sitemap. After the build, every page is checked for
an element that would load something from the network; there must be none.

The zip holds one folder, named by the edition's slug (``edition.yml``), with ``index.html`` at its top.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

from mkdocs_warnings import collected

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from edm_site import csp  # noqa: E402  (the hooks' package, beside the scripts)
from edm_site.manifest import load_edition  # noqa: E402

TOP_FOLDER = load_edition(ROOT).slug
SHIM_SOURCE = ROOT / "scripts" / "vendor" / "iframe-worker"
SHIM_PATH = "assets/javascripts/iframe-worker/shim.js"  # in the built site
# A fixed time for every zip entry (the earliest a zip can hold): the same pages give the same zip.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class OfflineBuildFailed(RuntimeError):
    """The offline build stopped, or produced a page that would reach the network."""


@contextmanager
def _env(**values: str) -> Iterator[None]:
    """Set environment variables for the duration (mkdocs.yml reads ``!ENV`` while it loads)."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def build_site(site_dir: Path) -> Path:
    """Build the offline site strictly into ``site_dir`` (MkDocs empties it first); return ``site_dir``."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    with collected() as messages:
        try:
            with _env(OFFLINE="true", NO_MKDOCS_2_WARNING="1"):
                config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
            config["site_url"] = None  # no canonical addresses (load_config ignores an override of None)
            offline = config.plugins.get("material/offline")
            if offline is None or not offline.config.enabled:
                raise OfflineBuildFailed("mkdocs.yml does not enable Material's offline plugin with OFFLINE=true")
            # Instant navigation cannot work from disk (it fetches pages), and Material's documentation says to
            # turn it off for offline use; the offline plugin does not. Left on, Material 9.8 ends its stream of
            # documents at once under file:// (instant navigation gives it an empty stream there), so the
            # content's components never mount: no tooltips, among others.
            features = config.theme["features"]
            features[:] = [feature for feature in features if not feature.startswith("navigation.instant")]
            # Material's offline plugin adds the iframe-worker shim from unpkg.com unless a polyfill named
            # iframe-worker is there already: name the copy this script puts in the site.
            polyfills = [url for url in config.extra.get("polyfills", []) if "iframe-worker" not in url]
            config.extra["polyfills"] = [*polyfills, SHIM_PATH]
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except Abort as error:  # how MkDocs stops a build: strict warnings, or an error it has logged
            raise OfflineBuildFailed("the offline build failed:\n  " + "\n  ".join(messages)) from error
    if messages:
        raise OfflineBuildFailed("the offline build warned:\n  " + "\n  ".join(messages))

    # What only a server uses: 404.html (its links start at the server's root) and the sitemap (for
    # crawlers and instant navigation; empty anyway without site_url).
    for name in ("404.html", "sitemap.xml", "sitemap.xml.gz"):
        (site_dir / name).unlink(missing_ok=True)
    shim = site_dir / SHIM_PATH
    shim.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SHIM_SOURCE / "shim.js", shim)
    shutil.copyfile(SHIM_SOURCE / "LICENSE", shim.parent / "LICENSE")
    allow_iframe_worker(site_dir, shim.read_text(encoding="utf-8"))

    problems = [problem for page in sorted(site_dir.rglob("*.html")) for problem in network_references(page, site_dir)]
    if not (site_dir / "search" / "search_index.js").is_file():
        problems.append("search/search_index.js is missing: the search would not work from disk")
    if problems:
        raise OfflineBuildFailed("the offline site would reach the network:\n  " + "\n  ".join(problems))
    return site_dir


_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.DOTALL)
_TEMPLATE = re.compile(r"<script>(.*?)<\\/script>")  # the shim's inline script, in its template literal
_SUBSTITUTION = re.compile(r"\$\{(\w+)\}")


def iframe_worker_script(shim: str, worker_url: str) -> str:
    """The text of the inline script the iframe-worker ``shim`` writes into its iframe for the worker at
    ``worker_url``: its template, each ``${name}`` of a function of the shim replaced by the function's
    source (as JavaScript turns a function into text), the one other name by the worker's address."""
    template = _TEMPLATE.search(shim)
    if template is None:
        raise OfflineBuildFailed("the iframe-worker shim writes no inline script that this build recognises")
    functions = {name: _function_source(shim, name) for name in _SUBSTITUTION.findall(template.group(1))}
    others = {name for name, source in functions.items() if source is None}
    if len(others) != 1:
        raise OfflineBuildFailed(f"the iframe-worker shim's script names {sorted(others)}, not one worker address")
    return _SUBSTITUTION.sub(lambda match: functions[match.group(1)] or worker_url, template.group(1))


def _function_source(script: str, name: str) -> str | None:
    """The source of ``function name(...){...}`` in ``script`` (minified: no brace in its strings)."""
    start = script.find(f"function {name}(")
    if start < 0:
        return None
    depth = 0
    for end in range(script.index("{", start), len(script)):
        depth += {"{": 1, "}": -1}.get(script[end], 0)
        if depth == 0:
            return script[start : end + 1]
    raise OfflineBuildFailed(f"the iframe-worker shim's function {name} does not end")


def allow_iframe_worker(site_dir: Path, shim: str) -> None:
    """Allow, in the policy of each page that runs the search, the script the shim writes for its worker."""
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        config = _CONFIG.search(text)
        if config is None:
            continue
        worker = json.loads(config.group(1))["search"]  # as Material passes it to the worker
        allowed = csp.allowing(text, [csp.script_hash(iframe_worker_script(shim, worker))])
        page.write_text(allowed, encoding="utf-8")


# Elements and attributes through which a page loads something by itself (links a reader follows aside).
_LOADING = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "track": ("src",),
    "input": ("src",),
}
_LOADING_LINKS = {
    "stylesheet",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "icon",
    "manifest",
}


class _NetworkReferences(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        names = _LOADING.get(tag, ())
        if tag == "link" and _LOADING_LINKS & set(values.get("rel", "").lower().split()):
            names = ("href",)
        for name in names:
            if _is_remote(values.get(name, "")):
                self.found.append(f"<{tag} {name}={values[name]!r}>")
        if "url(" in values.get("style", "") and ("//" in values["style"]):
            self.found.append(f"<{tag} style={values['style']!r}>")


def _is_remote(url: str) -> bool:
    url = url.strip().lower()
    return url.startswith(("http:", "https:", "//", "ftp:", "ws:", "wss:"))


def network_references(page: Path, site_dir: Path) -> list[str]:
    """What in ``page`` would load from the network as the page opens."""
    parser = _NetworkReferences()
    parser.feed(page.read_text(encoding="utf-8"))
    return [f"{page.relative_to(site_dir)}: {found}" for found in parser.found]


def zip_site(site_dir: Path, out: Path, top: str = TOP_FOLDER) -> Path:
    """Zip ``site_dir`` into ``out`` under one folder ``top``, files in a stable order and time."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(site_dir.rglob("*")):
            name = f"{top}/{path.relative_to(site_dir).as_posix()}"
            if path.is_dir():
                continue
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    partial.replace(out)
    return out


def build_offline(out: Path, site_dir: Path | None = None) -> Path:
    """Build the offline edition and zip it into ``out``; keep the built folder in ``site_dir`` if given."""
    out = Path(out).resolve()
    if site_dir is not None:
        site_dir = Path(site_dir).resolve()
        if site_dir.exists():
            shutil.rmtree(site_dir)
        return zip_site(build_site(site_dir), out)
    with tempfile.TemporaryDirectory(prefix="edm-offline-") as temp:
        return zip_site(build_site(Path(temp) / TOP_FOLDER), out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("zip", type=Path, help="the zip to write, e.g. site-offline.zip")
    parser.add_argument("--site-dir", type=Path, help="also keep the built folder here (e.g. site-offline)")
    args = parser.parse_args(argv)
    try:
        out = build_offline(args.zip, args.site_dir)
    except OfflineBuildFailed as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    size = out.stat().st_size
    print(f"{out} ({size / 1024:.0f} KiB, {size} bytes): unzip it and open {TOP_FOLDER}/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark of the site as a reader gets it, against a plain Material site of the same pages.

    .venv/bin/python scripts/bench_site.py                        # what `make bench-site` runs
    .venv/bin/python scripts/bench_site.py --pages /,/syria/ --skip-lighthouse
    .venv/bin/python scripts/bench_site.py --json bench/results/site.json

Two sites are built into a temporary folder, each served on 127.0.0.1 by ``gzip_server`` (gzip for
text, as a real host serves it):

    site      the project as published: ``mkdocs build --strict`` of mkdocs.yml
    baseline  the same docs/*.md and theme settings with none of ours: no hooks, no extra_css or
              extra_javascript, no theme overrides (custom_dir); the ``<!-- edm:... -->`` shortcodes
              stay comments. Built without --strict: links to anchors the hooks make are dangling.

Then, for every page:

1. Bytes. Headless Chromium (Playwright) loads the page in a fresh context, waits for the network to
   go idle and for the search index (the search box is focused), and records every response: its
   body as sent (gzip where the server compressed it) and decoded, by type. "Ours" is what the page
   loads of our own CSS and JS (docs/assets/*.css|js, extra_css, extra_javascript). Target: at most
   10 kB (10,000 bytes) of ours, compressed, per page.
2. Lighthouse 12 (package-lock.json pins it; `npm ci` installs it in node_modules/ when missing),
   mobile (its default) and desktop (its desktop preset), one run each for the site and the baseline,
   interleaved, in a fresh Chromium each (Debian's, ``CHROMIUM`` overrides, with the flags of
   scripts/chromium.py: no host name resolving but 127.0.0.1). The runs go through
   scripts/lighthouse_batch.mjs, Lighthouse's Node API in one process: the same runs as
   `node_modules/.bin/lighthouse URL --output=json --quiet [--preset=desktop]`, without the ~4 s per
   run the CLI spends starting (--lighthouse-cli runs the CLI instead). Not run: the full-page
   screenshot and the bf-cache audit (weight 0). A run that fails is retried once; a site run below
   its performance target is run twice more, and the median of the three scores counts (all are
   shown). Targets: accessibility, best practices and SEO 100 on every page; performance 100 on
   desktop, at least 95 on mobile.
3. `mkdocs serve` reload time, on a temporary copy of the project (and of the baseline, for
   comparison): a word is appended to a paragraph of docs/syria.md, and the time from the write to
   /syria/ showing it in the browser (MkDocs' livereload reloads the page) is measured, several
   times, with what the server logged and the CPU time it used. Target: median within 1 s.

Lighthouse scores and timings depend on the machine's load: the load average is printed with them.
Exit status: 0 when everything was measured (targets may FAIL: see --check), 1 on an error.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import queue
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

import yaml
from mkdocs.utils.yaml import get_yaml_loader
from playwright.sync_api import Browser, Page, Playwright, Request, sync_playwright

import chromium
from gzip_server import gzip_bytes, serve
from sitebuild import copy_project

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"
CHROMIUM = chromium.PATH
CHROME_FLAGS = ["--headless=new", *chromium.FLAGS]
OFFLINE_FLAG = chromium.OFFLINE
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_TIMEOUT_S = 180
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CATEGORY_SHORT = {"performance": "perf", "accessibility": "a11y", "best-practices": "bp", "seo": "seo"}
PRESETS = ("mobile", "desktop")
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "SI",
}
TARGETS = {  # (category, preset) -> the lowest passing score (0-100)
    ("performance", "desktop"): 100,
    ("performance", "mobile"): 95,
    **{(category, preset): 100 for category in CATEGORIES[1:] for preset in PRESETS},
}
OURS_LIMIT = 10_000  # bytes of our own CSS and JS per page, compressed
RELOAD_LIMIT_S = 1.0
RELOAD_PAGE = "syria"
KINDS = ("HTML", "CSS", "JS", "search index", "fonts", "images", "other")
VIEWPORT = {"width": 1280, "height": 800}


def log(message: str) -> None:
    print(f"# {message}", file=sys.stderr, flush=True)


def load_average() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def kb(n: float) -> str:
    return f"{n / 1000:.1f}"


# --- the two sites ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Relative:
    """A ``!relative`` tag of mkdocs.yml as written (``$config_dir/...``, ``$docs_dir/...`` or none)."""

    value: str

    def resolved(self, config_dir: Path) -> str | Relative:
        """``$config_dir`` made a path (the baseline's config lives elsewhere); the others as they are."""
        if self.value.startswith("$config_dir"):
            return str(config_dir) + self.value.removeprefix("$config_dir")
        return self


class ConfigLoader(get_yaml_loader()):  # MkDocs' loader (!ENV), with !relative kept for writing back
    pass


class ConfigDumper(yaml.SafeDumper):
    pass


ConfigLoader.add_constructor("!relative", lambda loader, node: Relative(loader.construct_scalar(node)))
ConfigDumper.add_representer(Relative, lambda dumper, tag: dumper.represent_scalar("!relative", tag.value))


def read_config(path: Path) -> dict:
    """mkdocs.yml as MkDocs reads it (!ENV resolved, !relative kept)."""
    with path.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=ConfigLoader) or {}


def resolve_relative(value: object, config_dir: Path) -> object:
    if isinstance(value, Relative):
        return value.resolved(config_dir)
    if isinstance(value, dict):
        return {k: resolve_relative(v, config_dir) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve_relative(v, config_dir) for v in value]
    return value


def our_asset_paths(config: dict) -> set[str]:
    """Site paths (``assets/edm.css``) of our own CSS and JS: docs/assets/*.css|js, extra_css, extra_javascript."""
    docs = ROOT / config.get("docs_dir", "docs")
    paths = {
        str(p.relative_to(docs)).replace(os.sep, "/")
        for p in (docs / "assets").rglob("*")
        if p.is_file() and p.suffix in (".css", ".js", ".mjs")
    }
    for entry in [*config.get("extra_css", []), *config.get("extra_javascript", [])]:
        src = entry.get("path") if isinstance(entry, dict) else entry
        if src and not urllib.parse.urlsplit(str(src)).scheme:
            paths.add(str(src).lstrip("/"))
    return paths


def write_baseline_project(folder: Path, site_url: str) -> Path:
    """A plain Material project of the same pages: docs copied without our CSS/JS, config without ours."""
    config = read_config(CONFIG)
    ours = our_asset_paths(config)
    docs_src = ROOT / config.get("docs_dir", "docs")
    docs_dst = folder / "docs"
    shutil.copytree(docs_src, docs_dst, ignore=shutil.ignore_patterns("__pycache__"))
    for rel in ours:
        (docs_dst / rel).unlink(missing_ok=True)
    for key in ("hooks", "extra_css", "extra_javascript", "watch"):
        config.pop(key, None)
    theme = config.get("theme")
    if isinstance(theme, dict):
        theme.pop("custom_dir", None)
    # Built from the project's folder (see mkdocs_build): paths in extension settings, such as the
    # snippets' includes/, resolve as they do for the site.
    config.update(docs_dir=str(docs_dst), site_dir=str(folder / "site"), site_url=site_url, strict=False)
    path = folder / "mkdocs.yml"
    config = resolve_relative(config, CONFIG.parent)
    path.write_text(yaml.dump(config, Dumper=ConfigDumper, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def mkdocs_build(config_file: Path, site_dir: Path, *, strict: bool, site_url: str | None = None) -> float:
    env = dict(os.environ)  # NO_MKDOCS_2_WARNING is set at import
    if site_url:
        env["SITE_URL"] = site_url
    cmd = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--clean", "-f", str(config_file), "-d", str(site_dir)]
    if strict:
        cmd.insert(4, "--strict")
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"error: {' '.join(cmd)} failed:\n{done.stdout}{done.stderr}")
    return time.perf_counter() - start


def site_pages(site_dir: Path) -> list[str]:
    """Every page of a build as a path from the root (``/``, ``/syria/``), 404.html aside."""
    pages = []
    for index in site_dir.rglob("index.html"):
        rel = index.parent.relative_to(site_dir)
        pages.append("/" if str(rel) == "." else "/" + str(rel).replace(os.sep, "/") + "/")
    return sorted(pages, key=lambda p: (p != "/", p))


# --- 1. bytes -----------------------------------------------------------------------------------


@dataclass
class Resource:
    url: str
    kind: str
    status: int
    content_type: str
    encoding: str
    raw: int  # decoded body
    sent: int  # body as transferred (gzip where the server compressed it)
    ours: bool


@dataclass
class PageBytes:
    site: str
    page: str
    resources: list[Resource] = field(default_factory=list)

    def by_kind(self) -> dict[str, tuple[int, int]]:
        totals = {kind: (0, 0) for kind in KINDS}
        for r in self.resources:
            raw, sent = totals[r.kind]
            totals[r.kind] = (raw + r.raw, sent + r.sent)
        return totals

    @property
    def raw(self) -> int:
        return sum(r.raw for r in self.resources)

    @property
    def sent(self) -> int:
        return sum(r.sent for r in self.resources)

    def ours(self, suffix: str | None = None) -> tuple[int, int]:
        chosen = [r for r in self.resources if r.ours and (suffix is None or r.kind == suffix)]
        return sum(r.raw for r in chosen), sum(r.sent for r in chosen)


def kind_of(url: str, content_type: str) -> str:
    path = urllib.parse.urlsplit(url).path
    ctype = content_type.split(";")[0].strip().lower()
    if path.endswith("search_index.json"):
        return "search index"
    if ctype == "text/html":
        return "HTML"
    if ctype == "text/css":
        return "CSS"
    if "javascript" in ctype or path.endswith((".js", ".mjs")):
        return "JS"
    if ctype.startswith("font/") or path.endswith((".woff", ".woff2", ".ttf", ".otf")):
        return "fonts"
    if ctype.startswith("image/"):
        return "images"
    return "other"


def measure_bytes(browser: Browser, base_url: str, site: str, page_path: str, ours: set[str]) -> PageBytes:
    context = browser.new_context(viewport=VIEWPORT, color_scheme="light")
    context.set_default_timeout(20_000)
    finished: list[Request] = []
    failed: list[str] = []
    context.on("requestfinished", lambda r: finished.append(r))
    context.on("requestfailed", lambda r: failed.append(f"{r.url}: {r.failure}"))
    try:
        page = context.new_page()
        response = page.goto(urllib.parse.urljoin(base_url, page_path.lstrip("/")), wait_until="networkidle")
        if response is None or response.status != 200:
            raise SystemExit(f"error: {site} {page_path}: HTTP {response.status if response else '?'}")
        # Material fetches the search index at start-up; focusing the search box is what a reader does.
        with contextlib.suppress(Exception):
            page.focus("input.md-search__input", timeout=5_000)
            if not any(r.url.endswith("search_index.json") for r in finished):
                page.wait_for_event("requestfinished", lambda r: r.url.endswith("search_index.json"), timeout=5_000)
        page.wait_for_load_state("networkidle")
        result = PageBytes(site, page_path)
        for request in finished:
            resp = request.response()
            if resp is None:
                continue
            headers = resp.headers
            ctype = headers.get("content-type", "")
            encoding = headers.get("content-encoding", "")
            try:
                body = resp.body()
            except Exception:  # a redirect has no body to read
                body = b""
            sent = request.sizes()["responseBodySize"]
            if sent <= 0 and body:
                # Chromium reports no size for a worker's script: what the server sent is exactly this.
                sent = len(gzip_bytes(body)) if encoding == "gzip" else len(body)
            path = urllib.parse.urlsplit(request.url).path.lstrip("/")
            result.resources.append(
                Resource(
                    url=request.url,
                    kind=kind_of(request.url, ctype),
                    status=resp.status,
                    content_type=ctype,
                    encoding=encoding,
                    raw=len(body),
                    sent=sent,
                    ours=path in ours,
                )
            )
        if failed:
            log(f"{site} {page_path}: failed requests: {failed}")
        return result
    finally:
        context.close()


# --- 2. Lighthouse ------------------------------------------------------------------------------


@dataclass
class LighthouseRun:
    site: str
    page: str
    preset: str
    scores: dict[str, int | None] = field(default_factory=dict)
    # A site run below its performance target is run again: both performance scores, in order.
    perf_tries: list[int | None] = field(default_factory=list)
    error: str | None = None
    attempts: int = 0
    seconds: float = 0.0
    benchmark_index: float | None = None
    warnings: list[str] = field(default_factory=list)
    metrics: dict[str, str] = field(default_factory=dict)
    metric_values: dict[str, float] = field(default_factory=dict)  # ms, CLS unitless
    losing: dict[str, list[dict]] = field(default_factory=dict)  # category -> audits that lost points
    other_hosts: list[str] = field(default_factory=list)


def ensure_lighthouse() -> str:
    """node_modules/ as package-lock.json pins it (installed with `npm ci` when not); Lighthouse's version."""
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    wanted = {name: lock[f"node_modules/{name}"]["version"] for name in lock[""]["dependencies"]}

    def installed(name: str) -> str | None:
        pkg = ROOT / "node_modules" / name / "package.json"
        return json.loads(pkg.read_text(encoding="utf-8"))["version"] if pkg.is_file() else None

    if any(installed(name) != version for name, version in wanted.items()) or not LIGHTHOUSE.exists():
        npm = shutil.which("npm")
        if npm is None:
            raise SystemExit("error: Lighthouse needs Node.js and npm (Debian: apt-get install nodejs npm)")
        log(f"installing {', '.join(f'{n} {v}' for n, v in wanted.items())} with npm ci (node_modules/)")
        done = subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=ROOT, capture_output=True, text=True
        )
        if done.returncode != 0:
            raise SystemExit(f"error: npm ci failed:\n{done.stdout}{done.stderr}")
    return wanted["lighthouse"]


def detail_summary(details: dict | None, limit: int = 3) -> list[str]:
    """A few lines of an audit's details: the elements or resources that lost the points."""
    lines = []
    for item in (details or {}).get("items", [])[:limit]:
        if not isinstance(item, dict):
            continue
        node = item.get("node") if isinstance(item.get("node"), dict) else None
        if node:
            lines.append(f"{node.get('selector', '')}  {node.get('snippet', '')[:140]}".strip())
            explanation = node.get("explanation")
            if explanation:
                lines.append("  " + " ".join(explanation.split())[:200])
        elif "url" in item:
            extra = ", ".join(
                f"{k}={v:.0f}" if isinstance(v, (int, float)) else f"{k}={v}"
                for k, v in item.items()
                if k in ("wastedBytes", "wastedMs", "totalBytes", "transferSize", "duration")
            )
            lines.append(f"{item['url']} {extra}".strip())
        else:
            lines.append(json.dumps(item, ensure_ascii=False)[:200])
    return lines


def read_report(run: LighthouseRun, lhr: dict, origin: str) -> None:
    run.scores = {
        c: (round(lhr["categories"][c]["score"] * 100) if lhr["categories"][c]["score"] is not None else None)
        for c in CATEGORIES
        if c in lhr["categories"]
    }
    run.benchmark_index = lhr.get("environment", {}).get("benchmarkIndex")
    run.warnings = [" ".join(str(w).split())[:200] for w in lhr.get("runWarnings", [])]
    audits = lhr["audits"]
    for metric in METRICS:
        if metric in audits:
            a = audits[metric]
            run.metrics[metric] = f"{a.get('displayValue', '')} (score {a.get('score')})"
            if a.get("numericValue") is not None:
                run.metric_values[metric] = a["numericValue"]
    run.losing = {}
    for category in CATEGORIES:
        cat = lhr["categories"].get(category)
        if not cat:
            continue
        lost = []
        for ref in cat["auditRefs"]:
            audit = audits.get(ref["id"], {})
            score = audit.get("score")
            mode = audit.get("scoreDisplayMode")
            if (
                ref.get("weight", 0) <= 0
                or score is None
                or score >= 1
                or mode in ("notApplicable", "manual", "informative")
            ):
                continue
            lost.append(
                {
                    "id": ref["id"],
                    "title": audit.get("title", ""),
                    "score": score,
                    "weight": ref["weight"],
                    "displayValue": audit.get("displayValue", ""),
                    "details": detail_summary(audit.get("details")),
                }
            )
        if category == "performance":
            # Opportunities and insights with savings: weight 0, but they say where the time goes.
            for audit_id, audit in audits.items():
                savings = audit.get("metricSavings") or {}
                if audit.get("score") is not None and audit["score"] < 1 and any(v for v in savings.values()):
                    lost.append(
                        {
                            "id": audit_id,
                            "title": audit.get("title", ""),
                            "score": audit["score"],
                            "weight": 0,
                            "displayValue": audit.get("displayValue", ""),
                            "savings": {k: v for k, v in savings.items() if v},
                            "details": detail_summary(audit.get("details")),
                        }
                    )
        run.losing[category] = lost
    items = (audits.get("network-requests", {}).get("details") or {}).get("items", [])
    run.other_hosts = sorted(
        {
            i["url"]
            for i in items
            if isinstance(i, dict)
            and urllib.parse.urlsplit(i.get("url", "")).scheme in ("http", "https")
            and not i["url"].startswith(origin)
        }
    )


def end_chromium(profile_dir: Path) -> None:
    """End the Chromium processes that use a profile under ``profile_dir`` (ours: a run that hung).

    chrome-launcher starts Chromium in a session of its own, so ending Lighthouse does not end it.
    """
    marker = f"--user-data-dir={profile_dir}".encode()
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            args = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if any(arg.startswith(marker) for arg in args):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(int(proc.name), signal.SIGKILL)


def run_lighthouse_once(url: str, preset: str, out: Path) -> tuple[dict | None, str | None]:
    # Lighthouse splits --chrome-flags as a shell would: the rule's value is quoted, after its "=".
    name, _, value = OFFLINE_FLAG.partition("=")
    profile = out.with_suffix(".profile")
    flags = " ".join([*CHROME_FLAGS, f'{name}="{value}"', f"--user-data-dir={profile}"])
    cmd = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={out}",
        "--quiet",
        f"--chrome-flags={flags}",
        "--no-enable-error-reporting",  # no prompt, and no report sent anywhere
        f"--only-categories={','.join(CATEGORIES)}",
        # Not scored, and they cost time: the full-page screenshot and the back/forward cache check
        # (bf-cache has weight 0 in the performance category).
        "--disable-full-page-screenshot",
        "--skip-audits=bf-cache",
    ]
    if preset == "desktop":
        cmd.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    out.unlink(missing_ok=True)
    # Lighthouse in a session of its own, ended with its children on a time-out; its Chromium, which
    # chrome-launcher starts in another session, is found by its profile folder.
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        stdout, stderr = proc.communicate(timeout=LIGHTHOUSE_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        end_chromium(profile)
        proc.communicate()
        return None, f"timed out after {LIGHTHOUSE_TIMEOUT_S} s"
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if proc.returncode != 0 or not out.is_file():
        tail = (stderr or stdout).strip().splitlines()[-3:]
        return None, f"exit {proc.returncode}: {' | '.join(tail)}"
    try:
        lhr = json.loads(out.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        return None, f"unreadable report: {e}"
    if lhr.get("runtimeError"):
        return None, f"runtime error: {lhr['runtimeError'].get('code')}: {lhr['runtimeError'].get('message')}"
    return lhr, None


@dataclass
class Job:
    """One Lighthouse run to make: its report goes to ``out``."""

    id: int
    site: str
    page: str
    preset: str
    url: str
    out: Path
    error: str | None = None
    attempts: int = 0
    seconds: float = 0.0


def run_jobs_cli(jobs: list[Job]) -> None:
    """Each job by `node_modules/.bin/lighthouse` (a process and a Chromium per run); a failure is retried once."""
    for job in jobs:
        log(f"lighthouse (CLI) {job.site} {job.page} {job.preset}")
        start = time.perf_counter()
        for _ in range(2):
            job.attempts += 1
            lhr, job.error = run_lighthouse_once(job.url, job.preset, job.out)
            if lhr is not None:
                break
            log(f"lighthouse {job.site} {job.page} {job.preset}: {job.error}")
        job.seconds = time.perf_counter() - start


def run_jobs_batch(jobs: list[Job]) -> None:
    """Every job in one Node process (scripts/lighthouse_batch.mjs), which retries a failed run once.

    A run that hangs is cut off after LIGHTHOUSE_TIMEOUT_S (twice that, for its retry): the process
    is killed with its Chromium, and a new one goes on with the jobs left.
    """
    node = shutil.which("node")
    if node is None:
        raise SystemExit("error: Lighthouse needs Node.js (Debian: apt-get install nodejs)")
    flags = {
        "onlyCategories": list(CATEGORIES),
        "skipAudits": ["bf-cache"],
        "disableFullPageScreenshot": True,
    }
    pending = list(jobs)
    while pending:
        profiles = pending[0].out.parent / "profiles"
        payload = {
            "chromeFlags": [*CHROME_FLAGS, OFFLINE_FLAG],
            "flags": flags,
            "profileDir": str(profiles),
            "jobs": [{"id": j.id, "url": j.url, "preset": j.preset, "out": str(j.out)} for j in pending],
        }
        proc = subprocess.Popen(
            [node, str(ROOT / "scripts" / "lighthouse_batch.mjs")],
            cwd=ROOT,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            start_new_session=True,
        )
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(json.dumps(payload))
        proc.stdin.close()
        lines: queue.Queue[str | None] = queue.Queue()
        stdout = proc.stdout

        def read(stream=stdout, out=lines) -> None:
            for line in stream:
                out.put(line)
            out.put(None)

        threading.Thread(target=read, daemon=True).start()
        by_id = {j.id: j for j in pending}
        done: set[int] = set()
        for job in pending:
            log(f"lighthouse {job.site} {job.page} {job.preset}")
            try:
                line = lines.get(timeout=2 * LIGHTHOUSE_TIMEOUT_S)
            except queue.Empty:
                line = None
                job.error, job.attempts = f"no result within {2 * LIGHTHOUSE_TIMEOUT_S} s", 2
                done.add(job.id)
                log(f"lighthouse {job.site} {job.page} {job.preset}: {job.error}")
            if line is None:
                break
            result = json.loads(line)
            finished = by_id[result["id"]]
            finished.error, finished.attempts, finished.seconds = result["error"], result["attempts"], result["seconds"]
            if finished.error:
                log(f"lighthouse {finished.site} {finished.page} {finished.preset}: {finished.error}")
            done.add(finished.id)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        end_chromium(profiles)
        shutil.rmtree(profiles, ignore_errors=True)
        left = [j for j in pending if j.id not in done]
        if left and len(left) == len(pending):  # the runner died before its first result
            for job in left:
                job.error, job.attempts = "the Lighthouse runner exited without a result", 1
            break
        pending = left


def run_lighthouse(
    specs: list[tuple[str, str, str, str]], work: Path, keep: Path | None, *, cli: bool
) -> list[LighthouseRun]:
    """Lighthouse for every (site, base URL, page, preset); site runs below their performance target once more."""
    runner = run_jobs_cli if cli else run_jobs_batch
    reports = work / "lighthouse"
    reports.mkdir(exist_ok=True)

    def make_jobs(chosen: list[tuple[str, str, str, str]], round_: int) -> list[Job]:
        return [
            Job(
                i,
                site,
                page,
                preset,
                urllib.parse.urljoin(url, page.lstrip("/")),
                reports / f"{site}-{page.strip('/').replace('/', '_') or 'index'}-{preset}-{round_}.json",
            )
            for i, (site, url, page, preset) in enumerate(chosen)
        ]

    def read(job: Job, base_url: str) -> LighthouseRun:
        run = LighthouseRun(job.site, job.page, job.preset, error=job.error, attempts=job.attempts, seconds=job.seconds)
        if job.error is None:
            try:
                read_report(run, json.loads(job.out.read_text(encoding="utf-8")), base_url)
            except (OSError, ValueError, KeyError) as e:
                run.error = f"unreadable report: {e}"
            if keep:
                keep.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(job.out, keep / job.out.name)
        return run

    jobs = make_jobs(specs, 1)
    runner(jobs)
    runs = [read(job, spec[1]) for job, spec in zip(jobs, specs, strict=True)]

    # The performance score varies from run to run (a few points, more on a loaded machine): a site
    # run below its target is run twice more, and the run with the median performance score counts.
    slow = [
        i
        for i, run in enumerate(runs)
        if run.site == "site"
        and not run.error
        and (run.scores.get("performance") or 0) < TARGETS[("performance", run.preset)]
    ]
    if slow:
        again_specs = [specs[i] for i in slow] * 2
        again_jobs = make_jobs(again_specs, 2)
        for k, job in enumerate(again_jobs):  # the second repeat's reports apart from the first's
            job.out = job.out.with_name(job.out.name.replace("-2.json", f"-{2 + k // len(slow)}.json"))
        runner(again_jobs)
        again_runs = [read(job, spec[1]) for job, spec in zip(again_jobs, again_specs, strict=True)]
        for n, i in enumerate(slow):
            tries = [runs[i], *(r for r in (again_runs[n], again_runs[n + len(slow)]) if not r.error)]
            ranked = sorted(tries, key=lambda r: r.scores.get("performance") or 0)
            chosen = ranked[(len(ranked) - 1) // 2]  # the median of three (the lower of two)
            chosen.perf_tries = [r.scores.get("performance") for r in tries]
            chosen.attempts = sum(r.attempts for r in tries)
            chosen.seconds = sum(r.seconds for r in tries)
            runs[i] = chosen
    return runs


# --- 3. mkdocs serve ----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def append_marker(md: Path, marker: str) -> None:
    """Append a word to a paragraph of the page: our summary (not the article's words, which the site
    checks), else the first paragraph of the article on it, else its first line of prose."""
    lines = md.read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(lines):
        if 'class="ours' in line and line.rstrip().endswith("</p>"):
            lines[i] = line.rstrip().removesuffix("</p>") + f" {marker}</p>"
            break
    else:
        target = None
        for i, line in enumerate(lines):
            if line.startswith("<!-- edm:para") and i + 1 < len(lines) and lines[i + 1].strip():
                target = i + 1
                break
        if target is None:
            in_front_matter = lines[:1] == ["---"]
            for i, line in enumerate(lines):
                if in_front_matter:
                    in_front_matter = not (i > 0 and line == "---")
                    continue
                if line.strip() and line[0].isalpha():
                    target = i
                    break
        if target is None:
            raise SystemExit(f"error: no paragraph to edit in {md}")
        lines[target] = lines[target].rstrip() + f" {marker}"
    with md.open("w", encoding="utf-8") as f:
        f.write("\n".join(lines))


@dataclass
class ServeResult:
    times: list[float] = field(default_factory=list)  # write -> marker on the page, seconds
    # CPU seconds mkdocs serve used for the edit: what the rebuild costs, whatever the machine's load.
    cpu: list[float | None] = field(default_factory=list)
    # From the write, when mkdocs serve logged that it saw the change, and that it reloads the browsers
    # (after its 0.1 s wait for more changes and the build). Its "Documentation built in" line is no
    # use: MkDocs' log drops a message that repeats an earlier one, and the same time often does.
    detected: list[float | None] = field(default_factory=list)
    reloaded: list[float | None] = field(default_factory=list)
    startup: float = 0.0
    error: str | None = None


class ServeLog:
    """mkdocs serve's log lines, read in a thread, each with the time it arrived."""

    def __init__(self, stream) -> None:
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.all: list[str] = []
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream) -> None:
        for line in stream:
            self.all.append(line.rstrip())
            self.lines.put((time.perf_counter(), line.rstrip()))

    def drain(self) -> list[tuple[float, str]]:
        out = []
        with contextlib.suppress(queue.Empty):
            while True:
                out.append(self.lines.get_nowait())
        return out


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process so far (Linux), in seconds."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_for_marker(page: Page, marker: str, deadline: float) -> float | None:
    """Poll the page for the marker (the page reloads under us: errors while it does are expected)."""
    script = "m => !!document.body && document.body.innerText.includes(m)"
    while time.perf_counter() < deadline:
        try:
            if page.evaluate(script, marker):
                return time.perf_counter()
        except Exception:  # the context went away mid-reload
            pass
        time.sleep(0.01)
    return None


def measure_serve(playwright: Playwright, edits: int, site: str) -> ServeResult:
    """`mkdocs serve` of a temporary copy of the site's project (or of the baseline's), edited ``edits`` times."""
    result = ServeResult()
    with tempfile.TemporaryDirectory(prefix=f"edm-serve-{site}-") as tmp:
        project = Path(tmp)
        port = free_port()
        cmd = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"]
        if site == "site":  # as `make serve` runs it
            copy_project(ROOT, project)
            cmd.insert(4, "--strict")
            cwd = project
        else:
            config_file = write_baseline_project(project, f"http://127.0.0.1:{port}/")
            cmd += ["-f", str(config_file)]
            cwd = ROOT  # as its build: extension settings' paths resolve from the project
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1
        )
        serve_log = ServeLog(proc.stdout)
        url = f"http://127.0.0.1:{port}/{RELOAD_PAGE}/"
        browser = None
        try:
            while True:
                if proc.poll() is not None:
                    raise RuntimeError("mkdocs serve exited:\n" + "\n".join(serve_log.all[-20:]))
                if time.perf_counter() - start > 90:
                    raise RuntimeError("mkdocs serve did not answer within 90 s")
                try:
                    with urllib.request.urlopen(url, timeout=5) as r:
                        if r.status == 200:
                            break
                except (urllib.error.URLError, ConnectionError, TimeoutError):
                    time.sleep(0.1)
            result.startup = time.perf_counter() - start
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROME_FLAGS[1:], headless=True)
            page = browser.new_page()
            page.goto(url, wait_until="load")
            page.wait_for_timeout(500)  # livereload's long poll connects
            md = project / "docs" / f"{RELOAD_PAGE}.md"
            for i in range(edits):
                serve_log.drain()
                marker = f"benchmarker{i}x{os.getpid()}"
                cpu0 = cpu_seconds(proc.pid)
                t0 = time.perf_counter()
                append_marker(md, marker)
                seen = wait_for_marker(page, marker, t0 + 30)
                if seen is None:
                    raise RuntimeError(
                        f"edit {i + 1}: the marker did not show within 30 s:\n" + "\n".join(serve_log.all[-10:])
                    )
                result.times.append(seen - t0)
                page.wait_for_load_state("load")
                page.wait_for_timeout(400)  # let the server settle before the next edit
                detected = reloaded = None
                for at, line in serve_log.drain():
                    if "Detected file changes" in line and detected is None:
                        detected = at - t0
                    elif "Reloading browsers" in line and reloaded is None:
                        reloaded = at - t0
                cpu1 = cpu_seconds(proc.pid)
                result.cpu.append(cpu1 - cpu0 if cpu0 is not None and cpu1 is not None else None)
                result.detected.append(detected)
                result.reloaded.append(reloaded)
        except Exception as e:
            result.error = str(e)
        finally:
            if browser is not None:
                browser.close()
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    return result


# --- reporting ----------------------------------------------------------------------------------


def pass_fail(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def print_bytes(measured: list[PageBytes]) -> None:
    print("\n== 1. Bytes transferred per page (kB = 1000 bytes; gzip as sent / raw decoded; bodies only) ==")
    header = f"{'page':<14} {'site':<9}" + "".join(f" {k:>15}" for k in KINDS) + f" {'total':>15} {'req':>4}"
    print(header)
    print("-" * len(header))
    for pb in measured:
        cells = "".join(f" {kb(s) + ' / ' + kb(r):>15}" for r, s in pb.by_kind().values())
        print(f"{pb.page:<14} {pb.site:<9}{cells} {kb(pb.sent) + ' / ' + kb(pb.raw):>15} {len(pb.resources):>4}")
    for site in ("site", "baseline"):
        rows = [pb for pb in measured if pb.site == site]
        if rows:
            print(
                f"median {site:<8} total {kb(statistics.median(pb.sent for pb in rows))} kB gzip"
                f" / {kb(statistics.median(pb.raw for pb in rows))} kB raw,"
                f" {statistics.median(len(pb.resources) for pb in rows):g} requests"
            )

    print(f"\n-- What we add to Material's CSS and JS, per page (our files; target <= {kb(OURS_LIMIT)} kB gzip) --")
    heads = ("CSS gzip/raw", "JS gzip/raw", "total gzip", "all CSS+JS vs baseline")
    print(f"{'page':<14} {heads[0]:>14} {heads[1]:>14} {heads[2]:>11} {heads[3]:>24}  target")
    base = {pb.page: pb for pb in measured if pb.site == "baseline"}
    for pb in (p for p in measured if p.site == "site"):
        css_raw, css_gz = pb.ours("CSS")
        js_raw, js_gz = pb.ours("JS")
        total = css_gz + js_gz
        diff = ""
        if pb.page in base:
            ours_all = sum(pb.by_kind()[k][1] for k in ("CSS", "JS"))
            base_all = sum(base[pb.page].by_kind()[k][1] for k in ("CSS", "JS"))
            diff = f"{ours_all - base_all:+d} B gzip"
        print(
            f"{pb.page:<14} {kb(css_gz) + '/' + kb(css_raw):>14} {kb(js_gz) + '/' + kb(js_raw):>14}"
            f" {total:>11} {diff:>24}  {pass_fail(total <= OURS_LIMIT)}"
        )
    files = sorted({r.url.split("/", 3)[-1] for pb in measured for r in pb.resources if r.ours})
    print(f"our files loaded: {', '.join(files) or 'none'}")


def fmt_score(run: LighthouseRun | None, category: str) -> str:
    if run is None:
        return "-"
    if run.error:
        return "ERR"
    score = run.scores.get(category)
    text = "n/a" if score is None else str(score)
    if category == "performance" and len(run.perf_tries) > 1:
        text = "/".join(str(t) for t in run.perf_tries)
    return text


def print_lighthouse(runs: list[LighthouseRun]) -> None:
    print("\n== 2. Lighthouse scores (one run each; 'a/b/c': a site run below target, run twice more; its median) ==")
    index = {(r.site, r.page, r.preset): r for r in runs}
    pages = list(dict.fromkeys(r.page for r in runs))
    presets = list(dict.fromkeys(r.preset for r in runs))
    cols = "".join(f" {CATEGORY_SHORT[c]:>7}" for c in CATEGORIES)
    print(f"{'page':<14} {'preset':<8} |{'site':^32}|{'baseline':^32}| site vs targets")
    print(f"{'':<14} {'':<8} |{cols}|{cols}|")
    for page in pages:
        for preset in presets:
            site = index.get(("site", page, preset))
            base = index.get(("baseline", page, preset))
            verdicts = []
            if site is not None:
                for c in CATEGORIES:
                    score = site.scores.get(c)
                    ok = site.error is None and score is not None and score >= TARGETS[(c, preset)]
                    if not ok:
                        verdicts.append(CATEGORY_SHORT[c])
            verdict = "PASS" if site is not None and not verdicts else ("FAIL " + ",".join(verdicts) if site else "")
            print(
                f"{page:<14} {preset:<8} |"
                + "".join(f" {fmt_score(site, c):>7}" for c in CATEGORIES)
                + " |"
                + "".join(f" {fmt_score(base, c):>7}" for c in CATEGORIES)
                + f" | {verdict}"
            )
    for site in ("site", "baseline"):
        for preset in presets:
            chosen = [r for r in runs if r.site == site and r.preset == preset and not r.error]
            if chosen:
                medians = "  ".join(
                    f"{CATEGORY_SHORT[c]} {statistics.median(r.scores.get(c) or 0 for r in chosen):g}"
                    for c in CATEGORIES
                )
                print(f"median {site:<8} {preset:<8} {medians}")
    secs = [r.seconds / r.attempts for r in runs if r.attempts]
    if secs:
        bi = [r.benchmark_index for r in runs if r.benchmark_index]
        line = f"{len(runs)} page runs, {sum(r.attempts for r in runs)} Lighthouse runs"
        line += f", median {statistics.median(secs):.1f} s each"
        if bi:
            line += f"; Lighthouse's benchmarkIndex median {statistics.median(bi):.0f} (min {min(bi):.0f})"
        print(line)
    print("scored audits that lost points (in how many of the runs):")
    for site in ("site", "baseline"):
        chosen = [r for r in runs if r.site == site and not r.error]
        counts: dict[str, int] = {}
        for r in chosen:
            for category in CATEGORIES:
                for audit in r.losing.get(category, []):
                    if audit["weight"] > 0 and category != "performance":
                        key = f"{CATEGORY_SHORT[category]}:{audit['id']}"
                        counts[key] = counts.get(key, 0) + 1
        listed = ", ".join(f"{k} ({n}/{len(chosen)})" for k, n in sorted(counts.items(), key=lambda kv: -kv[1]))
        print(f"  {site:<9} {listed or 'none'}")
    print("performance metrics, median of the pages (simulated throttling):")
    for site in ("site", "baseline"):
        for preset in presets:
            chosen = [r for r in runs if r.site == site and r.preset == preset and not r.error]
            parts = []
            for metric, short in METRICS.items():
                values = [r.metric_values[metric] for r in chosen if metric in r.metric_values]
                if values:
                    m = statistics.median(values)
                    parts.append(f"{short} {m:.3f}" if metric == "cumulative-layout-shift" else f"{short} {m:,.0f} ms")
            print(f"  {site:<9} {preset:<8} {', '.join(parts)}")
    hosts = sorted({h for r in runs for h in r.other_hosts})
    print(f"requests to other hosts during Lighthouse runs: {', '.join(hosts) if hosts else 'none'}")
    errors = [r for r in runs if r.error]
    for r in errors:
        print(f"ERROR {r.site} {r.page} {r.preset} after {r.attempts} tries: {r.error}")
    warned = {w for r in runs for w in r.warnings}
    for w in sorted(warned):
        print(f"Lighthouse warning: {w}")

    # Why the site loses points: every audit that lost some, with what it found.
    losers = []
    for r in runs:
        if r.site != "site" or r.error:
            continue
        for c in CATEGORIES:
            score = r.scores.get(c)
            if score is not None and score < TARGETS[(c, r.preset)]:
                losers.append((r, c))
    if losers:
        print("\n-- Where the site loses points (audits below 1 in a category below target) --")
    for r, c in losers:
        print(f"{r.page} {r.preset} {c} {r.scores.get(c)} (Lighthouse's benchmarkIndex {r.benchmark_index or 0:.0f}):")
        if c == "performance":
            print("  metrics: " + "; ".join(f"{k} {v}" for k, v in r.metrics.items()))
        for audit in sorted(r.losing.get(c, []), key=lambda a: (-a["weight"], a["score"]))[:8]:
            savings = f" savings {audit['savings']}" if audit.get("savings") else ""
            weight = f"score {audit['score']}, weight {audit['weight']}"
            print(f"  - {audit['id']} ({weight}) {audit['title']} {audit['displayValue']}{savings}")
            for line in audit["details"]:
                print(f"      {line}")


def print_serve(result: ServeResult, site: str) -> None:
    print(f"-- {site}: server up after {result.startup:.2f} s --")
    if result.times:
        print("times (s):      " + " ".join(f"{t:.2f}" for t in result.times))
        rebuild = [
            r - d if r is not None and d is not None else None
            for d, r in zip(result.detected, result.reloaded, strict=True)
        ]
        for label, values in (
            ("  detected at:  ", result.detected),
            ("  reloading at: ", result.reloaded),
            ("  rebuild:      ", rebuild),
            ("  server CPU:   ", result.cpu),
        ):
            print(label + " ".join(f"{v:.2f}" if v is not None else "?" for v in values))
        print("  (detected at, reloading at: seconds from the write, when mkdocs serve logged it; rebuild: between")
        print("   the two: a 0.1 s wait for more changes and the build; server CPU: CPU seconds mkdocs serve used")
        print("   for the edit, which the machine's load changes little)")
        for label, values in (("rebuild", rebuild), ("server CPU", result.cpu)):
            known = [v for v in values if v is not None]
            if known:
                print(f"median {label} {statistics.median(known):.2f} s")
        median = statistics.median(result.times)
        spread = f"min {min(result.times):.2f}, max {max(result.times):.2f}"
        verdict = f"; target <= {RELOAD_LIMIT_S:g} s: {pass_fail(median <= RELOAD_LIMIT_S)}" if site == "site" else ""
        print(f"median {median:.2f} s ({spread}){verdict}")
    if result.error:
        print(f"ERROR: {result.error}")


# --- main ---------------------------------------------------------------------------------------


@contextlib.contextmanager
def phase(name: str, timings: dict[str, float]) -> Iterator[None]:
    log(f"{name}...")
    start = time.perf_counter()
    try:
        yield
    finally:
        timings[name] = time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", help="comma-separated pages to measure, e.g. /,/syria/ (default: every page)")
    parser.add_argument("--skip-lighthouse", action="store_true", help="no Lighthouse runs")
    parser.add_argument("--skip-serve", action="store_true", help="no mkdocs serve reload measurement")
    parser.add_argument("--presets", default=",".join(PRESETS), help="Lighthouse presets (default: mobile,desktop)")
    parser.add_argument("--edits", type=int, default=7, help="edits in the reload measurement (default: 7)")
    parser.add_argument("--json", type=Path, help="write the results to this file")
    parser.add_argument("--keep-reports", type=Path, help="keep every Lighthouse JSON report in this folder")
    parser.add_argument("--check", action="store_true", help="exit 2 when a target fails")
    parser.add_argument(
        "--lighthouse-cli",
        action="store_true",
        help="one node_modules/.bin/lighthouse process per run (slower) instead of scripts/lighthouse_batch.mjs",
    )
    args = parser.parse_args(argv)
    presets = [p for p in args.presets.split(",") if p]
    if unknown := set(presets) - set(PRESETS):
        parser.error(f"unknown presets: {', '.join(sorted(unknown))}")
    if not Path(CHROMIUM).is_file():
        raise SystemExit(f"error: Chromium is not at {CHROMIUM}: run `make browser` (or set CHROMIUM=...)")

    wall = time.perf_counter()
    timings: dict[str, float] = {}
    lh_version = None if args.skip_lighthouse else ensure_lighthouse()
    chromium_version = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    print("bench_site: the site against a plain Material baseline of the same pages")
    print(
        f"machine: {os.cpu_count()} cores, load average {load_average()}; Python {platform.python_version()};"
        f" {chromium_version}; Lighthouse {lh_version or '(skipped)'}"
    )

    results: dict = {"load_average_start": load_average()}
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="edm-bench-site-") as tmp:
        work = Path(tmp)
        (work / "site").mkdir()
        (work / "baseline" / "site").mkdir(parents=True)
        with serve(work / "site") as site_server, serve(work / "baseline" / "site") as base_server:
            with phase("build", timings):
                site_s = mkdocs_build(CONFIG, work / "site", strict=True, site_url=site_server.url)
                base_config_file = write_baseline_project(work / "baseline", base_server.url)
                base_s = mkdocs_build(base_config_file, work / "baseline" / "site", strict=False)
            print(f"built: site {site_s:.2f} s (--strict), baseline {base_s:.2f} s")
            pages = site_pages(work / "site")
            if args.pages:
                wanted = [
                    "/" + p.strip().strip("/") + "/" if p.strip().strip("/") else "/" for p in args.pages.split(",")
                ]
                missing = [p for p in wanted if p not in pages]
                if missing:
                    raise SystemExit(f"error: no such pages: {', '.join(missing)} (pages: {', '.join(pages)})")
                pages = wanted
            base_pages = set(site_pages(work / "baseline" / "site"))
            print(f"pages: {' '.join(pages)}")
            sites = {"site": site_server.url, "baseline": base_server.url}
            ours = our_asset_paths(read_config(CONFIG))

            with sync_playwright() as playwright:
                with phase("bytes", timings):
                    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROME_FLAGS[1:], headless=True)
                    try:
                        measured = [
                            measure_bytes(browser, url, site, page, ours if site == "site" else set())
                            for page in pages
                            for site, url in sites.items()
                            if site == "site" or page in base_pages
                        ]
                    finally:
                        browser.close()
                print_bytes(measured)
                results["bytes"] = [asdict(pb) for pb in measured]
                for pb in measured:
                    if pb.site == "site" and sum(pb.ours()[1:]) > OURS_LIMIT:
                        failures.append(f"ours {pb.page}")

                if not args.skip_lighthouse:
                    with phase("lighthouse", timings):
                        specs = [
                            (site, url, page, preset)
                            for page in pages
                            for preset in presets
                            for site, url in sites.items()
                            if site == "site" or page in base_pages
                        ]
                        runs = run_lighthouse(specs, work, args.keep_reports, cli=args.lighthouse_cli)
                    print_lighthouse(runs)
                    results["lighthouse"] = [asdict(r) for r in runs]
                    for r in runs:
                        if r.site == "site":
                            for c in CATEGORIES:
                                score = r.scores.get(c)
                                if r.error or score is None or score < TARGETS[(c, r.preset)]:
                                    failures.append(f"lighthouse {r.page} {r.preset} {c}")

                if not args.skip_serve:
                    what = f"docs/{RELOAD_PAGE}.md -> the word shown on /{RELOAD_PAGE}/ ({args.edits} edits)"
                    print(f"\n== 3. mkdocs serve: a word appended to {what} ==")
                    results["serve"] = {}
                    for site in ("site", "baseline"):
                        with phase(f"serve {site}", timings):
                            served = measure_serve(playwright, args.edits, site)
                        print_serve(served, site)
                        results["serve"][site] = asdict(served)
                    served = ServeResult(**results["serve"]["site"])
                    if served.error or not served.times or statistics.median(served.times) > RELOAD_LIMIT_S:
                        failures.append("serve reload")

    elapsed = time.perf_counter() - wall
    results["timings"] = {**timings, "total": elapsed}
    results["load_average_end"] = load_average()
    results["failures"] = failures

    print("\n== Targets ==")
    if "bytes" in results:
        ok = not any(f.startswith("ours") for f in failures)
        print(f"our CSS+JS <= {kb(OURS_LIMIT)} kB gzip on every page: {pass_fail(ok)}")
    if "lighthouse" in results:
        for (category, preset), limit in TARGETS.items():
            if preset not in presets:
                continue
            bad = [f.split()[1] for f in failures if f.startswith("lighthouse") and f.endswith(f"{preset} {category}")]
            print(
                f"Lighthouse {category} {preset} >= {limit} on every page: {pass_fail(not bad)}"
                + (f" ({' '.join(bad)})" if bad else "")
            )
    if "serve" in results:
        print(f"mkdocs serve reload median <= {RELOAD_LIMIT_S:g} s: {pass_fail('serve reload' not in failures)}")
    phases = ", ".join(f"{name} {secs:.0f} s" for name, secs in timings.items())
    print(f"\nwall time {elapsed:.0f} s ({phases}); load average at the end {load_average()}")

    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
        print(f"results written to {args.json}")
    if args.check and failures:
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

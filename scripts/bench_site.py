"""Benchmark of the site as a reader gets it, against a plain Material site of the same pages.

    .venv/bin/python scripts/bench_site.py                               # what `make bench-site` runs
    .venv/bin/python scripts/bench_site.py --pages /,/about/ --presets mobile --skip-serve

Two sites are built into a temporary folder and served together on 127.0.0.1 by scripts/tls_host.py,
as GitHub Pages serves the site: HTTPS, HTTP/2 and gzip for text (Lighthouse CI's own server answers
as localhost, which the browser here does not reach, and compresses nothing under 1 kB; over HTTP/1.1
Lighthouse's network model gave each file a connection, and the site's one more style sheet cost a
modelled round trip that a real host does not: see tls_host.py):

    /site/      the project as published: `mkdocs build --strict` of mkdocs.yml
    /baseline/  the same pages as plain Material shows them: a copy of the project whose mkdocs.yml
                inherits ours (INHERIT) with no extra_css or extra_javascript and no theme overrides,
                and whose docs/ lacks the CSS and JS of docs/assets/. The hooks still run, so each
                page holds the same text, links, tables and indexes as the site's, unstyled and with
                no script of ours: what the comparison measures is our CSS, JS and templates. (A
                baseline without the hooks left the generated pages, /sources/ or /chronology/,
                empty shells of a third of the site's elements, so it compared unlike pages.)

1. Lighthouse CI: `lhci collect` with lighthouserc.json (Debian's Chromium, ``CHROMIUM`` overrides, that
   reaches no host but 127.0.0.1; three rounds, each one run of every page, the site's then the
   baseline's, mobile then desktop). The preset is named in the address (``?preset=desktop``), so that the budgets of
   lighthouserc.json tell the two apart; `lhci assert` checks them on the median of the runs of each
   page of the site: accessibility, best practices and SEO 100, performance 100 on desktop and at least
   95 on mobile. The reports go to a temporary folder (`lhci upload --target=filesystem`; --reports
   keeps them, with every audit), never to a third party. Printed: each page's medians, site and
   baseline side by side, and the budgets. One more is checked here, as it is relative: the mobile
   Total Blocking Time of each page within 20 ms of the baseline's.
2. Bytes per page: what the page's first Lighthouse run requested, each body as the server sends it
   (gzip for text) and decoded. "Ours" is our CSS and JS (docs/assets/, where extra_css and
   extra_javascript are): target at most 10 kB (10,000 bytes) gzip on every page.
3. Blocking time in Chromium's own trace (scripts/trace_blocking.py): each page of both sites loaded
   from the local server on a phone-sized page with the CPU slowed four times, in rounds as above;
   every main-thread task's time over 50 ms, summed, until a second after the load event. Lighthouse's
   TBT replays the tasks over a modelled network and counts only those after the first paint, which
   moves a page's TBT by 100 ms between runs; this measure has no network model. Printed beside the
   budget, which stays Lighthouse's.
4. `mkdocs serve` reload time, on a temporary copy of the project (and of the baseline, here without
   the hooks, so that the two differ by what the hooks cost an edit): a word is
   appended to our summary on the edition's first themed page (edition.yml), and the time from the
   write to the page showing it in the browser (MkDocs' livereload reloads the page) is measured, with
   the CPU time the server used.
   Target: median within 1 s.

Scores and timings depend on the machine's load: the load average is printed with them.
Exit status: 0 when everything was measured (targets may FAIL: see --check), 1 on an error.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # what the benchmarks share with the tests
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))  # the manifest's reader

from playwright.sync_api import Page, sync_playwright

import chromium
from gzip_server import content_type, gzip_bytes, is_compressible
from paths import EDITION
from sitebuild import copy_project
from tls_host import serve
from trace_blocking import measure as trace_blocking

ROOT = Path(__file__).resolve().parent.parent
LHCI = ROOT / "node_modules" / ".bin" / "lhci"
RC = ROOT / "lighthouserc.json"
ASSETS = ROOT / "docs" / "assets"
OURS = (".css", ".js", ".mjs")
OUR_FILES = {f"site/assets/{p.name}" for p in ASSETS.iterdir() if p.suffix in OURS}  # as the site serves them
SITES = ("site", "baseline")
PRESETS = ("mobile", "desktop")
CATEGORIES = {"performance": "perf", "accessibility": "a11y", "best-practices": "bp", "seo": "seo"}
METRICS = {"total-blocking-time": "TBT", "first-contentful-paint": "FCP", "largest-contentful-paint": "LCP"}
CLS = "cumulative-layout-shift"
OURS_LIMIT = 10_000  # bytes of our own CSS and JS per page, gzip
TBT_MARGIN_MS = 20  # the site's mobile Total Blocking Time over the baseline's, per page
RELOAD_LIMIT_S = 1.0
RELOAD_PAGE = EDITION.themes[0].page.removesuffix(".md")  # the edition's first themed page


def log(message: str) -> None:
    print(f"# {message}", file=sys.stderr, flush=True)


def verdict(failed: list[str]) -> str:
    return f"FAIL ({' '.join(failed)})" if failed else "PASS"


def ensure_lhci() -> dict[str, str]:
    """node_modules/ as package-lock.json pins it (`npm ci` when it is not); the pinned versions."""
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    wanted = {name: lock[f"node_modules/{name}"]["version"] for name in lock[""]["dependencies"]}

    def installed(name: str) -> str | None:
        path = ROOT / "node_modules" / name / "package.json"
        return json.loads(path.read_text(encoding="utf-8"))["version"] if path.is_file() else None

    if not LHCI.exists() or any(installed(name) != version for name, version in wanted.items()):
        if shutil.which("npm") is None:
            raise SystemExit("error: Lighthouse CI needs Node.js and npm (Debian: apt-get install nodejs npm)")
        log(f"installing {', '.join(f'{n} {v}' for n, v in wanted.items())} with npm ci (node_modules/)")
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=ROOT, check=True)
    return wanted


# --- The two sites ---------------------------------------------------------------------------------


def write_baseline(folder: Path, *, hooks: bool = True) -> Path:
    """A plain Material project of the same pages in ``folder`` (see the module's docstring); its
    mkdocs.yml. Without ``hooks``, the pages are the Markdown as written: what the reload is measured
    against, so that it shows what the hooks cost an edit (not --strict: links to anchors that only
    the hooks write)."""
    copy_project(ROOT, folder)
    for path in (folder / "docs" / "assets").iterdir():
        if path.suffix in OURS:
            path.unlink()
    shutil.rmtree(folder / "overrides")
    (folder / "overrides").mkdir()  # Material's templates only
    (folder / "mkdocs.yml").rename(folder / "site.yml")
    config = {"INHERIT": "site.yml", "extra_css": [], "extra_javascript": []}
    config |= {} if hooks else {"hooks": [], "strict": False}
    (folder / "mkdocs.yml").write_text(json.dumps(config, indent=2), encoding="utf-8")  # JSON is YAML
    return folder / "mkdocs.yml"


def build(config: Path, site_dir: Path, site_url: str, *, strict: bool) -> float:
    cmd = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "-d", str(site_dir)]
    cmd += ["--strict"] * strict
    start = time.perf_counter()
    done = subprocess.run(cmd, env={**os.environ, "SITE_URL": site_url}, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"error: {' '.join(cmd)} failed:\n{done.stdout}{done.stderr}")
    return time.perf_counter() - start


def site_pages(site_dir: Path) -> list[str]:
    """Every page of a build as a path from its root (``/``, ``/about/``), 404.html aside."""
    folders = [index.parent.relative_to(site_dir).as_posix() for index in site_dir.rglob("index.html")]
    return sorted(("/" if f == "." else f"/{f}/" for f in folders), key=lambda p: (p != "/", p))


# --- Lighthouse CI, and what the pages requested -------------------------------------------------


def lighthouse(base: str, pages: list[str], presets: list[str], runs: int | None, work: Path, reports: Path):
    """Every page of both sites through LHCI: the reports by (site, page, preset), and lhci assert's results.

    One run of each page at a time, in rounds (site, baseline, the next page's site, ...), so that a
    machine whose load drifts during the minutes of a benchmark weighs on both sites alike; LHCI's own
    numberOfRuns would run a page's three runs back to back, the site's before the baseline's."""
    rounds = runs or json.loads(RC.read_text(encoding="utf-8"))["ci"]["collect"]["numberOfRuns"]
    for n, preset in enumerate(presets * rounds):
        cmd = [LHCI, "collect", f"--config={RC}", f"--chromePath={chromium.PATH}", "--numberOfRuns=1"]
        cmd += [f"--url={base}{site}{page}?preset={preset}" for page in pages for site in SITES]
        cmd += ["--additive"] * (n > 0) + ["--settings.preset=desktop"] * (preset == "desktop")
        subprocess.run(cmd, cwd=work, check=True, stdout=sys.stderr)  # LHCI's progress: a line a run
    # lhci assert exits 1 when a budget fails, and writes every result, passed or not, to a file.
    subprocess.run([LHCI, "assert", f"--config={RC}"], cwd=work, stderr=subprocess.DEVNULL)
    asserted = json.loads((work / ".lighthouseci" / "assertion-results.json").read_text(encoding="utf-8"))
    upload = [LHCI, "upload", f"--config={RC}", "--target=filesystem", f"--outputDir={reports}"]
    subprocess.run(upload, cwd=work, check=True, stdout=subprocess.DEVNULL)
    found: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for entry in json.loads((reports / "manifest.json").read_text(encoding="utf-8")):
        url = urllib.parse.urlsplit(entry["url"])
        site, page = url.path.split("/", 2)[1:]
        lhr = json.loads(Path(entry["jsonPath"]).read_text(encoding="utf-8"))
        found[site, f"/{page}", url.query.removeprefix("preset=")].append(lhr)
    return found, asserted


def medians(lhrs: list[dict]) -> dict[str, float]:
    """The median of the runs' category scores (0-100) and metrics (ms; CLS unitless)."""
    runs = [
        {c: lhr["categories"][c]["score"] * 100 for c in CATEGORIES}
        | {m: lhr["audits"][m]["numericValue"] for m in [*METRICS, CLS]}
        for lhr in lhrs
    ]
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def tbt_runs(lhrs: list[dict]) -> list[float]:
    """Each run's Total Blocking Time (ms), in the order run: the spread the medians come from."""
    return [lhr["audits"]["total-blocking-time"]["numericValue"] for lhr in lhrs]


def bodies(lhr: dict, www: Path, base: str) -> dict[str, tuple[int, int]]:
    """Path -> (bytes sent, bytes decoded) of each request of a run to the server: the bodies as the
    server sends them (Chromium reports no size for a worker's script, and its sizes count headers)."""
    out = {}
    for item in lhr["audits"]["network-requests"]["details"]["items"]:
        if item["url"].startswith(base):
            path = urllib.parse.unquote(urllib.parse.urlsplit(item["url"]).path).removeprefix("/")
            file = www / (f"{path}index.html" if path.endswith("/") else path)
            body = file.read_bytes() if file.is_file() else b""  # a 404: Lighthouse's best practices say so
            out[path] = (len(gzip_bytes(body)) if is_compressible(content_type(file)) else len(body), len(body))
    return out


def kb(sizes: list[tuple[int, int]]) -> str:
    return f"{sum(s for s, _ in sizes) / 1000:6.1f} ({sum(d for _, d in sizes) / 1000:6.1f})"


def print_bytes(found: dict, pages: list[str], preset: str, www: Path, base: str) -> list[str]:
    """What each page's first run loaded; the pages over our budget."""
    print("\n== Bytes per page: bodies as the server sends them, gzip (decoded), kB = 1000 bytes ==")
    print(f"{'page':<14} {'site':^15} req  {'baseline':^15} req  {'gzip +':>6}  ours: our CSS and JS (docs/assets/)")
    failed, totals = [], defaultdict(list)
    for page in pages:
        site, baseline = (bodies(found[s, page, preset][0], www, base) for s in SITES)
        ours = [size for path, size in site.items() if path in OUR_FILES]
        over = sum(s for s, _ in ours) > OURS_LIMIT
        failed += [page] * over
        for name, sizes in (("site", site), ("baseline", baseline)):
            totals[name].append(sum(s for s, _ in sizes.values()))
        more = (totals["site"][-1] - totals["baseline"][-1]) / 1000
        print(
            f"{page:<14} {kb(list(site.values()))} {len(site):>3}  {kb(list(baseline.values()))} {len(baseline):>3}",
            end="",
        )
        print(f"  {more:+6.1f}  {kb(ours)} {verdict([page] * over)}")
    print(f"{'median':<14} " + "".join(f"{statistics.median(totals[s]) / 1000:6.1f}{'':15}" for s in SITES))
    return failed


def print_lighthouse(found: dict, pages: list[str], presets: list[str], asserted: list[dict], base: str) -> dict:
    """Each page's medians, site and baseline side by side; the budgets and the pages that fail them."""
    failures: dict[str, list[str]] = {}
    heads = "".join(f"{h:>6}" for h in [*CATEGORIES.values(), *METRICS.values(), "CLS"])
    for preset in presets:
        print(f"\n== Lighthouse {preset}: medians of {len(found['site', pages[0], preset])} runs (ms) ==")
        print(f"{'':<14} {'site':^48} | {'baseline':^48} | TBT")
        print(f"{'page':<14} {heads} | {heads} | site - baseline (each run's TBT: site | baseline)")
        for page in pages:
            site, baseline = (medians(found[s, page, preset]) for s in SITES)
            cells = [
                "".join(f"{m[k]:>6.0f}" for k in [*CATEGORIES, *METRICS]) + f"{m[CLS]:>6.3f}" for m in (site, baseline)
            ]
            tbt = site["total-blocking-time"] - baseline["total-blocking-time"]
            runs = (" ".join(f"{r:.0f}" for r in tbt_runs(found[s, page, preset])) for s in SITES)
            print(f"{page:<14} {cells[0]} | {cells[1]} | {tbt:+.0f}  (runs: {' | '.join(runs)})")
            if preset == "mobile":
                name = f"mobile TBT <= the baseline's + {TBT_MARGIN_MS} ms"
                failures.setdefault(name, []).extend([page] * (tbt > TBT_MARGIN_MS))
    for result in asserted:  # lhci assert's, on the medians of the runs: the budgets of lighthouserc.json
        url = urllib.parse.urlsplit(result["url"])
        preset, category = url.query.removeprefix("preset="), result["auditProperty"]
        name = f"{preset} {category} >= {result['expected'] * 100:g} (lighthouserc.json)"
        failures.setdefault(name, []).extend([] if result["passed"] else [url.path.removeprefix("/site")])
    runs = [lhr for lhrs in found.values() for lhr in lhrs]
    hosts = {i["url"] for lhr in runs for i in lhr["audits"]["network-requests"]["details"]["items"]}
    hosts = {url for url in hosts if url.startswith(("http:", "https:")) and not url.startswith(base)}
    print(f"\nother hosts requested during the runs: {', '.join(sorted(hosts)) or 'none'}")
    return failures


# --- 3. Blocking time in Chromium's trace --------------------------------------------------------


def print_trace_blocking(base: str, pages: list[str], rounds: int) -> None:
    print("\n== Blocking time in Chromium's trace: CPU 4x slower, phone screen, no network model (ms) ==")
    print(f"medians of {rounds} loads; each main-thread task's time over 50 ms, from the navigation to 1 s after load")
    found: dict[tuple[str, str], list[float]] = defaultdict(list)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium.PATH, args=[*chromium.FLAGS, chromium.OFFLINE])
        for _ in range(rounds):
            for page in pages:
                for site in SITES:
                    found[site, page].append(trace_blocking(browser, f"{base}{site}{page}"))
        browser.close()
    print(f"{'page':<14} {'site':>6} {'baseline':>9} {'site - baseline':>16}  (each load: site | baseline)")
    for page in pages:
        site, baseline = (statistics.median(found[s, page]) for s in SITES)
        runs = (" ".join(f"{ms:.0f}" for ms in found[s, page]) for s in SITES)
        print(f"{page:<14} {site:>6.0f} {baseline:>9.0f} {site - baseline:>+16.0f}  ({' | '.join(runs)})")


# --- 4. mkdocs serve ------------------------------------------------------------------------------


def append_marker(md: Path, marker: str) -> None:
    """A word appended to our summary on the page (not to the article's words, which the site checks)."""
    lines = md.read_text(encoding="utf-8").split("\n")
    i = next(i for i, line in enumerate(lines) if 'class="ours' in line and line.rstrip().endswith("</p>"))
    lines[i] = lines[i].rstrip().removesuffix("</p>") + f" {marker}</p>"
    md.write_text("\n".join(lines), encoding="utf-8")


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def shown(page: Page, marker: str, timeout: float = 30) -> float:
    """When the page, which reloads under us, shows the marker."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        with contextlib.suppress(Exception):  # the page went away mid-reload
            if page.evaluate("m => document.body.innerText.includes(m)", marker):
                return time.perf_counter()
        time.sleep(0.01)
    raise RuntimeError(f"the edit did not show within {timeout:g} s")


def reload_times(site: str, edits: int) -> tuple[float, list[float], list[float]]:
    """`mkdocs serve` of a copy of the site's project (or the baseline's), edited ``edits`` times:
    the seconds it took to answer, and for each edit the seconds until the page showed it and the
    CPU seconds the server spent."""
    with tempfile.TemporaryDirectory(prefix=f"edm-serve-{site}-") as tmp, socket.socket() as free:
        project = Path(tmp)
        config = copy_project(ROOT, project) / "mkdocs.yml" if site == "site" else write_baseline(project, hooks=False)
        free.bind(("127.0.0.1", 0))
        address = f"127.0.0.1:{free.getsockname()[1]}"
        free.close()
        cmd = [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--livereload", "--dev-addr", address]
        cmd += ["-f", str(config)]  # as make serve starts it
        url, times, cpu = f"http://{address}/{RELOAD_PAGE}/", [], []
        with (project / "serve.log").open("w") as out:
            server = subprocess.Popen(cmd, cwd=project, stdout=out, stderr=out)
        start = time.perf_counter()
        try:
            while server.poll() is None and time.perf_counter() - start < 90:
                with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=5):
                    break
                time.sleep(0.1)
            else:
                raise RuntimeError("mkdocs serve did not answer:\n" + (project / "serve.log").read_text())
            up = time.perf_counter() - start
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium.PATH, args=list(chromium.FLAGS))
                page = browser.new_page()
                page.goto(url)
                page.wait_for_timeout(500)  # livereload's long poll connects
                for i in range(edits):
                    marker, cpu0, t0 = f"benchmarker{i}x{os.getpid()}", cpu_seconds(server.pid), time.perf_counter()
                    append_marker(project / "docs" / f"{RELOAD_PAGE}.md", marker)
                    times.append(shown(page, marker) - t0)
                    page.wait_for_load_state("load")
                    page.wait_for_timeout(400)  # the server settles before the next edit
                    cpu.append(cpu_seconds(server.pid) - cpu0)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
    return up, times, cpu


def print_serve(edits: int) -> list[str]:
    print(
        f"\n== mkdocs serve: a word appended to docs/{RELOAD_PAGE}.md until /{RELOAD_PAGE}/ shows it, {edits} times =="
    )
    failed = []
    for site in SITES:
        up, times, cpu = reload_times(site, edits)
        median = statistics.median(times)
        target = f"; target <= {RELOAD_LIMIT_S:g} s: {verdict([] if median <= RELOAD_LIMIT_S else ['reload'])}"
        print(f"{site:<9} up after {up:.1f} s; seconds: {' '.join(f'{t:.2f}' for t in times)}")
        print(f"{'':<9} median {median:.2f} s, server CPU {statistics.median(cpu):.2f} s{target * (site == 'site')}")
        failed += ["reload"] * (site == "site" and median > RELOAD_LIMIT_S)
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", help="comma-separated pages to measure, e.g. /,/about/ (default: every page)")
    parser.add_argument("--presets", default=",".join(PRESETS), help="Lighthouse presets (default: mobile,desktop)")
    parser.add_argument("--runs", type=int, help="Lighthouse runs per page (default: lighthouserc.json's, 3)")
    parser.add_argument("--trace-runs", type=int, default=5, help="loads per page in the trace measure (0: none)")
    parser.add_argument("--skip-serve", action="store_true", help="no mkdocs serve reload measurement")
    parser.add_argument("--edits", type=int, default=7, help="edits in the reload measurement (default: 7)")
    parser.add_argument("--reports", type=Path, help="keep the Lighthouse reports (HTML and JSON) in this folder")
    parser.add_argument("--check", action="store_true", help="exit 2 when a target fails")
    args = parser.parse_args(argv)
    presets = [p for p in args.presets.split(",") if p]
    if not presets or set(presets) - set(PRESETS):
        parser.error(f"--presets: one or both of {', '.join(PRESETS)}")
    if not Path(chromium.PATH).is_file():
        raise SystemExit(f"error: Chromium is not at {chromium.PATH}: run `make browser` (or set CHROMIUM=...)")
    versions = ensure_lhci()
    wall = time.perf_counter()
    print("bench_site: the site against a plain Material baseline of the same pages")
    print(
        f"machine: {os.cpu_count()} cores, load average {' '.join(f'{n:.2f}' for n in os.getloadavg())};"
        f" {subprocess.run([chromium.PATH, '--version'], capture_output=True, text=True).stdout.strip()};"
        f" {', '.join(f'{n} {v}' for n, v in versions.items())}"
    )
    failures: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory(prefix="edm-bench-site-") as tmp, serve(Path(tmp) / "www") as server:
        work = Path(tmp)  # www/: the two sites, served; .lighthouseci/: LHCI's runs; reports/: its upload
        seconds = [
            build(ROOT / "mkdocs.yml", work / "www" / "site", f"{server.url}site/", strict=True),
            build(write_baseline(work / "baseline"), work / "www" / "baseline", f"{server.url}baseline/", strict=True),
        ]
        print(f"built: site {seconds[0]:.1f} s (--strict), baseline {seconds[1]:.1f} s")
        pages = site_pages(work / "www" / "site")
        if args.pages:
            wanted = [f"/{page.strip('/')}/".replace("//", "/") for page in args.pages.split(",")]
            if missing := set(wanted) - set(pages):
                raise SystemExit(f"error: no such pages: {', '.join(sorted(missing))} (pages: {', '.join(pages)})")
            pages = wanted
        print(f"pages: {' '.join(pages)}")
        reports = args.reports.resolve() if args.reports else work / "reports"
        found, asserted = lighthouse(server.url, pages, presets, args.runs, work, reports)
        failures[f"our CSS+JS <= {OURS_LIMIT / 1000:g} kB gzip"] = print_bytes(
            found, pages, presets[-1], work / "www", server.url
        )
        failures |= print_lighthouse(found, pages, presets, asserted, server.url)
        if args.trace_runs:
            print_trace_blocking(server.url, pages, args.trace_runs)
    if not args.skip_serve:
        failures[f"mkdocs serve reload median <= {RELOAD_LIMIT_S:g} s"] = print_serve(args.edits)
    print("\n== Targets ==")
    for name, failed in failures.items():
        print(f"{name}: {verdict(failed)}")
    load = " ".join(f"{n:.2f}" for n in os.getloadavg())
    print(f"\nwall time {time.perf_counter() - wall:.0f} s; load average at the end {load}")
    if args.reports:
        print(f"Lighthouse reports in {reports}")
    return 2 if args.check and any(failures.values()) else 0


if __name__ == "__main__":
    sys.exit(main())

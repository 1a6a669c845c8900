"""Benchmark of the build hooks: what they cost a build, and how that grows with the citations.

    .venv/bin/python scripts/bench_hooks.py                  # what `make bench-hooks` runs
    .venv/bin/python scripts/bench_hooks.py --sizes 1,100 --reps 3
    .venv/bin/python scripts/bench_hooks.py --json bench/results/run.json --profile

For each size (citing pages), a synthetic corpus of EDM-style pages (``bench_corpus``) is built
in-process, in three variants, round-robin within every repetition (the starting variant rotates):

    plain   the pages, no hooks: the citations stay dead text
    hooks   the same pages with the real hooks of hooks/ (their module files, their data)
    links   no hooks, but every page already holds exactly the Markdown the hooks would write
            (kept from the first hook build of the size, written between builds): MkDocs' own cost
            of rendering the links, tooltips, endnotes, source lists and index pages the hooks add

A build is timed from ``load_config`` to the end of ``build``. The hooks' own time is measured
inside the same builds: every event function of the hook modules (``on_config``, ``on_files``,
``on_nav``, ``on_page_markdown``, ...) is wrapped with a timer in ``config.plugins.events``.

So ``hooks - plain`` = (links - plain: MkDocs renders what the hooks write)
                     + (hooks - links: the hooks' own work, cross-checked by the in-build timer).

Every figure is taken in wall-clock and in CPU time (CPU time is what a busy machine disturbs
least). MkDocs' time per page is split between the synthetic pages and the site's own pages,
whose index pages (sources, EDM issues, chronology) the hooks fill with every citation of the site.
The builds use a copy of the project taken at the start (hooks, data, templates, docs, config),
with the synthetic pages added to a copy of the site's own docs, and ``strict`` off (warnings are
counted: the plain build has a few, from the site's links to anchors only the hooks write).

Targets (from the project's issue): the hooks' own time is at most 5% of the build at 500 pages,
and grows linearly with the number of citations (their time per citation at the largest size is
within LINEAR_FACTOR of that at the next size of at least 100 pages). A target passes when it is
met in wall-clock time and in CPU time.

Then one page of many citations (``--one-page``, 10,000 and 25,000 by default) is built with the
hooks, and without them: the hook build's time may grow at most ONE_PAGE_GROWTH times from the
smaller to the larger (2.5 times the citations), in CPU time, which a busy machine disturbs least.
What is quadratic in the citations of one page (an element of thousands of links, say) shows here.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import io
import json
import logging
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands import build as build_module
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.utils import meta
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from bench_corpus import Corpus, load_vocabulary, nav_section, write_corpus
from mkdocs_warnings import collected
from sitebuild import copy_project

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ROOT  # what is built: main() makes it a copy of ROOT, so edits during a run change nothing
VARIANTS = ("plain", "hooks", "links")
ROTATION = ("hooks", "links", "plain")  # the first build of a size is a hook build: it writes the links-only pages
LABELS = {"plain": "plain (no hooks)", "hooks": "hooks", "links": "links only"}
DEFAULT_SIZES = (1, 100, 500)
CITATIONS_PER_PAGE = 30
SEED = 14065  # of the synthetic corpus: the same seed, the same pages
TARGET_SHARE = 0.05
LINEAR_FACTOR = 1.3
DEFAULT_ONE_PAGE = (10_000, 25_000)  # citations on one page
ONE_PAGE_GROWTH = 2.7
ONE_PAGE_REPS = 2

log = logging.getLogger("bench")


# --- The hooks' own time, measured inside a build ------------------------------------------------


class HookTimer:
    """Wraps every event function the hook modules registered in a loaded config, and sums their time."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)  # wall-clock
        self.cpu: dict[str, float] = defaultdict(float)  # CPU time of the process
        self.calls: dict[str, int] = defaultdict(int)

    def install(self, config) -> None:
        hooks = set(config.hooks or {})
        plugins = config.plugins
        for event, methods in plugins.events.items():
            for index, method in enumerate(methods):
                origin = plugins._event_origins.get(method)
                if origin in hooks:
                    wrapped = self._wrap(f"{Path(origin).stem}.on_{event}", method)
                    methods[index] = wrapped
                    plugins._event_origins[wrapped] = origin

    def _wrap(self, key: str, method):
        seconds, cpu, calls = self.seconds, self.cpu, self.calls
        clock, cpu_clock = time.perf_counter, time.process_time

        def timed(*args, **kwargs):
            start, cpu_start = clock(), cpu_clock()
            try:
                return method(*args, **kwargs)
            finally:
                cpu[key] += cpu_clock() - cpu_start
                seconds[key] += clock() - start
                calls[key] += 1

        return timed


class GcTimer:
    """The time the cyclic garbage collector pauses the build, from ``gc.callbacks``."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.collections = 0
        self._start = 0.0

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._start
            self.collections += 1

    def __enter__(self) -> GcTimer:
        gc.callbacks.append(self)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self)


class PageTimer:
    """MkDocs' CPU time per page (reading and rendering its Markdown, then its HTML template).

    For the plain and links-only builds this is MkDocs' own work; for the hook build it includes
    the hooks' page events. The site's own pages are kept one by one, the synthetic ones summed.
    """

    def __init__(self, synthetic: frozenset[str]) -> None:
        self.synthetic = synthetic
        self.synthetic_cpu = 0.0
        self.site: dict[str, float] = defaultdict(float)

    def _wrap(self, function):
        def timed(page, *args, **kwargs):
            start = time.process_time()
            try:
                return function(page, *args, **kwargs)
            finally:
                spent = time.process_time() - start
                if page.file.src_uri in self.synthetic:
                    self.synthetic_cpu += spent
                else:
                    self.site[page.file.src_uri] += spent

        return timed

    def __enter__(self) -> PageTimer:
        self._saved = build_module._populate_page, build_module._build_page
        build_module._populate_page = self._wrap(build_module._populate_page)
        build_module._build_page = self._wrap(build_module._build_page)
        return self

    def __exit__(self, *exc: object) -> None:
        build_module._populate_page, build_module._build_page = self._saved


@dataclass
class Build:
    seconds: float  # wall-clock
    cpu: float  # CPU time of the process
    gc: float  # pauses of the cyclic garbage collector, included in ``seconds``
    hooks: dict[str, float] = field(default_factory=dict)  # event -> wall-clock seconds (hooks variant only)
    hooks_cpu: dict[str, float] = field(default_factory=dict)  # event -> CPU seconds
    warnings: int = 0
    synthetic_pages_cpu: float = 0.0  # PageTimer: the synthetic pages, together
    site_pages_cpu: dict[str, float] = field(default_factory=dict)  # and each of the site's own pages

    @property
    def hooks_total(self) -> float:
        return sum(self.hooks.values())

    @property
    def hooks_cpu_total(self) -> float:
        return sum(self.hooks_cpu.values())


def run_build(
    overrides: dict,
    *,
    synthetic: frozenset[str] = frozenset(),
    capture: dict[str, str] | None = None,
    profile: cProfile.Profile | None = None,
):
    """One in-process build of the project's mkdocs.yml with ``overrides``, timed from load_config to the end.

    With ``capture``, the Markdown of every page after all the hooks is kept in it, by src_uri.
    """
    timer = HookTimer()
    gc.collect()
    # MkDocs' own messages are kept off the benchmark's output, and counted
    with collected(quiet=True) as warnings, GcTimer() as collector, PageTimer(synthetic) as pages:
        start, cpu = time.perf_counter(), time.process_time()
        if profile:
            profile.enable()
        config = load_config(str(PROJECT / "mkdocs.yml"), **overrides)
        timer.install(config)
        if capture is not None:

            def keep(markdown, *, page, config, files):
                capture[page.file.src_uri] = markdown

            config.plugins.events["page_markdown"].append(keep)  # after every hook: the final Markdown
        build(config)
        if profile:
            profile.disable()
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    if warnings and capture is not None:
        for message in warnings[:5]:
            log.warning(f"build with the hooks: {message}")
    return Build(
        seconds,
        cpu,
        collector.seconds,
        dict(timer.seconds),
        dict(timer.cpu),
        len(warnings),
        pages.synthetic_cpu,
        dict(pages.site),
    )


# --- The corpus and its three configurations ----------------------------------------------------


def project_version() -> str:
    """The commit the hooks, data, docs and mkdocs.yml were measured at, and whether they had changes."""
    try:
        git = ["git", "-C", str(ROOT)]
        head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
        changed = subprocess.run(
            [*git, "status", "--porcelain", "--", "hooks", "docs", "includes", "overrides", "mkdocs.yml"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    files = len(changed.stdout.splitlines())
    return head.stdout.strip() + (f", with {files} changed files in hooks/, docs/ or the config" if files else "")


def project_config() -> dict:
    """The raw mkdocs.yml, for its nav, docs_dir and extra.edm.published (other tags read as None)."""

    class Loader(get_yaml_loader()):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)  # "!relative" etc.; "!ENV" is kept
    with open(PROJECT / "mkdocs.yml", encoding="utf-8") as file:
        return yaml_load(file, loader=Loader)


@dataclass
class Size:
    pages: int
    corpus: Corpus
    folder: Path
    configs: dict[str, dict]  # variant -> overrides of the project's mkdocs.yml
    citations: int = 0  # on the whole site, as the hooks count them: the cite-N ids they wrote
    base_citations: int = 0  # of those, on the site's own pages
    base_pages: int = 0  # the site's own pages
    identical_html: tuple[int, int] = (0, 0)  # pages whose HTML is the same with hooks and links only
    builds: dict[str, list[Build]] = field(default_factory=lambda: {v: [] for v in VARIANTS})


_CITE_ID = re.compile(r"\{[^}\n]*#cite-\d+")


def prepare(pages: int, work: Path, base: dict, seed: int, citations: int = CITATIONS_PER_PAGE) -> Size:
    """The corpus, the three variants' configurations, and the links-only pages, written once, untimed."""
    published = (base.get("extra") or {}).get("edm", {}).get("published")
    if not isinstance(published, dt.date):
        raise SystemExit("mkdocs.yml: extra.edm.published must be a date")
    vocabulary = load_vocabulary(PROJECT / "hooks" / "data", published)
    folder = work / (f"pages-{pages}" if citations == CITATIONS_PER_PAGE else f"one-page-{citations}")
    docs = PROJECT / (base.get("docs_dir") or "docs")
    corpus = write_corpus(folder / "docs", docs, pages, vocabulary, citations=citations, seed=seed)
    nav = [*(base.get("nav") or []), nav_section(corpus)] if base.get("nav") else None
    common = {"strict": False, "nav": nav}  # warnings are counted, not fatal; the plain build has some
    configs = {
        "plain": {**common, "docs_dir": str(corpus.docs_dir), "site_dir": str(folder / "site-plain"), "hooks": []},
        "hooks": {**common, "docs_dir": str(corpus.docs_dir), "site_dir": str(folder / "site-hooks")},
        "links": {
            **common,
            "docs_dir": str(folder / "docs-links"),
            "site_dir": str(folder / "site-links"),
            "hooks": [],
        },
    }
    return Size(pages, corpus, folder, configs)


def write_links_pages(size: Size, captured: dict[str, str]) -> None:
    """The links-only pages: each page's source with its Markdown replaced by what the hooks made of it."""
    links_docs = Path(size.configs["links"]["docs_dir"])
    shutil.copytree(size.corpus.docs_dir, links_docs)
    citations = synthetic = 0
    for src_uri, markdown in captured.items():
        path = links_docs / src_uri
        source = path.read_text(encoding="utf-8")
        body, _ = meta.get_data(source)
        path.write_text(source[: len(source) - len(body)] + markdown, encoding="utf-8")
        linked = len(_CITE_ID.findall(markdown))
        citations += linked
        synthetic += linked if src_uri in size.corpus.pages else 0
    if synthetic != size.corpus.stats.total:
        log.warning(
            f"{size.pages} pages: the hooks linked {synthetic} of the {size.corpus.stats.total} citations written "
            "(counted as attr_list ids #cite-N): check the corpus against the hooks"
        )
    size.citations, size.base_citations = citations, citations - synthetic
    size.base_pages = len(captured) - len(size.corpus.pages)


def compare_sites(size: Size) -> tuple[int, int]:
    """How many built HTML pages (and the search index) are byte-identical with hooks and links only."""
    hooks_site, links_site = size.folder / "site-hooks", size.folder / "site-links"
    names = sorted(p.relative_to(hooks_site) for p in hooks_site.rglob("*") if p.suffix in (".html", ".json"))
    same = sum(
        1
        for n in names
        if (links_site / n).is_file() and (links_site / n).read_bytes() == (hooks_site / n).read_bytes()
    )
    return same, len(names)


# --- Measuring -----------------------------------------------------------------------------------


def measure(size: Size, reps: int, *, warm_up: bool) -> None:
    """``reps`` builds of each variant, round-robin; each variant takes each place in the order in turn.

    The first hook build also keeps the Markdown the hooks write, for the links-only pages (written
    between builds, untimed). ``warm_up`` adds an untimed hook build first, for the first size of a run.
    """
    captured: dict[str, str] | None = {}
    if warm_up:
        run_build(size.configs["hooks"], capture=captured)
        write_links_pages(size, captured)
        captured = None
    for rep in range(reps):
        order = ROTATION[rep % 3 :] + ROTATION[: rep % 3]
        for variant in order:
            keep = captured if variant == "hooks" else None
            result = run_build(size.configs[variant], synthetic=frozenset(size.corpus.pages), capture=keep)
            if keep is not None:
                write_links_pages(size, keep)
                captured = None
            size.builds[variant].append(result)
            extra = f", hooks' own {result.hooks_total:.3f} s" if variant == "hooks" else ""
            print(
                f"  {size.pages} pages, repetition {rep + 1}/{reps}: {variant:5} {result.seconds:7.3f} s "
                f"(cpu {result.cpu:.3f} s, gc {result.gc:.3f} s{extra})",
                file=sys.stderr,
                flush=True,
            )
    size.identical_html = compare_sites(size)


def median(values):
    return statistics.median(values) if values else float("nan")


@dataclass
class Summary:
    pages: int
    citations: int
    base_pages: int
    base_citations: int
    reps: int
    seconds: dict[str, dict[str, float]]  # variant -> median, min, max
    hooks_own: float  # median of the hooks' own time per build
    hooks_share: float  # median of (hooks' own / build) over the hook builds
    hooks_own_cpu: float  # the same in CPU time
    hooks_share_cpu: float
    per_citation_us: float  # hooks' own median time per citation, in microseconds
    per_citation_cpu_us: float
    events: dict[str, float]  # event -> median seconds
    ratio_hooks: float
    ratio_links: float
    identical_html: tuple[int, int]
    warnings: dict[str, int]  # variant -> the most warnings one build logged
    page_groups: dict[str, dict[str, float]]  # variant -> synthetic / site / rest: median CPU seconds
    site_pages: dict[str, dict[str, float]]  # variant -> src_uri of the site's own page -> median CPU seconds
    raw: dict[str, list[dict]]


def summarise(size: Size) -> Summary:
    seconds = {
        v: {
            "median": median([b.seconds for b in builds]),
            "min": min(b.seconds for b in builds),
            "max": max(b.seconds for b in builds),
            "cpu": median([b.cpu for b in builds]),
            "gc": median([b.gc for b in builds]),
        }
        for v, builds in size.builds.items()
    }
    hooks = size.builds["hooks"]
    own = median([b.hooks_total for b in hooks])
    events = sorted({e for b in hooks for e in b.hooks})
    plain = seconds["plain"]["median"]
    return Summary(
        pages=size.pages,
        citations=size.citations,
        base_pages=size.base_pages,
        base_citations=size.base_citations,
        reps=len(hooks),
        seconds=seconds,
        hooks_own=own,
        hooks_share=median([b.hooks_total / b.seconds for b in hooks]),
        hooks_own_cpu=median([b.hooks_cpu_total for b in hooks]),
        hooks_share_cpu=median([b.hooks_cpu_total / b.cpu for b in hooks if b.cpu > 0]),
        per_citation_us=own / size.citations * 1e6 if size.citations else float("nan"),
        per_citation_cpu_us=median([b.hooks_cpu_total for b in hooks]) / size.citations * 1e6
        if size.citations
        else float("nan"),
        events={e: median([b.hooks.get(e, 0.0) for b in hooks]) for e in events},
        ratio_hooks=seconds["hooks"]["median"] / plain,
        ratio_links=seconds["links"]["median"] / plain,
        identical_html=size.identical_html,
        warnings={v: max(b.warnings for b in size.builds[v]) for v in VARIANTS},
        page_groups={
            v: {
                "synthetic": median([b.synthetic_pages_cpu for b in builds]),
                "site": median([sum(b.site_pages_cpu.values()) for b in builds]),
                "rest": median([b.cpu - b.synthetic_pages_cpu - sum(b.site_pages_cpu.values()) for b in builds]),
            }
            for v, builds in size.builds.items()
        },
        site_pages={
            v: {page: median([b.site_pages_cpu.get(page, 0.0) for b in builds]) for page in builds[0].site_pages_cpu}
            for v, builds in size.builds.items()
        },
        raw={v: [asdict(b) for b in size.builds[v]] for v in VARIANTS},
    )


# --- Reporting -----------------------------------------------------------------------------------


def report(summaries: list[Summary], corpora: dict[int, Corpus], version: str) -> list[str]:
    out: list[str] = []
    add = out.append
    add("")
    add(
        f"Hooks benchmark: in-process builds (load_config + build) of the site's own pages plus N synthetic "
        f"EDM-style pages of {CITATIONS_PER_PAGE} citations each"
    )
    add(f"Project at {version}; Python {platform.python_version()}, {os.cpu_count()} CPUs")
    add("  plain: no hooks (citations stay text); hooks: the hooks of mkdocs.yml; links only: no hooks, the pages")
    add("  already hold the Markdown the hooks write. Variants alternate, round-robin, in every repetition.")
    add("")
    for s in summaries:
        stats = corpora[s.pages].stats
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(stats.citations.items()))
        add(
            f"{s.pages:>3} pages: {s.citations} citations linked = {stats.total} on the synthetic pages ({kinds}; "
            f"{stats.brackets} brackets, {stats.wrapped} wrapped over a line break) + {s.base_citations} on the "
            f"site's own {s.base_pages} pages; {s.reps} repetitions"
        )
    add("")
    header = (
        f"{'pages':>5}  {'variant':<16} {'median s':>9} {'min s':>8} {'max s':>8} {'/ plain':>8}   "
        f"{'cpu s':>8} {'gc s':>7}"
    )
    add(header)
    add("-" * len(header))
    for s in summaries:
        for v in VARIANTS:
            t = s.seconds[v]
            ratio = {"plain": 1.0, "hooks": s.ratio_hooks, "links": s.ratio_links}[v]
            add(
                f"{s.pages:>5}  {LABELS[v]:<16} {t['median']:>9.3f} {t['min']:>8.3f} {t['max']:>8.3f} {ratio:>8.3f}   "
                f"{t['cpu']:>8.3f} {t['gc']:>7.3f}"
            )
        add("")
    add("  median/min/max: wall-clock seconds; cpu s: the process's CPU time; gc s: garbage collector pauses")
    add("")
    add("Where the hook build's extra time goes (medians, seconds, and % of the plain build):")
    add("")
    header = (
        f"{'pages':>5} {'clock':<5}  {'hooks - plain':>15}  {'links - plain':>15}  {'hooks - links':>15}  "
        f"{'hooks own':>9}  {'own share':>9}  {'citations':>9}  {'own/citation':>12}"
    )
    add(header)
    add("-" * len(header))
    for s in summaries:
        for clock, key, own, share, per in (
            ("wall", "median", s.hooks_own, s.hooks_share, s.per_citation_us),
            ("cpu", "cpu", s.hooks_own_cpu, s.hooks_share_cpu, s.per_citation_cpu_us),
        ):
            plain, hooks, links = (s.seconds[v][key] for v in VARIANTS)

            def delta(value: float, plain: float = plain) -> str:
                return f"{value:+7.3f} {value / plain:+7.1%}"

            add(
                f"{s.pages:>5} {clock:<5}  {delta(hooks - plain):>15}  {delta(links - plain):>15}  "
                f"{delta(hooks - links):>15}  {own:>9.3f}  {share:>9.2%}  {s.citations:>9}  {per:>9.1f} µs"
            )
    add("")
    add("  links - plain: MkDocs' own cost of rendering the links and lists the hooks write (no hook code runs)")
    add("  hooks - links: what running the hooks adds; 'hooks own' is the hooks' time measured inside the")
    add("                 hook builds, by timing every hook event; 'own share' is hooks own / the hook build")
    add("  wall: wall-clock time; cpu: the process's CPU time, which a busy machine disturbs less")
    add("")
    add("MkDocs' CPU time by group of pages (medians, seconds; reading, rendering and writing each page):")
    add("")
    header = f"{'pages':>5}  {'variant':<16} {'synthetic pages':>16} {'site own pages':>15} {'rest of build':>14}"
    add(header)
    add("-" * len(header))
    for s in summaries:
        for v in VARIANTS:
            g = s.page_groups[v]
            add(f"{s.pages:>5}  {LABELS[v]:<16} {g['synthetic']:>16.3f} {g['site']:>15.3f} {g['rest']:>14.3f}")
        add("")
    big = summaries[-1]
    slowest = sorted(big.site_pages["links"].items(), key=lambda item: -item[1])[:6]
    add(
        f"  the site's own pages include the index pages the hooks fill from every citation; at {big.pages} pages "
        "the slowest, links only (plain):"
    )
    add(
        "  "
        + "; ".join(f"{page} {cpu:.2f} s ({big.site_pages['plain'].get(page, 0.0):.2f} s)" for page, cpu in slowest)
    )
    add("  the hook build's figures include the hooks' page events; rest: navigation, search index, assets, ...")
    add("")
    add("The hooks' own time by event (medians, seconds):")
    add("")
    events = sorted({e for s in summaries for e in s.events})
    width = max(len(e) for e in events) if events else 10
    add(f"{'event':<{width}}  " + "  ".join(f"{s.pages:>7} p" for s in summaries))
    for event in events:
        add(f"{event:<{width}}  " + "  ".join(f"{s.events.get(event, 0.0):>9.4f}" for s in summaries))
    add("")
    for s in summaries:
        same, total = s.identical_html
        warned = ", ".join(f"{v} {n}" for v, n in s.warnings.items())
        add(
            f"{s.pages} pages: HTML identical with hooks and links only: {same} of {total} files; "
            f"warnings per build: {warned}"
        )
    add("  (the plain build's warnings are the site's own links to anchors that only the hooks write)")
    add("")
    busy = median([s.seconds["plain"]["cpu"] / s.seconds["plain"]["median"] for s in summaries])
    if busy < 0.85:
        add(
            f"Note: the machine was busy (CPU time was {busy:.0%} of wall-clock time in the plain builds): "
            "the CPU-time figures are the more reliable."
        )
        add("")
    out += verdicts(summaries)
    return out


def verdicts(summaries: list[Summary]) -> list[str]:
    out = []
    by_pages = {s.pages: s for s in summaries}
    target = by_pages.get(500) or max(summaries, key=lambda s: s.pages)
    note = "" if target.pages == 500 else f" (500 pages not run: shown for the largest size, {target.pages} pages)"
    verdict = "PASS" if max(target.hooks_share, target.hooks_share_cpu) <= TARGET_SHARE else "FAIL"
    out.append(
        f"hooks' own time at {target.pages} pages: {target.hooks_share:.2%} of build (median {target.hooks_own:.3f} s "
        f"of {target.seconds['hooks']['median']:.3f} s; in CPU time {target.hooks_share_cpu:.2%}; "
        f"target <= {TARGET_SHARE:.0%} in both): {verdict}{note}"
    )
    large = sorted((s for s in summaries if s.pages >= 100), key=lambda s: s.pages)
    if len(large) >= 2:
        small, big = large[-2], large[-1]
        factor = big.per_citation_us / small.per_citation_us
        marginal = (big.hooks_own - small.hooks_own) / (big.citations - small.citations) * 1e6
        cpu_factor = big.per_citation_cpu_us / small.per_citation_cpu_us
        verdict = "PASS" if max(factor, cpu_factor) <= LINEAR_FACTOR else "FAIL"
        out.append(
            f"linear growth: hooks' own time per citation {small.per_citation_us:.1f} µs at {small.pages} pages, "
            f"{big.per_citation_us:.1f} µs at {big.pages} pages (x{factor:.2f}; in CPU time "
            f"{small.per_citation_cpu_us:.1f} -> {big.per_citation_cpu_us:.1f} µs, x{cpu_factor:.2f}; marginal "
            f"{marginal:.1f} µs per added citation; target x <= {LINEAR_FACTOR} in both): {verdict}"
        )
    else:
        out.append("linear growth: not checked (needs two sizes of at least 100 pages)")
    if verdict == "FAIL" or max(target.hooks_share, target.hooks_share_cpu) > TARGET_SHARE:
        out.append("(run with --profile for the hooks' hotspots)")
    return out


# --- One page of many citations ----------------------------------------------------------------


@dataclass
class OnePage:
    citations: int
    hooks: list[Build]
    plain: list[Build]

    def seconds(self, variant: str, key: str = "seconds") -> float:
        return median([getattr(b, key) for b in getattr(self, variant)])


def measure_one_page(counts: list[int], work: Path, base: dict, seed: int, reps: int) -> list[OnePage]:
    """Builds of the site plus one page of ``count`` citations, with the hooks and without, round-robin."""
    results = []
    for count in counts:
        print(f"one page of {count} citations: writing it", file=sys.stderr, flush=True)
        size = prepare(1, work, base, seed, citations=count)
        result = OnePage(count, [], [])
        for rep in range(reps):
            for variant in ("hooks", "plain") if rep % 2 == 0 else ("plain", "hooks"):
                build_result = run_build(size.configs[variant], synthetic=frozenset(size.corpus.pages))
                getattr(result, variant).append(build_result)
                print(
                    f"  one page of {count} citations, repetition {rep + 1}/{reps}: {variant:5} "
                    f"{build_result.seconds:7.3f} s (cpu {build_result.cpu:.3f} s)",
                    file=sys.stderr,
                    flush=True,
                )
        results.append(result)
        shutil.rmtree(size.folder, ignore_errors=True)
    return results


def one_page_report(results: list[OnePage]) -> list[str]:
    out = ["", "One page of many citations (medians; the site's own pages are built too):", ""]
    header = f"{'citations':>9}  {'hooks s':>8} {'hooks cpu s':>11}  {'plain s':>8} {'plain cpu s':>11}"
    out += [header, "-" * len(header)]
    for r in results:
        out.append(
            f"{r.citations:>9}  {r.seconds('hooks'):>8.2f} {r.seconds('hooks', 'cpu'):>11.2f}  "
            f"{r.seconds('plain'):>8.2f} {r.seconds('plain', 'cpu'):>11.2f}"
        )
    out.append("")
    if len(results) >= 2:
        small, big = results[0], results[-1]
        wall = big.seconds("hooks") / small.seconds("hooks")
        cpu = big.seconds("hooks", "cpu") / small.seconds("hooks", "cpu")
        verdict = "PASS" if cpu <= ONE_PAGE_GROWTH else "FAIL"
        out.append(
            f"one page, {small.citations} -> {big.citations} citations (x{big.citations / small.citations:.1f}): "
            f"the hook build grows x{cpu:.2f} in CPU time (x{wall:.2f} wall-clock); target x <= "
            f"{ONE_PAGE_GROWTH} in CPU time: {verdict}"
        )
    return out


def profile_hooks(size: Size, top: int) -> list[str]:
    """One more hook build under cProfile: the hooks' functions, and the library calls they make."""
    profile = cProfile.Profile()
    result = run_build(size.configs["hooks"], profile=profile)
    stats = pstats.Stats(profile, stream=io.StringIO())
    hooks_dir = str(PROJECT / "hooks")

    def name(key: tuple[str, int, str]) -> str:
        filename, line, function = key
        if filename.startswith(str(PROJECT)):
            filename = str(Path(filename).relative_to(PROJECT))
        elif "site-packages/" in filename:
            filename = filename.split("site-packages/", 1)[1]
        return f"{filename}:{line}({function})" if line else function

    ours, theirs = [], []
    for key, (_cc, calls, tottime, cumtime, callers) in stats.stats.items():
        if key[0].startswith(hooks_dir):
            ours.append((tottime, cumtime, calls, name(key)))
        else:  # time spent in a library function on behalf of the hooks' code that called it
            from_hooks = [v for caller, v in callers.items() if caller[0].startswith(hooks_dir)]
            if from_hooks:
                theirs.append((0.0, sum(v[3] for v in from_hooks), sum(v[1] for v in from_hooks), name(key)))
    out = [
        "",
        f"cProfile of one more hook build at {size.pages} pages: {result.seconds:.1f} s, of which the hooks' own "
        f"{result.hooks_total:.1f} s (profiler overhead included)",
    ]
    tables = (
        ("hooks/ functions by own time", ours, 0),
        ("hooks/ functions by cumulative time", ours, 1),
        ("library functions the hooks call, by time spent for the hooks", theirs, 1),
    )
    for title, rows, key in tables:
        out += ["", f"  {title}:", f"  {'own s':>8} {'cum s':>8} {'calls':>9}  function"]
        for tottime, cumtime, calls, where in sorted(rows, key=lambda r: -r[key])[:top]:
            own = f"{tottime:>8.3f}" if rows is ours else f"{'':>8}"
            out.append(f"  {own} {cumtime:>8.3f} {calls:>9}  {where}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="citing pages, e.g. 1,100,500")
    parser.add_argument("--reps", type=int, help="repetitions per size (default: 5, and 3 from 300 pages)")
    parser.add_argument("--json", type=Path, help="save the results to this file")
    parser.add_argument("--seed", type=int, default=SEED, help="seed of the synthetic corpus")
    parser.add_argument("--profile", action="store_true", help="also cProfile one hook build at the largest size")
    parser.add_argument("--keep", action="store_true", help="keep the corpus and the built sites")
    parser.add_argument(
        "--one-page",
        default=",".join(map(str, DEFAULT_ONE_PAGE)),
        help="citations on one page, e.g. 10000,25000 (empty: skip); the growth from the first to the last",
    )
    parser.add_argument("--one-page-reps", type=int, default=ONE_PAGE_REPS, help="repetitions per one-page size")
    args = parser.parse_args(argv)
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    one_page = sorted({int(s) for s in args.one_page.split(",") if s.strip()})
    if (not sizes and not one_page) or min(sizes or [1]) < 1 or min(one_page or [1]) < 1:
        parser.error("--sizes, --one-page: give page and citation counts of at least 1")
    logging.basicConfig(format="%(name)s: %(message)s", level=logging.WARNING)
    if args.json:
        args.json = args.json.resolve()

    global PROJECT
    started = time.perf_counter()
    version = project_version()
    work = Path(tempfile.mkdtemp(prefix="edm-bench-"))
    summaries: list[Summary] = []
    corpora: dict[int, Corpus] = {}
    try:
        PROJECT = copy_project(ROOT, work / "project")
        os.chdir(PROJECT)  # pymdownx.snippets reads includes/ from the working directory, as `make` runs it
        base = project_config()
        for pages in sizes:
            reps = args.reps or (5 if pages < 300 else 3)
            print(f"{pages} pages: writing the corpus", file=sys.stderr, flush=True)
            size = prepare(pages, work, base, args.seed)
            corpora[pages] = size.corpus
            measure(size, reps, warm_up=pages == sizes[0])
            summaries.append(summarise(size))
            if pages != sizes[-1] and not args.keep:
                shutil.rmtree(size.folder, ignore_errors=True)
        if summaries:
            print("\n".join(report(summaries, corpora, version)))
        one = measure_one_page(one_page, work, base, args.seed, args.one_page_reps) if one_page else []
        if one:
            print("\n".join(one_page_report(one)))
        measured = time.perf_counter() - started
        print(f"\nwall time of the benchmark: {measured:.0f} s")
        if args.json:
            save(args.json, summaries, version, args.seed, measured, one)
        if args.profile and summaries:
            print(f"{size.pages} pages: one more hook build, under cProfile", file=sys.stderr, flush=True)
            profiled = time.perf_counter()
            profile_lines = profile_hooks(size, top=15)
            profiled = time.perf_counter() - profiled
            print("\n".join([*profile_lines, "", f"wall time of the cProfile build: {profiled:.0f} s"]))
    finally:
        os.chdir(ROOT)
        if args.keep:
            print(f"corpus and sites kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def save(path: Path, summaries: list[Summary], version: str, seed: int, wall: float, one: list[OnePage]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    result = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "project": version,
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "versions": {p: metadata.version(p) for p in ("mkdocs", "mkdocs-material", "markdown-it-py", "Markdown")},
        "citations_per_page": CITATIONS_PER_PAGE,
        "seed": seed,
        "wall_seconds": round(wall, 1),
        "sizes": [asdict(s) for s in summaries],
        "verdicts": verdicts(summaries) if summaries else [],
        "one_page": [
            {"citations": r.citations, "hooks": [asdict(b) for b in r.hooks], "plain": [asdict(b) for b in r.plain]}
            for r in one
        ],
        "one_page_verdict": one_page_report(one)[-1] if len(one) >= 2 else None,
    }
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"results saved to {path}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())

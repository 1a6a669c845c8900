"""What MkDocs' link validation costs of the hooks' rendering cost: the question issue 3 left open.

    .venv/bin/python scripts/bench_links.py            # what `make bench-links` runs
    .venv/bin/python scripts/bench_links.py --pages 100 --reps 5

The hooks write their links as relative ``.md`` links, so that MkDocs resolves and validates every
one of them. Rendering what the hooks write costs a build far more than the hooks themselves
(``make bench-hooks``: "links - plain"). Could the hooks write finished URLs instead, and check them
against their own anchors? This measures the most that could save. The benchmark's corpus (the
site's pages plus N synthetic pages, ``bench_corpus``) is built in-process, in three variants,
round-robin:

    plain      the pages, no hooks: the citations stay dead text
    links      no hooks; every page holds the Markdown the hooks write (``.md`` links, validated)
    resolved   the same, with every ``.md`` link replaced by the URL MkDocs would make of it, and
               MkDocs told to ignore links it does not recognise (so nothing validates them)

``links`` and ``resolved`` must give byte-identical HTML; the script checks it. ``links - resolved``
is what resolving and validating the links costs, the most that writing finished URLs could save.
"""

from __future__ import annotations

import argparse
import os
import posixpath
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import bench_hooks
from sitebuild import copy_project

MD_LINK = re.compile(r"\]\((?P<target>[^()\s\"]*?\.md)(?P<anchor>#[^()\s\"]*)?")
VARIANTS = ("plain", "links", "resolved")


def url_of(src_uri: str) -> str:
    """The page's address relative to the site's root, as MkDocs makes it (``use_directory_urls``)."""
    directory, name = posixpath.split(src_uri)
    if name == "index.md":
        return f"{directory}/" if directory else ""
    return f"{posixpath.join(directory, name[: -len('.md')])}/"


def resolve_links(markdown: str, src_uri: str, pages: set[str]) -> tuple[str, int]:
    """``markdown`` with each ``.md`` link to one of ``pages`` written as the URL MkDocs would write."""
    here = url_of(src_uri) or "."
    count = 0

    def resolved(match: re.Match[str]) -> str:
        nonlocal count
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), match["target"]))
        if target not in pages:
            return match[0]
        count += 1
        url = posixpath.relpath(url_of(target) or ".", here)
        return f"]({'' if url == '.' else url}/{match['anchor'] or ''}".replace("](/", "](./")

    return MD_LINK.sub(resolved, markdown), count


def write_resolved(links_docs: Path, target: Path) -> int:
    shutil.copytree(links_docs, target)
    pages = {str(p.relative_to(target)).replace(os.sep, "/") for p in target.rglob("*.md")}
    total = 0
    for src_uri in pages:
        path = target / src_uri
        markdown, count = resolve_links(path.read_text(encoding="utf-8"), src_uri, pages)
        path.write_text(markdown, encoding="utf-8")
        total += count
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=500, help="synthetic pages (default: 500)")
    parser.add_argument("--reps", type=int, default=3, help="repetitions of each variant (default: 3)")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="edm-bench-links-"))
    try:
        bench_hooks.PROJECT = copy_project(bench_hooks.ROOT, work / "project")
        os.chdir(bench_hooks.PROJECT)  # pymdownx.snippets reads includes/ from the working directory
        size = bench_hooks.prepare(args.pages, work, bench_hooks.project_config(), seed=bench_hooks.SEED)
        captured: dict[str, str] = {}
        bench_hooks.run_build(size.configs["hooks"], capture=captured)  # untimed: writes the links pages
        bench_hooks.write_links_pages(size, captured)
        links = size.configs["links"]
        rewritten = write_resolved(Path(links["docs_dir"]), work / "docs-resolved")
        configs = {
            "plain": size.configs["plain"],
            "links": links,
            "resolved": {
                **links,
                "docs_dir": str(work / "docs-resolved"),
                "site_dir": str(work / "site-resolved"),
                "validation": {"links": {"not_found": "warn", "anchors": "warn", "unrecognized_links": "ignore"}},
            },
        }
        seconds: dict[str, list[float]] = {variant: [] for variant in VARIANTS}
        warnings: dict[str, int] = {}
        for rep in range(args.reps):
            for variant in VARIANTS[rep % 3 :] + VARIANTS[: rep % 3]:
                result = bench_hooks.run_build(configs[variant])
                seconds[variant].append(result.seconds)
                warnings[variant] = result.warnings
                print(f"  repetition {rep + 1}/{args.reps}: {variant:8} {result.seconds:7.3f} s", file=sys.stderr)
        built = {v: Path(configs[v]["site_dir"]) for v in ("links", "resolved")}
        names = sorted(p.relative_to(built["links"]) for p in built["links"].rglob("*.html"))
        same = sum((built["resolved"] / n).read_bytes() == (built["links"] / n).read_bytes() for n in names)
    finally:
        os.chdir(bench_hooks.ROOT)
        shutil.rmtree(work, ignore_errors=True)

    median = {variant: statistics.median(values) for variant, values in seconds.items()}
    print(f"Link validation benchmark: {args.pages} synthetic pages plus the site's own, {args.reps} repetitions")
    print(f"{rewritten} .md links written as finished URLs in the 'resolved' variant\n")
    print(f"{'variant':10} {'median s':>9} {'min s':>8} {'max s':>8} {'warnings':>9}")
    for variant in VARIANTS:
        values = seconds[variant]
        print(f"{variant:10} {median[variant]:9.3f} {min(values):8.3f} {max(values):8.3f} {warnings[variant]:9d}")
    rendering = median["links"] - median["plain"]
    saved = median["links"] - median["resolved"]
    print(f"\nHTML identical, links and resolved: {same} of {len(names)} pages")
    print(f"rendering what the hooks write (links - plain): {rendering:+.3f} s")
    print(
        f"resolving and validating the links (links - resolved): {saved:+.3f} s = "
        f"{100 * saved / median['links']:.1f}% of the build, {100 * saved / rendering:.1f}% of the rendering cost"
    )
    return 0 if same == len(names) else 1


if __name__ == "__main__":
    sys.exit(main())

"""What MkDocs' link validation costs of the hooks' rendering cost: the question issue 3 left open.

    .venv/bin/python scripts/bench_links.py            # what `make bench-links` runs
    .venv/bin/python scripts/bench_links.py --pages 100 --reps 5

The hooks write their links as relative ``.md`` links, so that MkDocs resolves and validates every
one of them. Rendering what the hooks write costs a build far more than the hooks themselves
(``make bench-hooks``: "links - plain"). Could the hooks write finished URLs instead, and check them
against their own anchors? This measures the most that could save. The benchmark's corpus (the
site's pages plus N synthetic pages, tests/bench_corpus.py) is built in-process, in three variants,
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
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # what the benchmarks share with the tests

from mkdocs.utils import meta

from bench_hooks import CITATIONS_PER_PAGE, ROOT, SEED, corpus, measure, median, timed_build
from sitebuild import copy_project

MD_LINK = re.compile(r"\]\((?P<target>[^()\s\"]*?\.md)(?P<anchor>#[^()\s\"]*)?")


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


def write_links(docs: Path, target: Path, captured: dict[str, str]) -> None:
    """The pages with their Markdown replaced by what the hooks made of it (front matter kept)."""
    shutil.copytree(docs, target)
    for src_uri, markdown in captured.items():
        source = (target / src_uri).read_text(encoding="utf-8")
        body = meta.get_data(source)[0]
        (target / src_uri).write_text(source[: len(source) - len(body)] + markdown, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=500, help="synthetic pages (default: 500)")
    parser.add_argument("--reps", type=int, default=3, help="repetitions of each variant (default: 3)")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="edm-bench-links-"))
    try:
        project = copy_project(ROOT, work / "project")
        os.chdir(project)
        _, configs = corpus(project, work / "corpus", args.pages, CITATIONS_PER_PAGE, SEED)
        captured: dict[str, str] = {}
        timed_build(project, configs["hooks"], capture=captured)  # untimed: what the hooks write
        write_links(Path(configs["plain"]["docs_dir"]), work / "docs-links", captured)
        rewritten = write_resolved(work / "docs-links", work / "docs-resolved")
        links = {**configs["plain"], "docs_dir": str(work / "docs-links"), "site_dir": str(work / "site-links")}
        ignored = {"links": {"not_found": "warn", "anchors": "warn", "unrecognized_links": "ignore"}}
        resolved = {**links, "docs_dir": str(work / "docs-resolved"), "site_dir": str(work / "site-resolved")}
        variants = {"plain": configs["plain"], "links": links, "resolved": resolved | {"validation": ignored}}
        builds = measure(project, variants, args.reps, f"{args.pages} pages")
        built = {v: Path(variants[v]["site_dir"]) for v in ("links", "resolved")}
        names = sorted(p.relative_to(built["links"]) for p in built["links"].rglob("*.html"))
        same = sum((built["resolved"] / n).read_bytes() == (built["links"] / n).read_bytes() for n in names)
    finally:
        os.chdir(ROOT)
        shutil.rmtree(work, ignore_errors=True)

    seconds = {variant: median(runs, "wall") for variant, runs in builds.items()}
    print(f"Link validation benchmark: {args.pages} synthetic pages plus the site's own, {args.reps} repetitions")
    print(f"{rewritten} .md links written as finished URLs in the 'resolved' variant\n")
    print(f"{'variant':10} {'median s':>9} {'min s':>8} {'max s':>8} {'cpu s':>8} {'warnings':>9}")
    for variant, runs in builds.items():
        walls = [b.wall for b in runs]
        print(f"{variant:10} {seconds[variant]:9.3f} {min(walls):8.3f} {max(walls):8.3f}", end="")
        print(f" {median(runs, 'cpu'):8.3f} {runs[-1].warnings:9d}")
    rendering = seconds["links"] - seconds["plain"]
    saved = seconds["links"] - seconds["resolved"]
    print(f"\nHTML identical, links and resolved: {same} of {len(names)} pages")
    print(f"rendering what the hooks write (links - plain): {rendering:+.3f} s")
    print(
        f"resolving and validating the links (links - resolved): {saved:+.3f} s = "
        f"{100 * saved / seconds['links']:.1f}% of the build, {100 * saved / rendering:.1f}% of the rendering cost"
    )
    return 0 if same == len(names) else 1


if __name__ == "__main__":
    sys.exit(main())

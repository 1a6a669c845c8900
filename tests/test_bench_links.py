"""The link benchmark's rewriting: a .md link becomes the URL MkDocs itself writes for it."""

from __future__ import annotations

import pytest

from bench_links import resolve_links, url_of

PAGES = {"index.md", "sources.md", "bench/01/issue-001.md", "bench/index.md"}


@pytest.mark.parametrize(
    ("src_uri", "url"),
    [
        ("index.md", ""),
        ("sources.md", "sources/"),
        ("bench/01/issue-001.md", "bench/01/issue-001/"),
        ("bench/index.md", "bench/"),
    ],
)
def test_url_of(src_uri: str, url: str) -> None:
    assert url_of(src_uri) == url


@pytest.mark.parametrize(
    ("src_uri", "markdown", "expected"),
    [
        (
            "bench/01/issue-001.md",
            '[RBC](../../sources.md#rbc "t"){ #cite-1 }',
            '[RBC](../../../sources/#rbc "t"){ #cite-1 }',
        ),
        ("sources.md", "[p](bench/01/issue-001.md#cite-3)", "[p](../bench/01/issue-001/#cite-3)"),
        ("sources.md", "[here](sources.md#rbc)", "[here](./#rbc)"),
        ("index.md", "[s](sources.md)", "[s](sources/)"),
        ("sources.md", "[home](index.md#p1)", "[home](../#p1)"),
        ("bench/index.md", "[s](../sources.md#x)", "[s](../sources/#x)"),
        ("sources.md", "[ext](https://example.org/a.md)", "[ext](https://example.org/a.md)"),
        ("sources.md", "[gone](missing.md#x)", "[gone](missing.md#x)"),
    ],
)
def test_resolve_links(src_uri: str, markdown: str, expected: str) -> None:
    assert resolve_links(markdown, src_uri, PAGES)[0] == expected

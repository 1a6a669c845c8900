"""The Content-Security-Policy of every page (``edm_site.csp``, ``hooks/edm_steps/policy.py``): each inline script a
page runs allowed by its hash and nothing else inline, the policy first in the head, the same page
from a second pass, and what the policy would refuse reported by the build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import build_offline
from edm_site import csp
from sitebuild import BuildFailed, build_site, changed_project

HEAD = '<!doctype html>\n<html>\n  <head>\n    <meta charset="utf-8">\n    <title>t</title>\n'


def page(head: str = "", body: str = "") -> str:
    return f"{HEAD}{head}  </head>\n  <body>\n{body}  </body>\n</html>\n"


def policy_of(html: str) -> dict[str, list[str]]:
    (content,) = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    return {name: sources for name, *sources in (directive.split() for directive in content.split("; "))}


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        # MDN's example of a hash source (Content-Security-Policy: script-src).
        ("alert('Hello, world.');", "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"),
        # As Chromium named them when it refused these scripts: the UTF-8 bytes, not the code points;
        # the text after the HTML parser has made every line break a line feed.
        ("'é'", "'sha256-Dgmw5ng0/CnJy0pMciM01AqeOX3kzdu1c2gRtaGUiaE='"),
        ("a(1);\r\nb(2);", "'sha256-R4jxBAVg4EuUPQ2XgQCsaXigV3Ou4h22XmgAPi374/E='"),
        ("a(1);\rb(2);", "'sha256-R4jxBAVg4EuUPQ2XgQCsaXigV3Ou4h22XmgAPi374/E='"),
    ],
)
def test_a_script_hash_is_the_browsers(script: str, expected: str) -> None:
    assert csp.script_hash(script) == expected


@pytest.mark.parametrize(
    ("scripts", "hashed"),
    [
        ("<script>a()</script>", ["a()"]),
        ('<script type="module">a()</script><script type="text/javascript">b()</script>', ["a()", "b()"]),
        ("<script>\n  a()\n</script><script>\n  a()\n</script>", ["\n  a()\n"]),  # once each
        ('<script src="x.js"></script>', []),  # a file: allowed by 'self'
        ('<script id="__config" type="application/json">{"a": 1}</script>', []),  # data, never run
        ("<!-- <script>not()</script> -->", []),
        ("<pre><code>&lt;script&gt;x()&lt;/script&gt;</code></pre>", []),
        ('<script>document.write("<p>")</script>', ['document.write("<p>")']),
    ],
)
def test_each_inline_script_a_page_runs_is_hashed(scripts: str, hashed: list[str]) -> None:
    html = page(body=scripts)
    assert csp.inline_script_hashes(html) == [csp.script_hash(text) for text in hashed]
    assert policy_of(csp.with_policy(html))["script-src"] == ["'self'", *map(csp.script_hash, hashed)]


def test_the_site_policy_in_full() -> None:
    html = csp.with_policy(page(head="    <script>a()</script>\n"))
    assert policy_of(html) == {
        "default-src": ["'self'"],
        "script-src": ["'self'", csp.script_hash("a()")],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }


def test_a_page_without_scripts_runs_only_the_sites_files() -> None:
    assert policy_of(csp.with_policy(page()))["script-src"] == ["'self'"]


def test_the_serve_policy_allows_inline_scripts_and_names_no_hash() -> None:
    """A hash beside 'unsafe-inline' would switch it off, and the live-reload script has none."""
    served = policy_of(csp.with_policy(page(body="<script>a()</script>"), "serve"))
    assert served["script-src"] == ["'self'", "'unsafe-inline'"]
    site = policy_of(csp.with_policy(page(body="<script>a()</script>")))
    assert {name: sources for name, sources in served.items() if name != "script-src"} == {
        name: sources for name, sources in site.items() if name != "script-src"
    }


@pytest.mark.parametrize(
    ("html", "before"),
    [
        (page(head="    <script>a()</script>\n"), '    <meta http-equiv="Content-Security-Policy"'),
        # A script before <meta charset>: the policy goes straight after <head>, before the script.
        ("<html><head><script>a()</script><meta charset=utf-8></head></html>", "<head><meta http-equiv"),
        # No head written: at the very start, where the parser puts it in the head it makes.
        ("<script>a()</script><p>x</p>", '<meta http-equiv="Content-Security-Policy"'),
    ],
)
def test_the_policy_comes_first_in_the_head_before_any_script(html: str, before: str) -> None:
    secured = csp.with_policy(html)
    policy = secured.index('<meta http-equiv="Content-Security-Policy"')
    assert policy < secured.index("<script")
    assert before in secured
    if "<meta charset" in html and html.index("<meta charset") < html.index("<script"):
        assert secured.index("<meta charset") < policy  # the charset stays within the first 1024 bytes
    assert csp.without_policy(secured) == html


def test_a_second_pass_gives_the_same_page() -> None:
    html = page(head="    <script>a()</script>\n", body="<script>b()</script>\n")
    once = csp.with_policy(html)
    assert csp.with_policy(once) == once
    assert csp.with_policy(csp.with_policy(html, "serve")) == once  # a policy it had is replaced
    assert once.count("Content-Security-Policy") == 1


@pytest.mark.parametrize(
    ("body", "refused"),
    [
        ('<td style="text-align: right;">1</td>', ['<td style="text-align: right;">']),
        ("<style>p { color: red }</style>", ["a <style> element"]),
        ('<button onclick="go()">x</button>', ["<button onclick=…>"]),
        ('<a href=" JavaScript:void(0)">x</a>', ["<a href=' JavaScript:void(0)'>"]),
        ('<p style="x">a</p><p style="x">b</p>', ['<p style="x">']),  # once each
        ('<p class="edm-align-right" data-style="x">a</p><a href="javascript.html">j</a>', []),
    ],
)
def test_what_the_policy_refuses_is_named(body: str, refused: list[str]) -> None:
    assert list(csp.secure(page(body=body)).refused) == refused


def test_allowing_adds_a_script_to_the_pages_policy_once() -> None:
    html = csp.with_policy(page(body="<script>a()</script>"))
    allowed = csp.allowing(html, [csp.script_hash("b()"), csp.script_hash("b()"), csp.script_hash("a()")])
    assert policy_of(allowed)["script-src"] == ["'self'", csp.script_hash("a()"), csp.script_hash("b()")]
    assert csp.allowing(allowed, [csp.script_hash("b()")]) == allowed
    with pytest.raises(ValueError, match="no Content-Security-Policy"):
        csp.allowing(page(), [csp.script_hash("b()")])


def test_the_offline_edition_allows_the_script_the_iframe_worker_writes() -> None:
    """Under file:// the search's worker runs in an iframe the shim writes, whose inline script takes the
    page's policy: its text, rebuilt from the vendored shim, has the hash Chromium asked for when it
    refused it (for the worker address Material 9.8.2's pages name)."""
    shim = (build_offline.SHIM_SOURCE / "shim.js").read_text(encoding="utf-8")
    script = build_offline.iframe_worker_script(shim, "assets/javascripts/workers/search.a7633da7.min.js")
    assert script.startswith('postMessage=function c(s,n){parent.postMessage(s,n||"*")};importScripts=function d(')
    assert '{filename:"assets/javascripts/workers/search.a7633da7.min.js",error}' in script
    assert csp.script_hash(script) == "'sha256-zwEeX9SHbdbsDBu4WXpwOZty5sQXKT3c7Ic+TUtFsp0='"


# -- The site ---------------------------------------------------------------------------------------


def test_every_built_page_carries_its_policy_first_with_the_hashes_of_its_own_scripts(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert built_site / "404.html" in pages and len(pages) > 10
    for built in pages:
        html = built.read_text(encoding="utf-8")
        where = built.relative_to(built_site)
        assert html.index('<meta http-equiv="Content-Security-Policy"') < html.index("<script"), where
        assert html.index("<meta charset") < html.index('<meta http-equiv="Content-Security-Policy"'), where
        scripts = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
        assert len(scripts) >= 3, where  # Material's own: __md_scope, the palette, tabbed content
        assert policy_of(html)["script-src"] == ["'self'", *dict.fromkeys(map(csp.script_hash, scripts))], where
        assert " style=" not in html, where


def test_a_style_attribute_in_a_page_stops_the_build(tmp_path: Path, root: Path) -> None:
    old = "## Where the text comes from"
    new = '## Where the text comes from\n\n<p style="color: red">Red.</p>'
    project, _ = changed_project(root, tmp_path / "project", "docs/about.md", old, new)
    with pytest.raises(BuildFailed) as failure:
        build_site(project, tmp_path / "site")
    assert 'about.md: the page holds <p style="color: red">, which its Content-Security-Policy refuses' in str(
        failure.value
    )

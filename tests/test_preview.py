"""The preview hook: the watcher polls every 0.1 s, and compiled templates are reused, not stale."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import jinja2
import pytest

from edm_site.bytecode import MemoryBytecodeCache
from paths import ROOT

HOOK = ROOT / "hooks" / "edm_steps" / "serving.py"


def load_hook():
    spec = importlib.util.spec_from_file_location("preview_hook", HOOK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_serve_polls_every_tenth_of_a_second(tmp_path: Path) -> None:
    from mkdocs.livereload import LiveReloadServer

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        server.watch(str(tmp_path))
        hook = load_hook()
        hook.on_serve(server, config=None, builder=None)
        server.watch(str(tmp_path / "later"))
        emitters = list(server.observer.emitters)
        assert len(emitters) == 2
        assert all(e.timeout == hook.POLL_SECONDS for e in emitters)
    finally:
        server.server_close()


def test_cached_templates_are_recompiled_when_their_source_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = MemoryBytecodeCache()
    compiled: list[str] = []
    compile_template = jinja2.Environment.compile

    def counted(self: jinja2.Environment, source: str, *args: object, **kwargs: object) -> object:
        compiled.append(source)
        return compile_template(self, source, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    template = tmp_path / "t.j2"
    template.write_text("one {{ x }}", encoding="utf-8")

    def render() -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), bytecode_cache=cache)
        return env.get_template("t.j2").render(x=1)

    assert render() == "one 1"
    assert render() == "one 1"  # from the cache: not compiled again
    assert compiled == ["one {{ x }}"]
    template.write_text("two {{ x }}", encoding="utf-8")
    assert render() == "two 1"
    assert compiled == ["one {{ x }}", "two {{ x }}"]


PAGES = {"index.md": "", "region.md": "region/", "sources.md": "sources/", "notes/region.md": "notes/region/"}


@pytest.mark.parametrize(
    ("message", "pages"),
    [
        ('region.md:11: citation (Komersant, May 6): unknown outlet "Komersant"', ("region/",)),
        ("Doc file 'sources.md' contains a link 'x.md', but the target is not found", ("sources/",)),
        ("notes/region.md:3: a problem", ("notes/region/",)),  # not region.md: the name is part of a path
        ("/tmp/project/hooks/data/outlets.yml:12: entry 1: affiliation", ()),  # the whole site
        ("index.md:1: and region.md:2", ("", "region/")),
    ],
)
def test_a_problem_is_shown_on_the_pages_it_names(message: str, pages: tuple[str, ...]) -> None:
    from edm_site.problems import problems

    assert problems([message, message], PAGES) == [problems([message], PAGES)[0]]  # each once
    assert problems([message], PAGES)[0].pages == pages

"""Write a new edition into the working tree, from an article's text and its themes.

    .venv/bin/python scripts/edition.py ARTICLE.txt THEMES.yml      (make edition TEXT=... THEMES=...)

ARTICLE.txt is in the reference format (title, publication line, optional photo caption,
paragraphs; blocks separated by blank lines). THEMES.yml:

    caption: true              # optional: whether the third block is a photo caption
    published: 2017-05-04      # the article's publication date (it dates year-less citations)
    site_name: Safe Zones      # optional: the site's name (else the title); slug: likewise
    themes:
      - title: Astana talks
        paragraphs: [1]

It writes the reference text, edition.yml, the themed pages with their paragraph markers, the
full article, the overview, the edition notes and the analysis pages, and the data: the outlets
the text cites (kept where known, a stub where not), the `this: true` entry and a stub for each
cross-referenced EDM date, and the glossary (kept where used, a stub for each abbreviation the
glossary lacks). A stub is marked `stub: true` with every unknown fact `status: unknown` and no
value; what we write is a marked placeholder. `make build` lists both as work left; the
publishing workflow refuses them. The previous edition's own files are replaced: git has them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import jinja2
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from edm_site import dates, grammar  # noqa: E402  (the hooks' package)
from edm_site.datafile import DataFileError, load_document, load_entries  # noqa: E402
from edm_site.glossary import load_glossary  # noqa: E402
from edm_site.manifest import MANIFEST, load_edition  # noqa: E402
from edm_site.reference import Reference, ReferenceError, read_reference  # noqa: E402
from edm_site.work_left import work_left  # noqa: E402

TEMPLATES = Path(__file__).parent / "edition"
ANALYSIS_PAGES = ("sources", "edm", "chronology", "people", "glossary")
_BRACKET = re.compile(r"\(([^()]*)\)")
_ABBREVIATION = re.compile(r"\b[A-Z](?:[A-Z]+[0-9]*|[0-9]+)\b")  # US, FBI, G20; not "A" nor "L"
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


class EditionError(SystemExit):
    """A problem with the input: the message names the file, the line where known, and the fix."""


@dataclass(frozen=True)
class ThemeSpec:
    title: str
    page: str
    paragraphs: tuple[int, ...]

    @property
    def numbers(self) -> str:
        return ", ".join(f"¶{n}" for n in self.paragraphs)


@dataclass(frozen=True)
class Cited:
    """What the article's citations name: outlets by name, EDM dates, in the order they first appear."""

    outlets: tuple[str, ...]
    edm_dates: tuple[dt.date, ...]


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "page"


def count_words(number: int, noun: str) -> str:
    """ "two paragraphs": how our prose names a count (words up to twelve, as the site's prose does)."""
    word = _NUMBER_WORDS[number - 1] if 1 <= number <= len(_NUMBER_WORDS) else str(number)
    return f"{word} {noun}" + ("" if number == 1 else "s")


def read_themes(path: Path, paragraphs: int) -> tuple[dict, list[ThemeSpec]]:
    """The themes file, checked against the article's paragraph count."""
    try:
        raw = load_document(path)
    except DataFileError as error:
        raise EditionError(str(error)) from None
    if not isinstance(raw, dict) or not isinstance(raw.get("themes"), list) or not raw["themes"]:
        raise EditionError(f"{path}: expected themes: a list of title: and paragraphs: [N, ...]")
    allowed = {"caption", "published", "site_name", "slug", "themes", "__line__"}
    if unknown := sorted(set(raw) - allowed):
        raise EditionError(
            f"{path}: unknown field {unknown[0]!r}: the fields are caption, published, site_name, slug, themes"
        )
    themes: list[ThemeSpec] = []
    held: dict[int, str] = {}
    for item in raw["themes"]:
        line = item.get("__line__", raw["__line__"]) if isinstance(item, dict) else raw["__line__"]
        title = item.get("title") if isinstance(item, dict) else None
        numbers = item.get("paragraphs") if isinstance(item, dict) else None
        if not isinstance(title, str) or not title.strip():
            raise EditionError(f"{path}:{line}: a theme needs a title:")
        if (
            not isinstance(numbers, list)
            or not numbers
            or not all(isinstance(n, int) and not isinstance(n, bool) for n in numbers)
        ):
            raise EditionError(
                f"{path}:{line}: {title}: paragraphs must be a list of paragraph numbers, such as [1, 2]"
            )
        for number in numbers:
            if not 1 <= number <= paragraphs:
                raise EditionError(f"{path}:{line}: {title}: the article has no ¶{number} (it has ¶1 to ¶{paragraphs})")
            if number in held:
                raise EditionError(f"{path}:{line}: ¶{number} is in both {held[number]} and {title}: give it one theme")
            held[number] = title
        page = slugify(title) + ".md"
        if page in {t.page for t in themes} or page.removesuffix(".md") in (
            "index",
            "article",
            "about",
            *ANALYSIS_PAGES,
        ):
            raise EditionError(
                f"{path}:{line}: the theme {title!r} would be the page {page}, which is taken: rename it"
            )
        themes.append(ThemeSpec(" ".join(title.split()), page, tuple(sorted(numbers))))
    if missing := sorted(set(range(1, paragraphs + 1)) - set(held)):
        raise EditionError(f"{path}: no theme holds ¶{', ¶'.join(map(str, missing))}: give every paragraph a theme")
    published = raw.get("published")
    if not isinstance(published, dt.date) or isinstance(published, dt.datetime):
        raise EditionError(
            f"{path}: published: is missing or not a date: add published: YYYY-MM-DD, the article's publication "
            "date (the text does not state it; year-less citations are dated by it)"
        )
    return raw, themes


def cited(reference: Reference, published: dt.date) -> Cited:
    """The outlets and EDM dates the article's citations name (a near miss is left to the build)."""
    outlets: dict[str, None] = {}
    edm: dict[dt.date, None] = {}
    for paragraph in reference.paragraphs:
        for bracket in _BRACKET.finditer(paragraph):
            for ref in grammar.parse_bracket(bracket.group(1)) or ():
                if isinstance(ref, grammar.EdmRef):
                    try:
                        edm[dates.resolve(ref.date, published)] = None
                    except dates.DateProblem:
                        continue  # an impossible date: the build reports it with its line
                for name in _outlet_names(ref):
                    outlets[name] = None
    return Cited(tuple(outlets), tuple(sorted(edm)))


def _outlet_names(ref: object) -> Iterable[str]:
    if isinstance(ref, grammar.OutletRef):
        yield ref.outlet
    for outlet in getattr(ref, "outlets", ()):  # several outlets sharing one date
        yield outlet if isinstance(outlet, str) else outlet.outlet


def abbreviations(reference: Reference, outlets: tuple[str, ...]) -> tuple[str, ...]:
    """Every capitalised abbreviation in the article's text, in order of first use, but for the
    words of the outlets it cites ("RBC" is a name there, not an abbreviation to explain)."""
    names = {word for outlet in outlets for word in outlet.split()}
    found: dict[str, None] = {}
    for text in (reference.title, *((reference.caption,) if reference.caption else ()), *reference.paragraphs):
        for match in _ABBREVIATION.finditer(text):
            if match.group() not in names:
                found[match.group()] = None
    return tuple(found)


# --- The data ------------------------------------------------------------------------------


def _header(path: Path) -> str:
    """A data file's opening comment, kept: it says what the fields mean."""
    lines = path.read_text(encoding="utf-8").split("\n") if path.exists() else []
    end = next((number for number, line in enumerate(lines) if not line.startswith("#")), 0)
    return "".join(f"{line}\n" for line in lines[:end])


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True  # the data files refuse aliases: every value written out


def _entry(values: dict) -> str:
    text = yaml.dump([values], Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return text + "\n"


UNKNOWN = {"value": None, "status": "unknown"}


def outlets_file(path: Path, names: tuple[str, ...]) -> str:
    """outlets.yml for the new article: the known entries it cites, a stub for each name it lacks."""
    entries = load_entries(path)
    by_name = {n: e for e in entries for n in (e["name"], *e.get("aliases", []))}
    kept: list[dict] = []
    taken = {e["id"] for e in entries}
    for name in names:
        entry = by_name.get(name)
        if entry is not None:
            if entry not in kept:
                kept.append(entry)
            continue
        id, n = slugify(name), 2
        while id in taken or id in ("lost-outlets",) or id.startswith("edm-"):
            id, n = f"{slugify(name)}-{n}", n + 1
        taken.add(id)
        kept.append(
            {"id": id, "name": name, "stub": True, "aliases": [], "homepage": None, "language": None,
             "affiliation": "unknown", "profile": None, "status": "unknown", "evidence": None, "line": UNKNOWN}
        )  # fmt: skip
    text = _header(path) + "\n" + "".join(_entry(_plain(e)) for e in kept)
    return text


def _plain(value: object) -> object:
    """A loaded entry without the loader's ``__line__`` marks."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def edm_file(path: Path, reference: Reference, published: dt.date, cited_dates: tuple[dt.date, ...]) -> str:
    """edm-articles.yml: the new article (``this: true``, a stub) and a stub per cross-referenced date."""
    old_this = next(e for e in load_entries(path) if e.get("this") is True)
    where = "the article's text as given to make edition (reference/)"
    volume_issue = reference.volume_issue
    this = {
        "date": published,
        "this": True,
        "stub": True,
        "published": {
            "value": published, "status": "inferred", "evidence": "the themes file given to make edition",
            "note": "The article's text states no date: check it against the published article.",
        },
        "publisher": _plain(old_this["publisher"]),
        "volume": {"value": volume_issue[0], "status": "verified", "evidence": where} if volume_issue else UNKNOWN,
        "issue": {"value": volume_issue[1], "status": "verified", "evidence": where} if volume_issue else UNKNOWN,
        "title": {"value": reference.title, "status": "verified", "evidence": where},
        "author": UNKNOWN,
        "address": UNKNOWN,
    }  # fmt: skip
    stubs = [
        {"date": date, "stub": True, "match": UNKNOWN, "volume": UNKNOWN, "issue": UNKNOWN, "title": UNKNOWN,
         "author": UNKNOWN, "address": UNKNOWN}
        for date in cited_dates if date != published
    ]  # fmt: skip
    return _header(path) + "\n" + "".join(_entry(e) for e in [this, *stubs])


def glossary_file(path: Path, used: tuple[str, ...]) -> str:
    """includes/abbreviations.md: the known abbreviations the article uses, a stub for the others."""
    known = {a.abbr: a.meaning for a in load_glossary(path)}
    kept = [f"*[{abbr}]: {known[abbr]}\n" for abbr in sorted(known) if abbr in used]
    stubs = sorted(abbr for abbr in used if abbr not in known)
    return "".join(kept) + "".join(f"<!-- stub *[{abbr}]: what it stands for -->\n" for abbr in stubs)


def _yaml_scalar(value: object) -> str:
    """A value as YAML writes it on one line, quoted where it must be."""
    return yaml.safe_dump(value, allow_unicode=True, width=10_000).removesuffix("\n...\n").strip()


# --- Writing it -------------------------------------------------------------------------------


def write_edition(root: Path, text_path: Path, themes_path: Path) -> list[str]:
    """Write the new edition into ``root``; what is left to do, one line each."""
    themes_raw = load_document(themes_path) if themes_path.is_file() else None
    if themes_raw is None:
        raise EditionError(f"{themes_path}: not found: give THEMES=<themes.yml>")
    caption = themes_raw.get("caption", False) if isinstance(themes_raw, dict) else False
    if not isinstance(caption, bool):
        raise EditionError(f"{themes_path}: caption: must be true or false")
    try:
        reference = read_reference(text_path.read_text(encoding="utf-8"), caption=caption)
    except (OSError, UnicodeDecodeError) as error:
        raise EditionError(f"{text_path}: cannot be read ({error})") from None
    except ReferenceError as error:
        raise EditionError(f"{text_path}: {error}") from None
    raw, themes = read_themes(themes_path, len(reference.paragraphs))
    published: dt.date = raw["published"]
    volume_issue = reference.volume_issue
    slug = raw.get("slug") or ("edm-{}-{}".format(*volume_issue) if volume_issue else "edm-" + slugify(reference.title))
    site_name = raw.get("site_name") or reference.title
    old = load_edition(root)
    data, docs = root / "hooks" / "data", root / "docs"
    found = cited(reference, published)

    outlets_text = outlets_file(data / "outlets.yml", found.outlets)
    edm_text = edm_file(data / "edm-articles.yml", reference, published, found.edm_dates)
    glossary_text = glossary_file(root / "includes" / "abbreviations.md", abbreviations(reference, found.outlets))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )
    env.filters["yaml"] = lambda value: (
        yaml.safe_dump(value, allow_unicode=True, width=10_000).removesuffix("\n...\n").strip()
    )
    series = "Eurasia Daily Monitor"
    issue = f" (Volume {volume_issue[0]}, Issue {volume_issue[1]})" if volume_issue else ""
    context = {
        "reference": reference,
        "themes": themes,
        "count": count_words(len(reference.paragraphs), "paragraph"),
        "paragraphs": len(reference.paragraphs),
        "month_year": f"{published:%B} {published.year}",
        "year": published.year,
        "lost": False,
    }
    pages = {
        "index.md": env.get_template("index.md.j2").render(context),
        "article.md": env.get_template("article.md.j2").render(context),
        "about.md": env.get_template("about.md.j2").render(context),
        **{f"{name}.md": env.get_template(f"{name}.md.j2").render(context) for name in ANALYSIS_PAGES},
    }
    for theme in themes:
        texts = [(n, reference.paragraphs[n - 1]) for n in theme.paragraphs]
        pages[theme.page] = env.get_template("themed.md.j2").render(theme=theme, paragraphs=texts)
    reference_path = f"reference/{slug}.txt"
    manifest = env.get_template("edition.yml.j2").render(
        site_name=site_name,
        description=f"An analytical edition of the {series} article “{reference.title}”{issue}, read theme by "
        "theme, with every citation linked to what is known of its source.",
        copyright=f"The article’s text © The Jamestown Foundation, {series}, {published.year}. Notes, indexes "
        "and markers are this edition’s own.",
        reference_path=reference_path,
        caption=caption,
        slug=slug,
        published=published.isoformat(),
        themes=themes,
    )

    # Everything is composed: now replace the previous edition's own files.
    for theme in old.themes:
        (docs / theme.page).unlink(missing_ok=True)
    old.reference.unlink(missing_ok=True)
    (root / "reference").mkdir(exist_ok=True)
    shutil.copyfile(text_path, root / reference_path)
    for name, text in pages.items():
        (docs / name).write_text(text, encoding="utf-8")
    (root / MANIFEST).write_text(manifest, encoding="utf-8")
    (data / "outlets.yml").write_text(outlets_text, encoding="utf-8")
    (data / "edm-articles.yml").write_text(edm_text, encoding="utf-8")
    for name in ("people.yml", "events.yml"):
        (data / name).write_text(_header(data / name) + "\n[]\n", encoding="utf-8")
    (root / "includes" / "abbreviations.md").write_text(glossary_text, encoding="utf-8")
    return work_left(root, docs, data, root / "includes" / "abbreviations.md")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("text", type=Path, help="the article, in the reference format")
    parser.add_argument("themes", type=Path, help="the themes file (YAML)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project to write into (default: this one)")
    args = parser.parse_args(argv)
    try:
        left = write_edition(args.root.resolve(), args.text, args.themes)
    except DataFileError as error:
        raise EditionError(str(error)) from None
    edition = load_edition(args.root.resolve())
    print(f"Wrote the edition “{edition.site_name}” ({len(edition.themes)} themes) into {args.root}.")
    print("Work left (make build lists it too; make publishable refuses the edition until none is):")
    for item in left or ["none"]:
        print(f"  {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

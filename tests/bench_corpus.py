"""A synthetic corpus of EDM-style pages, for the benchmarks (scripts/bench_hooks.py, bench_links.py)
and the tests that need many citations.

Every page is prose in the manner of an Eurasia Daily Monitor column, with a fixed number of
citations of every kind the hooks link: an outlet "(Kommersant, May 10)", several outlets
"(RBC, May 11; Kommersant, May 12)", a lost outlet "(, May 11)" and cross-references
"(see EDM, May 4)", "(see EDM, February 17, 2016; February 15, 2017)". Some citations are
wrapped over a line break, some stand in list items and in an admonition, and there are
brackets that are no citation at all ("(FBI)", "(see above)").

Outlet names and EDM dates are read from the hooks' own data files, so every citation resolves.
They are read with PyYAML, and year-less dates worked out here, apart from the hooks' own code: a
mistake there shows as citations the benchmark finds unlinked, instead of being copied into the
corpus. The corpus is the same for the same seed. Its prose is EDM's manner, not any one
article's. Pages are spread over folders of 50, so the links the
hooks write are relative ("../sources.md#kommersant"). They are added to a copy of the site's
own pages, which the hooks need (their data files are checked against the article's text).
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

SEED = 7  # the corpus the benchmarks and tests write: the same seed, the same pages
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
PAGES_PER_FOLDER = 50
FOLDER_PREFIX = "bench-issues-"
WRAP_WIDTH = 96

_SUBJECTS = (
    "The Kremlin",
    "Moscow",
    "The Foreign Ministry",
    "President Vladimir Putin",
    "The Russian Ministry of Defense",
    "A presidential aide",
    "Press secretary Dmitri Peskov",
    "The mainstream press in Moscow",
    "The State Duma",
    "Russia’s mission to the United Nations",
    "The General Staff",
    "Pro-government television",
)
_VERBS = (
    "continues to cling to hopes that",
    "asserted this week that",
    "insists that",
    "is trying to persuade its partners that",
    "was quick to announce that",
    "refused to comment on reports that",
    "seeks to downplay the fact that",
    "has found it hard to explain why",
    "keeps repeating that",
    "now hopes that",
)
_CLAIMS = (
    "the sanctions regime will soon be eased",
    "the “de-escalation zones” in Syria are already working",
    "the deadlock in Donbas can be overcome without new concessions",
    "cooperation against the Islamic State (IS) remains possible",
    "the strategic partnership with China is stronger than ever",
    "the latest missile test by North Korea changes nothing",
    "the diplomatic property “confiscated” in December 2016 must be returned",
    "the Federal Bureau of Investigation (FBI) is pursuing a political vendetta",
    "the Minsk commitments bind Kyiv rather than Moscow",
    "the meeting at the G20 summit in Hamburg will reset relations",
    "Turkey will not supply heavy weapons to the Kurdish forces (YPG)",
    "the European Union is divided on the question of new sanctions",
    "the interception over the Black Sea was entirely professional",
    "the “difficult legacy” of the previous administration is sorted out",
)
_TAILS = (
    "",
    "",
    ", but the evidence points the other way",
    "; few in Washington are convinced",
    ", despite the resistance of “certain forces” abroad",
    ", although the yield on such investments is low",
)
_PLAIN = (
    "Small gestures often matter a lot in a high-level diplomatic dance.",
    "This bitter complaint reflects the depth of frustration in Moscow.",
    "The plan is presented as a step forward, but it would ensure the continuation of the regime.",
    "Such expectations developed copiously at the start of the year, only to succumb to one cold shower after another.",
    "By then, the investigations could take many new turns.",
    "Hopes to take advantage of this inexperience might finally dissipate and turn into anxiety.",
    "The photograph of the meeting (L to R: the minister, the president and the ambassador) was a mistake.",
    "It is unclear how such an appeal might help in responding to the crisis.",
    "As noted (see above), the yield on these investments is low.",
)
_HEADLINES = (
    "Another Opening Missed",
    "The Kremlin Waits for a Reset That Does Not Come",
    "De-escalation Zones as a Bargaining Chip",
    "Sanctions, Minsk and the Limits of Patience",
    "A Missed Chance in the Korean Crisis",
    "Ankara, the Kurds and Russian Intrigue",
    "A Washington Visit and Its Aftermath",
    "The Black Sea as a Stage for Signals",
)
_SECTIONS = ("Diplomacy", "Syria", "Ukraine", "North Korea", "Sanctions", "The Black Sea")


@dataclass(frozen=True)
class Vocabulary:
    """What a citation may name: every outlet name and alias, and every EDM article's date."""

    outlet_names: tuple[str, ...]
    edm_dates: tuple[dt.date, ...]
    published: dt.date


def load_vocabulary(data_dir: Path, published: dt.date) -> Vocabulary:
    """Names and dates from the hooks' data files (never the site's own article: it cannot be cited)."""
    outlets = yaml.safe_load((data_dir / "outlets.yml").read_text(encoding="utf-8"))
    articles = yaml.safe_load((data_dir / "edm-articles.yml").read_text(encoding="utf-8"))
    names = [name for o in outlets for name in (o["name"], *(o.get("aliases") or []))]
    dates = [a["date"] for a in articles if not a.get("this") and a["date"] <= published]
    if not names or not dates:
        raise SystemExit(f"{data_dir}: need at least one outlet and one earlier EDM article to cite")
    return Vocabulary(tuple(names), tuple(sorted(dates)), published)


def _yearless(month: int, day: int, published: dt.date) -> dt.date | None:
    """The date a year-less "Month Day" means: the latest such date on or before ``published``."""
    for year in range(published.year, published.year - 9, -1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= published:
            return candidate
    return None


def date_text(date: dt.date, published: dt.date, rng: random.Random) -> str:
    """A date as cited: "May 10", or "February 17, 2016" when the year is needed (now and then when not)."""
    short = f"{MONTHS[date.month - 1]} {date.day}"
    if _yearless(date.month, date.day, published) == date and rng.random() > 0.15:
        return short
    return f"{short}, {date.year}"


@dataclass
class PageStats:
    citations: Counter = field(default_factory=Counter)  # kind -> number of citations
    brackets: int = 0  # citation brackets (a multi-citation bracket counts once)
    wrapped: int = 0  # citation brackets with a line break inside

    @property
    def total(self) -> int:
        return sum(self.citations.values())


class _PageWriter:
    def __init__(self, vocabulary: Vocabulary, rng: random.Random, stats: PageStats) -> None:
        self.v = vocabulary
        self.rng = rng
        self.stats = stats

    def _outlet_date(self) -> str:
        date = self.v.published - dt.timedelta(days=self.rng.randint(1, 75))
        return date_text(date, self.v.published, self.rng)

    def brackets(self, citations: int) -> list[str]:
        """Citation brackets holding exactly ``citations`` citations, in a mix like the article's.

        About a fifth are EDM cross-references (one bracket of up to three dates, the rest single),
        a fifth lost outlets, and the rest outlets, every sixth of them two to a bracket.
        """
        rng, v = self.rng, self.v
        edm = round(citations * 0.2)
        lost = round(citations * 0.2)
        outlets = citations - edm - lost
        out: list[str] = []
        first = min(3, len(v.edm_dates), edm)
        for size in [first] * (first > 0) + [1] * (edm - first):
            dates = sorted(rng.sample(v.edm_dates, size))
            written = [date_text(d, v.published, rng) for d in dates]
            separator = "; " if any("," in w for w in written) else ", "
            out.append(f"(see EDM, {separator.join(written)})")
        out += [f"(, {self._outlet_date()})" for _ in range(lost)]
        pairs = outlets // 6
        for _ in range(pairs):
            a, b = rng.sample(v.outlet_names, 2) if len(v.outlet_names) > 1 else [v.outlet_names[0]] * 2
            out.append(f"({a}, {self._outlet_date()}; {b}, {self._outlet_date()})")
        out += [f"({rng.choice(v.outlet_names)}, {self._outlet_date()})" for _ in range(outlets - 2 * pairs)]
        self.stats.citations.update(outlet=outlets, lost=lost, edm=edm)
        self.stats.brackets += len(out)
        rng.shuffle(out)
        return out

    def sentence(self, citation: str | None) -> str:
        rng = self.rng
        if citation is None and rng.random() < 0.4:
            return rng.choice(_PLAIN)
        body = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_CLAIMS)}{rng.choice(_TAILS)}"
        return f"{body} {citation}." if citation else f"{body}."


def _wrap(text: str, width: int, indent: str = "") -> str:
    """Soft-wrap prose; never start a line with something Markdown would read as a block."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        starts_block = word[:1].isdigit() or word[:1] in "-+*>#=|!?"
        if current and len(current) + 1 + len(word) > width and not starts_block:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines[0] + "".join(f"\n{indent}{line}" for line in lines[1:])


def write_page(number: int, vocabulary: Vocabulary, citations: int, seed: int) -> tuple[str, PageStats]:
    """One EDM-style page with exactly ``citations`` citations; the same arguments give the same page."""
    rng = random.Random(seed * 100_003 + number)
    stats = PageStats()
    writer = _PageWriter(vocabulary, rng, stats)
    brackets = writer.brackets(citations)

    headline = rng.choice(_HEADLINES)
    out = [
        "---",
        f'title: "Issue {number}: {headline}"',
        f"description: Synthetic EDM-style column number {number}, for the hooks' benchmark.",
        "---",
        "",
        f"# {headline}",
        "",
        '<p class="ours edm-summary" markdown><span class="edm-ours-label">Our summary</span> '
        "A synthetic page in the manner of the article, for the benchmark of the build hooks.</p>",
        "",
    ]
    # Some citations go in a list and one in an admonition; the rest in paragraphs of 2-4 citations.
    in_list = brackets[:4] if len(brackets) >= 8 else []
    in_note = brackets[4:5] if len(brackets) >= 8 else []
    rest = brackets[len(in_list) + len(in_note) :]
    sections = rng.sample(_SECTIONS, 3)
    paragraphs: list[str] = []
    while rest:
        size = rng.randint(2, 4)
        take, rest = rest[:size], rest[size:]
        sentences = [writer.sentence(b) for b in take]
        for _ in range(rng.randint(1, 2)):
            sentences.insert(rng.randrange(len(sentences) + 1), writer.sentence(None))
        text = " ".join(sentences)
        paragraphs.append(_wrap(text, WRAP_WIDTH) if rng.random() < 0.6 else text)
    per_section = max(1, -(-len(paragraphs) // len(sections)))
    for index, paragraph in enumerate(paragraphs):
        if index % per_section == 0:
            out += [f"## {sections[index // per_section]}", ""]
        out += [paragraph, ""]
        if index == 1 and in_list:
            out += ["Reactions in the Russian press were predictable:", ""]
            out += ["- " + _wrap(writer.sentence(b), WRAP_WIDTH, "    ") for b in in_list]
            out += [""]
        if index == 2 and in_note:
            out += ['!!! note "Context"', "", "    " + _wrap(writer.sentence(in_note[0]), WRAP_WIDTH, "    "), ""]
    page = "\n".join(out)
    # A bracket not found as written was wrapped over a line break.
    for text, count in Counter(brackets).items():
        stats.wrapped += count - min(count, page.count(text))
    return page, stats


@dataclass
class Corpus:
    docs_dir: Path
    pages: list[str]  # src_uri of every citing page
    stats: PageStats


def write_corpus(docs_dir: Path, base: Path, pages: int, vocabulary: Vocabulary, *, citations: int, seed: int):
    """A copy of the site's own docs folder ``base``, plus ``pages`` citing pages in folders of 50.

    The site's own pages stay, so that every hook finds what it expects (the article's paragraphs,
    the index pages and their shortcodes) whatever the hooks come to check.
    """
    shutil.copytree(base, docs_dir, ignore=shutil.ignore_patterns("__pycache__", ".*"))
    total = PageStats()
    written = []
    for number in range(1, pages + 1):
        src_uri = f"{FOLDER_PREFIX}{(number - 1) // PAGES_PER_FOLDER + 1:02d}/issue-{number:03d}.md"
        text, stats = write_page(number, vocabulary, citations, seed)
        path = docs_dir / src_uri
        if path.exists():
            raise SystemExit(f"{base} already has {src_uri}: the benchmark's pages would replace it")
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        total.citations.update(stats.citations)
        total.brackets += stats.brackets
        total.wrapped += stats.wrapped
        written.append(src_uri)
    return Corpus(docs_dir, written, total)


def nav_section(corpus: Corpus) -> dict:
    """The corpus's pages as one navigation section, a subsection per folder."""
    folders: dict[str, list[str]] = {}
    for src_uri in corpus.pages:
        folders.setdefault(src_uri.split("/")[0], []).append(src_uri)
    return {"Benchmark issues": [{f"Part {name[len(FOLDER_PREFIX) :]}": pages} for name, pages in folders.items()]}

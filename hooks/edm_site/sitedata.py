"""Every data file the site is built from, loaded and checked together, once per build."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .datafile import DataFileError
from .events import EVENTS_FILE, Event, load_events
from .glossary import Abbreviation, load_glossary
from .people import PEOPLE_FILE, Person, load_people
from .registry import Registry, load_registry


@dataclass(frozen=True)
class SiteData:
    registry: Registry
    events: tuple[Event, ...]
    people: tuple[Person, ...]
    glossary: tuple[Abbreviation, ...]
    published: dt.date  # the site's publication date: a page may set its own
    data_dir: Path


def load_data(data_dir: Path, glossary_file: Path, published: object) -> SiteData:
    """Load and check every data file; a problem raises ``DataFileError`` naming file and line."""
    registry = load_registry(data_dir)
    this = registry.this_article
    if not isinstance(published, dt.date) or isinstance(published, dt.datetime):
        raise DataFileError("edition.yml: extra.edm.published must be the article's publication date, YYYY-MM-DD")
    if this.published.value != published:
        raise DataFileError(
            f"edition.yml: extra.edm.published ({published}) differs from the published date in "
            f"{registry.edm_path} ({this.published.value}): make them the same"
        )
    return SiteData(
        registry=registry,
        events=load_events(data_dir / EVENTS_FILE),
        people=load_people(data_dir / PEOPLE_FILE),
        glossary=load_glossary(glossary_file),
        published=published,
        data_dir=data_dir,
    )

"""Finding a name or an abbreviation as a whole word ("Putin" in "Putin’s", not "IS" in "ISIS")."""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=1024)  # bounded: mkdocs serve keeps it from build to build
def whole_word(form: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(form)}(?!\w)")


def paragraphs_naming(forms: tuple[str, ...], texts: dict[int, str]) -> tuple[int, ...]:
    """The numbers of the paragraphs in which any of ``forms`` stands as a whole word."""
    return tuple(
        n for n, text in sorted(texts.items()) if any(whole_word(f).search(" ".join(text.split())) for f in forms)
    )

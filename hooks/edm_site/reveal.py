"""What a message must show that the eye cannot: invisible and look-alike characters, and size.

``unknown outlet "Kommersant"`` is useless when the page's "о" is Cyrillic: the message looks
exactly like the known name. Here such characters are written as code points
(``K\\u043emmersant: U+043E CYRILLIC SMALL LETTER O``), a name that differs from a known one only
by them is named (``it resembles "Kommersant"``), every value is cut to a few hundred
characters, and a path is written relative to the project, not to this machine.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from pathlib import Path

LIMIT = 300  # characters of a value or a bracket a message repeats
PROJECT = Path(__file__).resolve().parent.parent.parent

# Letters of other scripts drawn like Latin ones (the common part of Unicode's confusables).
_LOOK_ALIKES = str.maketrans(
    "АВЕКМНОРСТХаеорсухіјѕԁһӏ" "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧαοντχ" "ıℓ",
    "ABEKMHOPCTXaeopcyxijsdhl" "ABEZHIKMNOPTYXaovtx" "il",
)  # fmt: skip


def _odd(char: str) -> bool:
    """A character a reader cannot tell from another, or cannot see: not plain ASCII text."""
    if char in "\n\t" or " " <= char <= "~":
        return False
    category = unicodedata.category(char)
    if category[0] in "CZ" or category in ("Mn", "Me", "Sk"):  # controls, format, spaces, combining marks
        return True
    return char in _ASCII_LOOK_ALIKE


_ASCII_LOOK_ALIKE = frozenset(chr(c) for c in range(0x80, 0x3000) if chr(c).translate(_LOOK_ALIKES) != chr(c)) | {
    "\u00ad",  # soft hyphen
}


def cut(text: str, limit: int = LIMIT) -> str:
    """``text`` cut to ``limit`` characters, saying how long it was."""
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} characters)"


def shown(text: str, limit: int = LIMIT) -> str:
    """``text`` as a message shows it: cut, and every odd character written as ``\\uXXXX``."""
    text = cut(text, limit)
    if not any(_odd(c) for c in text):
        return text
    return "".join(_code(c) if _odd(c) else c for c in text)


def _code(char: str) -> str:
    return f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}"


def odd_characters(text: str) -> str:
    """``U+043E CYRILLIC SMALL LETTER O, U+200B ZERO WIDTH SPACE``: the odd characters of ``text``, or ''."""
    odd = dict.fromkeys(c for c in cut(text) if _odd(c))
    return ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'a control character')}" for c in odd)


def plain(text: str) -> str:
    """``text`` as it looks: composed, invisible characters dropped, look-alikes made Latin."""
    composed = unicodedata.normalize("NFKC", text)
    visible = "".join(c for c in composed if unicodedata.category(c) not in ("Cf", "Cc", "Mn") or c in "\n\t")
    return " ".join(visible.translate(_LOOK_ALIKES).split())


def resembles(text: str, names: Iterable[str]) -> str | None:
    """The known name ``text`` is drawn like (by look-alike or invisible characters, or letter case), or None."""
    looks = plain(text).casefold()
    return next((name for name in names if name != text and plain(name).casefold() == looks), None)


def described(text: str) -> str:
    """``"K\\u043emmersant" (U+043E CYRILLIC SMALL LETTER O)``: a value quoted, its odd characters named."""
    odd = odd_characters(text)
    return f'"{shown(text)}"' + (f" ({odd})" if odd else "")


def project_path(path: str | Path) -> str:
    """A path as the project names it (``hooks/data/outlets.yml``): relative to the nearest folder
    above it that holds ``mkdocs.yml`` (this project's, or a copy's), else to this project."""
    resolved = Path(path).resolve()
    for folder in resolved.parents:
        if (folder / "mkdocs.yml").is_file():
            return resolved.relative_to(folder).as_posix()
    try:
        return resolved.relative_to(PROJECT).as_posix()
    except ValueError:
        return str(path)

"""The province a decision names in its prose or letterhead: "tỉnh Đắk Lắk", "THÀNH PHỐ HÀ
NỘI", a name wrapped onto the next line ("thành phố Đà" / "Nẵng").

Where a name ends is told by the province names the registry ships (provinces.csv and
province_aliases.csv, compared without marks or case): capitals running on after a name
("TỈNH AN GIANG NHƯ SAU"), the next line's first words or a stop word of the letterhead
("HẢI PHÒNG" is no "PHÒNG" department) do not change it. A name the registry does not hold
(a misprint, an OCR slip) is read as before: the words in title case on the kind's own line.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from pipeline.match.keys import fold
from pipeline.registry import data_rows

UP = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
LO = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_KIND = re.compile(r"(?<!\w)(tỉnh|thành\s+phố)\s+", re.IGNORECASE)
_TITLE_CASE_NAME = re.compile(rf"(?:[{UP}][{LO}'’]*)(?:[ -]+[{UP}][{LO}'’]*){{0,3}}")
_TOKEN = re.compile(r"\S+")
_ENDS_NAME = re.compile(r"[,.;:()/\"“”]")  # punctuation after a word closes the name
_DASH = re.compile(r"[-–]")  # between the halves of "Bà Rịa - Vũng Tàu"
_LETTER = re.compile(r"[^\W\d_]")
_PREFIX = re.compile(r"^(?:tỉnh|thành\s+phố)\s+", re.IGNORECASE)
MAX_NAME_WORDS = 5  # "Bà Rịa - Vũng Tàu": four words and a dash


@lru_cache(maxsize=1)
def province_keys() -> frozenset[str]:
    """Every spelling of a province's name the registry knows, folded (no marks, no case)."""
    return frozenset(key for key in _registry_spellings()[1] if key)


def province_at(text: str, start: int) -> str | None:
    """The longest registry province name printed from ``start`` on, across line breaks, as
    printed (capitals in title case); None when the words there name no province."""
    words: list[str] = []
    for token in _TOKEN.finditer(text, start):
        word = token.group()
        closed = _ENDS_NAME.search(word)
        if (closed and closed.start() == 0) or not (_DASH.fullmatch(word) or _LETTER.search(word)):
            break  # "(", "-------": no part of a name
        words.append(word[: closed.start()] if closed else word)
        if closed or len(words) == MAX_NAME_WORDS:
            break
    known = province_keys()
    for size in range(len(words), 0, -1):
        key = fold(" ".join(words[:size]))
        if not _DASH.fullmatch(words[size - 1]) and key in known:
            return _spelled(_printed(" ".join(words[:size])), key)
    return None


def _printed(name: str) -> str:
    """ "HẢI PHÒNG" → "Hải Phòng"; a name printed in title case stays as printed."""
    if name.upper() != name:
        return name
    return " ".join(word.capitalize() if word != "-" else word for word in name.split())


@lru_cache(maxsize=1)
def _registry_spellings() -> tuple[frozenset[str], dict[str, str]]:
    """Every spelling of a province's name the registry holds, marks kept (lower case), and
    each folded spelling's registry form (a province's own name before an alias's)."""
    names = [_PREFIX.sub("", row["name"]) for row in data_rows("provinces.csv")]
    aliases = [
        name for row in data_rows("province_aliases.csv") for name in row["alias"].split("|")
    ]
    spelled: dict[str, str] = {}
    for name in names + aliases:
        if name.strip():
            spelled.setdefault(fold(name), name)
    return frozenset(name.lower() for name in names + aliases), spelled


def _spelled(printed: str, key: str) -> str:
    """A province's name as printed when the registry spells it so, else as the registry does:
    no two provinces differ by their marks alone, so a mark the print lost or OCR misread
    ("Đà Năng" for "Đà Nẵng" on a photo's letterhead) is a slip of that name."""
    spellings, spelled = _registry_spellings()
    return printed if printed.lower() in spellings else spelled.get(key, printed)


def province_mentions(text: str) -> list[tuple[str, str]]:
    """(kind, name) of every "tỉnh …" / "thành phố …" the text prints, in order."""
    found = []
    for kind in _KIND.finditer(text):
        name = province_at(text, kind.end())
        if name is None and kind.group(1).islower():
            old = _TITLE_CASE_NAME.match(text, kind.end())
            name = old.group() if old else None
        if name:
            found.append((" ".join(kind.group(1).lower().split()), name))
    return found


def most_mentioned_province(text: str) -> tuple[str, str] | None:
    """(kind, name) of the province the text names most often: ("tỉnh", "Đắk Lắk")."""
    mentions = Counter(province_mentions(text))
    return mentions.most_common(1)[0][0] if mentions else None

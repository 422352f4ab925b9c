"""Legacy Vietnamese text → Unicode (NFC), one encoding at a time.

A reader hands over the text as it was stored: for a legacy font, the code page of the font's
bytes read as Windows-1252 ("Uû ban nh©n d©n"), or the raw bytes of a text file read as
Latin-1. ``byte_values`` turns either back into the bytes the chart speaks of.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from pipeline.ingest.legacy.charts import (
    BREVE,
    BREVE_BASES,
    CIRCUMFLEX,
    CIRCUMFLEX_BASES,
    HORN,
    TCVN3,
    TCVN3_CAPITALS,
    TONES,
    VIQR_SHAPES,
    VIQR_TONES,
    VNI_BASES,
    VNI_LETTERS,
    VNI_MARKS,
)

_VOWELS = frozenset("aeiouyAEIOUY")
_TCVN3_FULL = {**TCVN3_CAPITALS, **TCVN3}


def byte_value(char: str) -> int | None:
    """The byte a legacy font stored for ``char`` (Windows-1252, else Latin-1, or Word's
    U+F0xx for a font it took for a symbol font), or None."""
    if 0xF020 <= ord(char) <= 0xF0FF:
        return ord(char) - 0xF000
    try:
        encoded = char.encode("cp1252")
    except UnicodeEncodeError:
        return ord(char) if ord(char) < 0x100 else None
    return encoded[0] if len(encoded) == 1 else None


def decode_tcvn3(text: str, capitals: bool = False) -> str:
    """TCVN3 text; ``capitals``: typed in a capitals font (.VnTimeH), so every letter is upper."""
    out = []
    for char in text:
        byte = byte_value(char)
        out.append(_TCVN3_FULL.get(byte, char) if byte is not None else char)
    decoded = "".join(out)
    return unicodedata.normalize("NFC", decoded.upper() if capitals else decoded)


def decode_vni(text: str, capitals: bool = False) -> str:
    """VNI Windows text: a base letter followed by its mark byte, or a one-byte letter."""
    out: list[str] = []
    for char in text:
        byte = byte_value(char)
        marks = VNI_MARKS.get(byte) if byte is not None else None
        if marks is not None and out and _takes(out[-1], marks):
            out[-1] = unicodedata.normalize("NFC", out[-1] + marks)
        elif byte is not None and byte in VNI_LETTERS:
            out.append(VNI_LETTERS[byte])
        else:
            out.append(char)
    decoded = "".join(out)
    return unicodedata.normalize("NFC", decoded.upper() if capitals else decoded)


def _takes(base: str, marks: str) -> bool:
    """Whether a letter decoded so far can carry these VNI marks (one tone, one shape)."""
    parts = unicodedata.normalize("NFD", base)
    letter, has = parts[0], set(parts[1:])
    if letter not in VNI_BASES or any(mark in has for mark in TONES):
        return False
    if CIRCUMFLEX in marks:
        return letter in CIRCUMFLEX_BASES and not has
    if BREVE in marks:
        return letter in BREVE_BASES and not has
    return True


def decode_viqr(text: str) -> str:
    """VIQR: "Quye^'t ddi.nh" → "Quyết định"; a backslash keeps the next sign literal.

    A text that escapes its literal signs ("Ha\\. No^.i") follows RFC 1456: every sign after a
    vowel is a mark. In one that does not, a "." ending a word is a full stop unless a
    lowercase word or a tab follows (or capitals go on: "HO^.I CHU?"), and a "." or "?" ending
    a line (or before a closing quote or bracket) is punctuation.
    """
    strict = bool(re.search(r"\\[.?'`~(^+]", text))
    return unicodedata.normalize("NFC", "".join(_viqr_pieces(text, strict)))


def _viqr_pieces(text: str, strict: bool) -> Iterator[str]:
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            yield text[index + 1]
            index += 2
            continue
        if char in "dD" and text[index + 1 : index + 2] in ("d", "D"):
            yield "đ" if char == "d" else "Đ"
            index += 2
            continue
        if char in _VOWELS:
            letter, index = _viqr_vowel(text, index, strict)
            yield letter
            continue
        yield char
        index += 1


def _viqr_vowel(text: str, index: int, strict: bool) -> tuple[str, int]:
    letter, index = text[index], index + 1
    shape = VIQR_SHAPES.get(text[index : index + 1])
    if shape is not None and _shape_fits(letter, shape):
        letter, index = letter + shape, index + 1
    tone = VIQR_TONES.get(text[index : index + 1])
    if tone is not None and _tone_applies(text, index, strict):
        letter, index = letter + tone, index + 1
    return letter, index


def _shape_fits(letter: str, shape: str) -> bool:
    lower = letter.lower()
    return (
        (shape == BREVE and lower == "a")
        or (shape == CIRCUMFLEX and lower in "aeo")
        or (shape == HORN and lower in "ou")
    )


def _tone_applies(text: str, index: int, strict: bool) -> bool:
    """See ``decode_viqr``: in a text that escapes its signs every sign is a mark; in one that
    does not, "." and "?" are told by what follows."""
    sign, after = text[index], text[index + 1 : index + 3]
    if strict or sign not in ".?" or after[:1].isalpha() or after[:1] == "\t":
        return True  # a tab parts table cells, never a sentence
    if not after.strip() or after[:1] in "\n\r":
        return False
    if sign == "?":
        return after[:1] not in "\"')»”"
    if after[:1] != " " or not after[1:2].isalpha():
        return False
    if after[1:2].islower():
        return True
    word = text[:index].rsplit(None, 1)[-1] if text[:index].strip() else ""
    following = text[index + 2 :].split(None, 1)[0] if text[index + 2 :].strip() else ""
    return _capitals(word) and _capitals(following)


def _capitals(word: str) -> bool:
    letters = [char for char in word if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)

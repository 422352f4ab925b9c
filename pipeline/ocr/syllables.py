"""A tone mark OCR put where Vietnamese has no such syllable, set right by the language's own
syllables.

Tesseract's Vietnamese model loses the tone mark of a bold word at low resolution ("chuân
hóa" for "chuẩn hóa", "tiêp nhận" for "tiếp nhận"). Its own dictionary (the word list inside
``vie.traineddata``, about 4,000 Vietnamese words) holds the syllables Vietnamese writes. A word
read without a tone mark, with a Vietnamese letter (â, ê, ơ, đ …), that is not one of them and
that exactly one tone mark on the same letters makes one, is given that tone: its letters and
vowel shapes stay as read, and a word two tones could make is left as read. A word read with a
tone is left alone: the list misses some rare syllables ("cáu"), and a mark OCR saw is rather
misplaced than invented. No list of ours: the syllables are the engine's own.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import unicodedata
from functools import lru_cache
from pathlib import Path

from pipeline.ocr.engine import tessdata_dir
from pipeline.ocr.settings import OcrSettings

TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below
_WORD = re.compile(r"[^\W\d_]+")
_TOOLS = ("combine_tessdata", "dawg2wordlist")  # both ship with Debian's tesseract-ocr


def toneless(word: str) -> str:
    """``word`` lower-cased without its tone mark, its vowel shapes kept: "Chuẩn" → "chuân"."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))


@lru_cache(maxsize=2)
def syllables(language: str = "vie", folder: str | None = None) -> frozenset[str]:
    """The words of Tesseract's dictionary for ``language``, lower case; empty when its tools
    or data are missing (then no word is changed)."""
    path = Path(folder) if folder else tessdata_dir(OcrSettings(language=language))
    data = path / f"{language}.traineddata"
    if not data.is_file() or not all(shutil.which(tool) for tool in _TOOLS):
        return frozenset()
    with tempfile.TemporaryDirectory(prefix="syllables-") as scratch:
        dawg, charset, listed = (Path(scratch, name) for name in ("w.lstm-word-dawg",
                                 "w.lstm-unicharset", "words.txt"))  # fmt: skip
        run = {"capture_output": True, "check": False, "timeout": 60}
        subprocess.run(["combine_tessdata", "-e", str(data), str(dawg), str(charset)], **run)  # type: ignore[call-overload]
        if not dawg.is_file() or not charset.is_file():
            return frozenset()
        subprocess.run(["dawg2wordlist", str(charset), str(dawg), str(listed)], **run)  # type: ignore[call-overload]
        text = listed.read_text(encoding="utf-8") if listed.is_file() else ""
    return frozenset(unicodedata.normalize("NFC", word.casefold()) for word in text.split())


@lru_cache(maxsize=2)
def _by_letters(known: frozenset[str]) -> dict[str, tuple[str, ...]]:
    grouped: dict[str, list[str]] = {}
    for word in known:
        grouped.setdefault(toneless(word), []).append(word)
    return {letters: tuple(words) for letters, words in grouped.items()}


def respelled(word: str, known: frozenset[str]) -> str:
    """``word`` with the one tone that makes it a syllable, where it is none; else as read."""
    folded = unicodedata.normalize("NFC", word.casefold())
    if not known or folded in known or folded.isascii() or toneless(folded) != folded:
        return word  # a word read with a tone: OCR rather drops a mark than swaps one
    candidates = _by_letters(known).get(toneless(folded), ())
    if len(candidates) != 1:
        return word
    return _same_case(candidates[0], word)


def fix_tones(text: str, known: frozenset[str] | None = None) -> str:
    """``text`` with every word respelled (``respelled``) against Tesseract's syllables."""
    words = syllables() if known is None else known
    return _WORD.sub(lambda found: respelled(found.group(), words), text)


def _same_case(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if like[:1].isupper() else word

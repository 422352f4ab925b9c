"""What a cell's readings say: the text tests that tell a number from words, and the one text
a cell keeps when its readings differ.

The cell reader (``pipeline.ocr.cells``) reads a numeric cell more than once (the page pass,
the digits pass at several heights); this module holds no reading itself, only the rules that
judge and settle them, so they can be tested without an OCR engine.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from pipeline.models import BLANK_MARKS
from pipeline.ocr.engine import Reading
from pipeline.vocabulary import band_of

CONFUSABLE = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1", "S": "5", "B": "8"})
NUMERIC = re.compile(r"^\d[\d.,]*$|^[.,]\d+$")
MAX_NUMBER_CHARS = 12
NOT_APPLICABLE = frozenset({"N/A", "KXĐ", "K/Đ", "KĐ"})


def has_digit(text: str) -> bool:
    return any(char.isdigit() for char in text)


def meaningful(text: str) -> bool:
    """More than specks: a digit or a letter (a lone "." or "`" is dust on the scan)."""
    return any(char.isalnum() for char in text)


def squeeze(text: str) -> str:
    """A cell's text without spaces, letters that are digits' look-alikes made digits."""
    return "".join(text.split()).translate(CONFUSABLE)


def short_enough(text: str) -> bool:
    """Short enough to be a misread number ("G2" for 3), not a printed maximum "(12)" nor a
    mark for "not applicable"."""
    return 0 < len(text) <= MAX_NUMBER_CHARS // 2 and "(" not in text and not is_mark(text)


def is_mark(text: str) -> bool:
    """A printed mark that is not a number: blank, "not applicable", a band."""
    return text in BLANK_MARKS or text.upper() in NOT_APPLICABLE or band_of(text) is not None


def looks_numeric(text: str) -> bool:
    """A cell worth the digits pass: short, and no Vietnamese letter in it.

    Garbage the page pass makes of a number ("Œœ", "17;25", "¬ ©") has no Vietnamese letter
    either, so it is read again; names, bands and headers are left to the page pass.
    """
    return 0 < len(text) <= MAX_NUMBER_CHARS and not any(map(is_vietnamese_letter, text))


def is_vietnamese_letter(char: str) -> bool:
    base = unicodedata.normalize("NFD", char)[:1].lower()
    return ("a" <= base <= "z") or base == "đ"


def settle(page_text: str, page_confidence: float | None, digits: Reading) -> tuple[
    str, float | None, tuple[str, ...]
]:  # fmt: skip
    """One cell's text from its two readings, its confidence, and the reading not chosen.

    Agreement keeps the lower confidence; a reading only one pass made is taken as it is, with
    the lower confidence when the page pass saw something else there; on a disagreement the
    digits pass is printed (on the fixtures' 1,127 numeric cells it is right on every one, the
    page pass loses separators and lone digits) and the page pass's number is kept as the
    alternative for the row's arithmetic to weigh.
    """
    page_number = page_text.translate(CONFUSABLE)
    if not digits.text or digits.text == page_number:
        return page_number, _lowest(page_confidence, digits.confidence if digits.text else None), ()
    if not NUMERIC.match(page_number):  # the page pass saw no number: weak evidence either way
        return digits.text, _lowest(digits.confidence, page_confidence), ()
    return digits.text, _lowest(page_confidence, digits.confidence), (page_number,)


def vote(readings: list[Reading]) -> Reading:
    """The reading most of the heights agree on, weighted by confidence; its confidence is its
    share of all the weight, so a split vote stays unsure."""
    weights: dict[str, float] = defaultdict(float)
    for reading in readings:
        if reading.text:
            weights[reading.text] += max(reading.confidence, 1.0)
    if not weights:
        return Reading("", 0.0)
    text = max(weights, key=weights.__getitem__)
    best = max(reading.confidence for reading in readings if reading.text == text)
    return Reading(text, min(best, 100 * weights[text] / sum(weights.values())))


def _lowest(*values: float | None) -> float | None:
    present = [value for value in values if value is not None]
    return min(present) if present else None

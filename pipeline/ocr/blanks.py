"""The day and month written by hand in a date's typed blanks, read by the second witness.

"ngày 23 tháng 11 năm 2020" is printed with blanks the signer's office fills in by hand; the
page pass reads a handwritten "11" as "1T" or "|]". Where the page pass's words make the
shape of a date (ngày · X · tháng · Y · năm · four digits, tone marks aside), a blank X or Y
that is neither digits nor strokes that look like them ("|]", read 11 by the metadata reader)
is read again by PP-OCR, digits only, on the word's own ink; a sure reading that agrees with
the page pass (as many characters, the same digit wherever it read one: "1T" and "11")
replaces it. Anything else is left as read, and the metadata reader then leaves the date
empty rather than guess (PP-OCR reads "|]" as "1").
"""

from __future__ import annotations

import re

import numpy as np

from pipeline.issuing import as_digits
from pipeline.ocr.engine import OcrWord
from pipeline.ocr.lexicon import plain
from pipeline.ocr.second import shared_reader

SHAPE = ("ngay", None, "thang", None, "nam")
SURE = 80.0  # PP-OCR's confidence (its least sure character) a blank's digits need
_DAY_OR_MONTH = re.compile(r"\d{1,2}")
_YEAR = re.compile(r"\d{4}[,.]?")


def _date_at(words: list[OcrWord], start: int) -> bool:
    """Words ``start`` … ``start + 5`` make the shape of a date."""
    if start + len(SHAPE) >= len(words) or not _YEAR.fullmatch(words[start + 5].text):
        return False
    run = words[start : start + 6]
    one_line = all(w.top < run[0].bottom and run[0].top < w.bottom for w in run)
    return one_line and all(
        fixed is None or plain(word.text).strip(",.") == fixed
        for fixed, word in zip(SHAPE, run, strict=False)
    )


def read_blanks(words: list[OcrWord], gray: np.ndarray) -> list[OcrWord]:
    """``words`` with the handwritten day and month of each date read by the second witness
    where the page pass did not read digits."""
    read = list(words)
    for start in range(len(read)):
        if not _date_at(read, start):
            continue
        for blank in (start + 1, start + 3):
            word = read[blank]
            if _DAY_OR_MONTH.fullmatch(as_digits(word.text)):
                continue  # digits, or strokes the metadata reader takes for them ("|]": 11)
            reading = shared_reader().read(gray[word.top : word.bottom, word.x0 : word.x1])
            if reading.confidence >= SURE and _agree(word.text, reading.text):
                read[blank] = word._replace(text=reading.text, confidence=reading.confidence)
    return read


def _agree(page_pass: str, second: str) -> bool:
    """The second reading is one or two digits, as many characters as the page pass read,
    the same digit wherever the page pass read one ("1T" and "11", not "1T" and "7")."""
    return (
        _DAY_OR_MONTH.fullmatch(second) is not None
        and len(second) == len(page_pass)
        and all(a == b for a, b in zip(page_pass, second, strict=True) if a.isdigit())
    )

"""A date's handwritten day and month read again by the real PP-OCR model where the page pass
read letters ("1T" for 11): replaced only when the two readings agree on what both read."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from pipeline.ocr.blanks import read_blanks
from pipeline.ocr.engine import OcrWord

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
TEXTS = ("ngày", "23", "tháng", "11", "năm", "2020")


def page_and_words(read_as: dict[int, str]) -> tuple[np.ndarray, list[OcrWord]]:
    """One date line drawn at 300 ppi; the page pass's words with ``read_as`` misreadings."""
    image = Image.new("L", (1400, 120), 255)
    draw, font = ImageDraw.Draw(image), ImageFont.truetype(FONT, 48)
    words, x = [], 20
    for index, text in enumerate(TEXTS):
        x0, top, x1, bottom = draw.textbbox((x, 30), text, font=font)
        draw.text((x, 30), text, fill=0, font=font)
        words.append(OcrWord(read_as.get(index, text), x0 - 4, top - 4, x1 + 4, bottom + 4, 90.0))
        x = x1 + 30
    return np.asarray(image), words


def test_a_blank_read_as_letters_takes_the_digits_both_readings_agree_on() -> None:
    gray, words = page_and_words({3: "1T"})
    assert [w.text for w in read_blanks(words, gray)] == list(TEXTS)


def test_strokes_the_metadata_reader_takes_for_digits_are_left_to_it() -> None:
    gray, words = page_and_words({3: "|]"})  # PP-OCR reads such strokes "1": not asked
    assert read_blanks(words, gray)[3].text == "|]"


def test_a_reading_that_disagrees_or_no_date_changes_nothing() -> None:
    gray, words = page_and_words({1: "Tl"})  # no digit to disagree with, as many characters
    assert read_blanks(words, gray)[1].text == "23"
    gray, words = page_and_words({1: "T"})  # one character for the second reading's two
    assert read_blanks(words, gray)[1].text == "T"
    gray, words = page_and_words({3: "7T"})  # the second reading's "11" contradicts the 7
    assert read_blanks(words, gray)[3].text == "7T"
    gray, words = page_and_words({3: "1T", 5: "20"})  # no year: not a date's shape
    assert read_blanks(words, gray)[3].text == "1T"

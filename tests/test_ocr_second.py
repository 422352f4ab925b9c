"""The second reading (PP-OCRv4 recognition, ONNX) on real ink: numbers drawn by Pillow with
the system's fonts and cut out the way a cell's ink is, then read by the real model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline.models import Provenance, Value
from pipeline.ocr.second import CropWitness, SecondReader, model_path
from pipeline.parse import parse_number

FONTS = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
]


def ink(text: str, font: Path, size: int = 42) -> np.ndarray:
    """``text`` drawn black on white, cut to its ink as the cell reader cuts a cell."""
    image = Image.new("L", (size * len(text) + 40, size * 2), 255)
    ImageDraw.Draw(image).text((20, size // 2), text, fill=0, font=ImageFont.truetype(font, size))
    pixels = np.asarray(image)
    rows, columns = np.nonzero(pixels < 128)
    return pixels[rows.min() : rows.max() + 1, columns.min() : columns.max() + 1].copy()


@pytest.fixture(scope="module")
def reader() -> SecondReader:
    return SecondReader()


@pytest.mark.parametrize("font", FONTS, ids=lambda p: p.stem)
@pytest.mark.parametrize("text", ["7", "11", "12,5", "91.5", "100", "87,25", "2019"])
def test_numbers_are_read_as_printed(reader: SecondReader, font: Path, text: str) -> None:
    reading = reader.read(ink(text, font))
    assert parse_number(reading.text) == parse_number(text), reading
    assert 0 < reading.confidence <= 100


def test_a_blank_crop_reads_nothing_and_no_letter_ever_comes_out(reader: SecondReader) -> None:
    assert reader.read(np.full((0, 0), 255, np.uint8)).text == ""
    smudge = ink("Sở", FONTS[0])  # letters are not a number: only number characters come out
    assert set(reader.read(smudge).text) <= set("0123456789.,")


def test_the_model_ships_inside_the_installed_wheel() -> None:
    assert model_path().is_file() and "site-packages" in model_path().parts


def test_the_witness_reads_a_value_by_its_page_and_box_once() -> None:
    box = (10.0, 20.0, 40.0, 32.0)
    witness = CropWitness({(2, box): ink("45,5", FONTS[1])})
    seen = Value("45.5", parse_number("45.5"), Provenance("s.pdf", 2, box, method="ocr"))
    assert witness(seen) == "45,5" and witness(seen) == "45,5"
    elsewhere = Value("45.5", parse_number("45.5"), Provenance("s.pdf", 1, box, method="ocr"))
    assert witness(elsewhere) is None

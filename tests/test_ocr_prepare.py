"""A phone photo's page is found by its four corners also where a hand's shadow darkens part of
it: the paper is found in each pixel's darkest channel (a brown desk darkens there, grey paper
in shadow does not), and only a region that fills its quadrilateral counts as the page. The
photos are drawn by the scan generator (samples/drawn: curl, perspective, light, shadow). A
page whose paper curls has its lines straightened; a flat page is left as it is."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from pipeline.ocr.cv import cv2
from pipeline.ocr.dewarp import straighten
from pipeline.ocr.engine import OcrWord
from pipeline.ocr.prepare import binarize, order_corners, page_corners, paper_contrast, prepare
from pipeline.ocr.rules import RuledPage

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "samples"))

from drawn.degrade import phone  # noqa: E402
from scans.photo import photo_dpi  # noqa: E402

TOLERANCE_PX = 25  # the curl bends the page's edges by a few pixels


def _page() -> np.ndarray:
    """An A4 page at the photo's resolution with dark lines of text."""
    dpi = photo_dpi(297 / 25.4)
    height, width = round(297 / 25.4 * dpi), round(210 / 25.4 * dpi)
    page = np.full((height, width, 3), 255, np.uint8)
    for top in range(200, height - 200, 60):
        page[top : top + 20, 150 : width - 150 - top * 7 % 300] = 30
    return page


@pytest.mark.parametrize("seed", [1, 4, 9, 19])  # shadows 0.38-0.49 deep (the old finder failed)
def test_a_shadowed_photo_is_flattened_by_the_pages_own_corners(seed: int) -> None:
    image, record = phone(_page(), np.random.default_rng(seed))
    truth = np.asarray(record["corners"], np.float32)
    if record["turn"]:  # held upside down: the corners turn with the frame
        truth = np.asarray(image.size, np.float32) - truth
    found = page_corners(paper_contrast(np.asarray(image)))
    assert found is not None
    assert np.abs(found - order_corners(truth)).max() < TOLERANCE_PX


def test_a_scan_filling_its_image_has_no_corners() -> None:
    assert page_corners(paper_contrast(_page())) is None


def _curled(page: np.ndarray, depth: float) -> np.ndarray:
    """``page`` bent as paper curls: rows sag by a curve across the width (the generator's)."""
    height, width = page.shape[:2]
    x = np.arange(width, dtype=np.float32)
    sag = depth * np.sin(np.pi * x / width) ** 2 + depth * 0.6 * (x / width) ** 3
    map_x = np.tile(x, (height, 1))
    map_y = np.arange(height, dtype=np.float32)[:, None] - sag[None, :]
    return np.asarray(cv2.remap(page, map_x, map_y, cv2.INTER_LINEAR, borderValue=255))


def _line_rows(gray: np.ndarray, column: int) -> np.ndarray:
    """Where the text lines start, down one column of the page."""
    ink = gray[:, column - 5 : column + 5].mean(axis=1) < 128
    return np.flatnonzero(ink[1:] & ~ink[:-1])


def test_curled_lines_are_straightened() -> None:
    flat = _page()[..., 0]
    curled = _curled(flat, depth=45.0)  # more than half a line spacing (60 px)
    straight = straighten(curled, binarize(curled))
    assert straight is not None
    left, middle = (_line_rows(straight, x)[2:12] for x in (400, flat.shape[1] // 2))
    assert np.abs(left - middle).max() <= 3  # the same line at the same height across the page
    curled_left, curled_middle = (_line_rows(curled, x)[2:12] for x in (400, flat.shape[1] // 2))
    assert np.abs(curled_left - curled_middle).max() > 20


def test_a_flat_page_is_left_as_it_is() -> None:
    flat = _page()[..., 0]
    assert straighten(flat, binarize(flat)) is None


def _scanned_frame(name: str, index: int) -> tuple[np.ndarray, int]:
    from pipeline.ingest.image import _frames

    return _frames(ROOT / "samples" / "scanned" / name)[index]


def test_an_unsure_sideways_guess_is_put_to_tesseract_before_any_reading() -> None:
    """The rotated fixture's second page: its text profile says sideways but cannot tell which
    way (it guesses 270); Tesseract's OSD, asked at once, turns it the right way (90)."""
    from pipeline.ocr.engine import Tesseract
    from pipeline.ocr.page import _detector

    pixels, ppi = _scanned_frame("quangninh_2022_dti__300dpi_rotated.tif", 1)
    assert prepare(pixels, ppi).steps[0] == "rotated 270"  # the profile alone, unsure
    asked: list[int | None] = []
    with Tesseract() as engine:
        detect = _detector(engine)

        def counted(gray: np.ndarray) -> int | None:
            asked.append(detect(gray))
            return asked[-1]

        ready = prepare(pixels, ppi, detect=counted, ask_upright=False)
    assert asked == [90] and ready.steps[0] == "rotated 90" and ready.turn_sure


def test_an_unsure_upright_guess_is_left_to_the_page_pass() -> None:
    """An upright table page whose profile is unsure: OSD is not asked before the page pass
    (the page pass confirms most such guesses at no extra cost), unless ``ask_upright``."""
    pixels, ppi = _scanned_frame("bo_tttt_2019_ictindex__200dpi-2.png", 0)
    asked: list[tuple[int, ...]] = []

    def detect(gray: np.ndarray) -> int | None:
        asked.append(gray.shape)
        return None

    left = prepare(pixels, ppi, detect=detect, ask_upright=False)
    assert not asked and not left.turn_sure
    assert not any(step.startswith("rotated") for step in left.steps)
    prepare(pixels, ppi, detect=detect)
    assert len(asked) == 1


def _words(tall: bool, confidence: float) -> list[OcrWord]:
    """Twenty words of five letters, as Tesseract boxes them on a level or a sideways line."""
    width, height = (30, 120) if tall else (120, 30)
    return [OcrWord("thành", 0, 40 * i, width, 40 * i + height, confidence) for i in range(20)]


def test_a_page_read_sideways_however_sure_is_turned_until_its_lines_read_level() -> None:
    """Photo seed 9801's page 2, turned 270° by its profile (a table's columns of numbers set
    wide apart): read unsure that way, then sure turned 180° more, every long word standing
    tall (Tesseract read the lines turned 90°: the table transposed, none of its rows kept);
    turned 90° more it reads level. The level reading wins however sure the sideways one."""
    from pipeline.ocr.page import turned_more

    pages = {turn: np.full((4, 4), turn % 256, np.uint8) for turn in (0, 90, 180, 270)}
    readings = {0: (False, 53.0), 180: (True, 96.7), 90: (False, 96.5), 270: (False, 43.6)}

    def read(turn: int) -> tuple[np.ndarray, RuledPage, list[OcrWord]]:
        asked.append(turn)
        return pages[turn], RuledPage([], pages[turn], 0.0), _words(*readings[turn])

    asked: list[int] = []
    (gray, _, words), turn, _ = turned_more(read(0), read)
    assert turn == 90 and gray is pages[90] and asked == [0, 180, 90]
    # a page read level and sure is not turned
    asked = []
    assert turned_more(read(90), read)[1] == 0 and asked == [90]


def test_a_sure_reading_is_not_given_up_for_an_unsure_level_one() -> None:
    """letter-h-photo.png of the real scans, a phone photo with curled lines: read upright at
    a median confidence of 79, its short words boxed as tall as their curved line (it looks
    sideways); turned 180° it reads level but unsure (27), garbage. The page stays upright."""
    from pipeline.ocr.page import turned_more

    pages = {turn: np.full((4, 4), turn % 256, np.uint8) for turn in (0, 90, 180, 270)}
    readings = {0: (True, 78.8), 180: (False, 27.4), 90: (True, 75.5), 270: (True, 27.9)}

    def read(turn: int) -> tuple[np.ndarray, RuledPage, list[OcrWord]]:
        return pages[turn], RuledPage([], pages[turn], 0.0), _words(*readings[turn])

    (gray, _, _), turn, _ = turned_more(read(0), read)
    assert turn == 0 and gray is pages[0]

"""A photo's thin rules are found also where the lens left them grey (their middle only nears
the ink's darkness), and the back page's rules showing through are not; on a scan, whose rules
are as dark as its print, a grey stroke is no rule (a title's faint underline)."""

from __future__ import annotations

import numpy as np

from pipeline.ocr.cv import cv2
from pipeline.ocr.prepare import binarize
from pipeline.ocr.rules import _outlines, _paint, find_rules

PPI = 300


def _grid_page(rule_px: int, rule_ink: int = 20) -> np.ndarray:
    """A page at 216 ppi: lines of letters and a 4 x 4 ruled grid of ``rule_px`` thin rules
    printed ``rule_ink`` dark (a one-pixel rule drawn anti-aliased is grey)."""
    page = np.full((1600, 1200), 250, np.uint8)
    for top in range(100, 500, 40):
        for left in range(100, 1100, 9):
            page[top : top + 18, left : left + 3] = 20  # lines of letters: strokes 3 px wide
    for y in range(700, 1301, 150):
        page[y : y + rule_px, 100:1100] = rule_ink
    for x in range(100, 1101, 250):
        page[700:1301, x : x + rule_px] = rule_ink
    return page


def _photographed(page: np.ndarray) -> np.ndarray:
    """Blurred by the lens, then scaled up from 216 to 300 ppi as the reader does."""
    soft = cv2.GaussianBlur(page, (0, 0), 1.2)
    size = (round(page.shape[1] * PPI / 216), round(page.shape[0] * PPI / 216))
    return np.asarray(cv2.resize(soft, size, interpolation=cv2.INTER_CUBIC))


def _counts(gray: np.ndarray, photo: bool = True) -> tuple[int, int]:
    rules = find_rules(gray, binarize(gray), PPI, grey_rules=photo).rules
    flat = sum(rule.top == rule.bottom for rule in rules)
    return flat, len(rules) - flat


def test_thin_grey_rules_of_a_photo_are_found() -> None:
    gray = _photographed(_grid_page(rule_px=1, rule_ink=60))
    otsu, _ = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    assert gray[940:1000, 800].min() > otsu  # lighter than the ink threshold all along
    assert _counts(gray) == (5, 5)
    assert _counts(gray, photo=False) == (0, 0)  # a scan's grey strokes are no rules
    assert _counts(_photographed(_grid_page(rule_px=1)), photo=False) == (5, 5)  # dark ones are


def test_rules_showing_through_from_the_back_are_not() -> None:
    back = _grid_page(rule_px=3)[:, ::-1].astype(np.float32)
    through = 250 * (1 - 0.2 * (1 - cv2.GaussianBlur(back, (0, 0), 1.5) / 255))
    page = through.astype(np.uint8)
    page[:600] = _grid_page(rule_px=1)[:600]  # the front page's own text above
    assert _counts(_photographed(page)) == (0, 0)


def test_a_rule_inside_a_frame_and_a_short_divider_between_two_rules_are_found() -> None:
    """A frame of four rules holds a free-standing rule in its hole (an outer contour inside
    a hole is a component of its own), and a band row's divider, shorter than a letter, runs
    from one horizontal rule to the next; a letter's stroke of the same height that touches
    no rule is no divider."""
    page = np.full((1200, 1200), 250, np.uint8)
    page[100:104, 100:1100] = page[900:904, 100:1100] = 20  # the frame
    page[100:904, 100:104] = page[100:904, 1096:1100] = 20
    page[500:503, 300:900] = 20  # a rule in the frame's hole, touching nothing
    page[1000:1003, 100:1100] = page[1040:1043, 100:1100] = 20  # a band row between two rules
    page[1000:1043, 600:603] = 20  # its divider, 43 px: shorter than a tall rule (66 px)
    page[1100:1143, 300:303] = 20  # a stroke as tall, away from any rule
    rules = find_rules(page, binarize(page), PPI).rules
    flat = sorted((r.x0, r.top, r.x1) for r in rules if r.top == r.bottom)
    tall = sorted((r.x0, r.top, r.bottom) for r in rules if r.top != r.bottom)
    # (the opening's kernel anchor moves a run's box one pixel right and down, as it always did)
    assert flat == [(101, 102, 1101), (101, 902, 1101), (101, 1001.5, 1101), (101, 1041.5, 1101),
                    (301, 501.5, 901)]  # fmt: skip
    assert tall == [(102, 101, 905), (601.5, 1001, 1044), (1098, 101, 905)]


def test_a_rule_a_fax_broke_into_dashes_is_found_and_dense_bold_text_is_not() -> None:
    """A fax's thin rule breaks in places (no unbroken run as long as the opening's kernel),
    yet it stays a thin line with paper on either side, meeting the table's column rules;
    lines of bold letters ink a row just as densely, but a letter stands taller than the
    paper a rule keeps beside it; a title's broken underline meets no column rule and is
    left to the page pass (erased, its remnants were read as a line "ộ")."""
    page = np.full((1200, 1600), 250, np.uint8)
    for top in range(100, 400, 60):  # bold text: 30 px letters, strokes 6 px, 2 px apart
        for left in range(100, 1500, 8):
            page[top : top + 30, left : left + 6] = 20
        page[top : top + 4, 100:1500] = 20  # and a bar along their tops, as in "TTTT"
        page[top : top + 30, 100:1500:90] = 250  # the spaces between words
    page[600:603, 100:1500] = 20  # a rule of the table below
    page[600:603, 130:1500:40] = 250  # broken every 40 px by the fax's threshold
    page[600:603, 131:1500:40] = 250
    page[600:603, 132:1500:40] = 250
    page[600:603, 133:1500:40] = 250
    page[600:603, 500:512] = 250  # and once for longer
    page[640:680, 300:900:12] = 20  # a row of the table: its cells' text
    page[600:700, 100:103] = page[600:700, 1497:1500] = 20  # its column rules at either end
    page[480:483, 400:900] = 20  # a title's underline, broken as much, meeting no column rule
    page[480:483, 430:900:40] = page[480:483, 431:900:40] = page[480:483, 432:900:40] = 250
    rules = find_rules(page, binarize(page), PPI).rules
    flat = [(r.x0, r.top, r.x1) for r in rules if r.top == r.bottom]
    assert flat == [(100, 601.5, 1500)]  # rows 600-602, from its first ink to its last


def test_each_component_is_painted_whole_and_alone_as_labelling_finds_it() -> None:
    # two corners sharing one bounding box without touching, a ring, and a dot inside the ring:
    # a component is found by tracing its outline and labelled within its box only
    mask = np.zeros((40, 60), np.uint8)
    mask[2, 2:20] = mask[2:20, 2] = 255  # ┌
    mask[4:20, 19] = mask[19, 4:20] = 255  # ┘, in the same box as ┌
    mask[25:38, 30:50] = 255
    mask[28:35, 33:47] = 0  # a ring
    mask[31, 40] = 255  # a dot inside it
    count, labels = cv2.connectedComponents(mask, connectivity=8)
    outlines = _outlines(mask)
    assert len(outlines) == count - 1 == 4
    painted = []
    for point, box in outlines:
        alone = np.zeros_like(mask)
        _paint(alone, mask, point, box)
        painted.append(alone)
    wanted = [labels == label for label in range(1, count)]
    for alone in painted:  # each painted mask is exactly one labelled component
        assert sum(np.array_equal(alone > 0, component) for component in wanted) == 1
    assert np.array_equal(np.maximum.reduce(painted) > 0, mask > 0)

"""Ruling lines of a page image by morphology, and the page with them erased.

An opening with a long thin kernel keeps only straight runs of ink longer than any letter: the
rules of a table. A photo's thin rule is grey, its middle just as dark as ink in places: on a
photo the runs are found in fainter ink and kept where their middle nears the ink's darkness
(the back page's rules showing through never do). Each run becomes a ``Rule`` (the
PDF reader's type, in image pixels here), so the lattice code that turns rules into a cell
grid, merged cells included, is the one the PDF reader uses. The rules are then painted out,
so no remnant is read as a "1" or a "|".
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from pipeline.geometry.shapes import Rule
from pipeline.ocr.cv import cv2

# Shorter straight runs of ink are letters, not rules: a bold "TT" joins its two bars into a
# run of 0.2 inch, an "l" or "1" with accents stands up to 0.17 inch at 14 pt.
MIN_FLAT_RULE_INCH = 0.6  # "BTTTT" in bold joins four bars into 0.45 inch
MIN_TALL_RULE_INCH = 0.22
MIN_DIVIDER_INCH = 0.08  # a divider between two rules, one row high
RULE_REACH_PX = 4  # how near a divider's end must come to a horizontal rule
# A rule a fax or a photocopy broke into dashes: along MIN_FLAT_RULE_INCH, a band three pixels
# across is inked at least this share, and the rows CLEAR_INCH to either side at most
# BESIDE_SHARE (measured on a 240 dpi fax: its broken rules fill 0.77-0.88 with 0.01-0.02
# beside them; bold text fills up to 0.74, but with 0.28 or more beside it, since a letter
# stands taller than twice the clearance).
DASHED_FILL = 0.5
DASHED_SPAN = 1  # times MIN_FLAT_RULE_INCH, as a solid rule: "BTTTT"'s bars (0.46 in) are none
BESIDE_SHARE = 0.15
CLEAR_INCH = 0.03


class RuledPage(NamedTuple):
    rules: list[Rule]  # image pixels
    clean: np.ndarray  # the grey page with the rules painted white
    thickness: float  # median rule thickness in pixels


def find_rules(gray: np.ndarray, ink: np.ndarray, ppi: int, grey_rules: bool = False) -> RuledPage:
    """Horizontal and vertical rules of the page, and the page without them; ``grey_rules``:
    a photo's, whose thin rules the lens and the flattening left grey (a scan's are as dark as
    its print, and its faint strokes are decorations: a title's underline)."""
    wide, high = round(MIN_FLAT_RULE_INCH * ppi), round(MIN_TALL_RULE_INCH * ppi)
    if grey_rules:
        faint, level = _faint_ink(gray)
        flat = _confirmed(_opened(faint, (1, wide)), gray, level, horizontal=True)
        tall = _confirmed(_opened(faint, (high, 1)), gray, level, horizontal=False)
    else:
        flat, tall = _opened(ink, (1, wide)), _opened(ink, (high, 1))
        dashed = _meeting(_dashed(ink, flat, wide, round(CLEAR_INCH * ppi)), tall)
        flat = cv2.bitwise_or(flat, dashed)
    tall = cv2.bitwise_or(tall, _short_dividers(ink, flat, ppi))
    rules: list[Rule] = []
    thickness: list[float] = []
    for mask, horizontal in ((flat, True), (tall, False)):
        found, widths = _runs(mask, horizontal)
        rules += found
        thickness += widths
    erase = cv2.dilate(cv2.bitwise_or(flat, tall), np.ones((5, 5), np.uint8))  # 0 or 255
    clean = np.asarray(cv2.max(gray, erase))
    return RuledPage(rules, clean, float(np.median(thickness)) if thickness else 0.0)


def _opened(mask: np.ndarray, kernel: tuple[int, int]) -> np.ndarray:
    return np.asarray(cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones(kernel, np.uint8)))


def _dashed(ink: np.ndarray, solid: np.ndarray, length: int, clear: int) -> np.ndarray:
    """Horizontal rules broken into dashes (a fax's or a photocopy's thin strokes break in
    places, so no unbroken run is long enough for the opening): stretches ``length`` long
    whose band of three rows is mostly ink while the rows ``clear`` above and below are
    mostly paper. Each such line at least ``DASHED_SPAN`` stretches long is given whole, from
    its first ink to its last; one the ``solid`` rules it meets cover but for ``clear`` is
    left to them (an unbroken rule is found as it always was)."""
    band = cv2.dilate(cv2.threshold(ink, 0, 1, cv2.THRESH_BINARY)[1], np.ones((3, 1), np.uint8))
    beside_band = np.zeros(band.shape, np.uint8)  # the band ``clear`` rows above or below, either
    beside_band[clear:] = band[:-clear]
    np.maximum(beside_band[:-clear], band[clear:], out=beside_band[:-clear])

    def inked_near(mask: np.ndarray) -> np.ndarray:
        """How many of the ``length`` pixels centred on each pixel are inked: integer sums
        (a third of the time of a float mean over the page, and exact)."""
        return np.asarray(cv2.boxFilter(mask, cv2.CV_16U, (length, 1), normalize=False,
                                        borderType=cv2.BORDER_CONSTANT))  # fmt: skip

    # the counts are whole numbers: compared with whole thresholds, the same as with the shares
    centres = (inked_near(band) >= math.ceil(DASHED_FILL * length)) & (
        inked_near(beside_band) <= math.floor(BESIDE_SHARE * length)
    )
    found = np.zeros(band.shape, np.uint8)
    lines = np.flatnonzero(centres.any(axis=1))
    if not lines.size:
        return found
    reach = np.zeros(band.shape, np.uint8)  # grown along rows only: rows without centres stay 0
    reach[lines] = cv2.dilate(centres[lines].astype(np.uint8) * 255, np.ones((1, length), np.uint8))
    for x, y, w, h in _boxes(reach):  # the band's rows, less the row it grew by each way
        inked = np.flatnonzero(band[y : y + h, x : x + w].any(axis=0))
        if not inked.size or inked[-1] - inked[0] < DASHED_SPAN * length:
            continue
        covered = np.flatnonzero(solid[y : y + h, x : x + w].any(axis=0))
        if not covered.size or inked[-1] - inked[0] - (covered[-1] - covered[0]) > clear:
            rows = slice(y + 1, y + h - 1) if h > 2 else slice(y, y + h)
            found[rows, x + inked[0] : x + inked[-1] + 1] = 255
    return np.ascontiguousarray(found)


def _meeting(dashed: np.ndarray, tall: np.ndarray) -> np.ndarray:
    """The broken horizontal lines that meet a vertical rule: a table's (a title's broken
    underline meets none, and is left to the page pass as it always was)."""
    reach = cv2.dilate(tall, np.ones((2 * RULE_REACH_PX + 1, 2 * RULE_REACH_PX + 1), np.uint8))
    kept = np.zeros(dashed.shape, np.uint8)
    for x, y, w, h in _boxes(dashed):
        if reach[y : y + h, x : x + w].any():
            kept[y : y + h, x : x + w] = dashed[y : y + h, x : x + w]
    return kept


def _faint_ink(gray: np.ndarray) -> tuple[np.ndarray, float]:
    """Pixels darker than midway between the ink threshold (Otsu's) and the paper, and the
    level a rule's middle must reach: midway again between that and the ink threshold. A thin
    rule photographed or scaled up is a grey line whose middle only nears the ink's darkness;
    the back page's rules showing through stay far lighter."""
    threshold, _ = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    faint = (threshold + float(np.median(gray))) / 2
    return np.asarray(gray < faint, dtype=np.uint8) * 255, (threshold + faint) / 2


def _confirmed(runs: np.ndarray, gray: np.ndarray, level: float, horizontal: bool) -> np.ndarray:
    """The straight runs of faint ink whose middle reaches ``level`` along most of their
    length (the median of their darkest pixel across)."""
    kept = np.zeros(runs.shape, np.uint8)
    for point, (x, y, w, h) in _outlines(runs):
        darkest = gray[y : y + h, x : x + w].min(axis=0 if horizontal else 1)
        if float(np.median(darkest)) <= level:
            _paint(kept, runs, point, (x, y, w, h))
    return kept


def _short_dividers(ink: np.ndarray, flat: np.ndarray, ppi: int) -> np.ndarray:
    """Vertical rules shorter than a letter could be: those that run from one horizontal rule
    to the next (the column dividers of a single row between two band rows)."""
    kept = np.zeros(ink.shape, np.uint8)
    if not cv2.countNonZero(flat):  # no horizontal rule: nothing to run between
        return kept
    short = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((round(MIN_DIVIDER_INCH * ppi), 1),
                                                          np.uint8))  # fmt: skip
    reach = cv2.dilate(flat, np.ones((2 * RULE_REACH_PX + 1, 2 * RULE_REACH_PX + 1), np.uint8))
    found = _outlines(short)
    if not found:
        return kept
    x, y, w, h = np.array([box for _, box in found], dtype=np.int64).T
    bottom = np.minimum(y + h - 1, reach.shape[0] - 1)
    rows, where = np.unique(np.concatenate([y, bottom]), return_inverse=True)
    along = np.zeros((rows.size, reach.shape[1] + 1), np.int32)  # reach pixels left of each
    np.cumsum(reach[rows] > 0, axis=1, dtype=np.int32, out=along[:, 1:])
    tops, bottoms = where[: y.size], where[y.size :]
    touches_top = along[tops, x + w] > along[tops, x]
    touches_bottom = along[bottoms, x + w] > along[bottoms, x]
    for index in np.flatnonzero(touches_top & touches_bottom):
        _paint(kept, short, found[index][0], found[index][1])
    return kept


def _runs(mask: np.ndarray, horizontal: bool) -> tuple[list[Rule], list[float]]:
    """One rule per connected run of the mask, along its middle."""
    rules, widths = [], []
    for x, y, w, h in _boxes(mask):
        if horizontal:
            middle = y + h / 2
            rules.append(Rule(float(x), middle, float(x + w), middle))
            widths.append(float(min(h, 12)))
        else:
            middle = x + w / 2
            rules.append(Rule(middle, float(y), middle, float(y + h)))
            widths.append(float(min(w, 12)))
    return rules, widths


def _outlines(mask: np.ndarray) -> list[tuple[tuple[int, int], tuple[int, int, int, int]]]:
    """A pixel (x, y) of each 8-connected component of the mask, and its bounding box (x, y,
    w, h), in no particular order: the outer contours of the components (a contour inside a
    hole is another component's), found in milliseconds where labelling every pixel of a page
    takes tens."""
    contours, hierarchy = cv2.findContours(mask, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    if hierarchy is None:
        return []
    return [
        ((int(contour[0, 0, 0]), int(contour[0, 0, 1])), _rect(contour))
        for contour, link in zip(contours, hierarchy[0], strict=True)
        if link[3] < 0  # no parent: the outside of a component, not a hole's edge
    ]


def _rect(contour: np.ndarray) -> tuple[int, int, int, int]:
    x, y, w, h = cv2.boundingRect(contour)
    return x, y, w, h


def _paint(target: np.ndarray, mask: np.ndarray, point: tuple[int, int],
           box: tuple[int, int, int, int]) -> None:  # fmt: skip
    """The component of ``mask`` through ``point`` (its box ``box``) set to 255 in ``target``:
    the component lies whole inside its box, so labelling the box alone finds it."""
    x, y, w, h = box
    labels = cv2.connectedComponents(mask[y : y + h, x : x + w], connectivity=8)[1]
    target[y : y + h, x : x + w][labels == labels[point[1] - y, point[0] - x]] = 255


def _boxes(mask: np.ndarray) -> list[tuple[int, int, int, int]]:
    """The bounding box (x, y, w, h) of each 8-connected component of the mask, in the order
    of its first pixel (as a labelling numbers them): the outer contours of the components (a
    contour inside a hole is another component's), which costs a few milliseconds where
    labelling every pixel of the page takes tens."""
    if not cv2.countNonZero(mask):  # an empty mask is counted faster than it is traced
        return []
    contours, hierarchy = cv2.findContours(mask, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    if hierarchy is None:
        return []
    found = []
    for contour, link in zip(contours, hierarchy[0], strict=True):
        if link[3] < 0:  # no parent: the outside of a component, not a hole's edge
            points = contour[:, 0, :]
            first = points[np.lexsort((points[:, 0], points[:, 1]))[0]]
            x, y, w, h = cv2.boundingRect(contour)
            found.append(((int(first[1]), int(first[0])), (x, y, w, h)))
    return [box for _, box in sorted(found)]

"""A scanned page or phone photo → a flat, upright, evenly lit grey page ready for OCR.

Each step is kept because it measurably helps cell accuracy (README: "OCR"): coloured stamps
dropped by colour (a red or blue seal is bright in its own channel, black ink is dark in every
channel), a photographed page found by its four corners and warped flat, lighting evened out by
dividing by the page's own background, the page turned upright (90°/180°/270°), then deskewed by
the angle that makes its text lines and rules sharpest, and a photographed page's curled lines
straightened (dewarp.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from pipeline.ocr.cv import cv2
from pipeline.ocr.dewarp import stand_up, straighten
from pipeline.ocr.settings import OcrSettings

A4_RATIO = 297 / 210
COLOUR_SPREAD = 80  # a pixel whose channels differ by more than this is coloured ink
STAMP_SHARE = 0.0005  # this share of coloured pixels is a stamp (said in the page's steps)
MIN_FILL = 0.9  # a page's region fills its quadrilateral (a region a shadow's edge cut does not)
WORK_WIDTH = 1000
# Sharpness of the text profile turned 90° over level: on the fixture pages upright ones
# measure 0.12-0.83 (tables of narrow columns are the high ones), sideways ones 1.9-12.
SURE_LEVEL, SURE_SIDEWAYS = (
    0.4,
    2.5,
)  # analysis (skew, orientation, page corners) runs on a copy this wide


@dataclass(frozen=True)
class Prepared:
    """The page as the reader sees it: grey, ink dark, upright and flat."""

    gray: np.ndarray  # uint8, evenly lit, stamps dropped
    ppi: int
    steps: tuple[str, ...]  # what was done, for the page's provenance: "rotated 90", …
    turn_sure: bool = True  # False: the text profile could not tell upright from sideways


# Asks Tesseract which way a page is turned (clockwise degrees), or None when it cannot tell.
Detect = Callable[[np.ndarray], int | None]


def prepare(
    rgb: np.ndarray,
    ppi: int,
    settings: OcrSettings = OcrSettings(),
    detect: Detect | None = None,
    ask: bool = False,
    ask_upright: bool = True,
) -> Prepared:
    """Every preparation step on one page image (RGB or grey uint8); ``detect``, ``ask`` and
    ``ask_upright`` as ``orientation`` takes them."""
    steps: list[str] = []
    skip = settings.skip
    gray, stamped, corners, small = _grey_page(rgb, skip)
    if stamped:
        steps.append("stamp dropped")
    if corners is not None:
        gray, small = flatten(gray, corners, ppi), None
        steps.append("flattened")
    if "lighting" not in skip:
        gray = even_lighting(gray, small)
    turn, angle, sure = orientation(gray, settings.max_skew_deg, detect, ask, ask_upright)
    turn = 0 if "orientation" in skip else turn
    angle = 0.0 if "deskew" in skip else angle
    if turn:
        gray = np.ascontiguousarray(np.rot90(gray, k=-turn // 90))
        steps.append(f"rotated {turn}")
    if abs(angle) >= 0.05:
        gray = rotate(gray, angle)
        steps.append(f"deskewed {angle:.2f}")
    if corners is not None and "dewarp" not in skip:  # a photographed page's paper curls
        gray = _uncurled(gray, steps)
    return Prepared(gray, ppi, tuple(steps), sure or "orientation" in skip)


def _grey_page(
    rgb: np.ndarray, skip: frozenset[str]
) -> tuple[np.ndarray, bool, np.ndarray | None, np.ndarray | None]:
    """The grey page (``drop_colour``), whether a stamp was dropped, the corners of a
    photographed page (None: a scan) and the grey page shrunk, when the corners were sought
    in it already (a grey scan's). A colour page's channels are split once for both."""
    extremes = _extremes(rgb) if rgb.ndim == 3 else None
    if "colour" in skip:
        gray, stamped = (rgb if rgb.ndim == 2 else cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)), False
    else:
        gray, stamped = _dropped(extremes) if extremes else (rgb, False)
    paper = extremes[1] if extremes else rgb  # paper_contrast(rgb)
    if "flatten" in skip:
        return gray, stamped, None, None
    small = _shrink(paper)
    return gray, stamped, page_corners(paper, small), small if gray is paper else None


def _uncurled(gray: np.ndarray, steps: list[str]) -> np.ndarray:
    """A photographed page with its curled lines straightened and its columns stood upright
    (a scan's paper lies flat: left as it is)."""
    straight = straighten(gray, binarize(gray))
    if straight is not None:
        gray = straight
        steps.append("straightened")
    upright = stand_up(gray, binarize(gray))
    if upright is not None:
        gray = upright
        steps.append("columns stood up")
    return gray


def drop_colour(image: np.ndarray) -> tuple[np.ndarray, bool]:
    """Grey page with coloured ink (stamps, signatures in blue) made paper-white.

    The brightest channel of a pixel, lifted by how coloured the pixel is: black ink stays
    dark (also where it crosses a stamp), red or blue ink and its blurred edges become paper.
    """
    if image.ndim == 2:
        return image, False
    return _dropped(_extremes(image))


def _extremes(image: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each pixel's brightest and darkest channel."""
    red, green, blue = cv2.split(image)
    return cv2.max(cv2.max(red, green), blue), cv2.min(cv2.min(red, green), blue)


def _dropped(extremes: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, bool]:
    """``drop_colour`` of an image with these ``_extremes``."""
    brightest, darkest = extremes
    spread = np.asarray(cv2.subtract(brightest, darkest))
    coloured = cv2.countNonZero(cv2.threshold(spread, COLOUR_SPREAD, 255, cv2.THRESH_BINARY)[1])
    return np.asarray(cv2.add(brightest, spread)), coloured > STAMP_SHARE * spread.size


def even_lighting(gray: np.ndarray, small: np.ndarray | None = None) -> np.ndarray:
    """Divide by the page's background (ink closed away), so shade and gradients vanish;
    ``small``: ``gray`` shrunk already, when it was."""
    small = _shrink(gray) if small is None else small
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (15, 15))
    background = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel)
    background = cv2.GaussianBlur(background, (0, 0), 8)
    background = cv2.resize(background, (gray.shape[1], gray.shape[0]))
    level = cv2.divide(gray, np.maximum(background, 1), scale=255)
    return np.asarray(level, dtype=np.uint8)


def binarize(gray: np.ndarray) -> np.ndarray:
    """Ink mask (255 = ink) by Otsu's threshold on the evenly lit page."""
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return ink


def _shrink(gray: np.ndarray) -> np.ndarray:
    scale = WORK_WIDTH / max(gray.shape[1], 1)
    if scale >= 1:
        return gray
    size = (WORK_WIDTH, max(1, round(gray.shape[0] * scale)))
    return cv2.resize(gray, size, interpolation=cv2.INTER_AREA)


def paper_contrast(image: np.ndarray) -> np.ndarray:
    """Grey page for finding the paper: each pixel's darkest channel. Paper is grey whether lit
    or in shadow, so it keeps its level; a wooden or coloured desk is dark in some channel and
    darkens (the colour drop would make it as bright as paper in shadow)."""
    if image.ndim == 2:
        return image
    red, green, blue = cv2.split(image)
    return np.asarray(cv2.min(cv2.min(red, green), blue))


def page_corners(gray: np.ndarray, small: np.ndarray | None = None) -> np.ndarray | None:
    """The four corners of a photographed page on a darker background, or None for a scan.

    A scan fills its image edge to edge; a photo shows the page as a bright quadrilateral
    that leaves a darker border (desk, table) on every side. A shadow across the page splits
    it into a lit and a dark part, and the one threshold between them cuts the page: so the
    page is looked for above that threshold, then above the one that splits the darker
    pixels again (paper in shadow from the desk), and only a region that fills its
    quadrilateral counts as the page. ``small``: ``gray`` shrunk already, when it was.
    """
    small = _shrink(gray) if small is None else small
    scale = gray.shape[1] / small.shape[1]
    blurred = cv2.GaussianBlur(small, (9, 9), 0)
    level, _ = cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    darker = blurred[blurred <= level]
    lower = (
        cv2.threshold(darker, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)[0]
        if darker.size
        else level
    )
    for threshold in dict.fromkeys((level, lower)):
        quad = _page_quad(np.asarray(blurred > threshold, dtype=np.uint8) * 255)
        if quad is not None:
            return order_corners(quad * scale)
    return None


def _page_quad(bright: np.ndarray) -> np.ndarray | None:
    """The quadrilateral of the largest bright region, when it is a page: between a quarter
    and nearly all of the image, not touching most of the border, four corners, filling them."""
    bright = cv2.morphologyEx(bright, cv2.MORPH_CLOSE, np.ones((25, 25), np.uint8))
    contours, _ = cv2.findContours(bright, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    page = max(contours, key=cv2.contourArea)
    share = cv2.contourArea(page) / bright.size
    border = np.concatenate([bright[0], bright[-1], bright[:, 0], bright[:, -1]])
    if not 0.25 < share < 0.97 or (border > 0).mean() > 0.5:
        return None
    hull = cv2.convexHull(page)
    quad = cv2.approxPolyDP(hull, 0.02 * cv2.arcLength(hull, True), True)
    if len(quad) != 4 or cv2.contourArea(page) < MIN_FILL * cv2.contourArea(quad):
        return None
    return quad.reshape(4, 2).astype(np.float32)


def order_corners(points: np.ndarray) -> np.ndarray:
    """Top-left, top-right, bottom-right, bottom-left."""
    total, diff = points.sum(axis=1), np.diff(points, axis=1).ravel()
    ordered = [points[total.argmin()], points[diff.argmin()], points[total.argmax()]]
    return np.array([*ordered, points[diff.argmax()]], dtype=np.float32)


def flatten(gray: np.ndarray, corners: np.ndarray, ppi: int) -> np.ndarray:
    """Warp the page quadrilateral onto an A4 sheet at ``ppi`` (portrait or landscape)."""
    top = np.linalg.norm(corners[1] - corners[0])
    side = np.linalg.norm(corners[3] - corners[0])
    short = round(ppi * 210 / 25.4)
    long_side = round(short * A4_RATIO)
    width, height = (short, long_side) if side >= top else (long_side, short)
    target = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(corners, target)
    flat = cv2.warpPerspective(gray, matrix, (width, height), flags=cv2.INTER_CUBIC,
                               borderMode=cv2.BORDER_REPLICATE)  # fmt: skip
    return np.asarray(flat)


def orientation(
    gray: np.ndarray,
    max_deg: float,
    detect: Detect | None = None,
    ask: bool = False,
    ask_upright: bool = True,
) -> tuple[int, float, bool]:
    """Clockwise degrees (0, 90, 180, 270) that stand the page upright, the skew angle, and
    whether the profile was sure of the axis.

    Text lines run along the axis whose ink profile, once level, is sharpest (a table's rules
    are left out: they run both ways); upside down, the accents and ascenders that crowd above
    Vietnamese letters sit below the line instead. Where the two axes are close (a table of
    narrow columns), Tesseract's orientation detection decides when ``detect`` is given;
    without it the profile's guess is returned as unsure (the page pass then judges it, and
    asks ``detect`` only when its reading says the guess was wrong: page.py). ``ask``: ask
    ``detect`` even where the profile was sure. ``ask_upright`` False: ask it only about a
    sideways guess, the profile telling the axis better than which way along it the page is
    turned (a table's narrow columns carry few marks above or below a line), and an upright
    guess being most often right.
    """
    ink = _text_ink(binarize(_shrink(gray))).astype(np.uint8) * 255
    across = np.ascontiguousarray(np.rot90(ink))  # the page turned 90° counter-clockwise
    coarse = ((0.5, max_deg), (0.1, 0.5))
    level, level_score = _best_angle(_half(ink), coarse)
    turned, turned_score = _best_angle(_half(across), coarse)
    ratio = turned_score / max(level_score, 1.0)
    sure = not SURE_LEVEL < ratio < SURE_SIDEWAYS
    asked = detect is not None and (ask or not sure and (ask_upright or ratio >= 1.0))
    guessed = detect(gray) if detect is not None and asked else None
    sideways = guessed in (90, 270) if guessed is not None else ratio >= 1.0
    chosen = across if sideways else ink
    angle, _ = _best_angle(chosen, ((0.02, 0.1),), turned if sideways else level)
    if guessed is not None:
        return guessed, angle, True
    turn = 270 if sideways else 0
    if _marks_below(rotate(chosen, angle, border=0) > 0):
        turn += 180
    return turn % 360, angle, sure or asked


def _text_ink(ink: np.ndarray) -> np.ndarray:
    """The ink of letters only: a table's rules would give both axes strong profiles."""
    length = max(15, ink.shape[1] // 40)
    flat = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, length), np.uint8))
    tall = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((length, 1), np.uint8))
    return (ink > 0) & (flat == 0) & (tall == 0)


def _line_contrast(ink: np.ndarray) -> float:
    profile = ink.mean(axis=1)
    return float(np.abs(np.diff(profile)).mean())


def _marks_below(ink: np.ndarray) -> bool:
    """More ink just below each text line's core than just above it: the page is upside down."""
    profile = ink.mean(axis=1)
    core = profile > max(profile.max() * 0.35, 1e-6)
    above = below = 0.0
    starts = np.flatnonzero(core[1:] & ~core[:-1]) + 1
    ends = np.flatnonzero(core[:-1] & ~core[1:]) + 1
    for start, end in zip(starts, ends[ends > starts[0]] if len(starts) else [], strict=False):
        height = max(2, (end - start) // 2)
        above += float(profile[max(0, start - height) : start].sum())
        below += float(profile[end : end + height].sum())
    return below > above * 1.15


def _half(ink: np.ndarray) -> np.ndarray:
    return np.asarray(cv2.resize(ink, (ink.shape[1] // 2, ink.shape[0] // 2),
                                 interpolation=cv2.INTER_AREA))  # fmt: skip


def _best_angle(
    ink: np.ndarray, search: tuple[tuple[float, float], ...], start: float = 0.0
) -> tuple[float, float]:
    """The angle that makes the row profile of ``ink`` sharpest, and that sharpness;
    ``search`` is (step, span) from coarse to fine around ``start``."""

    def sharpness(angle: float) -> float:
        turned = rotate(ink, angle, border=0, fast=True)
        # OpenCV's row sums in integers: numpy's over float64 cost ten times as much (the
        # search turns the page ~80 times), the same sums
        profile = cv2.reduce(turned, 1, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel()
        return float(np.square(np.diff(profile.astype(np.float64))).sum())

    best = start
    for step, span in search:
        candidates = np.arange(best - span, best + span + step / 2, step)
        best = float(max(candidates, key=sharpness))
    return round(best, 2), sharpness(best)


def rotate(image: np.ndarray, angle: float, border: int = 255, fast: bool = False) -> np.ndarray:
    """Rotate about the centre, keeping the size; the uncovered corners become ``border``."""
    height, width = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    flags = cv2.INTER_NEAREST if fast else cv2.INTER_LINEAR
    turned = cv2.warpAffine(image, matrix, (width, height), flags=flags,
                            borderMode=cv2.BORDER_CONSTANT, borderValue=border)  # fmt: skip
    return np.asarray(turned)

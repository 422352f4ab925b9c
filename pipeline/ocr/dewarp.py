"""A photographed page whose paper curls: its text lines straightened before reading.

Flattening by the page's four corners undoes the camera's perspective, not the paper's bend: a
page that sags by half a line spacing in its middle still bends its lines after it, and the
page pass then reads one line's end on the next line's start, or loses it. A curl bends the page
along its width, so every line sags by the same curve ``dy(x)``. The curve is measured from the
page itself: the page is cut into vertical strips, each strip's row profile of ink is matched
with its neighbour's (the shift where the two agree best: the lines' offset from one strip to
the next, far less than a line spacing), the offsets are summed across the page and a smooth
curve fitted through them; each column is then moved up or down by its curve. A flat page
measures a flat curve and is left as it is.

The page's edges bend with the paper, so the corners a photo is flattened by leave the columns
leaning (a table's vertical rules 1-3° off): the columns are stood up by the shear that makes
the page's column profile of ink sharpest, as deskewing does for the rows.
"""

from __future__ import annotations

import numpy as np

from pipeline.ocr.cv import cv2

STRIPS = 24
MAX_STEP_SHARE = (
    0.01  # of the page height: a strip's lines sit at most this far from its neighbour's
)
MIN_INK_SHARE = 0.01  # a strip with less ink (a margin) says nothing about the lines
DEGREE = 4  # of the curve fitted through the strips' offsets
MIN_BEND_PX = 4.0  # a curve that moves no column further than this is flat: left as it is
MAX_LEAN_DEG, LEAN_STEP_DEG = 4.0, 0.1  # columns' lean searched for, either way
MIN_LEAN_DEG = 0.2  # a smaller lean is left as it is
WORK_WIDTH = 1000  # the lean is measured on a copy this wide


def _profiles(ink: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each strip's centre, its row profile of ink (zero mean) and its share of ink."""
    edges = np.linspace(0, ink.shape[1], STRIPS + 1).astype(int)
    centres = (edges[:-1] + edges[1:]) / 2
    profiles = np.stack([ink[:, a:b].mean(axis=1) for a, b in zip(edges, edges[1:], strict=False)])
    shares = profiles.mean(axis=1)
    return centres, profiles - shares[:, None], shares


def _offset(upper: np.ndarray, lower: np.ndarray, most: int) -> float:
    """Rows ``lower`` lies below ``upper`` (sub-pixel), searched within ``most`` rows."""
    size = len(lower)  # lower moved up s rows, within the window: no row wraps round
    scores = np.array([float(np.dot(upper[most:-most], lower[most + s : size - most + s]))
                       for s in range(-most, most + 1)])  # fmt: skip
    best = int(scores.argmax())
    if 0 < best < len(scores) - 1:  # the peak's vertex through its two neighbours
        left, mid, right = scores[best - 1 : best + 2]
        denominator = left - 2 * mid + right
        return best - most + (0.5 * (left - right) / denominator if denominator else 0.0)
    return float(best - most)


def bend(ink: np.ndarray) -> np.ndarray | None:
    """The rows each column of ``ink`` (255 = ink) sags by, or None when it cannot be measured."""
    centres, profiles, shares = _profiles(ink > 0)
    most = max(2, round(MAX_STEP_SHARE * ink.shape[0]))
    inked = shares >= MIN_INK_SHARE
    xs: list[float] = []
    ys: list[float] = []
    level = 0.0
    for index in range(STRIPS - 1):
        if not (inked[index] and inked[index + 1]):
            continue
        level += _offset(profiles[index], profiles[index + 1], most)
        if not xs:
            xs.append(centres[index])
            ys.append(0.0)
        xs.append(centres[index + 1])
        ys.append(level)
    if len(xs) <= DEGREE + 1:
        return None
    curve = np.polynomial.Polynomial.fit(xs, ys, DEGREE)
    sag = curve(np.arange(ink.shape[1], dtype=np.float64))
    return sag - np.median(sag)


def straighten(gray: np.ndarray, ink: np.ndarray) -> np.ndarray | None:
    """``gray`` with its curled lines straight (``ink``: its ink mask), or None when flat."""
    sag = bend(ink)
    if sag is None or float(np.abs(sag).max()) < MIN_BEND_PX:
        return None
    height, width = gray.shape[:2]
    map_x = np.tile(np.arange(width, dtype=np.float32), (height, 1))
    map_y = np.arange(height, dtype=np.float32)[:, None] + sag.astype(np.float32)[None, :]
    flat = cv2.remap(gray, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                     borderValue=255)  # fmt: skip
    return np.asarray(flat)


def _sheared(image: np.ndarray, slope: float, border: int, fast: bool = False) -> np.ndarray:
    """``image`` with each row moved sideways by ``slope`` times its distance from the middle."""
    height, width = image.shape[:2]
    matrix = np.array([[1, slope, -slope * height / 2], [0, 1, 0]], dtype=np.float32)
    flags = cv2.INTER_NEAREST if fast else cv2.INTER_LINEAR
    moved = cv2.warpAffine(image, matrix, (width, height), flags=flags,
                           borderMode=cv2.BORDER_CONSTANT, borderValue=border)  # fmt: skip
    return np.asarray(moved)


def lean(ink: np.ndarray) -> float:
    """The slope (sideways pixels per row) that stands the columns of ``ink`` upright."""
    scale = WORK_WIDTH / max(ink.shape[1], 1)
    small = ink if scale >= 1 else cv2.resize(ink, None, fx=scale, fy=scale,
                                              interpolation=cv2.INTER_AREA)  # fmt: skip
    degrees = np.arange(-MAX_LEAN_DEG, MAX_LEAN_DEG + LEAN_STEP_DEG / 2, LEAN_STEP_DEG)

    def sharpness(slope: float) -> float:
        sheared = _sheared(small, slope, 0, fast=True)  # column sums in integers, as prepare's
        profile = cv2.reduce(sheared, 0, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel()
        return float(np.square(np.diff(profile.astype(np.float64))).sum())

    slopes = np.tan(np.radians(degrees))
    return float(max(slopes, key=sharpness))


def stand_up(gray: np.ndarray, ink: np.ndarray) -> np.ndarray | None:
    """``gray`` with its leaning columns upright, or None when they stand already."""
    slope = lean(ink)
    if abs(np.degrees(np.arctan(slope))) < MIN_LEAN_DEG:
        return None
    return _sheared(gray, slope, 255)

"""Numbers written by hand in blue or black pen: digits as jittered, slanted pen strokes.

Each digit is a few strokes through points of a unit box (x right, y down), smoothed and
shaken per writer and per digit, so no two digits are the same shape; the pen width varies
along a stroke as a ballpoint's does.
"""

from __future__ import annotations

import math

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

Stroke = list[tuple[float, float]]


def _arc(cx: float, cy: float, rx: float, ry: float, a0: float, a1: float, n: int = 14) -> Stroke:
    return [
        (cx + rx * math.cos(math.radians(a0 + (a1 - a0) * k / (n - 1))),
         cy + ry * math.sin(math.radians(a0 + (a1 - a0) * k / (n - 1))))
        for k in range(n)
    ]  # fmt: skip


DIGITS: dict[str, list[Stroke]] = {
    "0": [_arc(0.5, 0.5, 0.36, 0.48, -90, 275)],
    "1": [[(0.3, 0.25), (0.58, 0.02), (0.55, 1.0)]],
    "2": [_arc(0.5, 0.3, 0.33, 0.28, 200, 380) + [(0.15, 1.0), (0.88, 0.98)]],
    "3": [_arc(0.48, 0.26, 0.3, 0.24, 200, 450) + _arc(0.48, 0.73, 0.36, 0.27, -90, 160)],
    "4": [[(0.62, 1.0), (0.62, 0.0), (0.1, 0.68), (0.9, 0.68)]],
    "5": [[(0.82, 0.02), (0.25, 0.02), (0.2, 0.45)] + _arc(0.48, 0.68, 0.36, 0.3, -120, 150)],
    "6": [[(0.75, 0.02), (0.3, 0.4)] + _arc(0.5, 0.7, 0.3, 0.28, 190, 540)],
    "7": [[(0.12, 0.04), (0.88, 0.02), (0.4, 1.0)]],
    "8": [_arc(0.5, 0.26, 0.27, 0.24, 90, 450) + _arc(0.5, 0.74, 0.33, 0.26, -90, 270)],
    "9": [_arc(0.5, 0.3, 0.3, 0.28, 0, 360) + [(0.8, 0.3), (0.65, 1.0)]],
    "/": [[(0.85, 0.0), (0.15, 1.0)]],
}


def _smooth(points: np.ndarray, samples: int = 40) -> np.ndarray:
    """Points resampled along the polyline, lightly averaged: a pen does not turn corners."""
    steps = np.hypot(*np.diff(points, axis=0).T)
    at = np.concatenate([[0.0], np.cumsum(steps)])
    where = np.linspace(0, at[-1] or 1.0, samples)
    line = np.stack([np.interp(where, at, points[:, k]) for k in range(2)], axis=1)
    kernel = np.ones(3) / 3
    inner = np.stack([np.convolve(line[:, k], kernel, "same") for k in range(2)], axis=1)
    inner[[0, -1]] = line[[0, -1]]
    return inner


def handwriting(text: str, height: int, rng: np.random.Generator) -> np.ndarray:
    """Opacity mask (0..1) of ``text`` written by hand, digits ``height`` pixels tall."""
    slant = float(rng.uniform(0.05, 0.3))
    width_of = height * float(rng.uniform(0.5, 0.65))
    pen = max(2, round(height * rng.uniform(0.07, 0.11)))
    size = (round(width_of * (len(text) + 1) + height), round(height * 1.6))
    mask = Image.new("L", size, 0)
    draw = ImageDraw.Draw(mask)
    x = height * 0.3
    for char in text:
        for stroke in DIGITS.get(char, []):
            points = np.asarray(stroke, np.float64)
            points += rng.normal(0, 0.04, points.shape)
            points = _smooth(points)
            scale = height * float(rng.uniform(0.9, 1.1))
            xs = x + (points[:, 0] + slant * (1 - points[:, 1])) * width_of
            ys = height * 0.3 + points[:, 1] * scale + rng.normal(0, 0.5)
            line = list(zip(xs.tolist(), ys.tolist(), strict=True))
            draw.line(line, fill=int(rng.integers(200, 256)), width=pen, joint="curve")
        x += width_of * float(rng.uniform(1.0, 1.25))
    mask = mask.filter(ImageFilter.GaussianBlur(0.6))
    return np.asarray(mask, np.float32)[:, : round(x + height * 0.3)] / 255

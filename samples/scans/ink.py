"""Ink laid over a page: the red round seal (con dấu) and a signature in blue pen.

A Vietnamese official seal is a red circle: a thick outer ring, a thin inner ring, the issuing
body's name around the ring and a star in the middle. Ink is blended by multiplication with a
mottled opacity, so the digits under it stay visible the way they do under real stamp ink.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

SEAL_RED = (200, 30, 40)
PEN_BLUE = (30, 50, 150)
FONT_PATHS = (
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
)


def _font(size: int) -> ImageFont.FreeTypeFont:
    for path in FONT_PATHS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    raise FileNotFoundError(f"no font for the seal's text; install fonts-liberation ({FONT_PATHS})")


def _star(centre: float, radius: float) -> list[tuple[float, float]]:
    points = []
    for k in range(10):
        r = radius if k % 2 == 0 else radius * 0.4
        angle = -math.pi / 2 + k * math.pi / 5
        points.append((centre + r * math.cos(angle), centre + r * math.sin(angle)))
    return points


def _ring_text(mask: Image.Image, text: str, radius: float, size: int) -> None:
    """Write ``text`` around the circle, upright at the top, clockwise."""
    font, centre = _font(size), mask.size[0] / 2
    step = min(2 * math.pi * 0.86 / max(len(text), 1), 0.32)
    start = -math.pi / 2 - step * (len(text) - 1) / 2
    for k, char in enumerate(text):
        angle = start + k * step
        glyph = Image.new("L", (size * 2, size * 2), 0)
        ImageDraw.Draw(glyph).text((size, size), char, fill=255, font=font, anchor="mm")
        glyph = glyph.rotate(-math.degrees(angle + math.pi / 2), resample=Image.BICUBIC)
        x = centre + radius * math.cos(angle) - size
        y = centre + radius * math.sin(angle) - size
        mask.paste(255, (round(x), round(y)), glyph)


def seal_mask(text: str, radius: int, rng: np.random.Generator) -> np.ndarray:
    """The seal's ink as opacity 0..1, (2r, 2r), turned by a random angle."""
    size = 2 * radius
    mask = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(mask)
    ring = max(3, radius // 14)
    draw.ellipse((ring, ring, size - ring, size - ring), outline=255, width=ring)
    inner = radius * 0.66
    draw.ellipse(
        (radius - inner, radius - inner, radius + inner, radius + inner),
        outline=255,
        width=max(2, ring // 3),
    )
    draw.polygon(_star(radius, radius * 0.36), fill=255)
    _ring_text(mask, text.upper(), radius * 0.83, max(8, round(radius * 0.2)))
    mask = mask.rotate(float(rng.uniform(-25, 25)), resample=Image.BICUBIC)
    mask = mask.filter(ImageFilter.GaussianBlur(radius / 140))
    opacity = np.asarray(mask, dtype=np.float32) / 255
    mottle = rng.uniform(0.5, 0.95, (size // 12 + 1, size // 12 + 1)).astype(np.float32)
    mottle = np.asarray(Image.fromarray(mottle, "F").resize((size, size), Image.BICUBIC))
    return opacity * np.clip(mottle, 0, 1)


def signature_mask(width: int, height: int, rng: np.random.Generator) -> np.ndarray:
    """A pen signature: a few smooth random strokes, opacity 0..1."""
    mask = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(mask)
    t = np.linspace(0, 1, 120)
    for _stroke in range(3):
        a = rng.uniform(0.5, 2.5, 3)
        x = width * (0.05 + 0.9 * t)
        y = height * (0.5 + 0.3 * np.sin(2 * math.pi * (a[0] * t + a[1])) * np.cos(a[2] * t))
        draw.line(
            list(zip(x.tolist(), y.tolist(), strict=True)), fill=255, width=max(2, height // 25)
        )
    return np.asarray(mask, dtype=np.float32) / 255 * 0.9


def lay_ink(
    pixels: np.ndarray, opacity: np.ndarray, colour: tuple[int, int, int], at: tuple[float, float]
) -> None:
    """Multiply ``colour`` into ``pixels`` (float RGB 0..255) with ``opacity``, top-left ``at``."""
    height, width = opacity.shape
    x0, y0 = round(at[0]), round(at[1])
    xa, ya = max(x0, 0), max(y0, 0)
    xb, yb = min(x0 + width, pixels.shape[1]), min(y0 + height, pixels.shape[0])
    if xa >= xb or ya >= yb:
        return
    alpha = opacity[ya - y0 : yb - y0, xa - x0 : xb - x0, None]
    tint = np.asarray(colour, np.float32) / 255
    pixels[ya:yb, xa:xb] *= 1 - alpha * (1 - tint)

"""A printed page (float RGB) → what a scanner, a fax, a photocopier or a phone gives back.

Every function takes the seed's generator and returns the image with a record of what it drew,
so the truth file says exactly what was done to each page.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np
from PIL import Image, ImageFilter
from scans.photo import photograph
from scans.scan import add_noise, paper_tone

MAX_SKEW = 3.0  # degrees either way
LID = (246, 246, 244)
TURNED_SHARE = 0.08  # pages fed turned 90°, 180° or 270°


def show_through(page: np.ndarray, back: np.ndarray, rng: np.random.Generator) -> float:
    """The back page's print, mirrored and soft, showing through thin paper (in place)."""
    strength = float(rng.uniform(0.06, 0.2))
    mirrored = np.ascontiguousarray(back[:, ::-1])
    height, width = page.shape[:2]
    mirrored = cv2.resize(mirrored, (width, height))
    soft = cv2.GaussianBlur(mirrored, (0, 0), max(1.0, width / 900))
    page *= 1 - strength * (1 - soft / 255)
    return round(strength, 3)


def contrast(pixels: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, list[int]]:
    """Faded toner, a grey scanner: black no darker than ``ink``, white no lighter than paper."""
    ink, paper = int(rng.integers(0, 90)), int(rng.integers(195, 256))
    return ink + pixels * (paper - ink) / 255, [ink, paper]


def turn_and_skew(image: Image.Image, rng: np.random.Generator) -> tuple[Image.Image, int, float]:
    turn = int(rng.choice([0, 90, 180, 270], p=[1 - TURNED_SHARE] + [TURNED_SHARE / 3] * 3))
    if turn:
        image = image.rotate(turn, expand=True)
    skew = round(float(rng.uniform(-MAX_SKEW, MAX_SKEW)), 2)
    fill = LID if image.mode == "RGB" else LID[0]
    return image.rotate(skew, resample=Image.BICUBIC, fillcolor=fill), turn, skew


def scan(page: np.ndarray, dpi: int, rng: np.random.Generator) -> tuple[Image.Image, dict]:
    """A flatbed or feeder scan: paper, fading, turn, skew, blur, noise (JPEG when written)."""
    toned = paper_tone(page, rng)
    faded, levels = contrast(toned, rng) if rng.random() < 0.4 else (toned, [0, 255])
    image = Image.fromarray(np.clip(faded, 0, 255).astype(np.uint8), "RGB")
    image, turn, skew = turn_and_skew(image, rng)
    blur = round(float(rng.uniform(0.3, 1.0)) * dpi / 300, 2)
    image = image.filter(ImageFilter.GaussianBlur(blur))
    noise = round(float(rng.uniform(2.0, 7.0)), 1)
    image = Image.fromarray(add_noise(np.asarray(image, np.float32), noise, rng), "RGB")
    return image, {"levels": levels, "turn": turn, "skew": skew, "blur": blur, "noise": noise}


def _patches(shape: tuple[int, int], rng: np.random.Generator, share: float) -> np.ndarray:
    """A smooth random mask covering about ``share`` of the page in blobs."""
    coarse = rng.random((max(2, shape[0] // 120), max(2, shape[1] // 120))).astype(np.float32)
    smooth = cv2.resize(coarse, (shape[1], shape[0]), interpolation=cv2.INTER_CUBIC)
    return smooth > np.quantile(smooth, 1 - share)


def bilevel(
    page: np.ndarray, dpi: int, fax: bool, rng: np.random.Generator
) -> tuple[Image.Image, dict]:
    """A fax or photocopy: 1-bit, strokes broken in some patches and thickened in others."""
    grey = cv2.cvtColor(np.clip(page, 0, 255).astype(np.uint8), cv2.COLOR_RGB2GRAY)
    image, turn, skew = turn_and_skew(Image.fromarray(grey, "L"), rng)
    grey = np.asarray(image.filter(ImageFilter.GaussianBlur(0.6 * dpi / 300)), np.float32)
    if fax:  # standard fax resolution: half the lines, stretched back
        height, width = grey.shape
        grey = cv2.resize(cv2.resize(grey, (width, height // 2)), (width, height))
    grey = grey + rng.normal(0, 18, grey.shape).astype(np.float32)
    threshold = float(rng.uniform(110, 170))
    ink = (grey < threshold).astype(np.uint8)
    kernel = np.ones((2, 2), np.uint8)
    thin, thick = _patches(ink.shape, rng, 0.15), _patches(ink.shape, rng, 0.2)
    ink = np.where(thin, cv2.erode(ink, kernel), ink)
    ink = np.where(thick & ~thin, cv2.dilate(ink, kernel), ink)
    dropouts = rng.random(ink.shape) < 0.02
    speckle = rng.random(ink.shape) < (0.0015 if fax else 0.004)
    ink = np.where(dropouts & (ink == 1), 0, ink) | speckle
    out = Image.fromarray(((1 - ink) * 255).astype(np.uint8), "L").convert("1")
    return out, {"bilevel": "fax" if fax else "photocopy", "threshold": round(threshold),
                 "turn": turn, "skew": skew}  # fmt: skip


def _curl(page: np.ndarray, rng: np.random.Generator) -> float:
    """The page bends: rows sag by a curve across the width (in place remap)."""
    height, width = page.shape[:2]
    depth = float(rng.uniform(0.004, 0.02)) * height
    x = np.arange(width, dtype=np.float32)
    sag = depth * np.sin(np.pi * x / width) ** 2
    edge = depth * 0.6 * (x / width) ** 3 * float(rng.choice([-1, 1]))
    map_x = np.tile(x, (height, 1))
    map_y = np.arange(height, dtype=np.float32)[:, None] - sag[None, :] - edge[None, :]
    page[:] = cv2.remap(page, map_x, map_y, cv2.INTER_LINEAR, borderValue=(255, 255, 255))
    return round(depth, 1)


def _shadow(image: Image.Image, rng: np.random.Generator) -> float:
    """The soft shadow of a hand or the phone across one side of the frame."""
    width, height = image.size
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    cx, cy = rng.uniform(-0.2, 1.2) * width, rng.uniform(0.3, 1.2) * height
    angle = rng.uniform(0, np.pi)
    distance = (x - cx) * np.cos(angle) + (y - cy) * np.sin(angle)
    depth = float(rng.uniform(0.25, 0.5))
    soft = width * 0.08
    shade = 1 - depth / (1 + np.exp(distance / soft))
    pixels = np.asarray(image, np.float32) * shade[..., None]
    image.paste(Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB"))
    return round(depth, 2)


def phone(page: np.ndarray, rng: np.random.Generator) -> tuple[Image.Image, dict[str, Any]]:
    """A phone photo: curl, perspective, uneven light (scans.photo), a shadow across it."""
    depth = _curl(page, rng)
    image, effects = photograph(page, rng)
    shadow = _shadow(image, rng)
    turn = 180 if rng.random() < 0.1 else 0  # held upside down
    if turn:
        image = image.rotate(turn)
    record = {"curl": depth, "shadow": shadow, "turn": turn, "light": effects.light,
              "blur": effects.blur, "corners": [list(c) for c in effects.corners]}  # fmt: skip
    return image, record

"""A clean page → a phone photo of it lying on a desk: perspective, uneven light, soft focus."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter

from .scan import add_noise, paper_tone

PHOTO_SIZE = (2250, 3000)  # width, height: a 3:4 phone frame, scaled down
PAGE_SHARE = 0.84  # the page's height as a share of the frame's
DESK = (92, 64, 44)  # dark wood


@dataclass(frozen=True, slots=True)
class PhotoEffects:
    """Where the page's corners landed and what light fell on it, for the manifest."""

    corners: tuple[tuple[int, int], ...]  # top-left, top-right, bottom-right, bottom-left
    light: float  # darkest share of full light in the gradient
    blur: float


def photo_dpi(page_height_inch: float) -> int:
    """The resolution to render a page at so it fills ``PAGE_SHARE`` of the frame."""
    return round(PHOTO_SIZE[1] * PAGE_SHARE / page_height_inch)


def _desk(rng: np.random.Generator) -> np.ndarray:
    width, height = PHOTO_SIZE
    grain = rng.normal(0, 1, (height // 6, 8)).astype(np.float32)
    grain = np.asarray(Image.fromarray(grain, "F").resize((width, height), Image.BICUBIC))
    speckle = rng.normal(0, 6, (height, width)).astype(np.float32)
    shade = 1 + 0.08 * grain + speckle / 255
    return np.asarray(DESK, np.float32) * shade[..., None]


def _corners(size: tuple[int, int], rng: np.random.Generator) -> np.ndarray:
    """The page's corners in the frame: a camera tilted forward and a little aside."""
    width, height = size
    x0, y0 = (PHOTO_SIZE[0] - width) / 2, (PHOTO_SIZE[1] - height) / 2
    inset = width * rng.uniform(0.04, 0.07)  # the far (top) edge looks narrower
    jitter = rng.uniform(-0.015, 0.015, (4, 2)) * np.asarray([width, height])
    corners = np.asarray(
        [[x0 + inset, y0], [x0 + width - inset, y0], [x0 + width, y0 + height], [x0, y0 + height]]
    )
    return corners + jitter


def _coefficients(source: np.ndarray, target: np.ndarray) -> list[float]:
    """PIL's PERSPECTIVE data mapping frame points (target) back to page points (source)."""
    rows, rhs = [], []
    for (x, y), (u, v) in zip(target, source, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs += [u, v]
    return np.linalg.solve(np.asarray(rows), np.asarray(rhs)).tolist()


def _lighting(rng: np.random.Generator) -> tuple[np.ndarray, float]:
    width, height = PHOTO_SIZE
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    angle = rng.uniform(0, 2 * np.pi)
    ramp = (np.cos(angle) * x / width + np.sin(angle) * y / height + 1) / 2
    dark = float(rng.uniform(0.68, 0.8))
    radius = np.hypot((x - width / 2) / width, (y - height / 2) / height)
    light = (dark + (1 - dark) * ramp) * (1 - 0.35 * radius**2)
    return light, round(dark, 3)


def photograph(pixels: np.ndarray, rng: np.random.Generator) -> tuple[Image.Image, PhotoEffects]:
    """The page (RGB, rendered at ``photo_dpi``) on a desk, photographed from above."""
    page = Image.fromarray(np.clip(paper_tone(pixels, rng), 0, 255).astype(np.uint8), "RGB")
    width, height = page.size
    corners = _corners(page.size, rng)
    source = np.asarray([[0, 0], [width, 0], [width, height], [0, height]], np.float64)
    data = _coefficients(source, corners)
    warped = page.transform(PHOTO_SIZE, Image.PERSPECTIVE, data, Image.BICUBIC)
    mask = Image.new("L", page.size, 255).transform(PHOTO_SIZE, Image.PERSPECTIVE, data)
    shadow = np.asarray(mask.filter(ImageFilter.GaussianBlur(18)), np.float32)[..., None] / 255
    desk = _desk(rng) * (1 - 0.45 * np.roll(shadow, (14, 10), (0, 1)))
    alpha = np.asarray(mask, np.float32)[..., None] / 255
    frame = np.asarray(warped, np.float32) * alpha + desk * (1 - alpha)
    light, dark = _lighting(rng)
    image = Image.fromarray(np.clip(frame * light[..., None], 0, 255).astype(np.uint8), "RGB")
    blur = round(float(rng.uniform(0.8, 1.3)), 3)
    image = image.filter(ImageFilter.GaussianBlur(blur))
    image = Image.fromarray(add_noise(np.asarray(image, np.float32), 3.0, rng), "RGB")
    points = tuple((round(x), round(y)) for x, y in corners)
    return image, PhotoEffects(points, dark, blur)

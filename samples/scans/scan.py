"""A clean page → what a flatbed scanner returns: grey paper, skew, blur, sensor noise."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter

MAX_SKEW = 2.0  # degrees, either way
LID = (246, 246, 244)  # the scanner lid showing round a skewed page


@dataclass(frozen=True, slots=True)
class ScanEffects:
    """What was done to one page, for the manifest."""

    skew: float  # degrees, counter-clockwise
    blur: float  # Gaussian radius in pixels
    noise: float  # sigma of the sensor noise, in grey levels
    turned: bool  # turned 90° counter-clockwise (a landscape page scanned upright)


def paper_tone(pixels: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Multiply white by a grey-cream paper tone that drifts slowly across the page."""
    height, width = pixels.shape[:2]
    tone = np.asarray([236, 233, 224], np.float32) / 255 * rng.uniform(0.97, 1.0)
    drift = rng.uniform(-0.03, 0.03, (4, 4)).astype(np.float32)
    drift = np.asarray(
        Image.fromarray(drift, mode="F").resize((width, height), Image.BICUBIC), np.float32
    )
    return pixels.astype(np.float32) * tone * (1 + drift)[..., None]


def add_noise(pixels: np.ndarray, sigma: float, rng: np.random.Generator) -> np.ndarray:
    """Sensor noise, the same on every channel (luminance noise)."""
    noise = rng.normal(0, sigma, pixels.shape[:2]).astype(np.float32)
    return np.clip(pixels + noise[..., None], 0, 255).astype(np.uint8)


def scan_page(
    pixels: np.ndarray, dpi: int, turn: bool, rng: np.random.Generator
) -> tuple[Image.Image, ScanEffects]:
    """Scan a page already toned and inked (float RGB): turn, skew, blur, noise."""
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")
    if turn:
        image = image.transpose(Image.Transpose.ROTATE_90)
    skew = round(float(rng.uniform(-MAX_SKEW, MAX_SKEW)), 3)
    image = image.rotate(skew, resample=Image.BICUBIC, fillcolor=LID)
    blur = round(float(rng.uniform(0.4, 0.8)) * dpi / 300, 3)
    image = image.filter(ImageFilter.GaussianBlur(blur))
    noise = round(float(rng.uniform(3.0, 5.0)), 2)
    noisy = add_noise(np.asarray(image, np.float32), noise, rng)
    return Image.fromarray(noisy, "RGB"), ScanEffects(skew, blur, noise, turn)

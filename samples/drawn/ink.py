"""Ink laid on the printed page before it is scanned: handwriting, seals, signatures.

The seal and the signature come from the samples' scans.ink; where they go is read from the
page itself (the signer's name is the lowest line of print on the last page), so it works the
same for every tool that typeset the page.
"""

from __future__ import annotations

import numpy as np
from scans.ink import PEN_BLUE, SEAL_RED, lay_ink, seal_mask, signature_mask

from .content import Paper
from .hand import handwriting
from .look import Look

PEN_BLACK = (40, 40, 48)
Anchor = tuple[int, float, float, float]


def write_blanks(
    pages: list[np.ndarray], anchors: dict[str, Anchor], paper: Paper, look: Look, dpi: int,
    rng: np.random.Generator,
) -> list[str]:  # fmt: skip
    """The number, day and month written into their blanks; returns what was written."""
    colour = PEN_BLUE if rng.random() < 0.7 else PEN_BLACK
    texts = {"number": str(paper.number), "day": str(paper.day), "month": str(paper.month)}
    height = round(look.size * dpi / 72 * rng.uniform(0.85, 1.15))
    written = []
    for key, (page, x, y, gap) in anchors.items():
        mask = handwriting(texts[key], height, rng)
        if mask.shape[1] > gap * 1.3:  # a clerk writes smaller to fit the blank
            mask = handwriting(texts[key], round(height * gap * 1.3 / mask.shape[1]), rng)
        left = x + max(0.0, (gap - mask.shape[1]) / 2)
        lay_ink(pages[page - 1], mask, colour, (left, y - height * 0.45))
        written.append(f"{key} {texts[key]}")
    return written


def lowest_print(page: np.ndarray) -> tuple[float, float, float] | None:
    """(y, x_left, x_right) of the lowest line of print on a page: the signer's name."""
    dark = page.mean(axis=2) < 128
    rows = np.flatnonzero(dark.any(axis=1))
    if rows.size == 0:
        return None
    y = int(rows[-1])
    band = dark[max(0, y - 20) : y + 1]
    cols = np.flatnonzero(band.any(axis=0))
    return float(y), float(cols[0]), float(cols[-1])


def stamp(pages: list[np.ndarray], issuer: str, dpi: int, rng: np.random.Generator) -> list[str]:
    """A signature and a red seal over the signer's block; often a seal or pen over cells."""
    done = []
    radius = round(0.75 * dpi * rng.uniform(0.9, 1.1))
    signer = lowest_print(pages[-1])
    if signer is not None:
        y, x0, x1 = signer
        centre = (x0 + x1) / 2
        pen = signature_mask(round(1.6 * dpi), round(0.55 * dpi), rng)
        lay_ink(pages[-1], pen, PEN_BLUE, (centre - 0.7 * dpi, y - 1.0 * dpi))
        seal = seal_mask(issuer, radius, rng)
        lay_ink(pages[-1], seal, SEAL_RED, (centre - 0.9 * dpi - radius, y - 0.75 * dpi - radius))
        done += ["signature", "seal over the signature"]
    if rng.random() < 0.6:
        page = int(rng.integers(len(pages)))
        height, width = pages[page].shape[:2]
        at = (width * rng.uniform(0.45, 0.8) - radius, height * rng.uniform(0.4, 0.75) - radius)
        lay_ink(pages[page], seal_mask(issuer, radius, rng), SEAL_RED, at)
        done.append(f"seal over cells p{page + 1}")
    if rng.random() < 0.4:
        page = int(rng.integers(len(pages)))
        height, width = pages[page].shape[:2]
        pen = signature_mask(round(0.9 * dpi), round(0.4 * dpi), rng)
        at = (width * rng.uniform(0.5, 0.8), height * rng.uniform(0.35, 0.8))
        lay_ink(pages[page], pen, PEN_BLUE, at)
        done.append(f"signature over cells p{page + 1}")
    return done

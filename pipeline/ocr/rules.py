"""Ruling lines of a page image by morphology, and the page with them erased.

An opening with a long thin kernel keeps only straight runs of ink longer than any letter: the
rules of a table. Each run becomes a ``Rule`` (the PDF reader's type, in image pixels here), so
the lattice code that turns rules into a cell grid, merged cells included, is the one the PDF
reader uses. The rules are then painted out, so no remnant is read as a "1" or a "|".
"""

from __future__ import annotations

from typing import NamedTuple

import cv2
import numpy as np

from pipeline.ingest.pdf_sources import Rule

MIN_RULE_INCH = 0.2  # shorter straight runs of ink are letters (an "l", a dash), not rules


class RuledPage(NamedTuple):
    rules: list[Rule]  # image pixels
    clean: np.ndarray  # the grey page with the rules painted white
    thickness: float  # median rule thickness in pixels


def find_rules(gray: np.ndarray, ink: np.ndarray, ppi: int) -> RuledPage:
    """Horizontal and vertical rules of the page, and the page without them."""
    length = max(15, round(MIN_RULE_INCH * ppi))
    flat = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1))
    )
    tall = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, length))
    )
    rules: list[Rule] = []
    thickness: list[float] = []
    for mask, horizontal in ((flat, True), (tall, False)):
        found, widths = _runs(mask, horizontal)
        rules += found
        thickness += widths
    erase = cv2.dilate(cv2.bitwise_or(flat, tall), np.ones((5, 5), np.uint8))
    clean = gray.copy()
    clean[erase > 0] = 255
    return RuledPage(rules, clean, float(np.median(thickness)) if thickness else 0.0)


def _runs(mask: np.ndarray, horizontal: bool) -> tuple[list[Rule], list[float]]:
    """One rule per connected run of the mask, along its middle."""
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    rules, widths = [], []
    for x, y, w, h, _area in stats[1:count]:
        if horizontal:
            middle = y + h / 2
            rules.append(Rule(float(x), middle, float(x + w), middle))
            widths.append(float(min(h, 12)))
        else:
            middle = x + w / 2
            rules.append(Rule(middle, float(y), middle, float(y + h)))
            widths.append(float(min(w, 12)))
    return rules, widths

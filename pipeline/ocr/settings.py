"""Tunables of the OCR reader, with documented defaults (README: "OCR settings")."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_DPI = 300
DEFAULT_LANGUAGE = "vie"
DEFAULT_CALL_TIMEOUT_S = 60.0
DEFAULT_LOW_CONFIDENCE = 80.0
DEFAULT_MAX_SKEW_DEG = 5.0
DEFAULT_GARBAGE_SHARE = 0.5
# Steps that can be left out, to measure what each one is worth (scripts/eval_ocr.py --ablate).
STEPS = (
    "colour", "flatten", "lighting", "orientation", "deskew", "dewarp", "digits", "correct",
    "second",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class OcrSettings:
    """How scanned pages and photos are read."""

    dpi: int = DEFAULT_DPI
    """PDF pages are rasterised at this resolution; images keep their own (their dpi tag, else
    their size against A4)."""

    language: str = DEFAULT_LANGUAGE
    """Tesseract language of the page pass (names, headers, prose)."""

    call_timeout_s: float = DEFAULT_CALL_TIMEOUT_S
    """A Tesseract call (one page pass, or one cell) that runs longer than this is cancelled
    and the page raises ``page_not_read``."""

    low_confidence: float = DEFAULT_LOW_CONFIDENCE
    """A number whose two readings agree but whose confidence is below this is not sure."""

    max_skew_deg: float = DEFAULT_MAX_SKEW_DEG
    """Skew searched for, either way; a scan turned further is found by orientation."""

    garbage_share: float = DEFAULT_GARBAGE_SHARE
    """A PDF text layer whose share of readable Vietnamese characters is below this, or that
    holds only a few characters over a full-page image, counts as none: the page is OCRed."""

    tessdata: str | None = None
    """Folder of Tesseract's language data; None: the system's (Debian's tesseract-ocr-vie)."""

    skip: frozenset[str] = frozenset()
    """Steps left out (names in ``STEPS``): colour drop, photo flattening, lighting,
    orientation, deskew, a photo's curled lines straightened, the digits pass, the
    constraint-aware correction, the second reading (PP-OCRv4). For measuring."""

    def __post_init__(self) -> None:
        unknown = sorted(self.skip - set(STEPS))
        if unknown:
            raise ValueError(f"unknown OCR steps {unknown}; known: {', '.join(STEPS)}")

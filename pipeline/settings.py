"""Tunables as frozen dataclasses; every default is a named constant documented in the README."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

DEFAULT_MAX_HEADER_ROWS = 4
DEFAULT_MIN_DATA_ROWS = 1
DEFAULT_COLUMN_MAJORITY = 0.5
DEFAULT_MAX_CAPTION_GAP = 6


@dataclass(frozen=True, slots=True)
class TableSettings:
    """How the table stage reads grids into ranking tables."""

    max_header_rows: int = DEFAULT_MAX_HEADER_ROWS
    """At most this many rows at the top of a grid are read as its (multi-level) header."""

    min_data_rows: int = DEFAULT_MIN_DATA_ROWS
    """A grid with fewer data rows than this is not a ranking table."""

    column_majority: float = DEFAULT_COLUMN_MAJORITY
    """Share of a column's data cells that must be numbers (or band words, or names) to give
    the column that kind."""

    max_caption_gap: int = DEFAULT_MAX_CAPTION_GAP
    """A section caption counts for the next grid when at most this many prose lines follow it."""


DEFAULT_BAND_STEP_SHARE = Decimal("0.05")


@dataclass(frozen=True, slots=True)
class ReconcileSettings:
    """How the checks judge a table."""

    band_step_share: Decimal = DEFAULT_BAND_STEP_SHARE
    """Band thresholds are taken to be multiples of this share of the table's maximum
    (5 points of 100, 50 of 1000, 0.05 of 1); bands meeting elsewhere raise a warning."""


DEFAULT_MAX_STREAM_MB = 256
DEFAULT_MAX_UNZIPPED_MB = 256
DEFAULT_MAX_IMAGE_PIXELS = 60_000_000


@dataclass(frozen=True, slots=True)
class IngestLimits:
    """What a reader refuses before inflating it (decompression bombs, absurd images)."""

    max_stream_mb: int = DEFAULT_MAX_STREAM_MB
    """A PDF whose one compressed stream inflates past this many MB is refused (a colour A4
    page scanned at 600 dpi is about 105 MB)."""

    max_unzipped_mb: int = DEFAULT_MAX_UNZIPPED_MB
    """A DOCX whose parts add up to more than this many MB once unzipped is refused."""

    max_image_pixels: int = DEFAULT_MAX_IMAGE_PIXELS
    """An image with more pixels than this is refused (an A4 page at 600 dpi is 35 M; a
    10,000 × 10,000 image is 100 M)."""

    keep_office_warm: bool = True
    """One LibreOffice kept running per worker for every .doc, .odt, .rtf and .ods; False
    starts one per file (seconds each: ``make bench`` prints both)."""

    convert_timeout_s: float = 120.0
    """LibreOffice's time to convert one .doc, .odt, .rtf or spreadsheet; past it the file
    fails (ConversionError) and that LibreOffice is restarted for the next one."""

"""Text-layer PDFs → pages of prose lines and table grids, with boxes as provenance.

pdfium (through pypdfium2) reads every glyph with its box and every path object; pdfplumber
reads the same through pdfminer, slower, and serves as reference and fallback
(``PdfSettings(engine="pdfplumber")``). The layout analysis is the OCR reader's too
(``pipeline.geometry``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import count
from pathlib import Path

import pypdfium2 as pdfium

from pipeline.errors import CorruptFile
from pipeline.geometry.layout import LayoutSettings, build_page
from pipeline.geometry.shapes import PageContent
from pipeline.ingest.pdf_sources import CORRUPT_MESSAGE, pdfium_pages, pdfplumber_pages
from pipeline.ingest.pdf_streams import damaged_pages, refuse_bombs
from pipeline.models import Page
from pipeline.settings import IngestLimits

DEFAULT_ENGINE = "pdfium"
ENGINES = ("pdfium", "pdfplumber")


@dataclass(frozen=True)
class PdfSettings(LayoutSettings):
    """Tunables of the PDF reader: the engine, and the layout's (distances in PDF points)."""

    engine: str = DEFAULT_ENGINE
    """pdfium (fast) or pdfplumber (reference, fallback)."""

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise ValueError(f"engine must be one of {ENGINES}, not {self.engine!r}")


def read_pdf(
    path: Path,
    source_file: str,
    settings: PdfSettings = PdfSettings(),
    limits: IngestLimits = IngestLimits(),
) -> tuple[Page, ...]:
    """Read every page of a text-layer PDF; pages without text are marked ``ocr-needed``.

    A decompression bomb is refused before any page is read; a page whose content stream is
    damaged keeps what pdfium could read of it and says why in ``Page.damage``.
    """
    refuse_bombs(path, limits.max_stream_mb)
    grid_ids = count(1)
    pages = tuple(
        build_page(content, source_file, settings, grid_ids)
        for content in page_contents(path, settings)
    )
    damaged = damaged_pages(path, limits.max_stream_mb)
    return tuple(replace(page, damage=damaged.get(page.number)) for page in pages)


def page_contents(path: Path, settings: PdfSettings) -> Iterator[PageContent]:
    """The raw content of each page from the chosen engine; damage becomes CorruptFile."""
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    reader = pdfium_pages if settings.engine == "pdfium" else pdfplumber_pages
    try:
        yield from reader(path, settings.rule_thickness)
    except (pdfium.PdfiumError, PdfminerException, PSException) as err:
        raise CorruptFile(CORRUPT_MESSAGE.format(name=path.name, reason=err)) from err

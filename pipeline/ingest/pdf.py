"""Text-layer PDFs → pages of prose lines and table grids, with boxes as provenance.

pdfium (through pypdfium2) reads every glyph with its box and every path object; pdfplumber
reads the same through pdfminer, slower, and serves as reference and fallback
(``PdfSettings(engine="pdfplumber")``). The layout analysis is the OCR reader's too
(``pipeline.geometry``).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import count
from pathlib import Path

import pypdfium2 as pdfium

from pipeline.errors import CorruptFile
from pipeline.geometry.layout import LayoutSettings, build_page
from pipeline.geometry.shapes import Glyph, PageContent, first_characters, fold_marks
from pipeline.ingest.pdf_breaks import join_rows_cut_by_page_breaks
from pipeline.ingest.pdf_legacy import decode_page
from pipeline.ingest.pdf_sources import (
    CORRUPT_MESSAGE,
    pdfium_pages,
    pdfplumber_pages,
)
from pipeline.ingest.pdf_streams import damaged_pages, refuse_bombs
from pipeline.models import Page
from pipeline.settings import IngestLimits

DEFAULT_ENGINE = "pdfium"
ENGINES = ("pdfium", "pdfplumber")
MIN_TEXT_LAYER_LETTERS = 20  # fewer: a scan with a page number stamped in, read by OCR
MAX_ODD_SHARE = 0.2  # more symbols and unknown characters than this: a garbage text layer
OCR_NEEDED = "ocr-needed"  # Page.method of a page without a real text layer
MAX_PATHS_BESIDE_TEXT = 50  # rules and boxes; a page of glyphs drawn as outlines has hundreds


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
    damaged_stream = refuse_bombs(path, limits.max_stream_mb)
    grid_ids = count(1)
    pages = tuple(
        text_page(decode_page(content), source_file, settings, grid_ids)
        for content in page_contents(path, settings)
    )
    pages = join_rows_cut_by_page_breaks(pages)
    if not damaged_stream and all(page.method == "pdf" for page in pages):
        return pages
    damaged = damaged_pages(path, limits.max_stream_mb)
    return tuple(replace(page, damage=damaged.get(page.number)) for page in pages)


def page_contents(path: Path, settings: PdfSettings) -> Iterator[PageContent]:
    """The raw content of each page from the chosen engine; damage becomes CorruptFile.

    pdfplumber (73 ms to import) is imported only for its own engine, not by every worker.
    """
    if settings.engine == "pdfium":
        try:
            yield from pdfium_pages(path, settings.rule_thickness)
        except pdfium.PdfiumError as err:
            raise CorruptFile(CORRUPT_MESSAGE.format(name=path.name, reason=err)) from err
        return
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        yield from pdfplumber_pages(path, settings.rule_thickness)
    except (pdfium.PdfiumError, PdfminerException, PSException) as err:
        raise CorruptFile(CORRUPT_MESSAGE.format(name=path.name, reason=err)) from err


def text_page(
    content: PageContent, source_file: str, settings: PdfSettings, grid_ids: Iterator[int]
) -> Page:
    """One page laid out from its text layer, or marked ``ocr-needed`` when it has none."""
    glyphs = fold_marks(content.glyphs)
    if not readable_text_layer(glyphs) and not only_text(content, glyphs):
        width, height = round(content.width, 2), round(content.height, 2)
        return Page(content.number, (), width, height, method=OCR_NEEDED)
    return build_page(content._replace(glyphs=glyphs), source_file, settings, grid_ids)


def readable_text_layer(glyphs: list[Glyph]) -> bool:
    """Whether a page's text layer is real text, not nothing or an OCR layer gone wrong.

    A scan carries no text, or only a stamp of a page number, or the garbage a bad OCR layer
    leaves (symbols, private-use and replacement characters): such a page is read by OCR.
    """
    firsts = "".join(first_characters(glyphs).split())
    counts = Counter(firsts)  # each distinct character judged once, not each glyph
    letters = sum(number for char, number in counts.items() if char.isalnum())
    if letters < MIN_TEXT_LAYER_LETTERS:
        return False
    odd = sum(
        number
        for char, number in counts.items()
        if not " " < char < "\x7f" and not _plain_character(char)  # printable ASCII is plain
    )
    return odd <= len(firsts) * MAX_ODD_SHARE


def only_text(content: PageContent, glyphs: list[Glyph]) -> bool:
    """Whether a page's few letters are all it holds: no image or shading, at most a few rules
    or a box besides its text objects (a signature block run over onto a page of its own,
    "Nơi nhận" and a name; the signer's name alone on the last page, "Đinh Anh Thắng", which
    OCR reads "Đỉnh"). OCR would only read the same letters worse off a rendering of them. A
    scan carries its image, text drawn as outlines carries hundreds of paths, and a page without
    a letter may have lost its content stream (``damaged_pages`` looks): those still go to OCR.
    So does a text layer of odd characters (a font without a Unicode map), which a rendering
    may read better (pdfplumber sees no shading: a page of one is read as text there)."""
    if content.pictures != 0 or content.paths is None or content.paths > MAX_PATHS_BESIDE_TEXT:
        return False
    firsts = "".join(first_characters(glyphs).split())
    plain = all(" " < char < "\x7f" or _plain_character(char) for char in set(firsts))
    return plain and any(char.isalpha() for char in firsts)


def _plain_character(char: str) -> bool:
    """A letter, digit or punctuation mark a decision prints (any script but private use)."""
    return char.isprintable() and unicodedata.category(char) not in ("Co", "Cn", "So")

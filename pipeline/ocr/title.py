"""A scanned document's title block read again as one block.

The title under the document type ("NGHỊ ĐỊNH" / "Quy định cơ chế quản lý tài chính / dự án
đầu tư …") is printed in bold: the page pass gives a bold word a box taller than its line's
("Quy" with its tail) and the layout then sets it on a line of its own, or glues two words
("dựán"). Read again as one block of text (Tesseract's single-block mode on the same page
image), its lines come back whole. Only a block the layout broke is read again (two of its
lines on one row), and the reading replaces it only when Tesseract is sure of it and it keeps
as many letters: a block read well stays as the page pass read it (a second reading of
"(DTI)" gave "(DTTI)").
"""

from __future__ import annotations

from pipeline.blocks import opens_block
from pipeline.geometry.text import nfc
from pipeline.models import Line, Provenance
from pipeline.ocr.engine import Rect, Tesseract
from pipeline.ocr.lexicon import restore_tones

DOC_TYPES = ("QUYẾT ĐỊNH", "NGHỊ ĐỊNH", "NGHỊ QUYẾT", "THÔNG TƯ", "CHỈ THỊ", "LUẬT",
             "KẾ HOẠCH", "BÁO CÁO", "THÔNG BÁO")  # fmt: skip
MAX_TITLE_LINES = 6
PADDING_PX = 6
OVERLAP_SHARE = 0.5  # of the lower line's height: two lines on one row


def _letters(text: str) -> int:
    return sum(char.isalpha() for char in text)


def title_block(lines: tuple[Line, ...]) -> tuple[int, int] | None:
    """Where the title block lies in ``lines``: the prose lines after the document type, up
    to the first that opens a new block (a gap on the page) or a table's row."""
    for index, line in enumerate(lines):
        if line.cells or line.text.strip().rstrip(":").strip() not in DOC_TYPES:
            continue
        end = index + 1
        while end < len(lines) and end - index <= MAX_TITLE_LINES:
            line_here = lines[end]
            new_block = end > index + 1 and opens_block(lines[end - 1], line_here)
            if line_here.cells or line_here.at.bbox is None or new_block:
                break
            end += 1
        return (index + 1, end) if end > index + 1 else None
    return None


def _broken(block: tuple[Line, ...]) -> bool:
    """Two lines of the block side by side on one text row: the layout broke a line of the
    title in two (a bold word's taller box; a rule's remnant under a word). A title's lines
    never overlap: a block read whole by the page pass is left as it is."""
    boxes = sorted((line.at.bbox for line in block if line.at.bbox), key=lambda b: b[1])
    for upper, lower in zip(boxes, boxes[1:], strict=False):
        overlap = min(upper[3], lower[3]) - lower[1]
        if overlap > OVERLAP_SHARE * min(upper[3] - upper[1], lower[3] - lower[1]):
            return True
    return False


def reread_title(
    lines: tuple[Line, ...], engine: Tesseract, to_px: float, sure: float
) -> tuple[Line, ...]:
    """``lines`` with the title block replaced by its lines read again as a block, where that
    reading is sure (``sure``, or as sure as the page pass) and as full as the page pass's.

    The page pass is as sure of a bold word set on a line of its own as of any other (96 %
    on decree-j's "Quy"): its confidence does not tell the broken layout, so a sure reading
    of the whole block is preferred."""
    found = title_block(lines)
    if found is None:
        return lines
    start, end = found
    block = lines[start:end]
    if not _broken(block):
        return lines
    boxes = [line.at.bbox for line in block if line.at.bbox is not None]
    box = (min(b[0] for b in boxes), min(b[1] for b in boxes),
           max(b[2] for b in boxes), max(b[3] for b in boxes))  # fmt: skip
    x0, top, x1, bottom = (round(value * to_px) for value in box)
    rect = Rect(max(0, x0 - PADDING_PX), max(0, top - PADDING_PX), x1 + PADDING_PX,
                bottom + PADDING_PX)  # fmt: skip
    texts, confidence = engine.read_lines(rect)
    texts = [restore_tones(nfc(text)) for text in texts]
    read = [w.at.confidence for line in block for w in line.words if w.at.confidence is not None]
    page_pass = " ".join(line.text for line in block)
    as_sure = confidence >= min([sure, *([sum(read) / len(read)] if read else [])])
    if not texts or not as_sure or _letters(" ".join(texts)) < _letters(page_pass) * 0.9:
        return lines
    first, step = block[0].at, (box[3] - box[1]) / len(texts)
    reread = tuple(
        Line(
            text,
            Provenance(
                first.source_file,
                first.page,
                method=first.method,
                bbox=(box[0], box[1] + i * step, box[2], box[1] + (i + 1) * step),
                confidence=confidence,
            ),
        )  # fmt: skip
        for i, text in enumerate(texts)
    )
    return (*lines[:start], *reread, *lines[end:])

"""Print standing beside a scanned table's rows, outside its grid: a column the reader lost.

On a photo the outer rule of a table's last column may bend away or fade, and the lattice then
ends at the rule before it: the column ("Hạng" and its ranks, drawn seed 7304) is read as short
prose lines just outside the grid, each at the height of its row, and the table goes out
without it and without a word. Each row of an OCR table beside which such print stands (a
letter or a digit, at most ``REACH`` of the grid's width from its edge, its middle inside the
row's band) gets a ``column_not_read`` warning naming what stands there; its values are kept.
"""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.models import BBox, Document, Flag, Table
from pipeline.ocr.pieces import is_ocr_print
from pipeline.reconcile.common import SEVERITY, who

REACH = 0.15  # of the grid's width, from its left or right edge


def print_beside(doc_id: str, document: Document, tables: Iterable[Table]) -> list[Flag]:
    """``column_not_read`` for each scanned row with print beside it outside its grid."""
    prose = [line for line in document.lines() if is_ocr_print(line)]
    flags: list[Flag] = []
    for table in tables:
        for index, entry in enumerate(table.entries, start=1):
            row = entry.at.bbox
            if entry.at.method != "ocr" or row is None:
                continue
            beside = [line for line in prose
                      if line.at.page == entry.at.page and _beside(line.at.bbox, row)]  # fmt: skip
            if not beside:
                continue
            seen = " ".join(line.text for line in beside)[:40]
            flags.append(Flag(
                "column_not_read", SEVERITY["column_not_read"], doc_id,
                f"{who(entry)}: ngoài khung bảng, cạnh dòng này có chữ in (“{seen}”): có "
                "thể là một cột của bảng chưa đọc được (đường kẻ ngoài cùng bị mất), cần đối "
                "chiếu bản gốc.",
                table_index=table.index, row_number=entry.number, expected="inside the grid",
                actual=seen, at=beside[0].at, entry_index=index,
            ))  # fmt: skip
    return flags


def _beside(box: BBox | None, row: BBox) -> bool:
    if box is None:
        return False
    x0, top, x1, bottom = box
    left, row_top, right, row_bottom = row
    if not row_top <= (top + bottom) / 2 <= row_bottom:
        return False
    reach = REACH * (right - left)
    return right <= x0 <= right + reach or left - reach <= x1 <= left

"""Print standing beside a scanned table's rows, outside its grid (a last column whose outer
rule the photo lost: its header and ranks read as prose just right of the grid), is told on each
row as ``column_not_read``; a grid with nothing beside it, and a text layer, are told nothing.
The table stage is the real one, on lines laid out as the OCR reader lays them out."""

from __future__ import annotations

from pipeline.models import Cell, Document, Line, Page, Provenance
from pipeline.ocr.beside import print_beside
from pipeline.tables import scan_tables

HEADER = ("TT", "Tên đơn vị", "Cơ chế chính sách (10)", "Hạ tầng CNTT (20)", "Tổng điểm (30)")
ROWS = (
    ("1", "Sở Tài chính", "8.5", "17.0", "25.5"),
    ("2", "Sở Y tế", "7.0", "16.5", "23.5"),
    ("3", "Sở Nội vụ", "6.5", "15.0", "21.5"),
    ("4", "Sở Xây dựng", "6.0", "12.5", "18.5"),
)
EDGES = (72.0, 100.0, 220.0, 280.0, 340.0, 400.0)


def at(box: tuple[float, float, float, float], method: str) -> Provenance:
    return Provenance("t.jpg", 1, bbox=box, method=method, confidence=96.0)


def grid_row(texts: tuple[str, ...], top: float, method: str) -> Line:
    cells = tuple(
        Cell(text, at((x0, top, x1, top + 20), method))
        for text, x0, x1 in zip(texts, EDGES, EDGES[1:], strict=False)
    )
    return Line(" | ".join(texts), at((EDGES[0], top, EDGES[-1], top + 20), method), cells, 1)


def document(beside: bool, method: str = "ocr") -> Document:
    lines = [grid_row(HEADER, 100.0, method)]
    lines += [grid_row(row, 120.0 + 20 * i, method) for i, row in enumerate(ROWS)]
    if beside:  # the lost rank column: its header and ranks just right of the grid
        lines.append(Line("Hạng", at((405.0, 104.0, 430.0, 114.0), method)))
        lines += [Line(str(i + 1), at((412.0, 122.0 + 20 * i, 418.0, 131.0 + 20 * i), method))
                  for i in range(len(ROWS))]  # fmt: skip
    return Document("d", "t.jpg", "0" * 64, "image", (Page(1, tuple(lines), 595.0, 842.0, method),))


def test_print_beside_each_row_is_told_on_that_row() -> None:
    doc = document(beside=True)
    flags = print_beside("d", doc, scan_tables(doc).tables)
    assert [(f.check, f.entry_index, f.actual) for f in flags] == [
        ("column_not_read", i + 1, str(i + 1)) for i in range(len(ROWS))
    ]
    assert all(f.severity == "warning" and f.table_index == 1 for f in flags)


def test_a_grid_with_nothing_beside_it_or_a_text_layer_is_told_nothing() -> None:
    clean = document(beside=False)
    assert print_beside("d", clean, scan_tables(clean).tables) == []
    layer = document(beside=True, method="pdf")
    assert print_beside("d", layer, scan_tables(layer).tables) == []

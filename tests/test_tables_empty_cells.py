"""Empty cells of one-cell-per-line text (issue 15).

An HTML-to-text tool writes an empty table cell ("<td>&nbsp;</td>") as a line holding one
space, where the gap between blocks is an empty line. Dropped, the row with the empty cell has
one value fewer than the others and falls out of the run of records. Each case fails if that
row is lost or read with its values shifted, or if a column no row fills becomes a column.
"""

from __future__ import annotations

from decimal import Decimal

from conftest import tables_of, text_document


def _printed(value) -> str | None:  # noqa: ANN001 - a Value or None
    return value.printed if value is not None else None


def _cells(*rows: tuple[str, ...]) -> str:
    return "".join(f"{cell}\n" for row in rows for cell in row)


_HEADER = ("Huyện, thị xã", "Dân số", "(nghìn người)", "Diện tích", "(km2)", "Thứ bậc")
_DISTRICTS = (
    ("Huyện Sơn Hà", "71,2", "750,3", "3"),
    ("Thị xã Đức Phổ", "148,9", "372,6", "1"),
    ("Huyện Trà Bồng", "52,7", "760,1", "4"),
    ("Huyện Mộ Đức", "118,3", "212,2", "2"),
)


def test_a_row_with_an_empty_cell_on_a_line_of_one_space_is_kept() -> None:
    text = "Số liệu các huyện\n" + _cells(
        _HEADER, ("Toàn vùng", "391,1", "2.095", " "), *_DISTRICTS
    )
    (table,) = tables_of(text)
    names = [entry.agency_raw for entry in table.entries]
    assert names == [
        "Toàn vùng",
        "Huyện Sơn Hà",
        "Thị xã Đức Phổ",
        "Huyện Trà Bồng",
        "Huyện Mộ Đức",
    ]
    whole = table.entries[0]  # its empty rank cell keeps the values in their columns
    assert (_printed(whole.total), [_printed(v) for v in whole.components]) == ("391,1", ["2.095"])
    assert whole.rank is None
    assert [_printed(e.rank) for e in table.entries[1:]] == ["3", "1", "4", "2"]


def test_the_first_row_stays_under_a_long_header_when_the_last_row_is_cut() -> None:
    header = (
        *_HEADER,
        "(theo dân số)",
    )  # a header closed by a parenthesis, the first name under it
    rows = (("Toàn vùng", "391,1", "2.095", " "), *_DISTRICTS[:3], ("Huyện Ba Tơ", "54,4"))
    (table,) = tables_of("Số liệu các huyện\n" + _cells(header, *rows))
    names = [entry.agency_raw for entry in table.entries]
    assert names == ["Toàn vùng", "Huyện Sơn Hà", "Thị xã Đức Phổ", "Huyện Trà Bồng", "Huyện Ba Tơ"]
    assert [c.label for c in table.columns][-1] == "Thứ bậc (theo dân số)"


def test_a_column_no_row_fills_is_not_a_column() -> None:
    header = ("Thứ tự xếp hạng", "Tên đơn vị", "Điểm năm 2023")
    scores = [
        ("Sở Tư pháp", "91,5"),
        ("Sở Y tế", "88,0"),
        ("Sở Nội vụ", "85,25"),
        ("Sở Xây dựng", "80"),
    ]
    rows = [(str(k), name, score, " ") for k, (name, score) in enumerate(scores, start=1)]
    (table,) = tables_of(_cells(header, *rows))
    assert len(table.columns) == 3
    assert [_printed(e.total) for e in table.entries] == ["91,5", "88,0", "85,25", "80"]


def test_a_line_of_one_space_between_paragraphs_is_no_line() -> None:
    document = text_document("Điều 1. Công bố kết quả.\n \nĐiều 2. Giao Sở Nội vụ.\n")
    texts = [line.text for page in document.pages for line in page.lines]
    assert texts == ["Điều 1. Công bố kết quả.", "Điều 2. Giao Sở Nội vụ."]


def test_na_in_a_cell_per_line_record_is_a_blank_cell_not_a_name() -> None:
    """A page of states' ranks on numbered factors, one cell per line: "NA" where a factor
    does not apply. Read as words it ended the run of records there and the state's row (and
    every other row with an NA) was lost."""
    rows = [
        ("Alabama", ["4", "34", "26", "4", "13", "33"]),
        ("Alaska", ["20", "2", "50", "12", "45", "49"]),
        ("Arizona", ["26", "8", "36", "10", "4", "23"]),
        ("California", ["42", "40", "12", "NA", "9", "20"]),
        ("Colorado", ["28", "10", "38", "NA", "43", "41"]),
        ("Connecticut", ["25", "46", "4", "43", "38", "19"]),
        ("Delaware", ["14", "30", "6", "21", "41", "44"]),
    ]
    text = (
        "State rankings for the factors considered.\n\nA ranking of 1 is worst.\n\nFACTORS\n\n"
        + "".join(f"{n}\n\n" for n in range(1, 7))
        + "".join(f"{name}\n\n" + "".join(f"{v}\n\n" for v in values) for name, values in rows)
    )
    (table,) = tables_of(text)
    assert [e.agency_raw for e in table.entries] == [name for name, _ in rows]
    california = table.entries[3]
    numbers = [c.number if c else None for c in california.components]
    assert numbers == [Decimal(42), Decimal(40), Decimal(12), None, Decimal(9), Decimal(20)]

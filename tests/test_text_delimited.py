"""Rows separated by commas or semicolons (a CSV file pasted into a page), and a header whose
years date groups of columns: one table per year (issue 15, real page `pastebin`)."""

from __future__ import annotations

from conftest import tables_of


def _printed(value) -> str | None:  # noqa: ANN001 - a Value or None
    return value.printed if value is not None else None


def test_semicolons_with_decimal_commas() -> None:
    text = (
        "STT;Tên đơn vị;Tổng điểm;Xếp hạng\n"
        "1;Sở Tư pháp;85,40;2\n2;Sở Y tế;90,10;1\n3;Sở Nội vụ;70,5;3\n"
    )
    (table,) = tables_of(text)
    assert [e.agency_raw for e in table.entries] == ["Sở Tư pháp", "Sở Y tế", "Sở Nội vụ"]
    assert [_printed(e.total) for e in table.entries] == ["85,40", "90,10", "70,5"]
    assert [_printed(e.rank) for e in table.entries] == ["2", "1", "3"]


def test_rows_of_words_and_decimal_comma_figures_are_no_comma_separated_rows() -> None:
    text = "1 Sở Tư pháp 85,40 90,10 2\n2 Sở Y tế 90,10 80,25 1\n3 Sở Nội vụ 70,5 60,75 3\n"
    (table,) = tables_of(text)
    assert [e.agency_raw for e in table.entries] == ["Sở Tư pháp", "Sở Y tế", "Sở Nội vụ"]
    first = table.entries[0]  # the rank ranks the first figures: they are the total
    assert _printed(first.total) == "85,40"
    assert [_printed(v) for v in first.components] == ["90,10"]

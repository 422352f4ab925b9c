"""Rows separated by commas or semicolons (a CSV file pasted into a page), and a header whose
years date groups of columns: one table per year (issue 15, real page `pastebin`)."""

from __future__ import annotations

from conftest import tables_of, text_document

from pipeline.metadata import read_metadata
from pipeline.reconcile import reconcile


def _printed(value) -> str | None:  # noqa: ANN001 - a Value or None
    return value.printed if value is not None else None


PASTED = (
    "Số liệu các huyện\n"
    "- ,2021,2021,2022,2022\n"
    "- ,Diện tích (km2),Dân số (người),Diện tích (km2),Dân số (người)\n"
    "- Huyện Bảo Thắng,682.2,116233,682.2,118021\n"
    "- Huyện Bảo Yên,820.9,86040,820.9,87366\n"
    "- Huyện Bát Xát,1050.2,82356,1050.2,83720\n"
    "- Huyện Si Ma Cai,234.7,39221,23"
)


def test_comma_separated_rows_under_years_are_one_table_a_year() -> None:
    tables = tables_of(PASTED)
    assert [t.section for t in tables] == ["Số liệu các huyện – 2021", "Số liệu các huyện – 2022"]
    first, second = tables
    assert [e.agency_raw for e in first.entries][-1] == "Huyện Si Ma Cai"
    assert [[_printed(v) for v in e.components] for e in first.entries][0] == ["682.2", "116233"]
    assert [[_printed(v) for v in e.components] for e in second.entries][1] == ["820.9", "87366"]


def test_the_field_the_text_ends_inside_is_left_blank_and_raises_no_error() -> None:
    """The text ends at "23": the 2022 area was cut there, never printed whole."""
    tables = tables_of(PASTED)
    cut = tables[0].entries[-1]
    assert cut.cut and [_printed(v) for v in cut.components] == ["234.7", "39221"]
    assert tables[1].entries[-1].components == (None, None)
    flags = reconcile("d", read_metadata(text_document(PASTED)), tables)
    assert not [f for f in flags if f.severity == "error"]


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

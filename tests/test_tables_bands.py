"""Bands: band rows over the rows under them, or a classification column."""

from __future__ import annotations

from conftest import tables_of

BAND_ROWS = (
    "STT\tTên đơn vị\tTổng điểm\n"
    "<b>MỨC TỐT</b>\t\t\n"
    "1\tSở A\t90\n"
    "Loại Khá\t\t\n"
    "2\tSở B\t75\n"
    "3\tSở C\t70\n"
)


def test_band_rows_give_their_band_to_rows_below() -> None:
    (table,) = tables_of(BAND_ROWS)
    assert [(e.agency_raw, e.band) for e in table.entries] == [
        ("Sở A", "Tốt"),
        ("Sở B", "Khá"),
        ("Sở C", "Khá"),
    ]
    assert table.entries[0].band_printed == "MỨC TỐT"


def test_band_column_beside_a_total() -> None:
    text = "STT\tĐơn vị\tTổng điểm\tXếp loại\n1\tSở A\t90\tXuất sắc\n2\tSở B\t60\tTrung bình\n"
    (table,) = tables_of(text)
    assert [c.role for c in table.columns] == ["row_number", "agency", "total", "band"]
    assert [e.band for e in table.entries] == ["Xuất sắc", "Trung bình"]


def test_summary_rows_are_not_entries() -> None:
    text = "STT\tĐơn vị\tTổng điểm\n1\tSở A\t90\n2\tSở B\t70\n\tTrung bình\t80\n"
    (table,) = tables_of(text)
    assert [e.agency_raw for e in table.entries] == ["Sở A", "Sở B"]


def test_band_rows_with_numbering_and_thresholds() -> None:
    text = (
        "STT\tTên đơn vị\tTổng điểm\n"
        "I. Nhóm xếp loại Tốt (từ 80 điểm trở lên)\t\t\n1\tSở A\t90\n"
        "II. Nhóm xếp loại Khá (từ 65 đến dưới 80 điểm)\t\t\n2\tSở B\t70\n"
    )
    (table,) = tables_of(text)
    assert [e.band for e in table.entries] == ["Tốt", "Khá"]

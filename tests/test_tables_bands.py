"""Bands: band rows over the rows under them, or a classification column."""

from __future__ import annotations

from conftest import tables_of, text_document

from pipeline.metadata import read_metadata
from pipeline.reconcile import reconcile

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


def _band_flags(text: str) -> list[str]:
    tables = tables_of(text)
    metadata = read_metadata(text_document(text))
    return [f.message for f in reconcile("doc", metadata, tables) if f.check == "band_mismatch"]


SECTIONS = (
    "STT\tTên đơn vị\tTổng điểm\tXếp loại\n"
    "A\tKhối cơ quan cấp tỉnh\t\t\n"
    "1\tSở A\t85,40\tTốt\n2\tSở B\t72,22\tKhá\n3\tSở C\t53,79\tTrung bình\n4\tSở D\t39,29\tYếu\n"
    "II\tKhối huyện, thị xã, thành phố\t\t\n"
    "1\tHuyện E\t90,78\tXuất sắc\n2\tHuyện G\t61,56\tTrung bình\n3\tHuyện H\t{score}\tYếu\n"
    "4\tHuyện K\t35,76\tYếu\n"
)


def test_a_band_out_of_order_with_another_section_of_the_table_is_flagged() -> None:
    assert len(tables_of(SECTIONS.format(score="54,78"))) == 2
    (message,) = _band_flags(SECTIONS.format(score="54,78"))
    assert "Huyện H" in message and "Sở C" in message


def test_sections_in_band_order_raise_no_band_flag() -> None:
    assert _band_flags(SECTIONS.format(score="50,78")) == []

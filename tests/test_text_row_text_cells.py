"""Rows on their own lines that end in a cell of words, a page printing cells with nothing
between them, a heading between rows, a reference row without a rank and a ranked row without
a score (issue 15: a wiki list of regions by index, "1 Red River Delta 0.809Flag of … Albania").

The words after a row's figures are a cell of that row, not the next unit's name; a figure
run into a capitalised word is two cells; a row printing its name and values but no rank
leaves the rank column blank; a rank printed without a score keeps its place in the ranking.
"""

from __future__ import annotations

from decimal import Decimal

from conftest import tables_of

from pipeline.tables.roles.ranks import rank_agreement

_REGIONS = (
    "Các vùng theo chỉ số năm 2023\n\n"
    "Hạng Vùng Chỉ số Nước so sánh\n"
    "Nhóm rất cao\n"
    "1 Vùng Đông Nam 0.812Cờ Ba Lan.svg Ba Lan\n"
    "Nhóm cao\n"
    "2 Vùng Đồng bằng 0.781Cờ Chile.svg Chile\n"
    "3 Vùng Duyên hải 0.770Cờ Peru.svg Peru\n"
    "Cờ Việt Nam.svg  Cả nước 0.760Cờ Cuba.svg Cuba\n"
    "4 Vùng Trung du 0.731Cờ Iran.svg Iran\n"
    "5 Vùng Tây Bắc\n"
    "6 Vùng Cao nguyên 0.702Cờ Ai Cập.svg Ai Cập\n\n"
    "Các tỉnh\n"
)


def _printed(value) -> str | None:  # noqa: ANN001 - a Value or None
    return value.printed if value is not None else None


def test_rows_ending_in_words_keep_every_figure_in_its_role() -> None:
    (table,) = tables_of(_REGIONS)
    ranked = {e.agency_raw: (_printed(e.rank), _printed(e.total)) for e in table.entries}
    assert ranked["Vùng Đông Nam"] == ("1", "0.812")
    assert ranked["Vùng Đồng bằng"] == ("2", "0.781")
    assert ranked["Vùng Duyên hải"] == ("3", "0.770")
    assert ranked["Cờ Việt Nam.svg Cả nước"] == (None, "0.760")  # the reference row: no rank
    assert ranked["Vùng Trung du"] == ("4", "0.731")
    assert ranked["Vùng Tây Bắc"] == ("5", None)  # ranked, its score not printed
    assert ranked["Vùng Cao nguyên"] == ("6", "0.702")
    assert not any(name.startswith(("Cờ Ba Lan", "Cờ Chile", "Cờ Iran")) for name in ranked)
    assert all(e.row_number is None for e in table.entries)


def test_a_rank_printed_without_its_score_keeps_its_place() -> None:
    ranks = [Decimal(n) for n in (1, 2, 3, 4, 5, 6)]
    scores = [Decimal(s) for s in ("0.9", "0.8", "0.7", "0.6")] + [None, Decimal("0.5")]
    assert rank_agreement(ranks, scores) == 1.0
    held = [Decimal(n) for n in (1, 2, 3, 5, 4, 6)]  # the unscored unit fourth: still a ranking
    assert rank_agreement(held, scores) == 1.0
    swapped = [Decimal(n) for n in (2, 1, 3, 4, 5, 6)]  # the first two the wrong way round
    assert rank_agreement(swapped, scores) < 1.0


def test_the_next_tables_dated_caption_is_no_row_of_the_table_above() -> None:
    """Two single-spaced tables, the second under a caption ending in a year: the caption is
    printed without a row number and its only figure is a year, so it is no unit of the first
    table (it had been read as a last row named "Danh sách các tỉnh theo" holding "2019 GRDP")."""
    regions = ["Đông Nam Bộ", "Đồng bằng sông Hồng", "Đồng bằng sông Cửu Long", "Tây Nguyên"]
    rows = [
        f"{n} {name} {20 - n},{n}00,300 {900 - 100 * n},{n}03\n"
        for n, name in enumerate(regions, 1)
    ]
    text = "Các vùng theo GRDP 2019\nHạng Vùng Dân số GRDP\n" + "".join(rows)
    text += "Danh sách các tỉnh theo 2019 GRDP\nHạng Tỉnh GRDP Tăng trưởng\n"
    provinces = ["Hà Nội", "Đồng Nai", "Bình Dương", "Hải Phòng"]
    text += "".join(
        f"{n} {name} {900 - 100 * n}.{n}40 {n + 6},{n}0%\n" for n, name in enumerate(provinces, 1)
    )
    first, second = tables_of(text)
    assert [e.agency_raw for e in first.entries] == regions
    assert [e.agency_raw for e in second.entries] == provinces

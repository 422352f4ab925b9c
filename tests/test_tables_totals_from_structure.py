"""The total where one table's numbers cannot show it: the rows of the other tables printed
under the same header, or the label that stands outside the parts' numbered series."""

from __future__ import annotations

from decimal import Decimal

from conftest import tables_of

from pipeline.reconcile.rules import total_rule

WEIGHTS = (Decimal("0.5"), Decimal("0.3"), Decimal("0.2"))


def _table(caption: str, rows: list[tuple[str, tuple[str, str, str]]]) -> str:
    lines = [caption, "", "STT\tĐơn vị\tGiá trị\tHạ tầng\tNhân lực\tỨng dụng"]
    for number, (name, parts) in enumerate(rows, start=1):
        total = sum((w * Decimal(p) for w, p in zip(WEIGHTS, parts, strict=True)), Decimal(0))
        lines.append(f"{number}\t{name}\t{total:.2f}\t" + "\t".join(parts))
    return "\n".join(lines) + "\n\n"


YEAR_ONE = [
    ("Sở Tài chính", ("60", "90", "70")),
    ("Sở Y tế", ("80", "40", "90")),
    ("Sở Nội vụ", ("50", "70", "100")),
    ("Sở Tư pháp", ("90", "60", "30")),
]
YEAR_TWO = [
    ("Sở Tài chính", ("70", "50", "80")),
    ("Sở Y tế", ("40", "90", "60")),
    ("Sở Nội vụ", ("100", "30", "50")),
    ("Sở Tư pháp", ("60", "80", "40")),
]


def test_the_years_under_one_header_show_the_weights_no_year_shows_alone() -> None:
    text = _table("Năm 2021", YEAR_ONE) + _table("Năm 2022", YEAR_TWO)
    tables = tables_of(text)
    assert len(tables) == 2
    for table, rows in zip(tables, (YEAR_ONE, YEAR_TWO), strict=True):
        # three weights over four rows fit any column; eight rows tell which is the total
        assert [c.label for c in table.columns if c.role == "total"] == ["Giá trị"]
        assert [[v.printed for v in e.components] for e in table.entries] == [
            list(parts) for _, parts in rows
        ]
        assert table.role_doubt is None


def test_one_year_alone_shows_its_weights_as_shares_of_the_scale() -> None:
    # three fitted weights over four rows could fit any column; as shares of the total's
    # scale in twentieths (171 weightings), four rows are more than chance would follow
    (table,) = tables_of(_table("Năm 2021", YEAR_ONE))
    assert [c.label for c in table.columns if c.role == "total"] == ["Giá trị"]
    assert total_rule(table).describe() == "weighted:0.5,0.3,0.2"
    assert table.role_doubt is None


def test_the_label_outside_the_parts_numbered_series_is_the_total() -> None:
    header = "STT\tĐơn vị\tKết xuất\t" + "\t".join(f"Trụ cột {k}" for k in range(1, 7))
    rows = [
        ("Sở Tài chính", ["81,5", "70,2", "90,1", "85,0", "77,7", "92,3"]),
        ("Sở Y tế", ["61,0", "88,4", "50,2", "72,9", "66,1", "58,8"]),
        ("Sở Nội vụ", ["73,3", "64,0", "81,7", "69,5", "90,0", "71,2"]),
    ]
    lines = [header]
    for number, (name, parts) in enumerate(rows, start=1):  # seven weights over three rows
        mean = sum(Decimal(p.replace(",", ".")) for p in parts) / 6 + Decimal("0.37")
        lines.append(f"{number}\t{name}\t{mean:.2f}\t" + "\t".join(parts))
    (table,) = tables_of("\n".join(lines) + "\n")
    assert [c.label for c in table.columns if c.role == "total"] == ["Kết xuất"]


def test_a_score_and_its_percentage_over_100_keep_the_header_s_total() -> None:
    """Over a maximum of 100 the score and its percentage print one figure: the header names
    which is the score, and a last row cut after it keeps it as the total."""
    lines = ["| Số TT | Tên xã | Giá trị chỉ số | Tổng điểm tối đa | Tỉ lệ % | XH |"]
    scores = ["95,1", "93,2", "80,4", "66,0", "59,3"]
    for number, score in enumerate(scores, start=1):
        percent = score + "0"
        lines.append(f"| {number} | Xã Ân {number} | {score} | 100 | {percent} | {number} |")
    lines.append("| 6 | Xã Đak Mang | 32,0")
    (table,) = tables_of("\n".join(lines) + "\n")
    roles = {c.label: c.role for c in table.columns}
    assert (roles["Giá trị chỉ số"], roles["Tỉ lệ %"]) == ("total", "percent")
    assert table.entries[-1].total is not None and table.entries[-1].total.printed == "32,0"


def test_a_count_left_of_the_names_beside_a_rank_right_of_them_is_the_stt() -> None:
    """The header's "Hạng" over the first column and the last: the count 1 … n left of the
    names is the STT, the figures right of them the rank (ties shared)."""
    lines = ["Hạng\tTên xã\tĐiểm\tHạng năm"]
    rows = [("Xã Lộc Nam", "94,25", "1"), ("Xã Lộc An", "86,42", "2"), ("Xã Lộc Hòa", "86,42", "2")]
    rows += [("Xã Lộc Sơn", "70,10", "4"), ("Xã Lộc Tân", "65,00", "5")]
    for number, (name, score, rank) in enumerate(rows, start=1):
        lines.append(f"{number}\t{name}\t{score}\t{rank}")
    (table,) = tables_of("\n".join(lines) + "\n")
    assert [c.role for c in table.columns] == ["row_number", "agency", "total", "rank"]

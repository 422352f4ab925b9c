"""Layouts met on real pages held out from tuning (issue 15, round 11): a list printing
"name, score" with two-letter units among the names ("US", "UK"), a table one cell per line
closing each row with a text cell, a league table whose rows print "n/a" twice, and ratios
ranked by how near they are to parity.

Each text below is written for its test; none is copied from a page.
"""

from __future__ import annotations

from decimal import Decimal

from conftest import printed, tables_of

from pipeline.models import Column, Entry, Metadata, Provenance, Table, Value
from pipeline.reconcile import reconcile
from pipeline.reconcile.rows import ranked_by_distance
from pipeline.tables.records.tokens import Group, Token, is_name

_COMMA_LIST = (
    "The index scores economies from 1 to 100; the first ten this year are:\n"
    "- Norway, 71.20\n"
    "- Japan, 68.05\n"
    "- US, 66.40\n"
    "- The Netherlands, 64.90\n"
    "- UK, 63.2\n"
    "- Chile, 61.75\n"
    "- Spain, 60.10\n"
    "- Kenya, 58.35\n"
    "(More stories.)\n"
)


def test_a_comma_between_name_and_score_is_no_part_of_the_name() -> None:
    (table,) = tables_of(_COMMA_LIST)
    names = [entry.agency_raw for entry in table.entries]
    assert names[:2] == ["Norway", "Japan"]
    assert not any(name.endswith(",") for name in names)


def test_units_of_two_capitals_stay_rows_of_the_list() -> None:
    (table,) = tables_of(_COMMA_LIST)
    scores = {entry.agency_raw: printed(entry.total) for entry in table.entries}
    assert len(scores) == 8
    assert scores["US"] == "66.40"
    assert scores["UK"] == "63.2"
    assert scores["Norway"] == "71.20"


def test_two_capitals_are_a_name_two_small_letters_are_not() -> None:
    def group(text: str) -> Group:
        return Group((Token(text, False, 0, True),), False)

    assert is_name(group("US,"))
    assert is_name(group("UK"))
    assert not is_name(group("Ab"))
    assert not is_name(group("U5"))


_CELL_PER_LINE = "".join(
    f"{cell}\n|\n"
    for cell in (
        "STT", "Tỉnh", "Diện tích (km²)", "Dân số (người)", "Trường", "Tỉnh lỵ",
        "1", "Lạng Sơn", "8.310,2", "781.655", "12", "Thành phố Lạng Sơn",
        "2", "Nam Định", "1.668,5", "1.876.579", "9", "Thành phố Nam Định",
        "3", "Ninh Bình", "1.387,0", "982.487", "15", "Thành phố Hoa Lư",
        "4", "Phú Yên", "5.023,4", "872.964", "7", "Thành phố Tuy Hòa",
        "5", "Sơn La", "14.109,8", "1.248.415", "11", "Thành phố Sơn La",
    )
)  # fmt: skip


def test_a_text_cell_closing_each_row_one_cell_per_line_keeps_the_rows() -> None:
    (table,) = tables_of(_CELL_PER_LINE)
    rows = [
        (printed(e.row_number), e.agency_raw, [printed(c) for c in e.components])
        for e in table.entries
    ]
    assert rows[0] == ("1", "Lạng Sơn", ["8.310,2", "781.655", "12"])
    assert rows[-1] == ("5", "Sơn La", ["14.109,8", "1.248.415", "11"])
    assert len(rows) == 5
    assert not any(name.startswith("Thành phố") for _, name, _ in rows)


_LEAGUE = (
    "1 Exbury 100 92.5 88.0 12.1 8 180 95.0\n\n"
    "2 Wanton 91.4 90.1 n/a 13.0 7 n/a n/a\n\n"
    "3 Lorne 88.2 85.3 84.2 14.2 9 171 96.1\n\n"
    "4 Haddo 80.9 n/a 80.0 15.5 6 160 n/a\n\n"
    "5 Corrie 77.0 79.9 78.8 16.0 5 150 94.3\n\n"
    "6 Mallaig 70.3 80.2 n/a 17.1 5 n/a n/a\n"
)


def test_a_row_printing_n_a_twice_is_a_row_not_a_header_again() -> None:
    (table,) = tables_of(_LEAGUE)
    names = [entry.agency_raw for entry in table.entries]
    assert names == ["Exbury", "Wanton", "Lorne", "Haddo", "Corrie", "Mallaig"]
    wanton = table.entries[1]
    assert printed(wanton.rank) == "2"


def _pairs(rows: list[tuple[int, str]]) -> list[tuple[Decimal, Decimal]]:
    return [(Decimal(rank), Decimal(score)) for rank, score in rows]


def test_ratios_ranked_by_their_distance_from_parity_are_ranked_so() -> None:
    near_one = [(3, "0.998"), (5, "1.006"), (6, "0.991"), (9, "0.985"), (12, "1.021")]
    assert ranked_by_distance(_pairs(near_one))


def test_two_top_rows_in_each_others_place_are_no_distance_ranking() -> None:
    swapped = [(2, "90"), (1, "85"), (3, "80"), (4, "75"), (5, "70")]
    assert not ranked_by_distance(_pairs(swapped))
    by_size = [(1, "1.2"), (2, "1.1"), (3, "0.9"), (4, "0.8")]
    assert not ranked_by_distance(_pairs(by_size))


def _ranked_ratios(rows: list[tuple[str, str]]) -> Table:
    at = Provenance("t.txt", 1)
    columns = (Column(1, "Tên", "agency"), Column(2, "Tỷ số", "total"), Column(3, "Hạng", "rank"))
    entries = tuple(
        Entry(None, f"Nước {i}", (), Value(t, Decimal(t), at), Value(r, Decimal(r), at), None, at)
        for i, (t, r) in enumerate(rows)
    )
    return Table(1, None, None, columns, entries, (1,))


def test_a_table_ranking_ratios_by_their_distance_from_one_raises_no_error() -> None:
    rows = [("0.998", "3"), ("1.006", "5"), ("0.991", "6"), ("0.985", "9"), ("1.021", "12")]
    flags = reconcile("doc", Metadata(), (_ranked_ratios(rows),))
    checks = {flag.check for flag in flags}
    assert "rank_mismatch" not in checks
    assert "total_out_of_range" not in checks


def test_two_top_rows_in_each_others_place_are_still_a_rank_mismatch() -> None:
    rows = [("90", "2"), ("85", "1"), ("80", "3"), ("75", "4"), ("70", "5")]
    flags = reconcile("doc", Metadata(), (_ranked_ratios(rows),))
    assert "rank_mismatch" in {flag.check for flag in flags}


_PENALTIES = "|Rank|Team|Penalty points|\n" + "".join(
    f"|{rank}|{name}|{points}|\n"
    for rank, name, points in (
        (1, "Amber Vale", "6,40"), (2, "Brook End", "6,95"), (3, "Cold Ash", "7,10"),
        (4, "Dunmore", "8,25"), (5, "Elm Row", "9,60"), (6, "Fir Hill", "9,60"),
        (7, "Gorse Down", "11,05"), (8, "Holt Green", "12,30"),
    )
)  # fmt: skip


def test_a_count_in_the_order_of_a_total_ranked_lowest_first_is_the_rank() -> None:
    (table,) = tables_of(_PENALTIES)
    assert [printed(e.rank) for e in table.entries] == [str(k) for k in range(1, 9)]
    assert all(e.row_number is None for e in table.entries)
    checks = {flag.check for flag in reconcile("doc", Metadata(), (table,))}
    assert "rank_mismatch" not in checks


def test_ranks_of_a_longer_list_highest_first_stay_read_highest_first() -> None:
    rows = [("96.67", "3"), ("96.67", "2"), ("95.83", "4"), ("92.50", "7"), ("92.50", "6")]
    rows += [("90.83", "9"), ("89.17", "12"), ("88.33", "14"), ("85.00", "19"), ("90.10", "5")]
    flags = reconcile("doc", Metadata(), (_ranked_ratios(rows),))
    assert len([f for f in flags if f.check == "rank_mismatch"]) <= 1  # the one out of order


_DASHED = (
    "The most peaceful countries\n\n"
    "1. Aland - 1.124\n2. Borva - 1.31\n3. Cetia - 1.312\n4. New Dorne - 1.313\n"
    "5. Esker - 1.316\n6. Fallow - 1.332\n\nThe report says more.\n"
)


def test_a_dash_between_a_name_and_its_score_is_no_part_of_the_name() -> None:
    (table,) = tables_of(_DASHED)
    assert [e.agency_raw for e in table.entries][:4] == ["Aland", "Borva", "Cetia", "New Dorne"]

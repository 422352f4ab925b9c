"""Layouts met on real pages held out from tuning (issue 15, round 15): a change since last
year printed with last year's place in one cell ("+2 (4)") beside a figure ranked lowest
first; a ranking's head and its foot ("163, 162 …") under two captions; a list printing last
year's place in parentheses after each name, one with words and a year in them; a list
numbered inside a sentence ("1.Tuyên Quang, 2.Bắc Kạn, … 61.Thái Bình").

Each text below is written for its test; none is copied from a page.
"""

from __future__ import annotations

from decimal import Decimal

from conftest import printed, tables_of

from pipeline.models import Column, Entry, Metadata, Provenance, Table, Value
from pipeline.reconcile import reconcile

_CHANGE_CELLS = (
    "Standings\n"
    "\n"
    "|Place|Team|Penalty|Move|\n"
    "|1|Alpha Beta|3,15|0 (1)|\n"
    "|2|Gamma Delta|3,40|+2 (4)|\n"
    "|3|Epsilon Zeta|3,92|-1 (2)|\n"
    "|4|Eta Theta|4,05|+3 (7)|\n"
    "|5|Iota Kappa|4,61|-|\n"
    "|6|Lambda Mu|5,02|-3 (3)|\n"
    "|7|Nu Xi|5,77|+1 (8)|\n"
    "|8|Omicron Pi|6,30|-3 (5)|\n"
    "|9|Rho Sigma|7,12|+2 (11)|\n"
)


def test_a_change_with_last_years_place_in_one_cell_is_two_figures() -> None:
    (table,) = tables_of(_CHANGE_CELLS)
    rows = {e.agency_raw: [printed(c) for c in e.components] for e in table.entries}
    assert rows["Gamma Delta"] == ["+2", "4"]
    assert rows["Epsilon Zeta"][1] == "2"
    assert rows["Iota Kappa"][1] is None


def test_the_figure_a_count_ranks_lowest_first_is_the_total_beside_other_figures() -> None:
    (table,) = tables_of(_CHANGE_CELLS)
    first, *_, last = table.entries
    assert (printed(first.total), printed(first.rank)) == ("3,15", "1")
    assert (printed(last.total), printed(last.rank)) == ("7,12", "9")


_HEAD_AND_FOOT = (
    "Our yearly list of the calmest and the loudest towns (decibels, lower is calmer).\n"
    "\n"
    "Calmest towns\n"
    "\n"
    "1. Ashford - 41.2\n"
    "2. Bexley - 42.75\n"
    "3. Cranley - 43.1\n"
    "4. Dunholm - 44.06\n"
    "\n"
    "Loudest towns\n"
    "\n"
    "212. Easterby - 78.9\n"
    "211. Farnwick - 77.35\n"
    "210. Glenmore - 76.2\n"
    "209. Hartsway - 75.48\n"
    "\n"
    "The full list is in the report.\n"
)


def test_a_list_whose_numbers_jump_after_a_caption_is_a_table_of_its_own() -> None:
    head, foot = tables_of(_HEAD_AND_FOOT)
    assert [e.agency_raw for e in head.entries] == ["Ashford", "Bexley", "Cranley", "Dunholm"]
    assert [e.agency_raw for e in foot.entries][0] == "Easterby"


def test_a_count_running_down_beside_a_figure_is_the_rank() -> None:
    _, foot = tables_of(_HEAD_AND_FOOT)
    assert [printed(e.rank) for e in foot.entries] == ["212", "211", "210", "209"]
    assert [printed(e.total) for e in foot.entries] == ["78.9", "77.35", "76.2", "75.48"]
    assert all(e.row_number is None for e in foot.entries)


def _ranked(rows: list[tuple[str, str]]) -> Table:
    at = Provenance("t.txt", 1)
    columns = (Column(1, "Hạng", "rank"), Column(2, "Tên", "agency"), Column(3, "Điểm", "total"))
    entries = tuple(
        Entry(None, f"Nơi {i}", (), Value(t, Decimal(t), at), Value(r, Decimal(r), at), None, at)
        for i, (r, t) in enumerate(rows)
    )
    return Table(1, None, None, columns, entries, (1,))


def test_the_foot_of_a_ranking_lowest_first_raises_no_rank_mismatch() -> None:
    foot = _ranked([("212", "78.9"), ("211", "77.35"), ("210", "76.2"), ("209", "75.48")])
    checks = {flag.check for flag in reconcile("doc", Metadata(), (foot,))}
    assert "rank_mismatch" not in checks


def test_a_short_table_with_one_pair_the_other_way_is_still_read_highest_first() -> None:
    rows = [("1", "80.5"), ("2", "84.0"), ("3", "79.25"), ("4", "70.1")]
    checks = {flag.check for flag in reconcile("doc", Metadata(), (_ranked(rows),))}
    assert "rank_mismatch" in checks


_PLACES_BEFORE = (
    "The city cycling survey: this year's order, last year's place in brackets.\n"
    "\n"
    "1. Utrecht (top again since 2019)\n"
    "\n"
    "2. Malmo (4)\n"
    "\n"
    "3. Ghent (2)\n"
    "\n"
    "4. Bremen (3)\n"
    "\n"
    "5. Odense (7)\n"
    "\n"
    "6. Leiden (5)\n"
    "\n"
    "7. Aarhus (9)\n"
    "\n"
    "8. Zwolle (6)\n"
    "\n"
    "9. Tartu (8)\n"
)


def test_a_year_inside_words_in_parentheses_is_no_figure_of_the_row() -> None:
    (table,) = tables_of(_PLACES_BEFORE)
    figures = [printed(e.total) for e in table.entries] + [printed(e.rank) for e in table.entries]
    assert "2019" not in figures


def test_the_last_record_printing_its_figure_in_parentheses_is_kept() -> None:
    (table,) = tables_of(_PLACES_BEFORE)
    assert table.entries[-1].agency_raw == "Tartu"


def test_places_in_parentheses_beside_a_count_are_read_with_a_doubt() -> None:
    (table,) = tables_of(_PLACES_BEFORE)
    assert table.role_doubt is not None


_SENTENCE_LIST = (
    "Tỉnh có tỷ lệ che phủ rừng cao nhất năm 2021 theo thứ tự là: 1.Tuyên Quang, 2.Bắc Kạn, "
    "3.Lạng Sơn , 4.Quảng Bình, 5.Kon Tum... thấp nhất 61.Thái Bình, 62.Hưng Yên, "
    "63.Bắc Ninh; các tỉnh còn lại ở mức trung bình\n"
)


def test_a_list_numbered_inside_a_sentence_is_read_with_its_places() -> None:
    (table,) = tables_of(_SENTENCE_LIST)
    places = [printed(e.rank) for e in table.entries]
    assert places == ["1", "2", "3", "4", "5", "61", "62", "63"]
    assert all(e.total is None for e in table.entries)
    assert table.entries[0].agency_raw.startswith("Tuyên Quang")

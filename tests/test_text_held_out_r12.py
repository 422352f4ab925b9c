"""Layouts met on real pages held out from tuning (issue 15, round 15): a change since last
year printed with last year's place in one cell ("+2 (4)") beside a figure ranked lowest
first; a ranking's head and its foot ("163, 162 …") under two captions; a list printing last
year's place in parentheses after each name, one with words and a year in them; a list
numbered inside a sentence ("1.Tuyên Quang, 2.Bắc Kạn, … 61.Thái Bình").

Each text below is written for its test; none is copied from a page.
"""

from __future__ import annotations

from conftest import printed, tables_of

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

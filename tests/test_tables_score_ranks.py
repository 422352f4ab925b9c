"""A score printed with its rank in parentheses after it ("84,2 (2)"), the reverse of a rank
with its score in parentheses ("01 (0,727)"): read as score and rank when the numbers in
parentheses are the places of the scores before them, never by a header word.

Each text below is written for its test; none is copied from a page.
"""

from __future__ import annotations

from conftest import printed, tables_of

from pipeline.models import Cell, Line, Provenance
from pipeline.tables.roles.score_ranks import scores_with_ranks

# three years side by side: the list numbered in the first year's order, the two earlier years
# each a score and its rank in parentheses; rounded scores tie ("70,0 (4)" twice, "64,3 (6)"
# and "64,3 (7)": places given from the scores before rounding)
_YEARS = (
    "Town Points (place)\n"
    "2020 2019 2015\n"
    "1. Arrowby 88,4 84,2 (2) 61,0 (3)\n"
    "2. Bramford 86,1 85,0 (1) 58,2 (5)\n"
    "3. Colwick 80,7 79,9 (3) 63,4 (1)\n"
    "4. Dunsley 75,2 70,0 (4) 62,9 (2)\n"
    "5. Elmstead 74,9 70,0 (4) 44,1 (8)\n"
    "6. Fenwick 71,3 64,3 (7) 59,7 (4)\n"
    "7. Garston 71,3 64,3 (6) 50,5 (6)\n"
    "8. Hatherby 66,0 60,8 (8) 49,8 (7)\n"
    "\n"
    "Points on a scale of 0 to 100.\n"
)


def test_scores_with_their_ranks_in_parentheses_are_one_table_a_year() -> None:
    tables = tables_of(_YEARS)
    read = [[(e.agency_raw, printed(e.total), printed(e.rank)) for e in t.entries] for t in tables]
    assert len(read) == 3
    assert read[0][:2] == [("Arrowby", "88,4", "1"), ("Bramford", "86,1", "2")]
    assert read[1][3:5] == [("Dunsley", "70,0", "4"), ("Elmstead", "70,0", "4")]
    assert read[1][5:7] == [("Fenwick", "64,3", "7"), ("Garston", "64,3", "6")]
    assert read[2][:3] == [
        ("Arrowby", "61,0", "3"),
        ("Bramford", "58,2", "5"),
        ("Colwick", "63,4", "1"),
    ]
    assert all(e.row_number is None for t in tables for e in t.entries)


_PIPES = "".join(
    f"| {name} | {score} |\n"
    for name, score in [
        ("Town", "Points 2019"),
        ("---", "---"),
        ("Arrowby", "84,2 (2)"),
        ("Bramford", "85,0 (1)"),
        ("Colwick", "79,9 (3)"),
        ("Dunsley", "70,0 (4)"),
        ("Elmstead", "70,0 (4)"),
        ("Fenwick", "64,3 (7)"),
        ("Garston", "64,3 (6)"),
    ]
)


def test_a_pipe_table_of_scores_with_ranks_in_one_cell_is_read() -> None:
    (table,) = tables_of(_PIPES)
    read = [(e.agency_raw, printed(e.total), printed(e.rank)) for e in table.entries]
    assert read[:2] == [("Arrowby", "84,2", "2"), ("Bramford", "85,0", "1")]
    assert read[-1] == ("Garston", "64,3", "6")


_AT = Provenance("inline.txt", 1)


def _line(*texts: str) -> Line:
    return Line(" | ".join(texts), _AT, tuple(Cell(text, _AT) for text in texts), 1)


_JOINED = [
    ["Arrowby", "84,2 (2)"],
    ["Bramford", "85,0 (1)"],
    ["Colwick", "79,9 (3)"],
    ["Dunsley", "70,0 (4)"],
    ["Elmstead", "70,0 (4)"],
]


def test_a_score_and_its_rank_in_one_cell_are_two_cells() -> None:
    rows = scores_with_ranks([_line("Town", "Points"), *(_line(*row) for row in _JOINED)])
    assert [c.text for c in rows[0].cells] == ["Town", "Points", ""]
    assert [c.text for c in rows[2].cells] == ["Bramford", "85,0", "1"]


def test_numbers_in_parentheses_that_place_no_score_stay_as_printed() -> None:
    # the second figures are codes: 85,0 is the highest score, but its code is 12
    codes = [[name, score.replace("(1)", "(12)")] for name, score in _JOINED]
    rows = [_line(*row) for row in codes]
    assert scores_with_ranks(rows) == rows
    apart = [_line(name, *score.split()) for name, score in codes]
    assert scores_with_ranks(apart) == apart
    placed = [_line(name, *score.split()) for name, score in _JOINED]
    assert [c.text for c in scores_with_ranks(placed)[1].cells] == ["Bramford", "85,0", "1"]

"""Markdown pipe tables a header and its rule open: rows without outer rules, a blank line after
every row, and units named by one or two capital letters (a help page's "A", "B", "C")."""

from __future__ import annotations

from pathlib import Path

from conftest import tables_of

from pipeline.ingest.html import read_html
from pipeline.ingest.text import read_text
from pipeline.models import Document
from pipeline.tables import find_tables

_SPACED = (
    "How the points add up:\n"
    "\n"
    "Team | Round 1 | Round 2 | Round 3 | Sum | Place |\n"
    "---|---|---|---|---|---|\n"
    "\n"
    "P | 90 | 80 | 70 | 240 | 1 |\n"
    "\n"
    "Q | 60 | 90 | 80 | 230 | 2 |\n"
    "\n"
    "R | 70 | 60 | 90 | 220 | 3 |\n"
    "\n"
    "S | 50 | - | 60 | 110 | 4 |\n"
    "\n"
    "The sum decides the place.\n"
)

_NUMBERED = (
    "Place | Points | Note |\n"
    "---|---|---|\n"
    "\n"
    "1 | 100 | first |\n"
    "\n"
    "2 | 50 | half of it |\n"
    "\n"
    "3 | 33 | a third |\n"
)


def _grids(text: str) -> list[list[list[str]]]:
    (page,) = read_text(text, "f.txt")
    grids: dict[int, list[list[str]]] = {}
    for line in page.lines:
        if line.grid is not None:
            grids.setdefault(line.grid, []).append([cell.text for cell in line.cells])
    return list(grids.values())


def test_rows_parted_by_blank_lines_under_a_header_and_rule_are_one_grid() -> None:
    (grid,) = _grids(_SPACED)
    assert [row[0] for row in grid] == ["Team", "P", "Q", "R", "S"]
    assert grid[4] == ["S", "50", "-", "60", "110", "4"]


def test_pipe_rows_opening_with_a_number_are_not_read_as_aligned_columns() -> None:
    (grid,) = _grids(_NUMBERED)
    assert grid == [
        ["Place", "Points", "Note"],
        ["1", "100", "first"],
        ["2", "50", "half of it"],
        ["3", "33", "a third"],
    ]


def test_a_blank_line_before_another_header_and_rule_parts_two_tables() -> None:
    text = "a | b |\n---|---|\n\nx | 1 |\n\nc | d |\n---|---|\n\ny | 2 |\n"
    assert _grids(text) == [[["a", "b"], ["x", "1"]], [["c", "d"], ["y", "2"]]]


def test_a_blank_line_still_ends_a_pipe_grid_when_rows_of_another_width_follow() -> None:
    text = "| STT | Tên | Điểm |\n| 1 | Sở Y tế | 80 |\n\n| a | b |\n"
    assert _grids(text) == [[["STT", "Tên", "Điểm"], ["1", "Sở Y tế", "80"]], [["a", "b"]]]


def test_a_blank_line_between_ruled_rows_of_one_width_does_not_end_the_grid() -> None:
    text = "| STT | Tên | Điểm |\n\n| 1 | Sở Y tế | 80 |\n\n| 2 | Sở Nội vụ | 70 |\n"
    (grid,) = _grids(text)
    assert [row[1] for row in grid] == ["Tên", "Sở Y tế", "Sở Nội vụ"]


def test_units_named_by_one_capital_letter_are_read() -> None:
    (table,) = tables_of(_SPACED)
    assert [e.agency_raw for e in table.entries] == ["P", "Q", "R", "S"]
    assert [str(e.total.number) for e in table.entries if e.total] == ["240", "230", "220", "110"]
    assert [str(e.rank.number) for e in table.entries if e.rank] == ["1", "2", "3", "4"]
    assert table.entries[3].components[1].number is None  # "-": no result


def test_letter_grades_after_the_scores_name_no_unit() -> None:
    """Grades repeat and stand after the scores they grade: no unit column (the next page
    may grade its units "A", "B" without naming them)."""
    text = "Score | Grade |\n---|---|\n\n90 | A |\n\n85 | A |\n\n70 | B |\n\n60 | C |\n"
    for table in tables_of(text):
        assert not any(e.agency_raw in {"A", "B", "C"} for e in table.entries)


def test_a_letter_column_beside_names_leaves_the_names_the_units() -> None:
    text = (
        "Group | Unit | Score | Rank |\n---|---|---|---|\n\n"
        "A | Sở Y tế | 90 | 1 |\n\nB | Sở Nội vụ | 80 | 2 |\n\nC | Sở Tư pháp | 70 | 3 |\n"
    )
    (table,) = tables_of(text)
    assert [e.agency_raw for e in table.entries] == ["Sở Y tế", "Sở Nội vụ", "Sở Tư pháp"]


def test_roman_numerals_before_the_scores_are_a_count_not_names() -> None:
    text = "No | Score | Rank |\n---|---|---|\n\nI | 90 | 1 |\n\nII | 80 | 2 |\n\nIII | 70 | 3 |\n"
    for table in tables_of(text):
        assert not any(e.agency_raw in {"I", "II", "III"} for e in table.entries)


def test_units_named_by_two_capital_letters_in_a_ruled_table_are_read() -> None:
    text = (
        "| Player | Game 1 | Game 2 | Total | Rank |\n|---|---|---|---|---|\n"
        "| AB | 10 | 9 | 19 | 2 |\n| CD | 12 | 8 | 20 | 1 |\n| EF | 5 | 6 | 11 | 3 |\n"
    )
    (table,) = tables_of(text)
    assert [(e.agency_raw, str(e.rank.number)) for e in table.entries if e.rank] == [
        ("AB", "2"),
        ("CD", "1"),
        ("EF", "3"),
    ]


def test_units_named_by_one_letter_in_an_html_table_are_read(tmp_path: Path) -> None:
    """The id column is read from the cells, whatever format printed them."""
    rows = "".join(
        f"<tr><td>{name}</td><td>{a}</td><td>{b}</td><td>{a + b}</td><td>{rank}</td></tr>"
        for name, a, b, rank in (("X", 40, 50, 2), ("Y", 60, 45, 1), ("Z", 20, 30, 3))
    )
    head = "<tr><th>Player</th><th>Comp 1</th><th>Comp 2</th><th>Total</th><th>Rank</th></tr>"
    path = tmp_path / "page.html"
    path.write_text(f"<html><body><table>{head}{rows}</table></body></html>", encoding="utf-8")
    pages = read_html(path, "page.html")
    (table,) = find_tables(Document("page", "page.html", "0" * 64, "html", pages))
    assert [(e.agency_raw, str(e.total.number)) for e in table.entries if e.total] == [
        ("X", "90"),
        ("Y", "105"),
        ("Z", "50"),
    ]


def test_a_legend_of_letter_grades_and_their_bands_names_no_unit() -> None:
    """ "A | 90 | 100", "B | 80 | 89": distinct letters left of the numbers, but each row's two
    figures bound a band adjoining the next row's: a grading scale, not a ranking of units."""
    text = (
        "| Grade | From | To |\n|---|---|---|\n"
        "| A | 90 | 100 |\n| B | 80 | 89 |\n| C | 70 | 79 |\n| D | 0 | 69 |\n"
    )
    assert not any(e.agency_raw in {"A", "B", "C", "D"} for t in tables_of(text) for e in t.entries)


_BEST_OF = (
    "Player | Race 1 | Race 2 | Race 3 | Best | Place |\n"
    "---|---|---|---|---|---|\n"
    "\n"
    "K | 90 | - | 70 | 90 | 1 |\n"
    "\n"
    "L | 40 | 90 | 60 | 90 | 1 |\n"
    "\n"
    "M | 90 | 50 | 80 | 90 | 1 |\n"
    "\n"
    "N | 30 | 60 | 85 | 85 | 4 |\n"
)


def test_places_most_rows_share_are_the_ranking_of_the_score_they_tie_on() -> None:
    """ "1, 1, 1, 4": too few different values to be read as ranks in order, but exactly the
    competition ranking of the column whose equal values share those places."""
    (table,) = tables_of(_BEST_OF)
    assert [str(e.rank.number) for e in table.entries if e.rank] == ["1", "1", "1", "4"]
    assert [str(e.total.number) for e in table.entries if e.total] == ["90", "90", "90", "85"]


def test_shared_places_matching_no_score_exactly_are_no_rank() -> None:
    """Three rows placed first where only two scores tie at the top: no ranking of them."""
    text = _BEST_OF.replace("M | 90 | 50 | 80 | 90 |", "M | 70 | 50 | 80 | 80 |")
    (table,) = tables_of(text)
    assert not any(e.rank for e in table.entries)


def test_the_same_lettered_units_ranked_again_under_the_same_header_are_another_table() -> None:
    """A second grid under the same header whose units ("K", "L", "M") are the first's again
    is another ranking of them, not the first one going on."""
    head = "Player | R1 | R2 | Total | Rank |\n---|---|---|---|---|\n\n"
    first = "K | 50 | 40 | 90 | 1 |\n\nL | 30 | 30 | 60 | 3 |\n\nM | 40 | 30 | 70 | 2 |\n"
    second = "L | 20 | 30 | 30 | 3 |\n\nK | 50 | 40 | 50 | 1 |\n\nM | 30 | 40 | 40 | 2 |\n"
    tables = tables_of(f"{head}{first}\n*N* = 1\n\n{head}{second}")
    assert [[e.agency_raw for e in t.entries] for t in tables] == [["K", "L", "M"], ["L", "K", "M"]]

"""Layouts met on real pages held out from tuning (issue 15, round 16): a unit's code in
parentheses after its name, one cell per line; places printed "10ex" for a tie; a share of a
per-row maximum whose score is a small whole number that repeats; a ranking whose places are
run into the names ("24The University of Tokyo").

Each text below is written for its test; none is copied from a page.
"""

from __future__ import annotations

from conftest import printed, tables_of

from pipeline.tables.records.name_codes import codes_in_names
from pipeline.tables.records.tokens import Token, tokens_of

# one cell per line, each followed by a line holding "|": place, name (code), count a, count
# b, b as a share of the row's n, and n; the places rank the share, ties printed "Nex"
_SHARES = [
    ("1", "OSTRAVIA (07)", "4", "5", "20"),
    ("2", "BELMONT (41)", "2", "5", "25"),
    ("3", "CORVALE (12)", "6", "6", "36"),
    ("4ex", "DANSKER (88)", "1", "4", "25"),
    ("4ex", "ELMSTAD (03)", "3", "4", "25"),
    ("6", "FERNHOLM (65)", "2", "5", "40"),
    ("7", "GALWICK (974)", "3", "3", "25"),
    ("8", "HARLOW (29)", "1", "2", "20"),
    ("9", "ISENDORF (50)", "2", "3", "36"),
    ("10", "JORVIK (16)", "1", "2", "25"),
]


def _cells(rows: list[tuple[str, str, str, str, str]]) -> str:
    lines = []
    for place, name, a, b, n in rows:
        share = f"{100 * int(b) / int(n):.1f} %"
        lines += [place, name, a, b, share, n]
    return "".join(f"{cell}\n|\n" for cell in lines)


def test_a_code_in_parentheses_after_each_name_is_part_of_the_name() -> None:
    (table,) = tables_of(_cells(_SHARES))
    names = [e.agency_raw for e in table.entries]
    assert names[0] == "OSTRAVIA (07)" and names[6] == "GALWICK (974)"
    assert len(table.entries) == 10
    assert all(len(e.components) == 1 for e in table.entries)  # the count a, no code


def test_a_place_printed_with_a_mark_after_it_is_the_number() -> None:
    (table,) = tables_of(_cells(_SHARES))
    assert [printed(e.rank) for e in table.entries][2:6] == ["3", "4", "4", "6"]


def test_a_share_of_small_repeating_whole_numbers_is_the_index() -> None:
    (table,) = tables_of(_cells(_SHARES))
    roles = {c.role for c in table.columns}
    assert {"total", "row_max", "percent", "rank"} <= roles
    first = table.entries[0]
    assert (printed(first.total), printed(first.row_max), printed(first.percent)) == (
        "5",
        "20",
        "25.0",
    )


def test_a_share_of_small_repeating_whole_numbers_alone() -> None:
    # the same rows with plain places and names: only the share's score is in question
    rows = [(p.removesuffix("ex"), n.split(" (")[0], a, b, m) for p, n, a, b, m in _SHARES]
    (table,) = tables_of(_cells(rows))
    assert printed(table.entries[3].percent) == "16.0"
    assert printed(table.entries[3].total) == "4"


def _token(text: str, value: bool, line: int, starts: bool, bracketed: bool = False) -> Token:
    return Token(text, value, line, starts, bracketed)


def test_places_in_parentheses_near_the_rows_count_stay_values() -> None:
    # "2. Alpha (3)", last year's place: within 1 … twice the count, so not a code
    tokens = []
    for line, (place, name, before) in enumerate(
        [("1", "Alpha", "2"), ("2", "Beta", "1"), ("3", "Gamma", "5"), ("4", "Delta", "3")]
    ):
        tokens += [_token(place, True, line, True), _token(name, False, line, False)]
        tokens.append(_token(before, True, line, False, bracketed=True))
    tokens.append(_token("5", True, 9, True))
    assert codes_in_names(tokens) == tokens


_GLUED = (
    "World\nRank\nInstitution\nScore\n"
    "1Arden College\n100.0\n"
    "2Brill University\n81.5\n"
    "3The Coventry School\n77.2\n"
    "3Dunmore Institute\n77.2\n"
    "5Easton University\n70.9\n"
    "6Fairfield College\n66.4\n"
)


def test_places_run_into_the_names_are_the_rank() -> None:
    (table,) = tables_of(_GLUED)
    assert [e.agency_raw for e in table.entries][2] == "The Coventry School"
    assert [printed(e.rank) for e in table.entries] == ["1", "2", "3", "3", "5", "6"]
    assert printed(table.entries[1].total) == "81.5"


def test_one_figure_run_into_a_word_stays_a_word() -> None:
    # "3Dimensional" once, no count down the lines: a word, not a place and a name
    tokens = tokens_of(list(_lines("Intro to 3Dimensional art\nAlpha 12\nBeta 10\n")))
    assert [t.text for t in tokens][2] == "3Dimensional"


def _lines(text: str):  # noqa: ANN202 - Iterator[Line]
    from conftest import text_document

    for page in text_document(text).pages:
        yield from page.lines


def _pipe_piece(first: int, rows: list[tuple[str, str]]) -> str:
    head = "| Place | Town | Count |\n|---|---|---|\n"
    return head + "".join(f"| {first + k}. | {n} | {c} |\n" for k, (n, c) in enumerate(rows))


_TOWNS = [("Ashby", "812"), ("Brent", "240"), ("Caister", "96"), ("Dorney", "41")]
_MORE = [("Elstow", "30"), ("Fenby", "22"), ("Garston", "15"), ("Hinton", "9")]


def test_a_repeated_header_whose_numbering_goes_on_continues_the_table() -> None:
    (table,) = tables_of(_pipe_piece(1, _TOWNS) + _pipe_piece(5, _MORE))
    places = [printed(e.rank) or printed(e.row_number) for e in table.entries]
    assert places == [str(k) for k in range(1, 9)]


def test_a_repeated_header_whose_numbering_starts_again_is_another_table() -> None:
    later = [(n, str(int(c) // 4)) for n, c in _TOWNS]
    first, second = tables_of(_pipe_piece(1, [*_TOWNS, *_MORE]) + _pipe_piece(1, later))
    assert len(first.entries) == 8 and len(second.entries) == 4
    assert printed(second.entries[0].total) == "203"


# a count beside each unit's places in part rankings of a longer list, no overall score
_PLACES = (
    "Overall | Town | Housing | Schools | Safety |\n"
    "#1 | Norbury | 3. | 11. | 7. |\n"
    "#2 | Ashwell | 9. | 2. | 15. |\n"
    "#3 | Kelham | 1. | 20. | 4. |\n"
    "#4 | Dunmere | 14. | 5. | 1. |\n"
    "#5 | Brayton | 6. | 17. | 12. |\n"
    "#6 | Ellesby | 22. | 8. | 3. |\n"
    "#7 | Carnforth | 10. | 14. | 19. |\n"
)


def test_a_count_beside_places_of_part_rankings_is_the_rank() -> None:
    (table,) = tables_of(_PLACES)
    assert [printed(e.rank) for e in table.entries] == [str(k) for k in range(1, 8)]
    assert table.role_doubt  # nothing printed says rank or STT: read as the rank, flagged


def test_a_count_beside_places_of_names_in_alphabetical_order_stays_the_stt() -> None:
    lines = _PLACES.splitlines()
    ordered = sorted(lines[1:], key=lambda line: line.split("|")[1])
    renumbered = [f"#{k} |" + line.split("|", 1)[1] for k, line in enumerate(ordered, 1)]
    (table,) = tables_of("\n".join([lines[0], *renumbered]) + "\n")
    assert all(e.rank is None for e in table.entries)

"""Layouts met on real pages held out from tuning (issue 15, round 11): a list printing
"name, score" with two-letter units among the names ("US", "UK"), a table one cell per line
closing each row with a text cell, a league table whose rows print "n/a" twice, and ratios
ranked by how near they are to parity.

Each text below is written for its test; none is copied from a page.
"""

from __future__ import annotations

from conftest import tables_of

from pipeline.tables.tokens import Group, Token, is_name


def _printed(value) -> str | None:  # noqa: ANN001 - a Value or None
    return value.printed if value is not None else None


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
    scores = {entry.agency_raw: _printed(entry.total) for entry in table.entries}
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

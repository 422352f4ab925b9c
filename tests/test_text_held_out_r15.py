"""Layouts met on real pages held out from tuning (issue 15, round 18): an overall place and
score beside each part's own place and score ("1st 32.70 Arbor … 5 7.10 4 12.40 1 13.20"), a
figure in parentheses printed with a space after its decimal mark ("(60, 77)"), ranks alone
going on from a place past 1 (the first three named in prose before the list), bulleted
records with a labelled figure ("- Arbor — Rating: 91"), and rows ranked by a share printed
rounded (8.3 % for 1/12 and for 10/121).

Each text below is written for its test; none is copied from a page.
"""

from __future__ import annotations

from decimal import Decimal

from conftest import printed, tables_of

# Seven towns (invented): the overall place as an ordinal, the overall score (the sum of the
# three part scores), the town, its county, then each part's place among 25 towns and its
# score. The part places follow their own part's scores, not the overall score.
_PART_PLACES = (
    "Town rankings 2024\n"
    "\n"
    "1st 32.70 Arbor Northshire 5 7.10 4 12.40 1 13.20\n"
    "2nd 31.75 Bexley Northshire 3 8.05 1 13.90 6 9.80\n"
    "3rd 30.80 Corby Westmere 2 8.40 5 12.10 4 10.30\n"
    "4th 27.70 Dunmore Westmere 14 3.95 8 11.60 3 12.15\n"
    "5th 26.45 Eastham Southfold 7 6.30 2 13.10 12 7.05\n"
    "6th 24.85 Fairlie Southfold 9 5.20 10 11.05 9 8.60\n"
    "7th 22.65 Glenrock Eastvale 1 8.90 21 9.20 19 4.55\n"
)


def test_an_overall_place_beside_each_parts_own_place_is_the_rank() -> None:
    (table,) = tables_of(_PART_PLACES)
    assert [printed(e.rank) for e in table.entries] == ["1", "2", "3", "4", "5", "6", "7"]
    assert [printed(e.total) for e in table.entries][:2] == ["32.70", "31.75"]
    assert [printed(c) for c in table.entries[0].components] == ["7.10", "12.40", "13.20"]
    assert all(e.row_number is None for e in table.entries)
    assert table.role_doubt is not None  # the count may be the STT: said, not chosen silently


def test_an_overall_count_out_of_the_totals_order_is_not_read_as_the_rank() -> None:
    second = "2nd 31.75 Bexley Northshire 3 8.05 1 13.90 6 9.80"
    third = "3rd 30.80 Corby Westmere 2 8.40 5 12.10 4 10.30"
    swapped = _PART_PLACES.replace(second, "@").replace(third, second.replace("2nd", "3rd"))
    (table,) = tables_of(swapped.replace("@", third.replace("3rd", "2nd")))
    assert [printed(e.total) for e in table.entries][:3] == ["32.70", "30.80", "31.75"]
    assert [printed(e.rank) for e in table.entries] != ["1", "2", "3", "4", "5", "6", "7"]


_SPACED = (
    "4. Harwood (61,17)\n"
    "5. Ilkley (60,96)\n"
    "6. Jesmond (60,78)\n"
    "7. Kelso (60, 77)\n"
    "8. Ludlow (60,52)\n"
    "9. Malton (60,46)\n"
    "10. Nairn (59, 98)\n"
    "None of the ten lies on the coast.\n"
)


def test_a_figure_in_parentheses_with_a_space_after_its_decimal_mark_is_one_figure() -> None:
    (table,) = tables_of(_SPACED)
    kelso = next(e for e in table.entries if e.agency_raw.startswith("Kelso"))
    assert (kelso.agency_raw, printed(kelso.total)) == ("Kelso", "60,77")
    nairn = next(e for e in table.entries if e.agency_raw.startswith("Nairn"))
    assert (nairn.agency_raw, printed(nairn.total)) == ("Nairn", "59,98")


def test_a_pair_in_parentheses_unlike_the_pages_figures_stays_two_words() -> None:
    from pipeline.tables.records.words import bracketed_formats, spaced_decimals

    formats = bracketed_formats(["1. Arbor (12)", "2. Bexley (14)", "3. Corby (3, 5)"])
    assert spaced_decimals(["Corby", "(3,", "5)"], formats) == ["Corby", "(3,", "5)"]
    formats = bracketed_formats(["(61,17)", "(60,96)"])
    assert spaced_decimals(["Kelso", "(60,", "77)"], formats) == ["Kelso", "(60,77)"]
    assert spaced_decimals(["Kelso", "(60,", "7)"], formats) == ["Kelso", "(60,", "7)"]


def _rank_flags(text: str) -> list[str]:
    from test_reconcile import META

    from pipeline.reconcile import reconcile

    return [
        f.actual or "" for f in reconcile("d", META, tables_of(text)) if f.check == "rank_mismatch"
    ]


_GOING_ON = (
    "The first place went to Arbor (AR), the second to Bexley (BX), the third to Corby (CY).\n"
    "\n"
    "Other places\n"
    "\n"
    "  • 4 – Dunmore (DM);\n"
    "  • 5 – Eastham (EH);\n"
    "  • 6 – Fairlie (FL);\n"
    "  • 7 – Glenrock (GR);\n"
    "  • 8 – Harwood (HW);\n"
    "  • 9 – Ilkley (IK);\n"
)


def test_ranks_alone_going_on_from_a_place_past_one_raise_no_mismatch() -> None:
    (table,) = tables_of(_GOING_ON)
    assert [printed(e.rank) for e in table.entries] == ["4", "5", "6", "7", "8", "9"]
    assert _rank_flags(_GOING_ON) == []


def test_only_ranks_in_order_from_a_place_past_one_leave_places_to_rows_elsewhere() -> None:
    from pipeline.reconcile.rank_orders import places_before

    def before(ranks: list[int]) -> int:
        return places_before([Decimal(r) for r in ranks])

    assert before([4, 5, 6, 7, 8, 9]) == 3
    assert before([4, 5, 6, 7, 7, 9]) == 3  # a tie: the places are then checked after 3
    assert before([1, 2, 3, 4]) == 0
    assert before([4, 6, 5, 7]) == 0  # not in rank order: checked as a ranking of its own
    assert before([4, 5]) == 0


_BULLETED = (
    "The list\n"
    "- Arbor — Rating: 91\n"
    "- Bexley — Rating: 87\n"
    "- Corby–Dunmore — Rating: 84\n"
    "- Eastham — Rating: 80\n"
    "Ratings run from 0 to 100.\n"
)


def test_bulleted_records_with_a_labelled_figure_are_rows() -> None:
    (table,) = tables_of(_BULLETED)
    rows = [(e.agency_raw, printed(e.total)) for e in table.entries]
    assert rows == [("Arbor", "91"), ("Bexley", "87"), ("Corby–Dunmore", "84"), ("Eastham", "80")]


def test_bullets_without_a_labelled_figure_open_no_labelled_record() -> None:
    from pipeline.ingest.text.labelled import find_labelled

    lines = ["- Arbor — Rating: 91", "- Bexley", "- Corby", "- Dunmore — Rating: 80"]
    assert find_labelled(lines) == []


def _alone_flags(ranks: list[int]) -> list[tuple[str | None, str | None]]:
    from test_reconcile import AT, MAXIMA, META, make_table

    from pipeline.models import Entry, Table
    from pipeline.reconcile import reconcile

    table = make_table([[Decimal(1)] * 3] * len(ranks), MAXIMA, ranks)
    columns = tuple(c for c in table.columns if c.role not in ("component", "total"))
    entries = tuple(
        Entry(e.row_number, e.agency_raw, (), None, e.rank, None, AT) for e in table.entries
    )
    flags = reconcile("d", META, (Table(1, None, "province", columns, entries, (1,)),))
    return [(f.expected, f.actual) for f in flags if f.check == "rank_mismatch"]


def test_ranks_alone_after_rows_printed_elsewhere_are_checked_as_places_after_them() -> None:
    assert _alone_flags([4, 5, 6, 7, 8, 9]) == []
    assert _alone_flags([4, 5, 6, 7, 7, 9]) == []  # a tie, the next place skipped
    assert _alone_flags([4, 5, 6, 8, 8, 9]) == [("7", "8"), ("7", "8")]  # no 7th place


def _share_flags(rows: list[tuple[str, str, str, int]]) -> list[tuple[str | None, str | None]]:
    from test_reconcile import AT, META

    from pipeline.models import Column, Entry, Table, Value
    from pipeline.reconcile import reconcile

    def value(text: str) -> Value:
        return Value(text, Decimal(text), AT)

    roles = ("agency", "total", "row_max", "percent", "rank")
    columns = tuple(Column(i + 1, role, role) for i, role in enumerate(roles))
    entries = tuple(
        Entry(
            None,
            f"Town {k}",
            (),
            value(score),
            value(str(rank)),
            None,
            AT,
            None,
            row_max=value(top),
            percent=value(share),
        )
        for k, (score, top, share, rank) in enumerate(rows)
    )
    flags = reconcile("d", META, (Table(1, None, "province", columns, entries, (1,)),))
    return [(f.expected, f.actual) for f in flags if f.check == "rank_mismatch"]


# Entries per town won and played (invented), ranked by the share won: three towns print
# 8.3 %, but 1/12 and 5/60 are ahead of 10/121.
_SHARES = [
    ("9", "90", "10.0", 1),
    ("1", "12", "8.3", 2),
    ("5", "60", "8.3", 2),
    ("10", "121", "8.3", 4),
    ("7", "100", "7.0", 5),
]


def test_rows_ranked_by_a_rounded_share_are_checked_by_the_exact_share() -> None:
    assert _share_flags(_SHARES) == []


def test_a_share_that_is_no_score_over_its_maximum_is_checked_as_printed() -> None:
    printed = [*_SHARES[:3], ("10", "121", "8.5", 4), _SHARES[4]]  # 8.5 is not 10/121
    assert _share_flags(printed) == [("3", "2"), ("3", "2"), ("2", "4")]


_RUN_IN_SCORES = (
    "Towns under 50,000 people\n"
    "\n"
    "1 Arbor60.90\n"
    "2 Bexley59.85\n"
    "3 Corby58.43\n"
    "4 Dunmore56.84\n"
    "5 Eastham56.40\n"
    "6 Fairlie56.38\n"
    "The index runs from 0 to 100.\n"
)


def test_a_name_run_into_its_score_on_every_line_is_a_name_and_a_score() -> None:
    (table,) = tables_of(_RUN_IN_SCORES)
    rows = [(e.agency_raw, printed(e.total), printed(e.rank)) for e in table.entries][:6]
    assert rows[0] == ("Arbor", "60.90", "1")
    assert rows[5] == ("Fairlie", "56.38", "6")


def test_a_word_run_into_a_figure_on_one_or_two_lines_stays_a_word() -> None:
    from pipeline.tables.records.words import scores_run_in

    assert scores_run_in(["Built with Python3.11", "1 Arbor 60.90", "2 Bexley v2.0"]) == set()
    assert scores_run_in(["1 Arbor60.90", "2 Bexley59.85", "3 Corby58.43"]) == {0, 1, 2}


_INLINE_FIELDS = (
    "The ten calmest towns, counting down\n"
    "Rank 10 | Arbor | Score: 58.23 | County: Northshire\n"
    "Rank 9 | Bexley | Score: 58.58 | County: Westmere (Photo: archive)\n"
    "Rank 8 | Corby | Score: 59.24 | County: Westmere\n"
    "Rank 7 | Dunmore | Score: 59.72 | County: Southfold (Photo: archive)\n"
    "Rank 6 | Eastham | Score: 61.60 | County: Southfold\n"
    "Rank 5 | Fairlie | Score: 61.73 | County: Eastvale (Photo: archive)\n"
    "Rank 4 | Glenrock | Score: 62.61 | County: Eastvale\n"
)


def test_a_record_of_labelled_fields_between_pipes_is_a_row() -> None:
    (table,) = tables_of(_INLINE_FIELDS)
    rows = [(e.agency_raw, printed(e.total), printed(e.rank)) for e in table.entries]
    assert rows[0] == ("Arbor", "58.23", "10")
    assert rows[3] == ("Dunmore", "59.72", "7")


def test_pipe_rows_without_labelled_figures_are_no_labelled_records() -> None:
    from pipeline.ingest.text.labelled import find_labelled

    rows = ["Arbor | Northshire | 58.23 | 10", "Bexley | Westmere | 58.58 | 9"]
    assert find_labelled([*rows, "Corby | Westmere | 59.24 | 8"]) == []

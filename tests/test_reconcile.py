"""Checks: clean tables raise nothing, every planted error raises its flag (properties)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pipeline.models import Column, Entry, Metadata, Provenance, Table, Value
from pipeline.reconcile import competition_ranks, reconcile, total_rule

AT = Provenance("t.txt", 1)
META = Metadata(
    "Ủy ban nhân dân tỉnh X", "X", "1/QĐ-UBND", date(2020, 1, 2), 2020, "A B", None, "T"
)


def _value(number: Decimal) -> Value:
    return Value(str(number), number, AT)


def make_table(rows: list[list[Decimal]], maxima: list[Decimal], ranks: list[int] | None) -> Table:
    columns = [Column(1, "STT", "row_number"), Column(2, "Tên đơn vị", "agency")]
    columns += [Column(3 + i, f"C{i}", "component", max_points=m) for i, m in enumerate(maxima)]
    columns.append(Column(3 + len(maxima), "Tổng điểm", "total", max_points=sum(maxima)))
    if ranks is not None:
        columns.append(Column(4 + len(maxima), "Xếp hạng", "rank"))
    entries = tuple(
        Entry(
            row_number=_value(Decimal(i + 1)),
            agency_raw=f"Sở {i + 1}",
            components=tuple(_value(v) for v in row),
            total=_value(sum(row, Decimal(0))),
            rank=_value(Decimal(ranks[i])) if ranks is not None else None,
            band=None,
            at=AT,
        )
        for i, row in enumerate(rows)
    )
    return Table(1, None, "province_agency", tuple(columns), entries, (1,), sum(maxima))


MAXIMA = [Decimal(12), Decimal(40), Decimal("13.5")]
score = st.decimals(min_value=0, max_value=12, places=1, allow_nan=False)
rows_strategy = st.lists(st.lists(score, min_size=3, max_size=3), min_size=1, max_size=25)


@given(rows_strategy)
def test_clean_tables_raise_no_flag(rows: list[list[Decimal]]) -> None:
    totals = [sum(row, Decimal(0)) for row in rows]
    table = make_table(rows, MAXIMA, competition_ranks(totals))
    assert reconcile("d", META, (table,)) == ()


@given(rows_strategy, st.data())
def test_a_changed_total_raises_sum_mismatch(
    rows: list[list[Decimal]], data: st.DataObject
) -> None:
    totals = [sum(row, Decimal(0)) for row in rows]
    table = make_table(rows, MAXIMA, None)
    index = data.draw(st.integers(0, len(rows) - 1))
    delta = data.draw(
        st.sampled_from([Decimal("0.5"), Decimal("-0.5"), Decimal(1), Decimal("0.01")])
    )
    entry = table.entries[index]
    wrong = Entry(entry.row_number, entry.agency_raw, entry.components,
                  _value(totals[index] + delta), None, None, AT)  # fmt: skip
    entries = table.entries[:index] + (wrong,) + table.entries[index + 1 :]
    flagged = reconcile(
        "d", META, (Table(1, None, None, table.columns, entries, (1,), table.total_max),)
    )
    sums = [f for f in flagged if f.check == "sum_mismatch"]
    assert [(f.row_number, f.expected) for f in sums] == [(index + 1, str(totals[index]))]


@given(st.lists(st.integers(0, 20), min_size=1, max_size=30))
def test_competition_rank_is_one_plus_the_count_of_better_scores(points: list[int]) -> None:
    scores = [Decimal(p) for p in points]
    ranks = competition_ranks(scores)
    assert ranks == [1 + sum(other > s for other in scores) for s in scores]


def test_ties_share_a_rank_and_the_next_skips() -> None:
    scores = [Decimal(x) for x in ("85.4", "72", "72", "72", "71.2")]
    assert competition_ranks(scores) == [1, 2, 2, 2, 5]


def test_over_max_and_rank_mismatch_are_errors() -> None:
    rows = [[Decimal(13), Decimal(30), Decimal(10)], [Decimal(10), Decimal(30), Decimal(10)]]
    table = make_table(rows, MAXIMA, [2, 1])
    checks = sorted((f.check, f.severity, f.row_number) for f in reconcile("d", META, (table,)))
    assert checks == [
        ("over_max", "error", 1),
        ("rank_mismatch", "error", 1),
        ("rank_mismatch", "error", 2),
    ]


def test_rank_alone_must_be_a_competition_ranking() -> None:
    rows = [[Decimal(1)] * 3] * 4
    table = make_table(rows, MAXIMA, [1, 2, 2, 3])
    columns = tuple(c for c in table.columns if c.role not in ("component", "total"))
    entries = tuple(
        Entry(e.row_number, e.agency_raw, (), None, e.rank, None, AT) for e in table.entries
    )
    alone = Table(1, None, None, columns, entries, (1,))
    flags = reconcile("d", META, (alone,))
    assert [(f.check, f.row_number, f.expected, f.actual) for f in flags] == [
        ("rank_mismatch", 4, "4", "3")
    ]


def test_a_rank_beyond_the_rows_is_wrong_where_the_list_is_whole() -> None:
    # the last of ten rows printed 12th: a province's departments are all listed, so it is a
    # wrong rank; ten provinces ending in a 12th are a top list and its publisher's own place
    rows = [[Decimal(10 - i), Decimal(20), Decimal(5)] for i in range(10)]
    departments = make_table(rows, MAXIMA, [*range(1, 10), 12])
    flags = reconcile("d", META, (departments,))
    assert [(f.check, f.row_number, f.expected, f.actual) for f in flags] == [
        ("rank_mismatch", 10, "10", "12")
    ]
    provinces = replace(departments, level="province")
    assert reconcile("d", META, (provinces,)) == ()
    first_lost = make_table(rows, MAXIMA, list(range(2, 12)))  # ranks 2 … 11: a row not read
    assert reconcile("d", META, (first_lost,)) == ()
    tied = [rows[0], *rows[:9]]  # two first places: 1, 1, 3 … 10, the last printed 13th
    tied_ranks = make_table(tied, MAXIMA, [1, 1, *range(3, 10), 13])
    flags = reconcile("d", META, (tied_ranks,))
    assert [(f.check, f.row_number, f.expected) for f in flags] == [("rank_mismatch", 10, "10")]


def test_a_top_ten_holds_the_first_ten_places() -> None:
    # ten provinces, then the publisher's own 62nd place: the tenth printed 12th is wrong
    rows = [[Decimal(11 - i), Decimal(20), Decimal(5)] for i in range(11)]
    top_ten = replace(make_table(rows, MAXIMA, [*range(1, 11), 62]), level="province")
    assert reconcile("d", META, (top_ten,)) == ()
    wrong = replace(make_table(rows, MAXIMA, [*range(1, 10), 12, 62]), level="province")
    flags = reconcile("d", META, (wrong,))
    assert [(f.check, f.row_number, f.expected, f.actual) for f in flags] == [
        ("rank_mismatch", 10, "10", "12")
    ]


def test_missing_metadata_is_a_warning_per_field() -> None:
    flags = reconcile("d", Metadata(), ())
    fields = "issuer province decision_number decision_date evaluation_year signer title"
    assert {f.expected for f in flags} == set(fields.split())
    assert {f.severity for f in flags} == {"warning"}


def test_a_row_with_scores_but_no_name_is_flagged() -> None:
    table = make_table([[Decimal(1), Decimal(2), Decimal(3)]], MAXIMA, None)
    nameless = Entry(table.entries[0].row_number, "", table.entries[0].components,
                     table.entries[0].total, None, None, AT)  # fmt: skip
    flags = reconcile("d", META, (Table(1, None, None, table.columns, (nameless,), (1,)),))
    assert [(f.check, f.expected) for f in flags] == [("missing_value", "a unit name")]


def _shares(k: int) -> st.SearchStrategy[list[int]]:
    """Shares of the total in twentieths: k positive integers adding up to 20."""
    cuts = st.lists(st.integers(1, 19), min_size=k - 1, max_size=k - 1, unique=True)
    bounds = cuts.map(lambda c: [0, *sorted(c), 20])
    return bounds.map(lambda b: [high - low for low, high in zip(b, b[1:], strict=False)])


@st.composite
def weighted_tables(draw: st.DrawFn) -> Table:
    """8-20 rows whose totals are Σ shareᵢ·100/maxᵢ·componentᵢ rounded to 1 or 2 places."""
    k = draw(st.integers(2, 4))
    maxima = [Decimal(draw(st.sampled_from([10, 20, 25, 50, 100]))) for _ in range(k)]
    weights = [Decimal(s) / 20 * 100 / m for s, m in zip(draw(_shares(k)), maxima, strict=True)]
    mode = draw(st.sampled_from(["ROUND_HALF_UP", "ROUND_HALF_EVEN"]))
    step = draw(st.sampled_from([Decimal("0.1"), Decimal("0.01")]))  # totals' printed places
    # components that vary together, as a unit good at one thing tends to be at the others
    levels = st.lists(st.integers(300, 1000), min_size=8, max_size=20, unique=True)
    noise = st.lists(st.integers(-30, 30), min_size=k, max_size=k)
    rows = [(level, draw(noise)) for level in draw(levels)]
    parts = [
        [(m * (level + wobble) / 1000).quantize(Decimal("0.01")).min(m) for m, wobble in
         zip(maxima, wobbles, strict=True)]
        for level, wobbles in rows
    ]  # fmt: skip
    table = make_table(parts, maxima, None)
    totals = [
        sum((w * p for w, p in zip(weights, row, strict=True)), Decimal(0)).quantize(
            step, rounding=mode
        )
        for row in parts
    ]
    # where the plain sum explains half the rows or more, the table is read as summed and the
    # other rows as the publisher's mistakes (rules.total_rule); parts one fixed step apart
    # (15.00 and 15.00, 15.15 and 15.20) fit many weights over rows that all but repeat
    summed = sum(
        sum(row, Decimal(0)).quantize(step, rounding=mode) == t
        for row, t in zip(parts, totals, strict=True)
    )
    steps = [tuple(p - row[0] for p in row[1:]) for row in parts]  # too alike to fit weights:
    spread = min(max(column) - min(column) for column in zip(*steps, strict=True))
    assume(2 * summed < len(parts) and len(set(steps)) > k + 1 and spread >= 1)
    entries = tuple(replace(e, total=_value(t)) for e, t in zip(table.entries, totals, strict=True))
    total = replace(table.columns[-1], max_points=Decimal(100))
    return replace(table, columns=(*table.columns[:-1], total), entries=entries,
                   total_max=Decimal(100))  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(weighted_tables())
def test_weighted_totals_in_twentieths_are_found_and_raise_nothing(table: Table) -> None:
    """Whatever simple weights made the totals, a rule explaining every row is found."""
    assert total_rule(table).kind != "none"
    checks = {flag.check for flag in reconcile("d", META, (table,))}
    assert not checks & {"sum_mismatch", "total_rule_unknown"}


def _totals_only(totals: list[str]) -> Table:
    columns = (Column(1, "Tên", "agency"), Column(2, "Giá trị", "total"))
    entries = tuple(
        Entry(None, f"Tỉnh {i}", (), Value(t, Decimal(t), AT), None, None, AT)
        for i, t in enumerate(totals)
    )
    return Table(1, None, None, columns, entries, (1,))


def test_a_total_over_the_scale_the_others_keep_is_out_of_range() -> None:
    totals = ["85.4", "80.1", "77", "8540", "70.5", "66", "60", "58.2", "55", "51"]
    flags = reconcile("d", META, (_totals_only(totals),))
    assert [f.actual for f in flags if f.check == "total_out_of_range"] == ["8540"]


def test_figures_on_no_fixed_scale_raise_no_range_flag() -> None:
    totals = ["281.235", "176", "157.449", "155.6", "152.3", "141.7", "128.2", "118.994"]
    totals += ["95.1", "87.872", "87.4", "82.39", "80.079", "78.28", "77", "76.513"]
    totals += ["76.401", "75.9", "75", "72.329"]  # twelve of twenty under 100
    flags = reconcile("d", META, (_totals_only(totals),))
    assert not [f for f in flags if f.check == "total_out_of_range"]


# A drawn DTI table (generator seed 9420140): 8 components, 11 rows, totals to 3 places, the
# 9th row's total off by its 5th component. Weights of 45/868, 109/709 … also pass ten rows
# within the rounding, blaming the 3rd; the index's shares in twentieths pass the same ten.
EIGHT_PARTS = """
0.419 0.234 0.472 0.177 0.173 0.209 0.243 0.184 0.242
0.827 0.698 0.714 0.708 0.682 0.736 0.628 0.602 0.691
0.834 0.747 0.746 0.614 0.741 0.739 0.716 0.765 0.726
0.413 0.417 0.360 0.647 0.576 0.376 0.459 0.607 0.489
0.409 0.504 0.638 0.522 0.396 0.678 0.415 0.614 0.523
0.327 0.234 0.291 0.453 0.453 0.280 0.457 0.363 0.363
0.420 0.587 0.636 0.449 0.474 0.420 0.533 0.466 0.501
0.607 0.576 0.544 0.611 0.572 0.491 0.476 0.415 0.535
0.855 0.838 0.925 0.819 0.708 0.931 0.987 0.907 0.871
0.431 0.412 0.358 0.377 0.485 0.455 0.384 0.468 0.421
0.796 0.705 0.875 0.593 0.707 0.773 0.696 0.757 0.724
"""


def test_of_weightings_as_many_rows_follow_the_simplest_is_the_rule() -> None:
    lines = [[Decimal(x) for x in line.split()] for line in EIGHT_PARTS.split("\n") if line]
    table = make_table([line[:-1] for line in lines], [Decimal(1)] * 8, None)
    entries = tuple(
        replace(entry, total=_value(line[-1]))
        for entry, line in zip(table.entries, lines, strict=True)
    )
    table = replace(table, entries=entries, total_max=Decimal(1))
    assert total_rule(table).describe() == "weighted:0.05,0.15,0.1,0.15,0.15,0.15,0.15,0.1"
    flags = reconcile("d", META, (table,))
    assert [(f.check, f.row_number) for f in flags] == [("sum_mismatch", 9)]


# A drawn ICT table (generator seed 9430043): 7 components, their mean to 3 places, the first
# row's 3rd component moved. Weights 1/7 … 13/92 … 14/97 take that row in too; the mean leaves
# it out and is the rule.
SEVEN_PARTS = """
0.762 0.798 0.847 0.846 0.860 0.943 0.932 0.856
0.816 0.959 0.970 0.892 0.755 0.743 0.720 0.836
0.802 0.738 0.821 0.814 0.927 0.782 0.787 0.810
0.765 0.746 0.664 0.767 0.816 0.810 0.814 0.769
0.778 0.822 0.789 0.804 0.795 0.708 0.594 0.756
0.519 0.739 0.590 0.749 0.746 0.700 0.780 0.689
0.567 0.729 0.742 0.706 0.716 0.673 0.483 0.659
0.485 0.573 0.746 0.621 0.503 0.652 0.741 0.617
0.532 0.676 0.578 0.675 0.471 0.634 0.710 0.611
0.495 0.457 0.471 0.368 0.378 0.539 0.401 0.444
0.462 0.345 0.240 0.432 0.338 0.263 0.272 0.336
0.428 0.407 0.287 0.307 0.285 0.228 0.332 0.325
0.236 0.190 0.424 0.218 0.197 0.255 0.406 0.275
"""


def _printed_table(text: str, parts: int) -> Table:
    lines = [[Decimal(x) for x in line.split()] for line in text.split("\n") if line]
    table = make_table([line[:-1] for line in lines], [Decimal(1)] * parts, None)
    entries = tuple(
        replace(entry, total=_value(line[-1]))
        for entry, line in zip(table.entries, lines, strict=True)
    )
    return replace(table, entries=entries, total_max=Decimal(1))


def test_simple_weights_one_row_short_beat_contrived_ones_that_take_it_in() -> None:
    table = _printed_table(SEVEN_PARTS, 7)
    assert total_rule(table).kind == "mean"
    flags = reconcile("d", META, (table,))
    assert [(f.check, f.row_number) for f in flags] == [("sum_mismatch", 1)]


def _weighted(rows: list[list[Decimal]], index: int) -> Table:
    """Totals 0,4·A + 0,3·B + 0,3·C, components out of 100."""
    table = make_table(rows, [Decimal(100)] * 3, None)
    totals = [(Decimal("0.4") * a + Decimal("0.3") * b + Decimal("0.3") * c) for a, b, c in rows]
    entries = tuple(replace(e, total=_value(t)) for e, t in zip(table.entries, totals, strict=True))
    return replace(table, index=index, entries=entries, total_max=Decimal(100))


def test_a_group_too_short_for_its_weights_is_scored_by_its_siblings() -> None:
    # the second group's three rows, one misprinted, cannot show three weights; the first
    # group's ten can
    first = _weighted([[Decimal(90 - 3 * i), Decimal(80 - 2 * i), Decimal(70 - i % 4 - 2 * i)]
                       for i in range(10)], 1)  # fmt: skip
    short = _weighted([[Decimal(60), Decimal(50), Decimal(40)], [Decimal(55), Decimal(45),
                       Decimal(44)], [Decimal(50), Decimal(47), Decimal(30)]], 2)  # fmt: skip
    assert total_rule(first).describe() == "weighted:0.4,0.3,0.3"
    entries = list(short.entries)
    entries[2] = replace(entries[2], total=_value(Decimal("44.1")))  # 43.1 + 1
    short = replace(short, entries=tuple(entries))
    assert total_rule(short).kind == "none"
    flags = reconcile("d", META, (first, short))
    assert [(f.check, f.table_index, f.row_number) for f in flags] == [("sum_mismatch", 2, 3)]


def test_a_short_group_shows_simple_weights_that_chance_would_not_give() -> None:
    # four rows, one misprinted, of three components: the three that follow 0,4 · 0,3 · 0,3
    # exactly are more than the 969 share weightings tried would match by chance
    short = _weighted([[Decimal(60), Decimal(50), Decimal(40)], [Decimal(55), Decimal(45),
                       Decimal(44)], [Decimal(50), Decimal(47), Decimal(30)],
                       [Decimal(40), Decimal(41), Decimal(20)]], 2)  # fmt: skip
    entries = list(short.entries)
    entries[2] = replace(entries[2], total=_value(Decimal("44.1")))  # 43.1 + 1
    short = replace(short, entries=tuple(entries))
    assert total_rule(short).describe() == "weighted:0.4,0.3,0.3"
    flags = reconcile("d", META, (short,))
    assert [(f.check, f.table_index, f.row_number) for f in flags] == [("sum_mismatch", 2, 3)]


def test_eight_weights_are_found_over_eleven_rows_with_one_misprinted() -> None:
    # a fit of eight weights needs ten rows; shares in twentieths need the few rows that
    # chance, over 50,388 share vectors, would not explain
    weights = [Decimal(w) for w in ("0.15", "0.2", "0.1", "0.1", "0.1", "0.05", "0.1", "0.2")]
    rows = [[Decimal(40 + (7 * i + 11 * k) % 60) for k in range(8)] for i in range(11)]
    table = make_table(rows, [Decimal(100)] * 8, None)
    totals = [sum((w * p for w, p in zip(weights, row, strict=True)), Decimal(0)) for row in rows]
    totals[4] += Decimal("1.5")
    entries = tuple(
        replace(e, total=_value(t.quantize(Decimal("0.01"))))
        for e, t in zip(table.entries, totals, strict=True)
    )
    table = replace(table, entries=entries, total_max=Decimal(100))
    assert total_rule(table).describe() == "weighted:0.15,0.2,0.1,0.1,0.1,0.05,0.1,0.2"
    flags = reconcile("d", META, (table,))
    assert [(f.check, f.row_number) for f in flags] == [("sum_mismatch", 5)]


def test_a_score_below_zero_is_over_max_but_a_column_of_changes_is_not() -> None:
    one = [[Decimal(10), Decimal(30), Decimal(10)], [Decimal(-2), Decimal(30), Decimal(10)]]
    one += [[Decimal(9), Decimal(20), Decimal(5)]]
    flagged = reconcile("d", META, (make_table(one, MAXIMA, None),))
    assert [(f.check, f.row_number) for f in flagged] == [("over_max", 2)]
    # figures of both signs, two below zero: a change or a balance, not scores
    signed = [[Decimal(10), Decimal(30), Decimal(-3)], [Decimal(9), Decimal(30), Decimal(-2)]]
    signed += [[Decimal(8), Decimal(20), Decimal(4)]]
    flagged = reconcile("d", META, (make_table(signed, MAXIMA, None),))
    assert [f for f in flagged if f.check == "over_max"] == []


def _rank_flags(ranks: list[int], rows: list[list[Decimal]]) -> list[int | None]:
    table = make_table(rows, MAXIMA, ranks)
    return [f.row_number for f in reconcile("d", META, (table,)) if f.check == "rank_mismatch"]


def test_a_tie_broken_in_its_printed_order_is_no_rank_error() -> None:
    """Equal printed totals ranked one after another (59.04 ranked 21 and 22): the publisher
    ranked by the figures before rounding. Out of order, or beside a tie printed as one shared
    rank (that publisher shares ties), the ranks are checked against the shared rank."""
    d = Decimal
    rows = [[d(12), d(40), d(9)], [d(10), d(30), d(9)], [d(9), d(31), d(9)], [d(5), d(9), d(1)]]
    assert _rank_flags([1, 2, 3, 4], rows) == []
    assert _rank_flags([1, 3, 2, 4], rows) == [2]
    shared = [*rows, [d(2), d(3), d(1)], [d(1), d(4), d(1)]]  # 6 and 6 again: ranked 5, 5
    assert _rank_flags([1, 2, 3, 4, 5, 5], shared) == [3]
    assert _rank_flags([1, 2, 2, 4, 5, 5], shared) == []


def test_rows_printed_in_another_columns_order_break_a_tie_in_any_order() -> None:
    """A page sorted by another year's column: the rows are in no order of this total, so a
    tie ranked 3 and 2 (in row order) is the tie broken; a tie ranked 2 and 4 still is not."""
    d = Decimal
    rows = [[d(12), d(40), d(9)], [d(5), d(9), d(1)], [d(10), d(30), d(9)], [d(9), d(31), d(9)]]
    assert _rank_flags([1, 4, 3, 2], rows) == []
    assert _rank_flags([1, 4, 2, 4], rows) == [4]


def test_a_list_in_another_order_with_ranks_beyond_it_is_no_top_ten() -> None:
    # thirteen rows sorted by another column, ranked among a longer list (12 and 13 are
    # further down): checked by their order only, no "should be 12" on the row ranked 14
    ranks = [3, 1, 7, 2, 4, 9, 8, 10, 6, 11, 5, 14, 16]
    totals = [100 - 2 * rank for rank in ranks]
    rows = [[Decimal(t), Decimal(0), Decimal(0)] for t in totals]
    table = replace(make_table(rows, [Decimal(50)] * 3, ranks), level="province")
    assert [f for f in reconcile("d", META, (table,)) if f.check == "rank_mismatch"] == []


def test_totals_one_unit_off_on_many_rows_are_told_in_one_warning_not_dropped() -> None:
    """Rows that miss their total by one unit of its last place, on two rows or more, may be a
    page's rounding (parts printed rounded) or two typed totals: named together, never silent."""
    rows = [[Decimal(f"{i}.5"), Decimal("20.1"), Decimal("3.2")] for i in range(1, 11)]
    table = make_table(rows, MAXIMA, None)
    entries = list(table.entries)
    for index, shift in ((2, Decimal("0.1")), (6, Decimal("-0.1")), (8, Decimal("2.0"))):
        total = entries[index].total
        assert total is not None and total.number is not None
        entries[index] = replace(entries[index], total=_value(total.number + shift))
    flags = reconcile("d", META, (replace(table, entries=tuple(entries)),))
    told = [f for f in flags if f.check == "rounded_total"]
    assert len(told) == 1 and told[0].severity == "warning" and told[0].actual == "2 rows"
    assert "Sở 3 (STT 3)" in told[0].message and "Sở 7 (STT 7)" in told[0].message
    assert [f.row_number for f in flags if f.check == "sum_mismatch"] == [9]

"""Each number column's role, inferred from what it holds and checked against the others.

Header words are evidence, not the decision: a grid whose header is garbled, unknown or absent
still has roles, because the numbers say them:

- integers counting 1, 2, …, n down the rows (starting again at 1 under a group heading) are the
  row number;
- integers that are the competition ranking ("1224") of a score column are its rank;
- a column at least every other score of its row, with a column equal to score ÷ it, is a
  per-row maximum, and that column the percentage the rows are ranked by;
- a column that a rule of the others gives (their sum, mean, a scaling, stated or fitted
  weights: ``reconcile.rules``) is the total, and the others are its components.

A role the header names is kept unless the numbers clearly say otherwise. When two columns are
the total equally well, the table carries a doubt naming both (flag ``ambiguous_roles``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from fractions import Fraction

from pipeline.models import Column, Line
from pipeline.parse import parse_number
from pipeline.reconcile.rules import agrees_ratio, places
from pipeline.tables.fits import rule_fits
from pipeline.tables.order import (
    ORDER_PROOF,
    band_words,
    banded_by,
    bands_checked,
    central,
    ordered_by,
    steps,
)
from pipeline.tables.ranks import (
    Segments,
    Values,
    counts_on,
    counts_rows,
    headings_before,
    integers,
    mostly_distinct,
    numbers_in,
    rank_agreement,
    rank_like,
    ranks_alone,
    segments,
    ties_in_order,
    varies,
)
from pipeline.tables.shares import settle_maximum
from pipeline.tables.units import mixed_scales

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
SCORE_ROLES = frozenset({"row_number", "rank", "total", "component", "number", "row_max"})


@dataclass(frozen=True, slots=True)
class Roles:
    """Columns with their roles settled, and a doubt when two readings fit equally well."""

    columns: tuple[Column, ...]
    doubt: str | None = None
    # (score, rank) column indices when the grid prints several rankings side by side (one per
    # year, "01 (0,727)" under each): each pair is a table of its own
    series: tuple[tuple[int, int | None], ...] = ()


NO_TOTAL = "không cột nào là tổng của các cột khác"  # the doubts of the total, in a table's
TOTAL_IN_DOUBT = "tổng điểm có thể là"  # role_doubt (parts joined by "; ")


def infer_roles(columns: tuple[Column, ...], body: Sequence[Line]) -> Roles:
    """Settle the role of every number column of a grid from its data rows."""
    rows = [row for row in body if numbers_in(row) >= 1]
    values = {c.index: _column_values(rows, c.index) for c in columns if c.role in SCORE_ROLES}
    strays = [i for i, figures in values.items() if _stray(_label(columns, i), figures)]
    columns = tuple(replace(c, role="other") if c.index in strays else c for c in columns)
    values = {i: figures for i, figures in values.items() if i not in strays}
    if not values or not rows:
        return Roles(columns)
    for column in columns:  # a figure the header names otherwise ("Tỷ lệ đạt"): the index?
        figures = _column_values(rows, column.index) if column.role == "other" else []
        if 2 * sum(v is not None for v in figures) > len(rows):
            values[column.index] = figures
    texts = {c.index for c in columns if c.role == "other"} - set(values)
    mixed = mixed_scales(values, rows, texts)
    roles = {index: _hint(columns, index) for index in values}
    name = next((c.index for c in columns if c.role == "agency"), len(columns) + 1)
    _settle_row_number(roles, values, name)
    parts = segments(values, roles, headings_before(body))
    undecided = settle_maximum(roles, values)
    _settle_ranks(roles, values, parts)
    _count_beside_rank(roles, values, name)
    series = _series(roles, values, columns, parts)
    bands = band_words(columns, body)
    doubt = None if series else _settle_total(roles, values, columns, parts, bands)
    # a count in the total's order is the rank or the STT whichever column is the total
    ranked = _number_or_rank(roles, values, columns, parts)
    doubt = "; ".join(filter(None, [doubt, ranked])) or _count_alone(roles, columns)
    if undecided and not doubt:
        percent, top = (_name(columns, i) for i in undecided)
        doubt = f"{percent} là tỷ lệ và {top} là điểm tối đa của dòng, hoặc ngược lại"
    doubt = "; ".join(filter(None, [doubt, *(_mixed(columns, i, mixed[i]) for i in mixed)]))
    settled = tuple(
        replace(c, role=roles[c.index], scales=mixed.get(c.index, ())) if c.index in roles else c
        for c in columns
    )
    return Roles(bands_checked(settled, rows, values, roles), doubt or None, series)


def _stray(label: str, figures: Values) -> bool:
    """A column no header names that prints a number on at most one row in four: no score
    column, but a rule or a seal's ring a scan's grid took for a column's edge (its few
    figures are specks or a piece of the next cell); as a score it left no row printing
    every score, so no rule of the parts could be checked."""
    present = sum(v is not None for v in figures)
    return (
        not any(ch.isalpha() for ch in label) and len(figures) >= 4 and present * 4 <= len(figures)
    )


def total_by_rule(columns: tuple[Column, ...], body: Sequence[Line]) -> bool:
    """Whether a rule of the other scores (sum, mean, weights) gives the column the roles
    call the total, over most of the rows that print every score."""
    rows = [row for row in body if numbers_in(row) >= 1]
    scores = [c.index for c in columns if c.role in ("total", "component")]
    total = next((c.index for c in columns if c.role == "total"), None)
    if total is None or len(scores) < 2:
        return False
    values = {index: _column_values(rows, index) for index in scores}
    return total in rule_fits([total], scores, values)


def _mixed(columns: tuple[Column, ...], index: int, scales: tuple[str, ...]) -> str:
    return f"{_name(columns, index)} ghi số theo nhiều đơn vị ({', '.join(scales)})"


def _column_values(rows: Sequence[Line], index: int) -> Values:
    return [parse_number(r.cells[index - 1].text) if index <= len(r.cells) else None for r in rows]


def _hint(columns: tuple[Column, ...], index: int) -> str:
    return next(c.role for c in columns if c.index == index)


def _settle_row_number(roles: dict[int, str], values: dict[int, Values], name: int) -> None:
    """The leftmost counting column left of the names is the STT, unless the header calls it
    the rank: 1, 2, … or, on a page a table goes on to, 9, 10, … (its own header not
    repeated, nothing names it)."""
    if "row_number" in roles.values():
        return
    for index in sorted(i for i in values if i < name):
        others = len(values) > 1  # a count going on beside no other figure may be the rank
        counting = counts_rows(values[index]) or (others and counts_on(values[index]))
        if roles[index] in ("number", "component", "total") and counting:
            roles[index] = "row_number"
            return


def _count_beside_rank(roles: dict[int, str], values: dict[int, Values], name: int) -> None:
    """Two columns called the rank, one a count 1 … n left of the names and the other right
    of them: the count is the STT (a header's "Hạng" printed over the wrong column)."""
    ranks = sorted(i for i in values if roles[i] == "rank")
    if len(ranks) < 2 or ranks[0] > name or ranks[-1] < name or "row_number" in roles.values():
        return
    if counts_rows(values[ranks[0]]):
        roles[ranks[0]] = "row_number"


def _settle_ranks(roles: dict[int, str], values: dict[int, Values], parts: Segments) -> None:
    """Integer columns that rank a score column; a rank the header names stays one."""
    scores = [i for i in values if roles[i] in ("number", "component", "total")]
    for index in scores:
        column = values[index]
        present = [v for v in column if v is not None]
        if not integers(column) or any(v < 1 for v in present):
            continue
        ranked = [*scores, *(i for i in values if roles[i] == "percent")]
        others = [values[j] for j in ranked if j != index and not _ordinal(values[j], parts)]
        if mostly_distinct(column, parts) and varies(column):  # a constant column "ranks"
            if any(rank_agreement(column, other, parts) >= 0.6 for other in others):
                roles[index] = "rank"  # any other constant one
        elif any(_shared_places(column, other, parts) for other in others):
            roles[index] = "rank"


def _shared_places(ranks: Values, scores: Values, parts: Segments) -> bool:
    """Places most rows share ("1, 1, 1, 4": three players first, the fourth fourth): too few
    different values for ranks read in order, but exactly the competition ranking of a score
    whose equal values share those places, on four rows or more. A column of small whole
    numbers matches another column's ties and gaps that exactly only by being its ranking."""
    pairs = [(r, s) for r, s in zip(ranks, scores, strict=True) if r is not None and s is not None]
    return (
        len(pairs) >= ORDER_PROOF - 2
        and len({s for _, s in pairs}) > 1
        and rank_agreement(ranks, scores, parts) == 1.0
    )


def _ordinal(column: Values, parts: Segments) -> bool:
    """Ranks or a count themselves (a top ten ending with the province's own rank 14
    included): no score for another column to rank."""
    return rank_like(column) or ranks_alone(column, parts)


def _series(
    roles: dict[int, str], values: dict[int, Values], columns: tuple[Column, ...], parts: Segments
) -> tuple[tuple[int, int | None], ...]:
    """Rankings side by side, one table each: score columns that no rule ties together, each
    with a rank column of its own or a year of its own in its header ("Năm 2020", "2021")."""
    scores = [i for i in sorted(values) if roles[i] in ("number", "component", "total")]
    if len(scores) < 2 or rule_fits(scores, scores, values):
        return ()
    ranked = _paired_ranks([i for i in values if roles[i] == "rank"], scores, values, parts)
    years = {i: _year(columns, i) for i in scores}
    dated = len({y for y in years.values() if y}) == len(scores)
    if len(ranked) >= 2:  # scores no rank column ranks are another kind of figure
        return tuple((score, ranked[score]) for score in scores if score in ranked)
    if dated:
        return tuple((score, ranked.get(score)) for score in scores)
    return ()


def _paired_ranks(
    ranks: list[int], scores: list[int], values: dict[int, Values], parts: Segments
) -> dict[int, int]:
    """Each score column with the rank column that ranks it, each used once: the pairs that
    agree best are taken first, the nearer column between equals. A rank column that ranks
    two scores (one exactly, one only in order, as a longer list's ranks do) goes to the one
    it ranks exactly, whichever stands nearer: a page's labels may pair them otherwise."""
    fits = [
        (agreement, abs(score - rank), score, rank)
        for rank in ranks
        for score in scores
        if (agreement := rank_agreement(values[rank], values[score], parts)) >= 0.6
    ]
    ranked: dict[int, int] = {}
    for _, _, score, rank in sorted(fits, key=lambda fit: (-fit[0], fit[1], fit[2])):
        if score not in ranked and rank not in ranked.values():
            ranked[score] = rank
    return ranked


def _year(columns: tuple[Column, ...], index: int) -> str | None:
    column = next(c for c in columns if c.index == index)
    found = _YEAR.search(f"{column.group or ''} {column.label}")
    return found.group() if found else None


def _settle_total(
    roles: dict[int, str],
    values: dict[int, Values],
    columns: tuple[Column, ...],
    parts: Segments,
    bands: Sequence[str | None] = (),
) -> str | None:
    """The total: the column a rule of the other scores gives; the others are its components."""
    scores = [i for i in sorted(values) if roles[i] in ("number", "component", "total")]
    named = [i for i in scores if roles[i] == "total"]
    if "row_max" in roles.values() and len(named) <= 1:
        roles.update({i: "component" for i in scores if roles[i] != "total"})
        return None  # several columns the header calls the total: the rule tells which
    alone = values[scores[0]] if len(scores) == 1 else []
    if alone and roles[scores[0]] != "total" and (ranks_alone(alone, parts) or steps(alone)):
        roles[scores[0]] = "rank"  # "1 Sở A 1": a ranking with no scores printed
        return None
    if len(scores) <= 1:
        roles.update({i: "total" for i in scores})
        return None
    hinted = _hinted_total(roles, scores)
    chosen: int | None
    if hinted is not None and hinted in rule_fits([hinted], scores, values):
        chosen, doubt = hinted, None  # the header's total adds up: nothing to doubt
    elif (summed := _sole_sum(scores, values)) is not None:
        chosen, doubt = summed, _fitted_doubt(summed, scores, values, columns)
    else:
        fits = rule_fits(scores, scores, values)
        decisive = {i: hits for i, hits in fits.items() if hinted is None or _most(hits, values)}
        best = max(decisive.values(), default=0)
        winners = [i for i, hits in decisive.items() if hits == best and best > 0]
        if winners:
            chosen = winners[-1]
            doubt = _doubt(winners, columns) if len(winners) > 1 else None
        else:
            ranked = _ranked_scores(roles, values, scores, parts)
            sole = hinted if [roles[i] for i in scores].count("total") <= 1 else None
            chosen = sole if sole in ranked or not ranked else ranked[-1]
            unnamed = all(roles[i] == "number" for i in scores)
            banded = banded_by(values, scores, bands) if chosen is None else []
            chosen = central(banded, values, scores) if banded else chosen
            ordered = ordered_by(values, scores, parts) if chosen is None and unnamed else []
            chosen = ordered[0] if ordered else chosen
            several = ordered if len(ordered) > 1 else banded
            several = ranked if len(ranked) > 1 and sole not in ranked else several
            odd = _out_of_series(several or scores if chosen is None else several, scores, columns)
            if odd is not None and _between_parts(odd, scores, values):
                chosen, several = odd, [odd]
            doubt = _doubt(several, columns) if len(several) > 1 else None
            chosen, doubt = _labelled_or_scaled(chosen, unnamed, scores, values, columns, doubt)
            named_twice = [roles[i] for i in scores].count("total") > 1  # the header is no help
            doubt = doubt or (_no_total(scores, columns) if chosen is None and named_twice else None)
    for index in scores:
        roles[index] = "total" if index == chosen else "component"
    if chosen is not None:
        _settle_percent(roles, values, chosen)
    return doubt


def _out_of_series(
    candidates: list[int], scores: list[int], columns: tuple[Column, ...]
) -> int | None:
    """Of the columns the numbers leave as the total, the one whose label stands outside a
    numbered series the other scores' labels form ("Tiêu chí số 1" … "Tiêu chí số 8" beside
    "Điểm xếp mục"): a series numbers the parts, not the whole."""
    stems = {i: _SERIES.fullmatch(" ".join(_label(columns, i).split())) for i in scores}
    counted = Counter(m.group(1).casefold() for m in stems.values() if m)
    family = {i for i, m in stems.items() if m and counted[m.group(1).casefold()] >= 3}
    outside = [i for i in candidates if i not in family]
    if len(candidates) < 2 or len(outside) != 1 or not family & set(candidates):
        return None
    return outside[0]


def _between_parts(total: int, scores: list[int], values: dict[int, Values]) -> bool:
    """Whether on every row printing all scores the total lies between its least part and the
    parts' sum: what a sum, a mean or weights summing to one give."""
    for row in zip(*(values[i] for i in scores), strict=True):
        if any(v is None for v in row):
            continue
        whole = row[scores.index(total)]
        parts = [v for i, v in zip(scores, row, strict=True) if i != total]
        if not min(parts) <= whole <= sum(parts):  # type: ignore[type-var,operator]
            return False
    return True


_SERIES = re.compile(r"(\D+?)\s*\d{1,2}")  # "Tiêu chí số 3", "TC3", "Pillar 10"


def _label(columns: tuple[Column, ...], index: int) -> str:
    return next(c.label for c in columns if c.index == index)


def _settle_percent(roles: dict[int, str], values: dict[int, Values], total: int) -> None:
    """A column that is the total on another scale (÷ its maximum × 100, or the same figure
    again) is the index printed as a percentage, not a component; unless the components with
    it add up to the total, which makes each of them a part (a component worth a quarter of
    the total scores a quarter of it when the rows score alike on every component)."""
    components = [i for i in values if roles[i] == "component"]
    if _sum_holds(components, total, values):
        return
    for index in [i for i in components if varies(values[i])]:
        ratios = [  # p ÷ t, one Fraction each (from whole numbers: speed)
            Fraction(pn * td, pd * tn)
            for (pn, pd), (tn, td) in _integer_pairs(values[index], values[total])
        ]
        if len(ratios) < 3:
            continue
        ratio = sorted(ratios)[len(ratios) // 2].limit_denominator(1000)
        if not ratio or ((100 / ratio).denominator != 1 and (1 / ratio).denominator != 1):
            continue  # a share of a whole maximum (× 100 or × 1): 3/20 of a total is a part
        pairs = [(p, t) for p, t in zip(values[index], values[total], strict=True) if p and t]
        if ratio != 1 and not all(places(p) >= 1 for p, _ in pairs):
            continue  # whole numbers round too coarsely to tell a share from a correlated part
        above, below = ratio.as_integer_ratio()
        hits = 0
        for p, t in pairs:  # ratio × t against p, in whole numbers
            tn, td = t.as_integer_ratio()
            hits += agrees_ratio(above * tn, below * td, p)
        if hits * 10 >= len(pairs) * 9:
            roles[index] = "percent"


def _sole_sum(scores: list[int], values: dict[int, Values]) -> int | None:
    """The one score column the others add up to exactly on most rows, if only one does.
    A plain sum is chosen before a fitted rule (a scaling, weights): where the parts run in
    step with each other (every unit scoring alike on each part), a part is also a scaling
    of the rest, and the fitted rule can then explain a row or two more than the true sum
    that a misread leaves unexplained (the table then keeps that doubt)."""
    summed = [i for i in scores if _sum_holds([j for j in scores if j != i], i, values)]
    return summed[0] if len(summed) == 1 else None


def _fitted_doubt(
    summed: int, scores: list[int], values: dict[int, Values], columns: tuple[Column, ...]
) -> str | None:
    """The doubt left when a fitted rule makes other columns the total on as many rows as the
    sum explains, or more: the sum is taken, and the table says the others could be it."""
    fits = rule_fits(scores, scores, values)
    best = max(fits.values(), default=0)
    rivals = [i for i, hits in fits.items() if hits == best and i != summed]
    return _doubt([*rivals, summed], columns) if rivals else None


def _sum_holds(parts: list[int], total: int, values: dict[int, Values]) -> bool:
    """Whether the parts add up exactly to the total on at least three rows printing them all,
    and on most of those (a percentage among them would make the sum hold on none by chance;
    a misprinted or misread row or two must not undo it)."""
    rows = [row for row in zip(values[total], *(values[i] for i in parts), strict=True)
            if all(v is not None for v in row)]  # fmt: skip
    exact = sum(row[0] == sum(row[1:]) for row in rows)  # type: ignore[misc]
    return len(parts) >= 2 and exact >= 3 and exact * 2 > len(rows)


def _integer_pairs(parts: Values, totals: Values) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Each row's (part, total) as integer ratios, where the part is printed and the total is
    printed and not 0."""
    return [
        (p.as_integer_ratio(), t.as_integer_ratio())
        for p, t in zip(parts, totals, strict=True)
        if p is not None and t
    ]


def _hinted_total(roles: dict[int, str], scores: list[int]) -> int | None:
    """The total the header names, or the one unnamed score beside a named component group."""
    named = [i for i in scores if roles[i] == "total"]
    if named:
        return named[0]
    unnamed = [i for i in scores if roles[i] == "number"]
    if len(unnamed) == 1 and all(roles[i] == "component" for i in scores if i != unnamed[0]):
        return unnamed[0]
    return None


def _most(hits: int, values: dict[int, Values]) -> bool:
    """A rule clear enough to overrule the header: four rows in five."""
    rows = len(next(iter(values.values())))
    return hits * 5 >= rows * 4


def _ranked_scores(
    roles: dict[int, str], values: dict[int, Values], scores: list[int], parts: Segments
) -> list[int]:
    """With no rule, the scores a rank column ranks best: the total is among them (the others
    its parts); two or more when the rank orders them alike (a part in the total's order)."""
    ranks = [values[i] for i in values if roles[i] == "rank"]
    agreement = {
        s: max((rank_agreement(r, values[s], parts) for r in ranks), default=0.0) for s in scores
    }
    best = max(agreement.values(), default=0.0)
    return [s for s in scores if agreement[s] == best] if best >= 0.6 else []


def _number_or_rank(
    roles: dict[int, str], values: dict[int, Values], columns: tuple[Column, ...], parts: Segments
) -> str | None:
    """A column counting 1 … n that is also exactly the ranking of the total, under no header
    word saying which: the table's STT or its rank. Over six rows or more it is read as the
    rank, with a doubt: whichever was meant, each row's figure is its place by the total
    (equal totals placed one after another, as a publisher breaks ties by the figures before
    rounding), while read as the STT the ranking would be lost. Fewer rows fall in the total's
    order by chance too often (1 in 6 for three): read as the STT, with the same doubt."""
    if "rank" in roles.values():
        return None
    number = next((i for i in values if roles[i] == "row_number"), None)
    total = next((i for i in values if roles[i] == "total"), None)
    if number is None or total is None or _hint(columns, number) == "row_number":
        return None
    in_order = rank_agreement(values[number], values[total], parts) == 1.0
    if not (in_order or ties_in_order(values[number], values[total], parts)):
        return None
    if sum(v is not None for v in values[number]) < ORDER_PROOF:
        return f"{_name(columns, number)} là số thứ tự hoặc xếp hạng: đọc là số thứ tự"
    roles[number] = "rank"  # in the total's order over six rows or more: no chance order
    return f"{_name(columns, number)} là số thứ tự hoặc xếp hạng: đọc là xếp hạng"


def _count_alone(roles: dict[int, str], columns: tuple[Column, ...]) -> str | None:
    """A column counting 1 … n beside names and no score, under a header word no role is known
    by ("Rank") or under none ("1. Bộ Tài chính", "2. Bộ Tư pháp", the list of a ranking's
    first places): a ranking with no scores printed, or a numbered list; nothing in the numbers
    tells which. Read as the ranking, with a doubt: read as the STT the table would hold no
    figure at all, and the page's only table would be lost."""
    if any(role != "row_number" for role in roles.values()):
        return None  # a score, a rank, a share: the table has figures of its own
    column = next((c for c in columns if roles.get(c.index) == "row_number"), None)
    if column is None or column.role != "number":
        return None
    roles[column.index] = "rank"
    return f"{_name(columns, column.index)} là số thứ tự hoặc xếp hạng: đọc là xếp hạng"


def _no_total(scores: list[int], columns: tuple[Column, ...]) -> str:
    """Score columns no rule, rank or header ties together: parts of a total not printed, or
    rankings side by side (one a year); nothing in the table says which."""
    names = ", ".join(_name(columns, i) for i in scores)
    return f"{NO_TOTAL} ({names}): đọc là điểm thành phần"


def _labelled_or_scaled(
    chosen: int | None,
    unnamed: bool,
    scores: list[int],
    values: dict[int, Values],
    columns: tuple[Column, ...],
    doubt: str | None,
) -> tuple[int | None, str | None]:
    """No rule, rank, band, order or header word ties the scores: the one figure the others
    only label (ids) or restate on another scale (a share of a whole) is the total, in doubt;
    else no total, in doubt."""
    if chosen is not None or not unnamed:
        return chosen, doubt
    if (measure := _beside_ids(scores, values)) is not None:
        return measure, _ids_doubt(measure, scores, columns)
    if (measure := _share_of(scores, values)) is not None:
        return measure, _share_doubt(measure, scores, columns)
    return None, doubt or _no_total(scores, columns)


def _beside_ids(scores: list[int], values: dict[int, Values]) -> int | None:
    """With no rule, rank, band or order to tell: the one score column printing fractions
    ("3.5", "4.125") beside columns of whole numbers each row's own and no greater than twice
    the rows, in no order (ids given to the units: 1 … 11, then 16, 21, 31 …). The ids label
    the units; the fractions are the figure the table gives them, read as its total."""
    fractional = [i for i in scores if any(v % 1 for v in values[i] if v is not None)]
    if len(fractional) != 1:
        return None
    for index in scores:
        present = [v for v in values[index] if v is not None]
        if index != fractional[0] and not (
            len(present) >= 4
            and len(set(present)) == len(present)
            and min(present) >= 1
            and max(present) <= 2 * len(values[index])
        ):
            return None
    return fractional[0]


def _share_of(scores: list[int], values: dict[int, Values]) -> int | None:
    """With no rule, rank, band or order to tell: two columns one of which is the other times
    one constant on every row (three or more), within the rounding of its figures as printed
    (a population and its share of the world's: "1,439,323,776" and "18.47"). The figure
    printed to more digits is the measure the rows give, the other its share of a whole:
    the measure is the total. Only when the pairs so found name one measure."""
    measures = {
        measure
        for measure in scores
        for share in scores
        if measure != share
        and _digits(values[measure]) > _digits(values[share])
        and _scaled(values[share], values[measure])
    }
    return measures.pop() if len(measures) == 1 else None


def _digits(column: Values) -> int:
    """The fewest significant digits a figure of the column is printed with."""
    return min(
        (len(str(abs(v)).replace(".", "").lstrip("0")) for v in column if v is not None),
        default=0,
    )


def _scaled(share: Values, measure: Values) -> bool:
    """Whether one constant other than 1 times ``measure`` rounds to ``share`` on every row
    printing both (three or more, all above zero), each share printed finely enough (half its
    last place at most 0.5 % of it) for the rounding to tell."""
    low, high = Fraction(0), Fraction(10**30)
    pairs = [(s, m) for s, m in zip(share, measure, strict=True) if s is not None and m is not None]
    for s, m in pairs:
        half = Fraction(1, 2 * 10 ** places(s))
        if s <= 0 or m <= 0 or half > Fraction(s) / 200:
            return False
        ratio = Fraction(s) / Fraction(m)
        low, high = max(low, ratio - half / Fraction(m)), min(high, ratio + half / Fraction(m))
    return len(pairs) >= 3 and low <= high and not low <= 1 <= high


def _share_doubt(measure: int, scores: list[int], columns: tuple[Column, ...]) -> str:
    names = ", ".join(_name(columns, i) for i in scores)
    measured = _name(columns, measure)
    return f"{NO_TOTAL} ({names}): đọc {measured}, số có tỷ lệ trong bảng, là tổng"


def _ids_doubt(measure: int, scores: list[int], columns: tuple[Column, ...]) -> str:
    ids = ", ".join(_name(columns, i) for i in scores if i != measure)
    return f"{NO_TOTAL} ({_name(columns, measure)}, {ids}): đọc {ids} là mã số của đơn vị"


def _doubt(winners: list[int], columns: tuple[Column, ...]) -> str:
    names = [_name(columns, i) for i in winners]
    return f"{TOTAL_IN_DOUBT} " + " hoặc ".join(names)


def _name(columns: tuple[Column, ...], index: int) -> str:
    label = next(c.label for c in columns if c.index == index)
    return f"cột {index} ({label})" if label else f"cột {index}"

"""The total among a table's score columns: the one a rule of the others gives (their sum, a
mean, a scaling, stated or fitted weights), else the one the header names and the numbers do
not contradict, else the one the rank orders, the bands sort or the rows are ordered by; the
others are its components. Where two columns are the total equally well, or none is, the
table carries a doubt that names them (``NO_TOTAL``, ``TOTAL_IN_DOUBT``)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from fractions import Fraction

from pipeline.models import Column
from pipeline.reconcile.rules import agrees_ratio, places
from pipeline.tables.roles.fits import rule_fits
from pipeline.tables.roles.order import (
    ORDER_PROOF,
    banded_by,
    central,
    ordered_by,
    steps,
)
from pipeline.tables.roles.ranks import (
    Segments,
    Values,
    both_ways,
    rank_agreement,
    ranks_alone,
    ties_in_order,
    varies,
)

NO_TOTAL = "không cột nào là tổng của các cột khác"  # the doubts of the total, in a table's


TOTAL_IN_DOUBT = "tổng điểm có thể là"  # role_doubt (parts joined by "; ")


def settle_total(
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
        return _places_beside_count(roles, values, scores, columns)
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
            ordered = ordered or (
                _counted_by(roles, values, scores, parts) if chosen is None else []
            )
            chosen = ordered[0] if ordered else chosen
            several = ordered if len(ordered) > 1 else banded
            several = ranked if len(ranked) > 1 and sole not in ranked else several
            odd = _out_of_series(several or scores if chosen is None else several, scores, columns)
            if odd is not None and _between_parts(odd, scores, values):
                chosen, several = odd, [odd]
            doubt = _doubt(several, columns) if len(several) > 1 else None
            named_twice = [roles[i] for i in scores].count("total") > 1  # the header is no help
            untold = unnamed or named_twice
            chosen, doubt = _labelled_or_scaled(chosen, untold, scores, values, columns, doubt)
    for index in scores:
        roles[index] = "total" if index == chosen else "component"
    if chosen is not None:
        _settle_percent(roles, values, chosen)
    return doubt


_PLACES_BEYOND = 2  # places a list's units may hold beyond its rows (a row or two not read)


def _places_beside_count(
    roles: dict[int, str], values: dict[int, Values], scores: list[int], columns: tuple[Column, ...]
) -> str | None:
    """A doubt when the one figure beside a count 1 … n is whole numbers, no two alike, none
    beyond the rows and not in their order ("2. USA (3)", "3. Sweden (2)"): places, not a
    score (another year's places beside this year's, the count), or the scores of a table
    ranked in another column; nothing in the numbers tells which. A place or two beyond the
    rows is allowed: the list's first or last row may not have been read."""
    count = next((i for i in values if roles[i] == "row_number"), None)
    if count is None or len(scores) != 1:
        return None
    present = [v for v in values[scores[0]] if v is not None]
    reach = len(values[count]) + _PLACES_BEYOND
    whole = all(v == v.to_integral_value() and 1 <= v <= reach for v in present)
    ordered = present == sorted(present) or present == sorted(present, reverse=True)
    if len(present) < 3 or not whole or len(set(present)) < len(present) or ordered:
        return None
    name = column_name(columns, scores[0])
    counted = column_name(columns, count)
    return f"{TOTAL_IN_DOUBT} {name}, hoặc {name} là thứ hạng khác và {counted} là xếp hạng"


def _counted_by(
    roles: dict[int, str], values: dict[int, Values], scores: list[int], parts: Segments
) -> list[int]:
    """The one score column a count 1 … n beside it ranks exactly, highest or lowest first,
    over six rows or more, when no rule gives a total: the figure the rows are placed by (a
    penalty or a time ranked lowest first, beside the change since last year and last year's
    place in no such order)."""
    count = next((i for i in values if roles[i] == "row_number"), None)
    if count is None or sum(v is not None for v in values[count]) < ORDER_PROOF:
        return []
    found = []
    for index in scores:
        if any(
            rank_agreement(values[count], column, parts) == 1.0
            or ties_in_order(values[count], column, parts)
            for column in both_ways(values[index])
        ):
            found.append(index)
    return found if len(found) == 1 else []


def _out_of_series(
    candidates: list[int], scores: list[int], columns: tuple[Column, ...]
) -> int | None:
    """Of the columns the numbers leave as the total, the one whose label stands outside a
    numbered series the other scores' labels form ("Tiêu chí số 1" … "Tiêu chí số 8" beside
    "Điểm xếp mục"): a series numbers the parts, not the whole."""
    stems = {i: _SERIES.fullmatch(" ".join(column_label(columns, i).split())) for i in scores}
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


def column_label(columns: tuple[Column, ...], index: int) -> str:
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


def _no_total(scores: list[int], columns: tuple[Column, ...]) -> str:
    """Score columns no rule, rank or header ties together: parts of a total not printed, or
    rankings side by side (one a year); nothing in the table says which."""
    names = ", ".join(column_name(columns, i) for i in scores)
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
    names = ", ".join(column_name(columns, i) for i in scores)
    measured = column_name(columns, measure)
    return f"{NO_TOTAL} ({names}): đọc {measured}, số có tỷ lệ trong bảng, là tổng"


def _ids_doubt(measure: int, scores: list[int], columns: tuple[Column, ...]) -> str:
    ids = ", ".join(column_name(columns, i) for i in scores if i != measure)
    return f"{NO_TOTAL} ({column_name(columns, measure)}, {ids}): đọc {ids} là mã số của đơn vị"


def _doubt(winners: list[int], columns: tuple[Column, ...]) -> str:
    names = [column_name(columns, i) for i in winners]
    return f"{TOTAL_IN_DOUBT} " + " hoặc ".join(names)


def column_name(columns: tuple[Column, ...], index: int) -> str:
    label = next(c.label for c in columns if c.index == index)
    return f"cột {index} ({label})" if label else f"cột {index}"

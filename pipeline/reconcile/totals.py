"""Checks of the scores themselves: totals against their rule, maxima, the range of a total."""

from __future__ import annotations

from decimal import Decimal

from pipeline.models import Entry, Flag, Table, Value
from pipeline.reconcile.common import Scope, fmt, who
from pipeline.reconcile.rows import ranked_by_distance
from pipeline.reconcile.rules import TotalRule, agrees, rounded, total_rule
from pipeline.reconcile.weights import places

SCALES = (Decimal(1), Decimal(10), Decimal(100), Decimal(1000))  # usual maxima of a total


def computed_total(entry: Entry) -> Decimal | None:
    """Sum of the components when every one of them is printed and readable."""
    if not entry.components or any(v is None or v.number is None for v in entry.components):
        return None
    return sum((v.number for v in entry.components if v and v.number is not None), Decimal(0))


def _rule_words(rule: TotalRule) -> str:
    if rule.kind == "sum":
        return "cộng các điểm thành phần được"
    source = "công thức của văn bản" if rule.stated else "công thức các dòng khác tuân theo"
    return f"tính theo {source} ({rule.describe()}) được"


def check_sum(doc_id: str, table: Table, lent: TotalRule | None = None) -> list[Flag]:
    """sum_mismatch: the components do not give the printed total by the table's rule (or
    the one a table of the same components ``lent`` it)."""
    rule = lent or total_rule(table)
    if rule.kind == "none":
        return []
    scope = Scope(doc_id, table)
    missed: list[tuple[Entry, Value, Decimal]] = []
    checked = 0
    for entry in table.entries:
        summed = computed_total(entry)
        if summed is None or entry.total is None or entry.total.number is None:
            continue
        checked += 1
        if rule.kind == "sum" and summed == entry.total.number:
            continue  # exact in Decimal: no need for the rule's fractions
        parts = [v.number for v in entry.components if v is not None and v.number is not None]
        computed = rule.compute(parts)
        if agrees(computed, entry.total.number):
            continue
        expected = summed if rule.kind == "sum" else rounded(computed, entry.total.number)
        missed.append((entry, entry.total, expected))
    rounding = _rounding_rows(missed, checked)
    flags = [_rounded_flag(scope, rule, rounding)] if rounding else []
    for entry, total, expected in missed:
        if any(entry is row[0] for row in rounding):
            continue
        message = (
            f"{who(entry)}: {_rule_words(rule)} {fmt(expected)}, "
            f"nhưng tổng điểm ghi {total.printed}."
        )
        flags.append(scope.flag("sum_mismatch", entry, message, fmt(expected),
                                fmt(total.number), total))  # fmt: skip
    return flags


def _rounding_rows(
    missed: list[tuple[Entry, Value, Decimal]], checked: int
) -> list[tuple[Entry, Value, Decimal]]:
    """The rows the rule misses by the page's rounding, told together rather than one by one.
    Parts printed rounded from figures the total was computed from (a university's indicator
    scores to one or two places) miss the total by one unit of its last place on many rows; a
    decision's exact scores miss it only where a figure is wrong. So when two rows or more, a
    tenth of the rows or more, miss by exactly one unit, those rows are taken for rounding and
    named in one warning; a row missing by more, or a lone row missing by one unit, stays a
    mismatch."""
    off_by_one = [m for m in missed if _one_unit(m[1], m[2])]
    if len(off_by_one) < 2 or 10 * len(off_by_one) < checked:
        return []
    return off_by_one


def _rounded_flag(scope: Scope, rule: TotalRule, rows: list[tuple[Entry, Value, Decimal]]) -> Flag:
    """rounded_total: one warning naming every row whose total the rule misses by one unit."""
    named = "; ".join(f"{who(e)} ghi {t.printed}, tính được {fmt(x)}" for e, t, x in rows)
    message = (
        f"Bảng {scope.table.index}: ở {len(rows)} dòng, tổng điểm lệch đúng một đơn vị của chữ "
        f"số cuối so với kết quả {_rule_words(rule).removesuffix(' được')}, như khi các điểm "
        f"thành phần được in đã làm tròn; cần đối chiếu nếu các điểm là số chính xác ({named})."
    )
    return scope.flag(
        "rounded_total", None, message, "one unit of the last place", f"{len(rows)} rows"
    )


def _one_unit(total: Value, expected: Decimal) -> bool:
    if total.number is None:
        return False
    unit = Decimal(1).scaleb(-places(total.number))  # "576.49": 0.01
    return abs(total.number - expected) == unit


def check_total_rule(doc_id: str, table: Table, lent: TotalRule | None = None) -> list[Flag]:
    """total_rule_unknown: neither a sum nor any weighting explains most of the totals."""
    rule = lent or total_rule(table)
    if rule.kind != "none" or not table.components() or not table.has_role("total"):
        return []
    message = (
        f"Bảng {table.index}: tổng điểm của phần lớn các dòng không bằng tổng, trung bình hay "
        f"một tổng có trọng số của các điểm thành phần; cần xem cách tính của văn bản."
    )
    return [Scope(doc_id, table).flag("total_rule_unknown", None, message, "a total rule", "none")]


def check_roles(doc_id: str, table: Table) -> list[Flag]:
    """ambiguous_roles: two readings of the columns fit the numbers equally well."""
    if table.role_doubt is None:
        return []
    message = (
        f"Bảng {table.index}: không xác định chắc chắn vai trò các cột ({table.role_doubt}); "
        f"cần đối chiếu với văn bản."
    )
    return [Scope(doc_id, table).flag("ambiguous_roles", None, message, None, table.role_doubt)]


def check_number_format(doc_id: str, table: Table) -> list[Flag]:
    """ambiguous_number_format: a column prints values that read two ways ("2.095": 2,095 or
    2095) and nothing printed says which mark is its decimal mark; read as decimals."""
    scope = Scope(doc_id, table)
    flags = []
    for found in table.number_doubts:
        decimal, whole = fmt(found.as_decimal) or "", fmt(found.as_thousands) or ""
        message = (
            f"Bảng {table.index}, {found.column}: số “{found.printed}” đọc được hai cách, "
            f"số thập phân {decimal.replace('.', ',')} hoặc {whole} (dấu phân cách hàng nghìn); "
            f"các số khác của cột và của văn bản không cho biết dấu nào là dấu thập phân, "
            f"nên đang đọc là số thập phân; cần đối chiếu với văn bản."
        )
        value = Value(found.printed, found.as_decimal, found.at)
        flags.append(scope.flag("ambiguous_number_format", None, message,
                                f"{decimal} or {whole}", found.printed, value))  # fmt: skip
    return flags


def check_max(doc_id: str, table: Table) -> list[Flag]:
    """over_max: a component above its column's maximum (or below zero)."""
    scope = Scope(doc_id, table)
    flags = []
    signed = _signed_columns(table)
    for entry in table.entries:
        for k, (column, value) in enumerate(zip(table.components(), entry.components, strict=True)):
            if value is None or value.number is None:
                continue
            if column.max_points is not None and value.number > column.max_points:
                bound, word = column.max_points, "vượt điểm tối đa"
            elif value.number < 0 and k not in signed:
                bound, word = Decimal(0), "nhỏ hơn"
            else:
                continue
            message = (
                f"{who(entry)}: điểm “{column.label}” là {value.printed}, {word} {fmt(bound)}."
            )
            expected = f"<= {fmt(bound)}" if bound else ">= 0"
            flags.append(scope.flag("over_max", entry, message, expected, fmt(value.number), value))
    return flags


def _signed_columns(table: Table) -> set[int]:
    """Component columns of figures of both signs, two below zero at least: a change or a
    balance ("-348,399", "954,806"), not scores, so a value below zero is no finding there
    (one below zero in a column of scores is a misprint, and is reported)."""
    signed = set()
    for k in range(len(table.components())):
        numbers = [
            n for e in table.entries if (v := e.components[k]) and (n := v.number) is not None
        ]
        if sum(n < 0 for n in numbers) >= 2 and any(n > 0 for n in numbers):
            signed.add(k)
    return signed


def total_ceiling(table: Table) -> tuple[Decimal | None, bool]:
    """The most a total can be, and whether that is printed (not inferred).

    The printed maximum, else the sum of the component maxima (for a summed table), else the
    conventional scale the totals are on (1, 10, 100 or 1000: the smallest at or above their
    median), so that a total that lost its decimal point ("8540" for "85,40") is still caught.
    A scale that many totals exceed is none: figures on no fixed scale (a GRDP per head of
    72 … 281 million đồng) are not scores whose slip the scale would show.
    """
    if table.total_max is not None:
        return table.total_max, True
    maxima = [column.max_points for column in table.components()]
    if maxima and all(m is not None for m in maxima) and total_rule(table).kind == "sum":
        return sum((m for m in maxima if m is not None), Decimal(0)), True
    totals = sorted(e.total.number for e in table.entries if e.total and e.total.number is not None)
    if not totals:
        return None, False
    median = totals[len(totals) // 2]
    scale = next((s for s in SCALES if median <= s), None)
    if scale is not None and sum(t > scale for t in totals) > max(1, len(totals) // 10):
        return None, False
    if scale is not None and _counted(totals, scale):
        return None, False
    return scale, False


def _counted(totals: list[Decimal], scale: Decimal) -> bool:
    """Whole numbers, none printed with decimals, whose values within the scale span ten
    times their least or more (1 … 30 people, 2 … 34 entries): counts of something, on no
    scale; a slipped decimal point shows only in a column printing decimals. Scores on a
    scale bunch within it (4,5 … 8,2 of 10; 13,77 … 89,45 of 100)."""
    if any(places(t) or t != t.to_integral_value() for t in totals):
        return False
    within = [t for t in totals if 0 < t <= scale]
    return len(within) >= 3 and max(within) >= 10 * min(within)


def check_total_range(doc_id: str, table: Table) -> list[Flag]:
    """total_out_of_range: a total below zero or above the table's maximum."""
    scope = Scope(doc_id, table)
    ceiling, printed = total_ceiling(table)
    if not printed and _ranked_near_a_target(table):
        ceiling = None  # totals ranked by their distance from a point lie on both sides of it
    flags = []
    for entry in table.entries:
        total = entry.total
        if total is None or total.number is None:
            continue
        if total.number < 0 or (ceiling is not None and total.number > ceiling):
            span = f"0–{fmt(ceiling)}" if ceiling is not None else "≥ 0"
            scale = "" if printed else " (thang điểm suy ra từ các tổng điểm khác)"
            message = f"{who(entry)}: tổng điểm {total.printed} nằm ngoài khoảng {span}{scale}."
            flags.append(
                scope.flag("total_out_of_range", entry, message, span, fmt(total.number), total)
            )
    return flags


def _ranked_near_a_target(table: Table) -> bool:
    pairs = [
        (e.rank.number, e.total.number)
        for e in table.entries
        if e.rank and e.rank.number is not None and e.total and e.total.number is not None
    ]
    return ranked_by_distance(pairs)


def check_maxima(doc_id: str, table: Table) -> list[Flag]:
    """max_sum_mismatch: the component maxima do not add up to the total's maximum."""
    maxima = [column.max_points for column in table.components()]
    if table.total_max is None or not maxima or any(m is None for m in maxima):
        return []
    if total_rule(table).kind != "sum":
        return []  # a weighted or averaged total has its own maximum
    summed = sum((m for m in maxima if m is not None), Decimal(0))
    if summed == table.total_max:
        return []
    message = (
        f"Bảng {table.index}: cộng điểm tối đa các thành phần được {fmt(summed)}, "
        f"nhưng điểm tối đa của tổng điểm ghi {fmt(table.total_max)}."
    )
    scope = Scope(doc_id, table)
    return [scope.flag("max_sum_mismatch", None, message, fmt(summed), fmt(table.total_max))]

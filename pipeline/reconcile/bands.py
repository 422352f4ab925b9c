"""Checks of the bands (Xếp loại): order, the thresholds the decision states, round boundaries."""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline import vocabulary as vocab
from pipeline.models import BandRange, Entry, Flag, Table
from pipeline.reconcile.common import Scope, fmt, who
from pipeline.reconcile.totals import total_ceiling
from pipeline.settings import ReconcileSettings


def _banded(table: Table) -> list[tuple[Entry, int, Decimal]]:
    return [
        (e, vocab.BAND_ORDER[e.band], e.total.number)
        for e in table.entries
        if e.band in vocab.BAND_ORDER and e.total is not None and e.total.number is not None
    ]


def check_band_order(doc_id: str, table: Table) -> list[Flag]:
    """band_mismatch: a row in a lower band scores above a row in a higher band."""
    if applicable_thresholds(table):
        return []  # checked exactly against the stated thresholds instead
    banded = _banded(table)
    return [_order_flag(doc_id, table, found) for found in _out_of_order(banded, banded)]


def _order_flag(
    doc_id: str,
    table: Table,
    found: tuple[Entry, Decimal, tuple[Entry, Decimal]],
    section: str | None = None,
) -> Flag:
    entry, total, (higher, higher_total) = found
    where = f" ({section})" if section else ""
    message = (
        f"{who(entry)} xếp mức {entry.band} với {fmt(total)} điểm, cao hơn "
        f"{who(higher)}{where} xếp mức {higher.band} với {fmt(higher_total)} điểm."
    )
    return Scope(doc_id, table).flag("band_mismatch", entry, message, f"<= {fmt(higher_total)}",
                                     fmt(total), entry.total)  # fmt: skip


def check_band_order_across(doc_id: str, tables: tuple[Table, ...]) -> list[Flag]:
    """band_mismatch between the sections of one table ("A. Khối cơ quan cấp tỉnh", "II. Khối
    huyện"), read as tables of their own: the same columns under the same labels, no stated
    thresholds, no two years apart. A row in a lower band scoring above a row of another
    section in a higher band; rows its own section already flags are not flagged again."""
    flags = []
    for table in tables:
        banded = _banded(table)
        own = {id(found[0]) for found in _out_of_order(banded, banded)}
        for other in tables:
            if other is table or not _sections_of_one_table(table, other):
                continue
            for found in _out_of_order(banded, _banded(other)):
                if id(found[0]) not in own:
                    own.add(id(found[0]))
                    flags.append(_order_flag(doc_id, table, found, other.section))
    return flags


def _out_of_order(
    rows: list[tuple[Entry, int, Decimal]], others: list[tuple[Entry, int, Decimal]]
) -> list[tuple[Entry, Decimal, tuple[Entry, Decimal]]]:
    """Each row of ``rows`` that scores above a row of ``others`` in a higher band, with the
    lowest such row."""
    found = []
    for entry, order, total in rows:
        higher = [(e, t) for e, o, t in others if o > order and t < total]
        if higher:
            found.append((entry, total, min(higher, key=lambda pair: pair[1])))
    return found


def _sections_of_one_table(one: Table, other: Table) -> bool:
    labels = [(c.label, c.role) for c in one.columns]
    same = labels == [(c.label, c.role) for c in other.columns]
    years = {frozenset(_YEAR.findall(t.section or "")) for t in (one, other)}
    stated = one.stated_bands or other.stated_bands
    return same and bool(one.section) and bool(other.section) and len(years) == 1 and not stated


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def applicable_thresholds(table: Table) -> tuple[BandRange, ...]:
    """The stated thresholds, when they name the bands this table prints."""
    stated = {band.band for band in table.stated_bands}
    printed = {entry.band for entry in table.entries if entry.band}
    return table.stated_bands if printed and printed <= stated else ()


def _describe(band: BandRange) -> str:
    low = f"{'từ' if band.low_inclusive else 'trên'} {fmt(band.low)}" if band.low else ""
    high = f"{'đến' if band.high_inclusive else 'dưới'} {fmt(band.high)}" if band.high else ""
    return " ".join(part for part in (low, high) if part) or "mọi điểm"


def check_band_thresholds(doc_id: str, table: Table) -> list[Flag]:
    """band_mismatch: a row's band is not the one its total falls in by the stated thresholds."""
    thresholds = applicable_thresholds(table)
    scope = Scope(doc_id, table)
    flags = []
    for entry in table.entries:
        if not thresholds or entry.band is None or entry.total is None:
            continue
        total = entry.total.number
        if total is None:
            continue
        right = next((band for band in thresholds if band.holds(total)), None)
        if right is None or right.band == entry.band:
            continue
        message = (
            f"{who(entry)}: {entry.total.printed} điểm thuộc mức {right.band} "
            f"({_describe(right)} điểm theo văn bản), nhưng được xếp mức {entry.band}."
        )
        flags.append(scope.flag("band_mismatch", entry, message, right.band, entry.band,
                                entry.total))  # fmt: skip
    return flags


def check_band_boundary(doc_id: str, table: Table, settings: ReconcileSettings) -> list[Flag]:
    """band_boundary: two adjacent bands meet where no round threshold can lie.

    Band thresholds are round scores (80, 65, 50 of 100); when the lowest score of a band and the
    highest of the band below leave no round score between them, a band row is likely misplaced.
    Only where the decision states no thresholds of its own.
    """
    ceiling = total_ceiling(table)[0]
    if ceiling is None or ceiling <= 0 or applicable_thresholds(table):
        return []
    step = ceiling * settings.band_step_share
    scope = Scope(doc_id, table)
    by_band: dict[int, list[tuple[Entry, Decimal]]] = {}
    for entry, order, total in _banded(table):
        by_band.setdefault(order, []).append((entry, total))
    orders = sorted(by_band, reverse=True)
    flags = []
    for upper, lower in zip(orders, orders[1:], strict=False):
        low_entry, low_of_upper = min(by_band[upper], key=lambda pair: pair[1])
        high_entry, high_of_lower = max(by_band[lower], key=lambda pair: pair[1])
        if high_of_lower >= low_of_upper or _round_between(high_of_lower, low_of_upper, step):
            continue
        message = (
            f"Ranh giới giữa mức {low_entry.band} (thấp nhất {fmt(low_of_upper)} điểm, "
            f"{who(low_entry)}) và mức {high_entry.band} (cao nhất {fmt(high_of_lower)} điểm, "
            f"{who(high_entry)}) không rơi vào một mốc điểm tròn: dòng xếp mức có thể đặt sai chỗ."
        )
        expected = f"a multiple of {fmt(step)} in ({fmt(high_of_lower)}, {fmt(low_of_upper)}]"
        flags.append(
            scope.flag("band_boundary", high_entry, message, expected, None, high_entry.total)
        )
    return flags


def _round_between(low: Decimal, high: Decimal, step: Decimal) -> bool:
    """Whether some multiple of ``step`` lies in (low, high]."""
    multiple = (high / step).to_integral_value(rounding="ROUND_FLOOR") * step
    return multiple > low


def check_bands_known(doc_id: str, table: Table) -> list[Flag]:
    """unknown_band: a classification cell that names no known band."""
    scope = Scope(doc_id, table)
    flags = []
    for entry in table.entries:
        if entry.band_printed and entry.band is None:
            message = f"{who(entry)}: xếp loại “{entry.band_printed}” không thuộc các mức đã biết."
            flags.append(scope.flag("unknown_band", entry, message,
                                    ", ".join(vocab.BAND_ORDER), entry.band_printed))  # fmt: skip
    return flags

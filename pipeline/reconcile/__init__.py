"""Checks of a published table: one function per check, each returning a list of Flags.

Arithmetic is exact (Decimal, Fraction). A flag is a finding about the published document, with
the value we expected, the value printed and a message in words a provincial official reads at
a glance. Severity (``SEVERITY``, check → severity): error for arithmetic, rank and band
problems; warning for the rest; info for notes that need no action.

``rules`` finds how a table's totals are computed (sum, stated or fitted weights); ``totals``,
``bands`` and ``rows`` check the table; ``document`` checks what concerns the whole document.
"""

from __future__ import annotations

from collections.abc import Callable

from pipeline.models import Flag, Line, Metadata, Table
from pipeline.reconcile.bands import (
    check_band_boundary,
    check_band_order,
    check_band_order_across,
    check_band_thresholds,
    check_bands_known,
)
from pipeline.reconcile.common import ERROR, INFO, OCR_NEEDED, SEVERITY, WARNING
from pipeline.reconcile.document import (
    check_metadata,
    check_passed_over,
    check_scores_in_prose,
    check_unread_pages,
)
from pipeline.reconcile.rows import (
    check_cut_rows,
    check_duplicates,
    check_missing_values,
    check_rank,
    check_readable,
    check_row_numbers,
    competition_ranks,
)
from pipeline.reconcile.rules import TotalRule, lent_rules, total_rule
from pipeline.reconcile.totals import (
    check_max,
    check_maxima,
    check_number_format,
    check_roles,
    check_sum,
    check_total_range,
    check_total_rule,
    computed_total,
    total_ceiling,
)
from pipeline.settings import ReconcileSettings

__all__ = [
    "ERROR",
    "INFO",
    "OCR_NEEDED",
    "SEVERITY",
    "WARNING",
    "TotalRule",
    "check_passed_over",
    "check_scores_in_prose",
    "check_unread_pages",
    "competition_ranks",
    "computed_total",
    "reconcile",
    "total_ceiling",
    "total_rule",
]

TableCheck = Callable[[str, Table], list[Flag]]
TABLE_CHECKS: tuple[TableCheck, ...] = (
    check_readable,
    check_sum,
    check_total_rule,
    check_roles,
    check_number_format,
    check_max,
    check_total_range,
    check_rank,
    check_band_order,
    check_band_thresholds,
    check_duplicates,
    check_row_numbers,
    check_missing_values,
    check_cut_rows,
    check_bands_known,
    check_maxima,
)


def reconcile(
    doc_id: str,
    metadata: Metadata,
    tables: tuple[Table, ...],
    settings: ReconcileSettings = ReconcileSettings(),
    passed_over: tuple[Line, ...] = (),
) -> tuple[Flag, ...]:
    """Every flag of one document: metadata, grids not read, then table by table."""
    flags = check_metadata(doc_id, metadata, tables) + check_passed_over(doc_id, passed_over)
    lent = lent_rules(tables)
    own_row = metadata.issuer is None or metadata.province is not None
    for table in tables:
        for check in TABLE_CHECKS:
            if table.index in lent and check in (check_sum, check_total_rule):
                flags.extend(check(doc_id, table, lent[table.index]))  # type: ignore[call-arg]
            elif check is check_rank:  # a national body's ranking prints no own row after it
                flags.extend(check_rank(doc_id, table, own_row))
            else:
                flags.extend(check(doc_id, table))
        flags.extend(check_band_boundary(doc_id, table, settings))
    return tuple(flags) + tuple(check_band_order_across(doc_id, tables))

"""Maxima read from a scan that do not add up: an ``over_max`` error resting on them is doubt.

A component's maximum is a number printed in the header ("Bảo mật và dự phòng (25)"), read by
OCR like any other, and an ``over_max`` error rests on it as much as on the score. The header
confirms its own maxima when they add up to the total's maximum. When they miss it by less than
the largest of them (one maximum misread, photo 9930's "(25)" read "(23)": every row's 24 over
"23"), the maxima are unconfirmed, and each ``over_max`` error of the table becomes a warning
that says so. Maxima that miss the total's by more (components each on a scale of their own,
weighted into the total) or a table without a total maximum are left as they are; so are
tables read from a text layer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal

from pipeline.models import Flag, Table
from pipeline.reconcile.common import WARNING


def doubted_maxima(tables: Iterable[Table]) -> dict[int, tuple[Decimal, Decimal]]:
    """Table index → (the maxima's sum, the total's maximum) of each OCR table whose maxima
    miss its total's maximum by less than the largest of them."""
    doubted = {}
    for table in tables:
        tops = [column.max_points for column in table.components()]
        if not any(entry.at.method == "ocr" for entry in table.entries):
            continue
        if table.total_max is None or not tops or None in tops:
            continue
        added = sum((top for top in tops if top is not None), Decimal(0))
        if 0 < abs(added - table.total_max) < max(top for top in tops if top is not None):
            doubted[table.index] = (added, table.total_max)
    return doubted


def temper_maxima(flags: Iterable[Flag], tables: Iterable[Table]) -> tuple[Flag, ...]:
    """The flags, each ``over_max`` error of a table whose OCR maxima do not add up a warning."""
    doubted = doubted_maxima(tables)
    return tuple(_tempered(flag, doubted) for flag in flags)


def _tempered(flag: Flag, doubted: dict[int, tuple[Decimal, Decimal]]) -> Flag:
    if flag.check != "over_max" or flag.severity != "error" or flag.table_index not in doubted:
        return flag
    added, total_max = doubted[flag.table_index]
    message = (
        f"{flag.message} Các điểm tối đa đọc từ ảnh cộng lại được {added}, không bằng tổng điểm "
        f"tối đa {total_max}: có thể một điểm tối đa đọc sai, cần đối chiếu bản gốc trước khi "
        "coi đây là lỗi của văn bản."
    )
    return replace(flag, severity=WARNING, message=message)

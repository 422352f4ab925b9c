"""The page's section of agencies over the years: per agency and index, its total and rank."""

from __future__ import annotations

from decimal import Decimal

import duckdb

from pipeline.messages import LABELS, label
from pipeline.report import page
from pipeline.report.charts import Dot, Point, distribution, trend
from pipeline.store import read

_PANEL = """
SELECT p.agency_id, p."index", p.level, p.agency_canonical, p.province, p.evaluation_year,
       p.total, e.total AS printed, p.rank, p.total_max
FROM panel p JOIN entries e USING (doc_id, table_index, entry_index)
WHERE p.evaluation_year IS NOT NULL
ORDER BY p."index", p.level NULLS LAST, p.province NULLS LAST, p.agency_canonical, p.agency_id,
         p.evaluation_year
"""


def agencies_section(con: duckdb.DuckDBPyConnection, lang: str) -> str:
    """Every agency ranked in two years or more, a chart per index and level."""
    groups: dict[tuple[str, str, str | None], list[read.Row]] = {}
    for row in read.rows(con, _PANEL):
        groups.setdefault((row["agency_id"], row["index"], row["level"]), []).append(row)
    words = LABELS[lang]
    blocks = []
    for (agency_id, index, level), years in groups.items():
        if len({row["evaluation_year"] for row in years}) < 2:
            continue
        first = years[0]
        points = [Point(r["evaluation_year"], r["total"], r["rank"], r["printed"]) for r in years]
        ceilings = [r["total_max"] for r in years if r["total_max"] is not None]
        named = words.get(f"index:{index}", index)
        name = f"{first['agency_canonical']} ({first['province'] or ''}) — {named}"
        chart = trend(points, max(ceilings, default=None), name, words)
        blocks.append(
            f'<figure class="agency" data-agency="{page.e(agency_id)}" '
            f'data-index="{page.e(index)}" data-level="{page.e(level)}" '
            f'data-province="{page.e(first["province"])}">{chart}'
            f"<figcaption>{page.e(name)}</figcaption></figure>"
        )
    if not blocks:
        return ""
    return (
        f'<section class="agencies"><h2>{page.words("agencies", lang)} ({len(blocks)})</h2>'
        f'<p class="legend">{page.words("trend_legend", lang)}</p>{"".join(blocks)}</section>'
    )


def table_distribution(table: read.PrintedTable, lang: str) -> str:
    """A table's totals as dots, the rows a flag is on red."""
    flagged = {entry_index for entry_index, _key in table.marks}
    dots = [
        Dot(entry["numbers"]["total"], entry["entry_index"] in flagged,
            f"{entry['row_number'] or ''} {entry['agency_raw'] or ''}: {entry['total']}")
        for entry in table.entries
        if isinstance(entry["numbers"].get("total"), Decimal)
    ]  # fmt: skip
    if not dots:
        return ""
    title = f"{label('table', lang)} {table.table_index}: {label('distribution', lang)}"
    return (
        f'<figure class="distribution">{distribution(dots, table.total_max, title)}'
        f"<figcaption>{page.e(title)}</figcaption></figure>"
    )

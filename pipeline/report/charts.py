"""Charts of the review page as inline SVG: no script, no library, the page stays one file.

``trend``: one agency's total and rank for one index over the years (rank 1 at the top).
``distribution``: a decision table's totals as a dot histogram, one dot per ranked row, the rows
a flag is on drawn red. Every dot carries a ``<title>`` (its tooltip) with the exact figure as
printed; coordinates are the only floats.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from html import escape

WIDTH, HEIGHT = 320, 140
MARGIN_X, MARGIN_Y = 36, 18
FLAGGED, PLAIN, RANK = "#c0392b", "#2c7fb8", "#7f7f7f"
BINS = 24


@dataclass(frozen=True, slots=True)
class Point:
    """One year of an agency: its total and rank (either may be absent)."""

    year: int
    total: Decimal | None
    rank: int | None
    printed: str | None = None  # the total as printed (canonical text), for the tooltip


@dataclass(frozen=True, slots=True)
class Dot:
    """One ranked row of a table: its total, whether a flag is on it, and what to call it."""

    total: Decimal
    flagged: bool
    label: str


def _svg(body: str, title: str, cls: str) -> str:
    return (
        f'<svg class="chart {cls}" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}">'
        f"<title>{escape(title)}</title>{body}</svg>"
    )


def _x(position: float) -> float:
    return MARGIN_X + position * (WIDTH - 2 * MARGIN_X)


def _y(share: float) -> float:
    """0 at the bottom, 1 at the top of the plotting area."""
    return HEIGHT - MARGIN_Y - share * (HEIGHT - 2 * MARGIN_Y)


def _text(x: float, y: float, text: str, anchor: str = "middle") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="10" text-anchor="{anchor}">'
            f"{escape(text)}</text>")  # fmt: skip


def trend(points: list[Point], ceiling: Decimal | None, title: str, words: dict[str, str]) -> str:
    """Total (blue, left scale) and rank (grey, right scale, 1 at the top) over the years."""
    years = sorted({p.year for p in points})
    span = max(len(years) - 1, 1)
    where = {year: _x(i / span if len(years) > 1 else 0.5) for i, year in enumerate(years)}
    totals = [p.total for p in points if p.total is not None]
    top = float(ceiling or max(totals, default=Decimal(1)) or 1)
    worst = max((p.rank for p in points if p.rank is not None), default=1)
    parts = [f'<line x1="{MARGIN_X}" y1="{_y(0):.1f}" x2="{WIDTH - MARGIN_X}" y2="{_y(0):.1f}" '
             'stroke="#999"/>']  # fmt: skip
    parts += [_text(where[y], HEIGHT - 4, str(y)) for y in years]
    parts += [
        _text(MARGIN_X - 4, _y(1) + 3, f"{top:g}", "end"),
        _text(MARGIN_X - 4, _y(0), "0", "end"),
    ]
    totals_drawn = [
        (
            where[p.year],
            _y(float(p.total) / top),
            f"{p.year}: {words['total']} {p.printed or p.total}",
        )
        for p in points
        if p.total is not None
    ]
    parts.append(_series(totals_drawn, PLAIN, "total"))
    parts.append(_series(
        [(where[p.year], _y(1 - (p.rank - 1) / max(worst - 1, 1)) if worst > 1 else _y(1),
          f"{p.year}: {words['rank']} {p.rank}") for p in points if p.rank is not None],
        RANK, "rank"))  # fmt: skip
    return _svg("".join(parts), title, "trend")


def _series(points: list[tuple[float, float, str]], colour: str, kind: str) -> str:
    if not points:
        return ""
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _tip in sorted(points))
    line = f'<polyline class="{kind}" fill="none" stroke="{colour}" points="{path}"/>'
    dots = "".join(
        f'<circle class="{kind}" cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}">'
        f"<title>{escape(tip)}</title></circle>"
        for x, y, tip in points
    )
    return line + dots


def distribution(dots: list[Dot], ceiling: Decimal | None, title: str) -> str:
    """Totals as stacked dots in BINS bins up to the table's maximum; flagged rows red.

    The scale starts at the tenth of the maximum just under the lowest total, so totals that
    crowd the top of the scale (most rankings) spread over the chart.
    """
    top = ceiling or max((d.total for d in dots), default=Decimal(1)) or Decimal(1)
    step = top / 10
    lowest = min((d.total for d in dots), default=Decimal(0))
    low = max(Decimal(0), (lowest / step).to_integral_value(rounding="ROUND_FLOOR") * step)
    low = low if low < top else Decimal(0)
    stacks: dict[int, int] = {}
    placed = []
    for dot in sorted(dots, key=lambda d: (d.total, d.flagged)):
        share = min(max(float((dot.total - low) / (top - low)), 0.0), 1.0)
        column = min(int(share * BINS), BINS - 1)
        stacks[column] = stacks.get(column, 0) + 1
        placed.append((column, stacks[column], dot))
    tallest = max(stacks.values(), default=1)
    rise = min(8.0, (HEIGHT - 2 * MARGIN_Y) / tallest)
    width = (WIDTH - 2 * MARGIN_X) / BINS
    body = [f'<line x1="{MARGIN_X}" y1="{_y(0) + 4:.1f}" x2="{WIDTH - MARGIN_X}" '
            f'y2="{_y(0) + 4:.1f}" stroke="#999"/>',
            _text(_x(0), HEIGHT - 2, f"{low.normalize():f}"),
            _text(_x(1), HEIGHT - 2, f"{top.normalize():f}")]  # fmt: skip
    for column, height, dot in placed:
        colour = FLAGGED if dot.flagged else PLAIN
        kind = "dot flagged" if dot.flagged else "dot"
        body.append(
            f'<circle class="{kind}" cx="{MARGIN_X + (column + 0.5) * width:.1f}" '
            f'cy="{_y(0) - (height - 0.5) * rise:.1f}" r="{min(rise, width) / 2 - 0.3:.1f}" '
            f'fill="{colour}"><title>{escape(dot.label)}</title></circle>'
        )
    return _svg("".join(body), title, "distribution")

"""Ruled (lattice) tables: ruling lines → snapped edges → one grid per connected frame.

Each table becomes the grid of every distinct column and row line in its frame; a grid position
with no rule between it and its neighbour is merged with it, so merged cells come out as one
region anchored at its top-left position.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

from pipeline.geometry.shapes import Glyph, Rule


class Edge(NamedTuple):
    """A snapped, joined rule: ``at`` is its y (horizontal) or x (vertical)."""

    at: float
    start: float
    end: float


class Frame(NamedTuple):
    """One ruled table: its column and row lines and the regions of merged positions."""

    xs: list[float]
    ys: list[float]
    anchor: dict[tuple[int, int], tuple[int, int]]  # position → top-left position of its region
    extent: dict[tuple[int, int], tuple[int, int]]  # top-left position → bottom-right position

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])

    def locate(self, x: float, y: float) -> tuple[int, int] | None:
        """The grid position holding a point, or None outside the frame."""
        column, row = bisect_right(self.xs, x) - 1, bisect_right(self.ys, y) - 1
        if 0 <= column < len(self.xs) - 1 and 0 <= row < len(self.ys) - 1:
            return (row, column)
        return None


def snap_edges(spans: list[tuple[float, float, float]], snap: float, join: float) -> list[Edge]:
    """Cluster (at, start, end) spans whose ``at`` differ by ≤ snap; join overlapping pieces."""
    edges: list[Edge] = []
    ordered = sorted(spans)
    start = 0
    for index in range(1, len(ordered) + 1):
        if index == len(ordered) or ordered[index][0] - ordered[index - 1][0] > snap:
            cluster = ordered[start:index]
            at = sum(span[0] for span in cluster) / len(cluster)
            edges.extend(join_spans(at, [(s, e) for _, s, e in cluster], join))
            start = index
    return edges


def join_spans(at: float, pieces: list[tuple[float, float]], join: float) -> list[Edge]:
    """Collinear pieces that overlap or nearly touch become one edge."""
    joined: list[Edge] = []
    for begin, end in sorted(pieces):
        if joined and begin <= joined[-1].end + join:
            last = joined[-1]
            joined[-1] = last._replace(end=max(last.end, end))
        else:
            joined.append(Edge(at, begin, end))
    return joined


def split_rules(rules: list[Rule], snap: float, join: float) -> tuple[list[Edge], list[Edge]]:
    """Horizontal and vertical edges from raw rules."""
    flat: list[tuple[float, float, float]] = []
    tall: list[tuple[float, float, float]] = []
    for x0, top, x1, bottom in rules:  # Rule.horizontal inlined
        if x1 - x0 >= bottom - top:
            flat.append((top, x0, x1))
        else:
            tall.append((x0, top, bottom))
    return snap_edges(flat, snap, join), snap_edges(tall, snap, join)


def connected_frames(
    flats: list[Edge], talls: list[Edge], tolerance: float
) -> list[tuple[list[Edge], list[Edge]]]:
    """Group edges that touch into frames (union-find over crossings)."""
    parent = list(range(len(flats) + len(talls)))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    # whether a flat and a tall edge meet, the talls' reach computed once: every pair passes
    reaches = [(tall.at, tall.start - tolerance, tall.end + tolerance) for tall in talls]
    for i, (at, start, end) in enumerate(flats):
        low, high = start - tolerance, end + tolerance
        for j, (x, top, bottom) in enumerate(reaches):
            if low <= x <= high and top <= at <= bottom:
                parent[root(i)] = root(len(flats) + j)
    groups: dict[int, tuple[list[Edge], list[Edge]]] = {}
    for i, flat in enumerate(flats):
        groups.setdefault(root(i), ([], []))[0].append(flat)
    for j, tall in enumerate(talls):
        groups.setdefault(root(len(flats) + j), ([], []))[1].append(tall)
    return list(groups.values())


def by_line(edges: list[Edge]) -> dict[float, list[Edge]]:
    """Edges grouped by the grid line they lie on."""
    lines: dict[float, list[Edge]] = {}
    for edge in edges:
        lines.setdefault(edge.at, []).append(edge)
    return lines


def build_frame(flats: list[Edge], talls: list[Edge], tolerance: float) -> Frame:
    """The grid of a frame, with positions merged where no rule divides them."""
    columns_at, rows_at = by_line(talls), by_line(flats)
    xs, ys = sorted(columns_at), sorted(rows_at)
    rows, columns = len(ys) - 1, len(xs) - 1
    parent = {(r, c): (r, c) for r in range(rows) for c in range(columns)}

    def root(node: tuple[int, int]) -> tuple[int, int]:
        while parent[node] != node:
            node = parent[node]
        return node

    def merge(a: tuple[int, int], b: tuple[int, int]) -> None:
        first, second = sorted((root(a), root(b)))
        parent[second] = first

    middles_y = [(ys[r] + ys[r + 1]) / 2 for r in range(rows)]
    middles_x = [(xs[c] + xs[c + 1]) / 2 for c in range(columns)]
    # which middles each inner line covers, line by line: one pass over its edges
    divides_right = [covered(columns_at[x], middles_y, tolerance) for x in xs[1:-1]]
    divides_below = [covered(rows_at[y], middles_x, tolerance) for y in ys[1:-1]]
    for r in range(rows):
        for c in range(columns):
            if c + 1 < columns and not divides_right[c][r]:
                merge((r, c), (r, c + 1))
            if r + 1 < rows and not divides_below[r][c]:
                merge((r, c), (r + 1, c))
    return frame_of(xs, ys, {node: root(node) for node in parent})


def covered(edges: list[Edge], middles: list[float], tolerance: float) -> list[bool]:
    """For each middle, whether one of the edges on a grid line runs past it."""
    reaches = [(edge.start - tolerance, edge.end + tolerance) for edge in edges]
    if len(reaches) == 1:  # most grid lines: one rule across the table
        ((low, high),) = reaches
        return [low <= middle <= high for middle in middles]
    return [any(low <= middle <= high for low, high in reaches) for middle in middles]


def frame_of(xs: list[float], ys: list[float], anchor: dict) -> Frame:
    """A frame from its lines and each position's anchor; extents are computed here."""
    extent: dict[tuple[int, int], tuple[int, int]] = {}
    for node, top_left in anchor.items():
        last = extent.get(top_left, top_left)
        extent[top_left] = (max(last[0], node[0]), max(last[1], node[1]))
    return Frame(xs, ys, anchor, extent)


def find_frames(
    rules: list[Rule], snap: float, join: float, min_rows: int, min_cols: int
) -> list[Frame]:
    """Every ruled table on a page, top to bottom."""
    flats, talls = split_rules(rules, snap, join)
    frames = []
    for group_flats, group_talls in connected_frames(flats, talls, snap):
        xs = {edge.at for edge in group_talls}
        ys = {edge.at for edge in group_flats}
        if len(ys) - 1 >= min_rows and len(xs) - 1 >= min_cols:
            frames.append(build_frame(group_flats, group_talls, snap))
    return sorted(frames, key=lambda frame: (frame.ys[0], frame.xs[0]))


def assign_glyphs(frame: Frame, glyphs: list[Glyph]) -> tuple[dict, list[Glyph]]:
    """Glyphs inside the frame, by the anchor of the region holding their centre; the rest."""
    inside: dict[tuple[int, int], list[Glyph]] = {}
    outside: list[Glyph] = []
    xs, ys, anchor = frame.xs, frame.ys, frame.anchor
    left, top, right, bottom = xs[0], ys[0], xs[-1], ys[-1]
    for glyph in glyphs:  # Frame.locate inlined: every glyph of the page passes here
        _, x0, y0, x1, y1, _ = glyph
        x, y = (x0 + x1) / 2, (y0 + y1) / 2
        if not (left <= x < right and top <= y < bottom):
            outside.append(glyph)
            continue
        region = anchor[(bisect_right(ys, y) - 1, bisect_right(xs, x) - 1)]
        held = inside.get(region)
        if held is None:
            inside[region] = [glyph]
        else:
            held.append(glyph)
    return inside, outside

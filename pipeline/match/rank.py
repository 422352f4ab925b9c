"""Scoring and ranking: every printed name of a table against its block at once, best unit first.

Place names keep their word order ("Tân Bình" is not "Bình Tân"); agency names may not ("Sở Văn
hóa, Du lịch và Thể thao"), so they score the better of plain and sorted words (``ratio`` of
sorted words is ``token_sort_ratio``). A choice printed with another type word ("huyện" where
the registry says "thị xã") or named outside the evaluation period loses points; each unit
keeps its best choice; units rank by score, then id.

The names of a batch are scored together with rapidfuzz's ``cdist`` and ranked with numpy
(100,000 names of a table in a few seconds, issue 18); a name's ranking is what scoring it
alone gives.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz, process

from pipeline.match.keys import TYPE_WORDS, Key
from pipeline.match.settings import MatchSettings

if TYPE_CHECKING:
    from pipeline.match.blocks import Block, Choice

CHUNK = 2048  # names scored per numpy pass at most
CELLS = 500_000  # names × choices per pass: 4 MB an array (ten alive at once), any block
TYPE_CODES = {kind: code for code, (kind, _) in enumerate(TYPE_WORDS, start=1)}  # None → 0

Ranked = list[tuple[float, "Choice"]]  # (score, choice), best unit first


@dataclass(frozen=True, eq=False)
class Layout:
    """A block's choices as arrays: where their scores come from, their units and penalties."""

    plain_of: np.ndarray  # per choice: its column among the block's plain texts
    unordered: np.ndarray  # the choices also scored by sorted words (no type word)
    unordered_of: np.ndarray  # … and their columns among the sorted texts
    type_codes: np.ndarray  # per choice: TYPE_CODES of its type word, 0 for none
    out_of_period: np.ndarray  # per choice: a name the unit did not bear that year
    by_unit: np.ndarray  # choice positions grouped by unit, units in id order
    starts: np.ndarray  # where each unit's group starts in ``by_unit``
    unit_of_column: np.ndarray  # per position of ``by_unit``: the unit's index


def sort_words(core: str) -> str:
    """The words of a core in sorted order: ``ratio`` of these is ``token_sort_ratio``."""
    return " ".join(sorted(core.split()))


def make_layout(
    keys: Sequence[Key],
    unit_ids: Sequence[str],
    in_period: Sequence[bool],
    plain_texts: Sequence[str],
    unordered_texts: Sequence[str],
) -> Layout:
    """The arrays of one block's choices (keys, units and periods in choice order)."""
    plain_column = {text: j for j, text in enumerate(plain_texts)}
    sorted_column = {text: j for j, text in enumerate(unordered_texts)}
    unordered = [i for i, key in enumerate(keys) if key.type is None]
    groups: dict[str, list[int]] = {}
    for i, unit_id in enumerate(unit_ids):
        groups.setdefault(unit_id, []).append(i)
    ordered_groups = [groups[unit_id] for unit_id in sorted(groups)]
    sizes = [len(group) for group in ordered_groups]
    return Layout(
        plain_of=np.array([plain_column[key.core] for key in keys], dtype=np.intp),
        unordered=np.array(unordered, dtype=np.intp),
        unordered_of=np.array(
            [sorted_column[sort_words(keys[i].core)] for i in unordered], dtype=np.intp
        ),
        type_codes=np.array([TYPE_CODES.get(key.type or "", 0) for key in keys], dtype=np.int8),
        out_of_period=~np.array(in_period, dtype=bool),
        by_unit=np.array([i for group in ordered_groups for i in group], dtype=np.intp),
        starts=np.cumsum([0, *sizes[:-1]], dtype=np.intp),
        unit_of_column=np.repeat(np.arange(len(sizes)), sizes),
    )


def rank_names(
    keys: Sequence[Key],
    block: Block,
    settings: MatchSettings,
    slack: float | None,
    *,
    cut: bool = False,
    keep: int | None = None,
) -> list[Ranked]:
    """Per name: the best choice of each unit scoring within ``slack`` of the best (all units
    when None), as (penalised score, choice), best unit first.

    With ``cut``, a name's list holds only what its decision reads (``break_ties``, ``decide``):
    the units within ``min_margin`` of the best and the two after them, then, further down, the
    units the name is a registry spelling of. Most of a 100,000-name batch's time went into
    lists nobody read. With ``keep``, at most that many units a name (a reviewer's top five).
    """
    if not block.choices:
        return [[] for _ in keys]
    out: list[Ranked] = []
    size = max(1, min(CHUNK, CELLS // len(block.choices)))  # a commune block is 10,000 wide
    for start in range(0, len(keys), size):
        chunk = keys[start : start + size]
        ranked_scores, ranked_choices, counts = _rank_chunk(chunk, block, settings, slack)
        if keep is not None:
            counts = np.minimum(counts, keep)
        margin = settings.min_margin if cut else None
        out += _lists(chunk, block, (ranked_scores, ranked_choices, counts), margin)
    return out


def _lists(
    keys: Sequence[Key],
    block: Block,
    ranking: tuple[np.ndarray, np.ndarray, np.ndarray],
    margin: float | None,
) -> list[Ranked]:
    """The ranked (score, choice) lists of ``_rank_chunk``'s arrays, cut by ``margin`` (see
    ``rank_names``)."""
    ranked_scores, ranked_choices, counts = ranking
    if margin is None:
        kept = counts
    else:
        near = (ranked_scores[:, :1] - ranked_scores < margin) & (ranked_scores >= 0.0)
        kept = np.minimum(near.sum(axis=1) + 2, counts)
    choice_at = block.choices.__getitem__
    inside = np.arange(ranked_scores.shape[1]) < kept[:, None]  # row-major: rows one after another
    pairs = list(
        zip(
            ranked_scores[inside].tolist(),
            map(choice_at, ranked_choices[inside].tolist()),
            strict=True,
        )
    )
    ends = np.cumsum(kept).tolist()
    starts = [0, *ends[:-1]]
    out = [pairs[start:end] for start, end in zip(starts, ends, strict=True)]
    for row, count in enumerate(counts.tolist()):
        cut_at = ends[row] - starts[row]
        spelled = block.by_light.get(keys[row].light) if cut_at < count else None
        if spelled:
            units = {block.choices[i].name.unit_id for i in spelled}
            tail = zip(
                ranked_scores[row, cut_at:count].tolist(),
                map(choice_at, ranked_choices[row, cut_at:count].tolist()),
                strict=True,
            )
            out[row] += [pair for pair in tail if pair[1].name.unit_id in units]
    return out


def _raw_scores(
    keys: Sequence[Key], layout: Layout, texts: tuple[Sequence[str], Sequence[str]]
) -> tuple[np.ndarray, np.ndarray]:
    """(score of each name with each choice, each name's best score): plain words, or sorted
    words where word order does not matter, whichever is better. Choices come in ``by_unit``
    order (grouped by unit), as ``_rank_chunk`` reads them."""
    plain = _ratios([key.core for key in keys], texts[0])
    raw = plain[:, layout.plain_of[layout.by_unit]]
    best = plain.max(axis=1)
    if len(layout.unordered):
        unordered = _ratios([sort_words(key.core) for key in keys], texts[1])
        best = np.maximum(best, unordered.max(axis=1))
        at = np.empty_like(layout.by_unit)
        at[layout.by_unit] = np.arange(len(layout.by_unit))  # each choice's grouped column
        columns = at[layout.unordered]
        raw[:, columns] = np.maximum(raw[:, columns], unordered[:, layout.unordered_of])
    return raw, best


def _ratios(queries: Sequence[str], texts: Sequence[str]) -> np.ndarray:
    """``fuzz.ratio`` of every query with every text, in double precision (as one at a time)."""
    return process.cdist(queries, texts, scorer=fuzz.ratio, dtype=np.float64, workers=1)


def _penalised(keys: Sequence[Key], layout: Layout, raw: np.ndarray, settings: MatchSettings):
    """Raw scores (choices in ``by_unit`` order) less the type and period penalties, never
    below 0."""
    types = np.array([TYPE_CODES.get(key.type or "", 0) for key in keys], dtype=np.int8)[:, None]
    type_codes = layout.type_codes[layout.by_unit]
    other_type = (types != 0) & (type_codes != 0) & (types != type_codes)
    scores = np.where(other_type, raw - settings.type_penalty, raw)
    out_of_period = layout.out_of_period[layout.by_unit]
    if out_of_period.any():
        scores = np.where(out_of_period, scores - settings.period_penalty, scores)
    return np.maximum(scores, 0.0)


def _rank_chunk(
    keys: Sequence[Key], block: Block, settings: MatchSettings, slack: float | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For at most CHUNK names: the units' best scores, best first (-1: left out), the choice
    of each, and how many units are in."""
    layout = block.layout
    raw, best = _raw_scores(keys, layout, (block.plain[0], block.unordered[0]))
    floor = best - slack - 0.01 if slack is not None else np.full(len(keys), -1.0)
    grouped = np.where(raw >= floor[:, None], _penalised(keys, layout, raw, settings), -1.0)
    unit_best = np.maximum.reduceat(grouped, layout.starts, axis=1)
    reaching = grouped == unit_best[:, layout.unit_of_column]
    columns = np.arange(grouped.shape[1])
    first = np.minimum.reduceat(np.where(reaching, columns, len(columns)), layout.starts, axis=1)
    order = np.argsort(-unit_best, axis=1, kind="stable")  # ties: units in id order
    ranked_scores = np.take_along_axis(unit_best, order, axis=1)
    ranked_choices = layout.by_unit[np.take_along_axis(first, order, axis=1)]
    return ranked_scores, ranked_choices, (unit_best >= 0.0).sum(axis=1)

"""The batch ranking (rapidfuzz cdist, numpy, cut lists) against the plain definition (issue 18).

The reference below scores one name at a time with ``fuzz.ratio`` and dictionaries, as the
matcher did before it scored a table's names together; the batch must give the same ranked
units, and the decisions read from its cut lists must be those read from the whole lists.
"""

from __future__ import annotations

import csv
import gc
from pathlib import Path

import numpy as np
import pytest
from rapidfuzz import fuzz

from pipeline.match import MatchSettings, build_block, levels_for, match_names, resolve_province
from pipeline.match.blocks import Block, Choice, province_words
from pipeline.match.decide import break_ties, decide, slack_of
from pipeline.match.keys import infer_level, make_key
from pipeline.match.rank import CHUNK, _lists, rank_names, sort_words
from pipeline.registry import Registry, load_registry

VARIANTS = Path(__file__).resolve().parent / "match_eval" / "variants.csv"
SETTINGS = MatchSettings()


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with VARIANTS.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def reference(core: str, key_type: str | None, block: Block) -> list[tuple[float, Choice]]:
    """Every unit's best choice, one name at a time: plain words, sorted words for names
    without a type word, penalties, best score first then unit id."""
    best: dict[str, tuple[float, Choice]] = {}
    for choice in block.choices:
        score = fuzz.ratio(core, choice.key.core)
        if choice.key.type is None:
            score = max(score, fuzz.ratio(sort_words(core), sort_words(choice.key.core)))
        if key_type and choice.key.type and key_type != choice.key.type:
            score -= SETTINGS.type_penalty
        if not choice.in_period:
            score -= SETTINGS.period_penalty
        unit_id = choice.name.unit_id
        if unit_id not in best or score > best[unit_id][0]:
            best[unit_id] = (max(score, 0.0), choice)
    return sorted(best.values(), key=lambda pair: (-pair[0], pair[1].name.unit_id))


def context(row: dict[str, str], registry: Registry):  # noqa: ANN201 - (key, block)
    province_ids = resolve_province(registry, row["province"] or None, year_of(row))
    levels = levels_for(row["level"] or None, row["name"])
    block = build_block(registry, province_ids, levels, year_of(row))
    level = levels[0] if len(levels) == 1 else infer_level(row["name"])
    return make_key(row["name"], level, province_words(registry, province_ids)), block


def year_of(row: dict[str, str]) -> int | None:
    return int(row["year"]) if row["year"] else None


def test_batch_ranking_is_the_one_name_definition(registry, rows) -> None:
    for row in rows:
        key, block = context(row, registry)
        (ranked,) = rank_names([key], block, SETTINGS, None)
        expected = reference(key.core, key.type, block)
        assert [(s, c.name) for s, c in ranked] == [(s, c.name) for s, c in expected], row


def test_cut_lists_decide_as_the_whole_lists(registry, rows) -> None:
    decided = 0
    for row in rows:
        key, block = context(row, registry)
        (whole,) = rank_names([key], block, SETTINGS, slack_of(SETTINGS))
        (cut,) = rank_names([key], block, SETTINGS, slack_of(SETTINGS), cut=True)
        assert len(cut) <= len(whole)
        outcomes = [
            decide(
                key,
                block,
                break_ties(row["name"], key, r, registry, None, SETTINGS),
                SETTINGS,
                registry,
            )
            for r in (whole, cut)
        ]
        assert outcomes[0] == outcomes[1], row
        decided += outcomes[0].status in ("exact", "alias", "fuzzy")
    assert decided > len(rows) // 2  # the rows are mostly confident matches: a real check


def test_a_batch_past_one_chunk_matches_as_names_one_at_a_time(registry, rows) -> None:
    base = [r["name"] for r in rows if r["province"] == "Lào Cai"]
    names = [f"{base[i % len(base)]} {i // len(base)}" for i in range(CHUNK + 300)]
    context = {"province": "Lào Cai", "level": None, "year": 2016}
    together = match_names(names, registry, **context)  # type: ignore[arg-type]
    for position in range(0, len(names), 7):
        alone = match_names([names[position]], registry, **context)  # type: ignore[arg-type]
        assert together[position] == alone[0], names[position]


def test_a_registry_spelling_far_down_the_ranking_stays_in_the_cut_list(registry) -> None:
    province_ids = resolve_province(registry, "Lào Cai", 2016)
    block = build_block(registry, province_ids, ("province_agency",), 2016)
    firsts = block.layout.by_unit[block.layout.starts]  # one choice of each unit
    spelled = int(firsts[9])
    key = make_key(
        block.choices[spelled].name.text, "province_agency", province_words(registry, province_ids)
    )
    scores = np.array([[100.0, 99.0, 98.0, 90.0, 89.0, 88.0, 87.0, 86.0, 85.0, 84.0, 83.0, -1.0]])
    choices = np.array([firsts[:12]])
    (cut,) = _lists([key], block, (scores, choices, np.array([11])), SETTINGS.min_margin)
    assert [score for score, _ in cut] == [100.0, 99.0, 98.0, 90.0, 89.0, 84.0]
    assert cut[-1][1] is block.choices[spelled]
    (whole,) = _lists([key], block, (scores, choices, np.array([11])), None)
    assert len(whole) == 11


def test_a_bulk_batch_runs_without_the_cycle_collector_and_gives_it_back(registry, rows) -> None:
    names = [f"{row['name']} {i}" for i, row in enumerate(rows * 3)]  # 1,629 distinct names
    collections: list[int] = []  # the generation of each collection that ran
    gc.callbacks.append(
        lambda phase, info: phase == "start" and collections.append(info["generation"])
    )
    try:
        match_names(names, registry, province="Lào Cai", level=None, year=2016)
    finally:
        gc.callbacks.pop()
    assert gc.isenabled()
    assert len(collections) <= 1  # hundreds without the pause; one may follow it

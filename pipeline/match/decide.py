"""Ranking and decisions: the best unit per printed name, or review when two score alike.

A wrong confident match is worse than none: whenever two units score alike the outcome is
``review``, never a guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date
from itertools import takewhile

from pipeline.collector import collector_paused
from pipeline.frozen import maker
from pipeline.match.blocks import (
    Block,
    Choice,
    build_block,
    province_words,
    resolve_district,
    resolve_province,
)
from pipeline.match.keycache import KeyCache
from pipeline.match.keys import (
    Key,
    accented_core,
    infer_level,
    key_of,
    level_of,
    light_key,
    make_key,
)
from pipeline.match.rank import rank_names
from pipeline.match.settings import MatchSettings
from pipeline.models import Match
from pipeline.registry import LEVELS, Registry

ALL_BELOW_PROVINCE = ("province_agency", "district", "commune")
PAUSE_COLLECTOR_NAMES = 1_000  # more names than a table prints: a bulk call
SHARED_WORDS = 50_000  # chunks the process-wide cache of printed names keeps at most


@dataclass(frozen=True, slots=True)
class Candidate:
    """One registry unit a printed name may mean, with its score."""

    agency_id: str
    name: str  # the unit's latest official name
    score: float
    level: str
    admin_code: str | None
    matched_name: str  # the registry spelling that scored best


def slack_of(settings: MatchSettings) -> float:
    """How far below the best a choice may score and still change the outcome."""
    return settings.type_penalty + settings.period_penalty + settings.min_margin


def exact_status(
    key: Key, block: Block, ranked: list[tuple[float, Choice]]
) -> tuple[str, str, bool] | None:
    """(status, unit id, reviewed) when the printed name is a registry spelling of one unit.

    Only units still in ``ranked`` count: a tie broken by ``break_ties`` is not undone here.
    """
    positions = block.by_light.get(key.light)
    if not positions:
        return None
    ranked_ids = {choice.name.unit_id for _, choice in ranked}
    hits = [block.choices[i] for i in positions]
    hits = [choice for choice in hits if choice.name.unit_id in ranked_ids]
    reviewed = {c.name.unit_id for c in hits if c.name.kind == "reviewed"}
    if len(reviewed) == 1:
        return "alias", reviewed.pop(), True
    units = {c.name.unit_id for c in hits}
    if len(units) != 1:
        return None
    official = any(c.name.kind == "official" and c.in_period for c in hits)
    return ("exact" if official else "alias"), units.pop(), False


def decide(
    key: Key,
    block: Block,
    ranked: list[tuple[float, Choice]],
    settings: MatchSettings,
    registry: Registry,
) -> Match:
    """The outcome for one name: exact | alias | fuzzy | review | unmatched."""
    if not ranked or key.light in block.rejected:
        return Match(None, None, None, None, "unmatched")
    exact = exact_status(key, block, ranked)
    if exact:  # a registry spelling: sure unless another unit scores as well
        status, unit_id, reviewed = exact
        mine = next(pair for pair in ranked if pair[1].name.unit_id == unit_id)
        others = [pair for pair in ranked if pair[1].name.unit_id != unit_id]
        runner = others[0] if others else None
        if reviewed or runner is None or mine[0] > runner[0]:
            return make_match(registry, mine[1], mine[0], runner, status)
    score, choice = ranked[0]
    runner = ranked[1] if len(ranked) > 1 else None
    margin = score - runner[0] if runner else 100.0
    if score >= 100.0 and margin >= settings.min_margin:
        status = "alias"  # same words once accents, abbreviations and punctuation are set aside
    elif score >= settings.fuzzy_threshold and margin >= settings.min_margin:
        status = "fuzzy"
    elif score >= settings.review_threshold:
        status = "review"
    else:
        status = "unmatched"
    return make_match(registry, choice, score, runner, status)


def break_ties(
    printed: str,
    key: Key,
    ranked: list[tuple[float, Choice]],
    registry: Registry,
    as_of: date | None,
    settings: MatchSettings,
    cache: KeyCache | None = None,
) -> list[tuple[float, Choice]]:
    """Settle a near-tie at the top on hard evidence only; anything else stays a tie (review).

    A unit and its own successor (a department of a province merged in 2025): the one in force
    on the decision date, else the successor. A name printed with the accents of exactly one of
    the tied units ("Hậu Giang", not "Hà Giang"), of the same type and in force that year: that
    unit.
    """
    if len(ranked) < 2 or ranked[0][0] - ranked[1][0] >= settings.min_margin:
        return ranked  # no near-tie (most names): nothing to settle
    top = list(takewhile(lambda pair: ranked[0][0] - pair[0] < settings.min_margin, ranked))
    if len(top) < 2:
        return ranked
    rest = ranked[len(top) :]
    top = _drop_superseded(top, key, registry, as_of)
    fitting = [pair for pair in top if pair[1].in_period and _same_type(key, pair[1])]
    if fitting and len(top) > 1:
        printed_core = accented_core(printed, cache.light if cache else light_key)
        same_accents = [pair for pair in fitting if pair[1].accented == printed_core]
        if len(same_accents) == 1:
            top = same_accents
    return top + rest


def _same_type(key: Key, choice: Choice) -> bool:
    """The printed type word (huyện, thị xã …) agrees with the registry name's, or one has none."""
    return key.type is None or choice.key.type in (None, key.type)


def _drop_superseded(
    top: list[tuple[float, Choice]], key: Key, registry: Registry, as_of: date | None
) -> list[tuple[float, Choice]]:
    """Of a unit and its successor both near the top, keep the one the evidence points to.

    Evidence: in force on the decision date (``as_of``); else, the spelling that matched was
    in force in the evaluation year. Without either, both stay (a tie goes to review).
    """
    choices = {choice.name.unit_id: choice for _, choice in top}
    dropped = set()
    for unit_id, choice in choices.items():
        for successor_id in registry.unit(unit_id).successor_ids:
            if successor_id in choices:
                dropped |= _superseded(choice, choices[successor_id], key, registry, as_of)
    return [pair for pair in top if pair[1].name.unit_id not in dropped]


def _superseded(
    old: Choice, new: Choice, key: Key, registry: Registry, as_of: date | None
) -> set[str]:
    """The id to drop of a predecessor/successor pair, or nothing when the evidence is even.

    The unit kept must agree with the printed type word; otherwise the tie stands.
    """
    for evidence in (
        (lambda c: registry.unit(c.name.unit_id).valid_on(as_of)) if as_of else None,
        lambda c: c.in_period,
    ):
        if evidence is None:
            continue
        old_fits, new_fits = evidence(old), evidence(new)
        if old_fits != new_fits:
            kept, drop = (old, new) if old_fits else (new, old)
            return {drop.name.unit_id} if _same_type(key, kept) else set()
    return set()


def make_match(
    registry: Registry,
    choice: Choice,
    score: float,
    runner: tuple[float, Choice] | None,
    status: str,
) -> Match:
    """A Match; review and unmatched carry no id, only the candidates."""
    unit = registry.unit(choice.name.unit_id)
    sure = status in ("exact", "alias", "fuzzy")
    return _MATCH(  # Match(agency_id, canonical, admin_code, score, status, runner_up, …_score)
        unit.id if sure else None,
        unit.name if sure else None,
        unit.admin_code if sure and unit.level != "province_agency" else None,
        round(score, 1),
        status,
        unit.id if not sure else runner[1].name.unit_id if runner else None,
        round(score, 1) if not sure else round(runner[0], 1) if runner else None,
    )


_MATCH = maker(Match)  # a bulk call makes its matches by the 100,000 (``pipeline.frozen``)


# ── public API ──────────────────────────────────────────────────────────────────────────────


def levels_for(level: str | None, name: str | None) -> tuple[str, ...]:
    """The level given, else the one the name announces, else every level below the province."""
    return levels_of(level or (infer_level(name) if name else None))


def levels_of(chosen: str | None) -> tuple[str, ...]:
    """The level chosen, else every level below the province."""
    return (chosen,) if chosen in LEVELS else ALL_BELOW_PROVINCE


def prepare(
    name: str, level: str | None, words: tuple[str, ...], cache: KeyCache
) -> tuple[tuple[str, ...], Key]:
    """The levels to search for one printed name, and its key (folded and expanded once)."""
    expanded, light = cache.fold_expand(name)
    inferred = level_of(expanded) if not level or level not in LEVELS else None
    levels = levels_of(level or inferred)
    return levels, key_of(expanded, light, levels[0] if len(levels) == 1 else inferred, words)


def match_names(
    names: Sequence[str],
    registry: Registry,
    *,
    province: str | None,
    level: str | None,
    year: int | None,
    settings: MatchSettings = MatchSettings(),  # noqa: B008 - frozen
    district: str | None = None,
    as_of: date | None = None,
) -> list[Match]:
    """Match printed names of one table; duplicates and shared words are keyed once.

    ``district`` narrows communes to the issuing district's; ``as_of`` (the decision date)
    settles a tie between a unit and its successor.
    """
    # a bulk call allocates keys, rankings and matches by the 100,000; a table's few names not
    bulk = len(names) >= PAUSE_COLLECTOR_NAMES
    with collector_paused() if bulk else nullcontext():
        return _match_names(names, registry, province, level, year, settings, district, as_of)


def _match_names(
    names: Sequence[str],
    registry: Registry,
    province: str | None,
    level: str | None,
    year: int | None,
    settings: MatchSettings,
    district: str | None,
    as_of: date | None,
) -> list[Match]:
    """``match_names``."""
    province_ids = resolve_province(registry, province, year)
    district_ids = resolve_district(registry, province_ids, district, year)
    words = province_words(registry, province_ids)
    cache = KeyCache() if len(names) >= PAUSE_COLLECTOR_NAMES else printed_words(registry)
    by_levels: dict[tuple[str, ...], list[tuple[str, Key]]] = {}
    for name in dict.fromkeys(names):
        levels, key = prepare(name, level, words, cache)
        by_levels.setdefault(levels, []).append((name, key))
    results: dict[str, Match] = {}
    for levels, keyed in by_levels.items():
        block = build_block(registry, province_ids, levels, year, district_ids)
        keys = [key for _, key in keyed]
        for (name, key), ranked in zip(
            keyed, rank_names(keys, block, settings, slack_of(settings), cut=True), strict=True
        ):
            ranked = break_ties(name, key, ranked, registry, as_of, settings, cache)
            results[name] = decide(key, block, ranked, settings, registry)
    return [results[name] for name in names]


def printed_words(registry: Registry) -> KeyCache:
    """The words of the tables' names this process has keyed: every table of a batch prints
    "Sở", "huyện" and its province's names again. Emptied past ``SHARED_WORDS`` chunks (a long
    batch's figures and one-off words); a bulk call keys its names in a cache of its own."""
    cache = registry.memoized("printed_words", KeyCache)
    if len(cache.expanded) > SHARED_WORDS:
        cache.clear()
    return cache


def candidates(
    name: str,
    registry: Registry,
    *,
    province: str | None,
    level: str | None,
    year: int | None,
    limit: int = 5,
    settings: MatchSettings = MatchSettings(),  # noqa: B008 - frozen
    district: str | None = None,
) -> list[Candidate]:
    """The best ``limit`` units for one printed name, best first (for review and `match`)."""
    province_ids = resolve_province(registry, province, year)
    levels = levels_for(level, name)
    district_ids = resolve_district(registry, province_ids, district, year)
    block = build_block(registry, province_ids, levels, year, district_ids)
    key = make_key(
        name,
        levels[0] if len(levels) == 1 else infer_level(name),
        province_words(registry, province_ids),
    )
    (ranked,) = rank_names([key], block, settings, None, keep=limit)
    out = []
    for score, choice in ranked[:limit]:
        unit = registry.unit(choice.name.unit_id)
        out.append(
            Candidate(
                unit.id, unit.name, round(score, 1), unit.level, unit.admin_code, choice.name.text
            )
        )
    return out

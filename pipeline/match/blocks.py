"""Blocks: the keyed registry names of one province, level and year, and scoring against them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from pipeline.frozen import maker
from pipeline.match.keycache import KeyCache
from pipeline.match.keys import (
    Key,
    accented_core,
    expand,
    fold,
    key_of,
    light_key,
    make_key,
    split_type,
)
from pipeline.match.rank import Layout, make_layout, sort_words
from pipeline.registry import Name, Registry

# Distinct strings to score, and the choice positions each one stands for (names share cores).
Scorable = tuple[tuple[str, ...], tuple[tuple[int, ...], ...]]


@dataclass(frozen=True, slots=True)
class Choice:
    """One registry name, keyed, of one candidate unit."""

    name: Name
    key: Key
    accented: str  # accented_core of the name: settles a tie ("Hậu Giang", not "Hà Giang")
    in_period: bool


@dataclass(frozen=True)
class Block:
    """The choices a name of this province, level and year is compared with."""

    choices: tuple[Choice, ...]
    cores: tuple[str, ...]
    ordered: tuple[bool, ...]  # word order matters: every level but province_agency and ministry
    layout: Layout  # the choices as arrays, for scoring many names at once
    by_core: dict[str, tuple[int, ...]] = field(default_factory=dict)
    by_light: dict[str, tuple[int, ...]] = field(default_factory=dict)
    rejected: frozenset[str] = frozenset()
    plain: Scorable = ((), ())  # every choice by its core
    unordered: Scorable = ((), ())  # the choices whose word order does not matter, words sorted


def province_words(registry: Registry, province_ids: Iterable[str]) -> tuple[str, ...]:
    """Folded names of the block's provinces, longest first ("tinh lao cai", "lao cai").

    Computed once per registry and provinces (every table of a batch asks again)."""
    ids = tuple(province_ids)
    return registry.memoized(("province_words", ids), lambda: _province_words(registry, ids))


def _province_words(registry: Registry, province_ids: tuple[str, ...]) -> tuple[str, ...]:
    """``province_words`` computed."""
    words = set()
    for pid in province_ids:
        for name in registry.names_of("province", None):
            if name.unit_id == pid:
                tokens = expand(fold(name.text))
                words.add(" ".join(tokens))
                words.add(" ".join(split_type(tokens)[1]))
    return tuple(sorted(words, key=len, reverse=True))


def resolve_province(registry: Registry, province: str | None, year: int | None) -> tuple[str, ...]:
    """Province ids a printed province name means in ``year`` (all of them: "Lào Cai" in 2025)."""
    if not province:
        return ()
    core = make_key(province, "province").core
    hits = _province_cores(registry).get(core, set())
    in_year = tuple(sorted(i for i in hits if registry.unit(i).valid_in(year)))
    return in_year or tuple(sorted(hits))


def resolve_district(
    registry: Registry, province_ids: Sequence[str], district: str | None, year: int | None
) -> frozenset[str]:
    """District ids a printed district name ("huyện Thọ Xuân") means within the provinces."""
    if not district or not province_ids:
        return frozenset()
    core = make_key(district, "district").core
    return frozenset(
        unit_id
        for pid in province_ids
        for unit_id, name_core in _district_cores(registry, pid)
        if registry.unit(unit_id).valid_in(year) and name_core == core
    )


def _district_cores(registry: Registry, province_id: str) -> tuple[tuple[str, str], ...]:
    """(unit id, key core) of every district name of a province, computed once per registry."""
    return registry.memoized(
        ("district_cores", province_id),
        lambda: tuple(
            (name.unit_id, make_key(name.text, "district").core)
            for name in registry.names_of("district", province_id)
        ),
    )


def _province_cores(registry: Registry) -> dict[str, set[str]]:
    """Province ids by the core of each of their names, computed once per registry."""

    def build() -> dict[str, set[str]]:
        cores: dict[str, set[str]] = {}
        for name in registry.provinces_named():
            cores.setdefault(make_key(name.text, "province").core, set()).add(name.unit_id)
        return cores

    return registry.memoized("province_cores", build)


def build_block(
    registry: Registry,
    province_ids: Sequence[str],
    levels: Sequence[str],
    year: int | None,
    district_ids: frozenset[str] = frozenset(),
) -> Block:
    """Key every name of the candidate units once; index exact keys.

    Communes ranked by a district's decision are looked for in that district only (same-named
    communes are common across a province), unless none of its communes is in the registry.
    A block depends on the registry alone, so it is built once per registry; a national one
    (no province known) once for every process and run (``store``).
    """
    key = ("block", tuple(province_ids), tuple(levels), year, district_ids)

    def build() -> Block:
        return _build_block(registry, province_ids, levels, year, district_ids)

    if province_ids:
        return registry.memoized(key, build)
    from pipeline.match.store import kept_block  # it imports this module's Block

    # The whole country's names (no province known): read from disk when a process built it.
    return registry.memoized(key, lambda: kept_block(registry, key, build))


# Each worker builds the blocks of the provinces it meets: their choices made without
# ``__init__`` (``pipeline.frozen``).
_CHOICE = maker(Choice)


def _build_block(
    registry: Registry,
    province_ids: Sequence[str],
    levels: Sequence[str],
    year: int | None,
    district_ids: frozenset[str],
) -> Block:
    """Key every name of the candidate units (see build_block)."""
    words = province_words(registry, province_ids)
    choices = []
    for level in levels:
        scopes: Sequence[str | None] = (
            province_ids if level not in ("province", "ministry") else [None]
        )
        for scope in scopes or national_scopes(registry, level):
            names = [
                name
                for name in registry.names_of(level, scope)
                if registry.unit(name.unit_id).valid_in(year)
            ]
            if level == "commune" and district_ids:
                inside = [n for n in names if registry.unit(n.unit_id).district_id in district_ids]
                names = inside or names
            keyed = _keyed(registry, level, words)
            choices += [_CHOICE(n, *keyed(n.text), n.valid_in(year)) for n in names]
    return index_block(choices, rejected_lights(registry, province_ids, levels))


Keyed = tuple[Key, str]  # a registry name's key and accented core, at one level


def _keyed(registry: Registry, level: str, words: tuple[str, ...]) -> Callable[[str], Keyed]:
    """A name's key and accented core at ``level`` (``make_key``, ``accented_core``), each
    computed once per registry: the blocks of other years (a table whose province is unknown
    asks for the whole country's 18,000 names, once per year) key the same names again.
    Their words are folded through one ``KeyCache``: registry names share most of them."""
    known: dict[str, Keyed] = registry.memoized(("keyed", level, words), dict)
    cache: KeyCache = registry.memoized("block_words", KeyCache)

    def keyed(text: str) -> Keyed:
        found = known.get(text)
        if found is None:
            expanded, light = cache.fold_expand(text)
            key = key_of(expanded, light, level, words)
            found = known[text] = (key, accented_core(text, cache.light))
        return found

    return keyed


def national_scopes(registry: Registry, level: str) -> list[str | None]:
    """Every province id, for a name whose province is unknown."""
    return registry.provinces_of(level)


def index_block(choices: list[Choice], rejected: frozenset[str]) -> Block:
    """Dictionaries from exact keys to choice positions."""
    by_core: dict[str, list[int]] = {}
    by_light: dict[str, list[int]] = {}
    for i, choice in enumerate(choices):
        by_core.setdefault(choice.key.core, []).append(i)
        by_light.setdefault(choice.key.light, []).append(i)
    cores = [choice.key.core for choice in choices]
    plain = scorable(enumerate(cores))
    unordered = scorable(
        (i, sort_words(core)) for i, core in enumerate(cores) if choices[i].key.type is None
    )
    return Block(
        choices=tuple(choices),
        cores=tuple(cores),
        ordered=tuple(choice.key.type is not None for choice in choices),
        by_core={k: tuple(v) for k, v in by_core.items()},
        by_light={k: tuple(v) for k, v in by_light.items()},
        rejected=rejected,
        plain=plain,
        unordered=unordered,
        layout=make_layout(
            [choice.key for choice in choices],
            [choice.name.unit_id for choice in choices],
            [choice.in_period for choice in choices],
            plain[0],
            unordered[0],
        ),
    )


def scorable(texts: Iterable[tuple[int, str]]) -> Scorable:
    """Each distinct text once, with the positions of the choices that have it."""
    members: dict[str, list[int]] = {}
    for i, text in texts:
        members.setdefault(text, []).append(i)
    return tuple(members), tuple(tuple(positions) for positions in members.values())


def rejected_lights(
    registry: Registry, province_ids: Sequence[str], levels: Sequence[str]
) -> frozenset[str]:
    """Names a reviewer marked "not in the registry" for this province and level."""
    lights = set()
    for rejection in registry.rejected:
        same_province = not rejection.province or set(
            resolve_province(registry, rejection.province, None)
        ) & set(province_ids)
        if same_province and (rejection.level is None or rejection.level in levels):
            lights.add(light_key(rejection.text))
    return frozenset(lights)

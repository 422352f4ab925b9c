"""The registry's records: units, their names, component labels, reviewers' rejections, and
the ``Registry`` that holds them (built by ``pipeline.registry.tables``)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from pipeline.errors import DecisionsError, ExitCode
from pipeline.registry.lazy import LazyUnits

T = TypeVar("T")

LEVELS = ("province", "district", "commune", "province_agency", "ministry")
NOT_IN_REGISTRY = "-"  # chosen_id meaning "this name is no registry unit; stop asking"


class RegistryError(DecisionsError):
    """An overlay or alias file that cannot be used; the message says which row."""

    exit_code = ExitCode.usage


@dataclass(frozen=True, slots=True)
class Unit:
    """One identity: a province, district, commune, agency or ministry."""

    id: str
    level: str  # province | district | commune | province_agency | ministry
    name: str  # latest official name
    province_id: str | None  # None for provinces and ministries
    admin_code: str | None  # GSO code for provinces, districts, communes
    valid_from: date | None  # None: since before our sources
    valid_to: date | None  # None: still exists
    successor_ids: tuple[str, ...] = ()
    district_id: str | None = None  # a commune's district (before 2025)

    def valid_in(self, year: int | None) -> bool:
        """Existed during some part of ``year`` (any year when None)."""
        return overlaps(self.valid_from, self.valid_to, year)

    def valid_on(self, day: date) -> bool:
        """Existed on ``day``."""
        return (self.valid_from or date.min) <= day <= (self.valid_to or date.max)


@dataclass(frozen=True, slots=True)
class Name:
    """One way a unit is named: official (for a period), alias, or a reviewer's decision."""

    unit_id: str
    text: str
    kind: str  # official | alias | reviewed
    valid_from: date | None = None
    valid_to: date | None = None

    def valid_in(self, year: int | None) -> bool:
        """This spelling was in force during ``year``."""
        return overlaps(self.valid_from, self.valid_to, year)


@dataclass(frozen=True, slots=True)
class ComponentLabel:
    """A printed component header and its canonical key."""

    key: str  # infrastructure | internal_applications | …
    label: str
    index: str  # it | dti | par


@dataclass(frozen=True, slots=True)
class Rejection:
    """A reviewer said this printed name is not a registry unit (chosen_id "-")."""

    text: str
    province: str | None
    level: str | None


@dataclass(frozen=True)
class Registry:
    """Everything the matcher needs; built once by ``load_registry`` and passed around."""

    units: Mapping[str, Unit]  # a ``LazyUnits`` when levels are built on demand
    _names: tuple[Name, ...]  # every name but those of a ``LazyUnits``' levels (see ``names``)
    components: tuple[ComponentLabel, ...]
    rejected: tuple[Rejection, ...] = ()
    _by_block: Mapping[tuple[str, str | None], tuple[Name, ...]] = field(default_factory=dict)
    # Where each deferred level's names stand in ``names``, as built eagerly: (position in
    # ``_names``, level, "rows" for its rows' names or "later" for its type aliases).
    _names_at: tuple[tuple[int, str, str], ...] = ()
    # A digest of the files it was built from ("" when built by hand): what a derivation kept
    # on disk (``match.store``) is named by.
    fingerprint: str = ""
    # Keys and blocks the matcher derived from this registry; they live as long as it does.
    _memo: dict[Hashable, Any] = field(default_factory=dict, compare=False, repr=False)

    def memoized(self, key: Hashable, build: Callable[[], T]) -> T:
        """``build()`` once per key for this registry (its data never changes)."""
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]  # type: ignore[no-any-return]

    def derived(self) -> int:
        """How many structures the matcher has derived and keeps (keys, blocks): reading the
        same documents again adds none."""
        return len(self._memo)

    @property
    def names(self) -> tuple[Name, ...]:
        """Every name of every unit, in the order of the shipped tables (this builds the whole
        commune level when it is built on demand: ask ``names_of`` for a block)."""
        units = self.units
        if not isinstance(units, LazyUnits):
            return self._names

        def whole() -> tuple[Name, ...]:
            units.load_all()
            found: list[Name] = []
            done = 0
            for at, level, part in self._names_at:
                deferred = units.levels[level]
                found += self._names[done:at]
                found += deferred.row_names() if part == "rows" else deferred.later_names()
                done = at
            return (*found, *self._names[done:])

        return self.memoized("names", whole)

    def unit(self, unit_id: str) -> Unit:
        """The unit with this id (KeyError if unknown)."""
        return self.units[unit_id]

    def names_of(self, level: str, province_id: str | None) -> tuple[Name, ...]:
        """Names of units of one level in one province (province None: national units)."""
        if isinstance(self.units, LazyUnits):
            self.units.load(level, province_id)
        return self._by_block.get((level, province_id), ())

    def provinces_of(self, level: str) -> list[str | None]:
        """The provinces that have units of ``level`` ([None] for a national level), sorted
        by id: what a name whose province is unknown is compared with."""
        found = {province for at, province in list(self._by_block) if at == level}
        if isinstance(self.units, LazyUnits):
            found.update(self.units.provinces(level))
        return sorted(found, key=str)

    def provinces_named(self) -> tuple[Name, ...]:
        """Every name of every province."""
        return self.names_of("province", None)

    def successors(self, unit_id: str) -> tuple[Unit, ...]:
        """The units this one merged into or became."""
        return tuple(self.units[i] for i in self.units[unit_id].successor_ids if i in self.units)


def overlaps(valid_from: date | None, valid_to: date | None, year: int | None) -> bool:
    """A validity span touches ``year``."""
    if year is None:
        return True
    starts_ok = valid_from is None or valid_from.year <= year
    return starts_ok and (valid_to is None or valid_to.year >= year)

"""Registry levels read a province at a time, when a document first asks for them.

Communes and provincial agencies are 15,965 of the shipped registry's 16,832 unit rows, and
with the agencies' 7,187 type aliases nine tenths of the time it takes to build. Every batch
built the whole registry before its first worker started, serial time that no second worker
can share (0.14 s of CPU, beside a 30-document batch's ~1 s), while a decision asks for one
province's agencies and, rarely, its communes (4 of the bench's 122 distinct decisions).

``LazyUnits`` is the registry's ``units`` mapping: provinces, districts and ministries are
built at once; a deferred level's table is read the first time anything asks for one of its
units, and a province's units become ``Unit``/``Name`` objects when its block is asked for
(``load``) or one of its ids is looked up. Anything that walks every unit (iterating the
mapping, ``Registry.names``) builds them all. Built whole, the registry is the eager one: the
same units and the same names in the same order in every block (``tests/test_registry.py``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.registry.models import Name, Unit
    from pipeline.registry.tables import UnitRow

Block = tuple[str, str | None]  # (level, province id): what ``Registry.names_of`` asks for
# One province's rows as units (the rows of one id merged), each row's names in row order, and
# the names added after every table is read (an agency's type aliases), in unit order.
Built = tuple[dict[str, "Unit"], list[list["Name"]], list["Name"]]


class Deferred:
    """One level's table: read when first needed, then built a province at a time."""

    def __init__(
        self, level: str, read: Callable[[], list[UnitRow]], build: Callable[[list[UnitRow]], Built]
    ) -> None:
        self.level = level
        self._read = read
        self._build = build
        self._pending: dict[str | None, list[UnitRow]] | None = None  # None: not read yet
        self._province_of: dict[str, str | None] = {}  # every id's province (its first row's)
        self._order: list[str | None] = []  # each row's province, in file order
        self._row_names: dict[str | None, list[list[Name]]] = {}  # built, by province
        self._later: dict[str, list[Name]] = {}  # the names added after, by unit id

    def rows(self) -> dict[str | None, list[UnitRow]]:
        """The rows not built yet, by the province of each id's first row (the one
        ``registry.widen`` keeps)."""
        if self._pending is None:
            pending: dict[str | None, list[UnitRow]] = {}
            for row in self._read():
                province = self._province_of.setdefault(row[0], row[2] or None)
                pending.setdefault(province, []).append(row)
                self._order.append(province)
            self._pending = pending
        return self._pending

    def province_of(self, unit_id: str) -> tuple[bool, str | None]:
        """(whether the level has ``unit_id``, its province)."""
        self.rows()
        return unit_id in self._province_of, self._province_of.get(unit_id)

    def provinces(self) -> list[str | None]:
        self.rows()
        return list(dict.fromkeys(self._order))

    def build(self, province_id: str | None) -> tuple[dict[str, Unit], tuple[Name, ...]] | None:
        """A province's units and its block's names (None: built already, or none)."""
        rows = self.rows().pop(province_id, None)
        if rows is None:
            return None
        units, row_names, later = self._build(rows)
        self._row_names[province_id] = row_names
        for name in later:
            self._later.setdefault(name.unit_id, []).append(name)
        return units, (*(name for each in row_names for name in each), *later)

    def row_names(self) -> list[Name]:
        """Every row's names in file order (every province built)."""
        rows = {province: iter(names) for province, names in self._row_names.items()}
        return [name for province in self._order for name in next(rows[province])]

    def later_names(self) -> list[Name]:
        """The names added after, in the order of each unit's first row (every province built)."""
        ids = dict.fromkeys(self._province_of)
        return [name for unit_id in ids for name in self._later.get(unit_id, ())]


class LazyUnits(Mapping[str, "Unit"]):
    """Every unit by id; the units of each ``Deferred`` level built a province at a time (see
    the module).

    Mutable inside, immutable to its readers: a lookup that builds a province adds its units
    here and its names to the registry's blocks, once (under a lock: a Dask worker reads
    documents in threads that share one registry).
    """

    def __init__(
        self, units: dict[str, Unit], blocks: dict[Block, tuple[Name, ...]], *levels: Deferred
    ) -> None:
        self._units = units
        self._blocks = blocks
        self.levels = {deferred.level: deferred for deferred in levels}
        self._lock = threading.RLock()

    def __getitem__(self, unit_id: str) -> Unit:
        found = self._units.get(unit_id)
        if found is None:
            with self._lock:
                for deferred in self.levels.values():
                    has, province = deferred.province_of(unit_id)
                    if has:
                        self._build(deferred, province)
            found = self._units.get(unit_id)
        if found is None:
            raise KeyError(unit_id)
        return found

    def __iter__(self) -> Iterator[str]:
        self.load_all()
        return iter(self._units)

    def __len__(self) -> int:
        self.load_all()
        return len(self._units)

    def load(self, level: str, province_id: str | None) -> None:
        """Build the block ``(level, province_id)`` if it is one of the deferred ones."""
        deferred = self.levels.get(level)
        if deferred is not None:
            with self._lock:
                self._build(deferred, province_id)

    def load_all(self) -> None:
        """Build every deferred unit."""
        with self._lock:
            for deferred in self.levels.values():
                for province_id in list(deferred.rows()):
                    self._build(deferred, province_id)

    def unbuilt(self, level: str | None = None) -> int:
        """How many (level, province) blocks are not built yet (of one level, or of all)."""
        with self._lock:
            chosen = [self.levels[level]] if level else self.levels.values()
            return sum(len(deferred.rows()) for deferred in chosen)

    def provinces(self, level: str) -> list[str | None]:
        """The provinces a deferred level has units in, built or not (none for another)."""
        with self._lock:
            deferred = self.levels.get(level)
            return deferred.provinces() if deferred is not None else []

    def _build(self, deferred: Deferred, province_id: str | None) -> None:
        built = deferred.build(province_id)
        if built is not None:
            units, names = built
            self._units.update(units)
            if names:
                self._blocks[(deferred.level, province_id)] = names

"""The registry read from its tables: the shipped CSVs of ``pipeline/data/``, a user's overlay
and a reviewer's alias file; the shipped registry leaves communes and agencies to be built a
province at a time (``pipeline.registry.lazy``)."""

from __future__ import annotations

import csv
import hashlib
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from datetime import date
from functools import partial
from importlib import resources
from operator import itemgetter
from pathlib import Path

from pipeline.frozen import maker
from pipeline.registry.lazy import Built, Deferred, LazyUnits
from pipeline.registry.models import (
    LEVELS,
    NOT_IN_REGISTRY,
    ComponentLabel,
    Name,
    Registry,
    RegistryError,
    Rejection,
    Unit,
)


def _eager(overlay: Path | None, aliases: Path | None) -> Registry:
    """Every level built at once (``_build_registry``)."""
    units: dict[str, Unit] = {}
    names: list[Name] = []
    for filename, level in SHIPPED:
        add_units(unit_rows(filename), level, units, names)
    names.extend(agency_aliases(units))
    names.extend(province_aliases(units))
    rejected: list[Rejection] = []
    if overlay is not None:
        add_overlay(read_rows(overlay), units, names)
    if aliases is not None:
        rejected = add_reviewed(read_rows(aliases), units, names)
    return build(units, names, rejected, fingerprint(overlay, aliases))


def _deferring() -> Registry:
    """The shipped registry with the ``DEFERRED`` levels built on demand."""
    units: dict[str, Unit] = {}
    names: list[Name] = []
    places = []
    deferred = []
    types = type_aliases()
    for filename, level in SHIPPED:
        if level in DEFERRED:
            places.append((len(names), level, "rows"))
            later = types if level == "province_agency" else {}
            build_province = partial(_province_units, level, later)
            deferred.append(Deferred(level, partial(unit_rows, filename), build_province))
        else:
            add_units(unit_rows(filename), level, units, names)
    places.append((len(names), "province_agency", "later"))  # where ``agency_aliases`` go
    names.extend(province_aliases(units))
    registry = build(units, names, [], fingerprint(None, None))
    blocks = dict(registry._by_block)
    lazy = LazyUnits(units, blocks, *deferred)
    return replace(registry, units=lazy, _by_block=blocks, _names_at=tuple(places))


def add_units(
    rows: Iterable[UnitRow], level: str, units: dict[str, Unit], names: list[Name]
) -> None:
    """The units of ``rows`` into ``units`` (the rows of one id merged by ``widen``), their
    names onto ``names``."""
    for unit, unit_names in units_of(rows, level):
        _merge(units, unit)
        names.extend(unit_names)


def _province_units(level: str, types: TypeAliases, rows: list[UnitRow]) -> Built:
    """One province's rows of a deferred level: its units, each row's names and its agencies'
    type aliases (``agency_aliases``)."""
    units: dict[str, Unit] = {}
    row_names = []
    for unit, unit_names in units_of(rows, level):
        _merge(units, unit)
        row_names.append(unit_names)
    return units, row_names, list(agency_aliases(units, types))


def _merge(units: dict[str, Unit], unit: Unit) -> None:
    """``unit`` into ``units``: another name period of a known id widens it."""
    first = units.get(unit.id)
    units[unit.id] = unit if first is None else widen(first, unit)


def fingerprint(overlay: Path | None, aliases: Path | None) -> str:
    """A digest of what a registry is built from: the shipped tables, this module's code and
    the two optional files (an unreadable one: no fingerprint, nothing derived is kept)."""
    digest = hashlib.sha256()
    data = resources.files("pipeline").joinpath("data")
    try:
        for item in sorted(data.iterdir(), key=lambda entry: entry.name):
            if item.name.endswith(".csv"):
                digest.update(item.name.encode() + b"\0" + item.read_bytes())
        for module in sorted(Path(__file__).parent.glob("*.py")):  # this package's code
            digest.update(module.read_bytes())
        for path in (overlay, aliases):
            digest.update(b"\0" + (path.read_bytes() if path is not None else b""))
    except OSError:
        return ""
    return digest.hexdigest()


def build(
    units: dict[str, Unit], names: list[Name], rejected: list[Rejection], fingerprint: str = ""
) -> Registry:
    """Index names by (level, province) so the matcher reads only its block."""
    blocks: dict[tuple[str, str | None], list[Name]] = {}
    for name in names:
        unit = units[name.unit_id]
        blocks.setdefault((unit.level, unit.province_id), []).append(name)
    return Registry(
        units=units,
        _names=tuple(names),
        components=tuple(read_components()),
        rejected=tuple(rejected),
        _by_block={key: tuple(value) for key, value in blocks.items()},
        fingerprint=fingerprint,
    )


# ── shipped data ────────────────────────────────────────────────────────────────────────────


def data_rows(filename: str) -> list[dict[str, str]]:
    """One CSV of pipeline/data/, NFC, stripped values (as ``nfc_rows``, in a third of the
    time: the whole text normalised in one call; the 17,000 rows are read by every batch)."""
    text = resources.files("pipeline").joinpath("data", filename).read_text(encoding="utf-8")
    rows = csv.reader(unicodedata.normalize("NFC", text).splitlines())
    header = next(rows, [])
    padding = [""] * len(header)  # a short row's missing cells are empty; extra ones dropped
    found = [dict(zip(header, map(str.strip, row + padding), strict=False)) for row in rows if row]
    if "" in header:  # a column without a name is no field
        for row in found:
            row.pop("", None)
    return found


def read_rows(path: Path) -> list[dict[str, str]]:
    """A user CSV (overlay or review file), NFC; a UTF-8 BOM from Excel is accepted."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as err:
        raise RegistryError(f"cannot read {path}: {err.strerror}") from err
    return list(nfc_rows(csv.DictReader(text.splitlines())))


def nfc_rows(reader: Iterable[dict[str, str | None]]) -> Iterator[dict[str, str]]:
    """Rows with NFC, stripped values."""
    for row in reader:
        yield {k: unicodedata.normalize("NFC", (v or "").strip()) for k, v in row.items() if k}


SHIPPED = (
    ("provinces.csv", "province"),
    ("districts.csv", "district"),
    ("communes.csv", "commune"),
    ("agencies.csv", "province_agency"),
    ("ministries.csv", "ministry"),
)  # each shipped unit table and its level, in the order the registry reads them
# The levels built a province at a time (``pipeline.registry.lazy``): nine tenths of the build.
DEFERRED = ("commune", "province_agency")


# The columns a unit table may have, in the order ``units_of`` reads them; a missing one is empty.
UNIT_COLUMNS = (
    "id", "name", "province_id", "code", "valid_from", "valid_to", "successor_ids",
    "district_id", "aliases",
)  # fmt: skip
UnitRow = tuple[str, ...]  # one row's values in UNIT_COLUMNS order, NFC and stripped


def unit_rows(filename: str) -> list[UnitRow]:
    """One unit table of pipeline/data/ as ``UNIT_COLUMNS`` tuples: what ``data_rows`` reads,
    without a dict a row (17,000 rows, read before every batch's first worker starts)."""
    text = resources.files("pipeline").joinpath("data", filename).read_text(encoding="utf-8")
    return unit_rows_of(text)


def unit_rows_of(text: str) -> list[UnitRow]:
    """A unit table's CSV text as ``UNIT_COLUMNS`` tuples (NFC, stripped, missing cells empty).

    A deferred level is read by each worker that meets one of its units (13,372 communes):
    each row's cells are stripped by one ``map`` and picked by one ``itemgetter``, in C."""
    rows = csv.reader(unicodedata.normalize("NFC", text).splitlines())
    header = next(rows, [])
    width = len(header)  # a short row's missing cells are empty; extra ones dropped
    # The cell after the last (``width``) stands for every missing column: always empty.
    pick = itemgetter(*[header.index(name) if name in header else width for name in UNIT_COLUMNS])
    padding = [""] * width
    strip = str.strip
    found = []
    for row in rows:
        if row:
            if len(row) != width:
                row = (row + padding)[:width]
            cells = list(map(strip, row))
            cells.append("")
            found.append(pick(cells))
    return found


def unit_row(row: Mapping[str, str]) -> UnitRow:
    """A user's row (overlay) in ``UNIT_COLUMNS`` order."""
    return tuple(row.get(column, "") for column in UNIT_COLUMNS)


def parse_day(text: str) -> date | None:
    """ISO date, or None for an empty cell."""
    return date.fromisoformat(text) if text else None


def split_list(text: str) -> tuple[str, ...]:
    """ "a|b" → ("a", "b")."""
    return tuple(part.strip() for part in text.split("|") if part.strip())


def rows_to_units(rows: list[dict[str, str]], level: str) -> Iterator[tuple[Unit, list[Name]]]:
    """One unit per row (rows of one id are name periods, merged by ``widen``)."""
    return units_of([unit_row(row) for row in rows], level)


_UNIT, _NAME = maker(Unit), maker(Name)


def units_of(rows: Iterable[UnitRow], level: str) -> Iterator[tuple[Unit, list[Name]]]:
    """One unit per ``UNIT_COLUMNS`` row, and its names (official, then aliases); made without
    their ``__init__`` (``pipeline.frozen``): each worker builds the provinces it meets."""
    days: dict[str, date | None] = {"": None}  # a few dates serve 17,000 rows: parsed once
    for unit_id, name, province, code, start, end, successors, district, aliases in rows:
        valid_from, valid_to = _day(days, start), _day(days, end)
        unit = _UNIT(
            unit_id,
            level,
            name,
            province or None,
            code or None,
            valid_from,
            valid_to,
            split_list(successors) if successors else (),
            district or None,
        )
        names = [_NAME(unit_id, name, "official", valid_from, valid_to)]
        if aliases:
            names += [_NAME(unit_id, alias, "alias", None, None) for alias in split_list(aliases)]
        yield unit, names


def _day(days: dict[str, date | None], text: str) -> date | None:
    """``parse_day(text)``, remembered in ``days``."""
    if text not in days:
        days[text] = parse_day(text)
    return days[text]


def widen(first: Unit, later: Unit) -> Unit:
    """Merge two name periods of one unit: the span covers both, the latest name wins."""
    if first is later:
        return first
    start = (
        None
        if None in (first.valid_from, later.valid_from)
        else min(
            first.valid_from,
            later.valid_from,  # type: ignore[type-var]
        )
    )
    end = (
        None
        if None in (first.valid_to, later.valid_to)
        else max(
            first.valid_to,
            later.valid_to,  # type: ignore[type-var]
        )
    )
    newest = later if (later.valid_to or date.max) >= (first.valid_to or date.max) else first
    successors = first.successor_ids or later.successor_ids
    return Unit(
        first.id,
        first.level,
        newest.name,
        first.province_id,
        first.admin_code,
        start,
        end,
        successors,
        first.district_id or later.district_id,
    )


TypeAliases = Mapping[str, tuple[str, ...]]  # an agency type's slug: its aliases


def type_aliases() -> TypeAliases:
    """agency_types.csv: the aliases of each agency type."""
    return {row["slug"]: split_list(row["aliases"]) for row in data_rows("agency_types.csv")}


def agency_aliases(units: Mapping[str, Unit], aliases: TypeAliases | None = None) -> Iterator[Name]:
    """The aliases of agency_types.csv, attached to every agency of that slug."""
    if aliases is None:
        aliases = type_aliases()
    for unit in units.values():
        if unit.level == "province_agency":
            for alias in aliases.get(unit.id.rpartition(".")[2], ()):
                yield _NAME(unit.id, alias, "alias", None, None)


def province_aliases(units: Mapping[str, Unit]) -> Iterator[Name]:
    """province_aliases.csv: "TP.HCM", "Đắc Lắc", …"""
    for row in data_rows("province_aliases.csv"):
        if row["id"] in units:
            yield from (Name(row["id"], alias, "alias") for alias in split_list(row["alias"]))


def read_components() -> Iterator[ComponentLabel]:
    """components.csv rows."""
    for row in data_rows("components.csv"):
        yield ComponentLabel(row["key"], row["label"], row["index"])


# ── overlay and reviewed aliases ────────────────────────────────────────────────────────────


def add_overlay(rows: list[dict[str, str]], units: dict[str, Unit], names: list[Name]) -> None:
    """Overlay rows: a new unit (id, name, level, province_id, …) or aliases of a known id."""
    for number, row in enumerate(rows, start=2):
        unit_id = row.get("id", "")
        if not unit_id:
            raise RegistryError(f"overlay line {number}: empty id")
        if unit_id not in units:
            level = row.get("level", "")
            if level not in LEVELS or not row.get("name"):
                raise RegistryError(f"overlay line {number}: {unit_id} needs a name and a level")
            province = row.get("province_id") or None
            if province is not None and province not in units:
                raise RegistryError(f"overlay line {number}: unknown province_id {province}")
            for unit, unit_names in rows_to_units([row], level):
                units[unit_id] = unit
                names.extend(unit_names)
        else:
            aliases = split_list(row.get("aliases", "")) + (
                (row["name"],) if row.get("name") else ()
            )
            names.extend(Name(unit_id, alias, "alias") for alias in aliases)


def add_reviewed(
    rows: list[dict[str, str]], units: Mapping[str, Unit], names: list[Name]
) -> list[Rejection]:
    """review.csv rows with ``chosen_id`` filled: the name resolves to it from now on."""
    rejected = []
    for number, row in enumerate(rows, start=2):
        chosen, text = row.get("chosen_id", ""), row.get("agency_raw", "")
        if not chosen or not text:
            continue
        if chosen == NOT_IN_REGISTRY:
            rejected.append(Rejection(text, row.get("province") or None, row.get("level") or None))
        elif chosen in units:
            names.append(Name(chosen, text, "reviewed"))
        else:
            raise RegistryError(
                f"aliases line {number}: chosen_id {chosen!r} is not in the registry"
            )
    return rejected

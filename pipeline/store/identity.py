"""One identity per agency across years: follow the registry's successors while the unit goes on.

A unit goes on into its successor when the successor is the same unit under a new map: a
province that keeps its name (Lào Cai ``p10`` → ``p15@2025``, which absorbed Yên Bái), an
agency of the same kind in the province it went on into (``p10.so-tai-chinh`` →
``p15@2025.so-tai-chinh``). A unit absorbed into another (Yên Bái, Sở Kế hoạch và Đầu tư into
Sở Tài chính, a dissolved district) keeps its own id: its figures are not the successor's.
Districts keep their id through upgrades and renames already (huyện/thị xã Sa Pa: ``d088``).
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.registry import Registry, Unit
from pipeline.vocabulary import fold

_PREFIXES = ("tỉnh ", "thành phố ", "huyện ", "thị xã ", "quận ", "xã ", "phường ", "thị trấn ")


@dataclass(frozen=True, slots=True)
class Identity:
    """What the panel calls an agency."""

    agency_id: str  # the id an entry matched
    panel_id: str  # the id it goes on as
    panel_name: str
    panel_admin_code: str | None
    province: str | None  # the identity's own province; a province is its own


def _bare(name: str) -> str:
    """ "Tỉnh Lào Cai" → "lào cai"."""
    folded = fold(name)
    return next((folded[len(p) :] for p in _PREFIXES if folded.startswith(p)), folded)


def goes_on_as(unit: Unit, successor: Unit, registry: Registry) -> bool:
    """Whether ``successor`` is ``unit`` itself under a new map (not a unit it merged into)."""
    if unit.level != successor.level:
        return False
    if unit.level == "province_agency":
        same_kind = unit.id.rpartition(".")[2] == successor.id.rpartition(".")[2]
        return same_kind and panel_id(unit.province_id, registry) == successor.province_id
    return _bare(unit.name) == _bare(successor.name)


def panel_id(unit_id: str | None, registry: Registry) -> str | None:
    """The last id of the chain of successors ``unit_id`` goes on as."""
    seen: set[str] = set()
    while unit_id is not None and unit_id in registry.units and unit_id not in seen:
        seen.add(unit_id)
        unit = registry.units[unit_id]
        following = [s for s in registry.successors(unit_id) if goes_on_as(unit, s, registry)]
        if len(following) != 1:
            break
        unit_id = following[0].id
    return unit_id


def _province_name(unit: Unit, registry: Registry) -> str | None:
    if unit.level == "province":
        return _bare_title(unit.name)
    province = registry.units.get(unit.province_id or "")
    return _bare_title(province.name) if province else None


def _bare_title(name: str) -> str:
    """ "Tỉnh Lào Cai" → "Lào Cai" (diacritics and case kept)."""
    lowered = name.casefold()
    return next((name[len(p) :] for p in _PREFIXES[:2] if lowered.startswith(p)), name)


def identity(agency_id: str, registry: Registry) -> Identity:
    """The panel identity of one matched id (an id outside the registry is its own)."""
    final = panel_id(agency_id, registry) or agency_id
    unit = registry.units.get(final)
    if unit is None:
        return Identity(agency_id, agency_id, agency_id, None, None)
    return Identity(agency_id, final, unit.name, unit.admin_code, _province_name(unit, registry))

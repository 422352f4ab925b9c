"""The shipped registry and its overlays (issue 4)."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest

from pipeline.registry import Registry, RegistryError, Unit, load_registry


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def alive_on(unit: Unit, day: date) -> bool:
    return (unit.valid_from is None or unit.valid_from <= day) and (
        unit.valid_to is None or unit.valid_to >= day
    )


def units_on(registry: Registry, level: str, day: date) -> list[Unit]:
    return [u for u in registry.units.values() if u.level == level and alive_on(u, day)]


def test_63_provinces_before_and_34_after_the_merger(registry: Registry) -> None:
    assert len(units_on(registry, "province", date(2024, 6, 1))) == 63
    assert len(units_on(registry, "province", date(2025, 8, 1))) == 34


def test_696_districts_in_january_2025_none_after_july(registry: Registry) -> None:
    assert len(units_on(registry, "district", date(2025, 1, 4))) == 696
    assert units_on(registry, "district", date(2025, 7, 1)) == []


def test_sa_pa_is_one_unit_under_two_names(registry: Registry) -> None:
    names = sorted(
        (n.valid_from or date.min, n.text)
        for n in registry.names_of("district", "p10")
        if n.unit_id == "d088"
    )
    assert [text for _, text in names] == ["Huyện Sa Pa", "Thị xã Sa Pa"]
    assert names[1][0] == date(2020, 1, 1)
    assert registry.unit("d088").admin_code == "088"


def test_dissolved_district_points_to_its_successor(registry: Registry) -> None:
    assert [u.id for u in registry.successors("d151")] == ["d148"]  # Kỳ Sơn → TP Hòa Bình
    assert registry.unit("d151").valid_to == date(2019, 12, 31)


def test_old_provinces_map_to_the_new(registry: Registry) -> None:
    assert [u.id for u in registry.successors("p10")] == ["p15@2025"]
    assert [u.id for u in registry.successors("p15")] == ["p15@2025"]
    assert registry.unit("p22").valid_to is None  # Quảng Ninh was not merged


def test_2025_department_mergers_are_successor_links(registry: Registry) -> None:
    links = {
        "p10.so-thong-tin-va-truyen-thong": ["p10.so-khoa-hoc-va-cong-nghe"],
        "p10.so-ke-hoach-va-dau-tu": ["p10.so-tai-chinh"],
        "p10.so-tai-nguyen-va-moi-truong": ["p10.so-nong-nghiep-va-moi-truong"],
        "p10.so-giao-thong-van-tai": ["p10.so-xay-dung"],
        "p10.so-lao-dong-thuong-binh-va-xa-hoi": ["p10.so-noi-vu"],
        "p10.so-tai-chinh": ["p15@2025.so-tai-chinh"],
    }
    for old, new in links.items():
        assert [u.id for u in registry.successors(old)] == new


def test_agencies_exist_per_province(registry: Registry) -> None:
    agencies = [u for u in registry.units.values() if u.level == "province_agency"]
    assert all(u.province_id in registry.units for u in agencies)
    assert registry.unit("p66.so-y-te").name == "Sở Y tế"
    assert registry.unit("p01.van-phong-ubnd").name == "Văn phòng Ủy ban nhân dân thành phố"


def test_names_are_nfc(registry: Registry) -> None:
    assert all(unicodedata.is_normalized("NFC", n.text) for n in registry.names)


def test_overlay_needs_a_level(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay.csv"
    overlay.write_text("id,name,level,province_id\np10.x,Đài PT-TH,,p10\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="line 2"):
        load_registry(overlay=overlay)


def test_overlay_can_add_aliases_to_a_shipped_unit(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay.csv"
    overlay.write_text("id,name,aliases\np10.so-y-te,,Sở YT-LC\n", encoding="utf-8")
    registry = load_registry(overlay=overlay)
    assert "Sở YT-LC" in {n.text for n in registry.names_of("province_agency", "p10")}


def test_alias_file_rejects_unknown_ids(tmp_path: Path) -> None:
    aliases = tmp_path / "review.csv"
    aliases.write_text("agency_raw,chosen_id\nSở KH-CN,p10.nope\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="p10.nope"):
        load_registry(aliases=aliases)


def test_components_cover_the_seed_keys(registry: Registry) -> None:
    keys = {c.key for c in registry.components}
    assert {
        "infrastructure",
        "internal_applications",
        "online_public_services",
        "information_security",
        "human_resources",
        "policies_regulations",
        "commune_application",
        "investment",
    } <= keys


def test_the_registry_is_built_once_per_process_for_the_same_files(tmp_path: Path) -> None:
    assert load_registry() is load_registry()
    overlay = tmp_path / "overlay.csv"
    overlay.write_text(
        "id,name,level,province_id\np10.radio,Đài Phát thanh - Truyền hình,province_agency,p10\n",
        encoding="utf-8",
    )
    first = load_registry(overlay=overlay)
    assert load_registry(overlay=overlay) is first
    assert first is not load_registry()
    overlay.write_text(
        "id,name,level,province_id\np10.park,Vườn quốc gia Hoàng Liên,province_agency,p10\n",
        encoding="utf-8",
    )
    changed = load_registry(overlay=overlay)
    assert changed is not first
    assert "p10.park" in changed.units and "p10.park" not in first.units


def test_unit_rows_read_as_the_row_dicts_did() -> None:
    """Columns in any order, a missing one empty, a short row padded, extra cells dropped,
    values stripped and NFC (the shipped tables are read this way before every batch)."""
    from pipeline.registry import UNIT_COLUMNS, unit_rows_of

    decomposed = "Xa\u0303 A"  # "Xã A" with a combining tilde
    text = f"name,id,province_id,valid_to\n {decomposed} ,c1,p01,2025-06-30,extra\nX B,c2\n\n"
    rows = unit_rows_of(text)
    assert [dict(zip(UNIT_COLUMNS, row, strict=True)) for row in rows] == [
        {**dict.fromkeys(UNIT_COLUMNS, ""), "id": "c1", "name": "Xã A", "province_id": "p01",
         "valid_to": "2025-06-30"},
        {**dict.fromkeys(UNIT_COLUMNS, ""), "id": "c2", "name": "X B"},
    ]  # fmt: skip


def test_the_commune_level_built_on_demand_is_the_eager_registry() -> None:
    """The shipped registry leaves its communes and agencies to be built a province at a time
    (``pipeline.registry.lazy``); whatever asks for them gets what the eager build gives."""
    from pipeline.registry import LEVELS, _build_registry
    from pipeline.registry.lazy import LazyUnits
    from pipeline.registry.tables import _eager

    lazy, eager = _build_registry(None, None), _eager(None, None)
    assert isinstance(lazy.units, LazyUnits) and not isinstance(eager.units, LazyUnits)
    provinces = lazy.units.unbuilt()
    assert lazy.names_of("commune", "p10") == eager.names_of("commune", "p10") != ()
    assert lazy.units.unbuilt() == provinces - 1  # one province's communes, no more
    assert lazy.names_of("province_agency", "p10") == eager.names_of("province_agency", "p10")
    assert lazy.units.unbuilt() == provinces - 2  # and its agencies, their type aliases too
    a_commune = eager.names_of("commune", "p01")[0].unit_id
    assert lazy.unit(a_commune) == eager.unit(a_commune)  # built by its id alone
    assert "c-none" not in lazy.units
    for level in LEVELS:
        assert lazy.provinces_of(level) == sorted(
            {unit.province_id for unit in eager.units.values() if unit.level == level}, key=str
        )
    assert lazy.units.unbuilt() == provinces - 3
    assert lazy.names == eager.names  # the same names in the same order
    assert dict(lazy.units) == dict(eager.units)
    assert dict(lazy._by_block) == dict(eager._by_block)
    assert lazy.fingerprint == eager.fingerprint  # one block store for both


def test_a_users_file_builds_every_level_at_once(tmp_path: Path) -> None:
    """An overlay may alias any unit, a commune too: no level is left for later."""
    from pipeline.registry.lazy import LazyUnits

    commune = next(u for u in load_registry().units.values() if u.level == "commune")
    overlay = tmp_path / "overlay.csv"
    overlay.write_text(f"id,aliases\n{commune.id},Xã Thử\n", encoding="utf-8")
    widened = load_registry(overlay)
    assert not isinstance(widened.units, LazyUnits)
    assert "Xã Thử" in {n.text for n in widened.names_of("commune", commune.province_id)}

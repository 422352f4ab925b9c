"""National blocks kept on disk (``match.store``): read back, they are the blocks built."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest
from conftest import shipped_registry

from pipeline.match.blocks import Block, _build_block, build_block
from pipeline.match.store import block_path, kept_block
from pipeline.registry import Registry, build, load_registry

LEVELS = (("commune",), ("province_agency",), ("district", "province"))


def built(registry: Registry, levels: tuple[str, ...], year: int | None) -> Block:
    return _build_block(registry, (), levels, year, frozenset())


def key_of(levels: tuple[str, ...], year: int | None) -> tuple:
    return ("block", (), levels, year, frozenset())


def assert_same(kept: Block, fresh: Block) -> None:
    """Every choice (its name, key, accented core, period), index and array alike."""
    assert kept.choices == fresh.choices
    for item in dataclasses.fields(Block):
        if item.name in ("choices", "layout"):
            continue
        assert getattr(kept, item.name) == getattr(fresh, item.name), item.name
    for item in dataclasses.fields(kept.layout):
        mine, theirs = getattr(kept.layout, item.name), getattr(fresh.layout, item.name)
        assert mine.dtype == theirs.dtype and np.array_equal(mine, theirs), item.name


def never() -> Block:
    raise AssertionError("built again: the kept block was not read")


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder of kept blocks."""
    monkeypatch.setenv("DECISIONS_CACHE_DIR", str(tmp_path))
    return tmp_path


@pytest.mark.parametrize("levels", LEVELS)
def test_a_kept_block_is_the_block_built(levels: tuple[str, ...], store: Path) -> None:
    registry = shipped_registry()
    key = key_of(levels, 2019)
    first = kept_block(registry, key, lambda: built(registry, levels, 2019))
    assert block_path(registry, key) in list(store.iterdir())
    again = kept_block(registry, key, never)
    assert_same(again, built(registry, levels, 2019))
    assert_same(first, again)


def test_a_damaged_file_is_built_and_written_again(store: Path) -> None:
    registry = shipped_registry()
    key = key_of(("province_agency",), None)
    kept_block(registry, key, lambda: built(registry, ("province_agency",), None))
    path = block_path(registry, key)
    assert path is not None
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    fresh = built(registry, ("province_agency",), None)
    assert_same(kept_block(registry, key, lambda: fresh), fresh)
    assert_same(kept_block(registry, key, never), fresh)  # whole again


def test_blocks_of_another_registry_or_year_are_other_files(store: Path) -> None:
    overlay = store / "overlay.csv"
    overlay.write_text(
        "id,name,level,province_id\n"
        "p10.vuon-quoc-gia-hoang-lien,Vườn quốc gia Hoàng Liên,province_agency,p10\n",
        encoding="utf-8",
    )
    shipped, widened = shipped_registry(), load_registry(overlay)
    key = key_of(("province_agency",), 2019)
    assert widened.fingerprint and widened.fingerprint != shipped.fingerprint
    assert block_path(widened, key) != block_path(shipped, key)
    assert block_path(shipped, key_of(("province_agency",), 2020)) != block_path(shipped, key)
    kept_block(shipped, key, lambda: built(shipped, ("province_agency",), 2019))
    mine = kept_block(widened, key, lambda: built(widened, ("province_agency",), 2019))
    assert "Vườn quốc gia Hoàng Liên" in {choice.name.text for choice in mine.choices}


def test_no_store_when_turned_off_unwritable_or_unfingerprinted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry = shipped_registry()
    key = key_of(("province_agency",), 2018)
    fresh = built(registry, ("province_agency",), 2018)
    monkeypatch.setenv("DECISIONS_CACHE_DIR", "")
    assert block_path(registry, key) is None
    assert kept_block(registry, key, lambda: fresh) is fresh
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    monkeypatch.setenv("DECISIONS_CACHE_DIR", str(blocked / "store"))
    assert kept_block(registry, key, lambda: fresh) is fresh  # nothing kept, no error
    monkeypatch.setenv("DECISIONS_CACHE_DIR", str(tmp_path))
    by_hand = build(dict(registry.units), list(registry.names), [])
    assert not by_hand.fingerprint and block_path(by_hand, key) is None


def test_the_matcher_keeps_national_blocks_only(store: Path) -> None:
    registry = shipped_registry()
    build_block(registry, ("p10",), ("commune",), 1999)
    assert not list(store.iterdir())  # a province's block: cheap, not kept
    national = build_block(registry, (), ("commune",), 1999)
    assert [path.name for path in store.iterdir()] == [
        block_path(registry, key_of(("commune",), 1999)).name
    ]  # type: ignore[union-attr]
    assert_same(national, built(registry, ("commune",), 1999))

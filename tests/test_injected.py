"""Seeds with one planted error raise exactly that flag; the clean seeds raise no error."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, extract_one

INJECTED = ROOT / "tests/injected"


def _expected() -> dict[str, Counter]:
    expected: dict[str, Counter] = {}
    with (INJECTED / "expected.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            key = (row["check"], row["severity"], int(row["table_index"]), int(row["row_number"]))
            expected.setdefault(row["file"], Counter())[key] += 1
    return expected


def _flags(path: Path) -> Counter:
    result = extract_one(path)
    assert result.status == "ok", result.error
    return Counter((f.check, f.severity, f.table_index, f.row_number) for f in result.flags)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_clean_seeds_raise_no_error_flag(seed: Path) -> None:
    result = extract_one(seed)
    assert [f for f in result.flags if f.severity == "error"] == []
    assert {f.check for f in result.flags} <= {"missing_metadata"}


@pytest.mark.parametrize("name", sorted(_expected()), ids=str)
def test_injected_error_raises_exactly_its_flags(name: str) -> None:
    seed = next(p for p in SEEDS if name.startswith(p.stem))
    planted = _flags(INJECTED / name) - _flags(seed)
    assert planted == _expected()[name]
    assert not (_flags(seed) - _flags(INJECTED / name)), "a flag of the clean seed disappeared"

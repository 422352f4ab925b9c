"""Every number of both seeds, read by a naive independent parser, is in the CSVs unchanged."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import SEEDS, read_csv
from golden_inputs import golden_dir

DATA_ROW = re.compile(r"^\d+\t")


def _printed_rows(seed: Path) -> list[list[str]]:
    """Data rows straight from the seed file: STT, name, numbers… (no shared code)."""
    return [
        line.rstrip("\n").split("\t")
        for line in seed.read_text(encoding="utf-8").splitlines()
        if DATA_ROW.match(line)
    ]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_every_seed_number_is_in_the_csvs(seed: Path) -> None:
    golden = golden_dir(f"samples/{seed.name}")
    entries = read_csv(golden / "entries.csv")
    components = read_csv(golden / "components.csv")
    rows = _printed_rows(seed)
    assert len(rows) == len(entries)
    for printed, entry in zip(rows, entries, strict=True):
        key = (entry["table_index"], entry["entry_index"])
        values = [c["value"] for c in components if (c["table_index"], c["entry_index"]) == key]
        numbers = printed[2:]
        assert entry["row_number"] == printed[0]
        assert entry["agency_raw"] == printed[1]
        if entry["rank"]:  # STT, name, total, rank
            assert [entry["total"], entry["rank"]] == numbers
        else:  # STT, name, components…, total
            assert values + [entry["total"]] == numbers
            assert Decimal(entry["total_computed"]) == Decimal(entry["total"])

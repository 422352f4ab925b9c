"""Every cell of every golden output, compared one by one (rewrite with `make golden`)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import ROOT, extract_one, read_csv
from golden_inputs import GOLDEN, golden_dir

from pipeline.emit import write_outputs


def _differences(expected: list[dict[str, str]], actual: list[dict[str, str]]) -> list[str]:
    problems = (
        [f"{len(actual)} rows, expected {len(expected)}"] if len(actual) != len(expected) else []
    )
    for number, (want, got) in enumerate(zip(expected, actual, strict=False), start=2):
        for column, value in want.items():
            if got.get(column) != value:
                problems.append(f"line {number} {column}: {got.get(column)!r}, expected {value!r}")
    return problems


@pytest.mark.parametrize("relative", GOLDEN, ids=lambda r: Path(r).name)
def test_outputs_match_golden_cell_by_cell(relative: str, tmp_path: Path) -> None:
    os.chdir(ROOT)
    write_outputs([extract_one(relative)], tmp_path)
    expected_dir = golden_dir(relative)
    problems = []
    for golden in sorted(expected_dir.glob("*.csv")):
        for problem in _differences(read_csv(golden), read_csv(tmp_path / golden.name)):
            problems.append(f"{golden.name} {problem}")
    assert not problems, "\n".join(problems[:30])

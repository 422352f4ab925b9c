"""Outputs: valid against schemas/, stable across re-runs, never half-written."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from conftest import ROOT, SEEDS, read_csv, run_cli
from frictionless import Package

from pipeline.schema import TABLES, columns

sys.path.insert(0, str(ROOT / "scripts"))
from make_schemas import render  # noqa: E402


def test_outputs_are_valid_against_the_data_package(seed_out: Path) -> None:
    report = Package(str(seed_out / "datapackage.json")).validate()
    errors = [error.message for task in report.tasks for error in task.errors]
    assert report.valid, errors[:5]


def test_schema_files_match_the_code() -> None:
    for table in TABLES:
        assert (ROOT / "schemas" / f"{table}.schema.json").read_text(encoding="utf-8") == render(
            table
        )


def test_required_columns_in_order(seed_out: Path) -> None:
    required = {
        "documents": "doc_id source_file sha256 format method pages issuer province "
        "decision_number "
        "decision_date evaluation_year signer title status error",
        "entries": "doc_id source_file table_index section row_number agency_raw agency_canonical "
        "admin_code match_score match_status band total total_computed rank page",
        "components": "doc_id table_index row_number component_index component_label component_key "
        "max_points value",
        "flags": "doc_id source_file table_index row_number check severity expected actual message",
    }
    for table, names in required.items():
        header = (seed_out / f"{table}.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
        assert header[: len(names.split())] == names.split()
        assert header == columns(table)


def test_a_rerun_writes_the_same_bytes(seed_out: Path, tmp_path: Path) -> None:
    code, _out, err = run_cli(
        "extract", *[str(p.relative_to(ROOT)) for p in SEEDS], "--out", str(tmp_path)
    )
    assert code == 0, err
    for path in seed_out.iterdir():
        if path.is_dir():  # .journal/: the resume journal, not an output
            continue
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_blank_cells_stay_blank_never_zero(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text(
        "STT\tĐơn vị\tA (10)\tB (10)\tTổng điểm\n1\tSở A\t-\t5\t5\n2\tSở B\t10\t5\t15\n",
        encoding="utf-8",
    )
    code, _out, err = run_cli("extract", str(source), "--out", str(tmp_path / "out"))
    assert code == 0, err
    values = [row["value"] for row in read_csv(tmp_path / "out/components.csv")]
    assert values == ["", "5", "10", "5"]
    assert read_csv(tmp_path / "out/entries.csv")[0]["total_computed"] == ""


def test_unwritable_output_is_exit_5(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    code, _out, err = run_cli("extract", str(SEEDS[0]), "--out", str(blocker / "out"))
    assert code == 5
    assert "cannot write" in err


def test_datapackage_lists_every_csv(seed_out: Path) -> None:
    descriptor = json.loads((seed_out / "datapackage.json").read_text(encoding="utf-8"))
    assert sorted(r["path"] for r in descriptor["resources"]) == sorted(f"{t}.csv" for t in TABLES)
    assert not list(seed_out.glob(".decisions-*")), "staging folder left behind"

"""The notebook API: pipeline.extract gives DataFrames, pipeline.open_dataset the panel."""

from __future__ import annotations

import doctest
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from dataset_inputs import GENERATED, LAOCAI, ROOT, laocai_2017

import pipeline
from pipeline.schema import columns
from pipeline.store import build


def test_extract_gives_dataframes_with_the_csv_columns() -> None:
    result = pipeline.extract(LAOCAI)
    for name in ("documents", "tables", "entries", "components", "flags"):
        frame = getattr(result, name)
        assert isinstance(frame, pd.DataFrame)
        assert list(frame.columns) == columns(name)
    entries = result.entries
    assert len(entries) == 31
    row = entries[entries.agency_raw == "Sở Nội vụ"].iloc[0]
    assert row.total == Decimal("91.5") and row.agency_id == "p10.so-noi-vu"
    assert result.metadata.decision_number == "512/QĐ-UBND"
    assert result.result.tables[0].index == 1  # the DocumentResult is there too


def test_extract_reads_every_decision_under_a_folder(tmp_path: Path) -> None:
    result = pipeline.extract(GENERATED)  # 32 decisions; the folder's README.md is not one
    assert len(result.results) == 32
    assert set(result.documents.format) == {"txt", "pdf", "docx", "html"}
    with pytest.raises(ValueError, match="32 documents"):
        _ = result.metadata


def test_the_docstring_examples_run() -> None:
    failures, tried = doctest.testmod(pipeline)
    assert tried >= 3 and failures == 0


def test_open_dataset_gives_the_panel(tmp_path: Path) -> None:
    db = tmp_path / "d.duckdb"
    build([LAOCAI, laocai_2017(tmp_path / "in")], db)
    panel = pipeline.open_dataset(db)
    assert {"agency_id", "index", "evaluation_year", "level", "total", "rank"} <= set(panel)
    finance = panel[panel.agency_id == "p15@2025.so-tai-chinh"].sort_values("evaluation_year")
    assert finance.total.tolist() == [Decimal("95"), Decimal("96")]
    assert finance.evaluation_year.tolist() == [2016, 2017]
    wide = panel.pivot_table(index="agency_id", columns="evaluation_year", values="total",
                             aggfunc="first")  # fmt: skip
    assert wide.loc["p15@2025.so-tai-chinh"].tolist() == [Decimal("95"), Decimal("96")]
    assert len(pipeline.open_dataset(db, "decisions")) == 2
    with pytest.raises(ValueError, match="no table or view"):
        pipeline.open_dataset(db, "nothing")


def test_the_readme_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("### Python API", 1)[1].split("```python\n", 1)[1].split("```")[0]
    monkeypatch.chdir(ROOT)
    names: dict[str, object] = {}
    exec(example.replace("out/decisions.duckdb", str(tmp_path / "d.duckdb")), names)  # noqa: S102
    assert names["result"].metadata.decision_number == "512/QĐ-UBND"  # type: ignore[attr-defined]
    wide = names["wide"]
    assert isinstance(wide, pd.DataFrame) and set(wide.columns) == {2016, 2017, 2020}
    assert len(names["decisions"]) == 8  # type: ignore[arg-type]


@pytest.mark.parametrize(("given", "expected"), [(None, "1"), ("3", "3")])
def test_the_library_holds_numpy_to_one_blas_thread_as_the_cli_does(
    given: str | None, expected: str
) -> None:
    """``import pipeline`` (a notebook, ``run_batch`` with workers) sets OpenBLAS to one thread
    before numpy loads, as ``decisions`` does; a user's own setting wins."""
    import os
    import subprocess
    import sys

    environment = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if given is not None:
        environment["OPENBLAS_NUM_THREADS"] = given
    code = "import os, pipeline, numpy; print(os.environ.get('OPENBLAS_NUM_THREADS'))"
    done = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True,
        check=True, cwd=ROOT,
    )  # fmt: skip
    assert done.stdout.strip() == expected

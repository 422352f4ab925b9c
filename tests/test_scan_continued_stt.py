"""A table's STT goes on over a page break: the continued page's first column (9, 10, …) is
its row numbers, not a second rank column (issue 16: a continued table's columns kept)."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from conftest import ROOT, read_csv, run_cli

from pipeline.tables.ranks import counts_on


def test_a_continued_pages_stt_is_read_as_its_row_numbers(tmp_path: Path) -> None:
    # drawn seed 8523's second page (400 dpi, Chromium, ruled, header not repeated): rows 9-21
    # with an STT and a rank that agree; the STT, counting from 9, was taken for a second rank
    # column and dropped, every row number lost with no flag (13 silent values)
    sys.path.insert(0, str(ROOT / "samples"))
    from drawn import make_seed

    truth = make_seed(8523, tmp_path, "300dpi")
    pdf = str(tmp_path / truth["files"][0])
    subprocess.run(["pdfimages", "-j", "-f", "2", "-l", "2", pdf, str(tmp_path / "page")],
                   check=True)  # fmt: skip
    (page,) = tmp_path.glob("page-*.jpg")
    code, _out, err = run_cli("extract", str(page), "--out", str(tmp_path / "o"))
    assert code == 0, err
    entries = read_csv(tmp_path / "o" / "entries.csv")
    assert [e["row_number"] for e in entries] == [str(n) for n in range(9, 22)]
    assert [e["rank"] for e in entries] == [str(n) for n in range(9, 22)]


def test_counting_on_is_every_row_one_more_than_the_last() -> None:
    def column(*numbers: int | None) -> list[Decimal | None]:
        return [None if n is None else Decimal(n) for n in numbers]

    assert counts_on(column(9, 10, 11, 12))
    assert not counts_on(column(9, 10))  # two rows tell nothing
    assert not counts_on(column(9, 10, 10, 12))  # a tie: ranks
    assert not counts_on(column(9, None, 11, 12))  # a gap

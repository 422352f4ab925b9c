"""A table's STT goes on over a page break: the continued page's first column (9, 10, …) is
its row numbers, not a second rank column (issue 16: a continued table's columns kept)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from conftest import extract_drawn_page, read_csv

from pipeline.tables.roles.ranks import counts_on


def test_a_continued_pages_stt_is_read_as_its_row_numbers(tmp_path: Path) -> None:
    # drawn seed 8523's second page (400 dpi, Chromium, ruled, header not repeated): rows 9-21
    # with an STT and a rank that agree; the STT, counting from 9, was taken for a second rank
    # column and dropped, every row number lost with no flag (13 silent values)
    out = extract_drawn_page(8523, "300dpi", 2, tmp_path)
    entries = read_csv(out / "entries.csv")
    assert [e["row_number"] for e in entries] == [str(n) for n in range(9, 22)]
    assert [e["rank"] for e in entries] == [str(n) for n in range(9, 22)]


def test_counting_on_is_every_row_one_more_than_the_last() -> None:
    def column(*numbers: int | None) -> list[Decimal | None]:
        return [None if n is None else Decimal(n) for n in numbers]

    assert counts_on(column(9, 10, 11, 12))
    assert not counts_on(column(9, 10))  # two rows tell nothing
    assert not counts_on(column(9, 10, 10, 12))  # a tie: ranks
    assert not counts_on(column(9, None, 11, 12))  # a gap

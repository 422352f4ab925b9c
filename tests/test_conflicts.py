"""source_conflict compares sources by unit and column position, never by header label."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from dataset_inputs import GENERATED, LAOCAI, edited

from pipeline.store import build

DOCX = GENERATED / "laocai_2016_cntt.docx"  # the primary: a Word file is read first
# Header labels and a name as a PDF reader that splits words inside them prints them.
SPLIT = (
    ("Hạ tầng kỹ thuật CNTT (12)", "Hạ t ầng kỹ thuật CNT T (12)"),
    ("Đảm bảo ATTT (14)", "Đảm bảo ATT T (14)"),
    ("Nhân lực CNTT (7)", "Nhân l ực CNTT (7)"),
    ("\tSở Tài chính\t", "\tSở Tài chí nh\t"),
)
ROW_2 = "2\tSở Tài chính\t12\t37\t12\t13\t7\t14\t95"


def conflicts(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT table_index, row_number, expected, actual FROM flags "
            "WHERE \"check\" = 'source_conflict' ORDER BY table_index, row_number"
        ).fetchall()
    finally:
        con.close()


def labels(db: Path, suffix: str) -> set[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        found = con.execute(
            "SELECT DISTINCT c.component_label FROM components c JOIN documents d USING (doc_id) "
            "WHERE d.source_file LIKE ?",
            [f"%{suffix}"],
        ).fetchall()
    finally:
        con.close()
    return {label for (label,) in found}


@pytest.mark.parametrize("planted", [False, True])
def test_labels_printed_differently_are_no_conflict_a_planted_value_is(
    tmp_path: Path, planted: bool
) -> None:
    changes = ((ROW_2, ROW_2.replace("\t7\t14\t95", "\t6\t14\t95")),) * planted + SPLIT
    split = edited(LAOCAI, tmp_path / "in" / "laocai_split.txt", *changes)
    db = tmp_path / "d.duckdb"
    build([DOCX, split], db)
    assert labels(db, "laocai_split.txt") != labels(db, ".docx")  # the labels do differ
    found = conflicts(db)
    if not planted:
        assert found == []
    else:  # Nhân lực CNTT of Sở Tài chính: 7 in the Word file, 6 in the text
        assert found == [(1, 2, "Nhân lực CNTT = 7", "Nhân lực CNTT = 6")]


def test_a_value_planted_in_each_cell_raises_exactly_its_flag(tmp_path: Path) -> None:
    cells = ROW_2.split("\t")
    names = ["Hạ tầng kỹ thuật CNTT", "ƯD CNTT trong hoạt động của đơn vị",
             "ƯD CNTT phục vụ người dân, DN", "Đảm bảo ATTT", "Nhân lực CNTT",
             "Ban hành và thực hiện các quy định nội bộ về CNTT", "Tổng điểm"]  # fmt: skip
    inputs = [DOCX]
    for column in range(2, len(cells)):
        changed = [*cells]
        changed[column] = str(int(cells[column]) - 1)
        inputs.append(edited(LAOCAI, tmp_path / "in" / f"planted_{column}.txt",
                             (ROW_2, "\t".join(changed)), *SPLIT))  # fmt: skip
    db = tmp_path / "d.duckdb"
    build(inputs, db)
    found = conflicts(db)
    expected = [
        (1, 2, f"{name} = {cells[c]}", f"{name} = {int(cells[c]) - 1}")
        for c, name in enumerate(names, start=2)
    ]
    assert sorted(found) == sorted(expected)

"""The real-page scorer (scripts/eval_realpages.py) pairs and counts as its rules say.

A tiny ranking table is written here (no third-party text), read by the real pipeline, and
scored against hand-made gold: exact gold, a wrong gold value, reordered rows and columns, a
gold table the page does not hold, a gold row the output lacks, a missing excerpt.
"""

from __future__ import annotations

import copy
import json
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from eval_realpages import Tally, evaluate, gold_number, in_column_formats, main  # noqa: E402

from pipeline import extract_document  # noqa: E402
from pipeline.models import DocumentResult, Entry, Value  # noqa: E402
from pipeline.parse import parse_number  # noqa: E402

PAGE = """QUYẾT ĐỊNH
Công bố kết quả xếp hạng mức độ ứng dụng công nghệ thông tin năm 2020

| STT | Tên đơn vị | Hạ tầng kỹ thuật (40) | Ứng dụng CNTT (60) | Tổng điểm (100) | Xếp hạng |
| 1 | Sở Tư pháp | 30,5 | 50 | 80,5 | 1 |
| 2 | Sở Y tế | 29 | 49 | 78 | 2 |
| 3 | Sở Xây dựng | 28 | 47,5 | 75,5 | 3 |
"""

ROWS = [
    ("1", "Sở Tư pháp", ["30,5", "50"], "80,5", "1"),
    ("2", "Sở Y tế", ["29", "49"], "78", "2"),
    ("3", "Sở Xây dựng", ["28", "47,5"], "75,5", "3"),
]


def row(number: str, name: str, parts: list[str], total: str, rank: str) -> dict[str, Any]:
    return {
        "name": name,
        "row_number": number,
        "components": parts,
        "total": total,
        "rank": rank,
        "band": None,
        "row_max": None,
        "percent": None,
    }


def gold_page() -> dict[str, Any]:
    table = {
        "caption": None,
        "component_labels": ["Hạ tầng kỹ thuật", "Ứng dụng CNTT"],
        "component_max": ["40", "60"],
        "total_max": "100",
        "rows": [row(*values) for values in ROWS],
    }
    return {
        "id": "synthetic-ict-2020",
        "url": "about:test",
        "site": "test",
        "index": "ict",
        "year": 2020,
        "layout": "pipe",
        "notes": "",
        "tables": [table],
    }


@pytest.fixture(scope="module")
def excerpts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("excerpts")
    (folder / "synthetic-ict-2020.txt").write_text(PAGE, encoding="utf-8")
    return folder


def test_gold_numbers_read_both_decimal_marks() -> None:
    assert gold_number("0,727") == Decimal("0.727")
    assert gold_number("843.24") == Decimal("843.24")
    assert gold_number("91,77%") == Decimal("91.77")
    assert gold_number("1.234,5") == Decimal("1234.5")
    assert gold_number(None) is None
    with pytest.raises(ValueError):
        gold_number("Tốt")


def test_exact_gold_is_all_right(excerpts: Path) -> None:
    page = evaluate(gold_page(), excerpts)
    assert page.read
    assert page.tally == Tally(printed=15, right=15, wrong=0)


def test_a_differing_value_is_an_unflagged_wrong(excerpts: Path) -> None:
    gold = gold_page()
    gold["tables"][0]["rows"][1]["total"] = "77"
    assert evaluate(gold, excerpts).tally == Tally(printed=15, right=14, wrong=1)


def test_a_number_where_gold_has_none_is_wrong(excerpts: Path) -> None:
    gold = gold_page()
    gold["tables"][0]["rows"][2]["rank"] = None
    assert evaluate(gold, excerpts).tally == Tally(printed=14, right=14, wrong=1)


def test_rows_pair_by_name_and_columns_by_agreement(excerpts: Path) -> None:
    gold = gold_page()
    table = gold["tables"][0]
    table["rows"].reverse()
    for item in table["rows"]:
        item["components"].reverse()
    table["component_labels"].reverse()
    assert evaluate(gold, excerpts).tally == Tally(printed=15, right=15, wrong=0)


def test_a_gold_table_the_output_lacks_counts_as_missed(excerpts: Path) -> None:
    gold = gold_page()
    extra = copy.deepcopy(gold["tables"][0])
    extra["rows"] = [row("1", "UBND huyện A", ["1", "2"], "3", "1")]
    gold["tables"].append(extra)
    page = evaluate(gold, excerpts)
    assert page.read
    assert page.tally == Tally(printed=20, right=15, wrong=0)


def test_a_gold_row_the_output_lacks_counts_as_missed(excerpts: Path) -> None:
    gold = gold_page()
    gold["tables"][0]["rows"].append(row("4", "Sở Nội vụ", ["20", "30"], "50", "4"))
    assert evaluate(gold, excerpts).tally == Tally(printed=20, right=15, wrong=0)


def test_a_table_not_scored_is_aside_but_its_silent_errors_count(excerpts: Path) -> None:
    gold = gold_page()
    gold["tables"][0]["scored"] = False
    gold["tables"][0]["rows"][1]["total"] = "77"
    page = evaluate(gold, excerpts)
    assert not page.read  # a page whose every table is aside holds no table to read
    assert page.tally == Tally(printed=0, right=0, wrong=1)
    assert page.aside == Tally(printed=15, right=14, wrong=0)
    assert "not scored 14/15" in page.note


def test_missing_excerpt_scores_zero(tmp_path: Path) -> None:
    page = evaluate(gold_page(), tmp_path)
    assert not page.read
    assert page.tally == Tally(printed=15, right=0, wrong=0)
    assert page.note.startswith("no excerpt")


def test_require_exits_one_on_a_silent_error(excerpts: Path, tmp_path: Path) -> None:
    gold = gold_page()
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "synthetic-ict-2020.json").write_text(json.dumps(gold), encoding="utf-8")
    assert main([str(excerpts), "--gold", str(folder), "--require", "95"]) == 0
    gold["tables"][0]["rows"][0]["total"] = "80"
    (folder / "synthetic-ict-2020.json").write_text(json.dumps(gold), encoding="utf-8")
    assert main([str(excerpts), "--gold", str(folder), "--require", "95"]) == 1


POPULATION = """Các tỉnh có dân số lớn nhất

| STT | Tỉnh | Dân số (người) | Diện tích (km²) | Xếp hạng |
| 1 | Hà Nội | 8.053.663 | 97.338.579 | 1 |
| 2 | Lào Cai | 730.420 | 2.095 | 2 |
| 3 | Nghệ An | 3.327.791 | 11.115 | 3 |
"""


def population_gold(area: list[str]) -> dict[str, Any]:
    gold = gold_page()
    gold["id"] = "synthetic-population"
    names = ["Hà Nội", "Lào Cai", "Nghệ An"]
    people = ["8.053.663", "730.420", "3.327.791"]
    rows = [
        row(str(i), name, [count, size], None, str(i))  # type: ignore[arg-type]
        for i, (name, count, size) in enumerate(zip(names, people, area, strict=True), start=1)
    ]
    gold["tables"][0].update(component_labels=["Dân số", "Diện tích"], rows=rows)
    return gold


def test_gold_values_read_in_their_column_format() -> None:
    gold = population_gold(["97.338.579", "2.095", "11.115"])
    rows = in_column_formats(gold)["tables"][0]["rows"]
    assert [r["components"][1] for r in rows] == ["97.338.579", "2095", "11115"]
    assert [r["components"][0] for r in rows] == ["8.053.663", "730420", "3.327.791"]
    assert gold["tables"][0]["rows"][1]["components"][1] == "2.095"  # the gold itself unchanged
    scores = gold_page()
    assert in_column_formats(scores) == scores  # "30,5", "80,5": nothing reads two ways


def value_by_value(path: Path) -> DocumentResult:
    """The pipeline's result with every value read alone, as before column formats."""
    result = extract_document(path)

    def alone(value: Value | None) -> Value | None:
        return None if value is None else replace(value, number=parse_number(value.printed))

    def entry(e: Entry) -> Entry:
        parts = tuple(alone(v) for v in e.components)
        return replace(e, components=parts, total=alone(e.total), rank=alone(e.rank))

    tables = tuple(replace(t, entries=tuple(entry(e) for e in t.entries)) for t in result.tables)
    return replace(result, tables=tables)


def test_a_decimal_reading_of_a_thousands_value_is_wrong(tmp_path: Path) -> None:
    (tmp_path / "synthetic-population.txt").write_text(POPULATION, encoding="utf-8")
    gold = population_gold(["97.338.579", "2.095", "11.115"])
    assert evaluate(gold, tmp_path).tally == Tally(printed=12, right=12, wrong=0)
    alone = evaluate(gold, tmp_path, reader=value_by_value).tally
    assert (alone.printed, alone.right) == (12, 9)  # 730.420, 2.095, 11.115 read as decimals


def test_tables_ranking_the_same_units_again_are_not_joined_as_sections(excerpts: Path) -> None:
    """Consecutive output tables of one shape are joined as the sections a reader split at
    group headings, unless the second ranks the units of the first again (a ranking printed
    twice): then gold's two tables each pair with their own."""
    from eval_realpages import joined_sections

    result = extract_document(excerpts / "synthetic-ict-2020.txt")
    (table,) = result.tables
    again = replace(result, tables=(table, replace(table, index=2)))
    assert len(joined_sections(again).tables) == 2
    renamed = tuple(replace(e, agency_raw=f"UBND huyện {e.agency_raw}") for e in table.entries)
    other = replace(result, tables=(table, replace(table, index=2, entries=renamed)))
    assert len(joined_sections(other).tables) == 1

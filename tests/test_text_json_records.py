"""JSON records printed one field per line, as a page showing an API's answer lists them: each
key a column, each record a row, the roles from the values (issue 15, real page `pastebinjson`)."""

from __future__ import annotations

import json

from conftest import tables_of


def _printed(value) -> str | None:  # noqa: ANN001 - a Value or None
    return value.printed if value is not None else None


UNITS = [("S\u1edf T\u01b0 ph\u00e1p", "85.4", 2), ("S\u1edf Y t\u1ebf", "90.1", 1)]
UNITS += [("S\u1edf N\u1ed9i v\u1ee5", "70.5", 3), ("UBND huy\u1ec7n B\u1ea3o Th\u1eafng", "60", 4)]


def _records(units: list[tuple[str, str, int]], bullet: str = "") -> str:
    lines = [f"{bullet}["]
    for name, score, rank in units:
        lines += [f"{bullet}{{", f'{bullet}"tenDonVi": {json.dumps(name)},']
        lines += [f'{bullet}"diem": {score},', f'{bullet}"xepHang": {rank}', f"{bullet}}},"]
    return "Kết quả:\n" + "\n".join(lines) + "\n"


def test_json_records_are_a_table_with_names_decoded() -> None:
    (table,) = tables_of(_records(UNITS, bullet="- "))
    assert [c.role for c in table.columns] == ["agency", "total", "rank"]
    assert [e.agency_raw for e in table.entries] == [u[0] for u in UNITS]
    assert [_printed(e.total) for e in table.entries] == ["85.4", "90.1", "70.5", "60"]


def test_a_record_the_text_ends_inside_keeps_its_whole_fields() -> None:
    text = _records(UNITS) + '{\n"tenDonVi": "S\\u1edf X\\u00e2y d\\u1ef1ng",\n"diem": 55.2,\n"xep'
    (table,) = tables_of(text)
    last = table.entries[-1]
    assert last.agency_raw == "Sở Xây dựng" and last.cut
    assert _printed(last.total) == "55.2" and last.rank is None


def test_records_of_different_keys_are_no_table() -> None:
    text = _records(UNITS[:2]) + '{\n"ten": "Sở Nội vụ",\n"so": 3\n},\n'
    assert tables_of(text) == ()


def test_records_with_viewer_cells_after_each_line_and_a_cut_third_are_a_table() -> None:
    # A gist viewer writes " | |" after every line; two whole records and a third the text
    # ends inside, printing the others' first keys, are three records.
    whole = _records(UNITS[:2]).replace("\n", " | |\n")
    text = whole + '{ | |\n"tenDonVi": "S\\u1edf N\\u1ed9i v\\u1ee5", | |\n"diem": 70.5, | |\n"xep'
    (table,) = tables_of(text)
    assert [e.agency_raw for e in table.entries] == ["Sở Tư pháp", "Sở Y tế", "Sở Nội vụ"]
    assert [_printed(e.total) for e in table.entries] == ["85.4", "90.1", "70.5"]
    assert table.entries[-1].cut


def test_two_records_and_a_third_of_other_keys_are_no_table() -> None:
    text = _records(UNITS[:2]) + '{\n"ten": "Sở Nội vụ",\n"so": 3'
    assert tables_of(text) == ()

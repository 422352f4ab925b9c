"""Evidence a table gives of itself where its words say nothing: a printed maximum over a
column of scores, a maxima row above a group heading, a header's last unknown label glued to
the first name, the maxima row under a header printed again for the next year."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from conftest import extract_one, tables_of


def _cells(*lines: str) -> str:
    return "\n".join(lines) + "\n"


ROWS = (
    ("Huyện Sông Lô", "38,5", "30,25", "20,0", "88,75"),
    ("Huyện Tam Đảo", "35,0", "28,5", "18,75", "82,25"),
    ("Thành phố Vĩnh Yên", "30,25", "25,0", "15,5", "70,75"),
    ("Huyện Lập Thạch", "28,0", "20,75", "12,0", "60,75"),
    ("Huyện Yên Lạc", "20,5", "18,0", "10,25", "48,75"),
)


def test_printed_maxima_over_scores_confirm_labels_of_unknown_words() -> None:
    header = ("District", "Alpha", "(40)", "Beta", "(35)", "Gamma", "(25)", "Sum")
    text = _cells("Điều 1. Kết quả như sau:", "", *header, *(c for row in ROWS for c in row))
    (table,) = tables_of(text)
    assert [(c.role, c.label, c.max_points) for c in table.components()] == [
        ("component", "Alpha", 40), ("component", "Beta", 35), ("component", "Gamma", 25)
    ]  # fmt: skip
    assert [e.agency_raw for e in table.entries] == [row[0] for row in ROWS]


def test_a_maxima_row_over_a_group_heading_gives_each_score_its_maximum(tmp_path: Path) -> None:
    rows = [("1", *ROWS[0]), ("2", *ROWS[1]), ("3", "Huyện Vĩnh Tường", "41,5", "25,0", "15,0",
            "81,5"), ("4", *ROWS[3])]  # fmt: skip
    lines = ("Điều 1. Kết quả như sau:", "", "Điểm tối đa", "40", "35", "25", "100", "I",
             "Các huyện, thành phố", *(c for row in rows for c in row))  # fmt: skip
    path = tmp_path / "maxima.txt"
    path.write_text(_cells(*lines), encoding="utf-8")
    result = extract_one(path)
    (table,) = result.tables
    assert [c.max_points for c in table.components()] == [40, 35, 25]
    assert [(f.check, f.row_number) for f in result.flags if f.severity == "error"] == [
        ("over_max", 3)
    ]


def test_a_header_run_into_the_first_name_keeps_its_labels_whole() -> None:
    # "TC1" … "TC12" are labels: read "TC" | "1" | "TC 2" … the header fits without its last
    # label, "Level", which then opens the first unit's name
    names = [row[0] for row in ROWS]
    bands = ("Xuất sắc", "Tốt", "Khá", "Khá", "Yếu")
    records = []
    for i, (name, band) in enumerate(zip(names, bands, strict=True)):
        parts = [Decimal(9 - i + k % 3) + Decimal(k % 10) / 10 for k in range(12)]
        printed = " ".join(str(p).replace(".", ",") for p in [*parts, sum(parts)])
        records.append(f"{name} {printed} {band}")
    labels = " ".join(f"TC{k}" for k in range(1, 13))
    text = f"Điều 1. Kết quả:\n\nĐịa phương {labels} Tổng cộng điểm Level {' '.join(records)}\n"
    (table,) = tables_of(text)
    assert [c.label for c in table.columns] == [
        "Địa phương", *labels.split(), "Tổng cộng điểm", "Level"
    ]  # fmt: skip
    assert [e.agency_raw for e in table.entries] == names


def test_the_maxima_row_under_a_repeated_header_is_no_unit(tmp_path: Path) -> None:
    header = "STT Tên đơn vị Tiêu chí 1 Tiêu chí 2 Tiêu chí 3 Xếp loại Tổng điểm"
    maxima = "Điểm tối đa 40 35 25 100"
    bands = ("Tốt", "Tốt", "Khá", "Khá", "Yếu")
    body = [
        f"{k} {name} {a} {b} {c} {band} {total}"
        for k, ((name, a, b, c, total), band) in enumerate(zip(ROWS, bands, strict=True), start=1)
    ]
    lines = ("Điều 1. Kết quả như sau:", "", "Năm 2022", "", header, maxima, *body, "",
             "Năm 2023", "", header, maxima, *body)  # fmt: skip
    path = tmp_path / "years.txt"
    path.write_text(_cells(*lines), encoding="utf-8")
    result = extract_one(path)
    assert [[e.agency_raw for e in t.entries] for t in result.tables] == [[r[0] for r in ROWS]] * 2
    assert [f.check for f in result.flags if f.severity == "error"] == []


def test_a_group_heading_between_a_run_in_header_and_the_first_name_is_a_heading() -> None:
    names = ("Công an tỉnh", "Sở Tài chính", "Ban Quản lý Khu kinh tế", "Sở Nội vụ", "Sở Y tế")
    records = " ".join(
        f"{name} {total} {a} {b} {k:02d}"
        for k, (name, (_, a, b, _, total)) in enumerate(zip(names, ROWS, strict=True), start=1)
    )
    text = (
        "Điều 1. Kết quả như sau:\n\nCơ quan, đơn vị Tổng điểm Nhân lực số Xã hội số Hạng "
        f"I Các cơ quan chuyên môn thuộc UBND tỉnh {records}\n"
    )
    (table,) = tables_of(text)
    assert [e.agency_raw for e in table.entries] == list(names)
    assert [c.label for c in table.columns] == [
        "Cơ quan, đơn vị", "Tổng điểm", "Nhân lực số", "Xã hội số", "Hạng"
    ]  # fmt: skip
    assert table.section == "I Các cơ quan chuyên môn thuộc UBND tỉnh"


def test_a_group_heading_ending_a_grid_opens_the_next_group() -> None:
    # the page sets the next group's rows apart: its heading is the first grid's last row,
    # where a unit printed without values would be; its mark says it is a heading
    rows = [f"{k}\t{name}\t{a}\t{b}\t{c}\t{total}" for k, (name, a, b, c, total) in
            enumerate(ROWS, start=1)]  # fmt: skip
    offices = ["1\tSở Nội vụ\t30,0\t20,0\t10,0\t60,0", "2\tSở Y tế\t20,0\t10,0\t5,0\t35,0"]
    text = "\n".join(["Điều 1. Kết quả như sau:", "", "STT\tĐơn vị\tA (40)\tB (35)\tC (25)\t"
                      "Tổng điểm", "I\tCác sở, ban, ngành", *offices, "II\tCác huyện, thành phố",
                      "", *rows]) + "\n"  # fmt: skip
    tables = tables_of(text)
    assert [(t.section, len(t.entries)) for t in tables] == [
        ("I. Các sở, ban, ngành", 2), ("II. Các huyện, thành phố", 5)
    ]  # fmt: skip


def test_a_long_first_name_is_no_header_without_a_word_over_the_figures() -> None:
    # "Thành phố" names a unit column, as a header's "Tỉnh, thành phố" would: cut from the
    # first name, "Thành phố | Hồ" would fit, but no label stands over the ranks and scores
    names = ("Thành phố Hồ Chí Minh", "Bến Tre", "Hà Nội", "Tỉnh Phú Yên", "Nam Định")
    scores = ("0.8602", "0.8277", "0.7828", "0.7460", "0.7277")
    lines = [f"{name} {k}\n({score})" for k, (name, score) in
             enumerate(zip(names, scores, strict=True), start=1)]  # fmt: skip
    text = "PHỤ LỤC\n(Kèm theo Quyết định số 1742/QĐ-BNV)\n\n" + "\n".join(lines) + "\n"
    (table,) = tables_of(text)
    assert [e.agency_raw for e in table.entries] == list(names)


def test_a_header_grid_with_its_maxima_row_goes_on_over_the_next_grid() -> None:
    # the page sets the header and its maxima apart from the rows: two grids, one table
    header = "Đơn vị\tA\tB\tC\tTotal\nĐiểm tối đa\t40\t35\t25\t100\n"
    body = "".join(f"{name}\t{a}\t{b}\t{c}\t{total}\n" for name, a, b, c, total in ROWS)
    (table,) = tables_of(f"Điều 1. Kết quả như sau:\n\n{header}\n{body}")
    assert [c.max_points for c in table.components()] == [40, 35, 25]
    assert [e.agency_raw for e in table.entries] == [row[0] for row in ROWS]


def test_a_two_line_header_one_space_apart_puts_its_second_line_under_its_group() -> None:
    header = ("Thứ tự District Nội dung đánh giá Điểm đạt (100) Hạng năm\n"
              "Hiện đại hóa hành chính (54) Cải cách tổ chức bộ máy (46)\n")  # fmt: skip
    rows = [("Huyện Hải Lăng", "37,59", "33,56", "71,15"), ("UBND huyện Cam Lộ", "37,93",
            "31,36", "69,29"), ("Huyện Đakrông", "30,12", "28,40", "58,52"), ("Huyện Gio Linh",
            "25,00", "20,75", "45,75")]  # fmt: skip
    body = "".join(f"{k} {n} {a} {b} {t} {k}\n" for k, (n, a, b, t) in enumerate(rows, start=1))
    (table,) = tables_of(f"Điều 1. Kết quả như sau:\n\nBảng kết quả\n\n{header}{body}")
    assert [(c.role, c.label, c.max_points) for c in table.columns] == [
        ("row_number", "Thứ tự", None), ("agency", "District", None),
        ("component", "Hiện đại hóa hành chính", 54), ("component", "Cải cách tổ chức bộ máy", 46),
        ("total", "Điểm đạt", 100), ("rank", "Hạng năm", None),
    ]  # fmt: skip


def test_a_maxima_row_skips_the_row_numbers_even_when_a_score_passes_its_maximum(
    tmp_path: Path,
) -> None:
    # three maxima over four columns of numbers: placed over the STT they pass nothing, over
    # the scores one misprinted score passes its own; row numbers have no maximum
    header = "Mục Tên cơ quan Hoạt động chính quyền số Dữ liệu số Level Điểm đạt"
    rows = [("Sở Xây dựng", "8,2", "16,2", "Yếu", "24,4"), ("Sở Y tế", "38,5", "50,0", "Tốt",
            "88,5"), ("Sở Nội vụ", "30,0", "40,0", "Khá", "70,0"), ("Sở Tư pháp", "20,0",
            "30,5", "Trung bình", "50,5")]  # fmt: skip
    body = [f"{k} {name} {a} {b} {band} {t}" for k, (name, a, b, band, t) in
            enumerate(rows, start=1)]  # fmt: skip
    lines = ["Điều 1. Kết quả như sau:", "", header, "Điểm tối đa 38 62 100",
             "I Các cơ quan chuyên môn thuộc UBND tỉnh", *body]  # fmt: skip
    path = tmp_path / "maxima_stt.txt"
    path.write_text(_cells(*lines), encoding="utf-8")
    result = extract_one(path)
    (table,) = result.tables
    assert [c.max_points for c in table.components()] == [38, 62]
    assert [(f.check, f.row_number) for f in result.flags if f.severity == "error"] == [
        ("over_max", 2)
    ]

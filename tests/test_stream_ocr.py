"""Unruled tables as OCR gives them: columns some rows garble, names wrapped around their
row's numbers, and the page pass's paper made white away from the ink."""

from __future__ import annotations

import numpy as np

from pipeline.geometry.stream import cell_texts, find_stream_tables
from pipeline.geometry.text import TextLine, TextWord
from pipeline.ocr.page import ink_on_white

HEIGHT = 10.0
NUMBERS_AT = (250.0, 290.0, 330.0, 370.0)  # x0 of each numeric column, 20 points wide
NAME_AT = 100.0
STT_AT = 80.0


def line(top: float, *words: tuple[str, float, float]) -> TextLine:
    placed = [TextWord(text, x0, top, x1, top + HEIGHT) for text, x0, x1 in words]
    return TextLine(placed, placed[0].x0, top, placed[-1].x1, top + HEIGHT)


def numbered(top: float, number: str, name: str | None, values: list[str]) -> TextLine:
    words = [(number, STT_AT, STT_AT + 6)]
    if name is not None:
        words.append((name, NAME_AT, NAME_AT + 6 * len(name)))
    words += [(value, x0, x0 + 20) for value, x0 in zip(values, NUMBERS_AT, strict=True)]
    return line(top, *words)


def name_only(top: float, name: str) -> TextLine:
    return line(top, (name, NAME_AT, NAME_AT + 6 * len(name)))


def test_columns_most_rows_print_in_when_a_garbled_row_breaks_the_shape() -> None:
    lines = [
        numbered(0, "1", "Sở Tài chính", ["11.7", "39.1", "12.7", "97.7"]),
        numbered(20, "2", "Sở Y tế", ["11.4", "38.1", "12.4", "95.3"]),
        # two numbers read as one word across the gap between their columns
        line(
            40,
            ("3", STT_AT, STT_AT + 6),
            ("Thanh tra", NAME_AT, NAME_AT + 54),
            ("10.5-35.0", 250, 310),
            ("11.4", 330, 350),
            ("87.6", 370, 390),
        ),  # fmt: skip
        numbered(60, "4", None, ["10.2", "33.9", "11.0", "84.8"]),  # names wrapped apart
        numbered(80, "5", "Sở Nội vụ", ["9.5", "31.6", "10.3", "79.0"]),
        numbered(100, "6", None, ["8.7", "29.1", "9.5", "72.7"]),
        numbered(120, "7", None, ["8.5", "27.8", "9.0", "69.6"]),
    ]
    # the most common shape, five segments, has the name in one row and the joined word
    shaped = find_stream_tables(lines, 6.0, 3, 3)[0][0]
    assert len(shaped.columns) == 5 and cell_texts(shaped.rows[0])[2] == "11.7 39.1"
    tables, rest = find_stream_tables(lines, 6.0, 3, 3, by_coverage=True)
    assert rest == [] and len(tables) == 1
    table = tables[0]
    rows = [cell_texts(row) for row in table.rows]
    assert rows[0] == ["1", "Sở Tài chính", "11.7", "39.1", "12.7", "97.7"]
    assert rows[2][2] == "10.5-35.0" and table.rows[2].spanned[3]  # its cell pass reads it again
    assert rows[3] == ["4", "", "10.2", "33.9", "11.0", "84.8"]
    assert rows[6] == ["7", "", "8.5", "27.8", "9.0", "69.6"]
    assert all(x1 <= x0 for (_, x1), (x0, _) in zip(table.columns, table.columns[1:], strict=False))


def test_a_name_wrapped_around_its_numbers_joins_its_own_row() -> None:
    lines = [
        numbered(0, "1", "Sở Tài chính", ["11.7", "39.1", "12.7", "97.7"]),
        name_only(18, "Sở Nông nghiệp và"),  # set above the middle of its row
        numbered(26, "2", None, ["11.4", "38.1", "12.4", "95.3"]),
        name_only(34, "Môi trường"),
        numbered(52, "3", "Sở Y tế", ["10.5", "35.0", "11.4", "87.6"]),
        numbered(70, "4", "Ban Quản lý các khu", ["10.2", "33.9", "11.0", "84.8"]),
        name_only(80, "công nghiệp"),  # set on the line under its row's top line
        numbered(98, "5", "Sở Nội vụ", ["9.5", "31.6", "10.3", "79.0"]),
    ]
    tables, _ = find_stream_tables(lines, 6.0, 3, 3, by_coverage=True)
    names = [cell_texts(row)[1] for row in tables[0].rows]
    assert names == ["Sở Tài chính", "Sở Nông nghiệp và Môi trường", "Sở Y tế",
                     "Ban Quản lý các khu công nghiệp", "Sở Nội vụ"]  # fmt: skip
    assert [cell_texts(row)[0] for row in tables[0].rows] == ["1", "2", "3", "4", "5"]
    # a text PDF keeps reading a wrapped line as the row above's
    text_pdf, _ = find_stream_tables(lines, 6.0, 3, 3)
    assert len(text_pdf[0].rows) == 6


def test_paper_away_from_the_ink_is_made_white() -> None:
    rng = np.random.default_rng(7)
    gray = rng.integers(200, 250, size=(40, 60)).astype(np.uint8)  # mottled paper
    gray[10:30, 20:24] = 60  # a stroke
    gray[10:30, 24] = 140  # its grey edge
    gray[28:30, 40:42] = 170  # a faint decimal point, lighter than the threshold
    ink = np.zeros_like(gray)
    ink[10:30, 20:24] = 255
    clean = ink_on_white(gray, ink)
    assert (clean[10:30, 20:24] == 60).all() and (clean[10:30, 24] == 140).all()
    assert (clean[28:30, 40:42] == 170).all()
    assert (clean[:8] == 255).all() and (clean[:, 27:40] == 255).all()


def test_a_name_wrapped_above_and_below_its_numbers_moves_down_whole() -> None:
    # drawn seed 9802: the second line of the name stands a hair above its row's numbers, so
    # the lines come name, name, numbers; the first name line was weighed against the second
    # one (both fill the name cell) and stayed with the row above, two names in one row
    lines = [
        numbered(0, "1", "Sở Tư pháp", ["9.5", "19.2", "24.0", "95.9"]),
        name_only(20, "Sở Nông nghiệp và Môi"),
        name_only(27.5, "trường"),
        numbered(28, "2", None, ["7.4", "14.8", "18.6", "74.1"]),
        numbered(50, "3", "Sở Y tế", ["8.2", "16.3", "20.5", "81.9"]),
    ]
    tables, _ = find_stream_tables(lines, 6.0, 3, 3, by_coverage=True)
    names = [cell_texts(row)[1] for row in tables[0].rows]
    assert names == ["Sở Tư pháp", "Sở Nông nghiệp và Môi trường", "Sở Y tế"]


def test_names_wrapped_off_every_line_of_numbers_make_their_own_column() -> None:
    header = [line(0, ("Tên đơn vị", NAME_AT, 160), ("Điểm (40)", 250, 290),
                   ("(30)", 290, 310), ("(20)", 330, 350), ("Tổng", 370, 390))]  # fmt: skip
    rows = []
    for index, (first, second) in enumerate(
        [
            ("Cục Thống kê", "thành phố"),
            ("Sở Tài nguyên và", "Môi trường"),
            ("Văn phòng Ủy ban", "nhân dân"),
        ]  # fmt: skip
    ):
        top = 20 + 30 * index
        rows += [name_only(top, first),
                 line(top + 8, *((f"{9 - index}.{index}", x0, x0 + 20) for x0 in NUMBERS_AT)),
                 name_only(top + 16, second)]  # fmt: skip
    tables, rest = find_stream_tables(header + rows, 6.0, 3, 3, by_coverage=True)
    table = tables[0]
    found = [cell_texts(row) for row in table.rows]
    assert found[-3:] == [
        ["Cục Thống kê thành phố", "9.0", "9.0", "9.0", "9.0"],
        ["Sở Tài nguyên và Môi trường", "8.1", "8.1", "8.1", "8.1"],
        ["Văn phòng Ủy ban nhân dân", "7.2", "7.2", "7.2", "7.2"],
    ]
    assert found[0][0] == "Tên đơn vị"


def test_a_speck_between_the_row_number_and_the_name_places_neither_wrongly() -> None:
    # drawn seed 9105 at 300 dpi: a "_" read between "2" and the name, nearer the name, made
    # "_ Cục Thuế tỉnh" one segment whose left edge fell in the row number's column, so the row
    # read "2 _ Cục Thuế tỉnh" as its number and no name (16 values without their unit)
    def specked(top: float, number: str, speck_at: float, name: str, values: list[str]) -> TextLine:
        words = [(word, NAME_AT + 28 * i, NAME_AT + 28 * i + 25)
                 for i, word in enumerate(name.split())]  # fmt: skip
        return line(
            top,
            (number, STT_AT, STT_AT + 6),
            ("_", speck_at, speck_at + 5),
            *words,
            *[(value, x0, x0 + 20) for value, x0 in zip(values, NUMBERS_AT, strict=True)],
        )

    lines = [
        specked(0, "1", 88.0, "Kho bạc", ["11", "37", "12", "92"]),  # the speck by the number
        specked(20, "2", 92.0, "Cục Thuế", ["10", "36", "12", "90"]),  # by the name
        specked(40, "3", 88.0, "Sở Tư", ["11", "36", "12", "89"]),
        specked(60, "4", 92.0, "Công an", ["10", "35", "11", "87"]),
    ]
    tables, _ = find_stream_tables(lines, 4.0, 3, 3, by_coverage=True)
    rows = [cell_texts(row) for row in tables[0].rows]
    assert [row[:2] for row in rows] == [
        ["1", "Kho bạc"], ["2", "Cục Thuế"], ["3", "Sở Tư"], ["4", "Công an"]
    ]  # fmt: skip


def test_a_speck_bridging_the_row_number_and_the_name_parts_them() -> None:
    # drawn seed 9751 at 300 dpi: "3 _ UBND": the "_" stood less than the segment gap from
    # both, so the STT and the name were one segment, placed in the STT's column; the row
    # lost its name (its values went out with no unit). A dash inside a name stands one
    # word space from its words and parts nothing.
    def row(top: float, number: str, name: str, speck: bool, values: list[str]) -> TextLine:
        words = [(w, NAME_AT + 30 * i, NAME_AT + 30 * i + 28) for i, w in enumerate(name.split())]
        bridge = [("_", STT_AT + 9.5, STT_AT + 16.5)] if speck else []  # 3.5 from both
        return line(
            top,
            (number, STT_AT, STT_AT + 6),
            *bridge,
            *words,
            *[(value, x0, x0 + 20) for value, x0 in zip(values, NUMBERS_AT, strict=True)],
        )

    lines = [
        row(0, "1", "Sở Lao - Thương", False, ["11", "37", "12", "92"]),
        row(20, "2", "Sở Tư pháp", False, ["10", "36", "12", "90"]),
        row(40, "3", "Sở Công an", True, ["11", "36", "12", "89"]),
        row(60, "4", "Sở Y tế", False, ["10", "35", "11", "87"]),
    ]
    tables, _ = find_stream_tables(lines, 4.0, 3, 3, by_coverage=True)
    rows = [cell_texts(row) for row in tables[0].rows]
    assert [row[:2] for row in rows] == [
        ["1", "Sở Lao - Thương"], ["2", "Sở Tư pháp"], ["3", "Sở Công an"], ["4", "Sở Y tế"]
    ]  # fmt: skip


def tails(top: float, digits: list[str | None]) -> TextLine:
    """The last digits of numbers broken in narrow columns, under their heads ("11.6" over "5")."""
    words = [(d, x0 + 8, x0 + 14) for d, x0 in zip(digits, NUMBERS_AT, strict=True) if d]
    return line(top, *words)


def test_the_last_digits_of_numbers_broken_in_narrow_columns_join_their_row() -> None:
    lines = []
    for index in range(4):
        top = 30.0 * index
        lines += [numbered(top, str(index + 1), "Sở Y tế", ["11.6", "39.1", "12.7", "97.8"]),
                  tails(top + 12, ["5", "0", None, "5"])]  # fmt: skip
    tables, _ = find_stream_tables(lines, 6.0, 3, 3, by_coverage=True)
    rows = [cell_texts(row) for row in tables[0].rows]
    assert rows == [[str(n), "Sở Y tế", "11.65", "39.10", "12.7", "97.85"] for n in (1, 2, 3, 4)]


def test_a_row_of_its_own_is_no_tail_even_when_it_prints_small_numbers() -> None:
    lines = [numbered(30.0 * i, str(i + 1), "Sở Y tế", ["8", "9", "5", "22"]) for i in range(4)]
    lines.insert(1, numbered(12, "2", None, ["5", "0", "1", "6"]))  # its STT: a row
    tables, _ = find_stream_tables(lines, 6.0, 3, 3, by_coverage=True)
    assert len(tables[0].rows) == 5


def test_columns_come_from_the_rows_of_numbers_under_a_header_wrapped_word_by_word() -> None:
    # a header set in narrow columns wraps a word a line: its lines outnumber the rows, and
    # their shape (the number columns only) is not the table's
    header = [line(-60.0 + 10 * k, *((w, x0, x0 + 16) for x0 in NUMBERS_AT))
              for k, w in enumerate(["Phản", "ánh", "kiến", "nghị", "(12)"])]  # fmt: skip
    rows = [numbered(30.0 * i, str(i + 1), "Sở Tài chính", ["11.7", "39.1", "12.7", "97.7"])
            for i in range(3)]  # fmt: skip
    tables, _ = find_stream_tables(header + rows, 6.0, 3, 3, by_coverage=True)
    assert len(tables[0].columns) == 6
    assert cell_texts(tables[0].rows[-1]) == ["3", "Sở Tài chính", "11.7", "39.1", "12.7", "97.7"]


def stt_lost(top: float, name: str, values: list[str]) -> TextLine:
    """A row whose STT the page pass did not read."""
    words = [(value, x0, x0 + 20) for value, x0 in zip(values, NUMBERS_AT, strict=True)]
    return line(top, (name, NAME_AT, NAME_AT + 6 * len(name)), *words)


def test_a_table_run_on_into_the_next_block_is_one_table_not_two_sharing_rows() -> None:
    # a long name wrapped over three lines parts the runs of many-segment lines; the rows
    # after it whose STT the page pass lost continue the table above into the next run
    values = ["11.7", "39.1", "12.7", "97.7"]
    lines = [
        numbered(0, "1", "Sở Y tế", values),
        numbered(20, "2", "Sở Nội vụ", values),
        numbered(40, "3", "Sở Văn hóa,", values),
        name_only(52, "Thể thao"),
        name_only(64, "và Du"),
        name_only(76, "lịch"),
        stt_lost(96, "Sở Du lịch", values),
        stt_lost(116, "Sở Du lịch", values),
        numbered(136, "6", "Sở Tư pháp", values),
        numbered(156, "7", "Công an tỉnh", values),
    ]
    tables, rest = find_stream_tables(lines, 6.0, 3, 3, by_coverage=True)
    assert rest == [] and len(tables) == 1
    names = [cell_texts(row)[1] for row in tables[0].rows]
    assert names == ["Sở Y tế", "Sở Nội vụ", "Sở Văn hóa, Thể thao và Du lịch", "Sở Du lịch",
                     "Sở Du lịch", "Sở Tư pháp", "Công an tỉnh"]  # fmt: skip


def test_names_wrapped_word_by_word_between_rows_keep_the_rows_one_table() -> None:
    # a narrow name column: each name set a word a line, three or four lines under its row's
    # numbers, more lines than may part two rows of one table
    lines: list[TextLine] = []
    names = [["Kho", "bạc", "Nhà", "nước", "tỉnh"], ["Sở", "Xây", "dựng"], ["Thanh", "tra", "tỉnh"]]
    top = 0.0
    for number, words in enumerate(names * 2, 1):
        lines.append(numbered(top, str(number), words[0], ["13", "31", "27", "89"]))
        lines += [name_only(top + 12 * k, word) for k, word in enumerate(words[1:], 1)]
        top += 12 * len(words) + 8
    tables, rest = find_stream_tables(lines, 6.0, 3, 3, by_coverage=True)
    assert rest == [] and len(tables) == 1
    assert [cell_texts(row)[1] for row in tables[0].rows][:3] == [
        "Kho bạc Nhà nước tỉnh", "Sở Xây dựng", "Thanh tra tỉnh"]  # fmt: skip


def test_prose_whose_words_stand_apart_above_a_table_leaves_the_table_found() -> None:
    # justified prose in a wide font: its lines split into many segments that bridge the
    # table's columns, more of them than the table has rows, and a date's digits above them
    prose = [line(-96.0, ("ngày", 70, 95), ("2", 120, 126), ("tháng", 150, 180),
                  ("3", 200, 206), ("năm", 230, 250), ("2018", 290, 315))]  # fmt: skip
    prose += [
        line(-84.0 + 12 * k, *(("chữ", 70.0 + 50 * i + 5 * k, 112.0 + 50 * i + 5 * k)
                               for i in range(7)))
        for k in range(6)
    ]  # fmt: skip
    rows = [numbered(40.0 + 20 * i, str(i + 1), "Sở Tư pháp", ["13", "31", "27", "89"])
            for i in range(4)]  # fmt: skip
    tables, _ = find_stream_tables(prose + rows, 6.0, 3, 3, by_coverage=True)
    assert [[cell_texts(row) for row in table.rows] for table in tables] == [
        [[str(i + 1), "Sở Tư pháp", "13", "31", "27", "89"] for i in range(4)]
    ]

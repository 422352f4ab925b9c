"""A header printed one cell per line: joined in one level or two, kept only where its maxima
hold over the numbers under them."""

from pipeline.ingest.text.cell_header import header_cells, maxima_hold

ROWS = [
    ["1", "Ninh Bình", "30,19", "29,55", "23,80", "37,28", "19,75", "36,93", "88,75", "1"],
    ["2", "Hưng Yên", "24,53", "30,16", "23,96", "36,93", "21,54", "37,17", "87,34", "2"],
    ["3", "Bình Định", "30,36", "21,74", "20,66", "37,07", "21,76", "41,91", "86,75", "3"],
    ["4", "Quảng Trị", "25,59", "28,09", "20,90", "38,15", "21,07", "30,93", "82,37", "4"],
]
TWO_LEVELS = [
    "STT",
    "Địa phương",
    "Nội dung đánh giá",
    "Điểm DTI",
    "(100)",
    "Hạng",
    "năm",
    "An toàn",
    "thông tin mạng (32)",
    "Hoạt",
    "động chính quyền số (33)",
    "Thể chế số",
    "(27)",
    "Hạ tầng số",
    "(41)",
    "Nhận thức số",
    "(23)",
    "Dữ liệu",
    "số (44)",
]


def test_two_level_header_puts_the_sub_labels_under_their_group() -> None:
    assert header_cells(TWO_LEVELS, 10, ROWS) == [
        "STT",
        "Địa phương",
        "An toàn thông tin mạng (32)",
        "Hoạt động chính quyền số (33)",
        "Thể chế số (27)",
        "Hạ tầng số (41)",
        "Nhận thức số (23)",
        "Dữ liệu số (44)",
        "Điểm DTI (100)",
        "Hạng năm",
    ]


def test_one_level_header_is_joined_as_printed() -> None:
    parts = ["STT", "Tên", "đơn vị", "A (32)", "B (33)", "C", "(27)", "D (41)"]
    parts += ["E (23)", "F (44)", "Tổng (100)", "Hạng"]
    assert header_cells(parts, 10, ROWS) == [
        "STT",
        "Tên đơn vị",
        "A (32)",
        "B (33)",
        "C (27)",
        "D (41)",
        "E (23)",
        "F (44)",
        "Tổng (100)",
        "Hạng",
    ]


def test_no_reading_when_the_maxima_do_not_hold() -> None:
    parts = ["STT", "Tên", "A (20)", "B (20)", "C (20)", "D (20)", "E (20)", "F (20)"]
    parts += ["Tổng (50)", "Hạng"]
    assert header_cells(parts, 10, ROWS) is None


def test_one_score_over_its_maximum_is_a_finding_not_a_misplaced_label() -> None:
    labels = ["STT", "Tên", "A (30,2)", "B", "C", "D", "E", "F", "Tổng", "Hạng"]
    assert maxima_hold(labels, ROWS)  # only 30,36 is over 30,2
    assert not maxima_hold(["STT", "Tên (10)", *labels[2:]], ROWS)  # a maximum over names


def test_words_in_parentheses_wrapped_over_two_parts_go_on_the_label_before_them() -> None:
    parts = ["STT", "Địa", "phương", "A (32)", "B (33)", "C (27)", "D (41)", "E (23)", "F (44)"]
    parts += ["Tổng", "(100)", "Vị trí", "(giá", "trị)"]
    assert header_cells(parts, 10, ROWS)[-1] == "Vị trí (giá trị)"


def test_of_two_level_readings_that_hold_the_one_with_no_rank_under_a_maximum_wins() -> None:
    parts = ["STT", "Đơn", "vị", "Tổng", "(100)", "Điểm từng phần", "Hạng"]
    parts += ["Chỉ số 1 (17)", "Chỉ số 2", "(15)", "Chỉ số 3 (26)", "Chỉ số 4", "(42)"]
    rows = [
        [str(k), name, total, *parts_, f"{k:02d}"]
        for k, (name, total, parts_) in enumerate(
            [
                ("Thái Bình", "96.55", ["16.31", "13.21", "25.03", "42.00"]),
                ("Đắk Lắk", "90.10", ["17.00", "15.00", "22.11", "35.99"]),
                ("Nam Định", "76.12", ["12.26", "10.49", "17.14", "36.23"]),
                ("Hà Nội", "70.00", ["10.00", "12.00", "18.00", "30.00"]),
            ],
            1,
        )
    ]
    assert header_cells(parts, 8, rows) == [
        "STT",
        "Đơn vị",
        "Tổng (100)",
        "Chỉ số 1 (17)",
        "Chỉ số 2 (15)",
        "Chỉ số 3 (26)",
        "Chỉ số 4 (42)",
        "Hạng",
    ]


def test_readings_that_fit_as_well_keep_only_what_they_agree_on() -> None:
    # Every maximum is "(1)": the total's label read as a sub-label of the group, or after
    # it, fits the numbers as well. The maxima stay (a score over 1 must be flagged); the
    # labels the readings place differently are not guessed.
    parts = ["STT", "Huyện", "Kết quả theo trụ cột", "Tổng cộng", "điểm (1)", "Thanh"]
    parts += ["toán (1)", "Cổng thông tin", "(1)", "Một", "cửa (1)", "Chữ ký số", "(1)"]
    rows = [
        [str(k), name, *scores]
        for k, (name, scores) in enumerate(
            [
                ("Bạc Liêu", ["0.7805", "0.9655", "0.8961", "0.9605", "0.9007"]),
                ("Hồng Dân", ["1.0010", "0.5217", "0.4949", "0.0302", "0.5120"]),
                ("Phước Long", ["1.0000", "0.8588", "0.9260", "0.9014", "0.9216"]),
                ("Vĩnh Lợi", ["0.6082", "0.7668", "0.6215", "0.4999", "0.6241"]),
            ],
            1,
        )
    ]
    assert header_cells(parts, 7, rows) == ["STT", "Huyện", "(1)", "(1)", "(1)", "(1)", "(1)"]

"""Pieces of one printed line that a scan's layout set at different heights are joined for the
metadata; two columns, a text layer's lines and specks are left alone; a stamp's unsure
garble at a line's end is left out. Boxes as decree-i.jpg's page pass gave them (points)."""

from __future__ import annotations

from pipeline.models import Line, Provenance, Word
from pipeline.ocr.pieces import joined_pieces

Box = tuple[float, float, float, float]


def word(text: str, box: Box, confidence: float = 96.0, method: str = "ocr") -> Word:
    return Word(text, Provenance("d.jpg", 1, bbox=box, method=method, confidence=confidence))


def line(*words: Word) -> Line:
    boxes = [w.at.bbox for w in words if w.at.bbox]
    box = (min(b[0] for b in boxes), min(b[1] for b in boxes),
           max(b[2] for b in boxes), max(b[3] for b in boxes))  # fmt: skip
    text = " ".join(w.text for w in words)
    return Line(text, Provenance("d.jpg", 1, bbox=box, method=words[0].at.method), words=words)


def texts(lines: list[Line]) -> list[str]:
    return [lin.text for lin in lines]


def title_line(method: str = "ocr") -> Line:
    return line(
        word("Ngy:O†1O112024.", (53.5, 106.3, 142.8, 120.0), 33.8, method),
        word("Quy", (151.2, 107.0, 178.6, 121.2), method=method),
        word("định", (182.9, 106.8, 214.1, 121.0), method=method),
        word("tiết", (239.8, 103.0, 261.1, 117.8), method=method),
        word("thi", (265.0, 106.1, 282.2, 117.4), method=method),
        word("hành", (286.6, 106.1, 318.7, 117.6), method=method),
    )


def test_a_word_set_lower_goes_back_into_its_line_and_a_stamps_garble_is_left_out() -> None:
    chi = line(word("chỉ", (216.7, 106.6, 238.6, 127.7)))
    below = line(word("Căn", (140.2, 157.0, 170.0, 179.0)), word("cứ", (173.0, 157.0, 190.0, 179)))
    assert texts(joined_pieces([title_line(), chi, below])) == [
        "Quy định chi tiết thi hành",  # "quy định chi tiết": the phrase's marks, as lines get
        "Căn cứ",
    ]


def test_pieces_join_in_a_chain_and_keep_the_first_pieces_place() -> None:
    pieces = [
        line(
            word("Chính", (141.8, 345.6, 175.0, 370.8)),
            word("phủ", (178.0, 345.6, 200.0, 370.8)),
            word("ban", (204.0, 345.6, 228.0, 370.8)),
            word("hành", (232.0, 345.6, 334.6, 370.8)),
        ),
        line(word("chỉ", (397.4, 351.1, 415.0, 368.4)), word("tiết", (418.0, 351.1, 440.0, 368.4))),
        line(word("quy", (339.1, 353.5, 360.0, 375.8)), word("định", (363.0, 353.5, 392.6, 375.8))),
        line(word("điều", (440.5, 350.6, 473.6, 377.8))),  # touches "tiết" by 0.5 pt
    ]
    before = line(word("Theo", (141.8, 319.7, 170.0, 337.9)))
    assert texts(joined_pieces([before, *pieces])) == [
        "Theo", "Chính phủ ban hành quy định chi tiết điều",
    ]  # fmt: skip


def test_two_columns_specks_and_a_text_layer_stay_apart() -> None:
    number = line(word("Số:", (112.1, 30.0, 130.0, 45.4)), word("15/QĐ", (133.0, 33.6, 238, 49.9)))
    place = line(word("Hà", (313.7, 32.2, 333.4, 43.4)), word("Nội,", (336.7, 32.4, 361.4, 45.8)))
    type_word = line(word("NGHỊ", (308.9, 88.1, 350.2, 102.2)))
    speck = line(word(":", (292.3, 92.4, 292.8, 92.9), 0.0))
    assert texts(joined_pieces([number, place, speck, type_word])) == [
        "Số: 15/QĐ", "Hà Nội,", ":", "NGHỊ",
    ]  # fmt: skip
    layer = [title_line("pdf"), line(word("chỉ", (216.7, 106.6, 238.6, 127.7), method="pdf"))]
    assert joined_pieces(layer) == layer


def test_a_sure_word_or_a_plain_word_at_the_end_is_kept() -> None:
    sure = title_line()
    sure_words = (word("Ngy:O†1O112024.", (53.5, 106.3, 142.8, 120.0), 90.0), *sure.words[1:])
    assert texts(joined_pieces([line(*sure_words)]))[0].startswith("Ngy:")
    plain_words = (word("Ngày", (53.5, 106.3, 142.8, 120.0), 30.0), *sure.words[1:])
    assert texts(joined_pieces([line(*plain_words)]))[0].startswith("Ngày")

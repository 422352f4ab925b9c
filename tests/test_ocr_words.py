"""OCR word repairs that need no image: acronyms by the document's own clear readings, and the
digits pass's vote across heights."""

from __future__ import annotations

from pipeline.models import Line, Page, Provenance, Word
from pipeline.ocr.acronyms import repair_acronyms
from pipeline.ocr.cells import _reread_word
from pipeline.ocr.engine import OcrWord, Reading
from pipeline.ocr.page import _reads_upright
from pipeline.ocr.readings import vote


def prose(*words: tuple[str, float]) -> Line:
    at = Provenance("scan.png", 1, (0.0, 0.0, 9.0, 1.0), method="ocr")
    return Line(
        " ".join(text for text, _ in words),
        at,
        words=tuple(Word(text, Provenance("scan.png", 1, confidence=c)) for text, c in words),
    )


def page(*lines: Line) -> Page:
    return Page(1, lines, method="ocr")


def test_a_garbled_acronym_takes_the_one_the_document_prints_clearly() -> None:
    title = prose(("chuyển", 95.0), ("đổi", 95.0), ("số", 95.0), ("(DTTI)", 14.0), ("năm", 96.0))
    article = prose(("Chỉ", 96.0), ("số", 96.0), ("(DTI)", 92.0))
    (fixed,) = repair_acronyms((page(title, article),))
    assert fixed.lines[0].text == "chuyển đổi số (DTI) năm"
    assert fixed.lines[0].words[3].text == "(DTI)"
    assert fixed.lines[1] == article


def test_a_sure_word_or_an_ambiguous_one_stays_as_read() -> None:
    sure = prose(("(DTTI)", 91.0), ("PCI", 95.0))
    ambiguous = prose(("PCR", 20.0), ("PAR", 95.0), ("PCI", 95.0))  # PAR and PCI: one edit each
    (kept,) = repair_acronyms((page(sure, ambiguous),))
    assert [line.text for line in kept.lines] == ["(DTTI) PCI", "PCR PAR PCI"]


def test_the_heights_vote_and_a_split_vote_stays_unsure() -> None:
    readings = [Reading("735", 79.0), Reading("79.5", 92.0), Reading("79.5", 95.0),
                Reading("795", 43.0)]  # fmt: skip
    winner = vote(readings)
    assert winner.text == "79.5"
    assert winner.confidence < 80.0  # 187 of 309: not a sure reading
    assert vote([Reading("", 0.0)]) == Reading("", 0.0)


def test_a_lines_second_reading_never_makes_a_numbers_strokes_letters() -> None:
    # a handwritten day "3|" in "ngày … tháng": the line read again gives "ä{_"; the strokes stay
    day = Word("3|", Provenance("scan.png", 1, (0.0, 0.0, 1.0, 1.0), confidence=20.0))
    assert _reread_word(day, "ä{_", 90.0) is day
    word = Word("tbáng", Provenance("scan.png", 1, (0.0, 0.0, 1.0, 1.0), confidence=40.0))
    assert _reread_word(word, "tháng", 90.0).text == "tháng"
    assert _reread_word(day, "31", 90.0).text == "31"


def _words(count: int, confidence: float, tall: bool) -> list[OcrWord]:
    """``count`` words of four letters on lines, standing taller than wide when ``tall``."""
    size = (20, 60) if tall else (60, 20)
    return [OcrWord("chữa", 100, 40 * n, 100 + size[0], 40 * n + size[1], confidence)
            for n in range(count)]  # fmt: skip


def test_a_guessed_orientation_stands_only_when_the_page_pass_reads_it_upright() -> None:
    """The profile's guess is kept (no OSD) only when the page pass reads enough words, mostly
    sure, mostly wider than tall: Tesseract reads a page turned 90° as vertical lines, some of
    them sure, and a page upside down mostly unsure."""
    assert _reads_upright(_words(40, 96.0, tall=False))
    assert not _reads_upright(_words(40, 96.0, tall=True))  # sideways, read as vertical lines
    assert not _reads_upright(_words(40, 50.0, tall=False))  # upside down
    assert not _reads_upright(_words(10, 96.0, tall=False))  # too few words to tell

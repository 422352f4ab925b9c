"""A tone mark lost where Vietnamese has no such syllable is put back from Tesseract's own
Vietnamese dictionary (inside vie.traineddata): only where one tone alone makes a syllable,
never on a word read with a tone, a word two tones could make, or a foreign word."""

from __future__ import annotations

import pytest

from pipeline.ocr.syllables import fix_tones, respelled, syllables, toneless


@pytest.fixture(scope="module")
def known() -> frozenset[str]:
    words = syllables()
    assert len(words) > 3000  # the real dictionary, read from the installed language data
    return words


def test_the_dictionary_is_the_engines_own(known: frozenset[str]) -> None:
    assert {"chuẩn", "tiếp", "quyết", "tổ", "bổ"} <= known
    assert not {"chuân", "tiêp", "quyêt"} & known


def test_a_lost_tone_comes_back_where_one_tone_makes_a_syllable(known: frozenset[str]) -> None:
    read = "thủ tục nội bộ được chuân hóa, Triên khai và trả kêt quả giải quyêt"
    assert fix_tones(read, known) == (
        "thủ tục nội bộ được chuẩn hóa, Triển khai và trả kết quả giải quyết"
    )
    assert fix_tones("CHUÂN HÓA", known) == "CHUẨN HÓA"  # in the case printed


def test_words_that_are_syllables_or_ambiguous_or_foreign_are_left(known: frozenset[str]) -> None:
    assert fix_tones("tô chức bồ sung", known) == "tô chức bồ sung"  # both are syllables
    assert respelled("tiêp", known) == "tiêp"  # "tiếp" or "tiệp": two tones make one
    assert respelled("cáu", known) == "cáu"  # read with a tone: left, whatever the list says
    assert respelled("STEM", known) == "STEM"
    assert respelled("TNHH", known) == "TNHH"
    assert fix_tones("Covid-19 và 42/NQ-CP", known) == "Covid-19 và 42/NQ-CP"


def test_without_a_dictionary_nothing_changes() -> None:
    assert fix_tones("được chuân hóa", frozenset()) == "được chuân hóa"
    assert toneless("Chuẩn") == "chuân"

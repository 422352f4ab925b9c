"""Decode a document's runs: by each run's font, then the rest by the text's statistics."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.ingest.legacy.detect import (
    UNSURE,
    decode_as,
    decode_without_font,
    font_encoding,
    read_text,
    unicode_only,
)

Run = tuple[str, str | None]  # (text as stored, its font name or None)


def decode_runs(runs: Sequence[Run]) -> tuple[list[str], set[str]]:
    """Every run's Unicode text, and the legacy encodings found (or "unsure").

    A run in a legacy font is decoded by that font; a document mixing Unicode and legacy runs
    keeps its Unicode runs as they are. Runs in other fonts are read by their statistics
    together (a legacy text re-typeset in Times New Roman), never one holding letters only
    Unicode has.
    """
    texts = [text for text, _font in runs]
    found: set[str] = set()
    unknown = []
    for index, (text, font) in enumerate(runs):
        legacy = font_encoding(font)
        if legacy is None:
            if text and not unicode_only(text):
                unknown.append(index)
            continue
        texts[index] = decode_as(text, *legacy)
        if texts[index] != text:
            found.add(legacy[0])
    reading = read_text("\n".join(texts[index] for index in unknown))
    if reading.encoding == UNSURE:
        found.add(UNSURE)
    elif reading.encoding != "unicode":
        found.add(reading.encoding)
        for index in unknown:
            texts[index] = decode_without_font(texts[index], reading.encoding)
    return texts, found

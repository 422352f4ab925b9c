"""Old Vietnamese encodings (TCVN3/ABC, VNI Windows, VIQR) decoded before anything reads text.

A reader that knows each run's font decodes run by run (``font_encoding`` + ``decode_as``);
otherwise the whole text is read by its statistics (``read_text``). What was found travels as
``Page.encoding``: the legacy encodings decoded ("tcvn3", "tcvn3+vni"), or "unsure" when a text
looks legacy but no chart reads it with confidence (flag legacy_encoding_unsure).
"""

from pipeline.ingest.legacy.detect import (
    TCVN3,
    UNSURE,
    VIQR,
    VNI,
    Reading,
    decode_as,
    font_encoding,
    is_syllable,
    read_text,
)

__all__ = [
    "TCVN3",
    "UNSURE",
    "VIQR",
    "VNI",
    "Reading",
    "decode_as",
    "encoding_of",
    "font_encoding",
    "is_syllable",
    "read_text",
]


def encoding_of(found: set[str] | frozenset[str]) -> str | None:
    """The page's encoding field from the encodings its runs were found in (None: Unicode)."""
    names = sorted(found - {"unicode"})
    if UNSURE in names:
        return UNSURE
    return "+".join(names) or None

"""Unicode → legacy text, the inverse of the charts: fixtures and round-trip tests use it.

The output is what a reader finds in a legacy-font run: the bytes as Windows-1252 characters.
"""

from __future__ import annotations

import unicodedata

from pipeline.ingest.legacy.charts import TCVN3, TCVN3_CAPITALS, TONES, VNI_LETTERS, VNI_MARKS

_TO_TCVN3 = {char: byte for byte, char in TCVN3.items()}
_TO_VNI_LETTER = {char: byte for byte, char in VNI_LETTERS.items()}


def as_font_text(data: bytes) -> str:
    """Bytes as the characters a Windows-1252 font run holds (undefined bytes as Latin-1)."""
    return "".join(
        bytes([byte]).decode("cp1252", errors="replace").replace("\ufffd", chr(byte))
        for byte in data
    )


def encode_tcvn3(text: str) -> list[tuple[str, bool]]:
    """TCVN3 runs (font text, capitals font?): capitals with tone marks go in a .VnTimeH run."""
    runs: list[tuple[str, bool]] = []
    for char in unicodedata.normalize("NFC", text):
        capital = char != char.lower() and char not in _TO_TCVN3 and not char.isascii()
        byte = _TO_TCVN3.get(char.lower() if capital else char)
        piece = as_font_text(bytes([byte])) if byte is not None else char
        if runs and runs[-1][1] == capital:
            runs[-1] = (runs[-1][0] + piece, capital)
        else:
            runs.append((piece, capital))
    return runs


def encode_tcvn3_bytes(text: str) -> bytes:
    """TCVN3 bytes of a text without fonts (a text file): capitals with tone marks at their VN1
    bytes, as converters write them."""
    to_capital = {char: byte for byte, char in TCVN3_CAPITALS.items()}
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        byte = _TO_TCVN3.get(char, to_capital.get(char))
        out.extend(bytes([byte]) if byte is not None else char.encode("cp1252"))
    return bytes(out)


def encode_vni(text: str) -> str:
    """VNI Windows text: base letter and mark byte, or the letter's one byte."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if char in _TO_VNI_LETTER:
            out.append(_TO_VNI_LETTER[char])
        elif char.isascii():
            out.extend(char.encode("ascii"))
        else:
            out.extend(_vni_pair(char))
    return as_font_text(bytes(out))


def _vni_pair(char: str) -> bytes:
    parts = unicodedata.normalize("NFD", char)
    base, marks = parts[0], parts[1:]
    shape = "".join(mark for mark in marks if mark not in TONES)
    tone = "".join(mark for mark in marks if mark in TONES)
    if base in "oOuU" and shape == "\u031b":  # ơ ư carry their horn in the letter's own byte
        return bytes([_TO_VNI_LETTER[unicodedata.normalize("NFC", base + shape)]]) + _mark(
            tone, base.isupper()
        )
    if base in "iI":
        return bytes([_TO_VNI_LETTER[char]])
    return base.encode("ascii") + _mark(shape + tone, base.isupper())


def _mark(marks: str, upper: bool) -> bytes:
    if not marks:
        return b""
    choices = [byte for byte, value in VNI_MARKS.items() if value == marks]
    capital = [byte for byte in choices if byte < 0xE0]
    return bytes([(capital if upper else [b for b in choices if b >= 0xE0])[0]])


_VIQR_SIGNS = {"\u0306": "(", "\u0302": "^", "\u031b": "+", "\u0301": "'", "\u0300": "`"}
_VIQR_SIGNS |= {"\u0309": "?", "\u0303": "~", "\u0323": "."}


def encode_viqr(text: str) -> str:
    """VIQR: marks as ASCII signs after the vowel, "dd" for đ; a sign character that follows a
    vowel in the text itself is escaped with a backslash."""
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if char in "đĐ":
            out.append("dd" if char == "đ" else "DD")
            continue
        if char in "dD" and out and out[-1][-1:] in "dD":
            out.append("\\" + char)  # a literal "dd" ("address") is not đ
            continue
        parts = unicodedata.normalize("NFD", char)
        base, marks = parts[0], parts[1:]
        if not marks and char in "(^+'`?~." and out and out[-1][-1:] in "aeiouyAEIOUY":
            out.append("\\" + char)
            continue
        shape = "".join(_VIQR_SIGNS[m] for m in marks if m in "\u0306\u0302\u031b")
        tone = "".join(_VIQR_SIGNS[m] for m in marks if m not in "\u0306\u0302\u031b")
        out.append(base + shape + tone)
    return "".join(out)

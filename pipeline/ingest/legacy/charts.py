"""The legacy Vietnamese code charts, byte → Unicode, written from the published charts.

TCVN3 (TCVN 5712:1993 VN3, the "ABC" fonts .VnTime …): one byte per letter, lowercase only; a
capital with a tone mark is the lowercase byte shown in a capitals font (.VnTimeH). VN1 of the
same standard places those capitals in 0x80–0x9F, the C0 controls and the gaps of VN3; some
converters write them there, so both are read (see ``TCVN3_CAPITALS``). Cross-checked against
the comparison chart of Vietnamese encodings (VIQR, VNI, TCVN) and the TCVN5712-1 table of the
GNU C library.

VNI Windows (VNI-Times …): a base letter followed by a mark byte (tone, and circumflex / breve);
ơ ư đ and the i's with tone marks are single bytes. VIQR: ASCII marks after the vowel.
"""

from __future__ import annotations

# TCVN3 (VN3): the 7 capitals without tone marks, then lowercase letters, byte by byte.
TCVN3: dict[int, str] = {
    0xA0: "\u00a0",
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip

# VN1's capitals with tone marks, where VN3 leaves the byte unassigned.
TCVN3_CAPITALS: dict[int, str] = {
    0x01: "Ú", 0x02: "Ụ", 0x04: "Ừ", 0x05: "Ử", 0x06: "Ữ",
    0x11: "Ứ", 0x12: "Ự", 0x13: "Ỳ", 0x14: "Ỷ", 0x15: "Ỹ", 0x16: "Ý", 0x17: "Ỵ",
    0x80: "À", 0x81: "Ả", 0x82: "Ã", 0x83: "Á", 0x84: "Ạ", 0x85: "Ặ", 0x86: "Ậ", 0x87: "È",
    0x88: "Ẻ", 0x89: "Ẽ", 0x8A: "É", 0x8B: "Ẹ", 0x8C: "Ệ", 0x8D: "Ì", 0x8E: "Ỉ", 0x8F: "Ĩ",
    0x90: "Í", 0x91: "Ị", 0x92: "Ò", 0x93: "Ỏ", 0x94: "Õ", 0x95: "Ó", 0x96: "Ọ", 0x97: "Ộ",
    0x98: "Ờ", 0x99: "Ở", 0x9A: "Ỡ", 0x9B: "Ớ", 0x9C: "Ợ", 0x9D: "Ù", 0x9E: "Ủ", 0x9F: "Ũ",
    0xAF: "Ằ", 0xBA: "Ẳ", 0xBF: "Ẵ", 0xC0: "Ắ", 0xC1: "Ầ", 0xC2: "Ẩ", 0xC3: "Ẫ", 0xC4: "Ấ",
    0xC5: "Ề", 0xCD: "Ể", 0xD9: "Ễ", 0xDA: "Ế", 0xDB: "Ồ", 0xE0: "Ổ", 0xF0: "Ỗ", 0xFF: "Ố",
}  # fmt: skip

ACUTE, GRAVE, HOOK, TILDE, DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
CIRCUMFLEX, BREVE, HORN = "\u0302", "\u0306", "\u031b"
TONES = ACUTE + GRAVE + HOOK + TILDE + DOT

# VNI: the mark byte after a vowel → the combining marks it adds (lowercase byte, capital byte).
_VNI_MARKS: tuple[tuple[int, int, str], ...] = (
    (0xF9, 0xD9, ACUTE), (0xF8, 0xD8, GRAVE), (0xFB, 0xDB, HOOK), (0xF5, 0xD5, TILDE),
    (0xEF, 0xCF, DOT),
    (0xE2, 0xC2, CIRCUMFLEX), (0xE1, 0xC1, CIRCUMFLEX + ACUTE), (0xE0, 0xC0, CIRCUMFLEX + GRAVE),
    (0xE5, 0xC5, CIRCUMFLEX + HOOK), (0xE3, 0xC3, CIRCUMFLEX + TILDE),
    (0xE4, 0xC4, CIRCUMFLEX + DOT),
    (0xEA, 0xCA, BREVE), (0xE9, 0xC9, BREVE + ACUTE), (0xE8, 0xC8, BREVE + GRAVE),
    (0xFA, 0xDA, BREVE + HOOK), (0xFC, 0xDC, BREVE + TILDE), (0xEB, 0xCB, BREVE + DOT),
)  # fmt: skip
VNI_MARKS: dict[int, str] = {byte: marks for low, up, marks in _VNI_MARKS for byte in (low, up)}
# Letters VNI writes as one byte.
VNI_LETTERS: dict[int, str] = {
    0xF4: "ơ", 0xD4: "Ơ", 0xF6: "ư", 0xD6: "Ư", 0xF1: "đ", 0xD1: "Đ",
    0xED: "í", 0xEC: "ì", 0xE6: "ỉ", 0xF3: "ĩ", 0xF2: "ị",
    0xCD: "Í", 0xCC: "Ì", 0xC6: "Ỉ", 0xD3: "Ĩ", 0xD2: "Ị",
}  # fmt: skip
# Which bases take which vowel marks (a tone mark goes on any vowel).
VNI_BASES = frozenset("aeouyAEOUYơưƠƯ")
CIRCUMFLEX_BASES = frozenset("aeoAEO")
BREVE_BASES = frozenset("aA")

# VIQR: the ASCII sign after a vowel → its combining mark.
VIQR_SHAPES = {"(": BREVE, "^": CIRCUMFLEX, "+": HORN}
VIQR_TONES = {"'": ACUTE, "`": GRAVE, "?": HOOK, "~": TILDE, ".": DOT}

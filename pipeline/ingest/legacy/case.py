"""Capitals a TCVN3 text lost with its capitals font.

TCVN3 writes a capital with a tone mark as the lowercase byte in a capitals font (.VnTimeH).
Where the font is gone (a text file, a PDF made without the font) "CỘNG HÒA XÃ HỘI" reads
"CộNG HòA Xã HộI". Vietnamese never mixes case inside a word, so a decoded lowercase letter
among capitals is a capital: in a word with two or more other capitals, or with one ("Xã",
"ủY") on a line whose other words are in capitals (a title case "Xã Tả Phìn" stays).
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+")


def restore_capitals(text: str) -> str:
    """``text`` with the lost capitals of its words put back, line by line."""
    return "\n".join(_line(line) for line in text.split("\n"))


def _line(line: str) -> str:
    line = _WORD.sub(lambda found: _word(found.group(), False), line)  # sure ones first
    words = _WORD.findall(line)
    shouting = [word for word in words if sum(c.isalpha() for c in word) >= 2]
    capitals = sum(word.isupper() for word in shouting)
    line_in_capitals = bool(shouting) and capitals * 2 > len(shouting)
    return _WORD.sub(lambda found: _word(found.group(), line_in_capitals), line)


def _word(word: str, line_in_capitals: bool) -> str:
    lost = [c for c in word if c.islower() and not c.isascii()]
    others = [c for c in word if c.isalpha() and not (c.islower() and not c.isascii())]
    if not lost or not others or not all(c.isupper() for c in others):
        return word
    if len(others) >= 2 or line_in_capitals:
        return word.upper()
    return word

"""What one word of a table's text holds: a value as printed ("85,40", "(0,9291)", "#1", "1)"),
a blank mark, numbers printed with no space between them ("60.4566.47"), or a figure run into
the next cell's word ("0.809Flag", "2.Hà"). ``tokens`` reads lines of such words."""

from __future__ import annotations

import re
from collections import Counter

from pipeline.parse import parse_number

_GLUED = re.compile(r"^\d+(?:[.,]\d+){2,}$")
# "": an empty cell's line; "NA": not applicable, as models.BLANK_MARKS reads it
BLANKS = frozenset({"", "-", "–", "—", "x", "X", "N/A", "n/a", "NA"})
_NUMBER_WORD = re.compile(r"^(\d+(?:[.,]\d+)+)([^\W\d_]\S*)$")
_ORDINAL_WORD = re.compile(r"^(\d{1,3})\.([^\W\d_]\S*)$")  # "2.Hà": a list's number, its name


def value_text(word: str) -> str | None:
    """A word's number as printed ("85,40", "(0,9291)" → "0,9291", "1." → "1"), or None."""
    bare = word.strip(";:")
    if bare.startswith("(") and bare.endswith(")"):
        bare = bare[1:-1]
    if bare.startswith("#") and bare[1:].isdigit():
        bare = bare[1:]  # "#1": a rank as web pages print it
    if bare.endswith(")") and bare[:-1].isdigit():
        bare = bare[:-1]  # "1)": a list's numbering
    bare = bare.removesuffix(".") if bare.count(".") == 1 and bare.endswith(".") else bare
    if parse_number(bare) is not None or bare in BLANKS:
        return bare
    return None


def unglued(word: str, cut: bool = False) -> list[tuple[int, str]]:
    """Numbers run together with one number of decimals each ("60.4566.4761.12" → 60.45,
    66.47, 61.12), when exactly one number of decimals splits the word; else []. A word the
    text ends in (``cut``) may end inside its last number ("…57.0854."): that part is dropped,
    as it was never printed whole."""
    if value_text(word) is not None or not _GLUED.match(word.rstrip(".,") if cut else word):
        return []
    splits = [pieces for places in (1, 2, 3, 4) if (pieces := _split_glued(word, places, cut))]
    if len(splits) > 1:  # a column's figures share their magnitude: "56.99|55.48", not "955.4"
        splits = [pieces for pieces in splits if len({_whole_digits(p) for p in pieces}) == 1]
    return list(enumerate(splits[0])) if len(splits) == 1 else []


def _whole_digits(number: str) -> int:
    return len(re.split(r"[.,]", number)[0])


def _split_glued(word: str, places: int, cut: bool) -> list[str] | None:
    pattern = re.compile(rf"\d{{1,3}}[.,]\d{{{places}}}")
    partial = re.compile(rf"\d{{1,3}}(?:[.,]\d{{0,{places - 1}}})?$")
    pieces: list[str] = []
    at = 0
    while at < len(word):
        found = pattern.match(word, at)
        if not found:
            if cut and len(pieces) >= 2 and partial.match(word, at):
                break  # the text ends inside this number
            return None
        pieces.append(found.group())
        at = found.end()
    return pieces if len(pieces) >= 2 else None


def number_then_words(word: str) -> tuple[str, str] | None:
    """A figure with a decimal or thousands mark run into a capitalised word ("0.809Flag":
    a page that printed two cells with nothing between them), or a list's number and its
    period run into the name ("2.Hà Nội", items of a list inside a sentence): the figure and
    the word; else None. A figure without a mark ("2G") or before a lower-case letter stays
    one word."""
    found = _NUMBER_WORD.match(word) or _ORDINAL_WORD.match(word)
    if found is None or not found.group(2)[0].isupper() or parse_number(found.group(1)) is None:
        return None
    return found.group(1), found.group(2)


_BRACKETED = re.compile(r"\((\d+)([.,])(\d+)\)")
_OPENED = re.compile(r"^\(\d+([.,])$")  # "(74,": a figure in parentheses split after its mark
_CLOSED = re.compile(r"^(\d+)\)$")  # "77)"


def bracketed_formats(texts: list[str]) -> Counter[tuple[str, int]]:
    """How the run prints its figures in parentheses: (decimal mark, decimals) → how often
    ("(75,17)" → (",", 2))."""
    return Counter((m.group(2), len(m.group(3))) for t in texts for m in _BRACKETED.finditer(t))


def spaced_decimals(words: list[str], formats: Counter[tuple[str, int]]) -> list[str]:
    """A figure in parentheses printed with a space after its decimal mark ("(74, 77)") as
    one word ("(74,77)"), when the run prints two or more other figures in parentheses with
    that mark and as many decimals: a slip of the typist, not two figures. A pair in
    parentheses the run prints no figure like ("(3, 5)" among "(12)") stays two words."""
    out: list[str] = []
    for word in words:
        opened = _OPENED.match(out[-1]) if out else None
        closed = _CLOSED.match(word)
        if opened and closed and formats[(opened.group(1), len(closed.group(1)))] >= 2:
            out[-1] += word
        else:
            out.append(word)
    return out


_WORD_NUMBER = re.compile(r"^(\S*[^\W\d_])(\d{1,4}[.,]\d{1,4})$")  # "Shimla60.90"


def word_then_number(word: str) -> tuple[str, str] | None:
    """A word run into a figure with a decimal mark ("Shimla60.90": a name and its score
    printed with nothing between them): the word and the figure; else None."""
    found = _WORD_NUMBER.match(word)
    return (found.group(1), found.group(2)) if found else None


def scores_run_in(texts: list[str]) -> set[int]:
    """Positions of the lines whose last word is a word run into a figure with a decimal mark,
    when three or more lines of the run end so (a list printed "1 Shimla60.90", "2 …59.85"):
    the figure is the line's last cell. A word like "v2.0" or "COVID19" ending one line stays
    a word."""
    found = {
        position
        for position, text in enumerate(texts)
        if (words := text.split()) and word_then_number(words[-1]) is not None
    }
    return found if len(found) >= 3 else set()

"""What the text layouts share: a row found in plain text, and how a line splits into tokens."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.models import BLANK_MARKS
from pipeline.parse import parse_number

# "03 (0,684)": a rank and a score printed in one cell; kept together as one cell.
RANK_SCORE = re.compile(r"^\d{1,3}\s*\(\s*\d+(?:[.,]\d+)?\s*\)$")
_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class RawRow:
    """A table row read from plain text: its cells and the 1-based line it starts on."""

    line: int
    cells: tuple[str, ...]
    cut: bool = False  # the text ends inside this row


@dataclass(frozen=True, slots=True)
class Block:
    """Rows of one table found in a run of lines, and the index after its last line."""

    rows: tuple[RawRow, ...]
    end: int


def blocks_of(
    lines: list[str], block_at: Callable[[list[str], int], Block | None]
) -> list[tuple[int, Block]]:
    """Every block ``block_at`` finds on a page, read on from each block's end: (first line
    index, block)."""
    found: list[tuple[int, Block]] = []
    index = 0
    while index < len(lines):
        block = block_at(lines, index)
        if block is None:
            index += 1
            continue
        found.append((index, block))
        index = block.end
    return found


@dataclass(frozen=True, slots=True)
class Token:
    """A run of printed characters and its columns on the line (0-based, end exclusive)."""

    text: str
    start: int
    end: int

    @property
    def center(self) -> float:
        return (self.start + self.end) / 2


def is_value(text: str) -> bool:
    """A score-like cell: a number, a blank mark ("-", "N/A") or a rank with its score."""
    return (
        parse_number(text) is not None
        or text.strip() in BLANK_MARKS - {""}
        or bool(RANK_SCORE.match(text))
    )


def tokens(line: str) -> list[Token]:
    """Space-separated tokens; "03" and "(0,684)" one space apart stay one token."""
    found = [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(line)]
    merged: list[Token] = []
    for token in found:
        if merged and token.start - merged[-1].end == 1:
            joined = f"{merged[-1].text} {token.text}"
            if RANK_SCORE.match(joined) and parse_number(merged[-1].text) is not None:
                merged[-1] = Token(joined, merged[-1].start, token.end)
                continue
        merged.append(token)
    return merged


def segments(line: str, gap: int = 2) -> list[Token]:
    """Runs of text separated by at least ``gap`` spaces: "Tên đơn vị", "Tổng điểm"."""
    pattern = re.compile(rf"\S+(?: {{1,{gap - 1}}}\S+)*")
    return [Token(m.group(), m.start(), m.end()) for m in pattern.finditer(line)]

"""Markdown-like and tab-separated rows; the markup dropped from every stored text.

A tab-separated line, or a markdown pipe row ``| a | b |``, is a table row; consecutive rows
form one grid and a blank line ends it (converters write one where a page break cut a table).
A form feed starts a new page. Markup (``**bold**``, ``### heading``, ``<b>…</b>``) is dropped.
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.ingest.normalize import fold

_TAGS = re.compile(r"</?[a-zA-Z][^<>]*>")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_EMPHASIS = re.compile(r"(\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*]))")
_ORDINAL = re.compile(r"^(\d{1,4})\.$")  # "3." alone in a cell: the ordinal 3
PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def clean_text(raw: str) -> str:
    """NFC, markup dropped, white space folded: the form every stored text takes."""
    text = _HEADING.sub("", unicodedata.normalize("NFC", raw))
    return fold(_EMPHASIS.sub("", _TAGS.sub("", text)))


def split_cells(raw: str) -> list[str] | None:
    """The cells of a table row, or None when the line is prose."""
    if "\t" in raw:
        return [_cell_text(cell) for cell in raw.rstrip("\r\n").split("\t")]
    stripped = raw.strip()
    if stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3:
        return [_cell_text(cell) for cell in stripped[1:-1].split("|")]
    return None


def bare_cells(raw: str) -> list[str] | None:
    """The cells of a line parted by rules, outer rules optional ("A | 100 | 67 |"), else None.
    Only a table's header and rule make such a line a row (``pipe_tables``)."""
    stripped = raw.strip()
    if "|" not in stripped:
        return None
    stripped = stripped.removeprefix("|").removesuffix("|")
    return [_cell_text(cell) for cell in stripped.split("|")]


def _cell_text(raw: str) -> str:
    """A cell's text; a whole number closed by a period ("3.", a list's rank) is the number."""
    text = clean_text(raw)
    ordinal = _ORDINAL.match(text)
    return ordinal.group(1) if ordinal else text


def cut_row(raw: str) -> list[str] | None:
    """The cells of a pipe row the text ends inside ("| 16 | Sở Văn hóa và"), else None."""
    stripped = raw.strip()
    if stripped.startswith("|") and not stripped.endswith("|") and stripped.count("|") >= 2:
        return [clean_text(cell) for cell in stripped[1:].split("|")]
    return None

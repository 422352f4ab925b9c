"""Records printed as labelled lines, as news pages list a top ten:

    10. Mexico - Dân số: 130.222.815 người
    Diện tích: 1.943.624km2
    Mật độ dân số: 67 người/km2

A record opens at a numbered line ("10." or "10)") holding a name, and goes on over the lines
that print one "label: number" each; a bulleted line ("- Denmark — Score: 89", "• …") opens
one only with its field on the line (a bullet list's items are one line each) and has no
number; so does a line of fields set apart by " | " ("Rank 10 | Greater Mumbai | Score:
58.23"). Every label the records share becomes a column and every record a row: the list
number, the name, then each label's number as printed, its unit left out. A line printed
twice in a row (an image's caption repeating the text) is read once. The roles of the columns
are the table stage's to infer from the numbers; the labels name them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.ingest.text.rows import Block, RawRow
from pipeline.parse import parse_number

_OPENING = re.compile(r"^\s*(?:(?P<number>\d{1,3})[.)]|(?P<bullet>[-•*]))\s+(?P<rest>\S.*)$")
_FIELD = re.compile(
    r"^(?P<label>[^\W\d_][^:]{0,60}?)\s*:\s*(?P<value>[-+]?\d(?:[\d.,]*\d)?)(?P<unit>(?:\D.*)?)$"
)
_INLINE_FIELD = re.compile(
    r"^(?P<label>[^\W\d_][^:|]{0,40}?):?\s+(?P<value>[-+]?\d(?:[\d.,]*\d)?)$"
)
_NAME_END = re.compile(r"\s+[-–—]\s+|,\s+")  # "Mexico - Dân số", "Mexico, dân số"
_MAX_LABEL_WORDS = 8
_MIN_RECORDS = 3


@dataclass(frozen=True, slots=True)
class _Record:
    line: int  # 0-based index of the opening line
    number: str
    name: str
    fields: tuple[tuple[str, str], ...]  # (label, value as printed)


def find_labelled(lines: list[str]) -> list[tuple[int, Block]]:
    """Every run of labelled records of a page: (first line index, block)."""
    found = []
    index = 0
    while index < len(lines):
        records, end = _records_from(lines, index)
        block = _block(records, end)
        if block is None:
            index = max(index + 1, end)  # its records are no table, nor are any of them
            continue
        found.append((records[0].line, block))
        index = end
    return found


def _records_from(lines: list[str], start: int) -> tuple[list[_Record], int]:
    """The records that follow each other from ``start`` and the index after the last."""
    records: list[_Record] = []
    index, end, previous = start, start, ""
    while index < len(lines):
        text = " ".join(lines[index].split())
        index += 1
        if not text or text == previous:
            continue  # a blank line, or the same line printed again
        previous = text
        opened = _opening(text, index - 1)
        if opened is not None:
            records.append(opened)
            end = index
            continue
        field = _field(text)
        if field is None or not records:
            break
        last = records[-1]
        records[-1] = _Record(last.line, last.number, last.name, (*last.fields, field))
        end = index
    return records, end


def _opening(text: str, line: int) -> _Record | None:
    """A numbered line with a name, and the field it may print after the name; or a record
    printed as fields on one line."""
    inline = _inline(text, line)
    if inline is not None:
        return inline
    found = _OPENING.match(text)
    if found is None:
        return None
    rest = found.group("rest")
    field = _FIELD.match(rest)
    if field is None:
        if ":" in rest or parse_number(rest.split()[-1]) is not None or found.group("bullet"):
            return None  # a value this reader cannot label; a bullet opens a record on its line
        return _Record(line, found.group("number"), rest.strip(), ())
    parts = _NAME_END.split(field.group("label"))
    if len(parts) < 2:
        return None  # no mark between the name and the label
    name, label = " ".join(parts[:-1]).strip(), parts[-1].strip()
    value = _field(f"{label}: {rest[field.start('value') :]}")
    if not name or value is None:
        return None
    return _Record(line, found.group("number") or "", name, (value,))


def _inline(text: str, line: int) -> _Record | None:
    """A record printed on one line as fields set apart by " | " with no rule at either end
    ("Rank 10 | Greater Mumbai | Score: 58.23 | State: Maharashtra"): its first field without
    a figure is the name, each field of words and one figure ("Rank 10", "Score: 58.23") a
    labelled figure; fields of words only after the name ("State: …") are left out."""
    if " | " not in text or text.startswith("|") or text.endswith("|"):
        return None
    fields = [field.strip() for field in text.split(" | ")]
    names = [field for field in fields if field and not any(ch.isdigit() for ch in field)]
    found = [_INLINE_FIELD.match(field) for field in fields]
    labelled = tuple(
        (m.group("label").strip(), m.group("value"))
        for m in found
        if m is not None and parse_number(m.group("value")) is not None
    )
    return _Record(line, "", names[0], labelled) if names and labelled else None


def _field(text: str) -> tuple[str, str] | None:
    """("Diện tích", "1.943.624") of "Diện tích: 1.943.624km2"."""
    found = _FIELD.match(text)
    if found is None or parse_number(found.group("value")) is None:
        return None
    label = found.group("label").strip()
    if len(label.split()) > _MAX_LABEL_WORDS:
        return None
    return label, found.group("value")


def _block(records: list[_Record], end: int) -> Block | None:
    """The records as a grid under a header of their labels, when they share them."""
    if len(records) < _MIN_RECORDS:
        return None
    labels: list[str] = []
    for record in records:
        labels += [label for label, _ in record.fields if label not in labels]
    counts = {label: sum(label in dict(r.fields) for r in records) for label in labels}
    shared = [label for label in labels if 2 * counts[label] >= len(records)]
    if not shared or sum(any(label in dict(r.fields) for label in shared) for r in records) < (
        len(records) - 1
    ):
        return None
    header = RawRow(records[0].line + 1, ("", "", *shared))
    rows = tuple(
        RawRow(r.line + 1, (r.number, r.name, *(dict(r.fields).get(label, "") for label in shared)))
        for r in records
    )
    return Block((header, *rows), end)

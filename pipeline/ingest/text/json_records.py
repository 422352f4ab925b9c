"""Records printed as JSON, one field per line, as a page showing an API's answer lists them:

    {
      "municipio": "Umbuzeiro",
      "pontuacao": 350,
      "posicao": 2
    },

Three records or more sharing their keys are a table: each key a column (its label the key),
each record a row, in the keys' order. Strings are decoded ("S\\u00e3o" is "São"); numbers stay
as printed. A list bullet opening every line ("- ") is dropped, and so are empty cells a viewer
writes after each line ("{ | |"); a last record the text ends inside keeps the fields it prints
whole, and counts as the third record when it prints the others' first keys in their order.
The roles of the columns are the table stage's to infer from the values, as for any grid.
"""

from __future__ import annotations

import json
import re

from pipeline.ingest.text.rows import Block, RawRow

_BULLET = re.compile(r"^[-*•]\s+")
_RULES = re.compile(r"(?:\s*\|)+$")  # a viewer's empty cells after each line: "{ | |"
_STRING = r'"(?:[^"\\]|\\.)*"'
_FIELD = re.compile(
    rf'^"(?P<key>[^"\\]{{1,60}})"\s*:\s*(?P<value>{_STRING}|[-+]?\d[\d.eE+-]*)\s*,?$'
)
_OPEN = re.compile(r"^(?:\[\s*)?\{$")
_CLOSE = re.compile(r"^\}\s*(?:,\s*\{?|\]?)$")
_MIN_RECORDS = 3


def find_json_records(lines: list[str]) -> list[tuple[int, Block]]:
    """Every run of JSON records printed one field per line: (first line index, block)."""
    found: list[tuple[int, Block]] = []
    index = 0
    while index < len(lines):
        if not _OPEN.match(_bare(lines[index])):
            index += 1
            continue
        records, end = _records_from(lines, index)
        block = _block(records, end, ends=not "".join(lines[end:]).strip())
        if block is None:
            index += 1
            continue
        found.append((index, block))
        index = end
    return found


Record = tuple[int, dict[str, str], bool]  # (1-based first line, key → cell text, closed)


def _records_from(lines: list[str], start: int) -> tuple[list[Record], int]:
    """The records from the "{" at ``start``, and the index after the last line read."""
    records: list[Record] = []
    fields: dict[str, str] | None = None
    opened = start + 1
    index = start
    while index < len(lines):
        text = _bare(lines[index])
        index += 1
        if fields is None:
            if not _OPEN.match(text):
                return records, index - 1
            fields, opened = {}, index
            continue
        found = _FIELD.match(text)
        if found is not None:
            fields[found.group("key")] = _cell(found.group("value"))
        elif _CLOSE.match(text):
            records.append((opened, fields, True))
            fields = None if not text.endswith("{") else {}
            opened = index + 1
        elif text:
            break
    if fields:
        records.append((opened, fields, False))
    return records, index


def _block(records: list[Record], end: int, ends: bool) -> Block | None:
    """The records as rows under a row of their keys, when three or more share them."""
    closed = [fields for _, fields, done in records if done]
    if len(closed) < 2:
        return None
    keys = list(closed[0])
    if any(list(fields) != keys for fields in closed):
        return None  # records of different shapes: no table
    if not records[-1][2] and not ends:
        records = records[:-1]  # an open record the text goes on after: not a cut row
    cut = records[-1][1] if not records[-1][2] else None
    if len(records) < _MIN_RECORDS or (len(closed) < _MIN_RECORDS and not _prefix(cut, keys)):
        return None  # three records, the last one perhaps cut where the text ends
    rows = [RawRow(records[0][0] - 1, tuple(keys))]
    for line, fields, done in records:
        rows.append(RawRow(line, tuple(fields.get(key, "") for key in keys), cut=not done))
    return Block(tuple(rows), end)


def _prefix(fields: dict[str, str] | None, keys: list[str]) -> bool:
    """Whether a cut record prints the others' first keys in their order (two or more)."""
    return fields is not None and len(fields) >= 2 and list(fields) == keys[: len(fields)]


def _cell(value: str) -> str:
    if value.startswith('"'):
        decoded = json.loads(value)
        return decoded if isinstance(decoded, str) else value
    return value


def _bare(line: str) -> str:
    return _RULES.sub("", _BULLET.sub("", line.strip())).strip()

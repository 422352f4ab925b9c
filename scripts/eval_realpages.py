"""Score the pipeline on the real-page development set (issue 15 §4).

Usage:
  python scripts/eval_realpages.py EXCERPTS_DIR [--gold DIR] [--only ID] [--require PCT]

EXCERPTS_DIR holds the third-party page excerpts, one ``<id>.txt`` per gold file (they are
never committed; see tests/realpages/README.md). Each excerpt is read with
``pipeline.extract_document`` and compared with ``tests/realpages/gold/<id>.json``:

- printed numbers: every non-null row_number, component, total, rank, row_max and percent of
  the gold rows;
- a gold table is paired with the output table that agrees on most numbers (each output table
  is used once); a gold row with the output entry of the same name (NFC, casefold, spaces
  folded), else the entry at the same position; gold component column j with the output
  component column that agrees on most rows (each used once);
- right: the output holds the same Decimal in the same role ("0,727" == 0.727);
- wrong, unflagged: an output number in a role where gold has a different value or none (an
  unpaired output column, row or table counts too), with no flag on that row and no
  ``ambiguous_roles`` / ``unreliable_table`` flag on that table;
- a page is read when at least one of its tables is paired;
- a gold table marked ``"scored": false`` (with ``"why_not_scored"``: rows that are no units,
  such as one province's years or PAPI dimensions, or figures derived from the page's other
  tables) is scored aside: shown in the page's note, left out of the share; an unflagged wrong
  value in it still counts.

Gold values are transcribed as printed; one printed with a single mark followed by three digits
("2.095", "807,300") is read in its gold column's format (``pipeline.numformat``, the rule the
reader uses: another value of the column with two groups or with the other mark as decimal mark
makes it a thousands mark; the page's other values when the column says nothing), else as a
decimal.

Prints one line per page (id, site, index, layout, right/printed, unflagged wrong, note; the
note counts the error flags the reader raised, which on a published page are mostly false
alarms) and a total line. ``--require 95`` exits 1 when the share of printed numbers right is
below 95 % or any unflagged wrong value exists.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import extract_document  # noqa: E402
from pipeline.models import DocumentResult, Entry, Flag, Table, Value  # noqa: E402
from pipeline.numformat import (  # noqa: E402
    NumberFormat,
    document_format,
    infer_format,
    read_number,
)

DEFAULT_GOLD = ROOT / "tests" / "realpages" / "gold"
SCALAR_ROLES = ("row_number", "total", "rank", "row_max", "percent")
TABLE_FLAGS = frozenset({"ambiguous_roles", "ambiguous_number_format", "unreliable_table"})

Gold = dict[str, Any]
Reader = Callable[[Path], DocumentResult]


@dataclass(frozen=True, slots=True)
class Tally:
    """Numbers printed in gold, numbers the output holds right, output numbers wrong unflagged."""

    printed: int = 0
    right: int = 0
    wrong: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.printed + other.printed, self.right + other.right, self.wrong + other.wrong
        )


@dataclass(frozen=True, slots=True)
class PageScore:
    """One page's line of the report."""

    gold: Gold
    tally: Tally
    read: bool
    note: str
    aside: Tally = Tally()  # the gold tables marked ``"scored": false``: shown, not in the share
    errors: int = 0  # error flags the reader raised on the page (a published page is mostly right)


def gold_number(printed: str | None) -> Decimal | None:
    """A gold value as a Decimal: "0,727" and "0.727" alike, "91,77%" is 91.77.

    One separator kind used once is the decimal mark; with both kinds, the last one is;
    a kind used several times groups thousands ("1.234.567").
    """
    if printed is None:
        return None
    text = printed.strip().rstrip("%").replace(" ", "").replace("\u00a0", "")
    commas, dots = text.count(","), text.count(".")
    if commas and dots:
        mark = "," if text.rfind(",") > text.rfind(".") else "."
        group = "." if mark == "," else ","
        text = text.replace(group, "").replace(mark, ".")
    elif commas > 1 or dots > 1:
        text = text.replace(",", "").replace(".", "")
    else:
        text = text.replace(",", ".")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueError(f"gold value {printed!r} is not a number") from None


def in_column_formats(gold: Gold) -> Gold:
    """The gold page with each value that reads both ways ("2.095") written as its gold
    column reads it ("2095" where the column, or else the page, groups thousands with ".")."""
    page = document_format(text for table in gold["tables"] for text in _gold_values(table))
    tables = [_table_in_formats(table, page) for table in gold["tables"]]
    return {**gold, "tables": tables}


def _gold_values(table: Gold) -> list[str]:
    return [text for slot in _gold_slots(table) for text in _slot_values(table, slot)]


def _gold_slots(table: Gold) -> list[str | int]:
    """A gold table's number columns: the scalar roles, then component positions."""
    width = max((len(row.get("components") or []) for row in table["rows"]), default=0)
    return [*SCALAR_ROLES, *range(width)]


def _slot_values(table: Gold, slot: str | int) -> list[str]:
    return [text for row in table["rows"] if (text := _slot_value(row, slot)) is not None]


def _slot_value(row: Gold, slot: str | int) -> str | None:
    if isinstance(slot, str):
        value = row.get(slot)
    else:
        parts = row.get("components") or []
        value = parts[slot] if slot < len(parts) else None
    return None if value is None else str(value)


def _table_in_formats(table: Gold, page: NumberFormat) -> Gold:
    rows = [dict(row, components=list(row.get("components") or [])) for row in table["rows"]]
    for slot in _gold_slots(table):
        column = infer_format(_slot_values(table, slot)).or_else(page)
        for row in rows:
            text = _slot_value(row, slot)
            number = read_number(text, column) if text is not None else None
            if number is None or number == gold_number(text):
                continue
            if isinstance(slot, str):
                row[slot] = str(number)
            else:
                row["components"][slot] = str(number)
    return {**table, "rows": rows}


def name_key(name: str) -> str:
    """Names compared NFC, casefolded, white space folded."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def printed_numbers(row: Gold) -> int:
    """How many numbers one gold row prints."""
    scalars = sum(row.get(role) is not None for role in SCALAR_ROLES)
    return scalars + sum(value is not None for value in row.get("components") or [])


def output_number(value: Value | None) -> Decimal | None:
    return None if value is None else value.number


def entry_role(entry: Entry, role: str) -> Decimal | None:
    """The number an output entry holds in a scalar role (row_max, percent may not exist yet)."""
    return output_number(getattr(entry, role, None))


def compare(gold: Decimal | None, got: Decimal | None) -> Tally:
    """One role of one row: printed, right, and whether the output puts a wrong number there."""
    printed = int(gold is not None)
    if got is None:
        return Tally(printed, 0, 0)
    if gold is not None and got == gold:
        return Tally(printed, 1, 0)
    return Tally(printed, 0, 1)


def pair_rows(rows: Sequence[Gold], entries: Sequence[Entry]) -> list[int | None]:
    """For each gold row, the index of its output entry: same name, else same position."""
    by_name: dict[str, list[int]] = {}
    for index, entry in enumerate(entries):
        by_name.setdefault(name_key(entry.agency_raw), []).append(index)
    used: set[int] = set()
    pairs: list[int | None] = []
    for row in rows:
        free = [i for i in by_name.get(name_key(row["name"]), []) if i not in used]
        pairs.append(free[0] if free else None)
        used.update(free[:1])
    for position, row in enumerate(rows):  # a name read with words of the next cell after it
        if pairs[position] is None:
            key = name_key(row["name"]) + " "
            free = [i for i, e in enumerate(entries)
                    if i not in used and name_key(e.agency_raw).startswith(key)]  # fmt: skip
            pairs[position] = free[0] if free else None
            used.update(free[:1])
    for position, paired in enumerate(pairs):
        if paired is None and position < len(entries) and position not in used:
            pairs[position] = position
            used.add(position)
    return pairs


def greedy_pairs(scores: dict[tuple[int, int], tuple[int, ...]]) -> dict[int, int]:
    """Pair left items with right items by best score first, each used once (score > 0)."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for (left, right), score in sorted(scores.items(), key=lambda kv: (-_rank(kv[1]), kv[0])):
        if left in pairs or right in taken or not any(score):
            continue
        pairs[left] = right
        taken.add(right)
    return pairs


def _rank(score: tuple[int, ...]) -> int:
    """A sortable weight for a lexicographic score of small counts."""
    weight = 0
    for part in score:
        weight = weight * 100_000 + part
    return weight


def pair_columns(gold: Gold, table: Table, rows: list[int | None]) -> dict[int, int]:
    """Gold component column j → output component column k agreeing on most rows."""
    scores: dict[tuple[int, int], tuple[int, ...]] = {}
    width = len(table.components())
    for j in range(len(gold.get("component_labels") or [])):
        for k in range(width):
            agree = 0
            for row, paired in zip(gold["rows"], rows, strict=True):
                want = _component(row, j)
                got = _output_component(table.entries, paired, k)
                agree += int(want is not None and got == want)
            scores[(j, k)] = (agree,)
    return greedy_pairs(scores)


def _component(row: Gold, j: int) -> Decimal | None:
    parts = row.get("components") or []
    return gold_number(parts[j]) if j < len(parts) else None


def _output_component(entries: Sequence[Entry], paired: int | None, k: int) -> Decimal | None:
    if paired is None:
        return None
    parts = entries[paired].components
    return output_number(parts[k]) if k < len(parts) else None


def flagged_rows(flags: Iterable[Flag], table: Table) -> tuple[bool, set[int]]:
    """Whether the table carries a table-level doubt flag, and the positions (1-based, its
    ``entry_index``) of the entries it flags; a flag with no position names its row number."""
    mine = [flag for flag in flags if flag.table_index == table.index]
    table_doubt = any(flag.check in TABLE_FLAGS for flag in mine)
    positions = {flag.entry_index for flag in mine if flag.entry_index is not None}
    numbers = {flag.row_number for flag in mine if flag.entry_index is None and flag.row_number}
    for position, entry in enumerate(table.entries, start=1):
        if entry.number is not None and entry.number in numbers:
            positions.add(position)
    return table_doubt, positions


def score_row(row: Gold, entry: Entry | None, columns: dict[int, int], width: int) -> Tally:
    """One gold row against its output entry (None: nothing read for it)."""
    tally = Tally()
    for role in SCALAR_ROLES:
        got = entry_role(entry, role) if entry is not None else None
        tally += compare(gold_number(row.get(role)), got)
    paired_out = set(columns.values())
    for j, value in enumerate(row.get("components") or []):
        k = columns.get(j)
        got = _output_component([entry], 0, k) if entry is not None and k is not None else None
        tally += compare(gold_number(value), got)
    for k in range(width):
        if entry is not None and k not in paired_out:
            tally += compare(None, _output_component([entry], 0, k))
    return tally


def unpaired_entry(entry: Entry) -> Tally:
    """An output entry no gold row matches: every number it holds is in a role gold lacks."""
    tally = Tally()
    for role in SCALAR_ROLES:
        tally += compare(None, entry_role(entry, role))
    for value in entry.components:
        tally += compare(None, output_number(value))
    return tally


def score_table(gold: Gold, table: Table, flags: Sequence[Flag]) -> Tally:
    """A gold table against the output table paired with it."""
    rows = pair_rows(gold["rows"], table.entries)
    columns = pair_columns(gold, table, rows)
    width = len(table.components())
    doubt, flagged = flagged_rows(flags, table)
    tally = Tally()
    for row, paired in zip(gold["rows"], rows, strict=True):
        entry = table.entries[paired] if paired is not None else None
        one = score_row(row, entry, columns, width)
        tally += _excuse(one, doubt or (paired is not None and paired + 1 in flagged))
    used = {paired for paired in rows if paired is not None}
    for index, entry in enumerate(table.entries):
        if index not in used:
            tally += _excuse(unpaired_entry(entry), doubt or index + 1 in flagged)
    return tally


def _excuse(tally: Tally, flagged: bool) -> Tally:
    """A wrong value on a flagged row or doubted table is told about: not counted as silent."""
    return Tally(tally.printed, tally.right, 0) if flagged else tally


def unpaired_table(table: Table, flags: Sequence[Flag]) -> Tally:
    """An output table no gold table matches: its numbers stand where gold has none."""
    doubt, flagged = flagged_rows(flags, table)
    tally = Tally()
    for position, entry in enumerate(table.entries, start=1):
        tally += _excuse(unpaired_entry(entry), doubt or position in flagged)
    return tally


def pair_tables(gold: Gold, result: DocumentResult) -> dict[int, int]:
    """Gold table i → output table position: most agreeing numbers, then most shared names."""
    scores: dict[tuple[int, int], tuple[int, ...]] = {}
    for i, want in enumerate(gold["tables"]):
        names = {name_key(row["name"]) for row in want["rows"]}
        for k, table in enumerate(result.tables):
            right = score_table(want, table, ()).right
            shared = sum(name_key(entry.agency_raw) in names for entry in table.entries)
            scores[(i, k)] = (right, shared)
    return greedy_pairs(scores)


def joined_sections(result: DocumentResult) -> DocumentResult:
    """Consecutive output tables with the same columns as one (a table the reader split at
    its group headings, "I. Cấp tỉnh" / "II. Cấp huyện", which gold keeps as one table with
    a ``group`` per row); their flags move to the joined table. Tables ranking the same units
    again (a ranking printed twice, computed two ways) are two tables, not sections."""
    tables: list[Table] = []
    moved: dict[int, tuple[int, int]] = {}  # table index → (joined table index, entry offset)
    for table in result.tables:
        last = tables[-1] if tables else None
        if last is not None and _shape(last) == _shape(table) and not _same_units(last, table):
            moved[table.index] = (last.index, len(last.entries))
            tables[-1] = replace(last, entries=last.entries + table.entries)
        else:
            tables.append(table)
    flags = tuple(_moved_flag(flag, moved) for flag in result.flags)
    return replace(result, tables=tuple(tables), flags=flags)


def _moved_flag(flag: Flag, moved: dict[int, tuple[int, int]]) -> Flag:
    if flag.table_index not in moved:
        return flag
    index, offset = moved[flag.table_index]
    position = None if flag.entry_index is None else flag.entry_index + offset
    return replace(flag, table_index=index, entry_index=position)


def _same_units(first: Table, second: Table) -> bool:
    """Whether most of the second table's units are already in the first."""
    names = {name_key(entry.agency_raw) for entry in first.entries}
    again = sum(name_key(entry.agency_raw) in names for entry in second.entries)
    return again >= 2 and 2 * again > len(second.entries)


def _shape(table: Table) -> tuple[str, ...]:
    return tuple(column.role for column in table.columns)


def scored(table: Gold) -> bool:
    """Whether a gold table counts in the share: one marked ``"scored": false`` (rows that are
    no units, such as one province's years or dimensions; figures derived from the others) is
    scored aside, its silent errors still counted."""
    return bool(table.get("scored", True))


def score_page(gold: Gold, result: DocumentResult) -> tuple[Tally, bool, Tally]:
    """The whole page: every gold table, paired or not, and every unpaired output table; the
    tables not scored apart (their unflagged wrong values still count)."""
    result = joined_sections(result)
    pairs = pair_tables(gold, result)
    tally, aside = Tally(), Tally()
    for i, want in enumerate(gold["tables"]):
        if i in pairs:
            one = score_table(want, result.tables[pairs[i]], result.flags)
        else:
            one = Tally(sum(printed_numbers(row) for row in want["rows"]), 0, 0)
        if scored(want):
            tally += one
        else:
            aside += Tally(one.printed, one.right, 0)
            tally += Tally(0, 0, one.wrong)
    for k, table in enumerate(result.tables):
        if k not in pairs.values():
            tally += unpaired_table(table, result.flags)
    read = any(scored(gold["tables"][i]) for i in pairs)
    return tally, read, aside


def evaluate(gold: Gold, excerpts: Path, reader: Reader = extract_document) -> PageScore:
    """Read one page's excerpt and score it; a missing excerpt or failed read scores 0."""
    tables = [table for table in gold["tables"] if scored(table)]
    printed = sum(printed_numbers(row) for table in tables for row in table["rows"])
    path = excerpts / f"{gold['id']}.txt"
    if not path.is_file():
        return PageScore(gold, Tally(printed, 0, 0), False, f"no excerpt {path.name}")
    try:
        result = reader(path)
    except Exception as error:  # a bug in the reader must not stop the evaluation
        return PageScore(gold, Tally(printed, 0, 0), False, f"crash: {error!r}"[:120])
    tally, read, aside = score_page(in_column_formats(gold), result)
    note = (result.error or "")[:80] if result.status != "ok" else f"{len(result.tables)} tables"
    if aside.printed:
        note = "; ".join(filter(None, [note, f"not scored {aside.right}/{aside.printed}"]))
    errors = sum(flag.severity == "error" for flag in result.flags)
    if errors:
        note = "; ".join(filter(None, [note, f"{errors} error flags"]))
    return PageScore(gold, tally, read, note, aside, errors)


def load_gold(folder: Path, only: str | None) -> list[Gold]:
    """The gold files, sorted by id (one id with ``only``)."""
    files = sorted(folder.glob("*.json"))
    golds = [json.loads(file.read_text(encoding="utf-8")) for file in files]
    chosen = [gold for gold in golds if only is None or gold["id"] == only]
    if not chosen:
        raise SystemExit(f"no gold file{' for ' + only if only else ''} in {folder}")
    return chosen


def report(scores: Sequence[PageScore]) -> Tally:
    """Print one line per page and the total; return the total."""
    total = Tally()
    for page in scores:
        g, t = page.gold, page.tally
        print(
            f"{g['id']:34s} {g['site']:34s} {g['index']:6s} {g['layout']:30s} "
            f"{t.right:5d}/{t.printed:<5d} {t.wrong:4d}  {page.note}"
        )
        total += page.tally
    read = sum(page.read for page in scores)
    # a negative control holds no table; a page whose tables are all not scored counts as one
    holding = sum(any(scored(table) for table in page.gold["tables"]) for page in scores)
    share = 100 * total.right / total.printed if total.printed else 0.0
    errors = sum(page.errors for page in scores)
    print(
        f"TOTAL pages read {read}/{holding}  numbers right {total.right}/{total.printed} "
        f"({share:.2f} %)  unflagged wrong {total.wrong}  error flags {errors}"
    )
    return total


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("excerpts", type=Path, help="folder of <id>.txt page excerpts")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="folder of gold JSON")
    parser.add_argument("--only", help="score one page id")
    parser.add_argument("--require", type=float, help="exit 1 below this %% or on silent errors")
    args = parser.parse_args(argv)
    scores = [evaluate(gold, args.excerpts) for gold in load_gold(args.gold, args.only)]
    total = report(scores)
    if args.require is None:
        return 0
    share = 100 * total.right / total.printed if total.printed else 0.0
    return 0 if share >= args.require and total.wrong == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())

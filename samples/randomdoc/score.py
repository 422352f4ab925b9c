"""A reader's result against a drawn decision's truth: cells by row and role, silent errors,
planted flags, false error flags and metadata.

Rows are aligned by name in printed order across all tables (a reader may split or join
tables; a row is a row). A cell is right when it equals the truth (numbers as Decimals; a cell
the truth leaves empty must be empty). A wrong value is *silent* when no flag names its row
and no table-level flag doubts its table; a row the reader invents is silent unless flagged.

One cell counts right in either of two roles: a column counting 1 … n that is also exactly
the ranking of the total, under words that name neither (no header, "#", "No."), prints the
same figures whether the drawing meant the STT or the rank; no reader can tell them apart,
and the issue asks for a warning naming both. Read as either with that doubt on the table, it
counts right; read as either without it, it does not.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from pipeline import vocabulary as vocab
from pipeline.models import DocumentResult, Entry, Flag, Table

METADATA_FIELDS = ("issuer", "province", "decision_number", "decision_date", "evaluation_year",
                   "signer", "title")  # fmt: skip
NOT_ROW_FLAGS = frozenset({"missing_metadata"})


@dataclass
class Score:
    cells: int = 0
    right: int = 0
    missed: int = 0  # a value the truth has that the reader did not give
    wrong: Counter[str] = field(default_factory=Counter)  # role → wrong values given
    extra: Counter[str] = field(default_factory=Counter)  # role → values the table never printed
    silent: int = 0
    phantom_rows: int = 0
    planted: int = 0
    planted_found: int = 0
    false_errors: Counter[str] = field(default_factory=Counter)
    metadata: int = 0
    metadata_right: int = 0
    metadata_wrong: list[str] = field(default_factory=list)
    error: str | None = None
    missed_roles: Counter[str] = field(default_factory=Counter)

    @property
    def perfect(self) -> bool:
        return (
            self.right == self.cells
            and not self.silent
            and not self.extra
            and not self.phantom_rows
            and self.planted_found == self.planted
            and not self.false_errors
            and self.metadata_right == self.metadata
        )


def fold(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def number(value: object) -> Decimal | None:
    found = getattr(value, "number", None)
    return found if isinstance(found, Decimal) else None


def entry_cells(entry: Entry) -> dict[str, Any]:
    cells: dict[str, Any] = {
        "row_number": entry.number,
        "agency": fold(entry.agency_raw),
        "total": number(entry.total),
        "rank": int(r)
        if (r := number(entry.rank)) is not None and r == int(r)
        else number(entry.rank),  # fmt: skip
        "band": entry.band,
        "row_max": number(getattr(entry, "row_max", None)),
        "percent": number(getattr(entry, "percent", None)),
    }
    for k, value in enumerate(entry.components, start=1):
        cells[f"component {k}"] = number(value)
    return cells


def same(got: object, want: object) -> bool:
    if want is None or got is None:
        return got is None and want is None
    if isinstance(want, str) and isinstance(got, Decimal):
        return Decimal(want) == got
    if isinstance(want, int) and isinstance(got, Decimal | int):
        return Decimal(want) == got
    return fold(str(got)) == fold(str(want))


def flags_by_entry(table: Table, flags: list[Flag]) -> tuple[dict[int, list[Flag]], bool]:
    """Flags on each entry (by position) of a table, and whether a table-level flag doubts it."""
    where: dict[object, set[int]] = {}
    for i, entry in enumerate(table.entries):
        values = [entry.row_number, *entry.components, entry.total, entry.rank]
        for at in {entry.at, *(v.at for v in values if v is not None)}:
            where.setdefault(at, set()).add(i)
    found: dict[int, list[Flag]] = {}
    doubted = False
    for flag in flags:
        if flag.table_index != table.index or flag.check in NOT_ROW_FLAGS:
            continue
        hits = set(where.get(flag.at, ())) if flag.at is not None else set()
        if len(hits) != 1 and flag.entry_index is not None:
            hits = {flag.entry_index - 1}  # the entry the flag is tied to, numbered or not
        if len(hits) != 1 and flag.row_number is not None:
            hits = {i for i, e in enumerate(table.entries) if e.number == flag.row_number}
        if len(hits) != 1:  # HTML and DOCX cells share one provenance: the message names the row
            hits = {i for i, e in enumerate(table.entries) if e.agency_raw in flag.message}
            hits = hits if len(hits) == 1 else _longest(table, hits)
        if len(hits) == 1:
            found.setdefault(hits.pop(), []).append(flag)
        elif flag.at is None and flag.row_number is None:
            doubted = True
    return found, doubted


def _longest(table: Table, hits: set[int]) -> set[int]:
    """Of several names in a message, the longest ("Huyện Yên Sơn" over "Yên Sơn")."""
    if not hits:
        return hits
    longest = max(len(table.entries[i].agency_raw) for i in hits)
    found = {i for i in hits if len(table.entries[i].agency_raw) == longest}
    return found if len(found) == 1 else set()


@dataclass(frozen=True)
class Got:
    """One entry the reader gave, with the flags on it."""

    cells: dict[str, Any]
    flags: tuple[Flag, ...]
    doubted: bool


def entries_of(result: DocumentResult) -> list[Got]:
    flags = list(result.flags)
    got = []
    for table in result.tables:
        on, doubted = flags_by_entry(table, flags)
        for i, entry in enumerate(table.entries):
            got.append(Got(entry_cells(entry), tuple(on.get(i, ())), doubted))
    return got


def align(truth_rows: list[dict[str, Any]], got: list[Got]) -> list[int | None]:
    """For each truth row, the position of the entry read for it (same name, in order)."""
    used: set[int] = set()
    at, found = 0, []
    for row in truth_rows:
        name = fold(row["name"])
        bare = _bare(row["cells"])  # a unit printed without values matches no row of values
        hit = next((k for k in range(at, len(got)) if got[k].cells["agency"] == name
                    and (not bare or _bare(got[k].cells))), None)  # fmt: skip
        if hit is None and at < len(got) and at not in used and (
                got[at].cells["agency"].startswith(name) or name.startswith(
                    got[at].cells["agency"] or "\0")):  # fmt: skip
            hit = at
        found.append(hit)
        if hit is not None:
            used.add(hit)
            at = hit + 1
    return found


_ORDINALS = {"row_number": "rank", "rank": "row_number"}


def unspoken_ordinals(table: dict[str, Any]) -> bool:
    """Whether the table's STT or rank column stands under words that name neither."""
    labels = [c["label"] for c in table["columns"] if c["role"] in _ORDINALS]
    return bool(labels) and not any(label and vocab.ordinal_label(label) for label in labels)


def _in_other_ordinal(row: dict[str, Any], entry: Got | None, role: str, unspoken: bool) -> bool:
    """The cell read, with the table's doubt, in the other of two roles no print tells apart."""
    other = _ORDINALS.get(role)
    if not unspoken or entry is None or not entry.doubted or other is None:
        return False
    return other not in row["cells"] and same(entry.cells.get(other), row["cells"][role])


def _bare(cells: dict[str, Any]) -> bool:
    """Whether a row holds no value but its name (a unit printed without values)."""
    return all(value is None for role, value in cells.items() if role != "agency")


def score_extra(
    score: Score, row: dict[str, Any], entry: Got | None, credited: frozenset[str] = frozenset()
) -> None:
    """Values the reader gave in roles the table does not print (a rank read as a total)."""
    if entry is None:
        return
    for role, have in entry.cells.items():
        if have is not None and role not in row["cells"] and role not in credited:
            score.extra[role.split()[0]] += 1
            score.silent += 0 if entry.flags or entry.doubted else 1


def score_cells(
    score: Score, rows: list[dict[str, Any]], got: list[Got], unspoken: frozenset[int] = frozenset()
) -> list[int | None]:
    where = align(rows, got)
    for position, (row, hit) in enumerate(zip(rows, where, strict=True)):
        entry = got[hit] if hit is not None else None
        credited: set[str] = set()
        for role, want in row["cells"].items():
            score.cells += 1
            have = entry.cells.get(role) if entry else None
            if same(have, want):
                score.right += 1
            elif have is None and _in_other_ordinal(row, entry, role, position in unspoken):
                score.right += 1
                credited.add(_ORDINALS[role])
            elif have is None:
                score.missed += 1
                score.missed_roles[role.split()[0]] += 1
            else:
                score.wrong[role.split()[0]] += 1
                score.silent += 0 if entry and (entry.flags or entry.doubted) else 1
        score_extra(score, row, entry, frozenset(credited))
    for k in set(range(len(got))) - {h for h in where if h is not None}:
        valued = any(v is not None for r, v in got[k].cells.items() if r != "agency")
        unflagged = not (got[k].flags or got[k].doubted)
        score.phantom_rows += 1 if valued and unflagged else 0
    return where


def score_flags(
    score: Score,
    truth: dict[str, Any],
    rows: list[dict[str, Any]],
    got: list[Got],
    where: list[int | None],
    result: DocumentResult,
) -> None:
    offsets = [0]
    for table in truth["tables"]:
        offsets.append(offsets[-1] + len(table["rows"]))
    explained: set[int] = set()
    for plant in truth["planted"]:
        score.planted += 1
        hit = where[offsets[plant["table"]] + plant["row"]]
        flags = got[hit].flags if hit is not None else ()
        match = [f for f in flags if f.check == plant["check"] and f.severity == "error"]
        score.planted_found += 1 if match else 0
        explained |= {id(f) for f in match}
    for flag in result.flags:
        if flag.severity == "error" and id(flag) not in explained:
            score.false_errors[flag.check] += 1


def score_metadata(score: Score, truth: dict[str, Any], result: DocumentResult) -> None:
    meta = result.metadata
    for name in METADATA_FIELDS:
        want = truth["metadata"].get(name)
        value = getattr(meta, name, None)
        have = value.isoformat() if isinstance(value, date) else value
        score.metadata += 1
        if (have is None and want is None) or (
            have is not None and fold(str(have)) == fold(str(want))
        ):
            score.metadata_right += 1
        else:
            score.metadata_wrong.append(name)


def score_result(truth: dict[str, Any], result: DocumentResult) -> Score:
    """Everything one decision's reading got right and wrong."""
    score = Score()
    rows = [row for table in truth["tables"] for row in table["rows"]]
    said = [unspoken_ordinals(table) for table in truth["tables"] for _ in table["rows"]]
    if result.status != "ok":
        score.error = result.error or "failed"
    got = entries_of(result)
    where = score_cells(score, rows, got, frozenset(k for k, u in enumerate(said) if u))
    score_flags(score, truth, rows, got, where, result)
    score_metadata(score, truth, result)
    return score


def reason(score: Score) -> str:
    """A short line saying what went wrong."""
    parts = [score.error] if score.error else []
    if score.right != score.cells:
        detail = ", ".join(f"{k}×{n}" for k, n in score.wrong.most_common(4))
        missed = ", ".join(f"{k}×{n}" for k, n in score.missed_roles.most_common(3))
        parts.append(f"cells {score.right}/{score.cells} (missed {score.missed}: {missed};"
                     f" wrong: {detail or '-'})")  # fmt: skip
    if score.extra:
        parts.append("values in roles not printed: " + ", ".join(
            f"{k}×{n}" for k, n in score.extra.most_common(3)))  # fmt: skip
    if score.silent or score.phantom_rows:
        parts.append(f"silent {score.silent}, phantom rows {score.phantom_rows}")
    if score.planted_found != score.planted:
        parts.append("planted flag missed")
    if score.false_errors:
        parts.append("false " + ", ".join(f"{k}×{n}" for k, n in score.false_errors.items()))
    if score.metadata_wrong:
        parts.append("metadata " + ",".join(score.metadata_wrong))
    return "; ".join(parts)

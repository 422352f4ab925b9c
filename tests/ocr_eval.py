"""Score extracted CSVs against the fixtures' figures: the acceptance measure of issue 8.

A *case* is one fixture decision in one form (a scanned PDF, a TIFF, the PNG pages of one
scan …) whose figures are in samples/generated/manifest.json. For each case the expected
entries of all its tables are aligned in order with the entries the pipeline wrote (name and
row number decide the pairing, so one lost row does not shift the rest; a row left alone
between two pairs on each side is paired by its figures), and every numeric cell
of an entry — row number, each component, total, rank — is compared as a Decimal. An expected
entry with no partner counts all its cells wrong. A wrong cell is *silent* when its row carries
no flag in flags.csv (flags matched by doc_id, table_index, row_number); cells of a lost entry
are silent unless the case says it lost them: a failed document, a page_not_read or
table_not_read flag, or a row_number_gap flag expecting that row number. Output rows with no
expected partner are counted as invented (their cells wrong) and, unflagged, silent. The share
right is right cells / (printed cells + invented cells). Metadata fields are compared after NFC
and white-space folding. Error-level flags are counted too: the fixtures are clean, their text
forms raise none.

Used by scripts/eval_ocr.py (the report and its thresholds) and by the tests.
"""

from __future__ import annotations

import csv
import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "samples" / "generated"
SCANNED = ROOT / "samples" / "scanned"
METADATA_FIELDS = (
    "issuer",
    "decision_number",
    "decision_date",
    "evaluation_year",
    "signer",
    "title",
)
LOSS_CHECKS = frozenset({"page_not_read", "table_not_read"})  # "something here was not read"
MIN_PAIR_SCORE = 0.5  # below this an expected and an output entry are not the same row
Row = dict[str, str]


@dataclass(frozen=True, slots=True)
class Case:
    """One fixture decision in one form: the files the pipeline reads for it."""

    name: str
    decision: str  # slug in samples/generated/manifest.json
    variant: str  # 300dpi | 200dpi | photo | text
    files: tuple[str, ...]  # file names (matched to documents.csv source_file by name)


@dataclass(frozen=True, slots=True)
class CellScore:
    """One numeric cell: what is printed, what the pipeline wrote, and whether it said so."""

    case: str
    where: str  # "table 1, row 5, component 3"
    expected: Decimal | None
    got: Decimal | None
    right: bool
    flagged: bool  # the row carries a flag (or, for a lost row, the case says it lost something)
    kind: str = "cell"  # cell | missing (entry lost) | invented (entry not printed)

    @property
    def silent(self) -> bool:
        return not self.right and not self.flagged


@dataclass(frozen=True, slots=True)
class FieldScore:
    case: str
    field: str
    expected: str
    got: str

    @property
    def right(self) -> bool:
        return self.expected == self.got


@dataclass(frozen=True, slots=True)
class CaseScore:
    case: Case
    cells: tuple[CellScore, ...]
    fields: tuple[FieldScore, ...]
    failed: tuple[str, ...]  # "file: error" of documents that failed
    error_flags: tuple[str, ...] = ()  # checks of the error-level flags raised


@dataclass(frozen=True, slots=True)
class Outputs:
    """The CSVs one ``decisions extract`` run wrote."""

    documents: list[Row]
    entries: list[Row]
    components: list[Row]
    flags: list[Row]


def read_outputs(out_dir: Path) -> Outputs:
    def read(name: str) -> list[Row]:
        with (out_dir / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    return Outputs(read("documents"), read("entries"), read("components"), read("flags"))


def expected_decisions(manifest: Path = GENERATED / "manifest.json") -> dict[str, dict[str, Any]]:
    """The fixtures' figures by slug."""
    return {item["slug"]: item for item in json.loads(manifest.read_text(encoding="utf-8"))}


def scanned_cases(manifest: Path = SCANNED / "manifest.json") -> list[Case]:
    """One case per output of samples/make_scans.py."""
    scans = json.loads(manifest.read_text(encoding="utf-8"))["scans"]
    return [
        Case(s["name"], s["decision"], s["variant"], tuple(f["file"] for f in s["files"]))
        for s in scans
    ]


def text_cases(slugs: Iterable[str]) -> list[Case]:
    """The text-layer PDFs of samples/generated/, the harness's own check."""
    return [Case(f"{slug}.pdf", slug, "text", (f"{slug}.pdf",)) for slug in slugs]


def number(text: str | None) -> Decimal | None:
    """A printed or written number as a Decimal ("10,5" and "10.5" alike); None when blank."""
    if text is None or not text.strip():
        return None
    try:
        return Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        return None


def fold(text: object) -> str:
    """NFC, white space folded: how two metadata values are compared."""
    return " ".join(unicodedata.normalize("NFC", "" if text is None else str(text)).split())


@dataclass(frozen=True, slots=True)
class Printed:
    """One entry as the fixture prints it, or as the pipeline wrote it."""

    table: int
    row: Decimal | None
    agency: str
    cells: tuple[tuple[str, Decimal | None], ...]  # (what, value): row, component k, total, rank
    flag_key: tuple[str, str, str] = ("", "", "")  # (doc_id, table_index, row_number) of output
    entry_key: tuple[str, str, str] = ("", "", "")  # (doc_id, table_index, "#entry_index")


def expected_entries(decision: dict[str, Any]) -> list[Printed]:
    """Every entry of every table of the decision, in print order."""
    entries = []
    for index, table in enumerate(decision["tables"], start=1):
        for entry in table["entries"]:
            cells = [(f"component {k}", number(v)) for k, v in enumerate(entry["components"], 1)]
            row = None if entry["row_number"] is None else Decimal(entry["row_number"])
            cells = [("row number", row), *cells]
            cells += [("total", number(entry["total"])), ("rank", number(str(entry["rank"] or "")))]
            entries.append(Printed(index, row, entry["agency"], tuple(cells)))
    return entries


def output_entries(outputs: Outputs, doc_ids: Sequence[str]) -> list[Printed]:
    """The entries the pipeline wrote for these documents, in document then table order."""
    values: dict[tuple[str, str, str], dict[int, Decimal | None]] = {}
    for row in outputs.components:
        key = (row["doc_id"], row["table_index"], row["entry_index"])
        values.setdefault(key, {})[int(row["component_index"])] = number(row["value"])
    entries = []
    for doc_id in doc_ids:
        rows = [row for row in outputs.entries if row["doc_id"] == doc_id]
        rows.sort(key=lambda row: (int(row["table_index"]), int(row["entry_index"])))
        for row in rows:
            parts = values.get((doc_id, row["table_index"], row["entry_index"]), {})
            cells = [(f"component {k}", parts[k]) for k in sorted(parts)]
            cells = [("row number", number(row["row_number"])), *cells]
            cells += [("total", number(row["total"])), ("rank", number(row["rank"]))]
            key = (doc_id, row["table_index"], row["row_number"])
            position = (doc_id, row["table_index"], f"#{row['entry_index']}")
            entries.append(
                Printed(
                    int(row["table_index"]),
                    number(row["row_number"]),
                    row["agency_raw"],
                    tuple(cells),
                    key,
                    position,
                )
            )
    return entries


def pair_score(expected: Printed, got: Printed) -> float:
    """How surely two entries are the same printed row: its name, then its row number."""
    name = fuzz.ratio(fold(expected.agency).casefold(), fold(got.agency).casefold()) / 100
    return name + (0.5 if expected.row is not None and expected.row == got.row else 0.0)


def align(expected: Sequence[Printed], got: Sequence[Printed]) -> list[tuple[int, int]]:
    """Pairs (i, j) of an order-keeping alignment with the highest total pair score."""
    n, m = len(expected), len(got)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            score = pair_score(expected[i], got[j])
            paired = best[i + 1][j + 1] + score if score >= MIN_PAIR_SCORE else -1.0
            best[i][j] = max(paired, best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        score = pair_score(expected[i], got[j])
        if score >= MIN_PAIR_SCORE and best[i][j] == best[i + 1][j + 1] + score:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return _gaps_paired(expected, got, pairs)


def _gaps_paired(
    expected: Sequence[Printed], got: Sequence[Printed], pairs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Pairs plus the one printed row and the one output row left between the same two
    neighbours (or at an end) whose figures agree on at least half of the printed ones: the
    same row, its name misread beyond pairing ("tế" for "Sở Y tế") or lost and its number
    with it. A row lost and another invented in its place agree on no figure."""
    bounds = [(-1, -1), *pairs, (len(expected), len(got))]
    filled = list(pairs)
    for (i0, j0), (i1, j1) in zip(bounds, bounds[1:], strict=False):
        if i1 - i0 == 2 and j1 - j0 == 2 and _figures_agree(expected[i0 + 1], got[j0 + 1]):
            filled.append((i0 + 1, j0 + 1))
    return sorted(filled)


def _figures_agree(expected: Printed, got: Printed) -> bool:
    printed = {name: value for name, value in expected.cells if value is not None}
    wrote = dict(got.cells)
    return bool(printed) and 2 * sum(wrote.get(k) == v for k, v in printed.items()) >= len(printed)


def compare_cells(case: str, expected: Printed, got: Printed, flagged: bool) -> list[CellScore]:
    """Every numeric cell of a paired entry; a value where nothing is printed is wrong too."""
    wrote = dict(got.cells)
    printed = dict(expected.cells)
    names = list(printed) + [name for name in wrote if name not in printed]
    scores = []
    for name in names:
        want, have = printed.get(name), wrote.get(name)
        if want is None and have is None and name in ("row number", "total", "rank"):
            continue  # not printed, not invented
        where = f"table {expected.table}, row {expected.row}, {name}"
        scores.append(CellScore(case, where, want, have, want == have, flagged))
    return scores


def lost_cells(case: str, entry: Printed, told: bool, kind: str) -> list[CellScore]:
    """The cells of an entry with no partner: lost (expected) or invented (output)."""
    cells = [(name, value) for name, value in entry.cells if value is not None or kind == "missing"]
    cells = [(n, v) for n, v in cells if not (v is None and n in ("row number", "total", "rank"))]
    where = f"table {entry.table}, row {entry.row} ({entry.agency[:30]})"
    return [
        CellScore(
            case,
            f"{where}, {name}",
            value if kind == "missing" else None,
            None if kind == "missing" else value,
            False,
            told,
            kind,
        )
        for name, value in cells
    ]


def file_names(row: Row) -> list[str]:
    """The files a documents.csv row read: its source file, or its page images."""
    parts = [part for part in (row.get("source_parts") or "").split(" | ") if part]
    return [Path(name).name for name in parts or [row["source_file"]]]


def case_documents(case: Case, outputs: Outputs) -> list[Row]:
    """The documents.csv rows of the case's files, in the case's file order, once each."""
    by_name = {name: row for row in outputs.documents for name in file_names(row)}
    rows = [by_name[name] for name in case.files if name in by_name]
    return list({row["doc_id"]: row for row in rows}.values())


def score_metadata(case: Case, decision: dict[str, Any], documents: list[Row]) -> list[FieldScore]:
    """Each metadata field: the one value the case's read documents agree on, else wrong."""
    expected = decision["metadata"]
    scores = []
    for field in METADATA_FIELDS:
        values = {fold(row[field]) for row in documents if row["status"] == "ok"} - {""}
        got = values.pop() if len(values) == 1 else " | ".join(sorted(values))
        scores.append(FieldScore(case.name, field, fold(expected.get(field)), got))
    return scores


def score_case(case: Case, decision: dict[str, Any], outputs: Outputs) -> CaseScore:
    """Every numeric cell and metadata field of one case."""
    documents = case_documents(case, outputs)
    doc_ids = [row["doc_id"] for row in documents]
    mine = [f for f in outputs.flags if f["doc_id"] in doc_ids]
    flags = {(f["doc_id"], f["table_index"], f["row_number"]) for f in mine}
    # a flag names its row by entry_index too: a row whose STT was not read has its flags
    flags |= {(f["doc_id"], f["table_index"], f"#{f['entry_index']}")
              for f in mine if f.get("entry_index")}  # fmt: skip
    read = {name for row in documents for name in file_names(row)}
    told = any(row["status"] != "ok" for row in documents) or not read >= set(case.files)
    told = told or any(f["check"] in LOSS_CHECKS for f in mine)
    gaps = {number(f["expected"]) for f in mine if f["check"] == "row_number_gap"}
    want, got = expected_entries(decision), output_entries(outputs, doc_ids)
    pairs = align(want, got)
    cells: list[CellScore] = []
    for i, j in pairs:
        flagged = got[j].flag_key in flags or got[j].entry_key in flags
        cells += compare_cells(case.name, want[i], got[j], flagged)
    paired_want, paired_got = {i for i, _ in pairs}, {j for _, j in pairs}
    for i in sorted(set(range(len(want))) - paired_want):
        cells += lost_cells(case.name, want[i], told or want[i].row in gaps, "missing")
    for j in sorted(set(range(len(got))) - paired_got):
        flagged = got[j].flag_key in flags or got[j].entry_key in flags
        cells += lost_cells(case.name, got[j], flagged, "invented")
    failed = tuple(
        f"{row['source_file']}: {row['error']}" for row in documents if row["status"] != "ok"
    )
    missing = tuple(f"{name}: not in documents.csv" for name in case.files if name not in read)
    errors = tuple(f["check"] for f in mine if f["severity"] == "error")
    fields = tuple(score_metadata(case, decision, documents))
    return CaseScore(case, tuple(cells), fields, failed + missing, errors)


def score_outputs(
    cases: Sequence[Case], out_dir: Path, decisions: dict[str, dict[str, Any]] | None = None
) -> list[CaseScore]:
    """Score every case against the CSVs in ``out_dir``."""
    decisions = decisions if decisions is not None else expected_decisions()
    outputs = read_outputs(out_dir)
    return [score_case(case, decisions[case.decision], outputs) for case in cases]


@dataclass(frozen=True, slots=True)
class Summary:
    """The acceptance figures of one variant."""

    variant: str
    cases: int
    cells: int
    right: int
    silent: int
    fields: int
    fields_right: int
    error_flags: int = 0

    @property
    def share(self) -> float:
        """Numeric cells right, in per cent."""
        return 100.0 * self.right / self.cells if self.cells else 0.0


def summarise(scores: Sequence[CaseScore]) -> list[Summary]:
    """One summary per variant, in order of first appearance."""
    variants = list(dict.fromkeys(score.case.variant for score in scores))
    summaries = []
    for variant in variants:
        mine = [score for score in scores if score.case.variant == variant]
        cells = [cell for score in mine for cell in score.cells]
        fields = [field for score in mine for field in score.fields]
        summaries.append(
            Summary(
                variant,
                len(mine),
                len(cells),
                sum(c.right for c in cells),
                sum(c.silent for c in cells),
                len(fields),
                sum(f.right for f in fields),
                sum(len(score.error_flags) for score in mine),
            )
        )
    return summaries

"""No number without a second witness: which OCR readings a table may print unflagged.

A number read from a scan goes out without a flag only when something independent of the
reading confirms it:

- its row's or column's arithmetic: a total its components make exactly by the table's rule
  confirms the total and every weighted component (one misread digit cannot keep an exact
  sum); a percentage its row's total and per-row maximum make (÷, × 100 or × 1, as printed)
  confirms all three; a rank the totals (or the percentages, where printed) give by
  competition ranking confirms the rank; an STT that follows the row above, precedes the
  row below or equals its position confirms the STT;
- or a second, independent reading of the same crop (PP-OCRv4, ``pipeline.ocr.second``) that
  gives the same number. Only what the arithmetic leaves unconfirmed is read twice.

A second reading confirms the digits of a cell, not the column it was put in: where a table
has components and a total but its totals follow no rule at all (the sum, a mean, a weighting:
``total_rule_unknown``), or follow a scaling or weighting nobody stated over components whose
printed maxima do not make the total's, its columns are in doubt (a column lost under a garbled
header shifts every value after it one column left, each read twice alike, and weights fitted
to the columns left can absorb it), and its components and totals are confirmed by nothing.

Nor does it where the table is a piece of one: two tables read from one page whose rows stand
in the same bands of the page are one table the reader cut between its columns (a header's
column labels read as section titles, each column a "table" of its own), so the column a
value was given is the piece's guess.

Every other OCR value gets ``low_confidence`` (warning), tied to its row by ``entry_index``.
A table most of whose OCR values are unconfirmed gets one ``unreliable_table`` warning: its
values are kept for review, but it is not data to use as it is. A page every table of which
is so says that its table was not read (``table_not_read``): its rows may be missing too.

``temper`` then makes doubt a warning and broken arithmetic an error: an error-level check on
a scanned row stays an error only when the readings it rests on are confirmed; when an unsure
reading could explain it, it becomes a warning that names that reading.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from fractions import Fraction

from pipeline.models import Document, Entry, Flag, Provenance, Table, Value
from pipeline.ocr.column_places import off_places
from pipeline.parse import parse_number
from pipeline.reconcile.common import SEVERITY, WARNING
from pipeline.reconcile.rows import competition_ranks
from pipeline.reconcile.rules import TotalRule, agrees, total_rule
from pipeline.reconcile.totals import computed_total

# A function that reads an OCR value's crop again; None when there is no crop to read.
Witness = Callable[[Value], str | None]
UNRELIABLE_SHARE = 0.5  # more than this share of a table's OCR values unconfirmed: unreliable
# Error checks about one row whose break an unsure reading in that row could explain; a rank
# also rests on every other total of its table.
ROW_ERRORS = frozenset(
    {"sum_mismatch", "over_max", "total_out_of_range", "rank_mismatch", "band_mismatch",
     "unreadable_value"}
)  # fmt: skip
FIELDS = ("row_number", "total", "rank", "row_max", "percent")  # the scalar values of a row
PLACED_BY_ARITHMETIC = frozenset({"component", "total"})  # their column rests on the total rule
MIN_ROWS_FOR_A_RULE = 3  # fewer totals tell no rule (reconcile.rules.total_rule)
MIN_SHARED_ROWS = 2  # one row beside another may be a caption's line; two are a table's rows


@dataclass(frozen=True, slots=True)
class Slot:
    """Where a value sits in a table: entry position (0-based), field, component position."""

    entry: int
    field: str  # row_number | total | rank | row_max | percent | component
    position: int = -1

    def get(self, table: Table) -> Value | None:
        entry = table.entries[self.entry]
        if self.field == "component":
            return entry.components[self.position]
        value: Value | None = getattr(entry, self.field)
        return value

    def put(self, table: Table, value: Value) -> Table:
        """The table with this slot's value replaced."""
        entry = table.entries[self.entry]
        if self.field == "component":
            parts = list(entry.components)
            parts[self.position] = value
            changed = replace(entry, components=tuple(parts))
        elif self.field == "total":
            changed = replace(entry, total=value)
        elif self.field == "rank":
            changed = replace(entry, rank=value)
        elif self.field == "row_max":
            changed = replace(entry, row_max=value)
        elif self.field == "percent":
            changed = replace(entry, percent=value)
        else:
            changed = replace(entry, row_number=value)
        entries = list(table.entries)
        entries[self.entry] = changed
        return replace(table, entries=tuple(entries))


def slots(table: Table, index: int) -> Iterator[Slot]:
    """Every printed value of one entry."""
    entry = table.entries[index]
    for field in FIELDS:
        if getattr(entry, field) is not None:
            yield Slot(index, field)
    for position, value in enumerate(entry.components):
        if value is not None:
            yield Slot(index, "component", position)


def crop_witness(document: Document) -> Witness | None:
    """The second reading of ``document``'s number cells; None when it kept no crop (a text
    layer's document). The reader is imported only then: a text batch never loads numpy,
    OpenCV or onnxruntime (a worker's memory limit counts their libraries)."""
    crops = {(page.number, box): ink for page in document.pages for box, ink in page.crops.items()}
    if not crops:
        return None
    from pipeline.ocr.second import CropWitness

    return CropWitness(crops)


def read_by_ocr(value: Value | None) -> bool:
    return value is not None and value.at.method == "ocr"


def confirmed_by_arithmetic(table: Table) -> set[Slot]:
    """The values of a table its own arithmetic confirms (see the module's docstring)."""
    confirmed: set[Slot] = set()
    rule = total_rule(table)
    vouches = not _maxima_fall_short(table, rule)  # else an exact total vouches for no column
    for index, entry in enumerate(table.entries):
        confirmed |= _by_total(rule, index, entry) if vouches else set()
        confirmed |= _by_share(index, entry)
        confirmed |= _by_row_number(table, index)
    confirmed |= _by_rank(table)
    return confirmed


def _by_total(rule: TotalRule, index: int, entry: Entry) -> set[Slot]:
    """A total its components make exactly: the total and each weighted component."""
    if entry.total is None or entry.total.number is None or computed_total(entry) is None:
        return set()
    if rule.kind == "none":
        return set()
    parts = [v.number for v in entry.components if v is not None and v.number is not None]
    if rule.compute(parts) != Fraction(entry.total.number):  # rounding hides a misread digit
        return set()
    weighted = {Slot(index, "component", i) for i, w in enumerate(rule.weights) if w != 0}
    return {Slot(index, "total"), *weighted}


def _by_share(index: int, entry: Entry) -> set[Slot]:
    """A percentage its row's total and maximum make (total ÷ maximum × 100, or × 1, as
    printed): the three readings confirm each other."""
    parts = (entry.percent, entry.total, entry.row_max)
    if any(value is None or value.number is None or not value.number for value in parts):
        return set()
    percent, total, top = (value.number for value in parts if value is not None)
    assert percent is not None and total is not None and top is not None
    share = Fraction(total) / Fraction(top)
    if not any(agrees(share * scale, percent) for scale in (100, 1)):
        return set()
    return {Slot(index, "percent"), Slot(index, "total"), Slot(index, "row_max")}


def _by_row_number(table: Table, index: int) -> set[Slot]:
    """An STT that follows the row above, precedes the row below or is its position."""
    entries = table.entries
    number = entries[index].number
    if number is None:
        return set()
    above = entries[index - 1].number if index > 0 else None
    below = entries[index + 1].number if index + 1 < len(entries) else None
    fits = number == index + 1 or (above is not None and number == above + 1)
    fits = fits or (below is not None and number == below - 1)
    return {Slot(index, "row_number")} if fits else set()


def _by_rank(table: Table) -> set[Slot]:
    """Ranks the totals give (the percentages, where the table prints them: the rows are
    ranked by those), by competition ranking (ties share a rank)."""
    by_percent = any(entry.percent is not None for entry in table.entries)
    scored = [
        (index, entry.rank.number, score.number)
        for index, entry in enumerate(table.entries)
        if entry.rank is not None and entry.rank.number is not None
        and (score := entry.percent if by_percent else entry.total) is not None
        and score.number is not None
    ]  # fmt: skip
    expected = competition_ranks([total for _, _, total in scored])
    return {
        Slot(index, "rank")
        for (index, rank, _), want in zip(scored, expected, strict=True)
        if rank == want
    }


def witness_flags(
    doc_id: str, table: Table, witness: Witness | None, confirmed: set[Slot], piece: bool = False
) -> list[Flag]:
    """``low_confidence`` on each OCR value neither arithmetic nor a second reading confirms,
    and ``unreliable_table`` when they are most of the table's OCR values, or when most of its
    rows name no unit (a name without letters is noise read as a row). ``piece``: the
    table shares its rows with another table of its page (``pieces``)."""
    every = (slot for index in range(len(table.entries)) for slot in slots(table, index))
    read = [slot for slot in every if read_by_ocr(slot.get(table))]
    misplaced = piece or columns_in_doubt(table)
    numbers = ((slot, slot.get(table)) for slot in read)
    odd = off_places(
        (s, (s.field, s.position), v.number) for s, v in numbers if v and v.number is not None
    )
    flags = []
    for slot in read:
        if slot in confirmed:
            continue
        value = slot.get(table)
        assert value is not None
        second = witness(value) if witness is not None else None
        if second is not None and value.number is not None and parse_number(second) == value.number:
            if misplaced and slot.field in PLACED_BY_ARITHMETIC:  # right digits, doubtful column
                flags.append(misplaced_flag(doc_id, table, slot))
            elif slot in odd:  # a second reading of the same cut crop is no witness
                flags.append(unsure_flag(doc_id, table, slot, None, odd[slot]))
            continue
        flags.append(unsure_flag(doc_id, table, slot, second))
    nameless = sum(sum(ch.isalpha() for ch in e.agency_raw) < 2 for e in table.entries)
    noise = nameless > UNRELIABLE_SHARE * len(table.entries)  # ".4", "|": no unit's name
    if read and (piece or noise or len(flags) > UNRELIABLE_SHARE * len(read)):
        flags.append(_unreliable(doc_id, table, len(flags), len(read)))  # a piece is no table
    return flags


def unread_pages(doc_id: str, tables: Iterable[Table], flags: Iterable[Flag]) -> list[Flag]:
    """``table_not_read`` on each scanned page every table of which is ``unreliable_table``:
    what was read there is not the page's table (a photo read on its side, a grid fallen
    apart), so its rows may be missing as well as wrong, and the user is told so."""
    unreliable = {flag.table_index for flag in flags if flag.check == "unreliable_table"}
    every_bad: dict[tuple[str, int], bool] = {}
    for table in tables:
        for at in {(e.at.source_file, e.at.page) for e in table.entries if e.at.method == "ocr"}:
            every_bad[at] = every_bad.get(at, True) and table.index in unreliable
    return [
        Flag("table_not_read", SEVERITY["table_not_read"], doc_id,
             f"Trang {page}: không bảng nào đọc được trên trang này là đáng tin (mọi bảng đều "
             "chưa dùng được như số liệu); các dòng của bảng xếp hạng trên trang này có thể bị "
             "thiếu hoặc sai, cần đối chiếu bản gốc.",
             expected="a table read reliably", actual="every table unreliable",
             at=Provenance(source_file, page, method="ocr"))
        for (source_file, page), bad in sorted(every_bad.items()) if bad
    ]  # fmt: skip


def columns_in_doubt(table: Table) -> bool:
    """Components and a total whose totals follow no rule (enough rows to tell), or follow a
    rule fitted to the columns read that their printed maxima do not bear out; or columns the
    table stage itself could read two ways (``role_doubt``: no column the total of the others,
    or two that could be: drawn seed 8602's fax, whose row numbers went out as a component,
    confirmed by the second reading, while its rows were lost untold)."""
    if table.role_doubt is not None:
        return True
    if not table.components() or not table.has_role("total"):
        return False
    totals = sum(entry.total is not None for entry in table.entries)
    if totals < MIN_ROWS_FOR_A_RULE:
        return False
    rule = total_rule(table)
    return rule.kind == "none" or _maxima_fall_short(table, rule)


def pieces(tables: Iterable[Table]) -> set[int]:
    """The indexes of OCR tables that share their rows with another table of the same page:
    most of the rows of one stand in the bands of the page the other's rows take."""
    scanned = [t for t in tables if any(e.at.method == "ocr" and e.at.bbox for e in t.entries)]
    found: set[int] = set()
    for table in scanned:
        for other in scanned:
            if other is not table and _shared_rows(table, other):
                found |= {table.index, other.index}
    return found


def _shared_rows(table: Table, other: Table) -> bool:
    bands = [(e.at.page, e.at.bbox[1], e.at.bbox[3]) for e in other.entries if e.at.bbox]
    rows = [e.at for e in table.entries if e.at.bbox]
    shared = sum(
        any(page == at.page and top <= (at.bbox[1] + at.bbox[3]) / 2 <= bottom
            for page, top, bottom in bands)
        for at in rows if at.bbox
    )  # fmt: skip
    return shared >= MIN_SHARED_ROWS and 2 * shared > len(rows)


def _maxima_fall_short(table: Table, rule: TotalRule) -> bool:
    """A scaled or weighted rule nobody stated that the printed maxima do not bear out: they
    bear out a fitted rule only when every component is on the total's own scale (an index's
    components, weighted into it). Components each on a scale of their own (or whose maxima
    the header lost) should make their total by the plain sum; where a garbled header lost a
    column, the weights fitted to the columns left stand in for it (scores in step with their
    totals fit any subset), so an exact total cannot vouch for the column a value was put in.
    The header's maxima are the decision's own word on how its total is made."""
    if rule.kind not in ("scaled", "weighted") or rule.stated:
        return False
    maxima = [column.max_points for column in table.components()]
    return table.total_max is None or any(top != table.total_max for top in maxima)


def misplaced_flag(doc_id: str, table: Table, slot: Slot) -> Flag:
    """``low_confidence`` on a value read twice alike in a table whose columns are in doubt."""
    entry, value = table.entries[slot.entry], slot.get(table)
    assert value is not None
    message = (
        f"{_who(entry)}: số “{value.printed}” đọc từ ảnh (trang {value.at.page}) được đọc lại "
        "giống nhau, nhưng tổng điểm của bảng không theo quy tắc nào (hoặc theo một hệ số mà "
        "điểm tối đa của các cột không khớp) nên không chắc số này nằm đúng cột; cần đối chiếu "
        "bản gốc."
    )
    return Flag("low_confidence", SEVERITY["low_confidence"], doc_id, message, table.index,
                entry.number, f"a {slot.field} in its column", value.printed, value.at,
                slot.entry + 1)  # fmt: skip


def unsure_flag(
    doc_id: str, table: Table, slot: Slot, second: str | None, places: int | None = None
) -> Flag:
    """``places``: the value's column prints that many decimal places and it does not, so no
    second reading of its crop was asked for (``column_places``)."""
    entry, value = table.entries[slot.entry], slot.get(table)
    assert value is not None
    others = [*value.at.alternatives, *([second] if second else [])]
    others = list(dict.fromkeys(o for o in others if o != value.printed))
    confidence = value.at.confidence
    sure = f"độ tin cậy {confidence:.0f}%" if confidence is not None else "không rõ độ tin cậy"
    seen = f"; lần đọc thứ hai: {' / '.join(others[:3])}" if others else "; không đọc lại được"
    if places is not None:
        seen = f"; các số cùng cột ghi {places} chữ số thập phân: có thể mất hay thừa một chữ số"
    message = (
        f"{_who(entry)}: số “{value.printed}” đọc từ ảnh (trang {value.at.page}) chưa được "
        f"phép tính của bảng hay lần đọc thứ hai xác nhận ({sure}{seen}), cần đối chiếu "
        "bản gốc."
    )
    return Flag("low_confidence", SEVERITY["low_confidence"], doc_id, message, table.index,
                entry.number, f"a confirmed {slot.field}", value.printed, value.at,
                slot.entry + 1)  # fmt: skip


def _unreliable(doc_id: str, table: Table, unsure: int, read: int) -> Flag:
    message = (
        f"Bảng {table.index}: {unsure} trong {read} số đọc từ ảnh không được phép tính của bảng "
        "hay lần đọc thứ hai xác nhận; bảng này chưa dùng được như số liệu, cần đối chiếu "
        "bản gốc (các số vẫn được giữ để rà soát)."
    )
    return Flag("unreliable_table", SEVERITY["unreliable_table"], doc_id, message, table.index,
                None, f"at most {UNRELIABLE_SHARE:.0%} unconfirmed", f"{unsure}/{read}",
                table.entries[0].at if table.entries else None)  # fmt: skip


def _who(entry: Entry) -> str:
    number = entry.number
    return f"{entry.agency_raw} (STT {number})" if number is not None else entry.agency_raw


def temper(flags: Iterable[Flag]) -> tuple[Flag, ...]:
    """Error flags on scanned rows that an unsure reading could explain, made warnings naming
    it; every other flag as it was."""
    flags = tuple(flags)
    unsure: dict[tuple[int | None, int | None], list[Flag]] = {}
    for flag in flags:
        if flag.check == "low_confidence":
            unsure.setdefault((flag.table_index, flag.entry_index), []).append(flag)
    totals: dict[int | None, list[Flag]] = {}  # unsure totals, by table: ranks rest on them
    for flag in flags:
        if flag.check == "low_confidence" and flag.expected == "a confirmed total":
            totals.setdefault(flag.table_index, []).append(flag)
    return tuple(_tempered(flag, unsure, totals) for flag in flags)


def _tempered(
    flag: Flag,
    unsure: dict[tuple[int | None, int | None], list[Flag]],
    by_table: dict[int | None, list[Flag]],
) -> Flag:
    if flag.severity != "error" or flag.check not in ROW_ERRORS or flag.entry_index is None:
        return flag
    doubts = unsure.get((flag.table_index, flag.entry_index), [])
    if not doubts and flag.check == "rank_mismatch":
        doubts = by_table.get(flag.table_index, [])  # a rank rests on every total
    if not doubts:
        return flag
    named = ", ".join(f"“{d.actual}”" + (f" (STT {d.row_number})" if d.row_number else "")
                      for d in doubts[:3])  # fmt: skip
    message = (
        f"{flag.message} Có thể do số đọc từ ảnh chưa chắc chắn {named}: cần đối chiếu bản gốc "
        "trước khi coi đây là lỗi của văn bản."
    )
    return replace(flag, severity=WARNING, message=message)

"""Checks of a row's identity and order: ranks, STT, duplicates, blank or unreadable cells."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from pipeline import vocabulary as vocab
from pipeline.models import BLANK_MARKS, Entry, Flag, Table, Value
from pipeline.reconcile.common import Scope, fmt, who
from pipeline.reconcile.rank_orders import lowest_first, places_before, ranked_by_distance


def competition_ranks(scores: list[Decimal], descending: bool = True) -> list[int]:
    """Standard competition ranking ("1224"): ties share a rank and the next rank skips."""
    ordered = sorted(scores, reverse=descending)
    first_place: dict[Decimal, int] = {}
    for place, score in enumerate(ordered, start=1):
        first_place.setdefault(score, place)
    return [first_place[score] for score in scores]


# Levels ranked within one province: their tables list every unit ranked, so where the other
# rows hold ranks 1 … n−1, the last row's rank beyond n is wrong, not a place in a longer list
# (a top ten of a national ranking, then the publisher's own 19th place, lists provinces).
WHOLE_LISTS = frozenset({"province_agency", "district", "commune"})


def check_rank(doc_id: str, table: Table, own_row: bool = True) -> list[Flag]:
    """rank_mismatch: a stated rank that the totals (or the other ranks) contradict. A last
    row ranked beyond the others is the publisher's own place after a top list only where the
    publisher may have one (``own_row``): not when a national body issues the ranking."""
    scope = Scope(doc_id, table)
    stated = [(e, e.rank.number) for e in table.entries if e.rank and e.rank.number is not None]
    by_percent = any(entry.percent is not None for entry, _ in stated)
    comparable = not any(c.scales for c in table.columns if c.role in ("percent", "total"))
    scored = [
        (entry, rank, _exact_share(entry, score.number) if by_percent else score.number)
        for entry, rank in stated
        if (score := entry.percent if by_percent else entry.total)
        and score.number is not None
        and comparable  # "1,4 tỷ" over "330 triệu": the printed figures do not order the rows
    ]
    if ranked_by_distance([(rank, total) for _, rank, total in scored]):
        return []  # the ranks order the rows by how near each total is to a target
    scored = lowest_first(scored)
    whole = table.level in WHOLE_LISTS or not own_row
    ranks = [rank for _, rank, _ in scored]
    if scored and _top_list(ranks, whole):
        if not _top_then_own_row(ranks):
            return _check_partial_ranks(scope, scored)  # a top ten with national ranks
        scored = scored[:-1]  # the top rows are ranked 1 … k among themselves
    if scored:  # the rows are ranked by their index: the percentage where one is printed
        basis = "theo tỷ lệ điểm" if by_percent else "theo tổng điểm"
        rows = [(entry, rank) for entry, rank, _ in scored]
        expected = _ties_broken(scored, competition_ranks([total for _, _, total in scored]))
    else:  # a rank alone: the ranks themselves must form a competition ranking
        basis, rows = "theo thứ tự các hạng khác", stated
        ranks = [rank for _, rank in stated]
        before = places_before(ranks)  # places k, k + 1, …: the list's head printed elsewhere
        if stated and max(ranks) > len(stated) + before and not _one_beyond(ranks, whole):  # top
            rows = [(entry, rank) for entry, rank in stated if rank <= len(stated) + before]
        expected = competition_ranks([rank for _, rank in rows], descending=False)
        expected = [place + before for place in expected]
        expected = _blank_places_held(table, rows, expected)
    flags = []
    for (entry, stated_rank), rank in zip(rows, expected, strict=True):
        if stated_rank != rank and entry.rank is not None:
            message = (
                f"{who(entry)}: xếp hạng ghi {entry.rank.printed}, "
                f"nhưng {basis} hạng đúng là {rank}."
            )
            flags.append(
                scope.flag(
                    "rank_mismatch",
                    entry,
                    message,
                    str(rank),
                    fmt(entry.rank.number),
                    entry.rank,
                )
            )
    return flags


def _exact_share(entry: Entry, printed: Decimal) -> Decimal:
    """The percentage a row is ranked by: its score ÷ its maximum, computed, where that rounds
    to the printed share (8.3 % printed for 10/121 and for 1/12: the rows are ranked by the
    exact shares, 1/12 ahead); else the share as printed."""
    score = entry.total.number if entry.total else None
    top = entry.row_max.number if entry.row_max else None
    if score is None or not top or not isinstance(places := printed.as_tuple().exponent, int):
        return printed
    half = Decimal(1).scaleb(places) / 2  # half a unit of the share's last printed place
    for exact in (score * 100 / top, score / top):  # a share in per cent, or as a fraction
        if abs(exact - printed) <= half:
            return exact
    return printed


def _blank_places_held(
    table: Table, rows: list[tuple[Entry, Decimal]], expected: list[int]
) -> list[int]:
    """Expected ranks where a unit printed between two ranked rows with its rank left blank
    (24, New York with no rank, 26) keeps its place: each ranked row below it moves down one.
    A reference row above the ranked ones ("Cả nước") or a row after them holds none."""
    ranked = {id(entry) for entry, _ in rows}
    at = [i for i, entry in enumerate(table.entries) if id(entry) in ranked]
    if not at:
        return expected
    blanks = [
        i
        for i in range(at[0] + 1, at[-1])
        if id(table.entries[i]) not in ranked and table.entries[i].rank is None
    ]
    if not blanks:
        return expected
    return [rank + sum(b < i for b in blanks) for rank, i in zip(expected, at, strict=True)]


def _ties_broken(scored: list[tuple[Entry, Decimal, Decimal]], expected: list[int]) -> list[int]:
    """Rows printing one total and ranked one after another in their order (59.04 ranked 21,
    then 22): a tie the publisher broke by the figures before rounding, each rank its place
    within the tie. Not in a table that prints another tie as one shared rank (that publisher
    shares ties), nor for a tie ranked otherwise ("21", "23"): checked against the shared rank.
    Rows not printed in the total's order (a page sorted by another year's column) say
    nothing of a tie's order: its places in any order are the tie broken."""
    groups = [[at for at, rank in enumerate(expected) if rank == place] for place in set(expected)]
    ties = [tied for tied in groups if len(tied) > 1]
    in_order = _monotone([total for _, _, total in scored])
    broken = [tied for tied in ties if _places(tied, scored, in_order)]
    if len(broken) < len(ties) and any(len({scored[at][1] for at in t}) == 1 for t in ties):
        return expected  # ties shared elsewhere in the table: a broken one is a wrong rank
    out = list(expected)
    for tied in broken:
        if min(scored[at][1] for at in tied) == expected[tied[0]]:
            for at in tied:
                out[at] = int(scored[at][1])
    return out


def _places(tied: list[int], scored: list[tuple[Entry, Decimal, Decimal]], in_order: bool) -> bool:
    ranks = [scored[at][1] for at in tied]
    return _one_after_another(ranks if in_order else sorted(ranks))


def _monotone(totals: list[Decimal]) -> bool:
    pairs = list(zip(totals, totals[1:], strict=False))
    return all(a >= b for a, b in pairs) or all(a <= b for a, b in pairs)


def _one_after_another(ranks: list[Decimal]) -> bool:
    return all(b == a + 1 for a, b in zip(ranks, ranks[1:], strict=False))


def _top_list(ranks: list[Decimal], whole: bool = False) -> bool:
    """Ranks from a longer list: some beyond the number of rows (a top ten, then the
    publisher's own 19th place; a region's provinces with their national ranks). Not when
    every other rank is there, 1 … n less one, and the one beyond them is printed among them,
    or last in a list that is ``whole``: that is one rank wrong, checked as such."""
    count = len(ranks)
    beyond = [at for at, rank in enumerate(ranks) if rank > count]
    within = {rank for rank in ranks if rank <= count}
    if not beyond:
        return False
    one_wrong = len(beyond) == 1 and len(within) == count - 1 and beyond[0] < count - 1
    return not (one_wrong or _one_beyond(ranks, whole))


def _top_then_own_row(ranks: list[Decimal]) -> bool:
    """A top list whose rows before the last (the publisher's own, beyond them) are ranked
    1 … k−1 and one beyond k: a top list holds its first k places, so that one is wrong
    ("1 … 9, 12, then 62"). A top list is printed in its ranks' order: rows in another order
    (a page sorted by another year's column) are ranks from a longer list."""
    top = ranks[:-1]
    in_order = all(a <= b for a, b in zip(top, top[1:], strict=False))
    return len(ranks) > 2 and in_order and ranks[-1] > len(ranks) and _one_beyond(top, True)


def _one_beyond(ranks: list[Decimal], whole: bool) -> bool:
    """A whole list's rows ranked 1 … n−1 among themselves (ties sharing a rank: 1, 1, 3 …)
    and the last beyond n: the last rank is wrong (a list missing its first row, ranked
    2 … n+1, is not this)."""
    count = len(ranks)
    return whole and ranks[-1] > count and _competition_shape(ranks[:-1])


def _competition_shape(ranks: list[Decimal]) -> bool:
    """Whether the ranks, in any order, are a competition ranking: 1, then each the one before
    (a tie) or its own place ("1224")."""
    ordered = sorted(ranks)
    return bool(ordered) and all(
        rank == place or (place > 1 and rank == ordered[place - 2])
        for place, rank in enumerate(ordered, start=1)
    )


def _check_partial_ranks(scope: Scope, scored: list[tuple[Entry, Decimal, Decimal]]) -> list[Flag]:
    """Ranks taken from a longer list (a top ten and the province's own national rank): only
    their order can be checked. A rank is wrong when a higher total has a rank no better, or
    a lower total a rank no worse; of the rows out of order, the one at odds with the most
    rows is flagged (one wrong rank makes its neighbours look wrong only against it), with
    the range its neighbours leave as the expected value."""
    conflicts = [
        sum((t > total and r >= rank) or (t < total and r <= rank) for _, r, t in scored)
        for _, rank, total in scored
    ]
    worst = max(conflicts, default=0)
    blamed = [count == worst > 0 for count in conflicts]
    # two rows at odds only with each other: the one whose rank is not its place in the table
    # (a top ten prints its own places 1 … 10; the 11th printed as 9th's rank is the wrong one)
    places = competition_ranks([total for _, _, total in scored])
    misplaced = [
        b and rank != place for b, (_, rank, _), place in zip(blamed, scored, places, strict=True)
    ]
    if any(misplaced):
        blamed = misplaced
    flags = []
    for (entry, rank, total), guilty in zip(scored, blamed, strict=True):
        if not guilty:
            continue
        others = [(r, t) for e, r, t in scored if e is not entry]
        low = max((r for r, t in others if t > total), default=Decimal(0)) + 1
        high = min((r for r, t in others if t < total), default=None)
        expected = f"{fmt(low)}–{fmt(high - 1)}" if high is not None else f"≥ {fmt(low)}"
        message = (
            f"{who(entry)}: xếp hạng ghi {entry.rank.printed if entry.rank else ''}, nhưng "
            f"theo tổng điểm so với các dòng khác hạng phải trong khoảng {expected}."
        )
        flags.append(scope.flag("rank_mismatch", entry, message, expected, fmt(rank), entry.rank))
    return flags


def check_duplicates(doc_id: str, table: Table) -> list[Flag]:
    """duplicate_entry: the same unit printed twice in one table."""
    scope = Scope(doc_id, table)
    seen: dict[str, Entry] = {}
    flags = []
    for entry in table.entries:
        key = vocab.fold(entry.agency_raw)
        if not key:
            continue
        if key in seen:
            first = seen[key]
            message = (
                f"{entry.agency_raw} có hai dòng trong bảng "
                f"(STT {first.number} và STT {entry.number})."
            )
            flags.append(
                scope.flag(
                    "duplicate_entry",
                    entry,
                    message,
                    None,
                    entry.agency_raw,
                )
            )
        seen.setdefault(key, entry)
    return flags


def check_row_numbers(doc_id: str, table: Table) -> list[Flag]:
    """row_number_gap: STT does not run 1, 2, …, n.

    A row is flagged when its STT follows neither the row above nor its own position, so one
    typo raises one flag and one missing row raises one flag, not one for every row after it.
    """
    if not table.has_role("row_number"):
        return []
    scope = Scope(doc_id, table)
    flags = []
    previous = 0
    unnumbered = 0  # rows printing a dash for their STT ("- Thế giới"): outside the count
    for position, entry in enumerate(table.entries, start=1):
        number = entry.number
        if _dashed(entry.row_number):
            unnumbered += 1
            continue
        if number not in (previous + 1, position - unnumbered):
            shown = entry.row_number.printed if entry.row_number else "(trống)"
            message = (
                f"{entry.agency_raw}: STT ghi {shown} sau STT {previous}, lẽ ra là {previous + 1}."
            )
            flags.append(
                scope.flag(
                    "row_number_gap", entry, message, str(previous + 1), shown, entry.row_number
                )
            )
        previous = number if number is not None else previous + 1
    return flags


def _dashed(value: Value | None) -> bool:
    """An STT cell printing a blank mark ("-"): a row shown without a number of its own."""
    return value is not None and value.number is None and value.printed.strip() in BLANK_MARKS


def _cells(table: Table, entry: Entry) -> Iterable[tuple[str, Value | None, str]]:
    """(label, value, role) of every numeric cell of a row, in printed order."""
    yield "STT", entry.row_number, "row_number"
    yield from (
        (c.label, v, "component") for c, v in zip(table.components(), entry.components, strict=True)
    )
    yield "Tổng điểm", entry.total, "total"
    yield "Xếp hạng", entry.rank, "rank"


def check_readable(doc_id: str, table: Table) -> list[Flag]:
    """unreadable_value: a cell printed something that is not a number."""
    scope = Scope(doc_id, table)
    flags = []
    for entry in table.entries:
        for label, value, _role in _cells(table, entry):
            if value is not None and value.unreadable:
                message = (
                    f"{who(entry)}: ô “{label}” ghi “{value.printed}”, không đọc được thành số."
                )
                flags.append(
                    scope.flag(
                        "unreadable_value",
                        entry,
                        message,
                        "a number",
                        value.printed,
                        value,
                    )
                )
    return flags


def check_missing_values(doc_id: str, table: Table) -> list[Flag]:
    """missing_value: a blank cell in a column the table prints (a score, a rank, a name)."""
    scope = Scope(doc_id, table)
    flags = []
    for entry in table.entries:
        if entry.cut:
            continue  # cut_row says it once for the row
        if not entry.agency_raw:
            message = f"Dòng STT {entry.number}: ô “Tên đơn vị” để trống, không biết điểm của ai."
            flags.append(scope.flag("missing_value", entry, message, "a unit name", ""))
        for label, value, role in _cells(table, entry):
            if value is None and table.has_role(role):
                message = f"{who(entry)}: ô “{label}” để trống."
                flags.append(scope.flag("missing_value", entry, message, "a value", ""))
    return flags


def check_cut_rows(doc_id: str, table: Table) -> list[Flag]:
    """cut_row: the text ends inside this row; what it does not print is left blank."""
    scope = Scope(doc_id, table)
    flags = []
    for entry in table.entries:
        if entry.cut:
            message = (
                f"{who(entry)}: văn bản dừng giữa dòng này (tệp bị cắt); các ô còn thiếu "
                f"được để trống, không suy đoán."
            )
            flags.append(scope.flag("cut_row", entry, message, "a complete row", entry.agency_raw))
    return flags

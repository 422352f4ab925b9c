"""How well a run of records splits into columns: the values before each name, and the records
at either end whose line breaks do not follow the rows' (prose before or after a table).

A split is scored by its records starting their lines, its first column counting 1, 2, 3 … (a
competition ranking, ties allowed, starting again under a group), a rank after the name
counting down the rows, and no column mixing band words with numbers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import Decimal

from pipeline import vocabulary as vocab
from pipeline.parse import parse_number
from pipeline.reconcile.rules import places
from pipeline.tables.records.tokens import Token
from pipeline.tables.records.words import BLANKS

MIN_RECORDS = 3
_LONG_COUNT = 6  # rows enough for one misprinted number not to hide the count (1 in 6! by chance)


def misfits_at_end(rows: list[list[Token | None]], before: int) -> int:
    """Records at the end whose line breaks fall where the table's rows have none (or none
    where they have one): the prose after a table, a year ending a sentence taken for a value.
    The pattern is the rows' own: where a line starts among the values before the name, the
    name and the first value after it; a row cut short keeps the pattern of what it prints."""
    patterns = [tuple(t.starts_line if t else None for t in row[: before + 2]) for row in rows]
    whole = [p for p in patterns if None not in p]
    if not whole:
        return 0
    usual, count = Counter(whole).most_common(1)[0]
    if 4 * count < 3 * len(whole):
        return 0  # no pattern the rows share
    breaks = [
        at
        for at, pattern in enumerate(patterns)
        if at and not all(a is None or a == b for a, b in zip(pattern, usual, strict=True))
    ]
    # from the first break that too few records follow to be a group of the table's own
    tail = [at for at in breaks if len(patterns) - at - 1 < MIN_RECORDS]
    return len(patterns) - tail[0] if tail else 0


def misfits_at_start(rows: list[list[Token | None]], before: int) -> int:
    """Records at the start whose line breaks fall where the table's rows have none: words of
    the sentence above the table ("Điều 1. … năm 2022 của …") read as records."""
    patterns = [tuple(t.starts_line if t else None for t in row[: before + 2]) for row in rows]
    whole = [p for p in patterns if None not in p]
    if len(whole) < 2 * MIN_RECORDS:
        return 0
    usual, count = Counter(whole).most_common(1)[0]
    if 4 * count < 3 * len(whole) or not usual[0]:
        return 0  # no pattern the rows share, or rows run together (none starts its line)
    odd = [at for at in range(MIN_RECORDS) if None not in patterns[at] and patterns[at] != usual]
    lead = odd[-1] + 1 if odd else 0
    while lead and lead < len(patterns) and None in patterns[lead]:
        lead += 1  # words without values between the sentence and the rows: a header
    return lead if len(patterns) - lead >= MIN_RECORDS else 0


def split_score(rows: list[list[Token | None]], before: int) -> int:
    """How well records of ``before`` values, a name, then the rest hold together: each record
    starting a line, the first column counting 1, 2, 3 … (starting again under a heading)
    from the first record (a count that starts on the second is the ranks each record
    prints last, read as the next one's number), and a column after the name so counting."""
    firsts = [row[0] for row in rows if row[0] is not None]
    score = 5 * sum(token.starts_line for token in firsts[1:])
    if before and rows and rows[0][0] is not None and counts([token.text for token in firsts]):
        score += 3 * len(firsts)
    score += 3 * _ranked_after(rows, before)  # a rank after the name, counting down the rows
    score -= 5 * _mixed_kinds(rows)  # a band word and a number in one column: a wrong split
    if before and _header_maximum(rows, slice(0, before)):
        score -= 5 * len(rows)  # the header's "(100)" taken for the first record's value
    if _header_maximum(rows, slice(before + 1, before + 2)):
        score -= 5 * len(rows)  # "Tổng điểm" / "(100)" taken for the first record
    return score - 4 * max(0, before - 1) * len(rows)  # an STT before the name; rarely more


def _ranked_after(rows: list[list[Token | None]], before: int) -> int:
    """The records whose column after the name counts 1, 2, 3 … (a rank, wherever it stands
    among the values), the first such column; none on a maxima row read as a record."""
    own = rows[1:] if _maxima_named(rows, before) else rows
    for column in range(before + 1, max((len(row) for row in own), default=0)):
        ranks = [token for row in own if column < len(row) and (token := row[column])]
        if counts([token.text for token in ranks]):
            return len(ranks)
    return 0


def _maxima_named(rows: list[list[Token | None]], before: int) -> bool:
    """Whether the first record's name is a maxima row's label ("Điểm tối đa"): the header's
    row, read as a record and then as the maxima, whose last value may be the first record's
    number ("Điểm tối đa" / "100" / "1" / "Sở A")."""
    name = rows[0][before] if rows and before < len(rows[0]) else None
    return name is not None and bool(vocab.MAXIMA_ROW.match(vocab.fold(name.text)))


def _header_maximum(rows: list[list[Token | None]], columns: slice) -> bool:
    """Whether the first record's values in ``columns`` are a maximum in parentheses where no
    other record prints one there: the header's, not the first record's (its "(100)" before
    the first name, or its last label and "(100)" read as the first record with that record's
    number as its next value)."""
    lead = [token for token in rows[0][columns] if token is not None] if rows else []
    return only_first_bracketed(lead, [token for row in rows[1:] for token in row[columns]])


def only_first_bracketed(first: list[Token], rest: Sequence[Token | None]) -> bool:
    """Whether the first record's values are all in parentheses and no other record's are: a
    header's maxima ("(100)") read as a record's values."""
    others = [token for token in rest if token is not None]
    return bool(first) and all(t.bracketed for t in first) and not any(t.bracketed for t in others)


def _mixed_kinds(rows: list[list[Token | None]]) -> int:
    """Cells whose kind (a number, or words such as a band) is not their column's usual one."""
    width = max((len(row) for row in rows), default=0)
    mixed = 0
    for column in range(width):
        kinds = [
            parse_number(token.text) is not None
            for row in rows
            if column < len(row)
            and (token := row[column]) is not None
            and token.value
            and token.text not in BLANKS
        ]
        mixed += min(kinds.count(True), kinds.count(False))
    return mixed


def counts(texts: list[str]) -> bool:
    """1, 2, 3 … from 1, or a competition ranking (1, 2, 2, 4: a tie shares its rank and the
    next takes its place), starting again at 1 only after at least two rows. In a long column
    one value may break the count (a rank printed wrong, "16, 15, 18"): the column still
    counts, and the check of the ranks finds that value."""
    numbers = [parse_number(text) for text in texts]
    if not numbers or numbers[0] != 1:
        return False
    if _count_holds(numbers, 1, 0, int(len(numbers) >= _LONG_COUNT)) or _head_and_foot(numbers):
        return True  # ("1, 2, 3, 4, 3, 6": the misprinted 3 is no top list's end)
    if len(numbers) > MIN_RECORDS + 2 and _jumps_ahead(numbers[-2], numbers[-1]):
        numbers = numbers[:-1]  # a top list, then the publisher's own row with its rank
    return _count_holds(numbers, 1, 0, int(len(numbers) >= _LONG_COUNT)) or _head_and_foot(numbers)


def _head_and_foot(numbers: list[Decimal | None]) -> bool:
    """1, 2, … k, then one leap ahead and on by one to the end ("… 7, 8, 61, 62, 63": the
    first places of a ranking and its last ones, printed together), the head of at least as
    many rows as a table has records."""
    pairs = zip(numbers, numbers[1:], strict=False)
    steps = [b is not None and a is not None and b == a + 1 for a, b in pairs]
    leaps = [k for k, step in enumerate(steps) if not step]
    if len(leaps) != 1 or leaps[0] + 1 < MIN_RECORDS:
        return False
    before, after = numbers[leaps[0]], numbers[leaps[0] + 1]
    return before is not None and after is not None and after > before + 1


def _count_holds(numbers: list[Decimal | None], start: int, since: int, spare: int) -> bool:
    """Whether ``numbers`` from ``start`` go on counting, ``since`` rows into the count, with
    ``spare`` values allowed to break it. A 1 may start the count again under a group or be
    the one misprinted value ("1, 2, 1, 4, 4, 6"): both readings are tried."""
    for at in range(start, len(numbers)):
        previous, number = numbers[at - 1], numbers[at]
        since += 1
        if number is not None and previous is not None and number in (since + 1, previous):
            continue
        if number == 1 and since >= 2 and _count_holds(numbers, at + 1, 0, spare):
            return True
        if not spare:
            return False
        spare -= 1
    return True


def _jumps_ahead(previous: Decimal | None, last: Decimal | None) -> bool:
    return previous is not None and last is not None and last > previous + 1 and last % 1 == 0


def usual_size(sizes: list[int]) -> int:
    """The records' number of values: the most frequent size, the larger of two as frequent
    (a group comes out short where a row lacks a value, never longer than a record)."""
    counts = Counter(sizes)
    top = max(counts.values())
    return max(size for size, count in counts.items() if count == top)


def figure_kind(token: Token) -> int | None:
    """A figure's number of decimals, or None for words."""
    number = parse_number(token.text)
    return None if number is None else places(number)


def leads_on(carried: list[Token], values: list[Token]) -> bool:
    """Whether the values after a name go on from the ones before it (rank 5, then 6): the
    next record's leading values, the name printed without values of its own."""
    if len(carried) != len(values):
        return False
    paired = zip(carried, values, strict=True)
    numbers = [(parse_number(a.text), parse_number(b.text)) for a, b in paired]
    return all(
        a is not None and b is not None and a % 1 == 0 and b % 1 == 0 and b > a for a, b in numbers
    )

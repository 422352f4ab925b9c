"""What a decision states in prose about how it scores: the total's weights, band thresholds.

"Chỉ số DTI = 0,4 × Chính quyền số + 0,3 × Kinh tế số + 0,3 × Xã hội số" gives the weights
of the components (matched by name, else in column order); "từ 90 điểm trở lên: Xuất sắc; từ
80 đến dưới 90 điểm: Tốt; …" gives the band thresholds, which the band check then applies
exactly instead of guessing round thresholds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

from pipeline import vocabulary as vocab
from pipeline.models import BandRange, Column, Table
from pipeline.parse import parse_number
from pipeline.reconcile.rules import agrees
from pipeline.tables.roles.total import NO_TOTAL, TOTAL_IN_DOUBT

_NUM = r"(\d+(?:[.,]\d+)?)\s*(?:điểm|%)?"
_BETWEEN = re.compile(rf"từ\s+{_NUM}\s*(?:đến|tới|[-–])\s*(dưới\s+)?{_NUM}")
_AT_LEAST = re.compile(rf"(?:từ|đạt)\s+{_NUM}\s*(?:điểm\s*)?trở\s+lên")
_ABOVE = re.compile(rf"trên\s+{_NUM}")
_BELOW = re.compile(rf"dưới\s+{_NUM}")
_BAND_IN_CLAUSE = re.compile(
    r"(?<![\w])(xuất\s+sắc|rất\s+tốt|tốt|khá|trung\s+bình|yếu|rất\s+thấp|thấp|kém)(?![\w])"
)
_CLAUSES = re.compile(r"[;\n]|\.(?:\s|$)")
_WEIGHT = re.compile(r"(\d+(?:[.,]\d+)?)\s*%|(?<![\d,.])(0[.,]\d+|1)(?![\d,.%])")
_SIGN = rf"[{vocab.TIMES}]"  # a sign may touch the weight or the label: "0,4*Chính quyền số"
_SIGN_WORD = r"(?:x|nhân(?:\s+với)?)"  # a letter or a word stands apart: "Kinh tế số x 30%"
# the sign beside the weight, at the label's start or end ("× Xã hội số"); an x or "nhân"
# inside a label ("Xã hội số", "Nhân lực số") is the label's own
_OPERATOR = re.compile(
    rf"^\s*(?:{_SIGN}\s*|{_SIGN_WORD}(?:\s+|$))|(?:\s*{_SIGN}|(?:^|\s+){_SIGN_WORD})\s*$",
    re.IGNORECASE,
)
_SIGNS = frozenset({"+", "x", *vocab.TIMES})
_CODE = re.compile(r"\(([a-z])\)|^([a-z])$|chỉ\s+số\s+([a-z])$")


def stated_bands(prose: list[str]) -> tuple[BandRange, ...]:
    """Band thresholds stated in prose: at least two bands, each with its score range."""
    ranges: dict[str, BandRange] = {}
    for clause in _CLAUSES.split(vocab.fold("\n".join(prose))):
        bands = {" ".join(found.split()) for found in _BAND_IN_CLAUSE.findall(clause)}
        if len(bands) != 1:
            continue
        found = _range(clause, vocab.band_of(bands.pop()) or "")
        if found and found.band and found.band not in ranges:
            ranges[found.band] = found
    if len(ranges) < 2:
        return ()
    floor = Decimal("-Infinity")
    return tuple(sorted(ranges.values(), key=lambda r: floor if r.low is None else r.low)[::-1])


def _range(clause: str, band: str) -> BandRange | None:
    if found := _BETWEEN.search(clause):
        low, high = parse_number(found.group(1)), parse_number(found.group(3))
        return BandRange(band, low, high, True, found.group(2) is None)
    if found := _AT_LEAST.search(clause):
        return BandRange(band, parse_number(found.group(1)), None)
    if found := _ABOVE.search(clause):
        return BandRange(band, parse_number(found.group(1)), None, low_inclusive=False)
    if found := _BELOW.search(clause):
        return BandRange(band, None, parse_number(found.group(1)))
    return None


def stated_weights(prose: list[str], components: tuple[Column, ...]) -> tuple[Decimal, ...] | None:
    """The weights of a formula "… = w₁ × A + w₂ × B …" for these components, in column order."""
    for weighted in _formulas(prose):
        if len(weighted) != len(components):
            continue
        order = _match_terms([label for _, label in weighted], components)
        return tuple(weighted[i][0] for i in order)
    return None


def _formulas(prose: list[str]) -> Iterator[list[tuple[Decimal, str]]]:
    """The terms (weight, label) of each formula "… = w₁ × A + w₂ × B …" stated in prose,
    with the lines it wraps onto (a page's line breaks fall inside a label or after a sign)."""
    for at, line in enumerate(prose):
        if "=" not in line:
            continue
        for text in dict.fromkeys((line, _wrapped(prose, at))):  # the line alone first
            terms = [_term(part) for part in text.partition("=")[2].split("+")]
            if len(terms) > 1 and all(term is not None for term in terms):
                yield [term for term in terms if term is not None]


def _wrapped(prose: list[str], at: int) -> str:
    """The formula opening at line ``at`` with the lines it goes on onto: each after a line
    ending in a sign ("+", "×"), or opening in lower case or with a sign."""
    text = prose[at]
    for line in prose[at + 1 :]:
        words, after = text.split(), line.split()
        if not after or "=" in line:
            break
        if not (words[-1] in _SIGNS or after[0] in _SIGNS or line[:1].islower()):
            break
        text = f"{text.rstrip()} {line.strip()}"
    return text


def _with_formula_total(table: Table, prose: list[str]) -> Table:
    """A table whose total no rule of its columns gave, or gave in doubt, when a stated
    formula's weights, in column order, give one of its columns from the others on every row:
    that column is the total (the weights are checked on the numbers, not taken on trust)."""
    if table.role_doubt is None:
        return table
    doubts = table.role_doubt.split("; ")
    others = [d for d in doubts if not d.startswith((NO_TOTAL, TOTAL_IN_DOUBT))]
    if table.has_role("total") and len(others) == len(doubts):
        return table  # the total is not in doubt
    scores = _total_as_component(table)
    parts = scores.components()
    for weighted in _formulas(prose):
        if len(weighted) + 1 != len(parts):
            continue
        weights = [Fraction(weight) for weight, _ in weighted]
        found = [k for k in range(len(parts)) if _gives(scores, k, weights)]
        if len(found) == 1:
            return replace(_total_at(scores, found[0]), role_doubt="; ".join(others) or None)
    return table


def _total_as_component(table: Table) -> Table:
    """The table with the total it chose in doubt put back among the components, in column
    order, for the formula to say which column it is (unchanged when the formula gives none)."""
    total = next((c for c in table.columns if c.role == "total"), None)
    if total is None:
        return table
    at = sum(c.index < total.index for c in table.components())
    columns = tuple(replace(c, role="component") if c is total else c for c in table.columns)
    entries = tuple(
        replace(e, components=(*e.components[:at], e.total, *e.components[at:]), total=None)
        for e in table.entries
    )
    return replace(table, columns=columns, entries=entries)


def _gives(table: Table, k: int, weights: list[Fraction]) -> bool:
    """Whether component ``k`` is the weighted sum of the others on three full rows or more
    and on four in five of them: a misprinted row (the check's own finding) must not hide the
    rule the decision states; a column the rule does not give fails on most rows."""
    hits = misses = 0
    for entry in table.entries:
        values = [v.number if v is not None else None for v in entry.components]
        if any(v is None for v in values):
            continue
        others = [Fraction(v) for i, v in enumerate(values) if i != k and v is not None]
        total = values[k]
        assert total is not None
        computed = sum((w * x for w, x in zip(weights, others, strict=True)), Fraction())
        hits, misses = (hits + 1, misses) if agrees(computed, total) else (hits, misses + 1)
    return hits >= 3 and 5 * misses <= hits + misses


def _total_at(table: Table, k: int) -> Table:
    column = table.components()[k]
    columns = tuple(replace(c, role="total") if c is column else c for c in table.columns)
    entries = tuple(
        replace(
            entry,
            components=entry.components[:k] + entry.components[k + 1 :],
            total=entry.components[k],
        )
        for entry in table.entries
    )
    return replace(
        table, columns=columns, entries=entries, role_doubt=None, total_max=column.max_points
    )


def _term(text: str) -> tuple[Decimal, str] | None:
    """(weight, label) of one term: "0,4 × Chính quyền số", "Kinh tế số x 30%"."""
    found = _WEIGHT.search(text)
    if not found:
        return None
    weight = parse_number(found.group(1) or found.group(2))
    if weight is None:
        return None
    if found.group(1):
        weight = weight / 100
    label = " ".join(f"{text[: found.start()]} {text[found.end() :]}".split())
    label = _OPERATOR.sub(" ", label)
    return weight, vocab.fold(label.strip(" .;:()[]"))


def _match_terms(labels: list[str], components: tuple[Column, ...]) -> list[int]:
    """For each component (in order) the index of its term: by name or code, else in order."""
    order = []
    for column in components:
        name = vocab.fold(column.label)
        hit = next((i for i, label in enumerate(labels) if label and _same(label, name)), None)
        if hit is None or hit in order:
            return list(range(len(components)))
        order.append(hit)
    return order


def _same(label: str, name: str) -> bool:
    if label in name or name in label:
        return True
    code, own = _CODE.search(label), _CODE.search(name)
    return bool(code and own and set(code.groups()) - {None} == set(own.groups()) - {None})


def with_stated_rules(tables: tuple[Table, ...], prose: list[str]) -> tuple[Table, ...]:
    """Tables carrying the weights and band thresholds their decision states."""
    bands = stated_bands(prose)
    found = [_with_formula_total(table, prose) for table in tables]
    return tuple(
        replace(
            table, stated_weights=stated_weights(prose, table.components()), stated_bands=bands
        )  # fmt: skip
        for table in found
    )

"""What a decision states in prose about how it scores: the total's weights, band thresholds.

"Chỉ số DTI = 0,4 × Chính quyền số + 0,3 × Kinh tế số + 0,3 × Xã hội số" gives the weights
of the components (matched by name, else in column order); "từ 90 điểm trở lên: Xuất sắc; từ
80 đến dưới 90 điểm: Tốt; …" gives the band thresholds, which the band check then applies
exactly instead of guessing round thresholds.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from pipeline import vocabulary as vocab
from pipeline.models import BandRange, Column, Table
from pipeline.parse import parse_number

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
_OPERATOR = re.compile(r"\s*(?:[×x*∗·]|nhân(?:\s+với)?)\s*", re.IGNORECASE)
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
    for line in prose:
        if "=" not in line or "+" not in line:
            continue
        terms = [_term(part) for part in line.split("=", 1)[1].split("+")]
        if len(terms) != len(components) or any(term is None for term in terms):
            continue
        weighted = [term for term in terms if term is not None]
        order = _match_terms([label for _, label in weighted], components)
        return tuple(weighted[i][0] for i in order)
    return None


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
    label = _OPERATOR.sub(" ", text[: found.start()] + " " + text[found.end() :])
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
    return tuple(
        replace(
            table, stated_weights=stated_weights(prose, table.components()), stated_bands=bands
        )  # fmt: skip
        for table in tables
    )

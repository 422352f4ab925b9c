"""What one seed's decision says: letterhead, number and date, a ranking table and its plants.

Names come from the registry's own lists (pipeline/data), so a name read right can be matched;
header wording is drawn from the components the reader knows and from wording it has never
seen. The table's arithmetic holds (components sum to the total, ranks are the competition
ranking of the totals) except in the one row where an error is planted on purpose.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parents[2] / "pipeline" / "data"
STT_LABELS = ("STT", "TT", "Số TT", "Stt")
NAME_LABELS = ("Tên đơn vị", "Cơ quan, đơn vị", "Đơn vị", "Tên cơ quan, đơn vị", "Địa phương")
TOTAL_LABELS = ("Tổng điểm", "Tổng cộng", "Điểm đạt được", "Tổng số điểm", "Điểm tổng hợp")
RANK_LABELS = ("Xếp hạng", "Thứ hạng", "Hạng", "Vị thứ", "Thứ bậc")
# Wording no decision in the fixtures prints: the reader must take it as printed.
UNSEEN_LABELS = (
    "Mức độ sẵn sàng số",
    "Kết nối, chia sẻ dữ liệu",
    "Tương tác với người dân",
    "Hiệu quả vận hành hệ thống",
    "Bảo mật và dự phòng",
    "Năng lực đội ngũ",
    "Công tác tuyên truyền",
    "Thực thi công vụ trực tuyến",
    "Số hóa hồ sơ lưu trữ",
    "Phản ánh kiến nghị",
)
PLANTS = ("sum_mismatch", "rank_mismatch", "duplicate_entry")
PLANT_SHARE = 0.4  # share of documents with one planted error; the rest are clean
MAXIMA = ((20, 30, 25, 25), (15, 35, 30, 20), (10, 20, 20, 25, 25), (12, 40, 13, 14, 7, 14))


@dataclass(frozen=True, slots=True)
class Entry:
    """One printed row; numbers as printed."""

    row: int
    name: str
    parts: tuple[str, ...]
    total: str
    rank: str | None
    planted: str | None = None  # the check this row's planted error must raise


@dataclass(frozen=True, slots=True)
class Sheet:
    """The ranking table: header wording as printed, maxima and rows."""

    caption: str
    number_label: str
    name_label: str
    labels: tuple[str, ...]  # component headers as printed, without their maxima
    maxima: tuple[int, ...]
    total_label: str
    rank_label: str | None
    entries: tuple[Entry, ...]
    comma: bool  # decimal comma ("85,5") or point


@dataclass(frozen=True, slots=True)
class Paper:
    """The whole decision one seed prints."""

    province: str  # "Lào Cai" (without Tỉnh/Thành phố)
    province_kind: str  # "TỈNH" | "THÀNH PHỐ"
    number: int
    suffix: str  # "/QĐ-UBND"
    day: int
    month: int
    year: int
    evaluation_year: int
    subject: str  # "mức độ ứng dụng công nghệ thông tin"
    signer: str
    signer_titles: tuple[str, str]
    sheet: Sheet

    @property
    def title(self) -> str:
        place = f"{self.province_kind.lower()} {self.province}"
        return (
            f"Phê duyệt kết quả đánh giá, xếp hạng {self.subject} của các cơ quan, đơn vị "
            f"trên địa bàn {place} năm {self.evaluation_year}"
        )

    @property
    def issuer(self) -> str:
        return f"Ủy ban nhân dân {self.province_kind.lower()} {self.province}"


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _units(rng: np.random.Generator, province_id: str, count: int) -> list[str]:
    agencies = [r["name"] for r in _rows("agencies.csv") if r["province_id"] == province_id]
    agencies = [name for name in dict.fromkeys(agencies) if "@" not in name]
    districts = [r["name"] for r in _rows("districts.csv") if r["province_id"] == province_id]
    pool = agencies if rng.random() < 0.6 or len(districts) < count else districts
    if pool is districts:
        pool = [f"UBND {name[0].lower()}{name[1:]}" for name in dict.fromkeys(districts)]
    picked = rng.choice(len(pool), size=min(count, len(pool)), replace=False)
    return [pool[int(i)] for i in picked]


def _province(rng: np.random.Generator) -> tuple[str, str, str]:
    ids = {r["province_id"] for r in _rows("agencies.csv") if not r["valid_to"]}
    rows = [r for r in _rows("provinces.csv") if r["id"] in ids and not r["valid_to"]]
    row = rows[int(rng.integers(len(rows)))]
    kind, _, name = row["name"].partition(" ")
    if kind == "Thành":
        kind, name = "Thành phố", name.partition(" ")[2]
    return row["id"], name, kind.upper()


def _labels(rng: np.random.Generator, count: int) -> tuple[str, ...]:
    known = list(dict.fromkeys(r["label"] for r in _rows("components.csv")))
    unseen = int(rng.integers(0, min(3, count) + 1))
    picks = [known[int(i)] for i in rng.choice(len(known), count - unseen, replace=False)]
    picks += [UNSEEN_LABELS[int(i)] for i in rng.choice(len(UNSEEN_LABELS), unseen, False)]
    order = rng.permutation(count)
    return tuple(picks[int(i)] for i in order)


def printed(value: Decimal, places: int, comma: bool) -> str:
    text = format(value.quantize(Decimal(1).scaleb(-places)), "f")
    return text.replace(".", ",") if comma else text


def _split(
    rng: np.random.Generator, total: Decimal, maxima: tuple[int, ...], step: Decimal
) -> list[Decimal]:
    """Components within their maxima, multiples of ``step``, summing exactly to ``total``."""
    share = total / sum(maxima)
    parts = [min(Decimal(top), (Decimal(top) * share / step).to_integral_value() * step)
             for top in maxima]  # fmt: skip
    rest = total - sum(parts)
    while rest != 0:
        k = int(rng.integers(len(parts)))
        delta = step if rest > 0 else -step
        if 0 <= parts[k] + delta <= maxima[k]:
            parts[k] += delta
            rest -= delta
    return parts


def competition(totals: list[Decimal]) -> list[int]:
    return [1 + sum(other > total for other in totals) for total in totals]


def _entries(
    rng: np.random.Generator, names: list[str], maxima: tuple[int, ...], with_rank: bool
) -> tuple[list[Entry], int, bool]:
    places = int(rng.choice([0, 1, 1, 2]))
    comma = bool(rng.random() < 0.6)
    step = Decimal(1).scaleb(-places) * (5 if places == 2 else 1)
    cents = sorted(rng.integers(40 * 100, 99 * 100, len(names)).tolist(), reverse=True)
    totals = [(Decimal(c) / 100 / step).to_integral_value() * step for c in cents]
    if len(totals) > 4 and rng.random() < 0.5:  # a tie
        k = int(rng.integers(1, len(totals)))
        totals[k] = totals[k - 1]
    ranks = competition(totals)
    entries = []
    for k, (name, total) in enumerate(zip(names, totals, strict=True)):
        parts = _split(rng, total, maxima, step)
        entries.append(
            Entry(
                k + 1,
                name,
                tuple(printed(p, places, comma) for p in parts),
                printed(total, places, comma),
                str(ranks[k]) if with_rank else None,
            )
        )
    return entries, places, comma


def _plant(rng: np.random.Generator, entries: list[Entry], maxima: tuple[int, ...]) -> None:
    """Change one row so that one check must fire: the row says which."""
    kinds = [kind for kind in PLANTS if kind != "rank_mismatch" or entries[0].rank is not None]
    kind = str(rng.choice(kinds))
    k = int(rng.integers(1, len(entries) - 1))
    entry = entries[k]
    if kind == "sum_mismatch":
        values = [Decimal(p.replace(",", ".")) for p in entry.parts]
        room = [i for i, v in enumerate(values) if v + 1 <= maxima[i]]
        if not room:
            return
        i = room[int(rng.integers(len(room)))]
        comma = "," in entry.total
        places = len(entry.total.replace(",", ".").partition(".")[2])
        parts = list(entry.parts)
        parts[i] = printed(values[i] + 1, places, comma)
        entries[k] = replace(entry, parts=tuple(parts), planted=kind)
    elif kind == "rank_mismatch":
        entries[k] = replace(entry, rank=str(int(entry.rank or 0) + 2), planted=kind)
    else:
        entries[k] = replace(entry, name=entries[k - 1].name, planted=kind)


FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô")
MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Hữu", "Quang", "Thanh", "Xuân", "Ngọc")
GIVEN = ("Hùng", "Lan", "Tuấn", "Hương", "Dũng", "Thảo", "Sơn", "Bình", "Khánh", "Phúc", "Thắng")
SUBJECTS = (
    "mức độ ứng dụng công nghệ thông tin",
    "mức độ chính quyền điện tử",
    "chỉ số chuyển đổi số",
    "chỉ số cải cách hành chính",
)


def draw_paper(rng: np.random.Generator, rows: tuple[int, int] = (8, 26)) -> Paper:
    """One decision: every choice drawn from ``rng``."""
    province_id, province, kind = _province(rng)
    names = _units(rng, province_id, int(rng.integers(rows[0], rows[1] + 1)))
    maxima = MAXIMA[int(rng.integers(len(MAXIMA)))]
    with_rank = bool(rng.random() < 0.7)
    entries, _places, comma = _entries(rng, names, maxima, with_rank)
    if rng.random() < PLANT_SHARE and len(entries) >= 4:
        _plant(rng, entries, maxima)
    sheet = Sheet(
        caption=str(rng.choice(["", "KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG", "Bảng tổng hợp kết quả"])),
        number_label=str(rng.choice(STT_LABELS)),
        name_label=str(rng.choice(NAME_LABELS)),
        labels=_labels(rng, len(maxima)),
        maxima=maxima,
        total_label=str(rng.choice(TOTAL_LABELS)),
        rank_label=str(rng.choice(RANK_LABELS)) if with_rank else None,
        entries=tuple(entries),
        comma=comma,
    )
    year = int(rng.integers(2016, 2025))
    signer = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
    titles = (("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"))
    return Paper(
        province=province,
        province_kind=kind,
        number=int(rng.integers(12, 3999)),
        suffix=str(rng.choice(["/QĐ-UBND", "/QĐ-UBND", "/QĐ-CT"])),
        day=int(rng.integers(1, 29)),
        month=int(rng.integers(1, 13)),
        year=year + 1,
        evaluation_year=year,
        subject=str(rng.choice(SUBJECTS)),
        signer=signer,
        signer_titles=titles[int(rng.integers(2))],
        sheet=sheet,
    )

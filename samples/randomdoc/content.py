"""The decision one seed draws: who issues it, whom it ranks, its tables, text and metadata."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from decimal import Decimal

from . import people, units
from .figures import blank_row, group_rows
from .model import Row, Table
from .numbers import printed, thresholds_prose
from .shapes import Shape, Wish, draw_shape

Groups = list[tuple[tuple[str, str] | None, list[str]]]


@dataclass(frozen=True)
class Scene:
    """Who publishes and whom the tables rank."""

    kind: str  # province | district | ministry | top10
    province: units.Province
    district: str = ""  # an issuing district's printed name: "Huyện Sơn Dương"
    level: str = "province_agency"
    groups: tuple[tuple[tuple[str, str] | None, tuple[str, ...]], ...] = ()
    scope: str = ""  # "các sở, ban, ngành tỉnh Lào Cai", as the title says it


def district_kinds(province: units.Province) -> str:
    """How a title names a province's districts: a city's are quận, huyện."""
    return "các quận, huyện" if province.kind == "thành phố" else "các huyện, thị xã, thành phố"


def province_scene(province: units.Province, year: int, rng: random.Random) -> Scene:
    where = f"{province.kind} {province.name}"
    departments = tuple(units.departments(province, year))
    districts = tuple(units.district_printed(n, rng) for _, n in units.districts(province, year))
    pick = rng.random()
    if pick < 0.45 or len(districts) < 4:
        names = rng.sample(departments, min(len(departments), rng.randint(5, 22)))
        return Scene("province", province, level="province_agency", groups=((None, tuple(names)),),
                     scope=f"các sở, ban, ngành {where}")  # fmt: skip
    if pick < 0.8:
        kinds = (
            "các quận, huyện" if province.kind == "thành phố" else "các huyện, thị xã, thành phố"
        )
        return Scene("province", province, level="district", groups=((None, districts),),
                     scope=f"UBND {kinds} {where}")  # fmt: skip
    first = rng.sample(departments, min(len(departments), rng.randint(4, 12)))
    return Scene(
        "province", province, level="province_agency",
        groups=((rng.choice(people.GROUP_HEADINGS), tuple(first)),
                (rng.choice(people.DISTRICT_HEADINGS), districts)),
        scope=f"các sở, ban, ngành và UBND {district_kinds(province)} {where}",
    )  # fmt: skip


def district_scene(province: units.Province, year: int, rng: random.Random) -> Scene | None:
    candidates = [
        (i, n) for i, n in units.districts(province, year) if n.startswith(("Huyện", "Thị xã"))
    ]
    rng.shuffle(candidates)
    for district_id, name in candidates:
        communes = units.communes(district_id, year)
        if len(communes) >= 5:
            names = tuple(rng.sample(communes, min(len(communes), rng.randint(5, 25))))
            scope = f"các xã, thị trấn {name.lower().split()[0]} {name.split(' ', 1)[1]}"
            if name.startswith("Thị xã"):
                scope = f"các xã, phường thị xã {name.split(' ', 2)[2]}"
            return Scene(
                "district",
                province,
                district=name,
                level="commune",
                groups=((None, names),),
                scope=f"{scope}, {province.kind} {province.name}",
            )
    return None


def national_scene(province: units.Province, year: int, rng: random.Random) -> Scene:
    if rng.random() < 0.3:
        pool = units.ministries(year)
        names = tuple(rng.sample(pool, min(len(pool), rng.randint(6, 18))))
        return Scene("ministry", province, level="ministry", groups=((None, names),),
                     scope="các bộ, cơ quan ngang bộ")  # fmt: skip
    chosen = units.provinces(year) if rng.random() < 0.4 else rng.sample(
        units.provinces(year), rng.randint(8, 30))  # fmt: skip
    names = tuple(units.province_printed(p, rng) for p in chosen)
    return Scene("ministry", province, level="province", groups=((None, names),),
                 scope="các tỉnh, thành phố trực thuộc Trung ương")  # fmt: skip


def draw_scene(year: int, rng: random.Random) -> Scene:
    province = rng.choice(units.provinces(year))
    pick = rng.random()
    if pick < 0.5:
        return province_scene(province, year, rng)
    if pick < 0.7:
        scene = district_scene(province, year, rng)
        if scene is not None:
            return scene
    if pick < 0.8:
        own = units.province_printed(province, rng)
        others = [units.province_printed(p, rng) for p in units.provinces(year) if p != province]
        return Scene("top10", province, level="province", groups=((None, (own, *others)),),
                     scope="các tỉnh, thành phố trực thuộc Trung ương")  # fmt: skip
    return national_scene(province, year, rng)


def top10(rows: list[Row], own: str) -> list[Row]:
    """The first ten rows, then the publisher's own row with its national rank."""
    kept = rows[:10]
    mine = next((row for row in rows if row.name == own), None)
    return kept + ([replace(mine, number=None)] if mine and mine not in kept else [])


def table_rows(scene: Scene, shape: Shape, rng: random.Random) -> list[Row]:
    """The rows of one table; now and then the last listed unit has a name and no values."""
    groups: Groups = [(heading, list(names)) for heading, names in scene.groups]
    if not shape.ranked and rng.random() < 0.5:
        for _, names in groups:
            names.sort(key=lambda name: name.split()[-1])  # by name; else as the registry lists
    blank = None
    if scene.kind != "top10" and rng.random() < 0.08 and len(groups[-1][1]) > 3:
        blank = groups[-1][1].pop()
    rows = group_rows(groups, shape, rng)
    if scene.kind == "top10":
        return top10(rows, scene.groups[0][1][0])
    return rows + ([blank_row(blank, rows, shape)] if blank else [])


def caption(scene: Scene, year: int, many: bool, rng: random.Random) -> str | None:
    if many:
        return rng.choice((f"Năm {year}", f"Kết quả năm {year}", f"Bảng xếp hạng năm {year}"))
    if rng.random() < 0.5:
        return None
    return rng.choice(("Bảng kết quả", "Kết quả cụ thể như sau:", f"KẾT QUẢ NĂM {year}"))


def build_table(shape: Shape, scene: Scene, rows: list[Row], head: str | None) -> Table:
    return Table(
        caption=head,
        level=scene.level,
        columns=shape.columns,
        rows=tuple(rows),
        places=shape.places,
        comma=shape.comma,
        top=shape.top,
        rule=shape.rule,
        header=shape.header,
        group_label=shape.group_label,
        maxima=shape.maxima,
        pad_rank=shape.pad_rank,
        ranked=shape.ranked,
        stated_bands=shape.stated_bands,
    )


def draw_tables(scene: Scene, year: int, index: str, stacked: bool, rng: random.Random) -> tuple[
        list[Table], Shape]:  # fmt: skip
    count = sum(len(names) for _, names in scene.groups)
    wish = Wish(scene.level, index, count, stacked=stacked,
                ranked=True if scene.kind == "top10" else None,
                numbered=False if scene.kind == "top10" else None)  # fmt: skip
    if scene.kind == "top10":
        wish = replace(wish, stacked=True) if stacked else wish
    shape = draw_shape(wish, rng)
    if scene.kind == "top10" and shape.combo not in ("score_rank", "rank_total", "rank_only"):
        shape = draw_shape(replace(wish, stacked=True), rng)
    years = [year] if rng.random() < 0.8 or scene.kind == "top10" else [year - 1, year]
    tables = []
    for shown in years:
        rows = table_rows(scene, shape, rng)
        tables.append(build_table(shape, scene, rows, caption(scene, shown, len(years) > 1, rng)))
    return tables, shape


def rule_prose(shape: Shape, comma: bool) -> list[str]:
    """The weights and band thresholds a decision states in Điều 1."""
    lines = []
    if shape.rule is not None and shape.rule.stated:
        parts = [c for c in shape.columns if c.role == "component"]
        terms = [
            f"{printed(w, 2, comma).rstrip('0').rstrip(',.')} × {' '.join(c.label)}"
            for w, c in zip(shape.rule.weights, sorted(parts, key=lambda c: c.index), strict=True)
        ]
        lines.append("Chỉ số của mỗi đơn vị tính theo công thức: Chỉ số = " + " + ".join(terms))
    if shape.stated_bands:
        lines.append(f"Mức xếp loại: {thresholds_prose(Decimal(100), comma)}.")
    return lines

"""Unit names drawn from the registry in pipeline/data/, so that matching them is possible."""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "pipeline" / "data"


@dataclass(frozen=True)
class Province:
    """An old (2016–2024) province: id, kind ("tỉnh", "thành phố") and bare name."""

    id: str
    kind: str
    name: str


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _valid(row: dict[str, str], year: int) -> bool:
    start, end = row.get("valid_from", ""), row.get("valid_to", "")
    return (not start or start <= f"{year}-12-31") and (not end or end >= f"{year}-01-01")


@cache
def provinces(year: int = 2023) -> tuple[Province, ...]:
    """The 63 provinces in force that year (before the 2025 merger)."""
    found = []
    for row in _rows("provinces.csv"):
        if "@" in row["id"] or not _valid(row, year):
            continue
        kind, _, name = row["name"].partition(" ")
        if kind == "Thành":  # "Thành phố Hà Nội"
            kind, name = "thành phố", name.partition(" ")[2]
        found.append(Province(row["id"], kind.lower(), name))
    return tuple(found)


@cache
def _agencies() -> tuple[dict[str, str], ...]:
    return tuple(_rows("agencies.csv"))


@cache
def _districts() -> tuple[dict[str, str], ...]:
    return tuple(_rows("districts.csv"))


@cache
def _communes() -> tuple[dict[str, str], ...]:
    return tuple(_rows("communes.csv"))


def _plain(name: str) -> bool:
    """Names a table prints without digits (a "Quận 1" would blur the row's numbers)."""
    return not any(ch.isdigit() for ch in name)


def departments(province: Province, year: int) -> list[str]:
    """The province's departments and agencies in force that year, in registry order."""
    return [
        row["name"]
        for row in _agencies()
        if row["province_id"] == province.id and _valid(row, year) and _plain(row["name"])
    ]


def districts(province: Province, year: int) -> list[tuple[str, str]]:
    """(id, name) of the province's districts in force that year: "Huyện Sơn Dương"."""
    return [
        (row["id"], row["name"])
        for row in _districts()
        if row["province_id"] == province.id and _valid(row, year) and _plain(row["name"])
    ]


def communes(district_id: str, year: int) -> list[str]:
    return [
        row["name"]
        for row in _communes()
        if row["district_id"] == district_id and _valid(row, year) and _plain(row["name"])
    ]


@cache
def ministries(year: int) -> tuple[str, ...]:
    return tuple(row["name"] for row in _rows("ministries.csv") if _valid(row, year))


def district_printed(name: str, rng: random.Random) -> str:
    """How a table prints a district: "Huyện Sơn Dương", "UBND huyện Sơn Dương"."""
    kind, _, bare = name.partition(" ")
    if kind == "Thị" or kind == "Thành":  # Thị xã, Thành phố
        two, _, bare = bare.partition(" ")
        kind = f"{kind} {two}"
    return rng.choice([name, f"UBND {kind.lower()} {bare}", name])


def province_printed(province: Province, rng: random.Random) -> str:
    """A province in a national ranking: "Lào Cai", "Tỉnh Lào Cai", "TP. Hà Nội"."""
    if province.kind == "thành phố":
        return rng.choice([province.name, f"TP. {province.name}", f"Thành phố {province.name}"])
    return rng.choice([province.name, province.name, f"Tỉnh {province.name}"])

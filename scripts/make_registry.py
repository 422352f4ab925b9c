"""Regenerate the registry CSVs in pipeline/data/ from the published administrative-unit packages.

Each release of ``vietnam-provinces`` is installed in its own throwaway venv (all releases share
the import name ``vietnam_provinces``), and so is ``vietnamadminunits`` (old → new provinces).
The project ships the CSVs this script writes, never the packages.

Usage: python scripts/make_registry.py [--cache /tmp/registry-venvs]

Hand-written sources in pipeline/data/ that this script reads and validates:
``agency_types.csv`` (standard provincial agencies), ``district_events.csv`` (effective dates of
district changes, and names from before the oldest snapshot), ``components.csv``,
``ministries.csv``, ``province_aliases.csv`` (these three are read by the registry as they are).
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "pipeline" / "data"
# Snapshots of vietnam-provinces: version → the date its data describes. 0.2 has no
# __data_version__; its content (thị xã Sa Pa, no huyện Kỳ Sơn of Hòa Bình, Cao Bằng not yet
# merged) dates it to early 2020.
SNAPSHOTS = {
    "0.2": "2020-01-15",
    "0.3.0": "2021-06-01",
    "0.5.0": "2023-05-07",
    "0.6.0": "2025-01-04",
}
POST_MERGER = "2025.10.1"  # the 34 provinces and their 3,321 communes
MERGER_DAY = date(2025, 7, 1)  # Nghị quyết 202/2025/QH15: 34 provinces, no district level
ADMINUNITS = "vietnamadminunits==1.0.4"
# Nghị quyết 202/2025/QH15, Điều 1: each new province and the old provinces merged into it.
MERGERS = {
    "Tuyên Quang": ("Tuyên Quang", "Hà Giang"),
    "Lào Cai": ("Lào Cai", "Yên Bái"),
    "Thái Nguyên": ("Thái Nguyên", "Bắc Kạn"),
    "Phú Thọ": ("Phú Thọ", "Vĩnh Phúc", "Hoà Bình"),
    "Bắc Ninh": ("Bắc Ninh", "Bắc Giang"),
    "Hưng Yên": ("Hưng Yên", "Thái Bình"),
    "Hải Phòng": ("Hải Phòng", "Hải Dương"),
    "Ninh Bình": ("Ninh Bình", "Hà Nam", "Nam Định"),
    "Quảng Trị": ("Quảng Trị", "Quảng Bình"),
    "Đà Nẵng": ("Đà Nẵng", "Quảng Nam"),
    "Quảng Ngãi": ("Quảng Ngãi", "Kon Tum"),
    "Gia Lai": ("Gia Lai", "Bình Định"),
    "Khánh Hòa": ("Khánh Hòa", "Ninh Thuận"),
    "Lâm Đồng": ("Lâm Đồng", "Đắk Nông", "Bình Thuận"),
    "Đắk Lắk": ("Đắk Lắk", "Phú Yên"),
    "Hồ Chí Minh": ("Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"),
    "Đồng Nai": ("Đồng Nai", "Bình Phước"),
    "Tây Ninh": ("Tây Ninh", "Long An"),
    "Cần Thơ": ("Cần Thơ", "Sóc Trăng", "Hậu Giang"),
    "Vĩnh Long": ("Vĩnh Long", "Bến Tre", "Trà Vinh"),
    "Đồng Tháp": ("Đồng Tháp", "Tiền Giang"),
    "Cà Mau": ("Cà Mau", "Bạc Liêu"),
    "An Giang": ("An Giang", "Kiên Giang"),
}
PROVINCE_COLUMNS = ("id", "code", "name", "valid_from", "valid_to", "successor_ids")
DISTRICT_COLUMNS = ("id", "code", "name", "province_id", "valid_from", "valid_to", "successor_ids")
COMMUNE_COLUMNS = ("id", "code", "name", "province_id", "district_id", "valid_from", "valid_to")
AGENCY_COLUMNS = ("id", "slug", "name", "province_id", "valid_from", "valid_to", "successor_ids")
MAPPING_COLUMNS = ("old_id", "old_name", "new_id", "new_name")


@dataclass(frozen=True, slots=True)
class Period:
    """One name of one unit over a span of days (None = open end)."""

    code: str
    name: str
    parent: str
    valid_from: date | None
    valid_to: date | None


def ascii_fold(text: str) -> str:
    """Accent-free lowercase letters only, to compare spellings (Hoà/Hòa, Qui/Quy)."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    letters = "".join(ch for ch in decomposed if ch.isalnum())
    return letters.replace("qui", "quy")


def nfc(text: str) -> str:
    """NFC with runs of white space folded."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def iso(day: date | None) -> str:
    """ISO date or empty."""
    return day.isoformat() if day else ""


def parse_day(text: str) -> date | None:
    """ISO date or None for an empty cell."""
    return date.fromisoformat(text) if text.strip() else None


# ── reading the packages, each in its own venv ──────────────────────────────────────────────


def venv_python(cache: Path, spec: str) -> Path:
    """A venv holding just ``spec``; created on first use."""
    folder = cache / spec.replace("==", "-")
    python = folder / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
        pip = [str(python), "-m", "pip", "install", "--quiet", "--no-deps", spec]
        subprocess.run(pip, check=True)
    return python


def read_divisions(cache: Path, version: str) -> list[dict]:
    """The nested-divisions JSON of one vietnam-provinces release."""
    python = venv_python(cache, f"vietnam-provinces=={version}")
    folder = package_folder(python, "vietnam_provinces")
    return json.loads((folder / "data" / "nested-divisions.json").read_text(encoding="utf-8"))


def read_converter(cache: Path) -> dict[str, list[str]]:
    """vietnamadminunits' province mapping: new province key → old province keys."""
    python = venv_python(cache, ADMINUNITS)
    text = (package_folder(python, "vietnamadminunits") / "data" / "converter_2025.json").read_text(
        encoding="utf-8"
    )
    return json.loads(text)["DICT_PROVINCE"]


def package_folder(python: Path, name: str) -> Path:
    """Where a venv keeps a package, found without importing it (its deps are not installed)."""
    code = f"import importlib.util as u; print(u.find_spec({name!r}).submodule_search_locations[0])"
    out = subprocess.run([str(python), "-c", code], check=True, capture_output=True, text=True)
    return Path(out.stdout.strip())


# ── provinces ───────────────────────────────────────────────────────────────────────────────


def short_name(name: str) -> str:
    """ "Tỉnh Lào Cai" → "Lào Cai"; "Thành phố Hồ Chí Minh" → "Hồ Chí Minh"."""
    for prefix in ("Thành phố ", "Tỉnh "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def new_province_ids(old: dict[str, str], new: dict[str, str]) -> dict[str, str]:
    """Post-merger code → id: unchanged provinces keep ``p<code>``, merged ones get ``@2025``."""
    merged = {ascii_fold(name) for name in MERGERS}
    return {
        code: f"p{code}@2025" if ascii_fold(short_name(name)) in merged else f"p{code}"
        for code, name in new.items()
    }


def check_mapping(converter: dict[str, list[str]], old: dict[str, str]) -> None:
    """Fail unless vietnamadminunits agrees with Nghị quyết 202/2025/QH15."""
    code_of = {province_key(name): code for code, name in old.items()}
    expected = {
        province_key(new): frozenset(code_of[province_key(o)] for o in olds)
        for new, olds in MERGERS.items()
    }
    found = {
        province_key(new): frozenset(code_of[province_key(o)] for o in olds)
        for new, olds in converter.items()
        if len(olds) > 1
    }
    if found != expected:
        wrong = sorted(set(found.items()) ^ set(expected.items()), key=str)
        raise SystemExit(f"vietnamadminunits disagrees with NQ 202/2025/QH15: {wrong}")


def province_key(name: str) -> str:
    """ "Tỉnh Hoà Bình", "tinhhoabinh", "Hòa Bình" → "hoabinh"."""
    key = ascii_fold(name)
    for prefix in ("thanhpho", "tinh"):
        key = key.removeprefix(prefix)
    return key.replace("tphcm", "hochiminh")


def province_rows(old: dict[str, str], new: dict[str, str]) -> tuple[list[dict], list[dict]]:
    """provinces.csv rows (one per name period) and province_mapping.csv rows."""
    new_ids = new_province_ids(old, new)
    by_short = {ascii_fold(short_name(name)): code for code, name in new.items()}
    successor = {}
    for new_name, olds in MERGERS.items():
        for old_name in olds:
            successor[ascii_fold(old_name)] = new_ids[by_short[ascii_fold(new_name)]]
    rows, mapping = [], []
    last_day = MERGER_DAY - timedelta(days=1)
    for code, name in old.items():
        target = successor.get(ascii_fold(short_name(name)), f"p{code}")
        ends = target != f"p{code}"
        rows.extend(old_province_periods(code, name, last_day if ends else None, target, ends))
        mapping.append(
            {
                "old_id": f"p{code}",
                "old_name": name,
                "new_id": target,
                "new_name": full_province_name(new[target[1:3]]),
            }
        )
    for code, name in new.items():
        if new_ids[code].endswith("@2025"):
            rows.append(
                {
                    "id": new_ids[code],
                    "code": code,
                    "name": full_province_name(name),
                    "valid_from": iso(MERGER_DAY),
                    "valid_to": "",
                    "successor_ids": "",
                }
            )
    return rows, mapping


def old_province_periods(
    code: str, name: str, valid_to: date | None, target: str, ends: bool
) -> list[dict]:
    """Rows of one old province; Thừa Thiên Huế became Thành phố Huế on 2025-01-01."""
    base = {"id": f"p{code}", "code": code, "successor_ids": target if ends else ""}
    if code == "46":
        split = date(2025, 1, 1)
        return [
            {
                **base,
                "name": "Tỉnh Thừa Thiên Huế",
                "valid_from": "",
                "valid_to": iso(split - timedelta(days=1)),
            },
            {**base, "name": "Thành phố Huế", "valid_from": iso(split), "valid_to": iso(valid_to)},
        ]
    return [{**base, "name": name, "valid_from": "", "valid_to": iso(valid_to)}]


def full_province_name(name: str) -> str:
    """The 2025 data prints "Lào Cai" for a tỉnh; the registry prints "Tỉnh Lào Cai"."""
    return name if name.startswith(("Thành phố", "Tỉnh")) else f"Tỉnh {name}"


# ── districts over time ─────────────────────────────────────────────────────────────────────


def district_snapshots(cache: Path) -> dict[str, dict[str, tuple[str, str]]]:
    """Per snapshot version: district code → (province code, name)."""
    snapshots = {}
    for version in SNAPSHOTS:
        divisions = read_divisions(cache, version)
        snapshots[version] = {
            f"{d['code']:03d}": (f"{p['code']:02d}", nfc(d["name"]))
            for p in divisions
            for d in p["districts"]
        }
    return snapshots


def read_events() -> dict[tuple[str, str], date]:
    """district_events.csv: (code, name as printed after the change) → effective date."""
    with (DATA / "district_events.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return {
        (row["code"], ascii_fold(row["new_name"])): date.fromisoformat(row["effective"])
        for row in rows
        if row["new_name"]
    }


def district_periods(
    snapshots: dict[str, dict[str, tuple[str, str]]], events: dict[tuple[str, str], date]
) -> Iterator[Period]:
    """Name periods of every district code seen in any snapshot."""
    codes = sorted({code for snap in snapshots.values() for code in snap})
    for code in codes:
        seen = [(v, snapshots[v].get(code)) for v in SNAPSHOTS]
        yield from periods_of(code, seen, events)


def periods_of(
    code: str, seen: list[tuple[str, tuple[str, str] | None]], events: dict[tuple[str, str], date]
) -> Iterator[Period]:
    """Turn one code's presence in successive snapshots into name periods."""
    current: Period | None = None
    for version, value in seen:
        day = date.fromisoformat(SNAPSHOTS[version])
        if value is None:
            if current is not None:  # dissolved: district_rows applies the event's date
                yield replace(current, valid_to=day - timedelta(days=1))
                current = None
            continue
        parent, name = value
        if current is not None and ascii_fold(current.name) == ascii_fold(name):
            continue  # a spelling change only (Thị Xã/Thị xã, Qui/Quy): one period
        start = events.get((code, ascii_fold(name)))
        if current is not None:
            if start is None:
                print(f"warning: {code} {name}: no event date, using {day}", file=sys.stderr)
            start = start or day
            yield replace(current, valid_to=start - timedelta(days=1))
        current = Period(code, name, parent, start, None)
    if current is not None:
        yield replace(current, valid_to=MERGER_DAY - timedelta(days=1))


def dissolution_dates() -> dict[str, date]:
    """district_events.csv rows with an empty new_name: the day the code stopped existing."""
    with (DATA / "district_events.csv").open(encoding="utf-8") as handle:
        return {
            row["code"]: date.fromisoformat(row["effective"])
            for row in csv.DictReader(handle)
            if not row["new_name"]
        }


def early_periods() -> dict[str, list[Period]]:
    """Names from before the oldest snapshot (district_events.csv ``old_name`` before 2020)."""
    early: dict[str, list[Period]] = {}
    with (DATA / "district_events.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["old_name"] and row["before_snapshot"] == "yes":
                end = date.fromisoformat(row["effective"]) - timedelta(days=1)
                period = Period(row["code"], row["old_name"], row["province_code"], None, end)
                early.setdefault(row["code"], []).append(period)
    return early


def district_rows(cache: Path) -> list[dict]:
    """districts.csv rows: every district name period, with successors of dissolved units."""
    events, ends, early = read_events(), dissolution_dates(), early_periods()
    successors = successor_codes()
    rows = []
    for period in district_periods(district_snapshots(cache), events):
        start, end = period.valid_from, period.valid_to
        if start is None and period.code in early:
            start = max(p.valid_to for p in early[period.code] if p.valid_to) + timedelta(days=1)
        if period.code in ends and end and end < MERGER_DAY - timedelta(days=1):
            end = ends[period.code] - timedelta(days=1)
        rows.append(district_row(period, start, end, successors.get(period.code, "")))
    for periods in early.values():
        rows.extend(district_row(p, None, p.valid_to, successors.get(p.code, "")) for p in periods)
    return sorted(rows, key=lambda row: (row["code"], row["valid_from"]))


def district_row(period: Period, start: date | None, end: date | None, successor: str) -> dict:
    """One districts.csv row."""
    return {
        "id": f"d{period.code}",
        "code": period.code,
        "name": period.name,
        "province_id": f"p{period.parent}",
        "valid_from": iso(start),
        "valid_to": iso(end),
        "successor_ids": successor,
    }


def successor_codes() -> dict[str, str]:
    """district_events.csv ``successor_code``: the unit a dissolved district merged into."""
    with (DATA / "district_events.csv").open(encoding="utf-8") as handle:
        return {
            row["code"]: f"d{row['successor_code']}"
            for row in csv.DictReader(handle)
            if row["successor_code"]
        }


# ── communes ────────────────────────────────────────────────────────────────────────────────


def commune_rows(old: list[dict], new: list[dict], new_ids: dict[str, str]) -> list[dict]:
    """communes.csv: the wards of 0.6.0 (until the merger) and of the 34 provinces (after)."""
    last_day = iso(MERGER_DAY - timedelta(days=1))
    rows = [
        {
            "id": f"c{w['code']:05d}",
            "code": f"{w['code']:05d}",
            "name": nfc(w["name"]),
            "province_id": f"p{p['code']:02d}",
            "district_id": f"d{d['code']:03d}",
            "valid_from": "",
            "valid_to": last_day,
        }
        for p in old
        for d in p["districts"]
        for w in d["wards"]
    ]
    rows += [
        {
            "id": f"c{w['code']:05d}@2025",
            "code": f"{w['code']:05d}",
            "name": nfc(w["name"]),
            "province_id": new_ids[f"{p['code']:02d}"],
            "district_id": "",
            "valid_from": iso(MERGER_DAY),
            "valid_to": "",
        }
        for p in new
        for w in p["wards"]
    ]
    return rows


# ── agencies ────────────────────────────────────────────────────────────────────────────────


def read_csv(name: str) -> list[dict[str, str]]:
    """A hand-written source CSV from pipeline/data/."""
    with (DATA / name).open(encoding="utf-8") as handle:
        return [{k: nfc(v or "") for k, v in row.items()} for row in csv.DictReader(handle)]


def province_spans(provinces: list[dict]) -> dict[str, tuple[date | None, date | None, str, str]]:
    """Province id → (first day, last day, successor id, latest name)."""
    spans: dict[str, tuple[date | None, date | None, str, str]] = {}
    for row in provinces:
        start, end = parse_day(row["valid_from"]), parse_day(row["valid_to"])
        if row["id"] in spans:
            first = spans[row["id"]]
            start = None if first[0] is None else min(first[0], start or first[0])
        spans[row["id"]] = (start, end, row["successor_ids"], row["name"])
    return spans


def agency_rows(provinces: list[dict], types: list[dict[str, str]]) -> list[dict]:
    """agencies.csv: every agency type in every province whose life overlaps it."""
    rows = []
    for pid, (p_from, p_to, p_next, p_name) in province_spans(provinces).items():
        for kind in types:
            only = kind["only_provinces"].split("|") if kind["only_provinces"] else []
            if only and pid not in only:
                continue
            start = latest(p_from, parse_day(kind["valid_from"]))
            end = earliest(p_to, parse_day(kind["valid_to"]))
            if start and end and start > end:
                continue
            rows.append(agency_row(pid, p_name, p_to, p_next, kind, start, end))
    return rows


def agency_row(
    pid: str,
    p_name: str,
    p_to: date | None,
    p_next: str,
    kind: dict[str, str],
    start: date | None,
    end: date | None,
) -> dict:
    """One agencies.csv row; successors within the province, then across the province merger."""
    successors = [f"{pid}.{slug}" for slug in kind["successor_slugs"].split("|") if slug]
    if p_next and end == p_to and not successors:
        successors = [f"{p_next}.{kind['slug']}"]
    city = p_name.startswith("Thành phố")
    name = kind["name"].replace("{tinh}", "thành phố" if city else "tỉnh")
    return {
        "id": f"{pid}.{kind['slug']}",
        "slug": kind["slug"],
        "name": name,
        "province_id": pid,
        "valid_from": iso(start),
        "valid_to": iso(end),
        "successor_ids": "|".join(successors),
    }


def latest(a: date | None, b: date | None) -> date | None:
    """The later of two start days (None = since ever)."""
    return max(d for d in (a, b) if d) if (a or b) else None


def earliest(a: date | None, b: date | None) -> date | None:
    """The earlier of two end days (None = still valid)."""
    return min(d for d in (a, b) if d) if (a or b) else None


def check_types(types: list[dict[str, str]]) -> None:
    """Slugs unique, successors known, names NFC."""
    slugs = [row["slug"] for row in types]
    if len(slugs) != len(set(slugs)):
        raise SystemExit("agency_types.csv: duplicate slug")
    for row in types:
        for slug in filter(None, row["successor_slugs"].split("|")):
            if slug not in slugs:
                raise SystemExit(f"agency_types.csv: {row['slug']} → unknown successor {slug}")


# ── writing ─────────────────────────────────────────────────────────────────────────────────


def write_csv(name: str, columns: Iterable[str], rows: list[dict]) -> None:
    """Write one CSV of pipeline/data/ (UTF-8, \\n line ends)."""
    with (DATA / name).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{name}: {len(rows)} rows", file=sys.stderr)


def main() -> None:
    """Read the packages, derive the tables, write pipeline/data/*.csv."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/registry-venvs"))
    cache = parser.parse_args().cache
    cache.mkdir(parents=True, exist_ok=True)
    old_div, new_div = read_divisions(cache, "0.6.0"), read_divisions(cache, POST_MERGER)
    old = {f"{p['code']:02d}": nfc(p["name"]) for p in old_div}
    new = {f"{p['code']:02d}": nfc(p["name"]) for p in new_div}
    check_mapping(read_converter(cache), old)
    provinces, mapping = province_rows(old, new)
    types = read_csv("agency_types.csv")
    check_types(types)
    write_csv("provinces.csv", PROVINCE_COLUMNS, provinces)
    write_csv("province_mapping.csv", MAPPING_COLUMNS, mapping)
    write_csv("districts.csv", DISTRICT_COLUMNS, district_rows(cache))
    write_csv(
        "communes.csv", COMMUNE_COLUMNS, commune_rows(old_div, new_div, new_province_ids(old, new))
    )
    write_csv("agencies.csv", AGENCY_COLUMNS, agency_rows(provinces, types))


if __name__ == "__main__":
    main()

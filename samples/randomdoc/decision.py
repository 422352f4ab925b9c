"""The whole decision of one seed: letterhead, title, articles, tables, signature, metadata."""

from __future__ import annotations

import random
from dataclasses import replace

from . import people
from .content import Scene, draw_scene, draw_tables, rule_prose
from .model import Decision, Table
from .plant import plant_one

INDEXES = ("ict", "dti", "par", "egov")
MINISTRIES = (("BỘ THÔNG TIN VÀ TRUYỀN THÔNG", "Bộ Thông tin và Truyền thông", "BTTTT"),
              ("BỘ NỘI VỤ", "Bộ Nội vụ", "BNV"))  # fmt: skip


def letterhead(scene: Scene, rng: random.Random) -> tuple[tuple[str, ...], str, str, str]:
    """(letterhead lines, issuer in full, number suffix, place) of the issuing body."""
    province = scene.province
    upper = f"{province.kind} {province.name}".upper()
    if scene.kind == "ministry":
        printed, full, code = rng.choice(MINISTRIES)
        return (printed,), full, f"QĐ-{code}", "Hà Nội"
    if scene.kind == "district":
        kind, _, name = scene.district.partition(" ")
        if kind == "Thị":
            kind, name = "thị xã", name.partition(" ")[2]
        lines: tuple[str, ...] = (f"UBND {upper}", f"ỦY BAN NHÂN DÂN {kind.upper()} {name.upper()}")
        if rng.random() < 0.5:
            lines = ("ỦY BAN NHÂN DÂN", f"{kind.upper()} {name.upper()}")
        return lines, f"Ủy ban nhân dân {kind.lower()} {name}", "QĐ-UBND", name
    lines = rng.choice((("ỦY BAN NHÂN DÂN", upper), (f"UBND {upper}",)))
    return lines, f"Ủy ban nhân dân {province.kind} {province.name}", "QĐ-UBND", province.name


def title_of(scene: Scene, index: str, year: int, rng: random.Random) -> tuple[str, str]:
    """(title as printed, title as a reader gives it back)."""
    form = rng.choice(people.TITLE_FORMS)
    phrase = people.INDEX_PHRASES[index]
    if scene.kind == "top10":
        form = "Về việc thông báo kết quả {phrase} năm {year} của {scope}"
    text = form.format(phrase=phrase, year=year, scope=scene.scope)
    if rng.random() < 0.2:
        text = text.upper()
    for lead in ("Về việc ", "VỀ VIỆC "):
        if text.startswith(lead):
            return text, text[len(lead) :]
    return text, text


def articles(scene: Scene, title: str, rule_lines: list[str], appendix: bool) -> tuple[str, ...]:
    where = " (Phụ lục kèm theo)" if appendix else " như sau:"
    first = f"{title[0].upper()}{title[1:]}{where}"
    if rule_lines:
        first = f"{first.rstrip(':').rstrip()}. " + " ".join(rule_lines)
        first += "" if appendix else " Kết quả như sau:"
    return (
        first,
        "Quyết định này có hiệu lực kể từ ngày ký.",
        "Chánh Văn phòng, Thủ trưởng các cơ quan, đơn vị liên quan chịu trách nhiệm thi hành "
        "Quyết định này./.",
    )


def draw_decision(seed: int, stacked: bool, cut_ok: bool) -> Decision:
    """Everything one seed decides; ``stacked``: the layout prints a rank over its score."""
    rng = random.Random(seed)
    year = rng.randint(2016, 2023)
    index = rng.choice(INDEXES)
    scene = draw_scene(year, rng)
    tables, shape = draw_tables(scene, year, index, stacked, rng)
    lines, issuer, suffix, place = letterhead(scene, rng)
    signed = (year + 1, rng.randint(1, 6), rng.randint(1, 28))
    if rng.random() < 0.15:
        signed = (year, 12, rng.randint(1, 28))
    number = f"{rng.randint(12, 3999)}/{suffix}"
    title, title_read = title_of(scene, index, year, rng)
    appendix = rng.random() < 0.3
    signer = people.person(rng)
    body = articles(scene, title_read, rule_prose(shape, tables[0].comma), appendix)
    decision = Decision(
        seed=seed,
        doc_type="THÔNG BÁO" if scene.kind == "top10" else "QUYẾT ĐỊNH",
        letterhead=(*lines, f"Số: {number}"),
        number=number,
        place_date=people.place_date(place, signed[2], signed[1], signed[0], rng),
        title=title,
        authority=authority(scene, issuer),
        bases=(
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
            "Xét đề nghị của Thủ trưởng cơ quan thường trực.",
        ),  # fmt: skip
        articles=body,
        signer_title=people.signer_block("ministry" if scene.kind == "ministry" else "", rng),
        signer=signer,
        tables=tuple(tables),
        metadata={
            "issuer": issuer,
            "province": None if scene.kind == "ministry" else scene.province.name,
            "decision_number": number,
            "decision_date": f"{signed[0]:04d}-{signed[1]:02d}-{signed[2]:02d}",
            "evaluation_year": year,
            "signer": signer,
            "title": title_read,
        },
        appendix=appendix_lines(number, signed) if appendix else (),
    )
    decision = plant_one(decision, rng)
    return cut_last(decision, rng) if cut_ok else decision


def authority(scene: Scene, issuer: str) -> str:
    head = "BỘ TRƯỞNG" if scene.kind == "ministry" else "CHỦ TỊCH"
    return f"{head} {issuer.upper()}"


def appendix_lines(number: str, signed: tuple[int, int, int]) -> tuple[str, ...]:
    year, month, day = signed
    return ("PHỤ LỤC", f"(Kèm theo Quyết định số {number} ngày {day}/{month}/{year})")


def cut_last(decision: Decision, rng: random.Random) -> Decision:
    """Now and then the text ends inside the last row of the last table (a cut-off file)."""
    last: Table = decision.tables[-1]
    row = last.rows[-1]
    cells = len(last.columns)
    if rng.random() >= 0.08 or row.empty or cells < 3 or decision.planted:
        return decision
    appendix = decision.appendix or appendix_lines(decision.number, _signed(decision))
    return replace(decision, cut=rng.randint(2, cells - 1), appendix=appendix)


def _signed(decision: Decision) -> tuple[int, int, int]:
    year, month, day = (int(part) for part in str(decision.metadata["decision_date"]).split("-"))
    return year, month, day

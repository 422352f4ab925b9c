"""How one seed's page looks before it is printed: font, tool, rulings, breaks and blanks.

The words of the decision (letterhead, number line, title, articles, signature) are written
here once as ``Blocks``, so the three tools that typeset them print the same text.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .content import Paper

FONTS = {  # family → the TrueType files of its regular and bold faces
    "Liberation Serif": ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"),
    "DejaVu Serif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
    "Liberation Sans": ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    "DejaVu Sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
}
FONT_WEIGHTS = (0.45, 0.15, 0.25, 0.15)  # most decisions use a Times-like serif
TOOLS = ("chromium", "libreoffice", "direct")
BLANK = "\u00a0" * 9  # the typed gap a clerk fills in by hand


@dataclass(frozen=True, slots=True)
class Look:
    """Typesetting choices of one seed."""

    font: str  # a key of FONTS
    size: float  # body size in points
    tool: str  # chromium (HTML printed to PDF) | libreoffice (DOCX → PDF) | direct (drawn)
    ruled: bool  # every cell ruled; else only rules under the header and at the end
    repeat_header: bool  # the header printed again on every page the table crosses
    group_header: bool  # a second header level: "Điểm thành phần" over the components
    blanks: bool  # number, day and month left blank and written in by hand
    prose: int  # how many bases and articles lines push the table down the page


def draw_look(rng: np.random.Generator) -> Look:
    fonts = list(FONTS)
    return Look(
        font=fonts[int(rng.choice(len(fonts), p=FONT_WEIGHTS))],
        size=float(rng.choice([12.0, 13.0, 13.0, 14.0])),
        tool=TOOLS[int(rng.integers(len(TOOLS)))],
        ruled=bool(rng.random() < 0.7),
        repeat_header=bool(rng.random() < 0.5),
        group_header=bool(rng.random() < 0.5),
        blanks=bool(rng.random() < 0.5),
        prose=int(rng.integers(2, 7)),
    )


@dataclass(frozen=True, slots=True)
class Blocks:
    """The decision's words in print order (the table comes between articles and signature)."""

    left: tuple[str, ...]  # letterhead left: issuer
    right: tuple[str, str]  # national motto
    number: str  # "Số: 512/QĐ-UBND" or "Số:      /QĐ-UBND"
    place_date: str
    kind: str
    title: str
    authority: str
    bases: tuple[str, ...]
    decides: str
    articles: tuple[str, ...]
    caption: str
    signer_titles: tuple[str, str]
    signer: str


BASES = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Căn cứ Nghị định số 42/2022/NĐ-CP ngày 24 tháng 6 năm 2022 của Chính phủ;",
    "Căn cứ Quyết định số 1149/QĐ-BTTTT ngày 11 tháng 8 năm 2023 của Bộ trưởng Bộ Thông tin "
    "và Truyền thông;",
    "Căn cứ Kế hoạch số 95/KH-UBND về đánh giá, xếp hạng các cơ quan, đơn vị;",
    "Xét đề nghị của Giám đốc Sở Thông tin và Truyền thông tại Tờ trình số 210/TTr-STTTT,",
    "Theo đề nghị của Hội đồng đánh giá tại Biên bản họp ngày 05 tháng 01,",
)


def blocks(paper: Paper, look: Look) -> Blocks:
    number = BLANK if look.blanks else str(paper.number)
    day = BLANK if look.blanks else f"{paper.day:02d}"
    month = BLANK if look.blanks else str(paper.month)
    province = paper.province
    return Blocks(
        left=("ỦY BAN NHÂN DÂN", f"{paper.province_kind} {province.upper()}"),
        right=("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"),
        number=f"Số: {number}{paper.suffix}",
        place_date=f"{province}, ngày {day} tháng {month} năm {paper.year}",
        kind="QUYẾT ĐỊNH",
        title=paper.title,
        authority=f"CHỦ TỊCH ỦY BAN NHÂN DÂN {paper.province_kind} {province.upper()}",
        bases=BASES[: max(1, look.prose - 1)],
        decides="QUYẾT ĐỊNH:",
        articles=(
            f"Điều 1. {paper.title} như sau:",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
            "Điều 3. Chánh Văn phòng Ủy ban nhân dân và Thủ trưởng các cơ quan, đơn vị có "
            "liên quan chịu trách nhiệm thi hành Quyết định này./.",
        ),
        caption=paper.sheet.caption,
        signer_titles=paper.signer_titles,
        signer=paper.signer,
    )


def header_rows(paper: Paper, look: Look) -> list[list[tuple[str, int, int]]]:
    """The table's header as rows of (text, colspan, rowspan)."""
    sheet = paper.sheet
    tail = [(f"{sheet.total_label} ({sum(sheet.maxima)})", 1, 1)]
    if sheet.rank_label:
        tail.append((sheet.rank_label, 1, 1))
    labels = [(f"{label} ({top})", 1, 1) for label, top in zip(sheet.labels, sheet.maxima,
                                                                strict=True)]  # fmt: skip
    if not look.group_header:
        return [[(sheet.number_label, 1, 1), (sheet.name_label, 1, 1), *labels, *tail]]
    first = [(sheet.number_label, 1, 2), (sheet.name_label, 1, 2)]
    first += [("Điểm thành phần", len(labels), 1)] + [(t, 1, 2) for t, _c, _r in tail]
    return [first, labels]


def body_rows(paper: Paper) -> list[list[str]]:
    return [
        [str(e.row), e.name, *e.parts, e.total, *([e.rank or ""] if paper.sheet.rank_label else [])]
        for e in paper.sheet.entries
    ]

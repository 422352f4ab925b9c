"""The letterhead: the issuing body, the decision's number and date, the document type.

Everything above the document type ("QUYẾT ĐỊNH") is the letterhead; an annex's "kèm theo"
line stands in for a missing one.
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.issuing import DIGIT_LOOKALIKES, as_digits
from pipeline.places import most_mentioned_province, province_at

UP = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"

LO = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"

DOC_TYPES = ("QUYẾT ĐỊNH", "BÁO CÁO", "THÔNG BÁO", "KẾ HOẠCH", "CÔNG VĂN", "NGHỊ QUYẾT",
             "NGHỊ ĐỊNH", "LUẬT", "THÔNG TƯ", "CHỈ THỊ")  # fmt: skip

_STOP = rf"(?!(?:SỐ|SỞ|CỘNG|BAN|VĂN\s+PHÒNG|PHÒNG|QUYẾT|ĐỘC|BÁO|ỦY|UỶ|UBND)(?![{LO}{UP}]))"

_WORD_UP = rf"{_STOP}[{UP}'’]+(?![{LO}])"  # an upper-case word, not the "S" of "Số"

_NAME_UP = rf"{_WORD_UP}(?:(?:[ \t]+-[ \t]+|[ \t]+){_WORD_UP})*"  # "BÀ RỊA - VŨNG TÀU"

_UBND = re.compile(
    rf"(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN\s+(TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ|XÃ|PHƯỜNG)"
    rf"(?:\s+({_NAME_UP}))?|UBND\s+(TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ)\s+({_NAME_UP})"
)

_MINISTRY = re.compile(rf"\bBỘ\s+({_WORD_UP}(?:,?\s+{_WORD_UP})*)")  # may wrap onto a 2nd line

_NUMBER = re.compile(  # "Số: 512/QĐ-UBND"; a law's "Luật số: 54/2014/QH13"
    rf"(?:Số|(?m:^)\s*[{UP}][{LO}]+\s+số)\s*:?\s*(\d+[{LO}{UP}]?\s*/\s*(?:\d{{4}}\s*/\s*)?[{UP}]+\d*(?:\s*[-–]\s*[{UP}\d]+)*)"
)  # "QH13": the legislature's term

_PLACE_DATE = re.compile(  # a handwritten day in the blank: "ngày |] tháng 9", "ngàyl6"
    rf"ngày\s*([{DIGIT_LOOKALIKES}]{{1,2}})\s+tháng\s+([{DIGIT_LOOKALIKES}]{{1,2}})\s+năm\s+(\d{{4}})"
    r"|ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"
)

_ANNEX = re.compile(
    rf"kèm\s+theo\s+(?:Quyết\s+định|Báo\s+cáo|Thông\s+báo|Công\s+văn)\s+số\s*:?\s*"
    rf"(\d+[{LO}{UP}]?/(?:\d{{4}}/)?[{UP}]+(?:[-–][{UP}\d]+)*)"
    r"(?:\s+ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}))?",
    re.IGNORECASE,
)


def split_at_doc_type(lines: list[str]) -> tuple[list[str], list[str]]:
    """Letterhead lines (before "QUYẾT ĐỊNH") and the rest, starting at the document type."""
    for index, line in enumerate(lines):
        if is_doc_type(line) or line.startswith(("Căn cứ", "Điều 1")):
            return lines[:index], lines[index:]
    return [], lines


def is_doc_type(line: str) -> bool:
    return _as_doc_type(line) is not None


def _as_doc_type(line: str) -> str | None:
    """The document type a line prints, a scan's lower-case speck glued to its last capital
    aside ("NGHỊ ĐỊNHố": a tone mark of the line below caught in the word's box)."""
    bare = line.strip().rstrip(":").strip()
    if bare in DOC_TYPES:
        return bare
    glued = re.fullmatch(rf"([{UP} ]*[{UP}]{{2}})[{LO}]", bare)
    return glued.group(1) if glued and glued.group(1) in DOC_TYPES else None


def doc_type_of(lines: list[str]) -> str | None:
    return next((found for line in lines if (found := _as_doc_type(line))), None)


def to_date(day: str, month: str, year: str) -> date | None:
    try:
        return date(int(year), int(as_digits(month)), int(as_digits(day)))
    except ValueError:
        return None


def number_and_date(letterhead: str, full: str) -> tuple[str | None, date | None]:
    """Number and date from the letterhead; else from the appendix's "kèm theo" line."""
    number_match = _NUMBER.search(letterhead)
    date_match = _PLACE_DATE.search(letterhead)
    number = re.sub(r"\s+", "", number_match.group(1)) if number_match else None
    when = to_date(*[g for g in date_match.groups() if g]) if date_match else None
    annex = _ANNEX.search(full)
    if annex:
        number = number or annex.group(1)
        if when is None and annex.group(2):
            when = to_date(annex.group(2), annex.group(3), annex.group(4))
    return number, when


def issuer_of(letterhead: str, body: list[str]) -> tuple[str | None, str | None]:
    """The issuing body in full form, and the province whose units it ranks.

    A letterhead may print the superior body above the issuer ("UBND TỈNH YÊN BÁI" over
    "UBND HUYỆN VĂN CHẤN"): the last named committee issues, the province comes from the first.
    """
    named = [m for m in _UBND.finditer(letterhead) if m.group(2) or m.group(4)]
    if named:
        issuer, ranked = _ubnd_issuer(named[-1], body)
        superior = named[0] if len(named) > 1 else None
        kind = (superior.group(1) or superior.group(3)) if superior else ""
        if superior and " ".join(kind.split()) in ("TỈNH", "THÀNH PHỐ"):
            ranked = _place_name(superior)
        return issuer, ranked
    ministry = _MINISTRY.search(letterhead)
    if ministry:
        return "Bộ " + _sentence_case(ministry.group(1)), None
    authority = next((line for line in body[:12] if _UBND.search(line)), None)
    found = _UBND.search(authority) if authority else None
    if found and (found.group(2) or found.group(4)):
        return _ubnd_issuer(found, body)
    province = mentioned_most(body)
    if found is None or province is None:
        return None, province[1] if province else None
    return f"Ủy ban nhân dân {province[0]} {province[1]}", province[1]


def _ubnd_issuer(found: re.Match[str], body: list[str]) -> tuple[str, str | None]:
    """A People's Committee; below province level, its province is the one the body names."""
    kind = " ".join((found.group(1) or found.group(3)).lower().split())
    if kind in ("tỉnh", "thành phố"):
        name = _place_name(found)
        return f"Ủy ban nhân dân {kind} {name}", name
    name = _as_printed(found.group(2) or found.group(4), body)
    mentioned = mentioned_most(body)
    return f"Ủy ban nhân dân {kind} {name}", mentioned[1] if mentioned else None


def mentioned_most(body: list[str]) -> tuple[str, str] | None:
    """(kind, name) of the province the text names most often: "tỉnh Đắk Lắk"."""
    return most_mentioned_province("\n".join(body))


def _place_name(found: re.Match[str]) -> str:
    """The name a province's committee line prints, to the end of the registry's province name
    when it is one ("THÀNH PHỐ HẢI PHÒNG": "PHÒNG" is no department there)."""
    group = 2 if found.group(2) else 4
    return province_at(found.string, found.start(group)) or _title_case(found.group(group))


def _as_printed(upper: str, body: list[str]) -> str:
    """A name printed in capitals in the letterhead, as the text prints it in lower case
    ("ĐẮK R'LẤP" → "Đắk R'Lấp", "KBANG" → "KBang"), else title-cased."""
    titled = _title_case(upper)
    pattern = re.compile(rf"\b{re.escape(titled)}\b", re.IGNORECASE)
    for line in body:
        found = pattern.search(line) if not line.isupper() else None
        if found and not found.group(0).isupper():
            return found.group(0)
    return titled


def _title_case(upper: str) -> str:
    """ "LÀO CAI" → "Lào Cai"; "BÀ RỊA - VŨNG TÀU" → "Bà Rịa - Vũng Tàu"."""
    return " ".join(word.capitalize() if word != "-" else word for word in upper.split())


def _sentence_case(upper: str) -> str:
    """ "THÔNG TIN VÀ TRUYỀN THÔNG" → "Thông tin và Truyền thông"."""
    parts = re.split(r"(\s+VÀ\s+|,\s*)", " ".join(upper.split()))
    return "".join(part.lower() if i % 2 else part.capitalize() for i, part in enumerate(parts))

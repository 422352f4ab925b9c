"""What a decision says about itself: issuer, number, date, year evaluated, signer, title.

The letterhead (everything above the document type "QUYẾT ĐỊNH") gives the issuer, number and
date; the "Căn cứ …" lines cite other decisions, so their numbers and dates are never taken.
When the letterhead is missing, the appendix line "(Ban hành kèm theo Quyết định số … ngày …)"
and the authority line "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" stand in. Layout tables fold a
letterhead or signature block into one cell, so patterns accept a space where a line broke.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from pipeline.blocks import opens_block
from pipeline.issuing import (
    DIGIT_LOOKALIKES,
    as_digits,
    enacting_body,
    issuer_of_code,
    letterhead_issuer,
    on_behalf_of,
    subject,
    with_type_initials,
)
from pipeline.models import Document, Line, Metadata
from pipeline.ocr.pieces import joined_pieces
from pipeline.ocr.respell import respell
from pipeline.ocr.syllables import fix_tones
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
_YEAR = re.compile(r"(?:năm|Index|DTI|PAR\s+INDEX|ICT\s+Index)\s+(\d{4})\b", re.IGNORECASE)
_DATE_PHRASE = re.compile(r"ngày\s+\S+\s+tháng\s+\S+\s+năm\s+\d{4}|\d{1,2}/\d{1,2}/\d{4}")
_PERIOD = re.compile(r"giai\s+đoạn\s+\d{4}\s*[-–]\s*\d{4}")
_VOWELS = ("AÀÁẢÃẠ", "ĂẰẮẲẴẶ", "ÂẦẤẨẪẬ", "EÈÉẺẼẸ", "ÊỀẾỂỄỆ", "IÌÍỈĨỊ", "OÒÓỎÕỌ", "ÔỒỐỔỖỘ",
           "ƠỜỚỞỠỢ", "UÙÚỦŨỤ", "ƯỪỨỬỮỰ", "YỲÝỶỸỴ")  # fmt: skip


def _any_tone(words: str) -> str:
    """A pattern for upper-case words whatever tone marks OCR put on their vowels."""
    tones = {char: f"[{group}]" for group in _VOWELS for char in group}
    return "".join(tones.get(char, char) for char in words).replace(" ", r"\s+")


_TITLES = (
    rf"(?:{_any_tone('PHÓ')}\s+)?(?:"
    + "|".join(
        _any_tone(title)
        for title in (
            "CHỦ TỊCH",
            "GIÁM ĐỐC",
            "BỘ TRƯỞNG",
            "THỨ TRƯỞNG",
            "TRƯỞNG BAN",
            "CHÁNH VĂN PHÒNG",
        )  # fmt: skip
    )
    + ")"
)
_SIGNATURE = re.compile(
    rf"(?P<on_behalf>(?:(?:KT|TM|TL|Q)\.\s*[{UP} ]+?\s+)*)(?P<title>{_TITLES}):?"
    rf"(?:\s*\(?(?:đã\s+ký|ký\s+tên)[^)\n]*\)?|\s*\[?chữ\s+ký\]?)*"
    r"(?:\s*\n[^\n]{1,12}?(?=\n))*?\s+"  # what a scan reads of the signature itself: "⁄kế"
    rf"(?P<name>[{UP}][{LO}]+(?:[ \t]+[{UP}][{LO}]+){{1,4}})"
)
_WORD = re.compile(r"[^\W\d_]{2}")
_RECIPIENT = re.compile(r"\s*(?:[-–+•]\s|Nơi\s+nhận\b)")
_ARTICLE = re.compile(r"(?:^|\n)\s*Điều\s+\d+\s*[.:]")


_NEWS = re.compile(
    r"[Nn]gày\s+(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|"
    r"(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))\s*,?\s*"
    r"(?:UBND|[ỦU][yỷ]\s+ban\s+nhân\s+dân)\s+(tỉnh|thành\s+phố|huyện|quận|thị\s+xã)"
    rf"(?:\s+([{UP}][{LO}]+(?:[ -]+[{UP}][{LO}]+)*))?\s+(?:đã\s+|vừa\s+)?ban\s+hành\s+"
    rf"Quyết\s+định\s+số\s+(\d+[{LO}{UP}]?/(?:\d{{4}}/)?[{UP}]+(?:[-–][{UP}\d]+)*)"
    r"(?:\s+(?:về\s+việc|v/v)\s+([^.;]{1,300}))?"  # the clause may wrap onto the next line
)


def read_metadata(document: Document) -> Metadata:
    """Metadata of one decision from its prose and layout-table text."""
    lines, starts = _text_lines(joined_pieces(document.lines()))
    head, body = _split_at_doc_type(lines)
    opening = {index - len(head) for index in starts if index >= len(head)}
    full = "\n".join(lines)
    letterhead = "\n".join(head)
    number, when = _number_and_date(letterhead, full)
    issuer, province = _issuer(letterhead, body)
    signer_title, signer = _signer(full)
    doc_type = _doc_type(lines)
    issuer = (issuer or letterhead_issuer(head, _most_mentioned_province(body))
              or enacting_body(body) or on_behalf_of(full)  # letterhead cut or sealed
              or issuer_of_code(number, full))  # fmt: skip
    title = _title(body, opening) or subject(head)
    if title and any(page.method == "ocr" for page in document.pages):
        # the marks as the body prints the words, then no tone that makes no Vietnamese syllable
        title = fix_tones(respell(title, "\n".join(body)))
    metadata = Metadata(
        issuer=issuer,
        province=province,
        decision_number=with_type_initials(number, doc_type) if number else None,
        decision_date=when,
        evaluation_year=_evaluation_year(body),
        signer=signer,
        signer_title=signer_title,
        title=title,
        doc_type=doc_type,
    )
    found = _from_news(metadata, full, body) if number is None else metadata
    if found.title is None and doc_type is None:  # an annex: its heading says what it ranks
        found = replace(found, title=_heading(lines))
    return found


def _heading(lines: list[str]) -> str | None:
    """The first heading in capitals of a document with no document type ("KẾT QUẢ CHỈ SỐ
    CẢI CÁCH HÀNH CHÍNH NĂM 2025 …" over an annex's table), not the letterhead's lines."""
    for line in lines:
        words = line.split()
        letterhead = line.startswith(("CỘNG HÒA", "CỘNG HOÀ")) or line.startswith(_AUTHORITY)
        if len(words) >= 6 and line.isupper() and not letterhead:
            return line
    return None


def _from_news(metadata: Metadata, full: str, body: list[str]) -> Metadata:
    """A news page announcing the decision: "Ngày 12/3/2021, UBND tỉnh ban hành Quyết định
    số 645/QĐ-UBND về việc …" gives its number, date, issuer and title."""
    found = _NEWS.search(full)
    if found is None:
        return metadata
    day, month, year = [g for g in found.groups()[:6] if g]
    kind = " ".join(found.group(7).split())
    mentioned = _most_mentioned_province(body)
    name = found.group(8) or (mentioned[1] if mentioned else None)
    issuer = f"Ủy ban nhân dân {kind} {name}" if name else metadata.issuer
    about = " ".join(found.group(10).split()).rstrip(",;") if found.group(10) else None
    title = metadata.title or about
    province = name if kind in ("tỉnh", "thành phố") and name else metadata.province
    return replace(metadata, issuer=issuer, province=province, decision_number=found.group(9),
                   decision_date=_to_date(day, month, year), title=title)  # fmt: skip


def _text_lines(lines: list[Line]) -> tuple[list[str], set[int]]:
    """Prose lines, and the cells of grids (a letterhead or signature laid out as a table);
    and the positions of the lines that open a paragraph (see ``blocks``)."""
    texts: list[str] = []
    starts: set[int] = set()
    previous: Line | None = None
    for line in _reading_order(lines):
        if line.cells:
            texts.extend(cell.text for cell in line.cells if cell.text)
        elif line.text:
            if opens_block(previous, line):
                starts.add(len(texts))
            texts.append(line.text)
        previous = line
    return texts, starts


def _beside(a: Line, b: Line) -> bool:
    """Two prose lines side by side on one page: overlapping heights, disjoint widths."""
    if a.cells or b.cells or not a.at.bbox or not b.at.bbox or a.at.page != b.at.page:
        return False
    (ax0, atop, ax1, abottom), (bx0, btop, bx1, bbottom) = a.at.bbox, b.at.bbox
    return atop < bbottom and btop < abottom and (ax1 <= bx0 or bx1 <= ax0)


def _reading_order(lines: list[Line]) -> list[Line]:
    """Read two-column blocks (letterhead, signature beside "Nơi nhận") column by column.

    A block starts at two lines side by side and takes each following line that fits in its
    left column (ends before the right column starts) or its right column (starts after the
    left column ends); the first line that fits neither ends it.
    """
    ordered: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if index + 1 < len(lines) and _beside(line, lines[index + 1]):
            left, right, index = _two_columns(lines, index)
            ordered.extend(left + right)
        else:
            ordered.append(line)
            index += 1
    return ordered


def _two_columns(lines: list[Line], start: int) -> tuple[list[Line], list[Line], int]:
    first, second = sorted(lines[start : start + 2], key=lambda line: line.at.bbox[0])  # type: ignore[index]
    left, right = [first], [second]
    left_edge, right_edge = first.at.bbox[2], second.at.bbox[0]  # type: ignore[index]
    index = start + 2
    for line in lines[start + 2 :]:
        box = line.at.bbox
        if line.cells or box is None or line.at.page != first.at.page:
            break
        if box[2] <= right_edge:
            left.append(line)
            left_edge = max(left_edge, box[2])
        elif box[0] >= left_edge:
            right.append(line)
            right_edge = min(right_edge, box[0])
        else:
            break
        index += 1
    return left, right, index


def _split_at_doc_type(lines: list[str]) -> tuple[list[str], list[str]]:
    """Letterhead lines (before "QUYẾT ĐỊNH") and the rest, starting at the document type."""
    for index, line in enumerate(lines):
        if _is_doc_type(line) or line.startswith(("Căn cứ", "Điều 1")):
            return lines[:index], lines[index:]
    return [], lines


def _is_doc_type(line: str) -> bool:
    return _as_doc_type(line) is not None


def _as_doc_type(line: str) -> str | None:
    """The document type a line prints, a scan's lower-case speck glued to its last capital
    aside ("NGHỊ ĐỊNHố": a tone mark of the line below caught in the word's box)."""
    bare = line.strip().rstrip(":").strip()
    if bare in DOC_TYPES:
        return bare
    glued = re.fullmatch(rf"([{UP} ]*[{UP}]{{2}})[{LO}]", bare)
    return glued.group(1) if glued and glued.group(1) in DOC_TYPES else None


def _doc_type(lines: list[str]) -> str | None:
    return next((found for line in lines if (found := _as_doc_type(line))), None)


def _to_date(day: str, month: str, year: str) -> date | None:
    try:
        return date(int(year), int(as_digits(month)), int(as_digits(day)))
    except ValueError:
        return None


def _number_and_date(letterhead: str, full: str) -> tuple[str | None, date | None]:
    """Number and date from the letterhead; else from the appendix's "kèm theo" line."""
    number_match = _NUMBER.search(letterhead)
    date_match = _PLACE_DATE.search(letterhead)
    number = re.sub(r"\s+", "", number_match.group(1)) if number_match else None
    when = _to_date(*[g for g in date_match.groups() if g]) if date_match else None
    annex = _ANNEX.search(full)
    if annex:
        number = number or annex.group(1)
        if when is None and annex.group(2):
            when = _to_date(annex.group(2), annex.group(3), annex.group(4))
    return number, when


def _issuer(letterhead: str, body: list[str]) -> tuple[str | None, str | None]:
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
    province = _most_mentioned_province(body)
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
    mentioned = _most_mentioned_province(body)
    return f"Ủy ban nhân dân {kind} {name}", mentioned[1] if mentioned else None


def _most_mentioned_province(body: list[str]) -> tuple[str, str] | None:
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


def _evaluation_year(body: list[str]) -> int | None:
    """The year evaluated: from the title, else the articles, else any heading."""
    for text in (_title(body, set()) or "", _first_article(body), "\n".join(body)):
        cleaned = _PERIOD.sub("", _DATE_PHRASE.sub("", text))
        found = _YEAR.search(cleaned)
        if found:
            return int(found.group(1))
    return None


def _first_article(body: list[str]) -> str:
    return next((line for line in body if re.match(r"Điều\s+1\b", line)), "")


_AUTHORITY = ("CHỦ TỊCH", "ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "UBND", "BỘ TRƯỞNG", "GIÁM ĐỐC")
_PROSE_OPENERS = ("Căn cứ", "Điều ", "Xét ", "Theo ", "Thực hiện", "Trên cơ sở", "Ngày ",
                  "Nhằm ", "Để ", "Sau khi ", "Qua ")  # fmt: skip


def _title(body: list[str], opening: set[int]) -> str | None:
    """The lines under the document type, up to the end of their block: a new paragraph (a
    blank line, a gap on the page), the authority line, the first "Căn cứ".

    Legal-document websites print it in capitals ("VỀ VIỆC CÔNG BỐ …"), kept as printed; a
    prose paragraph after it is not part of it, whatever word it opens with.
    """
    if not body or not _is_doc_type(body[0]):
        return None
    parts: list[str] = []
    for index, line in enumerate(body[1:6], start=1):
        new_block = index in opening and index > 1 and bool(parts)
        if _ends_title(line, parts) or (new_block and not _capitals_go_on(parts, line)):
            break
        parts.append(line)
        if line.rstrip().endswith("."):
            break  # the title's own period: a line of its block ends it, and is part of it
    title = " ".join(parts).strip()
    # "Về việc" with a tone OCR lost or swapped ("Vê việc"): the words' shape, not their marks
    about = r"^(?:V/v|V[eêềếểễệ]\s+vi[eêệ]c)\s*:?\s*"
    return re.sub(about, "", title, flags=re.IGNORECASE) or None


def _capitals_go_on(parts: list[str], line: str) -> bool:
    """A title in capitals printed one paragraph a line goes on in capitals."""
    return parts[0].isupper() and line.isupper()


def _ends_title(line: str, parts: list[str]) -> bool:
    """The line after the title: the authority, the bases, an article, or prose."""
    authority = line.isupper() and line.startswith(_AUTHORITY)
    if line.startswith(_PROSE_OPENERS) or _is_doc_type(line) or authority:
        return True
    if parts and parts[0].isupper() != line.isupper():
        return True  # capitals end where mixed case starts, and the other way round
    return len(line) > 250


def _printed_title(title: str) -> str:
    """The signer's title as the decree spells it (OCR may have dropped a tone mark)."""
    words = " ".join(title.split())
    for proper in ("PHÓ CHỦ TỊCH", "CHỦ TỊCH", "PHÓ GIÁM ĐỐC", "GIÁM ĐỐC", "BỘ TRƯỞNG",
                   "THỨ TRƯỞNG", "TRƯỞNG BAN", "CHÁNH VĂN PHÒNG"):  # fmt: skip
        if re.fullmatch(_any_tone(proper), words):
            return proper
    return words


def _signer(full: str) -> tuple[str | None, str | None]:
    """Signer's title block and name, from the signature after the last article."""
    articles = list(_ARTICLE.finditer(full))
    tail = full[articles[-1].end() :] if articles else full
    # a scan's lines run across both columns: the recipients' list ("Nơi nhận:", "- Như Điều
    # 3;") falls between the signer's title and name, so it is set aside first
    lines = [line for line in tail.splitlines() if _WORD.search(line)]  # not a stamp's specks
    signature = "\n".join(line for line in lines if not _RECIPIENT.match(line))
    matches = list(_SIGNATURE.finditer(signature))
    if not matches:
        return None, None
    found = matches[-1]
    # "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH": each level signs for the one above
    levels = re.split(r"(?=\b(?:KT|TM|TL|Q)\.)", found.group("on_behalf"))
    parts = [" ".join(level.split()) for level in levels if level.strip()]
    parts.append(_printed_title(found.group("title")))
    return " / ".join(parts), found.group("name")

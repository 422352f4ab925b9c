"""The title under the document type, to the end of its block, and the year evaluated."""

from __future__ import annotations

import re

from pipeline.metadata.letterhead import is_doc_type

_YEAR = re.compile(r"(?:năm|Index|DTI|PAR\s+INDEX|ICT\s+Index)\s+(\d{4})\b", re.IGNORECASE)

_DATE_PHRASE = re.compile(r"ngày\s+\S+\s+tháng\s+\S+\s+năm\s+\d{4}|\d{1,2}/\d{1,2}/\d{4}")

_PERIOD = re.compile(r"giai\s+đoạn\s+\d{4}\s*[-–]\s*\d{4}")

AUTHORITY = ("CHỦ TỊCH", "ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "UBND", "BỘ TRƯỞNG", "GIÁM ĐỐC")

_PROSE_OPENERS = ("Căn cứ", "Điều ", "Xét ", "Theo ", "Thực hiện", "Trên cơ sở", "Ngày ",
                  "Nhằm ", "Để ", "Sau khi ", "Qua ")  # fmt: skip


def year_evaluated(body: list[str]) -> int | None:
    """The year evaluated: from the title, else the articles, else any heading."""
    for text in (title_of(body, set()) or "", _first_article(body), "\n".join(body)):
        cleaned = _PERIOD.sub("", _DATE_PHRASE.sub("", text))
        found = _YEAR.search(cleaned)
        if found:
            return int(found.group(1))
    return None


def _first_article(body: list[str]) -> str:
    return next((line for line in body if re.match(r"Điều\s+1\b", line)), "")


def title_of(body: list[str], opening: set[int]) -> str | None:
    """The lines under the document type, up to the end of their block: a new paragraph (a
    blank line, a gap on the page), the authority line, the first "Căn cứ".

    Legal-document websites print it in capitals ("VỀ VIỆC CÔNG BỐ …"), kept as printed; a
    prose paragraph after it is not part of it, whatever word it opens with.
    """
    if not body or not is_doc_type(body[0]):
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
    authority = line.isupper() and line.startswith(AUTHORITY)
    if line.startswith(_PROSE_OPENERS) or is_doc_type(line) or authority:
        return True
    if parts and parts[0].isupper() != line.isupper():
        return True  # capitals end where mixed case starts, and the other way round
    return len(line) > 250

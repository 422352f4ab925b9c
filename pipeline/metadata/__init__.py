"""What a decision says about itself: issuer, number, date, year evaluated, signer, title.

The letterhead (everything above the document type "QUYẾT ĐỊNH") gives the issuer, number and
date; the "Căn cứ …" lines cite other decisions, so their numbers and dates are never taken.
When the letterhead is missing, the appendix line "(Ban hành kèm theo Quyết định số … ngày …)"
and the authority line "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" stand in. Layout tables fold a
letterhead or signature block into one cell, so patterns accept a space where a line broke.

The package's parts: ``layout`` (the reading order of two-column blocks), ``letterhead``
(issuer, number, date, document type), ``title`` (the title and the year evaluated) and
``signature`` (the signer's title and name).
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.issuing import (
    enacting_body,
    issuer_of_code,
    letterhead_issuer,
    on_behalf_of,
    subject,
    with_type_initials,
)
from pipeline.metadata.layout import text_lines
from pipeline.metadata.letterhead import (
    LO,
    UP,
    doc_type_of,
    issuer_of,
    mentioned_most,
    number_and_date,
    split_at_doc_type,
    to_date,
)
from pipeline.metadata.signature import signature_of
from pipeline.metadata.title import AUTHORITY, title_of, year_evaluated
from pipeline.models import Document, Metadata
from pipeline.ocr.pieces import joined_pieces
from pipeline.ocr.respell import respell
from pipeline.ocr.syllables import fix_tones

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
    lines, starts = text_lines(joined_pieces(document.lines()))
    head, body = split_at_doc_type(lines)
    opening = {index - len(head) for index in starts if index >= len(head)}
    full = "\n".join(lines)
    letterhead = "\n".join(head)
    number, when = number_and_date(letterhead, full)
    issuer, province = issuer_of(letterhead, body)
    signer_title, signer = signature_of(full)
    doc_type = doc_type_of(lines)
    issuer = (issuer or letterhead_issuer(head, mentioned_most(body))
              or enacting_body(body) or on_behalf_of(full)  # letterhead cut or sealed
              or issuer_of_code(number, full))  # fmt: skip
    title = title_of(body, opening) or subject(head)
    if title and any(page.method == "ocr" for page in document.pages):
        # the marks as the body prints the words, then no tone that makes no Vietnamese syllable
        title = fix_tones(respell(title, "\n".join(body)))
    metadata = Metadata(
        issuer=issuer,
        province=province,
        decision_number=with_type_initials(number, doc_type) if number else None,
        decision_date=when,
        evaluation_year=year_evaluated(body),
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
        letterhead = line.startswith(("CỘNG HÒA", "CỘNG HOÀ")) or line.startswith(AUTHORITY)
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
    mentioned = mentioned_most(body)
    name = found.group(8) or (mentioned[1] if mentioned else None)
    issuer = f"Ủy ban nhân dân {kind} {name}" if name else metadata.issuer
    about = " ".join(found.group(10).split()).rstrip(",;") if found.group(10) else None
    title = metadata.title or about
    province = name if kind in ("tỉnh", "thành phố") and name else metadata.province
    return replace(metadata, issuer=issuer, province=province, decision_number=found.group(9),
                   decision_date=to_date(day, month, year), title=title)  # fmt: skip

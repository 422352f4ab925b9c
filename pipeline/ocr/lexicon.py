"""Tone marks OCR got wrong, put back where a known phrase leaves no doubt.

Tesseract often reads a tone mark wrongly ("Tống điểm" for "Tổng điểm", "thông tỉn" for "thông
tin"). Where the accent-free letters of a run of words are those of a phrase decisions always
print (a header, a title's words, an authority), the phrase's own spelling is restored, in the
case it was printed in. Only whole phrases are replaced, never a lone name: "Tỉnh"/"Tính" or a
unit's name are left as read.
"""

from __future__ import annotations

import re
import unicodedata

PHRASES = (
    "tổng điểm", "tổng số điểm", "điểm tối đa", "điểm đạt được", "điểm tự đánh giá",
    "xếp hạng", "thứ hạng", "xếp loại", "tên đơn vị", "tên cơ quan", "điểm các lĩnh vực",
    "điểm thành phần", "chỉ số thành phần", "chỉ số chính", "hạ tầng", "nền tảng",
    "ứng dụng", "nội bộ", "dịch vụ công trực tuyến", "an toàn thông tin", "công nghệ thông tin",
    "thông tin và truyền thông", "chính quyền điện tử", "chính quyền số", "chuyển đổi số",
    "cải cách hành chính", "ủy ban nhân dân", "phó chủ tịch", "chủ tịch", "quyết định",
    "xuất sắc", "tỉnh, thành phố", "trực thuộc trung ương", "nhân lực", "kèm theo",
    "phê duyệt", "công bố", "đánh giá", "kết quả", "cơ quan", "hành chính nhà nước",
    "bổ sung", "sửa đổi", "quy định chi tiết",  # a decision's verbs: "sửa đổi, bổ sung"
    "tổ chức",  # every decision's bases cite the "Luật Tổ chức chính quyền địa phương"
)  # fmt: skip


def plain(text: str) -> str:
    """Lower case without tone or vowel marks, one character for one: "Tổng" → "tong"."""
    return "".join(
        "d" if char in "đĐ" else unicodedata.normalize("NFD", char)[0].lower() for char in text
    )


_PATTERNS = tuple(
    (re.compile(rf"(?<!\w){re.escape(plain(phrase))}(?!\w)"), phrase)
    for phrase in sorted(PHRASES, key=len, reverse=True)
)


def restore_tones(text: str) -> str:
    """``text`` with every known phrase spelled as decisions print it."""
    bare = plain(text)
    if len(bare) != len(text):  # a character that is not one letter after folding
        return text
    spans: list[tuple[int, int, str]] = []
    for pattern, phrase in _PATTERNS:
        for found in pattern.finditer(bare):
            start, end = found.span()
            if all(end <= s or start >= e for s, e, _ in spans):
                spans.append((start, end, _in_case_of(text[start:end], phrase)))
    for start, end, phrase in sorted(spans, reverse=True):
        text = text[:start] + phrase + text[end:]
    return text


def _in_case_of(printed: str, phrase: str) -> str:
    if printed.isupper():
        return phrase.upper()
    words = [
        word.capitalize() if old[:1].isupper() else word
        for old, word in zip(printed.split(" "), phrase.split(" "), strict=False)
    ]
    return " ".join(words) if len(words) == len(phrase.split(" ")) else phrase

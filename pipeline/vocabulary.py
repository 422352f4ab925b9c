"""The words that mark the parts of a ranking decision (see DOMAIN.md).

Matching here is on casefolded NFC text; both tone placements ("hoà"/"hòa") are listed where
they occur. Each list is a sample of what archives print, meant to grow.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Xuất sắc > Rất tốt > Tốt > Khá > Trung bình > Yếu > Thấp > Kém > Rất thấp: higher number,
# better band. A table uses one scheme (Tốt/Khá/Trung bình/Yếu, or PAR's Rất tốt … Rất thấp).
BAND_ORDER: dict[str, int] = {
    "Xuất sắc": 9,
    "Rất tốt": 8,
    "Tốt": 7,
    "Khá": 6,
    "Trung bình": 5,
    "Yếu": 4,
    "Thấp": 3,
    "Kém": 2,
    "Rất thấp": 1,
}
_NUMBERING = r"(?:(?:[ivxlc]+|\d{1,2}|[a-zđ])[.)/]\s*)?"  # "II. ", "2) ", "a. "
_BAND_PREFIX = (
    r"(?:(?:nhóm\s+)?(?:(?:xếp\s+)?loại|mức(?:\s+độ)?|nhóm|đạt(?:\s+mức)?|hạng))?\s*:?\s*"
)
_BAND_TAIL = r"\s*(?:[:.]|\(.*\)|[:–-].*)?$"  # "Tốt:", "Tốt (từ 80 điểm trở lên)"
_BAND_WORD = re.compile(
    rf"^{_NUMBERING}{_BAND_PREFIX}(xuất\s+sắc|rất\s+tốt|tốt|khá|trung\s+bình|yếu|rất\s+thấp|thấp|kém){_BAND_TAIL}",
    re.IGNORECASE,
)

ROW_NUMBER = re.compile(r"^(?:stt|tt|số\s*tt|số\s+thứ\s+tự|thứ\s+tự)\.?$")
RANK = re.compile(r"(xếp\s+hạng|thứ\s+hạng|vị\s+thứ|^hạng\b|^xh$)")
BAND_LABEL = re.compile(r"(xếp\s+loại|phân\s+loại|^loại$|^mức$|mức\s+xếp\s+loại|^mức\s+độ$)")
TOTAL = re.compile(
    r"(tổng|điểm\s+đánh\s+giá|điểm\s+đạt|số\s+điểm|điểm\s+số|^điểm$|kết\s+quả|"
    r"^chỉ\s+số\b|điểm\s+quy\s+đổi|giá\s+trị\s+chỉ\s+số)"
)
# A row under the header giving each column's maximum: "Điểm tối đa | | 12 | 40 | … | 100".
TIMES = "×*∗·"  # multiplication signs of a stated formula ("0,4 × Chính quyền số"); also a spaced x
MAXIMA_ROW = re.compile(
    r"^(điểm\s+tối\s+đa|tối\s+đa|điểm\s+chuẩn|thang\s+điểm|số\s+điểm\s+tối\s+đa)"
)
TOTAL_FIRST = re.compile(r"^(tổng|cộng\b)")  # a total even when printed under a group
COMPONENT_GROUP = re.compile(
    r"(thành\s+phần|các\s+lĩnh\s+vực|lĩnh\s+vực|tiêu\s+chí|chỉ\s+số\s+thành\s+phần|nội\s+dung)"
)
AGENCY = re.compile(
    r"(tên|đơn\s+vị|cơ\s+quan|địa\s+phương|tỉnh|thành\s+phố|huyện|^xã|sở|bộ|ngành|ubnd)"
)
# The words that name the unit column itself, as a label opens with them ("Tên đơn vị",
# "Địa phương"), not the kinds of unit that also open a component's name ("Xã hội số").
UNIT_LABEL = re.compile(r"^(tên\b|đơn\s+vị|cơ\s+quan|địa\s+phương|địa\s+bàn)")
SUMMARY_ROW = re.compile(
    r"^(tổng\s+cộng|cộng|tổng|tổng\s+số|trung\s+bình(?:\s+chung|\s+cộng)?|bình\s+quân(?:\s+chung)?|"
    r"(?:điểm|giá\s+trị)\s+trung\s+bình|điểm\s+bình\s+quân)\s*:?$"
)
# Number columns that are not scores: survey counts, a percentage repeating the total.
NOT_A_SCORE = re.compile(
    r"(số\s+phiếu|phiếu\s+(?:khảo\s+sát|điều\s+tra|trả\s+lời)|số\s+người|số\s+lượng|"
    r"lượt\s+(?:trả\s+lời|khảo\s+sát)|số\s+mẫu|phần\s+trăm|^\(?%\)?$|"
    r"^t[ỷỉ]\s+lệ(?:\s+(?:%|đạt|điểm\s+đạt))?(?:\s*\(%\))?$)"
)
# One unit's figures over the years, not a ranking: a "Năm" column, or rows named by a year.
YEAR_LABEL = re.compile(r"^(năm|năm\s+đánh\s+giá|giai\s+đoạn)$")
YEAR_CELL = re.compile(r"^(?:năm\s+)?(?:19|20)\d{2}$")
COMPARISON = re.compile(r"(so\s+với|^tăng|^giảm|năm\s+trước|chênh\s+lệch|ghi\s+chú)")

# Section captions ("I. Các cơ quan, đơn vị cấp tỉnh:") and the level they give a table.
SECTION_NUMBERING = re.compile(r"^(?:[IVXLC]+|\d{1,2}|[a-zđ])[.)/]\s+\S", re.IGNORECASE)
LEVEL_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("commune", re.compile(r"(cấp\s+xã|(?<!thị\s)\bxã,\s*phường|các\s+xã|phường,\s*thị\s+trấn)")),
    ("district", re.compile(r"(cấp\s+huyện|huyện|quận|thị\s+xã)")),
    ("ministry", re.compile(r"(các\s+bộ|bộ,\s*cơ\s+quan\s+ngang\s+bộ|cơ\s+quan\s+ngang\s+bộ)")),
    (
        "province",
        re.compile(r"(các\s+tỉnh|tỉnh,\s*thành\s+phố\s+trực\s+thuộc|63\s+tỉnh|34\s+tỉnh)"),
    ),
    (
        "province_agency",
        re.compile(
            r"(cấp\s+tỉnh|sở,\s*ban,\s*ngành|các\s+sở|ban,\s*ngành|cơ\s+quan\s+chuyên\s+môn)"
        ),
    ),
)


def fold(text: str) -> str:
    """Casefolded, white space folded: the form header and band words are matched in."""
    return " ".join(text.casefold().split())


def ordinal_label(label: str) -> bool:
    """Words that name a row number or a rank column ("STT", "Số TT", "Xếp hạng")."""
    folded = fold(label)
    return bool(says(ROW_NUMBER, folded) or says(ROW_NUMBER, folded.replace(" ", ""))
                or says(RANK, folded))  # fmt: skip


def says(pattern: re.Pattern[str], folded: str) -> re.Match[str] | None:
    """``pattern`` in a folded label, or else in its letters without their marks: a header
    whose marks a typist or the OCR got wrong ("Xêp hạng") still says "xếp hạng"."""
    return pattern.search(folded) or _unmarked(pattern).search(_without_marks(folded))


@functools.lru_cache(maxsize=64)
def _unmarked(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(_without_marks(pattern.pattern), pattern.flags)


def _without_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("đ", "d")


def band_at_end(words: list[str]) -> int:
    """How many words end a name as a band phrase printed in its own capital ("Sở Y tế Tốt",
    "Huyện A Trung bình", "… TRUNG BÌNH": 1, 2), leaving the name at least one word; 0 for
    none. Band words capitalised one by one, as a name's are ("Xã Trung Bình"), end the name."""
    for size in (2, 1):
        phrase = " ".join(words[-size:])
        band = band_of(phrase) if len(words) > size and phrase[:1].isupper() else None
        if band is not None and phrase in (band, band.upper()):
            return size
    return 0


def band_of(text: str) -> str | None:
    """The canonical band a printed text names: "MỨC TỐT" → "Tốt"; None otherwise."""
    found = _BAND_WORD.match(fold(text))
    if not found:
        return None
    word = " ".join(found.group(1).split())
    return next(name for name in BAND_ORDER if name.casefold() == word)


def level_of_caption(caption: str) -> str | None:
    """The level of the units a section caption introduces, or None."""
    text = fold(caption)
    for level, pattern in LEVEL_WORDS:
        if pattern.search(text):
            return level
    return None


GROUP_MARK = re.compile(r"(?:[IVXLC]+|[A-ZĐ])\.?")  # "II", "B." alone: a group heading's mark


def is_group_mark(text: str) -> bool:
    """A group heading's mark printed alone ("I", "B."), as a cell or a line of its own."""
    return bool(GROUP_MARK.fullmatch(text.strip()))


def is_marked_heading(text: str) -> bool:
    """A group heading whose mark stands without a stop ("II Khối huyện, thị xã"): the mark,
    then words and no figure (a row "I 12,5" is not one)."""
    mark, _, rest = text.strip().partition(" ")
    words = rest.split()
    return is_group_mark(mark) and bool(words) and not any(_FIGURE.search(w) for w in words)


_FIGURE = re.compile(r"\d")


def is_section_caption(text: str) -> bool:
    """A caption that opens a section: numbered ("II. …") and naming a level, or a level alone."""
    folded = fold(text).rstrip(":")
    if folded.startswith(("điều ", "căn cứ", "xét ", "nơi nhận")) or len(folded) > 160:
        return False
    return bool(SECTION_NUMBERING.match(folded)) or level_of_caption(folded) is not None

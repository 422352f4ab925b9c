"""What a document says about who issued it when its letterhead does not (cut off, under a
seal, garbled by OCR), and the OCR confusions of the letterhead's numbers.

- The enacting clause of a legal document names the body: "Quốc hội ban hành Luật hải quan.",
  "Chính phủ ban hành Nghị định …".
- A signature "TM. CHÍNH PHỦ" signs on behalf of the body that issues.
- A day, month or number in a typed blank is often handwritten, and OCR reads its strokes as
  the letters that look like them ("|]" for 11, "l6" for 16).
- The code after a document's number starts with its type's initials: a "QUYẾT ĐỊNH" is "QĐ",
  a "NGHỊ ĐỊNH" "NĐ"; OCR often drops the bar of Đ ("QD-BGDĐT"), the type printed in full puts
  it back.
"""

from __future__ import annotations

import re
import unicodedata

UP = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
LO = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
# Strokes OCR reads for a digit in a blank: letters and marks that look like 1 and 0.
DIGIT_LOOKALIKES = "0-9lI|\\]\\[!Oo"
_AS_DIGITS = str.maketrans({"l": "1", "I": "1", "|": "1", "]": "1", "[": "1", "!": "1",
                            "O": "0", "o": "0"})  # fmt: skip
_ENACTING = re.compile(
    rf"^\s*((?:[{UP}][{LO}]*)(?:\s+[{LO}]+|\s+[{UP}][{LO}]*){{0,5}}?)\s+ban\s+hành\s+"
    rf"[{UP}][{LO}]+",
    re.MULTILINE,
)
_ON_BEHALF = re.compile(rf"\bTM\.\s*([{UP}]+(?:[ \t]+[{UP}]+){{0,6}})")
# PP-OCR's capitals without marks, the point and spaces of "TM. CHÍNH PHỦ" often lost
_ON_BEHALF_UNMARKED = re.compile(r"(?m)^\s*TM\.?\s*([A-Z]{2,}(?: [A-Z]+){0,6})\s*$")


def as_digits(text: str) -> str:
    """A handwritten number as OCR read it, its look-alike letters made digits."""
    return text.translate(_AS_DIGITS)


def enacting_body(body: list[str]) -> str | None:
    """The body of "… ban hành <Luật|Nghị định|…>" in the preamble (before Điều 1)."""
    preamble = []
    for line in body:
        if re.match(r"\s*(?:Điều\s+1\b|Chương\s+I\b)", line):
            break
        preamble.append(line)
    found = _ENACTING.search("\n".join(preamble))
    if found is None or found.group(1).startswith(("Căn", "Theo", "Xét")):
        return None
    return " ".join(found.group(1).split())


def on_behalf_of(full: str) -> str | None:
    """The body a signature signs for: "TM. CHÍNH PHỦ" → "Chính phủ"; a heading read without
    marks under a seal ("TMCHINH PHU", ``ocr.signature``) names the body the text prints with
    those letters ("… của Chính phủ./.")."""
    matches = _ON_BEHALF.findall(full)
    if matches:
        words = matches[-1].split()
    else:
        unmarked = _ON_BEHALF_UNMARKED.findall(full)
        printed = _printed_as(unmarked[-1], full) if unmarked else None
        if printed is None:
            return None
        words = printed.split()
    return " ".join([words[0].capitalize(), *(word.lower() for word in words[1:])])


def _printed_as(letters: str, full: str) -> str | None:
    """The run of words ``full`` prints most often whose letters, marks and spaces aside, are
    ``letters`` ("CHINHPHU": "Chính phủ"); none when two runs are printed as often."""
    wanted = letters.replace(" ", "")
    words = _NAME_WORD.findall(full)
    counts: dict[str, int] = {}
    for start in range(len(words)):
        joined = ""
        for end in range(start, min(len(words), start + 8)):
            joined += _marks_off(words[end])
            if not wanted.startswith(joined):
                break
            if joined == wanted:
                name = " ".join(words[start : end + 1])
                if not name.isupper():  # the heading itself, or a reading of it
                    counts[name] = counts.get(name, 0) + 1
                break
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def with_type_initials(number: str, doc_type: str | None) -> str:
    """``number`` with its type code spelled as the type's initials where OCR lost a bar."""
    if not doc_type:
        return number
    initials = "".join(word[0] for word in doc_type.split())
    plain = initials.replace("Đ", "D")
    return re.sub(rf"(?<=/){plain}(?=[-–/]|$)", initials, number) if plain != initials else number


_LEVEL = re.compile(r"(TỈNH|TINH|HUYỆN|HUYEN|QUẬN|QUAN|THÀNH\s+PHỐ|THANH\s+PHO)$")
# "V/v" ("về việc"), its slash read as another thin upright or a point ("V.v", "V|v", "Vlv")
_SUBJECT = re.compile(r"^\s*V\s*[/.|l1I!]\s*v\b\.?\s*:?\s*", re.IGNORECASE)
# the national motto over the date, in any piece the layout cut it into ("CHỦ NGHĨA")
_MOTTO_PLAIN = "CONG HOA XA HOI CHU NGHIA VIET NAM"


def _marks_off(text: str) -> str:
    """Upper case without tone or vowel marks: "TĨNH" and "TỈNH" → "TINH"."""
    folded = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(char for char in folded if not unicodedata.combining(char)).upper()


def _in_motto(line: str) -> bool:
    words = [word for word in _marks_off(line).split() if word.isalpha()]
    return bool(words) and " ".join(words) in _MOTTO_PLAIN


def _is_name_in_capitals(line: str) -> bool:
    words = line.replace(",", " ").replace("-", " ").split()
    return len(words) >= 2 and all(word.isalpha() and word.isupper() for word in words)


def letterhead_issuer(head: list[str], place: tuple[str, str] | None) -> str | None:
    """The issuer a letterhead prints in capitals above its number ("SỞ Y TẾ BẮC NINH" over
    "BỆNH VIỆN ĐA KHOA TỈNH" over "Số: …"): its last line, the one above being its superior.

    An issuer ending in its level ("… TỈNH") with the name left to the superior's line takes
    the place the text names (``place``: kind, name) when the superior's line ends with it.
    """
    lines: list[str] = []
    for line in head:
        if re.match(r"\s*(?:S[ốỐoO]|Luật\s+số)\b", line):
            break
        if _is_name_in_capitals(line) and not _in_motto(line):
            lines.append(" ".join(line.split()))
    else:
        return None  # no number under them: capitals of a garbled page, not a letterhead
    if not lines:
        return None
    issuer, superior = lines[-1], (lines[-2] if len(lines) > 1 else "")
    words = issuer.split()
    level = _LEVEL.search(_marks_off(issuer))
    if level is None:
        return " ".join([words[0].capitalize(), *(word.lower() for word in words[1:])])
    kind = " ".join(level.group(1).split())
    if place is None or _marks_off(place[0]) != kind:
        return None  # a level without its name: not the issuer in full
    if not _marks_off(superior).endswith(_marks_off(place[1])):
        return None
    stem = words[: -len(kind.split())]
    return " ".join([stem[0].capitalize(), *(word.lower() for word in stem[1:]), *place])


def subject(head: list[str]) -> str | None:
    """A letter's subject under its number: "V/v Đăng tải thông tin …" and the lines of its
    column that go on, up to the date, the addressee or a line in capitals."""
    for index, line in enumerate(head):
        found = _SUBJECT.match(line)
        if found is None:
            continue
        parts = [line[found.end() :]]
        for following in head[index + 1 :]:
            words = re.findall(r"[^\W\d_]{2,}", following)
            ends = re.search(r"\bngày\b.*\btháng\b|^\s*Kính\s+gửi|^\s*Căn\s+cứ", following)
            if ends or len(words) < 2 or following.isupper():
                break
            parts.append(following)
        return " ".join(" ".join(parts).split()) or None
    return None


_NAME_WORD = re.compile(r"[^\W\d_]+")
MIN_NAMED = 2  # a name printed once may be a citation's


def issuer_of_code(number: str | None, text: str) -> str | None:
    """The body a number's last code stands for ("28/2021/NĐ-CP": "CP"), when the text prints
    a name in capitalised words with those initials ("Chính phủ", "Bộ Giáo dục và Đào tạo":
    "BGDĐT") at least twice, and no other name with them as often. A name a level follows
    ("Ủy ban nhân dân tỉnh …" for "UBND") names a kind of body, not which: none is given."""
    code = re.search(r"[-–]([^\W\d_]{2,8})$", number or "")
    if code is None:
        return None
    wanted = _marks_off(code.group(1))
    words = _NAME_WORD.findall(text)
    counts: dict[str, int] = {}
    classes: set[str] = set()  # names a level and a place follow: "Ủy ban nhân dân tỉnh …"
    for start, first in enumerate(words):
        if not first[:1].isupper():
            continue
        initials, taken = "", []
        for word in words[start : start + 2 * len(wanted)]:
            taken.append(word)
            if word != "và":
                initials += _marks_off(word[0])
            if len(initials) >= len(wanted):
                break
        if initials == wanted:
            name = " ".join(taken)
            counts[name] = counts.get(name, 0) + 1
            after = words[start + len(taken)] if start + len(taken) < len(words) else ""
            if _LEVEL.fullmatch(_marks_off(after)) or _marks_off(after) in ("THI", "XA", "PHUONG"):
                classes.add(name)
    counts = {name: count for name, count in counts.items() if name not in classes}
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < MIN_NAMED or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]

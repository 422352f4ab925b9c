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
    """The body a signature signs for: "TM. CHÍNH PHỦ" → "Chính phủ"."""
    matches = _ON_BEHALF.findall(full)
    if not matches:
        return None
    words = matches[-1].split()
    return " ".join([words[0].capitalize(), *(word.lower() for word in words[1:])])


def with_type_initials(number: str, doc_type: str | None) -> str:
    """``number`` with its type code spelled as the type's initials where OCR lost a bar."""
    if not doc_type:
        return number
    initials = "".join(word[0] for word in doc_type.split())
    plain = initials.replace("Đ", "D")
    return re.sub(rf"(?<=/){plain}(?=[-–/]|$)", initials, number) if plain != initials else number

"""The signature after the last article: the signer's title block and name."""

from __future__ import annotations

import re

from pipeline.metadata.letterhead import LO, UP

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


def _printed_title(title: str) -> str:
    """The signer's title as the decree spells it (OCR may have dropped a tone mark)."""
    words = " ".join(title.split())
    for proper in ("PHÓ CHỦ TỊCH", "CHỦ TỊCH", "PHÓ GIÁM ĐỐC", "GIÁM ĐỐC", "BỘ TRƯỞNG",
                   "THỨ TRƯỞNG", "TRƯỞNG BAN", "CHÁNH VĂN PHÒNG"):  # fmt: skip
        if re.fullmatch(_any_tone(proper), words):
            return proper
    return words


def signature_of(full: str) -> tuple[str | None, str | None]:
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

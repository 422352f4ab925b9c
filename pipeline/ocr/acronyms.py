"""An acronym the OCR garbled, put right by the same acronym read clearly elsewhere.

Bold capitals in parentheses are where Tesseract slips ("(DTTI)" for "(DTI)" in a title, at
14% confidence). A decision repeats its index's acronym (title, articles, annex heading), so a
low-confidence capital word one letter away from exactly one acronym the same document prints
with high confidence is that acronym. Nothing else is touched: words in mixed case, numbers,
sure words, and a garbled word with no or with several near acronyms stay as read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from pipeline.models import Line, Page, Word

ACRONYM = re.compile(r"^(?P<open>\(?)(?P<core>[A-ZĐ]{2,8})(?P<close>\)?[.,;:]?)$")
SURE = 90.0  # a word read this confidently is what the document prints
GARBLED = 50.0  # below this, a capital word may be an acronym misread


def repair_acronyms(pages: tuple[Page, ...]) -> tuple[Page, ...]:
    """The pages with each garbled acronym replaced by the one the document prints clearly."""
    sure = _sure_acronyms(word for page in pages for line in page.lines for word in line.words)
    if not sure:
        return pages
    return tuple(
        replace(page, lines=tuple(_repair_line(line, sure) for line in page.lines))
        if page.method == "ocr"
        else page
        for page in pages
    )


def _sure_acronyms(words: Iterable[Word]) -> frozenset[str]:
    found = set()
    for word in words:
        match = ACRONYM.match(word.text)
        if match and (word.at.confidence or 0.0) >= SURE:
            found.add(match["core"])
    return frozenset(found)


def _repair_line(line: Line, sure: frozenset[str]) -> Line:
    if line.is_row or not line.words:
        return line
    text, words = line.text, list(line.words)
    for position, word in enumerate(words):
        match = ACRONYM.match(word.text)
        confidence = word.at.confidence
        if not match or confidence is None or confidence >= GARBLED or match["core"] in sure:
            continue
        near = [acronym for acronym in sure if _one_edit(match["core"], acronym)]
        if len(near) != 1 or text.count(word.text) != 1:
            continue
        fixed = match["open"] + near[0] + match["close"]
        text = text.replace(word.text, fixed)
        words[position] = replace(word, text=fixed)
    return replace(line, text=text, words=tuple(words))


def _one_edit(read: str, printed: str) -> bool:
    """One letter doubled, dropped or changed."""
    if abs(len(read) - len(printed)) > 1 or read == printed:
        return False
    if len(read) == len(printed):
        return sum(a != b for a, b in zip(read, printed, strict=True)) == 1
    longer, shorter = (read, printed) if len(read) > len(printed) else (printed, read)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))

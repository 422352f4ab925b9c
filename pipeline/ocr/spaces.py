"""Names with the spaces OCR lost put back: "SởYtế" → "Sở Y tế", "SởCông Thương" → "Sở Công
Thương".

Tesseract reads a narrow gap between two words as none, so a unit's name comes out glued. The
registry knows how every unit is spelled, so the spaces come from there, in two steps:

- the whole name: when it equals a registry spelling but for its spaces (and case), it takes
  that spelling's spaces, its own letters kept as printed;
- a glued word: split into words of the registry's spellings, the fewest that make it, and
  only when the glued word is no registry word itself and is joined where a capital follows a
  small letter (a word start Tesseract ran into), so an unknown name is never cut up.

Tesseract also takes a small letter for its capital ("CỤC Thống kê") and misplaces a tone or
vowel mark ("Cúc Thuế", "Bảo hiếm xã hội"): a name whose letters are a registry spelling's but
for their marks and case takes that spelling whole (the one nearest the reading, when the
registry spells it more ways than one, and none when two are as near); a name read in
capitals only keeps them. A name whose letters differ is left as read.

Component labels read by OCR lose their spaces the same way ("Kinh phícho ứng dụng",
"Cải cáchtổ chức"): a word that is no Vietnamese syllable of Tesseract's own dictionary
(``syllables``) and splits in exactly one way into the fewest that are, each of two letters
or more, is split there ("chiasẻdữ" → "chia sẻ dữ"). A word read right is a syllable; an
acronym ("CNTT") splits into none. A syllable run into an acronym, small letters then two
capitals or more or the other way round ("choCNTT"), is split between them when its small
part is a syllable. A label's maximum whose "(" OCR lost ("q2)", "G0)") is
no part of its name and goes.

Only names and labels read by OCR are touched; a text layer's spaces are the document's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from functools import cache

from pipeline.models import Column, Entry, Table
from pipeline.ocr.syllables import syllables
from pipeline.registry import Registry

MAX_WORD = 12  # longest word tried when splitting (Vietnamese syllables are short)
_PUNCTUATED = re.compile(r"(\W*)(.*?)(\W*)", re.DOTALL)  # "Kếtnối," → "", "Kếtnối", ","
# the last word: a number closed by ")" with no "(" before it, at most two marks ahead ("œ0)")
_BROKEN_MAXIMUM = re.compile(r"[^\s(]{0,2}\d{1,3}(?:[.,]\d+)?\)")
MIN_SYLLABLE = 2  # a one-letter piece ("ở", "y") is too easily a misread letter's remains


def restore_spaces(tables: tuple[Table, ...], registry: Registry) -> tuple[Table, ...]:
    """The tables with each OCR-read unit name's lost spaces and marks put back."""
    spellings = registry.memoized("ocr.spellings", lambda: _spellings(registry))
    words = registry.memoized("ocr.words", lambda: _words(spellings.values()))
    bare = registry.memoized("ocr.bare_spellings", lambda: _bare_spellings(spellings.values()))
    return tuple(
        replace(
            table,
            entries=tuple(_entry(entry, spellings, words, bare) for entry in table.entries),
            columns=_labels(table),
        )
        for table in tables
    )


def _labels(table: Table) -> tuple[Column, ...]:
    """The table's component labels with glued syllables split, where it was read by OCR."""
    if not any(entry.at.method == "ocr" for entry in table.entries):
        return table.columns
    known = syllables()
    return tuple(
        replace(column, label=unglued(column.label, known)) if column.role == "component"
        else column
        for column in table.columns
    )  # fmt: skip


def unglued(text: str, known: frozenset[str]) -> str:
    """``text`` with each word that is two syllables run together split between them, and
    without a maximum whose opening bracket OCR lost ("… CNTT q2)" for "… CNTT (12)")."""
    words = text.split()
    if len(words) > 1 and _BROKEN_MAXIMUM.fullmatch(words[-1]):
        words = words[:-1]
    return " ".join(_syllables_apart(word, known) for word in words)


def _syllables_apart(token: str, known: frozenset[str]) -> str:
    """``token`` split into syllables where it is no syllable and exactly one way of cutting it
    into the fewest syllables there is ("chiasẻdữ": "chia sẻ dữ")."""
    lead, word, tail = _PUNCTUATED.fullmatch(token).groups()  # type: ignore[union-attr]
    if parts := _acronym_apart(unicodedata.normalize("NFC", word), known):
        return f"{lead}{' '.join(parts)}{tail}"
    folded = unicodedata.normalize("NFC", word.casefold())
    if not known or not folded.isalpha() or folded.isascii() or folded in known:
        return token
    cuts = _only_fewest_cuts(folded, known)
    if cuts is None:
        return token
    pieces = [word[start:end] for start, end in zip((0, *cuts), (*cuts, len(word)), strict=True)]
    return f"{lead}{' '.join(pieces)}{tail}"


def _acronym_apart(word: str, known: frozenset[str]) -> tuple[str, str] | None:
    """A syllable and an acronym run together, either way round ("choCNTT", "HĐNDtỉnh"): the
    two, when the small letters are a syllable and the capitals two or more."""
    for cut in range(MIN_SYLLABLE, len(word) - MIN_SYLLABLE + 1):
        head, rest = word[:cut], word[cut:]
        if not (head.isalpha() and rest.isalpha()):
            return None
        small = head if head.islower() and rest.isupper() else rest
        if (head.islower() and rest.isupper()) or (head.isupper() and rest.islower()):
            return (head, rest) if small in known else None
    return None


def _only_fewest_cuts(folded: str, known: frozenset[str]) -> tuple[int, ...] | None:
    """Where to cut ``folded`` into the fewest syllables of two letters or more, when only one
    way does; None when none or several do."""
    # fewest[end]: (pieces, ways, cuts) for folded[:end]; ways counts the cuttings as few
    fewest: dict[int, tuple[int, int, tuple[int, ...]]] = {0: (0, 1, ())}
    for end in range(MIN_SYLLABLE, len(folded) + 1):
        options = [
            (fewest[start][0] + 1, fewest[start][1], (*fewest[start][2], start))
            for start in range(max(0, end - MAX_WORD), end - MIN_SYLLABLE + 1)
            if start in fewest and folded[start:end] in known
        ]  # fmt: skip
        if options:
            least = min(option[0] for option in options)
            best = [option for option in options if option[0] == least]
            fewest[end] = (least, sum(option[1] for option in best), best[0][2])
    found = fewest.get(len(folded))
    return found[2][1:] if found and found[0] > 1 and found[1] == 1 else None


def _entry(
    entry: Entry, spellings: dict[str, str], words: frozenset[str], bare: dict[str, list[str]]
) -> Entry:
    if entry.at.method != "ocr" or not entry.agency_raw:
        return entry
    name = marked(spaced(entry.agency_raw, spellings, words), bare)
    return entry if name == entry.agency_raw else replace(entry, agency_raw=name)


def spaced(name: str, spellings: dict[str, str], words: frozenset[str]) -> str:
    """``name`` with the registry's spaces, or its glued words split; else as it is."""
    known = spellings.get(_key(name))
    if known is not None:
        return _with_spaces_of(name, known)
    return " ".join(_split(token, words) for token in name.split())


def marked(name: str, bare: dict[str, list[str]]) -> str:
    """``name`` spelled as the registry spells it when only marks and case set them apart."""
    candidates = bare.get(_bare(name), [])
    if not candidates or name in candidates:
        return name
    cased = [spelling.upper() if name.isupper() else spelling for spelling in candidates]
    if any(_placed(name) == _placed(spelling) for spelling in cased):
        return name  # the same tones placed the other way ("hoá", "hóa"): printed so
    read = _key(name)
    ranked = sorted((_differences(read, _key(spelling)), spelling) for spelling in candidates)
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return name  # two spellings as near: which one was printed is not known
    return ranked[0][1].upper() if name.isupper() else ranked[0][1]


def _differences(a: str, b: str) -> int:
    return sum(x != y for x, y in zip(a, b, strict=False)) + abs(len(a) - len(b))


_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # grave, acute, tilde, hook, dot below


def _placed(text: str) -> list[tuple[str, str]]:
    """Each word without its tone, and its tone: the same for "hoá" and "hóa"."""
    words = []
    for word in unicodedata.normalize("NFD", text).split():
        tones = "".join(char for char in word if char in _TONES)
        words.append(("".join(char for char in word if char not in _TONES), tones))
    return words


def _bare(text: str) -> str:
    """A name's letters without spaces, case, tone or vowel marks ("Đ" as "d")."""
    folded = unicodedata.normalize("NFD", _key(text).replace("đ", "d"))
    return "".join(char for char in folded if not unicodedata.combining(char))


def _key(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", text).split()).lower()


def _with_spaces_of(name: str, spelling: str) -> str:
    """The letters of ``name`` with the spaces of ``spelling`` (the same letters, spaced)."""
    letters = iter("".join(name.split()))
    return "".join(" " if char == " " else next(letters) for char in " ".join(spelling.split()))


def _split(token: str, words: frozenset[str]) -> str:
    if token.lower() in words or not _glued(token):
        return token
    pieces = _fewest(token.lower(), words)
    if pieces is None or len(token) != len(token.lower()):
        return token
    parts, start = [], 0
    for piece in pieces:
        parts.append(token[start : start + len(piece)])
        start += len(piece)
    return " ".join(parts)


def _glued(token: str) -> bool:
    """A capital right after a small letter ("SởYtế", "SởCông"): a word start run into."""
    return any(a.islower() and b.isupper() for a, b in zip(token, token[1:], strict=False))


def _fewest(text: str, words: frozenset[str]) -> list[str] | None:
    """``text`` as the fewest registry words, or None when it is not made of them."""

    @cache
    def best(start: int) -> tuple[str, ...] | None:
        if start == len(text):
            return ()
        found: tuple[str, ...] | None = None
        for end in range(start + 1, min(len(text), start + MAX_WORD) + 1):
            if text[start:end] in words:
                rest = best(end)
                if rest is not None and (found is None or len(rest) + 1 < len(found)):
                    found = (text[start:end], *rest)
        return found

    pieces = best(0)
    return list(pieces) if pieces and len(pieces) > 1 else None


def _spellings(registry: Registry) -> dict[str, str]:
    """Every registry spelling by its key without spaces (the first one kept)."""
    found: dict[str, str] = {}
    for name in registry.names:
        found.setdefault(_key(name.text), " ".join(name.text.split()))
    return found


def _bare_spellings(spellings: Iterable[str]) -> dict[str, list[str]]:
    """Every registry spelling by its letters without marks, case or spaces."""
    found: dict[str, list[str]] = {}
    for spelling in spellings:
        found.setdefault(_bare(spelling), []).append(spelling)
    return found


def _words(spellings: Iterable[str]) -> frozenset[str]:
    """Every word of every registry spelling, in small letters."""
    return frozenset(
        word.lower() for spelling in spellings for word in spelling.split() if word.isalpha()
    )

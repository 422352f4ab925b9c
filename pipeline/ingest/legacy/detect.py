"""Which legacy encoding a text is in: by the font it was typed in, else by its own statistics.

The statistics compare readings: the text as it is, and decoded as TCVN3, VNI or VIQR. A reading
wins when nearly all of the words that hold a non-ASCII letter (VIQR: a mark sign) become
Vietnamese syllables, where the text as it is has far fewer. Real Unicode Vietnamese is never
converted: it holds letters no legacy code page has (ă đ ơ ư ạ ế …), and its words are
syllables already.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pipeline.ingest.legacy.case import restore_capitals
from pipeline.ingest.legacy.charts import TONES
from pipeline.ingest.legacy.decode import byte_value, decode_tcvn3, decode_viqr, decode_vni

TCVN3, VNI, VIQR = "tcvn3", "vni", "viqr"
UNSURE = "unsure"  # legacy-looking text no chart reads with confidence (flagged)

_TCVN3_FONT = re.compile(r"^\.?vn(?!i[- ])[a-z]", re.IGNORECASE)
_VNI_FONT = re.compile(r"^vni[- ]", re.IGNORECASE)
_STYLE_SUFFIX = re.compile(r"([-, ]?(bold|italic|oblique|regular|bolditalic|mt|ps))+$", re.I)
_SUBSET = re.compile(r"^[A-Z]{6}\+")  # PDF font subsets: "ABCDEF+.VnTime"
_ONSET = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx]"
_SYLLABLE = re.compile(rf"^(?:{_ONSET})?[aăâeêioôơuưy]{{1,3}}(?:ch|ng|nh|[cmnpt])?$")
_WORD = re.compile(r"[^\s\d.,;:!?()\[\]{}\"'“”‘’/|+=*%<>_–—-]+")
_VIETNAMESE_ONLY = re.compile("[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")


def unicode_only(text: str) -> bool:
    """Whether the text holds a letter only Unicode Vietnamese has (ă đ ơ ư ạ ế …): no legacy
    font's bytes give one, so such text is never decoded."""
    return bool(_VIETNAMESE_ONLY.search(text))


MIN_WORDS = 3  # fewer marked words than this: too little to tell, nothing converted
# Most Vietnamese syllables carry a mark, so in a legacy text most words hold a legacy byte; a
# few such words among many plain ones are a quotation or a symbol, not a legacy text.
MARKED_SHARE = 0.25
CONFIDENT = 0.8  # share of marked words that must read as syllables
MARGIN = 0.3  # … and by how much more than the text as it is
# Unsure: no chart reads the text, and this share of its marked words hold characters no
# Vietnamese word has (symbols, foreign letters); ethnic-minority names ("Krông Búk") are
# not syllables, but their letters are Vietnamese.
FOREIGN_SHARE = 0.5
_PUNCTUATION = frozenset("“”‘’–—…•°\u00a0")
_VIETNAMESE_LETTERS = frozenset("ăâđêôơưĂÂĐÊÔƠƯ") | frozenset(
    unicodedata.normalize("NFC", base + tone)
    for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
    for tone in TONES
)


@dataclass(frozen=True, slots=True)
class Reading:
    """What a text is: its encoding ("unicode", a legacy name, or "unsure") and its Unicode."""

    encoding: str
    text: str


def font_encoding(font: str | None) -> tuple[str, bool] | None:
    """(encoding, capitals font) for a legacy font name (".VnTimeH", "VNI-Times"), else None."""
    if not font:
        return None
    name = _SUBSET.sub("", font.strip().strip("'\"")).strip()
    base = _STYLE_SUFFIX.sub("", name)
    if _VNI_FONT.match(name):
        return VNI, False
    if _TCVN3_FONT.match(name):
        return TCVN3, base.endswith("H")
    return None


def decode_as(text: str, encoding: str, capitals: bool = False) -> str:
    """``text`` read in ``encoding`` (tcvn3 | vni | viqr)."""
    if encoding == TCVN3:
        return decode_tcvn3(text, capitals)
    if encoding == VNI:
        return decode_vni(text, capitals)
    return decode_viqr(text)


def decode_without_font(text: str, encoding: str) -> str:
    """Decoded by statistics, no font known: TCVN3 capitals lost with the capitals font are put
    back (``restore_capitals``)."""
    decoded = decode_as(text, encoding)
    return restore_capitals(decoded) if encoding == TCVN3 else decoded


def is_syllable(word: str) -> bool:
    """A Vietnamese syllable: onset, one to three vowels, a final consonant, at most one tone."""
    parts = unicodedata.normalize("NFD", word.lower())
    if sum(char in TONES for char in parts) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(char for char in parts if char not in TONES))
    return bool(_SYLLABLE.match(bare))


def read_text(text: str) -> Reading:
    """The text's encoding by statistics, and its Unicode (unchanged unless a chart wins)."""
    if _VIETNAMESE_ONLY.search(text) or all(ord(char) < 0x80 for char in text):
        if _VIETNAMESE_ONLY.search(text):
            return Reading("unicode", text)
        return _viqr_reading(text)
    words = [word for word in _WORD.findall(text) if re.search("[A-Za-z]", word)]
    marked = [word for word in words if not word.isascii()]
    if len(marked) < max(MIN_WORDS, MARKED_SHARE * len(words)):
        return Reading("unicode", text)
    as_is = _share(marked, None)
    if all(byte_value(char) is not None for char in "".join(marked)):
        best = max((_share(marked, encoding), encoding) for encoding in (TCVN3, VNI))
        if best[0] >= CONFIDENT and best[0] >= as_is + MARGIN:
            return Reading(best[1], decode_without_font(text, best[1]))
    foreign = sum(any(_foreign(char) for char in word) for word in marked) / len(marked)
    if foreign >= FOREIGN_SHARE:
        return Reading(UNSURE, text)
    return Reading("unicode", text)


def _viqr_reading(text: str) -> Reading:
    words = _WORD.findall(text)
    marked = [word for word in re.findall(r"\S+", text) if _viqr_marked(word)]
    if len(marked) < max(MIN_WORDS, MARKED_SHARE * len(words)):
        return Reading("unicode", text)
    decoded = [decode_viqr(word).strip(".?,;:!") for word in marked]
    share = sum(map(is_syllable, decoded)) / len(decoded)
    return Reading(VIQR, decode_viqr(text)) if share >= CONFIDENT else Reading("unicode", text)


def _viqr_marked(word: str) -> bool:
    """A word with a VIQR sign between letters or after a vowel ("Quye^'t", "ddi.nh", "ho.c")."""
    return bool(re.search(r"[aeiouyAEIOUY][(^+]|[aeiouyAEIOUY]['`?~.][a-zđ]|dd|DD", word))


def maybe_legacy(chars: str) -> bool:
    """Whether text holds a character a legacy font's bytes give and no Vietnamese word has
    (typographic punctuation aside): only then is it worth asking for fonts."""
    return any(
        not char.isascii()
        and char not in _PUNCTUATION
        and _foreign(char)
        and byte_value(char) is not None
        for char in set(chars)  # a page's few distinct characters, not its thousands
    )


def _foreign(char: str) -> bool:
    """A non-ASCII character no Vietnamese word holds: a symbol, or a foreign letter."""
    if char.isascii() or unicodedata.category(char) == "Mn":
        return False
    return unicodedata.normalize("NFC", char) not in _VIETNAMESE_LETTERS


def _share(words: list[str], encoding: str | None) -> float:
    """The share of words that are syllables as they are (None) or read in ``encoding``."""
    readings = (decode_as(word, encoding) if encoding else word for word in words)
    return sum(map(is_syllable, readings)) / len(words)

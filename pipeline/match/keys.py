"""Accent-free comparison keys of printed and registry names: fold, expand abbreviations, level.

A name is folded (NFC, casefold, no accents, "đ" → "d"), its abbreviations expanded ("Sở KH&CN"
→ "so khoa hoc cong nghe"), and "UBND" and the unit type ("huyện", "thị xã", …) set apart.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pipeline.frozen import maker

# Abbreviations, as folded tokens (joined when printed with "&", "-", "," or "và" inside).
ABBREVIATIONS = {
    "tttt": "thong tin truyen thong",
    "khcn": "khoa hoc cong nghe",
    "khdt": "ke hoach dau tu",
    "ldtbxh": "lao dong thuong binh xa hoi",
    "ldtb": "lao dong thuong binh",
    "tbxh": "thuong binh xa hoi",
    "nnptnt": "nong nghiep phat trien nong thon",
    "ptnt": "phat trien nong thon",
    "nnmt": "nong nghiep moi truong",
    "vhttdl": "van hoa the thao du lich",
    "vhtt": "van hoa the thao",
    "gddt": "giao duc dao tao",
    "tnmt": "tai nguyen moi truong",
    "gtvt": "giao thong van tai",
    "dttg": "dan toc ton giao",
    "qhkt": "quy hoach kien truc",
    "hdnd": "hoi dong nhan dan",
    "ubnd": "uy ban nhan dan",
    "ub": "uy ban",
    "dbqh": "dai bieu quoc hoi",
    "bql": "ban quan ly",
    "kkt": "khu kinh te",
    "kcn": "khu cong nghiep",
    "vp": "van phong",
    "tp": "thanh pho",
    "tx": "thi xa",
    "ttr": "thanh tra",
    "cntt": "cong nghe thong tin",
    "bhxh": "bao hiem xa hoi",
    "kbnn": "kho bac nha nuoc",
    "bchqs": "bo chi huy quan su",
    "chqs": "chi huy quan su",
    "nn": "nong nghiep",
    "ud": "ung dung",
    "nd": "nguoi dan",
    "dn": "doanh nghiep",
    "attt": "an toan thong tin",
    "cchc": "cai cach hanh chinh",
    "tthc": "thu tuc hanh chinh",
    "qppl": "quy pham phap luat",
    "cbccvc": "can bo cong chuc vien chuc",
    "dvc": "dich vu cong",
    "dvctt": "dich vu cong truc tuyen",
}
# After "Sở" a two-letter abbreviation names the department ("Sở TP" is Tư pháp, not thành phố).
AFTER_SO = {
    "tp": "tu phap",
    "nv": "noi vu",
    "tc": "tai chinh",
    "ct": "cong thuong",
    "xd": "xay dung",
    "yt": "y te",
    "dl": "du lich",
    "ngv": "ngoai vu",
}
ADMIN_TYPES = (  # longest first; "thành phố" before nothing shorter that it contains
    ("thi tran",),
    ("thanh pho",),
    ("thi xa",),
    ("huyen",),
    ("quan",),
    ("phuong",),
    ("xa",),
    ("tinh",),
)
AGENCY_HEADS = (
    "so",
    "ban",
    "van phong",
    "thanh tra",
    "cuc",
    "chi cuc",
    "trung tam",
    "bao hiem",
    "kho bac",
    "cong an",
    "bo chi huy",
    "vuon quoc gia",
    "dai phat thanh",
    "dai",
)
CENTRAL_CITIES = ("ha noi", "ho chi minh", "hai phong", "da nang", "can tho")  # Huế: 2025
CONSONANTS = re.compile(r"[bcdfghjklmnpqrstvwxz]+")
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền sắc ngã hỏi nặng
TYPE_WORDS = tuple((" ".join(words), tuple(" ".join(words).split())) for words in ADMIN_TYPES)
TYPES_BY_FIRST: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    first: tuple(pair for pair in TYPE_WORDS if pair[1][0] == first)
    for first in dict.fromkeys(split[0] for _, split in TYPE_WORDS)
}  # TYPE_WORDS by their first word, in their order
HEAD_PREFIXES = tuple(head + " " for head in AGENCY_HEADS)
LEVEL_OF_TYPE = {
    "huyen": "district",
    "quan": "district",
    "thi xa": "district",
    "tinh": "province",
    "xa": "commune",
    "phuong": "commune",
    "thi tran": "commune",
}


def fold(text: str) -> str:
    """NFC, casefold, accents off, "đ" → "d", punctuation → space; apostrophes vanish."""
    if text.isascii():  # nothing to normalise or take off (speed)
        text = text.lower()
    else:
        text = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text).casefold())
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).replace("đ", "d")
    text = re.sub(r"['’‘`´]", "", text)
    return " ".join(re.sub(r"[^\w&]+|_", " ", text).replace("&", " & ").split())


def light_key(text: str) -> str:
    """Accented key for "exact": NFC, casefold, tones at syllable end (Hoà = Hòa), no spaces."""
    return strip_council(light_words(text))


def light_words(text: str) -> str:
    """The light key before "UBND" is taken off the front."""
    if text.isascii():  # no tones to move (speed)
        return "".join(re.split(r"[^\w\u0300-\u036f]+", text.lower()))
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text).casefold())
    words = []
    for word in re.split(r"[^\w\u0300-\u036f]+", text):
        tones = "".join(ch for ch in word if ch in TONES)
        words.append("".join(ch for ch in word if ch not in TONES) + tones)
    return "".join(words)


def strip_council(key: str) -> str:
    """A light key without a leading "Ủy ban nhân dân" or "UBND" (the words as a light key
    spells them: decomposed, each tone after its syllable)."""
    return key.removeprefix(_COUNCIL).removeprefix("ubnd")


_COUNCIL = light_words("Ủy ban nhân dân")


def expand(folded: str, plain: dict[str, tuple[str, ...] | None] | None = None) -> list[str]:
    """Tokens with abbreviations written out: "so kh & cn" → so khoa hoc cong nghe.

    ``plain`` remembers, across the names of a batch, what each token that is no consonant
    cluster stands for (None for a cluster, which may start an abbreviation of several tokens).
    """
    tokens = [t for t in folded.split() if t not in ("&", "-")]
    return expand_into([], tokens, {} if plain is None else plain)


def expand_into(
    out: list[str],
    tokens: Sequence[str],
    plain: dict[str, tuple[str, ...] | None],
    spans: dict[tuple[tuple[str, ...], bool], tuple[int, list[str]]] | None = None,
) -> list[str]:
    """``out`` extended by ``tokens`` expanded, after the words already in it ("so" before "tp"
    makes it tư pháp); ``plain`` as in ``expand``; ``spans`` remembers ``expand_at``'s answers
    by the four tokens it looks at and "so" before them."""
    i, count = 0, len(tokens)
    while i < count:
        token = tokens[i]
        if token not in plain:
            plain[token] = None if CONSONANTS.fullmatch(token) else plain_words(token)
        words = plain[token]
        if words is None:
            after_so = out[-1:] == ["so"]
            if spans is None:
                width, expanded = expand_at(tokens, i, after_so)
            else:
                seen = (tuple(tokens[i : i + 4]), after_so)
                found = spans.get(seen)
                if found is None:
                    found = spans[seen] = expand_at(seen[0], 0, after_so)
                width, expanded = found
            out += expanded
            i += width
        else:
            out += words
            i += 1
    return out


def plain_words(token: str) -> tuple[str, ...]:
    """What a token that is no consonant cluster stands for ("ud" → ung dung; itself else)."""
    return tuple(ABBREVIATIONS.get(token, token).split())


def expand_at(tokens: Sequence[str], i: int, after_so: bool) -> tuple[int, list[str]]:
    """Longest abbreviation starting at ``tokens[i]``: (tokens used, words it stands for)."""
    if not CONSONANTS.fullmatch(tokens[i]):  # abbreviations are consonant clusters: fast path
        return 1, list(plain_words(tokens[i]))
    for width in (4, 3, 2):
        span = [t for t in tokens[i : i + width] if t != "va"]
        if len(tokens[i : i + width]) < width or not all(CONSONANTS.fullmatch(t) for t in span):
            continue
        if tokens[i] != "va" and tokens[i + width - 1] != "va" and "".join(span) in ABBREVIATIONS:
            return width, ABBREVIATIONS["".join(span)].split()
    token = tokens[i]
    if after_so and token in AFTER_SO:
        return 1, AFTER_SO[token].split()
    return 1, ABBREVIATIONS.get(token, token).split()


def join_initials(tokens: list[str]) -> list[str]:
    """ "Ea H' Leo" and "Ea H'leo" → ea hleo: a lone letter belongs to the next syllable."""
    out: list[str] = []
    carry = ""
    for token in tokens:
        if len(token) == 1 and token.isalpha():
            carry += token
            continue
        out.append(carry + token)
        carry = ""
    return out + ([carry] if carry else [])


def split_type(tokens: list[str]) -> tuple[str | None, list[str]]:
    """("huyen", ["sa", "pa"]) from "uy ban nhan dan huyen sa pa"."""
    if tokens[:4] == ["uy", "ban", "nhan", "dan"]:
        tokens = tokens[4:]
    for kind, joined in TYPES_BY_FIRST.get(tokens[0], ()) if tokens else ():
        if tuple(tokens[: len(joined)]) == joined and len(tokens) > len(joined):
            return kind, tokens[len(joined) :]
    return None, tokens


@dataclass(frozen=True, slots=True)
class Key:
    """A name prepared for comparison."""

    type: str | None  # huyen | thi xa | thanh pho | quan | xa | phuong | thi tran | tinh | None
    core: str  # space-separated folded tokens without type, "UBND" and "và"
    light: str


_KEY = maker(Key)  # a batch keys its names by the 100,000 (``pipeline.frozen``)


def make_key(text: str, level: str | None, province_words: Sequence[str] = ()) -> Key:
    """The comparison key of a printed or registry name at one level."""
    return key_of(expand(fold(text)), light_key(text), level, province_words)


def key_of(
    expanded: list[str], light: str, level: str | None, province_words: Sequence[str] = ()
) -> Key:
    """The key of a name already folded and expanded (``expand(fold(text))``)."""
    tokens = [t for t in expanded if t != "va"] if "va" in expanded else expanded
    if level == "province_agency":
        if tokens[:4] == ["uy", "ban", "nhan", "dan"]:
            tokens = tokens[4:]
        return _KEY(None, " ".join(drop_province(tokens, province_words)), light)
    kind, core = split_type(tokens)
    return _KEY(kind, " ".join(join_initials(core)), light)


_WORDS: dict[str, list[str]] = {}  # a province's folded name, split (a few hundred at most)


def drop_province(tokens: list[str], province_words: Sequence[str]) -> list[str]:
    """ "van phong uy ban nhan dan tinh lao cai" → without "tinh" and the province's own name."""
    for words in province_words:
        split = _WORDS.get(words) or _WORDS.setdefault(words, words.split())
        if len(tokens) > len(split) and tokens[-len(split) :] == split:
            tokens = tokens[: -len(split)]
            break
    while len(tokens) > 1 and tokens[-1] == "tinh":
        tokens = tokens[:-1]
    if len(tokens) > 2 and tokens[-2:] == ["thanh", "pho"]:
        tokens = tokens[:-2]
    return ([t for t in tokens if t != "tinh"] or tokens) if "tinh" in tokens else tokens


def infer_level(name: str) -> str | None:
    """The level a printed name announces: "UBND huyện X" → district, "Sở …" → province_agency."""
    return level_of(expand(fold(name)))


def level_of(expanded: list[str]) -> str | None:
    """The level announced by a name already folded and expanded."""
    tokens = expanded[4:] if expanded[:4] == ["uy", "ban", "nhan", "dan"] else expanded
    text = " ".join(tokens)
    if text.startswith("bo ") and not text.startswith("bo chi huy"):
        return "ministry"
    if text in AGENCY_HEADS or text.startswith(HEAD_PREFIXES):
        return "province_agency"
    kind, core = split_type(tokens)
    if kind == "thanh pho":
        return "province" if " ".join(core) in CENTRAL_CITIES else "district"
    return LEVEL_OF_TYPE.get(kind or "")


_TYPE_PREFIX = re.compile(
    r"^(?:(?:ủy|uỷ)\s+ban\s+nhân\s+dân|ubnd)?\s*"
    r"(?:tỉnh|thành\s+phố|tp\.?|huyện|quận|thị\s+xã|tx\.?|xã|phường|thị\s+trấn)?\s+"
)


def accented_core(text: str, light: Callable[[str], str] = light_key) -> str:
    """The name with its accents but without its type: "Tỉnh Hậu Giang" → "hậugiang".

    ``light`` is ``light_key`` or a batch's remembered one (``KeyCache.light``).
    """
    folded = " " + unicodedata.normalize("NFC", text).casefold().strip()
    return light(_TYPE_PREFIX.sub("", folded, count=1))

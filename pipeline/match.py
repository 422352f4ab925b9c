"""Printed agency names → registry ids, with rapidfuzz; accent-free keys live only here.

A name is folded (NFC, casefold, no accents, "đ" → "d"), its abbreviations expanded ("Sở KH&CN"
→ "so khoa hoc cong nghe"), "UBND" and the unit type ("huyện", "thị xã", …) set apart, and scored
against the names of the units of the document's province, the table's level and the evaluation
year. A wrong confident match is worse than none: whenever two units score alike the outcome is
``review``, never a guess.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from pipeline.models import Match
from pipeline.registry import LEVELS, Name, Registry

DEFAULT_FUZZY_THRESHOLD = 88.0  # a fuzzy match scores at least this (0-100) …
DEFAULT_MIN_MARGIN = 6.0  # … and beats the best other unit by this much, else review
DEFAULT_REVIEW_THRESHOLD = 60.0  # below this the best candidate is not worth a reviewer's time
DEFAULT_TYPE_PENALTY = 8.0  # printed "huyện" where the registry says "thị xã" for that year
DEFAULT_PERIOD_PENALTY = 8.0  # a name of the unit from another period (Sa Pa: huyện ≤ 2019)
DEFAULT_COMPONENT_THRESHOLD = 85.0  # component labels: fuzzy score needed for a key


@dataclass(frozen=True, slots=True)
class MatchSettings:
    """Tunables of the matcher; see the DEFAULT_ constants for what each means."""

    fuzzy_threshold: float = DEFAULT_FUZZY_THRESHOLD
    min_margin: float = DEFAULT_MIN_MARGIN
    review_threshold: float = DEFAULT_REVIEW_THRESHOLD
    type_penalty: float = DEFAULT_TYPE_PENALTY
    period_penalty: float = DEFAULT_PERIOD_PENALTY
    component_threshold: float = DEFAULT_COMPONENT_THRESHOLD


@dataclass(frozen=True, slots=True)
class Candidate:
    """One registry unit a printed name may mean, with its score."""

    agency_id: str
    name: str  # the unit's latest official name
    score: float
    level: str
    admin_code: str | None
    matched_name: str  # the registry spelling that scored best


# ── keys ────────────────────────────────────────────────────────────────────────────────────

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


def fold(text: str) -> str:
    """NFC, casefold, accents off, "đ" → "d", punctuation → space; apostrophes vanish."""
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text).casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).replace("đ", "d")
    text = re.sub(r"['’‘`´]", "", text)
    return " ".join(re.sub(r"[^\w&]+|_", " ", text).replace("&", " & ").split())


def light_key(text: str) -> str:
    """Accented key for "exact": NFC, casefold, tones at syllable end (Hoà = Hòa), no spaces."""
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text).casefold())
    words = []
    for word in re.split(r"[^\w\u0300-\u036f]+", text):
        tones = "".join(ch for ch in word if ch in TONES)
        words.append("".join(ch for ch in word if ch not in TONES) + tones)
    key = "".join(words)
    return key.removeprefix("ủy ban nhân dân".replace(" ", "")).removeprefix("ubnd")


def expand(folded: str) -> list[str]:
    """Tokens with abbreviations written out: "so kh & cn" → so khoa hoc cong nghe."""
    tokens = [t for t in folded.split() if t not in ("&", "-")]
    out: list[str] = []
    i = 0
    while i < len(tokens):
        width, words = expand_at(tokens, i, out[-1:] == ["so"])
        out.extend(words)
        i += width
    return out


def expand_at(tokens: list[str], i: int, after_so: bool) -> tuple[int, list[str]]:
    """Longest abbreviation starting at ``tokens[i]``: (tokens used, words it stands for)."""
    if not CONSONANTS.fullmatch(tokens[i]):  # abbreviations are consonant clusters: fast path
        return 1, ABBREVIATIONS.get(tokens[i], tokens[i]).split()
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
    for words in ADMIN_TYPES:
        joined = " ".join(words).split()
        if tokens[: len(joined)] == joined and len(tokens) > len(joined):
            return " ".join(joined), tokens[len(joined) :]
    return None, tokens


@dataclass(frozen=True, slots=True)
class Key:
    """A name prepared for comparison."""

    type: str | None  # huyen | thi xa | thanh pho | quan | xa | phuong | thi tran | tinh | None
    core: str  # space-separated folded tokens without type, "UBND" and "và"
    light: str


def make_key(text: str, level: str | None, province_words: Sequence[str] = ()) -> Key:
    """The comparison key of a printed or registry name at one level."""
    tokens = [t for t in expand(fold(text)) if t != "va"]
    if level == "province_agency":
        if tokens[:4] == ["uy", "ban", "nhan", "dan"]:
            tokens = tokens[4:]
        return Key(None, " ".join(drop_province(tokens, province_words)), light_key(text))
    kind, core = split_type(tokens)
    return Key(kind, " ".join(join_initials(core)), light_key(text))


def drop_province(tokens: list[str], province_words: Sequence[str]) -> list[str]:
    """ "van phong uy ban nhan dan tinh lao cai" → without "tinh" and the province's own name."""
    for words in province_words:
        split = words.split()
        if len(tokens) > len(split) and tokens[-len(split) :] == split:
            tokens = tokens[: -len(split)]
            break
    while len(tokens) > 1 and tokens[-1] == "tinh":
        tokens = tokens[:-1]
    if len(tokens) > 2 and tokens[-2:] == ["thanh", "pho"]:
        tokens = tokens[:-2]
    return [t for t in tokens if t != "tinh"] or tokens


def infer_level(name: str) -> str | None:
    """The level a printed name announces: "UBND huyện X" → district, "Sở …" → province_agency."""
    tokens = expand(fold(name))
    if tokens[:4] == ["uy", "ban", "nhan", "dan"]:
        tokens = tokens[4:]
    text = " ".join(tokens)
    if text.startswith("bo ") and not text.startswith("bo chi huy"):
        return "ministry"
    if any(text == head or text.startswith(head + " ") for head in AGENCY_HEADS):
        return "province_agency"
    kind, core = split_type(tokens)
    return {
        "huyen": "district",
        "quan": "district",
        "thi xa": "district",
        "tinh": "province",
        "xa": "commune",
        "phuong": "commune",
        "thi tran": "commune",
        "thanh pho": "province" if " ".join(core) in CENTRAL_CITIES else "district",
    }.get(kind or "")


# ── blocks: the candidates of one province, level and year ─────────────────────────────────


@dataclass(frozen=True, slots=True)
class Choice:
    """One registry name, keyed, of one candidate unit."""

    name: Name
    key: Key
    in_period: bool


@dataclass(frozen=True)
class Block:
    """The choices a name of this province, level and year is compared with."""

    choices: tuple[Choice, ...]
    cores: tuple[str, ...]
    ordered: tuple[bool, ...]  # word order matters: every level but province_agency and ministry
    by_core: dict[str, tuple[int, ...]] = field(default_factory=dict)
    by_light: dict[str, tuple[int, ...]] = field(default_factory=dict)
    rejected: frozenset[str] = frozenset()


def province_words(registry: Registry, province_ids: Iterable[str]) -> tuple[str, ...]:
    """Folded names of the block's provinces, longest first ("tinh lao cai", "lao cai")."""
    words = set()
    for pid in province_ids:
        for name in registry.names_of("province", None):
            if name.unit_id == pid:
                tokens = expand(fold(name.text))
                words.add(" ".join(tokens))
                words.add(" ".join(split_type(tokens)[1]))
    return tuple(sorted(words, key=len, reverse=True))


def resolve_province(registry: Registry, province: str | None, year: int | None) -> tuple[str, ...]:
    """Province ids a printed province name means in ``year`` (all of them: "Lào Cai" in 2025)."""
    if not province:
        return ()
    core = make_key(province, "province").core
    names = registry.provinces_named()
    hits = {n.unit_id for n in names if make_key(n.text, "province").core == core}
    in_year = tuple(sorted(i for i in hits if registry.unit(i).valid_in(year)))
    return in_year or tuple(sorted(hits))


def build_block(
    registry: Registry, province_ids: Sequence[str], levels: Sequence[str], year: int | None
) -> Block:
    """Key every name of the candidate units once; index exact keys."""
    words = province_words(registry, province_ids)
    choices = []
    for level in levels:
        scopes: Sequence[str | None] = (
            province_ids if level not in ("province", "ministry") else [None]
        )
        for scope in scopes or national_scopes(registry, level):
            for name in registry.names_of(level, scope):
                if registry.unit(name.unit_id).valid_in(year):
                    key = make_key(name.text, level, words)
                    choices.append(Choice(name, key, name.valid_in(year)))
    return index_block(choices, rejected_lights(registry, province_ids, levels))


def national_scopes(registry: Registry, level: str) -> list[str | None]:
    """Every province id, for a name whose province is unknown."""
    return sorted({u.province_id for u in registry.units.values() if u.level == level}, key=str)


def index_block(choices: list[Choice], rejected: frozenset[str]) -> Block:
    """Dictionaries from exact keys to choice positions."""
    by_core: dict[str, list[int]] = {}
    by_light: dict[str, list[int]] = {}
    for i, choice in enumerate(choices):
        by_core.setdefault(choice.key.core, []).append(i)
        by_light.setdefault(choice.key.light, []).append(i)
    return Block(
        choices=tuple(choices),
        cores=tuple(choice.key.core for choice in choices),
        ordered=tuple(choice.key.type is not None for choice in choices),
        by_core={k: tuple(v) for k, v in by_core.items()},
        by_light={k: tuple(v) for k, v in by_light.items()},
        rejected=rejected,
    )


def rejected_lights(
    registry: Registry, province_ids: Sequence[str], levels: Sequence[str]
) -> frozenset[str]:
    """Names a reviewer marked "not in the registry" for this province and level."""
    lights = set()
    for rejection in registry.rejected:
        same_province = not rejection.province or set(
            resolve_province(registry, rejection.province, None)
        ) & set(province_ids)
        if same_province and (rejection.level is None or rejection.level in levels):
            lights.add(light_key(rejection.text))
    return frozenset(lights)


# ── scoring ─────────────────────────────────────────────────────────────────────────────────


def score_rows(queries: Sequence[str], block: Block) -> list[list[float]]:
    """Similarity of every query core to every choice core (process.cdist when numpy is there).

    Place names keep their word order ("Tân Bình" is not "Bình Tân"); agency names may not
    ("Sở Văn hóa, Du lịch và Thể thao"), so they score the better of plain and sorted words.
    """
    ordered = score_matrix(queries, block.cores, fuzz.ratio)
    if all(block.ordered):
        return ordered
    unordered = score_matrix(queries, block.cores, fuzz.token_sort_ratio)
    return [
        [a if keep else max(a, b) for a, b, keep in zip(row_a, row_b, block.ordered, strict=True)]
        for row_a, row_b in zip(ordered, unordered, strict=True)
    ]


def score_matrix(
    queries: Sequence[str], cores: Sequence[str], scorer: Callable[..., float]
) -> list[list[float]]:
    """One scorer over all pairs: rapidfuzz's cdist, or one query at a time without numpy."""
    if not queries or not cores:
        return [[] for _ in queries]
    try:
        return process.cdist(queries, cores, scorer=scorer, workers=-1).tolist()  # type: ignore[no-any-return]
    except ImportError:  # rapidfuzz needs numpy for cdist
        rows = []
        for query in queries:
            row = [0.0] * len(cores)
            for _, score, i in process.extract(query, cores, scorer=scorer, limit=None):
                row[i] = score
            rows.append(row)
        return rows


def ranked_units(
    key: Key, block: Block, scores: Sequence[float], settings: MatchSettings, *, every: bool = False
) -> list[tuple[float, Choice]]:
    """Best choice per unit, best unit first, with type and period penalties applied.

    Unless ``every``, choices too far below the best to change the outcome are skipped (speed).
    """
    slack = settings.type_penalty + settings.period_penalty + settings.min_margin
    floor = -1.0 if every or not scores else max(scores) - slack - 0.01
    best: dict[str, tuple[float, Choice]] = {}
    for i in [i for i, score in enumerate(scores) if score >= floor]:
        score, choice = scores[i], block.choices[i]
        if key.type and choice.key.type and key.type != choice.key.type:
            score -= settings.type_penalty
        if not choice.in_period:
            score -= settings.period_penalty
        unit_id = choice.name.unit_id
        if unit_id not in best or score > best[unit_id][0]:
            best[unit_id] = (max(score, 0.0), choice)
    return sorted(best.values(), key=lambda pair: (-pair[0], pair[1].name.unit_id))


def exact_status(key: Key, block: Block) -> tuple[str, str, bool] | None:
    """(status, unit id, reviewed) when the printed name is a registry spelling of one unit."""
    hits = [block.choices[i] for i in block.by_light.get(key.light, ())]
    reviewed = {c.name.unit_id for c in hits if c.name.kind == "reviewed"}
    if len(reviewed) == 1:
        return "alias", reviewed.pop(), True
    units = {c.name.unit_id for c in hits}
    if len(units) != 1:
        return None
    official = any(c.name.kind == "official" and c.in_period for c in hits)
    return ("exact" if official else "alias"), units.pop(), False


def decide(
    key: Key,
    block: Block,
    ranked: list[tuple[float, Choice]],
    settings: MatchSettings,
    registry: Registry,
) -> Match:
    """The outcome for one name: exact | alias | fuzzy | review | unmatched."""
    if not ranked or key.light in block.rejected:
        return Match(None, None, None, None, "unmatched")
    exact = exact_status(key, block)
    if exact:  # a registry spelling: sure unless another unit scores as well
        status, unit_id, reviewed = exact
        mine = next(pair for pair in ranked if pair[1].name.unit_id == unit_id)
        others = [pair for pair in ranked if pair[1].name.unit_id != unit_id]
        runner = others[0] if others else None
        if reviewed or runner is None or mine[0] > runner[0]:
            return make_match(registry, mine[1], mine[0], runner, status)
    score, choice = ranked[0]
    runner = ranked[1] if len(ranked) > 1 else None
    margin = score - runner[0] if runner else 100.0
    if score >= 100.0 and margin >= settings.min_margin:
        status = "alias"  # same words once accents, abbreviations and punctuation are set aside
    elif score >= settings.fuzzy_threshold and margin >= settings.min_margin:
        status = "fuzzy"
    elif score >= settings.review_threshold:
        status = "review"
    else:
        status = "unmatched"
    return make_match(registry, choice, score, runner, status)


def make_match(
    registry: Registry,
    choice: Choice,
    score: float,
    runner: tuple[float, Choice] | None,
    status: str,
) -> Match:
    """A Match; review and unmatched carry no id, only the candidates."""
    unit = registry.unit(choice.name.unit_id)
    sure = status in ("exact", "alias", "fuzzy")
    return Match(
        agency_id=unit.id if sure else None,
        canonical=unit.name if sure else None,
        admin_code=unit.admin_code if sure and unit.level != "province_agency" else None,
        score=round(score, 1),
        status=status,
        runner_up=(unit.id if not sure else runner[1].name.unit_id if runner else None),
        runner_up_score=(round(score, 1) if not sure else round(runner[0], 1) if runner else None),
    )


# ── public API ──────────────────────────────────────────────────────────────────────────────


def levels_for(level: str | None, name: str | None) -> tuple[str, ...]:
    """The level given, else the one the name announces, else every level below the province."""
    chosen = level or (infer_level(name) if name else None)
    if chosen in LEVELS:
        return (chosen,)
    return ("province_agency", "district", "commune")


def match_names(
    names: Sequence[str],
    registry: Registry,
    *,
    province: str | None,
    level: str | None,
    year: int | None,
    settings: MatchSettings = MatchSettings(),  # noqa: B008 - frozen
) -> list[Match]:
    """Match printed names of one table; duplicates are scored once (batch path: cdist)."""
    province_ids = resolve_province(registry, province, year)
    groups: dict[tuple[str, ...], list[str]] = {}
    for name in dict.fromkeys(names):
        groups.setdefault(levels_for(level, name), []).append(name)
    words = province_words(registry, province_ids)
    results: dict[str, Match] = {}
    for levels, group in groups.items():
        block = build_block(registry, province_ids, levels, year)
        results.update(match_group(group, levels, block, words, registry, settings))
    return [results[name] for name in names]


def match_group(
    names: list[str],
    levels: tuple[str, ...],
    block: Block,
    words: tuple[str, ...],
    registry: Registry,
    settings: MatchSettings,
) -> dict[str, Match]:
    """Score a group of distinct names against one block."""
    keys = [
        make_key(name, levels[0] if len(levels) == 1 else infer_level(name), words)
        for name in names
    ]
    rows = score_rows([key.core for key in keys], block)
    return {
        name: decide(key, block, ranked_units(key, block, row, settings), settings, registry)
        for name, key, row in zip(names, keys, rows, strict=True)
    }


def candidates(
    name: str,
    registry: Registry,
    *,
    province: str | None,
    level: str | None,
    year: int | None,
    limit: int = 5,
    settings: MatchSettings = MatchSettings(),  # noqa: B008 - frozen
) -> list[Candidate]:
    """The best ``limit`` units for one printed name, best first (for review and `match`)."""
    province_ids = resolve_province(registry, province, year)
    levels = levels_for(level, name)
    block = build_block(registry, province_ids, levels, year)
    key = make_key(
        name,
        levels[0] if len(levels) == 1 else infer_level(name),
        province_words(registry, province_ids),
    )
    ranked = ranked_units(key, block, score_rows([key.core], block)[0], settings, every=True)
    out = []
    for score, choice in ranked[:limit]:
        unit = registry.unit(choice.name.unit_id)
        out.append(
            Candidate(
                unit.id, unit.name, round(score, 1), unit.level, unit.admin_code, choice.name.text
            )
        )
    return out


def component_key(
    label: str, registry: Registry, settings: MatchSettings = MatchSettings()
) -> str | None:  # noqa: B008
    """Canonical component key of a printed column label, or None when unsure."""
    core = component_core(label)
    if not core:
        return None
    labels = [(c.key, component_core(c.label)) for c in registry.components]
    exact = {k for k, text in labels if text == core}
    if len(exact) == 1:
        return exact.pop()
    scores = process.extract(
        core, [text for _, text in labels], scorer=fuzz.token_sort_ratio, limit=None
    )
    best: dict[str, float] = {}
    for _, score, i in scores:
        best[labels[i][0]] = max(best.get(labels[i][0], 0.0), score)
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < settings.component_threshold:
        return None
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < settings.min_margin:
        return None
    return ranked[0][0]


def component_core(label: str) -> str:
    """ "Hạ tầng kỹ thuật CNTT (12)" → "ha tang ky thuat cong nghe thong tin"."""
    label = re.sub(r"\([^)]*\)", " ", label)
    return " ".join(t for t in expand(fold(label)) if t not in ("va", "cac"))


# ── review loop ─────────────────────────────────────────────────────────────────────────────

REVIEW_CANDIDATES = 3
REVIEW_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "table_index",
    "row_number",
    "agency_raw",
    "province",
    "level",
    "year",
    "status",
    "score",
    *(
        f"candidate_{i}_{part}"
        for i in range(1, REVIEW_CANDIDATES + 1)
        for part in ("id", "name", "score")
    ),
    "chosen_id",
)


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """One table row whose match needs a person: where it is and what the matcher said."""

    doc_id: str
    table_index: int | None
    row_number: int | None
    agency_raw: str
    match: Match


def review_rows(
    items: Iterable[ReviewItem],
    registry: Registry,
    *,
    province: str | None,
    level: str | None,
    year: int | None,
) -> list[dict[str, str]]:
    """Rows of review.csv for the review and unmatched items; the reviewer fills ``chosen_id``.

    Passing the filled file back as ``load_registry(aliases=…)`` makes each name resolve to its
    chosen id (status "alias"); chosen_id "-" marks a name that is no registry unit.
    """
    rows = []
    for item in items:
        if item.match.status not in ("review", "unmatched"):
            continue
        if item.match.status == "unmatched" and item.match.score is None:
            continue  # nothing to choose from, or a reviewer already said "-"
        found = candidates(
            item.agency_raw,
            registry,
            province=province,
            level=level,
            year=year,
            limit=REVIEW_CANDIDATES,
        )
        rows.append(review_row(item, found, province, level, year))
    return rows


def review_row(
    item: ReviewItem,
    found: list[Candidate],
    province: str | None,
    level: str | None,
    year: int | None,
) -> dict[str, str]:
    """One review.csv row."""
    row = {
        "doc_id": item.doc_id,
        "table_index": text_of(item.table_index),
        "row_number": text_of(item.row_number),
        "agency_raw": item.agency_raw,
        "province": province or "",
        "level": level or "",
        "year": text_of(year),
        "status": item.match.status,
        "score": text_of(item.match.score),
        "chosen_id": "",
    }
    for i in range(REVIEW_CANDIDATES):
        hit = found[i] if i < len(found) else None
        row[f"candidate_{i + 1}_id"] = hit.agency_id if hit else ""
        row[f"candidate_{i + 1}_name"] = hit.name if hit else ""
        row[f"candidate_{i + 1}_score"] = text_of(hit.score) if hit else ""
    return row


def text_of(value: object) -> str:
    """CSV text of an optional value."""
    return "" if value is None else str(value)

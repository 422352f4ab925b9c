"""Printed agency names → registry ids, with rapidfuzz; accent-free keys live only here.

A name is folded (NFC, casefold, no accents, "đ" → "d"), its abbreviations expanded ("Sở KH&CN"
→ "so khoa hoc cong nghe"), "UBND" and the unit type ("huyện", "thị xã", …) set apart, and scored
against the names of the units of the document's province, the table's level and the evaluation
year. A wrong confident match is worse than none: whenever two units score alike the outcome is
``review``, never a guess.

Modules: ``keys`` (fold, abbreviations, levels), ``blocks`` (the registry names a name is compared
with), ``rank`` (scoring and ranking a table's names at once), ``decide`` (ties and outcomes),
``components`` (column labels), ``review`` (review.csv rows), ``settings`` (tunables).
"""

from __future__ import annotations

from pipeline.match.blocks import Block, Choice, build_block, resolve_province
from pipeline.match.components import component_core, component_key
from pipeline.match.decide import Candidate, candidates, levels_for, match_names
from pipeline.match.keys import (
    ABBREVIATIONS,
    Key,
    expand,
    fold,
    infer_level,
    light_key,
    make_key,
)
from pipeline.match.review import REVIEW_COLUMNS, ReviewItem, review_rows
from pipeline.match.settings import (
    DEFAULT_COMPONENT_THRESHOLD,
    DEFAULT_FUZZY_THRESHOLD,
    DEFAULT_MIN_MARGIN,
    DEFAULT_PERIOD_PENALTY,
    DEFAULT_REVIEW_THRESHOLD,
    DEFAULT_TYPE_PENALTY,
    MatchSettings,
)

__all__ = [
    "ABBREVIATIONS",
    "DEFAULT_COMPONENT_THRESHOLD",
    "DEFAULT_FUZZY_THRESHOLD",
    "DEFAULT_MIN_MARGIN",
    "DEFAULT_PERIOD_PENALTY",
    "DEFAULT_REVIEW_THRESHOLD",
    "DEFAULT_TYPE_PENALTY",
    "REVIEW_COLUMNS",
    "Block",
    "Candidate",
    "Choice",
    "Key",
    "MatchSettings",
    "ReviewItem",
    "build_block",
    "candidates",
    "component_core",
    "component_key",
    "expand",
    "fold",
    "infer_level",
    "levels_for",
    "light_key",
    "make_key",
    "match_names",
    "resolve_province",
    "review_rows",
]

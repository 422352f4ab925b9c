"""Tunables of the matcher, each a documented DEFAULT_ constant and a MatchSettings field."""

from __future__ import annotations

from dataclasses import dataclass

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

"""Printed component column labels → canonical component keys."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from pipeline.match.keys import expand, fold
from pipeline.match.settings import MatchSettings
from pipeline.registry import Registry


def component_key(
    label: str, registry: Registry, settings: MatchSettings = MatchSettings()
) -> str | None:  # noqa: B008
    """Canonical component key of a printed column label, or None when unsure."""
    core = component_core(label)
    if not core:
        return None
    labels = registry.memoized(
        "component_cores",
        lambda: [(c.key, component_core(c.label)) for c in registry.components],
    )
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

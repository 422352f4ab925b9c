"""Which index a ranking table belongs to: ict | egov | dti | par | other.

Read from the table's caption first (a decision may publish two indices), then the decision's
title (trích yếu), then the index of the component columns it recognised (components.csv).
Within one text the earliest mention wins: "ứng dụng CNTT, phát triển chính quyền điện tử"
ranks IT application.
"""

from __future__ import annotations

import re

from pipeline.models import Metadata, Table
from pipeline.registry import ComponentLabel, read_components
from pipeline.vocabulary import fold

INDICES = ("ict", "egov", "dti", "par", "other")

# Casefolded NFC patterns; both tone placements where Vietnamese text uses both.
_PATTERNS: dict[str, re.Pattern[str]] = {
    # mức độ ứng dụng CNTT; Chỉ số sẵn sàng cho phát triển và ứng dụng CNTT-TT (ICT Index)
    "ict": re.compile(
        r"ứng\s+dụng\s+(công\s+nghệ\s+thông\s+tin|cntt)|\bict\b|"
        r"công\s+nghệ\s+thông\s+tin\s+và\s+truyền\s+thông"
    ),
    # chính quyền điện tử, chính phủ điện tử
    "egov": re.compile(r"chính\s+(quyền|phủ)\s+điện\s+tử|\be-?gov"),
    # chuyển đổi số (DTI)
    "dti": re.compile(r"chuyển\s+đổi\s+số|\bdti\b"),
    # cải cách hành chính (Chỉ số CCHC, PAR INDEX)
    "par": re.compile(r"cải\s+cách\s+hành\s+chính|\bcchc\b|\bpar\s+index\b"),
}
_COMPONENT_INDEX = {"it": "ict", "dti": "dti", "par": "par"}  # components.csv `index`


def index_in(text: str | None) -> str | None:
    """The index a caption or title names first, or None."""
    if not text:
        return None
    folded = fold(text)
    found = [(m.start(), name) for name, p in _PATTERNS.items() if (m := p.search(folded))]
    return min(found)[1] if found else None


def index_of_components(table: Table, labels: tuple[ComponentLabel, ...]) -> str | None:
    """The index most of the table's recognised component keys belong to."""
    by_key = {label.key: label.index for label in labels}
    votes: dict[str, int] = {}
    for column in table.components():
        index = _COMPONENT_INDEX.get(by_key.get(column.key or "", ""))
        if index:
            votes[index] = votes.get(index, 0) + 1
    return max(sorted(votes), key=votes.__getitem__) if votes else None


def table_index(
    table: Table, metadata: Metadata, labels: tuple[ComponentLabel, ...] | None = None
) -> str:
    """ict | egov | dti | par | other for one table of a decision.

    ``labels``: the registry's component labels (read from components.csv when not given).
    """
    found = index_in(table.section) or index_in(metadata.title)
    if found or not table.components():
        return found or "other"
    labels = tuple(read_components()) if labels is None else labels
    return index_of_components(table, labels) or "other"

"""Fixed generator seeds (samples/randomdoc/), each with the layout it is drawn in.

``REGRESSION_SEEDS`` are read perfectly today and must stay so (tests/test_generated.py).
``TARGET_SEEDS`` are not read yet — the table reader is being rebuilt to infer column roles
from the numbers (issue 15) — and are run by ``scripts/eval_generated.py --list target``; a
target seed moves to the regression list once it passes. A fresh seed that fails in CI is
added here with its layout. A pair (seed, layout) always draws the same file.
"""

from __future__ import annotations

REGRESSION_SEEDS: list[tuple[int, str]] = [
    (86, "docx"),  # planted sum_mismatch, scaled total, groups I/II, sorted by name
    (220, "docx"),  # planted sum_mismatch, two-level header
    (316, "docx"),  # planted rank_mismatch, rank only
    (429, "docx"),  # mean rule, two-level header, "Điểm tối đa" row
    (492, "docx"),  # groups, two-level header
    (55, "html"),  # planted sum_mismatch, stated weights in Điều 1
    (267, "html"),  # planted rank_mismatch, two-level header
    (274, "html"),  # planted sum_mismatch, unstated weights, maxima row
    (380, "html"),  # planted band_mismatch, sorted by name
    (419, "html"),  # group headings, maxima row
    (455, "html"),  # planted sum_mismatch, total before its components
    (66, "text:cells_blank"),  # scaled total
    (498, "text:cells_blank"),  # total before its components
    (59, "text:cells_tight"),  # last row cut, sorted by name
    (293, "text:cells_tight"),  # two captioned tables, one per year
    (195, "text:spaced"),  # sorted by name, no rank
    (100, "text:pipe"),  # planted sum_mismatch
    (142, "text:pipe"),  # planted over_max
    (172, "text:pipe"),  # unstated weights, groups, rank as the first column
    (399, "text:pipe"),  # planted sum_mismatch, scaled, two years
    (415, "text:pipe"),  # planted band_mismatch against stated thresholds
    (21, "text:pipe_rule"),  # planted sum_mismatch, maxima row
    (356, "text:pipe_rule"),  # planted sum_mismatch, mean, two years
    (450, "text:pipe_rule"),  # planted over_max, mean
    (475, "text:pipe_rule"),  # scaled, two years, two-level header
    (75, "text:tabs"),  # planted rank_mismatch, weighted, rank first
    (187, "text:tabs"),  # last row cut, scaled
    (446, "text:tabs"),  # groups, two years, a unit with no values
    (453, "text:tabs"),  # mean, groups, two-level header
    (1, "pdf"),  # components by sum, a band column (LibreOffice PDF of the HTML page)
    (12, "pdf"),  # planted rank_mismatch (PDF of the DOCX)
]

# Not read today; what each shows (scripts/eval_generated.py --list target).
TARGET_SEEDS: list[tuple[int, str]] = [
    (0, "text:spaced"),  # rows on one line, single spaces: no table found
    (2, "text:runon"),  # a whole table on one line: no table found
    (4, "text:stacked"),  # "Name 1" then "(0,9291)": no table found
    (10, "text:cells_blank"),  # one cell per line: no table found
    (12, "text:cells_tight"),  # one cell per line, planted flag lost with the table
    (52, "docx"),  # rank only under unknown wording: no table found
    (65, "html"),  # no header at all: no table found
    (377, "docx"),  # no header at all: no table found
    (78, "html"),  # rank and score in one cell, 63 provinces: no table found
    (3, "docx"),  # "01 (0,9565)" read as a total of 1: silent
    (5, "text:tabs"),  # a rank column under unknown wording read as the total
    (1, "text:spaced"),  # columns shifted: components in wrong roles, silent
    (202, "docx"),  # total label "Điểm ĐTXHH" unknown: read as a component, silent
    (115, "docx"),  # per-row maximum and percentage columns read as components
    (80, "text:tabs"),  # per-row maximum and percentage, two years
    (143, "html"),  # group headings, sorted by name: roles shifted, silent
    (74, "text:pipe"),  # top ten, then the publisher's own national rank: false rank_mismatch
    (319, "text:pipe"),  # two captioned years joined into one table: false rank_mismatch
    (185, "text:pipe_rule"),  # last row cut inside a pipe row: the row is lost
    (57, "text:pipe_rule"),  # planted sum_mismatch under 12 unstated weights: not flagged
    (439, "text:tabs"),  # metadata: "THÀNH PHỐ HẢI PHÒNG" read as the province "Hải"
    (28, "text:tabs"),  # metadata: province only in a title in capitals (district issuer)
    (382, "html"),  # components "Chỉ số thành phần N": the first read as the total, silent
    (346, "text:tabs"),  # two years of 63 provinces joined: 42 false rank_mismatch
    (6, "pdf"),  # PDF of HTML: "UBND huyện Côn Đảo" wrapped in its cell read as "UBND", silent
]

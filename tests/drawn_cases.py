"""Seeds of samples/make_drawn.py kept as cases: those that pass today, and the targets.

``PASSING`` seeds are run by pytest (tests/test_drawn_scans.py): they pass now and must keep
passing; they are a few small pages, since OCR is the slow part of the suite. ``TARGETS`` are
seeds that show a reader failure not fixed yet (issue 16 §1–4), each with what it showed when
it was kept; a failing fresh seed from CI (``make scan-seed``) joins them. ``python
scripts/eval_scans.py --targets`` runs them; a target that passes moves to ``PASSING``.
"""

from __future__ import annotations

PASSING: tuple[tuple[int, str], ...] = (  # (seed, kind)
    (2017, "200dpi"),  # 150 dpi colour, Chromium, show-through, planted sum_mismatch
    (2026, "200dpi"),  # drawn directly, page 1 turned 270°, seal and pen over cells
    (2001, "300dpi"),  # unruled, handwritten number and date, planted duplicate_entry
    (2006, "photo"),  # page 2 upside down (112 silent values before the photo's page was found)
    (2009, "photo"),  # Chromium, header repeated (96 silent values before its curl was undone)
    (2012, "photo"),  # curl and a deep shadow (failed, NoRankingTable: half the page was cut)
    (2018, "photo"),  # page 2 upside down, seal over cells (failed, NoRankingTable)
    (886771568, "photo"),  # CI: shadow and curl (failed); two-level header's values flagged
    (527076071, "photo"),  # CI: 4 error flags on a clean page (a fitted 'sum × 4/23' vouched)
    (9105, "300dpi"),  # unruled: a speck between STT and name made the name the STT (16 silent)
    (771341016, "300dpi"),  # CI: two rows' cells shifted, 6 silent values, "Xãhội số"
    (9742, "200dpi"),  # 3 rows on page 1 ranked "1, 1, 3": the rank read as a component
)
TARGETS: tuple[tuple[int, str, str], ...] = (  # (seed, kind, the failure it showed)
    (2000, "photo", "unruled LibreOffice page: 2 unreadable_value errors on a clean document"),
    (2003, "photo", "96 wrong values without a flag; planted rank_mismatch not found"),
    (2015, "photo", "unruled: 119 silent values, 8 error flags (passes since the photo fixes)"),
    (2021, "photo", "failed, NoRankingTable; planted rank_mismatch not found"),
    (2024, "photo", "LibreOffice: row 14 lost without a flag (24 silent values)"),
    (2027, "photo", "28 wrong values without a flag, 8 error flags"),
    (2004, "300dpi", "rank header 'Thứ bậc' read as a 5th component: rank lost, silent"),
    (2010, "300dpi", "show-through: 2 unreadable_value errors on a clean document"),
    (2016, "300dpi", "3 colour pages at 250 dpi: worker died (SIGSEGV) at the memory limit"),
    (2019, "300dpi", "JPEG pages, show-through, seal over cells: 21 error flags, clean"),
    (2022, "300dpi", "1-bit photocopy: 35 silent values, planted sum_mismatch not found"),
    (2025, "300dpi", "rank header 'Thứ bậc' read as a component; 12 error flags, clean"),
    (2028, "300dpi", "unruled 1-bit photocopy: 7 silent values, 20 error flags"),
    (2014, "200dpi", "unruled fax with show-through: 35 silent values, 31 error flags"),
    (2020, "200dpi", "three pages, header repeated: 12 rank_mismatch errors on a clean document"),
    (2029, "200dpi", "unruled fax, page 2 upside down: failed, NoRankingTable"),
    (886090713, "300dpi", "CI: 4 % of cells, all flagged (no silent); labels lost, planted rank"),
    (739403145, "300dpi", "CI: 49 % of cells, all flagged (no silent); 1 of 5 labels"),
    (3001, "200dpi", "unruled, drawn directly, JPEG pages: failed, NoRankingTable"),
    (3015, "300dpi", "unruled, 250 dpi colour JPEG: failed, NoRankingTable"),
    (3019, "200dpi", "unruled, rank header 'Thứ bậc': failed, NoRankingTable"),
    (3025, "200dpi", "unruled Chromium page at 150 dpi: failed, NoRankingTable"),
    (465764934, "300dpi", "CI: header merged into the rows, names empty, 114 silent values"),
    (410293532, "photo", "CI: 42% of cells, 3 silent values, planted sum_mismatch missed"),
    (858283298, "photo", "CI: 75 % of cells, 0 silent; labels 2/4, 'Quảnlý Ban' name order"),
    (238385829, "300dpi", "CI: 91 % of cells, 0 silent; names 8/11, labels 1/6 garbled"),
    (626403877, "200dpi", "CI: 36 % of cells, 0 silent; names 8/17, labels 0/6, duplicate missed"),
    (
        13384777,
        "200dpi",
        "CI: 44 % of cells, 0 silent; names 15/15, labels 1/4 (100 % of cells since"
        " a part in step with the total is no percentage when the parts add up)",
    ),
    (
        9101,
        "photo",
        "curl and seal over cells: STT column lost, row 7 named 'tế' (8 silent until the scorer"
        " paired it by its figures); planted sum_mismatch row 5 missed",
    ),
    (9107, "200dpi", "ruled fax with faded rules: 6/95 cells, number columns read as 'other'"),
    (9100, "200dpi", "fax drawn directly: header garbled, 27/182 cells"),
    (
        9103,
        "200dpi",
        "seal's ring cuts a stray column: page 2 (no header) not joined, its width one less",
    ),
    (9740, "200dpi", "unruled, 2 pages: page 2's two rows no table (table_not_read), 35/58"),
    (9743, "200dpi", "ruled fax whose inner rules faded: names and numbers in one cell, 22/149"),
    (
        9752,
        "300dpi",
        "unruled LibreOffice, numbers wrapped in narrow columns ('66.0' over '5'): the lone"
        " digit lines not read, 4 silent values confirmed by rounding or alike twice, 104/253",
    ),
    (9751, "300dpi", "STT 1..9 in the total's order read as the rank: planted duplicate missed"),
    (432417508, "200dpi", "CI: 96 % of cells, 0 silent; names 20/20, labels 3/6 garbled"),
    (352489047, "300dpi", "CI: 62/64 cells (96.9 %), 0 silent; names 8/8, labels 5/5"),
    (469095794, "photo", "CI: 90/90 cells, 0 silent; labels 3/4 ('Cống thông tin điện tử')"),
    (983674551, "300dpi", "CI: 56/137 cells, 0 silent; letterhead read as labels, names lost"),
    (261552493, "200dpi", "CI: 181/182 cells, 0 silent; names 24/26, labels 0/5 read"),
    (321906368, "photo", "CI: 98/126 cells (77.8 %), 0 silent, 0 false flags; names, labels all"),
    (718257399, "300dpi", "CI: 62/64 cells (96.9 %), 0 silent, 0 false flags; names, labels all"),
    (
        9800,
        "200dpi",
        "unruled 150 dpi colour PDF, page 2 headless: rows 10 and 11 read as one ('6,46,1'), the"
        " row cut into two grids; flagged, but row 10 cannot be paired: 8 silent, 66/125",
    ),
    (9815, "300dpi", "unruled grey 300 dpi: row 7 read twice, 6 rank_mismatch errors, clean"),
    (240139032, "300dpi", "CI: 39/63 cells (61.9 %), 0 silent, 0 false flags; names 5/9"),
    (
        9926,
        "300dpi",
        "unruled DejaVu Sans 14 pt, names wrapped a word a line, header repeated: no table on"
        " page 1 (19/140, names 4/19) until runs allowed wrapped names (63/140, names all);"
        " page 2's rows lose their STT column",
    ),
    (9925, "300dpi", "1-bit LibreOffice photocopy, group header: table 1's roles wrong, 53/89"),
    (9924, "photo", "ruled LibreOffice, group header, page 1 upside down: 60/117, labels 0/6"),
    (388391551, "200dpi", "CI: 111/126 cells (88.1 %), 0 silent, 0 false flags; labels 0/4"),
    (
        9933,
        "photo",
        "unruled, page 1 upside down with a deep curl: its STT column read as three, the first"
        " STTs in the name cells; page 2's rows cut in two: 50/212 cells, all flagged",
    ),
)

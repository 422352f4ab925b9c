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
    (0, "text:spaced"),  # was a target: rows on one line, single spaces
    (2, "text:runon"),  # was a target: a whole table on one line
    (4, "text:stacked"),  # was a target: "Name 1" then "(0,9291)"
    (12, "text:cells_tight"),  # was a target: one cell per line, planted flag lost with the table
    (52, "docx"),  # was a target: rank only under unknown wording
    (377, "docx"),  # was a target: no header at all
    (78, "html"),  # was a target: rank and score in one cell, 63 provinces
    (3, "docx"),  # was a target: "01 (0,9565)" read as a total of 1
    (5, "text:tabs"),  # was a target: a rank column under unknown wording read as the total
    (202, "docx"),  # was a target: total label "Điểm ĐTXHH" unknown
    (115, "docx"),  # was a target: per-row maximum and percentage columns read as components
    (80, "text:tabs"),  # was a target: per-row maximum and percentage, two years
    (143, "html"),  # was a target: group headings, sorted by name
    (74, "text:pipe"),  # was a target: top ten, then the publisher's own national rank
    (319, "text:pipe"),  # was a target: two captioned years joined into one table
    (382, "html"),  # was a target: components "Chỉ số thành phần N"
    (346, "text:tabs"),  # was a target: two years of 63 provinces joined
    (9100163, "text:runon"),  # fresh seed: the text ends in a numbered row (crashed)
    (9100102, "text:spaced"),  # fresh seed: "Năm 2017" between two years' rankings
    (9100105, "text:cells_tight"),  # fresh seed: "Điều 2." after the last record
    (9100059, "text:stacked"),  # fresh seed: rank and score on two lines, two years
    (9100181, "text:cells_tight"),  # fresh seed: tied ranks after the names, no STT
    (9100198, "text:runon"),  # fresh seed: the run-together row cut at its line's end
    (9300066, "text:runon"),  # fresh seed: "Kết quả năm 2022" between two run-together years
    (9300207, "text:runon"),  # fresh seed: a header run into the first name on one line
    (9500277, "text:spaced"),  # fresh seed: the band between the name and the scores
    (9100174, "text:cells_tight"),  # fresh seed: ranked by the percentage; a planted rank 11
    (9400062, "text:cells_blank"),  # fresh seed: one cell per line, the rank after the name
    (1796562025, "html"),  # CI's fresh seed: a planted top-ten rank blamed on its neighbour
    (9700005, "text:spaced"),  # fresh seed: labels with maxima on the line above the rows
    (9700011, "text:spaced"),  # fresh seed: a cut last row placed by where its numbers stand
    (9700089, "text:cells_blank"),  # fresh seed: each label's "(7)" under it, read as records
    (9700066, "text:cells_blank"),  # fresh seed: a row's band taken as the next row's first cell
    (9700022, "text:cells_tight"),  # fresh seed: a two-level header read in one level, shifted
    (9700129, "text:runon"),  # fresh seed: a top ten, then the publisher's own row (rank 22)
    (9700029, "text:runon"),  # fresh seed: records run together, the total by a stated formula
    (9700093, "text:stacked"),  # fresh seed: a group heading "I" / "Khối …" read as header cells
    (9800109, "text:tabs"),  # fresh seed: score, per-row maximum, "Tỷ lệ đạt" share, its rank
    (9800147, "text:cells_tight"),  # fresh seed: "#" over the STT dropped, the caption taken
    (9800088, "text:cells_blank"),  # fresh seed: the caption above a header read as its first cell
    (9800064, "pdf"),  # fresh seed: a name cut by the page break ("… Thể thao và" / "Du lịch")
    (9800013, "pdf"),  # fresh seed: a name cut by the page break, the table continued headless
    (9800060, "text:tabs"),  # fresh seed: a rank-only list under "Xêp hạng" (a mark typed wrong)
    (9800033, "text:runon"),  # fresh seed: two years, each run together on its own line
    (9900094, "text:spaced"),  # fresh seed: "Điều 1. … năm 2022 …" read as records
    (9600274, "text:cells_tight"),  # fresh seed: groups ranked apart, heading on the name line
    (9950157, "text:runon"),  # fresh seed: "Địa phương Xếp hạng (điểm)" run into the first name
    (9990295, "pdf"),  # fresh seed: percentage and per-row maximum told apart by the row order
    (1796570880, "text:cells_blank"),  # CI: the last unit printed with its number, no values
    (9300067, "html"),  # fresh seed: a rank-only list under "Rank", a word no role is known by
    (9300041, "text:runon"),  # fresh seed: group headings run into the names, ranks restarting
    (9300039, "text:cells_tight"),  # fresh seed: labels wrapped with "(100)" read as six units
    (185, "text:pipe_rule"),  # was a target: last row cut inside a pipe row, the row lost
    (9300051, "text:pipe"),  # fresh seed: the same, the text ending in "| 16 | Sở Văn hóa …"
    (1, "text:spaced"),  # was a target: columns shifted, components in wrong roles
    (9300097, "text:runon"),  # fresh seed: lettered group headings "A Khối …" run into the names
    (9300052, "text:spaced"),  # fresh seed: the text ends in the last row's name, no values
    (9300091, "text:tabs"),  # fresh seed: the last unit printed without values, "UBND huyện …"
    (9250065, "text:runon"),  # fresh seed: bands beside thirteen scores no rule ties together
    (9250030, "text:cells_blank"),  # fresh seed: a planted rank broke the count, rows shifted
    (9250028, "text:cells_tight"),  # fresh seed: labels with maxima "(8,37)" read as three units
    (9250006, "text:cells_blank"),  # fresh seed: the same, and the planted flag then missed
    (9250082, "text:cells_blank"),  # fresh seed: a weighted total no rule found; the bands tell
    (9250014, "text:spaced"),  # fresh seed: the last unit numbered on, printed without values
    (65, "html"),  # was a target: no header at all
    (439, "text:tabs"),  # was a target: "THÀNH PHỐ HẢI PHÒNG" read as the province "Hải"
    (28, "text:tabs"),  # was a target: province only in a title in capitals (district issuer)
    (6, "pdf"),  # was a target (a name wrapped in its cell); 13 columns now print landscape
    (9990085, "pdf"),  # was a target: a row the page break cut ("Xã Nghĩa" / "Lạc")
    (9800110, "pdf"),  # fresh seed: "Phan Rang-" / "Tháp Chàm", pdfium's line-end hyphen
    (9420110, "pdf"),  # fresh seed: a table's first row alone at the foot of page 1
    (9440002, "pdf"),  # fresh seed: the signer's name alone on the last page, not OCR
    (9440056, "pdf"),  # fresh seed: 16 columns from HTML on landscape (the total was cut off)
    (9420064, "pdf"),  # fresh seed: province wrapped "thành phố Đà" / "Nẵng"
    (9420043, "text:cells_tight"),  # fresh seed: issuer "… THÀNH PHỐ HẢI PHÒNG"
    (9420023, "text:cells_blank"),  # fresh seed: the last of ten departments ranked 12th
    (9420095, "text:pipe_rule"),  # fresh seed: a top ten's 10th ranked 12th, then the own 62nd
    (9420140, "text:runon"),  # fresh seed: 8 fitted weights in twentieths, not 45/868 …
    (9420195, "text:tabs"),  # fresh seed: a 5-row group scored by its sibling group's weights
    (9430043, "text:runon"),  # fresh seed: the mean, not 1/7 … 13/92 taking the planted row in
    (9430120, "text:stacked"),  # fresh seed: ranks 1, 2, 3, 3 … 10, the last printed 13th
    (9700113, "text:stacked"),  # fresh seed: a last unit without values, then the next caption
    (1796562606, "html"),  # was a target: no header, a count that is the total's ranking
    (9990270, "text:cells_blank"),  # was a target: the same under a header no reading splits
    (9700081, "text:cells_blank"),  # fresh seed: the same under "Hạng" / "năm" read shifted
    (9710131, "text:stacked"),  # fresh seed: "Hạng (điểm số)" alone on its line names no STT
    (9710056, "text:runon"),  # fresh seed: "STT Đơn vị …" run into the records, not the caption
    (9710006, "text:tabs"),  # fresh seed: total first, 10 unstated weights, "Giá trị chỉ số" named
    (9710111, "text:cells_blank"),  # fresh seed: "Thành phố Cần Thơ" under the header lines
    (9720139, "text:cells_tight"),  # fresh seed: "Số TT" atop a header one cell per line
    (9720109, "text:stacked"),  # fresh seed: the same, "Sô TT" with its mark mistyped
    (1796581339, "text:stacked"),  # was a target (CI): the same
    (9720118, "text:cells_tight"),  # fresh seed: "Điểm tối đa" / "100" closing the header
    (9720011, "text:runon"),  # fresh seed: ranks 01 02 03 02 05 06 in a run-on line of six
    (9720056, "text:runon"),  # fresh seed: a band flag on an unnumbered row, tied by its entry
    (9730130, "text:cells_blank"),  # fresh seed: "Xêp hạng" opening two cell-per-line tables
    (9710148, "text:stacked"),  # fresh seed: "63" / "Cà Mau", a last unit without values
    (10, "text:cells_blank"),  # was a target: the same, one cell per line
    (9710032, "docx"),  # fresh seed: ten "Chỉ số thành phần" and "Total" all named totals, a Max
    (1796572151, "text:cells_tight"),  # was a target (CI): the maxima's over_max
    (9600093, "text:spaced"),  # was a target: two years of a rank-only list, the same units
    (9740184, "text:spaced"),  # was a target: a last unit without values or number, a caption
    (9750115, "text:cells_tight"),  # fresh seed: two years one cell per line, the same units
    (9750007, "text:cells_blank"),  # fresh seed: a unit alone after the last record
    (9750048, "text:runon"),  # fresh seed: "Đơn vị Thứ hạng Hà Giang 1 …", the header in the name
    (9750060, "text:runon"),  # fresh seed: the same, "Province Hạng năm TP. Cần Thơ 1 …"
    (9730032, "text:runon"),  # fresh seed: the same, "Địa phương Hạng UBND huyện …"
    (9750070, "text:cells_tight"),  # fresh seed: a maxima row under a header above the records
    (57, "text:pipe_rule"),  # was a target: no sum planted where 12 weights unstated over 9 rows
    (9760003, "text:spaced"),  # fresh seed: "Stt Tên đơn vị Điểm đạt (100)" one space apart
    (9760007, "text:cells_tight"),  # fresh seed: "Tên đơn vị" read over the row numbers
    (9760073, "text:spaced"),  # fresh seed: "# Địa phương Hạ tầng số (100) …", its "#" as markup
    (9760112, "text:spaced"),  # fresh seed: "No. UBND cấp huyện Dữ liệu số (100) …", a long line
    (9760012, "pdf"),  # fresh seed: the header alone at page 1's foot, every row on page 2
    (9770035, "text:runon"),  # fresh seed: "Xếp hạng Tên tỉnh 1 Nghệ An 2 …", rank first
    (9770050, "text:runon"),  # fresh seed: "Đơn vị Xếp hạng (điểm) Sở Xây dựng 1 (0.596) …"
    (9770075, "text:pipe_rule"),  # fresh seed: a column of 1s (each row's maximum), the rank last
    (9770033, "docx"),  # fresh seed: the same in a DOCX
    (9780073, "text:cells_tight"),  # fresh seed: a header naming a "Thang điểm" column
    (9150003, "text:cells_blank"),  # was a target: a rank-only list with no header
    (9790050, "text:runon"),  # fresh seed: "Commune Kết quả Xã Lam Sơn 01 (91,8) …"
    (9760020, "text:cells_tight"),  # was a target: "Mục" / "1 (1)", a label wrapped
    (9780019, "text:cells_tight"),  # was a target: the last row cut, the rank after it
    (9780055, "text:spaced"),  # was a target: a year caption and a maxima header as records
    (9780056, "text:runon"),  # was a target: "62 Tỉnh Bắc Kạn Tỉnh Cà Mau", a cut unit glued on
    (9780090, "text:cells_tight"),  # was a target: ranks 1, 2, 1 (misprinted), 4, 4, 6, 7
    (9780095, "text:cells_tight"),  # was a target: "Điểm đạt" / "(1)" over the records
    (9790051, "text:runon"),  # was a target: a false unreadable_value
    (9800007, "text:runon"),  # fresh seed: the last row cut after its band, "… Môi trường Yếu"
    (9800034, "text:cells_tight"),  # fresh seed: a header read no further names "Số TT" only
    (9800087, "text:runon"),  # fresh seed: "… (11) Xêp hạng Lào Cai 95,88 …", a label glued
    (9770034, "text:runon"),  # was a target: "Sở, ban, ngành Vị trí (giá trị) Sở Lao động …"
    (9790009, "text:cells_blank"),  # was a target: "No." over the row numbers, 6 fitted weights
    (9820000, "text:cells_blank"),  # fresh seed: maxima alone under an unread header; a cut unit
    (9820044, "text:runon"),  # fresh seed: a cut last name and the next caption are no wrap
    (9820046, "text:cells_blank"),  # fresh seed: "I" / "Khối sở, ban, ngành" under the header
    (9820060, "text:runon"),  # fresh seed: the same cut last name before the next year's caption
    (9820097, "text:cells_blank"),  # fresh seed: two-level readings, one with a rank under "(17)"
    (9830047, "text:cells_blank"),  # fresh seed: "Xêp" / "hạng" over the first name, last row cut
    (9830057, "text:spaced"),  # fresh seed: "Điểm tối đa 100 …" under labels no reading holds
    (9830070, "docx"),  # fresh seed: a band out of order with the other section's
    (9830080, "text:tabs"),  # fresh seed: the same in tab-separated text
    (7021, "text:cells_blank"),  # fresh seed: "Lĩnh vực" / "2 (100)", a label's number wrapped
    (7107, "text:spaced"),  # fresh seed: "Sở Văn hóa, Thể thao …" first, no header glued on
    (9830075, "text:cells_blank"),  # was a target: "Sở Lao động - Thương binh …" kept whole
    (9830085, "text:runon"),  # was a target: "… Tổng điểm (100) XH Công an tỉnh 8.821 …"
    (7026, "text:runon"),  # fresh seed: "HUYỆN KBANG" printed "KBang" in the text
    (9840071, "pdf"),  # fresh seed: "ĐẮK R'LẤP" printed "Đắk R'Lấp" in the title
    (9850152, "text:cells_tight"),  # fresh seed: "Xếp hạng" under "Tổng điểm" / "đạt được"
    (9850251, "text:cells_blank"),  # fresh seed: the header's "(100)" taken for row 1's value
    (9850078, "text:cells_tight"),  # fresh seed (500-seed run): read after this round's fixes
    (9850352, "text:stacked"),  # fresh seed (500-seed run): read after this round's fixes
    (9850372, "docx"),  # fresh seed (500-seed run): an issuer spelled as the text prints it
    (9850062, "text:spaced"),  # was a target: "II Khối huyện …", a heading with no stop, TT kept
    (9850272, "text:spaced"),  # 500-seed run: "STT Địa phương Total" over "Điểm tối đa 100"
    (9850370, "text:spaced"),  # 500-seed run: "Số thứ tự …" over a second line no split reads
    (9850412, "text:spaced"),  # 500-seed run: labels with "(19)" on one long line, a heading below
    (9850465, "text:spaced"),  # 500-seed run: "Điểm tối đa 1 1 …" under "TC1 … TC9" one apart
    (9850255, "text:stacked"),  # 500-seed run: a ministry's last rank beyond the rows is wrong
    (9850109, "text:stacked"),  # was a target: the same, a planted rank_mismatch on the last row
    (7032, "text:tabs"),  # was a target: the same (22 after 19 in a ministry's ranking)
    (9850478, "text:runon"),  # was a target: "… Điểm số Điểm tối đa 0,1 …": a label, then maxima
    (9850278, "text:cells_blank"),  # 500-seed run: a last unit with no values, then "Điều 2."
    (9850486, "text:cells_blank"),  # 500-seed run: "Thành phố Hồ Chí Minh" on its own line, whole
    (7024, "text:spaced"),  # was a target: "Điểm xếp mục" outside "Tiêu chí số 1" … "số 8"
    (9840051, "text:runon"),  # was a target: 5 weights over 7 rows, the next year's rows tell
    (9840089, "text:cells_blank"),  # was a target: "Total" outside "Pillar 1" … "Pillar 12"
    (9850024, "text:spaced"),  # was a target: read since the one-line header's maxima
    (9850225, "text:runon"),  # was a target: 10 weights, two years under one header
    (9860163, "text:cells_blank"),  # fresh 500-seed run: "Hạng" over the STT and the rank
    (9860204, "text:runon"),  # fresh 500-seed run: "(Chỉ số) Sở Nông nghiệp và Phát triển …"
    (9860206, "text:runon"),  # fresh 500-seed run: the same, the first name after "(điểm)"
    (9860327, "text:pipe"),  # fresh 500-seed run: "32,0" cut after the score over 100 = its %
    (9860299, "text:runon"),  # fresh 500-seed run: a two-level header run on, its maxima read
    (9860396, "text:cells_blank"),  # fresh 500-seed run: "Tông điểm" outside "Chỉ số … N"
    (9860496, "text:cells_blank"),  # fresh 500-seed run: "Ranking" / "Địa phương", ranks first
    (9870305, "text:cells_tight"),  # fresh run 9870000+: "Điểm tối đa" / "1" under the header
    (9870223, "text:spaced"),  # fresh run 9870000+: "08 Xã Trung Bình", no band column
    (9870025, "text:cells_blank"),  # was a target: two-level header, one cell per line, no maxima
    (9870470, "text:cells_blank"),  # was a target: group mark "I" under the header read as a label
    (9880147, "text:spaced"),  # was a target: "TT Province Điểm tổng hợp Level", no maximum
    (9880457, "text:cells_tight"),  # was a target: a last unit's number before it
    (9890002, "text:cells_blank"),  # was a target: 9 unstated weights, 8 rows (now stated)
    (9890448, "text:cells_tight"),  # was a target: stated formula settles a total in doubt
    (73100078, "text:cells_blank"),  # helper's fresh seed: "Vị / trí / Tỉnh, TP" as a unit
    (73100098, "text:spaced"),  # was a target: maxima line under long label lines
    (9900440, "text:cells_blank"),  # was a target: "Cơ" / "quan" / "XH" over the first name
    (9910444, "text:cells_blank"),  # fresh 9910000+: rank before the total, a maxima row
    (9880036, "text:spaced"),  # was a target: components shifted by a rank read before names
    (9870248, "text:cells_tight"),  # was a target: rank last read as the next record's number
    (9870446, "text:cells_blank"),  # was a target: total first, rank last: read as the next number
    (9880225, "text:cells_blank"),  # was a target: "11" / a last unit without values
    (9830054, "text:cells_tight"),  # was a target: "Nội dung" / "1" labels, maxima, a cut last row
    (9850220, "text:cells_tight"),  # was a target: two phantom rows
    (9870454, "text:runon"),  # was a target: "Ban" of "Ban Quản lý" taken for a label
    (9880258, "text:cells_tight"),  # was a target: header read as records, 19 phantoms
    (9880382, "pdf"),  # was a target: a planted flag missed
    (9880460, "text:cells_tight"),  # was a target: ranks one off (10 wrong)
    (9890059, "text:cells_blank"),  # was a target: two phantom rows
    (9890098, "pdf"),  # was a target: a planted flag missed
    (73100062, "text:runon"),  # was a target: "Thứ bậc" run into the first name
    (9900030, "text:runon"),  # was a target: the STT read as a rank
    (9900090, "text:cells_tight"),  # was a target: the STT read as a rank
    (9910184, "text:runon"),  # was a target: totals read as components, 4/168
    (9910203, "pdf"),  # was a target: a planted flag missed
    (9910387, "text:runon"),  # was a target: failed: no table found
    (9910410, "text:cells_blank"),  # was a target: components shifted, a flag missed
    (9910472, "text:cells_tight"),  # was a target: the STT read as a rank
    (9910491, "text:runon"),  # was a target: a phantom row, a name missed
    (9920070, "text:cells_tight"),  # was a target: ranks read as a component, a flag missed
    (9920135, "text:cells_blank"),  # was a target: two-level maxima lost, over_max missed
    (9920179, "text:runon"),  # was a target: a planted over_max missed
    (9920238, "pdf"),  # was a target: a planted flag missed
    (9920284, "text:cells_blank"),  # was a target: a planted over_max missed
    (9920362, "text:spaced"),  # was a target: 8 phantom rows, 1 silent
    (9920431, "text:runon"),  # was a target: the STT read as a rank
    (9950030, "html"),  # fresh 9950000+: a stated formula and one misprinted row, no total
    (9950064, "text:spaced"),  # was a target: "Thành phố Hồ" cut as a header under a whole one
    (9870342, "docx"),  # was a target: a planted flag missed
    (9880280, "text:tabs"),  # was a target: components shifted (flagged), a flag missed
    (9890287, "text:cells_tight"),  # was a target: a planted flag missed
    (9900059, "text:stacked"),  # was a target: a phantom row, a name missed
    (9910042, "text:pipe"),  # was a target: a planted flag missed
    (9910498, "text:spaced"),  # was a target: the total read as a component
    (1796632911, "text:spaced"),  # was a target: components and total shifted (flagged)
    (9920096, "pdf"),  # was a target: a false unreadable_value
    (9920335, "text:runon"),  # was a target: a planted flag missed
    (9940321, "text:cells_blank"),  # was a target: a planted flag missed
    (9950440, "text:runon"),  # was a target: a phantom row, a name missed
    (9950468, "text:cells_tight"),  # was a target: a planted flag missed
    (9960162, "pdf"),  # fresh 9960000+: a group heading ending a grid read as a unit
    (9960171, "text:runon"),  # fresh: "TC1" taken apart, the last label on the first name
    (9960229, "html"),  # fresh: four unstated weights over two headless groups of six
    (9960290, "docx"),  # fresh: weights of many components, a planted sum_mismatch missed
    (9960315, "text:runon"),  # fresh: a group heading run in between header and first name
    (9960320, "text:spaced"),  # fresh: the maxima row under a repeated header read as a unit
    (9960401, "text:runon"),  # fresh: a group heading run in, its end on the first name
    (9960441, "text:pipe"),  # fresh: weights of many components, a planted flag missed
    (9970026, "pdf"),  # fresh 9970000+: a number's digits cut by a page break (false flag)
    (9970044, "text:stacked"),  # fresh: "Thành phố Hồ" cut from a long first name as a header
    (9970092, "pdf"),  # fresh: a header grid ending in its maxima row, its rows a grid apart
    (9970137, "text:spaced"),  # fresh 9970000+: a two-line header one space apart, a group
    (9920480, "text:spaced"),  # was a target: a two-line header with a group, over_max missed
    (9920097, "pdf"),  # was a target: 9 false over_max, a column shifted
    (9980128, "text:spaced"),  # fresh 9980000+: maxima placed over the STT, over_max missed
    (9970216, "text:runon"),  # was a target: "Tên xã Hạng Xã An Trung 1 …", a caption above
    (9970359, "text:runon"),  # was a target: "Rank Địa phương 1 Xã …", ranks before names
    (9980216, "text:runon"),  # was a target: a caption above a header run into a first name
    (9980337, "text:cells_blank"),  # was a target: ranks first, two blank lines end a table
    (9990047, "text:runon"),  # was a target: "Địa phương Rank Tỉnh Thừa Thiên Huế 1 …" (1 silent)
    (9890486, "text:runon"),  # was a target: the same, "… Trung ương Hạng Tỉnh Tuyên Quang 1 …"
    (9980240, "text:runon"),  # was a target: "Hạng (điểm số) Thành phố Hồ Chí Minh 1 (0,969) …"
    (9860124, "text:runon"),  # was a target: ranks first, "… B Khối UBND cấp huyện 1 …" run in
    (10000075, "text:spaced"),  # fresh 10000000+: a unit printed alone under rows one space apart
    (10100423, "text:spaced"),  # was a target: the next year's header with "1 (39)" read as a row
    (10100106, "text:spaced"),  # was a target: "Số TT … Tông điểm (100) XH", joined from the left
    (10100285, "text:spaced"),  # was a target: read since round 13
    (9880217, "text:runon"),  # was a target: "… Mù Căng Chải" / "Kết quả năm 2022", no wrap
    (9870030, "text:spaced"),  # was a target: "KẾT QUẢ NĂM 2023" / "Tỉnh thành Ranking", no wrap
    (9870272, "text:runon"),  # was a target: "Pillar 1 Pillar 2 Pillar 3 Tổng điểm Rank Phú Yên"
    (9880115, "pdf"),  # was a target: "Điều 1. …" / "… NĂM 2018 …" / "… từ 90 điểm" as three rows
    (9920458, "pdf"),  # was a target: the same
    (10200026, "text:runon"),  # fresh 10200000+: ranks 1, 2, 3, 4, 3, 6: a misprint, no top list
    (10200063, "text:spaced"),  # fresh 10200000+: a unit without values closing both years
    (10000054, "text:spaced"),  # was a target: "TT" over a two-line header, the STT read as rank
    (9995033, "text:runon"),  # was a target: read since round 13
    (10400478, "text:spaced"),  # fresh 10400000+: "Thứ tự xếp hạng" read "Thứ tự", 63 silent
    (10600226, "text:spaced"),  # fresh 10600000+: "Xã Trung Bình" lost "Trung Bình" to a band
    (10600255, "text:runon"),  # fresh 10600000+: "… UBND tỉnh Kho bạc Nhà nước tỉnh", a phantom
    (10400228, "text:runon"),  # was a target: "Kết quả Tỉnh Quảng Nam 1 (95,72)", a phantom
]

# Not read today; what each shows (scripts/eval_generated.py --list target).
TARGET_SEEDS: list[tuple[int, str]] = [
    (9870195, "pdf"),  # a row missed
    (9890415, "pdf"),  # fresh run 9890000+: the STT read as a rank
    (9900263, "text:spaced"),  # fresh 9900000+: one name missed
    (9940289, "text:runon"),  # fresh 9940000+: the STT read as a rank (flagged)
    (9940389, "pdf"),  # fresh 9940000+: the STT read as a rank (flagged)
    (9950048, "text:cells_tight"),  # fresh 9950000+: five components missed, a false unreadable
    (9950257, "text:runon"),  # fresh 9950000+: a planted flag missed
    (9950377, "text:runon"),  # fresh 9950000+: a last name alone after the records: no table
    (9960022, "pdf"),  # fresh 9960000+: a name broken mid-word ("Nguyê" / "n"), a row cut
    (9960335, "pdf"),  # fresh: the last unit, printed without values, dropped
    (9960379, "pdf"),  # fresh: a wrapped score's second line read as a row of its own
    (9970159, "text:spaced"),  # fresh: a two-line header, its group "… (điểm tối đa)" unjoined
    (9990192, "text:runon"),  # fresh 9990000+: 8/264 cells, flagged; 2 false sum_mismatch
    (9990198, "text:runon"),  # fresh 9990000+: failed, no ranking table (9/80 cells)
    (10000051, "text:runon"),  # fresh 10000000+: a two-level header run on, "C1 (11.8)" lost
    (10000065, "text:cells_tight"),  # fresh 10000000+: two-level labels one per line, shifted
    (10000094, "text:runon"),  # fresh 10000000+: "… Trung ương Ranking Cà Mau 1 …", a phantom
    (10000247, "text:cells_blank"),  # fresh 10000000+: a band flag missed across two groups
    (10400312, "text:runon"),  # fresh 10400000+: failed, no ranking table (2/24 cells)
    (10400327, "text:cells_tight"),  # fresh 10400000+: a planted flag missed
    (10400363, "text:runon"),  # fresh 10400000+: ranks only, "… Vị thứ Cục Thuế tỉnh 1" one name
    (10400404, "text:runon"),  # fresh 10400000+: failed, no ranking table (2/39 cells)
    (10500452, "text:cells_tight"),  # fresh 10500000+: "Thứ" / "tự" over the STT, read as rank
    (10610081, "text:runon"),  # fresh 10610000+: labels run on joined a column off, 6 over_max
    (10610107, "text:runon"),  # fresh 10610000+: ranks only, "Đơn vị Hạng Cục Thống kê tỉnh 01"
    (10610214, "text:runon"),  # fresh 10610000+: ranks only, "Tỉnh/thành phố Rank Bến Tre 01"
    (10620105, "text:spaced"),  # fresh 10620000+: two-level header a column off, 2 false ranges
    (10620478, "text:runon"),  # fresh 10620000+: a phantom row, 3 cells missed
]

"""A numbered list of a ranking inside a news story, one item per line (issue 15).

"  1. DKI Jakarta dengan skor 73,2": an indented list whose rows print their rank, a name
and one score. Above it, lines of prose that a figure opens like a row ("1. Daftar 10
provinsi …", "Berikut rincian 10 provinsi …"), below it prose again; the last item ends its
sentence with a full stop ("39,8."). The prose is no row (it had raised five unreadable-value
errors on a real page) and the last item is one.
"""

from __future__ import annotations

from conftest import tables_of, text_document

from pipeline.metadata import read_metadata
from pipeline.reconcile import reconcile

_ITEMS = [
    ("DKI Jakarta", "73,2"),
    ("Jawa Barat", "58,5"),
    ("Banten", "46,9"),
    ("Jawa Timur", "45,6"),
    ("Bali", "44,9"),
    ("Kalimantan Timur", "44"),
    ("Sumatra Barat", "39,8"),
]
_TEXT = (
    "Peringkat daya saing digital provinsi\n\n"
    "1. Daftar 7 provinsi dengan skor daya saing digital tertinggi\n\n"
    "Berikut rincian 7 provinsi dengan skor tertinggi dalam laporan 2022 yang menggambarkan "
    "2021:\n\n"
    + "".join(
        f"  {n}. {name} dengan skor {score}{'.' if n == len(_ITEMS) else ''}\n"
        for n, (name, score) in enumerate(_ITEMS, 1)
    )
    + "\nDari daftar di atas, Banten naik 1 peringkat dan Bali turun 2 peringkat dari tahun lalu.\n"
)


def test_prose_a_figure_opens_is_no_row_of_the_list_and_the_last_item_is_one() -> None:
    (table,) = tables_of(_TEXT)
    assert [e.total.printed for e in table.entries if e.total] == [s for _, s in _ITEMS]
    assert [e.rank.printed for e in table.entries if e.rank] == [str(n) for n in range(1, 8)]
    assert len(table.entries) == len(_ITEMS)
    flags = reconcile("d", read_metadata(text_document(_TEXT)), (table,))
    assert not [f for f in flags if f.severity == "error"]


def test_a_year_ending_a_numbered_sentence_is_no_value() -> None:
    text = _TEXT + "2. Ketentuan ini berlaku sejak tahun 2023.\n"
    (table,) = tables_of(text)
    assert len(table.entries) == len(_ITEMS)


def test_a_first_and_a_last_row_with_a_note_after_the_score_stay_rows() -> None:
    rows = ["1 Sở Tư pháp 92,5 (cộng điểm thưởng 2)", "2 Sở Nội vụ 90,1", "3 Sở Y tế 88,4"]
    rows += ["4 Sở Xây dựng 85", "5 Sở Tài chính 80,25 (bị trừ điểm vì nộp chậm)"]
    text = "Kết quả như sau:\n\n" + "".join(f"{row}\n" for row in rows) + "\nTrân trọng.\n"
    (table,) = tables_of(text)
    names = ["Sở Tư pháp", "Sở Nội vụ", "Sở Y tế", "Sở Xây dựng", "Sở Tài chính"]
    assert [e.agency_raw for e in table.entries] == names

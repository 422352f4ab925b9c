"""A PDF's ranking given as text one cell per line, its header's labels one per line above
records whose rank stands before the name (issue 15).

"RANK", "STATE", then "1", "Washington", "2", "New Hampshire" …: read from the first label,
every name took the rank of the next one ("STATE" 1, "Washington" 2, …), a whole table of
silent wrong ranks on a real page. The labels are in capitals and no name is, and read
from the first name the ranks before the names count 1, 2, 3 … (or 26, 27 … on the next
page): those are the records. A header in words like the names ("Tên tỉnh", "Xếp hạng")
run into the first name leaves name-then-rank records as they are.
"""

from __future__ import annotations

from conftest import tables_of, text_document

from pipeline.metadata import read_metadata
from pipeline.reconcile import reconcile

_FIRST = [
    "Washington",
    "New Hampshire",
    "Minnesota",
    "Utah",
    "Vermont",
    "Maryland",
    "Virginia",
    "Massachusetts",
    "Nebraska",
    "Colorado",
    "Wisconsin",
    "New Jersey",
]
_SECOND = [
    "Rhode Island",
    "Oregon",
    "Missouri",
    "Montana",
    "Tennessee",
    "Wyoming",
    "Maine",
    "Michigan",
    "Arizona",
    "Illinois",
    "Indiana",
    "Nevada",
]


def _page(names: list[str], first_rank: int) -> str:
    cells = "".join(f"{first_rank + n}\n\n{name}\n\n" for n, name in enumerate(names))
    values = "".join(f"{(7 * n) % 50 + 1}\n\n" for n in range(8 * len(names)))
    return "RANK\n\nSTATE\n\n" + cells + "HEALTH CARE\n\nEDUCATION ECONOMY\n\n" + values


_TEXT = (
    "Best States 2019\n\nRanking Performance Throughout All 50 States\n\n"
    "Copyright 2019 All rights reserved.\n\n1\n\n" + _page(_FIRST, 1) + _page(_SECOND, 13)
)


def test_the_ranks_before_the_names_are_each_name_s_own() -> None:
    tables = tables_of(_TEXT)
    # the count before each name: its rank, or its row number once the block of figures after
    # the names is read as the records' (nothing printed tells the two apart)
    ranked = {
        e.agency_raw: e.rank.printed if e.rank else str(e.number)
        for t in tables
        for e in t.entries
        if e.rank or e.number is not None
    }
    assert "STATE" not in ranked
    expected = {name: str(n) for n, name in enumerate(_FIRST[:-1] + [None] + _SECOND[:-1], 1)}
    expected.pop(None, None)
    assert {name: ranked.get(name) for name in expected} == expected
    metadata = read_metadata(text_document(_TEXT))
    flags = reconcile("d", metadata, tuple(tables))
    assert not [f for f in flags if f.severity == "error"]


_PROVINCES = [
    "Hà Giang",
    "Cao Bằng",
    "Bắc Kạn",
    "Tuyên Quang",
    "Lào Cai",
    "Yên Bái",
    "Thái Nguyên",
    "Lạng Sơn",
    "Bắc Giang",
    "Phú Thọ",
    "Điện Biên",
    "Lai Châu",
]


def test_a_unit_whose_rank_is_blank_between_ranked_rows_keeps_its_place() -> None:
    """Ranks alone, 1 … 12, one left blank (the unit's rank not printed): the ranks below it
    are right where they are; checked as if the blank row held no place, each raised a false
    rank_mismatch ("7 should be 6")."""
    text = "Rank\tTỉnh\n" + "".join(
        f"{n}\t{name}\n" if n != 6 else f"\t{name}\n" for n, name in enumerate(_PROVINCES, 1)
    )
    (table,) = tables_of(text)
    ranks = [e.rank.printed if e.rank else None for e in table.entries]
    assert ranks == [str(n) if n != 6 else None for n in range(1, 13)]
    flags = reconcile("d", read_metadata(text_document(text)), (table,))
    assert not [f for f in flags if f.check == "rank_mismatch"]


def test_a_count_skipping_one_place_over_ten_rows_is_an_ordinal_not_a_score() -> None:
    from decimal import Decimal

    from pipeline.tables.roles.order import steps

    count = [Decimal(n) for n in [*range(1, 25), *range(26, 50)]]
    assert steps(count)
    assert not steps([Decimal(n) for n in (1, 2, 4, 5, 7, 8, 9, 10, 11, 12)])  # two skipped
    assert not steps([Decimal(n) for n in (1, 2, 4, 5)])  # too few rows to tell


def test_name_then_rank_under_a_header_with_a_source_line_after_stays_as_read() -> None:
    """The opposite layout: "Tên tỉnh", "Xếp hạng", then "Hà Nội", "1", … and a source line
    after the table. Read from the second name with the ranks before the names, every
    province would take the rank of the one above (a whole table of silent errors)."""
    names = ["Hà Nội", "Hải Phòng", "Thái Bình", "Nam Định", "Ninh Bình", "Hà Nam", "Hưng Yên"]
    for header in ("Tên tỉnh\n\nXếp hạng\n\n", "TÊN TỈNH\n\nXẾP HẠNG\n\n", ""):
        text = (
            "Bảng xếp hạng năm 2023\n\n"
            + header
            + "".join(f"{name}\n\n{rank}\n\n" for rank, name in enumerate(names, 1))
            + "Nguồn: Bộ Nội vụ công bố năm 2024\n"
        )
        (table,) = tables_of(text)
        ranked = [(e.agency_raw, e.rank.printed) for e in table.entries if e.rank]
        assert ranked[:3] == [("Hà Nội", "1"), ("Hải Phòng", "2"), ("Thái Bình", "3")], header

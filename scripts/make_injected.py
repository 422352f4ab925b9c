"""Write tests/injected/: copies of the seeds with one planted error each.

Each file is named ``<seed>__<check>.txt`` for the flag it must raise; ``expected.csv`` lists
exactly the flags (beyond those of the clean seed) each file must raise. Run: make injected.
"""

from __future__ import annotations

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = {
    "000": ROOT / "samples/000_d536206099149b63.txt",
    "004": ROOT / "samples/004_c6f2763c3845bad7.txt",
}
OUT = ROOT / "tests/injected"

# (seed, check, [(old, new), …], [(check, severity, table_index, row_number), …])
INJECTIONS = [
    ("000", "sum_mismatch", [("5\tSở Nội vụ\t12\t36\t10.5\t12\t7\t14\t91.5", "5\tSở Nội vụ\t12\t36\t10.5\t12\t7\t14\t92.5")],
     [("sum_mismatch", "error", 1, 5)]),
    ("000", "over_max", [("1\tSở Thông tin và Truyền thông\t12\t38\t13\t13\t7\t14\t97", "1\tSở Thông tin và Truyền thông\t13\t38\t13\t13\t7\t14\t98")],
     [("over_max", "error", 1, 1)]),
    ("000", "band_mismatch", [("8\tHuyện Bắc Hà\t3\t29\t12\t9\t6\t7\t8\t74", "8\tHuyện Bắc Hà\t6\t35\t12\t14\t6\t9\t8\t90")],
     [("band_mismatch", "error", 2, 8)]),
    ("000", "band_boundary", [
        ("17\tSở Lao động - TBXH", "<b>MỨC KHÁ</b>\t\t\t\t\t\t\t\t\n17\tSở Lao động - TBXH"),
        ("<b>MỨC KHÁ</b>\t\t\t\t\t\t\t\t\n19\tBan Quản lý", "19\tBan Quản lý"),
    ], [("band_boundary", "warning", 1, 17)]),
    ("000", "duplicate_entry", [("14\tThanh tra tỉnh", "14\tSở Xây dựng")],
     [("duplicate_entry", "warning", 1, 14)]),
    ("000", "unreadable_value", [("\t32.5\t8\t12\t6.5\t10\t81", "\t32.5\t8\t12\t6.S\t10\t81")],
     [("unreadable_value", "error", 1, 17)]),
    ("004", "rank_mismatch", [("2\tSở Y tế\t84.40\t2", "2\tSở Y tế\t84.40\t3"), ("3\tSở Tư pháp\t81.80\t3", "3\tSở Tư pháp\t81.80\t2")],
     [("rank_mismatch", "error", 1, 2), ("rank_mismatch", "error", 1, 3)]),
    ("004", "row_number_gap", [("10\tSở Kế hoạch và Đầu tư", "11\tSở Kế hoạch và Đầu tư")],
     [("row_number_gap", "warning", 1, 11)]),
    ("004", "total_out_of_range", [("1\tSở Tài chính\t85.40\t1", "1\tSở Tài chính\t8540\t1")],
     [("total_out_of_range", "error", 1, 1)]),
]  # fmt: skip


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    expected_rows = []
    for seed, check, edits, expected in INJECTIONS:
        text = SEEDS[seed].read_text(encoding="utf-8")
        for old, new in edits:
            if text.count(old) != 1:
                raise SystemExit(f"{seed}/{check}: {old!r} must occur exactly once")
            text = text.replace(old, new)
        name = f"{SEEDS[seed].stem}__{check}.txt"
        (OUT / name).write_text(text, encoding="utf-8")
        expected_rows += [(name, *flag) for flag in expected]
    with (OUT / "expected.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["file", "check", "severity", "table_index", "row_number"])
        writer.writerows(expected_rows)


if __name__ == "__main__":
    main()

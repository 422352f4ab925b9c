"""What the real scans of ../shared/realscans/ print, read by eye, and how well it is read.

None of these eleven state documents holds a ranking table: each must be catalogued
(``no_table``) with its number, date, issuer, title and signer, never failed and never given a
table. ``TRUTH`` is what a person reads on each scan (handwritten numbers and days included);
``None`` is a field the file does not print (the top of decree-i is cut off but its body says
"Chính phủ ban hành Nghị định"; the last page of decree-j prints only its signature).

Usage:
  python tests/realscans_eval.py            # run the pipeline on the scans, one line per field
  python tests/realscans_eval.py --existing out/   # score a documents.csv written before
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# beside the repository (CI has shared/ there); REALSCANS names another place (a worktree)
REALSCANS = Path(os.environ.get("REALSCANS") or ROOT.parent / "shared" / "realscans")
SCORED = ("decision_number", "decision_date", "issuer", "title")  # the acceptance's fields
FIELDS = (*SCORED, "signer")
BGDDT = "Bộ Giáo dục và Đào tạo"

TRUTH: dict[str, dict[str, str | None]] = {
    "decision-a.pdf": {
        "decision_number": "2576/QĐ-BGDĐT",
        "decision_date": "2025-09-11",
        "issuer": BGDDT,
        "title": "điều chỉnh thời gian thực hiện chương trình khoa học và công nghệ",
        "signer": "Nguyễn Văn Phúc",
    },
    "decision-b.pdf": {
        "decision_number": "2605/QĐ-BGDĐT",
        "decision_date": "2025-09-16",
        "issuer": BGDDT,
        "title": "bổ sung công chức, viên chức làm việc tại Bộ phận Tiếp nhận và Trả kết quả "
        "giải quyết thủ tục hành chính của Bộ Giáo dục và Đào tạo",
        "signer": "Lê Tấn Dũng",
    },
    "decision-c.pdf": {
        "decision_number": "2627/QĐ-BGDĐT",
        "decision_date": "2025-09-17",
        "issuer": BGDDT,
        "title": "Ban hành Chuẩn chương trình đào tạo kỹ sư, thạc sĩ tài năng thuộc các lĩnh "
        "vực STEM",
        "signer": "Nguyễn Văn Phúc",
    },
    "decision-d.pdf": {
        "decision_number": "2646/QĐ-BGDĐT",
        "decision_date": "2025-09-19",
        "issuer": BGDDT,
        "title": "cho phép Trung tâm Kiểm định chất lượng giáo dục Đông A thuộc Công ty TNHH "
        "Thương mại và Phát triển Giáo dục Việt Nam hoạt động kiểm định chất lượng giáo dục",
        "signer": "Phạm Ngọc Thưởng",
    },
    "decision-e.pdf": {
        "decision_number": "2827/QĐ-BGDĐT",
        "decision_date": "2025-10-14",
        "issuer": BGDDT,
        "title": "công bố thủ tục hành chính nội bộ được chuẩn hóa thuộc phạm vi, chức năng quản "
        "lý của Bộ Giáo dục và Đào tạo",
        "signer": "Lê Tấn Dũng",
    },
    "letter-f.png": {
        "decision_number": "6191/BVT-TCKT",
        "decision_date": "2021-09-27",
        "issuer": "Bệnh viện Đa khoa tỉnh Bắc Ninh",
        "title": "Đăng tải thông tin lựa chọn Đơn vị thực hiện tổ chức đấu giá trên trang thông "
        "tin điện tử",
        "signer": "Hạ Bá Chân",
    },
    "gazette-g.pdf": {
        "decision_number": "54/2014/QH13",
        "decision_date": None,  # the law's date is on its last page, not among these three
        "issuer": "Quốc hội",
        "title": "Hải quan",
        "signer": None,
    },
    "letter-h-photo.png": {
        "decision_number": "1113/UBND-LĐTBXH",  # 1113 handwritten
        "decision_date": "2020-04-16",  # 16 handwritten
        "issuer": "Ủy ban nhân dân huyện Tĩnh Gia",
        "title": "tổng hợp xác nhận đối tượng người có công với cách mạng; đối tượng bảo trợ xã "
        "hội và hộ nghèo, hộ cận nghèo được hỗ trợ theo Nghị quyết số 42/NQ-CP ngày 09/4/2020",
        "signer": "Hồ Đình Tùng",
    },
    "decree-i.jpg": {
        "decision_number": "155/2020/NĐ-CP",  # 155 and the day 31 handwritten
        "decision_date": "2020-12-31",
        "issuer": "Chính phủ",
        "title": "Quy định chi tiết thi hành một số điều của Luật Chứng khoán",
        "signer": None,
    },
    "decree-j-first.jpg": {
        "decision_number": "28/2021/NĐ-CP",
        "decision_date": "2021-03-26",
        "issuer": "Chính phủ",
        "title": "Quy định cơ chế quản lý tài chính dự án đầu tư theo phương thức đối tác công tư",
        "signer": None,
    },
    "decree-j-last.jpg": {
        "decision_number": None,
        "decision_date": None,
        "issuer": "Chính phủ",  # "TM. CHÍNH PHỦ" over the signature
        "title": None,
        "signer": "Nguyễn Xuân Phúc",
    },
}


def fold(text: str | None) -> str:
    """How two values are compared: NFC, white space folded, case and end punctuation aside."""
    if not text:
        return ""
    return " ".join(unicodedata.normalize("NFC", text).split()).strip(" .;,").casefold()


@dataclass(frozen=True, slots=True)
class Field:
    file: str
    field: str
    expected: str | None
    got: str | None

    @property
    def right(self) -> bool:
        return fold(self.expected) == fold(self.got)


def run(out_dir: Path) -> int:
    """``decisions extract`` on the scans (not the folder's README); its exit code."""
    files = [str(REALSCANS / name) for name in TRUTH]
    command = [sys.executable, "-m", "pipeline", "extract", *files, "--out", str(out_dir)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 3):
        sys.exit(f"decisions extract failed ({done.returncode}): {done.stderr[-2000:]}")
    return done.returncode


def documents(out_dir: Path) -> dict[str, dict[str, str]]:
    """documents.csv rows by file name."""
    with (out_dir / "documents.csv").open(encoding="utf-8") as handle:
        return {Path(row["source_file"]).name: row for row in csv.DictReader(handle)}


def score(out_dir: Path) -> list[Field]:
    rows = documents(out_dir)
    return [
        Field(name, field, truth[field], (rows.get(name) or {}).get(field) or None)
        for name, truth in TRUTH.items()
        for field in FIELDS
    ]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--existing", type=Path, help="a folder extract wrote before")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="realscans-") as scratch:
        out_dir = args.existing or Path(scratch)
        if args.existing is None:
            run(out_dir)
        fields = score(out_dir)
        statuses = {name: row["status"] for name, row in documents(out_dir).items()}
    for field in fields:
        mark = "ok " if field.right else "BAD"
        print(f"{mark} {field.file:20} {field.field:16} {field.got!r}"
              + ("" if field.right else f"  (printed: {field.expected!r})"))  # fmt: skip
    for name in sorted(statuses):
        print(f"status {name}: {statuses[name]}")
    for group, names in (("number/date/issuer/title", SCORED), ("signer", ("signer",))):
        mine = [f for f in fields if f.field in names]
        right = sum(f.right for f in mine)
        print(f"{group}: {right}/{len(mine)} right ({100 * right / len(mine):.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

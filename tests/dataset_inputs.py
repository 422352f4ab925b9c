"""Inputs for the dataset tests: the samples, and copies of them made for one purpose each."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "samples" / "generated"
LAOCAI = GENERATED / "laocai_2016_cntt.txt"
PHUTHO = GENERATED / "phutho_2025_par.txt"


def edited(source: Path, target: Path, *replacements: tuple[str, str]) -> Path:
    """A copy of ``source`` at ``target`` with each (old, new) replaced; every old must occur."""
    text = source.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, f"{old!r} not in {source.name}"
        text = text.replace(old, new)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def laocai_2017(folder: Path) -> Path:
    """Lào Cai's decision for 2017: new number and date, Sở Tài chính one point higher."""
    return edited(
        LAOCAI,
        folder / "laocai_2017_cntt.txt",
        ("năm 2016", "năm 2017"),
        ("ngày 16 tháng 02 năm 2017", "ngày 20 tháng 02 năm 2018"),
        ("16/02/2017", "20/02/2018"),
        ("512/QĐ-UBND", "630/QĐ-UBND"),
        (
            "2\tSở Tài chính\t12\t37\t12\t13\t7\t14\t95",
            "2\tSở Tài chính\t12\t38\t12\t13\t7\t14\t96",
        ),
    )


def phutho_2024(folder: Path) -> Path:
    """Phú Thọ's decision for 2024, before the merger of July 2025 (same departments)."""
    return edited(
        PHUTHO,
        folder / "phutho_2024_par.txt",
        ("năm 2025", "năm 2024"),
        ("ngày 30 tháng 01 năm 2026", "ngày 20 tháng 01 năm 2025"),
        ("215/QĐ-UBND", "98/QĐ-UBND"),
    )


def copies(sources: list[Path], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(source, folder / source.name)) for source in sources]


SUM_MISMATCH = ROOT / "tests" / "injected" / "000_d536206099149b63__sum_mismatch.txt"
SCRIPT = "<script>document.body.setAttribute('data-pwned','yes')</script>"
FORMULA_NAMES = {  # row → a unit name a spreadsheet would take for a formula
    3: "-Văn phòng UBND tỉnh",
    5: '=HYPERLINK("http://example.com","x")',
    10: "+Sở Công thương",
    11: "@Sở Giáo dục và Đào tạo",
}


def formula_names(folder: Path) -> Path:
    """The seed as a decision of 2015 with a sum_mismatch at STT 5, names starting - = + @."""
    return edited(
        SUM_MISMATCH,
        folder / "formula_names.txt",
        ("512/QĐ-UBND", "99/QĐ-UBND"),
        ("năm 2016", "năm 2015"),
        ("\tVăn phòng UBND tỉnh\t", f"\t{FORMULA_NAMES[3]}\t"),
        ("\tSở Nội vụ\t", f"\t{FORMULA_NAMES[5]}\t"),
        ("\tSở Công thương\t", f"\t{FORMULA_NAMES[10]}\t"),
        ("\tSở Giáo dục và Đào tạo\t", f"\t{FORMULA_NAMES[11]}\t"),
    )


def script_name(folder: Path) -> Path:
    """Lào Cai's HTML page with a unit named by a <script> element (entity-escaped, as a
    legal-document site would print that text)."""
    escaped = SCRIPT.replace("<", "&lt;").replace(">", "&gt;")
    return edited(
        GENERATED / "laocai_2016_cntt.html",
        folder / "laocai_script.html",
        ("Sở Tài chính", escaped),
    )

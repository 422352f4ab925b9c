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

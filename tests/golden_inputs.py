"""Which inputs have golden outputs in tests/golden/ (paths relative to the repo root)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN: list[str] = [
    "samples/000_d536206099149b63.txt",
    "samples/004_c6f2763c3845bad7.txt",
]


def golden_dir(relative: str) -> Path:
    return ROOT / "tests/golden" / Path(relative).name.replace(".", "_")

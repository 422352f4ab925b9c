"""Shared helpers: run the real CLI, read a tiny text decision."""

from __future__ import annotations

import csv
import functools
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline import extract_document as extract
from pipeline.ingest.text import read_text
from pipeline.models import Document, DocumentResult
from pipeline.registry import Registry, load_registry
from pipeline.tables import find_tables

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "samples").glob("0*.txt"))


@functools.cache
def shipped_registry() -> Registry:
    """The shipped registry, loaded once for the whole test session."""
    return load_registry()


def extract_one(path: str | Path) -> DocumentResult:
    """``pipeline.extract`` with the session's registry."""
    return extract(path, shipped_registry())


def run_cli(*args: str, cwd: Path = ROOT) -> tuple[int, str, str]:
    """Run ``decisions ARGS`` in a subprocess; returns (exit_code, stdout, stderr)."""
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return done.returncode, done.stdout, done.stderr


def start_cli(*args: str) -> subprocess.Popen[bytes]:
    """Start ``decisions ARGS`` with one worker in a session of its own (so a test can kill
    its whole group), its output dropped; returns the running process."""
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", *args, "--workers", "1"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def text_document(text: str, name: str = "inline.txt") -> Document:
    """A Document from inline text, as the text reader would make it."""
    return Document("inline", name, "0" * 64, "txt", read_text(text, name))


def printed(value) -> str | None:  # noqa: ANN001 - a Value or None
    """A value as printed, or None for a cell not read."""
    return value.printed if value is not None else None


def tables_of(text: str):  # noqa: ANN201 - tuple[Table, ...]
    return find_tables(text_document(text))


def extract_drawn_page(seed: int, kind: str, page: int, tmp_path: Path) -> Path:
    """Draw a seed of samples/make_drawn.py, take one page's image out of its PDF and run
    ``decisions extract`` on that page alone; the output folder."""
    sys.path.insert(0, str(ROOT / "samples"))
    from drawn import make_seed

    truth = make_seed(seed, tmp_path, kind)
    pdf = str(tmp_path / truth["files"][0])
    number = str(page)
    subprocess.run(["pdfimages", "-j", "-f", number, "-l", number, pdf, str(tmp_path / "page")],
                   check=True)  # fmt: skip
    (image,) = tmp_path.glob("page-*.jpg")
    code, _out, err = run_cli("extract", str(image), "--out", str(tmp_path / "o"))
    assert code == 0, err
    return tmp_path / "o"


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="session")
def seed_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds extracted once into a temporary folder."""
    out = tmp_path_factory.mktemp("seed_out")
    code, _stdout, stderr = run_cli(
        "extract", *[str(p.relative_to(ROOT)) for p in SEEDS], "--out", str(out)
    )
    assert code == 0, stderr
    return out


@pytest.fixture(scope="session", autouse=True)
def block_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The national blocks the tests build are kept in a folder of this session (``match.store``),
    not in the user's cache; subprocesses (the CLI) inherit it."""
    folder = tmp_path_factory.mktemp("block-store")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DECISIONS_CACHE_DIR", str(folder))
        yield folder

"""Bad input files made at test time, from real tools and the repository's real fixtures.

Each maker writes one file into a folder and returns its path. PDFs are edited with pikepdf
(qpdf), the image is a real PNG from Pillow, the ZIP a real archive; nothing is mocked. The
batch tests put them in one folder with good documents and check what each one gives.
"""

from __future__ import annotations

import random
import shutil
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pikepdf
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples/000_d536206099149b63.txt"
OTHER_SEED = ROOT / "samples/004_c6f2763c3845bad7.txt"
PDF = ROOT / "samples/generated/laocai_2016_cntt.pdf"  # 3 pages: tables on pages 2 and 3
HTML = ROOT / "samples/generated/hue_2019_cqdt.html"
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


def empty(folder: Path) -> Path:
    path = folder / "empty.txt"
    path.write_bytes(b"")
    return path


def truncated_pdf(folder: Path) -> Path:
    """The first half of a real PDF, as an interrupted download leaves it."""
    path = folder / "truncated.pdf"
    data = PDF.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def damaged_page_pdf(folder: Path) -> Path:
    """The Lào Cai PDF with page 2's content stream corrupted in the middle (pages 1, 3 whole)."""
    path = folder / "damaged_page.pdf"
    with pikepdf.open(PDF) as pdf:
        contents = pdf.pages[1].obj.Contents
        raw = contents.read_raw_bytes()
        middle = len(raw) // 3
        contents.write(
            raw[:middle] + bytes(range(256)) * 4 + raw[middle:], filter=pikepdf.Name.FlateDecode
        )
        pdf.save(path)
    return path


def encrypted_pdf(folder: Path) -> Path:
    """The Lào Cai PDF saved by qpdf with an open password."""
    path = folder / "encrypted.pdf"
    with pikepdf.open(PDF) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user="secret", owner="owner", R=6))
    return path


def pdf_bomb(folder: Path, inflated_mb: int = 1024) -> Path:
    """The Lào Cai PDF whose page 2 content inflates to ``inflated_mb`` MB (1 MB compressed)."""
    path = folder / "bomb.pdf"
    packer = zlib.compressobj(1)
    block = b" " * (4 << 20)
    parts = [packer.compress(block) for _ in range(inflated_mb // 4)] + [packer.flush()]
    with pikepdf.open(PDF) as pdf:
        pdf.pages[1].obj.Contents.write(b"".join(parts), filter=pikepdf.Name.FlateDecode)
        pdf.save(path)
    return path


def huge_image(folder: Path) -> Path:
    """A real 10,000 × 10,000 PNG (a white page; 120 kB on disk, 100 M pixels)."""
    path = folder / "huge.png"
    Image.new("L", (10_000, 10_000), 255).save(path)
    return path


def zip_named_docx(folder: Path) -> Path:
    path = folder / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("report/readme.txt", "not a Word document")
    return path


def random_bytes_docx(folder: Path) -> Path:
    path = folder / "noise.docx"
    path.write_bytes(random.Random(10).randbytes(4096))
    return path


def to_windows_1258(text: str) -> bytes:
    """Text as Windows-1258 stores it: precomposed base letters, tone marks as combining."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        try:
            out.append(char.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            tones = "".join(c for c in parts if c in _TONES)
            out.append((base + tones).encode("cp1258"))
    return b"".join(out)


def windows_1258_seed(folder: Path) -> Path:
    """The Lào Cai seed re-saved as Windows-1258 (a good decision in a legacy code page)."""
    path = folder / "legacy_1258.txt"
    path.write_bytes(to_windows_1258(SEED.read_text(encoding="utf-8")))
    return path


def latin1_text(folder: Path) -> Path:
    """A Latin-1 note that is no decision: it must decode, then fail as having no table."""
    path = folder / "note_latin1.txt"
    path.write_bytes(
        "Procès-verbal de la réunion: aucune décision, aucun tableau.\n".encode("latin-1")
    )
    return path


def html_named_pdf(folder: Path) -> Path:
    path = folder / "page_from_website.pdf"
    shutil.copy(HTML, path)
    return path


def decision_without_table(folder: Path) -> Path:
    """The Lào Cai seed with every table row removed: a decision with no ranking table."""
    path = folder / "no_table.txt"
    lines = SEED.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if "\t" not in line), encoding="utf-8")
    return path


def not_a_decision(folder: Path) -> Path:
    path = folder / "minutes.md"
    path.write_text(
        "# Biên bản họp\n\nCuộc họp bàn về kế hoạch năm sau. Không có bảng xếp hạng.\n",
        encoding="utf-8",
    )
    return path


def symlink_loop(folder: Path) -> Path:
    path = folder / "loop"
    path.symlink_to(".", target_is_directory=True)
    return path


def unknown_format(folder: Path) -> Path:
    path = folder / "scores.numbers"
    path.write_bytes(b"PK\x03\x04 an Apple Numbers file, not read")
    return path


BAD: dict[str, Callable[[Path], Path]] = {
    "empty": empty,
    "truncated": truncated_pdf,
    "encrypted": encrypted_pdf,
    "pdf bomb": pdf_bomb,
    "huge image": huge_image,
    "zip named .docx": zip_named_docx,
    "random bytes named .docx": random_bytes_docx,
    "latin-1 text": latin1_text,
    "no ranking table": decision_without_table,
    "not a decision": not_a_decision,
    "symlink loop": symlink_loop,
    "unknown format": unknown_format,
}

# Good documents under awkward names: each is a seed copy, so its rows must equal the golden.
AWKWARD_NAMES = ("with spaces.txt", "$(touch pwned).txt", "-leading-dash.txt", "Quyết định số 5.md")

"""A text PDF of the decision: its DOCX or its HTML page converted by LibreOffice headless,
in a private profile (parallel runs do not clash), then pinned to the same bytes every run."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from samples.fixtures.pdf import pin_pdf

SOFFICE_TIMEOUT = 300  # seconds for one conversion on a loaded machine
# HTML is imported into Writer, not Writer/Web: the Web export drops the page's first paragraph.
IMPORT = {".docx": [], ".html": ["--infilter=HTML (StarWriter)"]}


def convert(source: Path, out_dir: Path) -> Path:
    """source (.docx or .html) → out_dir/<stem>.pdf."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("soffice not found: install LibreOffice (make libreoffice) for PDFs")
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        command = [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            *IMPORT[source.suffix],
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(out_dir),
            str(source),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=SOFFICE_TIMEOUT)
    target = out_dir / f"{source.stem}.pdf"
    if done.returncode != 0 or not target.exists():
        raise SystemExit(f"soffice failed ({done.returncode}): {done.stderr.strip()}")
    pin_pdf(target)
    return target


def render_pdf(content: bytes, suffix: str, stem: str, out_dir: Path) -> Path:
    """The bytes of a DOCX or HTML rendering (suffix ".docx"/".html") as out_dir/<stem>.pdf."""
    with tempfile.TemporaryDirectory(prefix="randomdoc-") as work:
        source = Path(work) / f"{stem}{suffix}"
        source.write_bytes(content)
        return convert(source, out_dir)

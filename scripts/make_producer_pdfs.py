"""Print the HTML fixture decisions as PDFs by two more producers, for the label test.

The fixture PDFs of samples/ come from LibreOffice Writer converting the DOCX. A browser and
LibreOffice's HTML engine lay the same tables out differently: Chromium places each word and
prints no space glyph, LibreOffice Writer/Web breaks a header word too wide for its column.
Both are what real decisions published online look like; tests/test_labels.py reads them.

Run: .venv/bin/python scripts/make_producer_pdfs.py   (needs chromium and soffice)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "samples" / "generated", ROOT / "samples" / "rules")
OUT = ROOT / "tests" / "fixtures" / "producers"


def chromium(html: Path, pdf: Path) -> None:
    """Chromium's print to PDF, without header and footer lines."""
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", html.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip


def writer_web(html: Path, pdf: Path) -> None:
    """LibreOffice Writer/Web's export of the HTML page."""
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(
            ["soffice", "--headless", f"-env:UserInstallation=file://{work}/profile",
             "--convert-to", "pdf:writer_web_pdf_Export", "--outdir", work, str(html)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        shutil.move(Path(work) / f"{html.stem}.pdf", pdf)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for folder in SOURCES:
        for html in sorted(folder.glob("*.html")):
            if "planted" in html.stem:
                continue
            chromium(html, OUT / f"{html.stem}.chromium.pdf")
            writer_web(html, OUT / f"{html.stem}.writer.pdf")
            print(html.stem)
    return 0


if __name__ == "__main__":
    sys.exit(main())

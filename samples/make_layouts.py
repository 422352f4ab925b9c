"""Build the text-layout fixtures in samples/layouts/ (issue 11): tables as converters give them.

Each sheet decision of samples/fixtures/sheets.py is written one cell per line (with and
without blank lines), as pipe tables (with and without the rule line), and as real
``pdftotext -layout`` output of its LibreOffice PDF (plain, and with entries spread over three
lines); the eight PDFs of samples/generated/ are run through pdftotext too. manifest.json
states every entry each fixture must read back as.

Run: .venv/bin/python samples/make_layouts.py [--no-pdf]   (``make samples``; needs ``soffice``
and ``pdftotext``)
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from fixtures.build_layouts import write_layout_fixtures

HERE = Path(__file__).resolve().parent


def main(argv: Sequence[str]) -> int:
    """Write the fixtures; ``--no-pdf`` keeps the pdftotext outputs as they are."""
    count = write_layout_fixtures(HERE / "layouts", HERE / "generated", "--no-pdf" not in argv)
    print(f"wrote {count} layout fixtures to {HERE / 'layouts'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

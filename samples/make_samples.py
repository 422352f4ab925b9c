"""Build the fixture decisions in samples/generated/: one description each, four formats.

Each decision is described once in pure Python (metadata, articles, ranking tables with their
header levels, band rows or a band column, row values) and rendered to DOCX (python-docx), PDF
(LibreOffice from that DOCX), HTML (as legal-document websites publish) and TXT (the seeds'
markdown-like, tab-separated style). The arithmetic of every table is checked before anything is
written: these fixtures are clean and must raise no error flag.

The work is done by the package samples/fixtures/ (model, decisions, layout, renderers, pdf,
manifest); this script only reads its flags.

Run: .venv/bin/python samples/make_samples.py [--no-pdf]   (``make samples``; PDFs need
``soffice``)
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from fixtures import write_fixtures, write_rule_fixtures

OUT_DIR = Path(__file__).resolve().parent / "generated"
RULES_DIR = Path(__file__).resolve().parent / "rules"  # weighted totals, thresholds, cut text


def main(argv: Sequence[str]) -> int:
    """Write the fixtures; ``--no-pdf`` skips the LibreOffice conversion."""
    with_pdf = "--no-pdf" not in argv
    for out_dir, writer in ((OUT_DIR, write_fixtures), (RULES_DIR, write_rule_fixtures)):
        count = writer(out_dir, with_pdf=with_pdf)
        print(f"wrote {count} decisions × 4 formats to {out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

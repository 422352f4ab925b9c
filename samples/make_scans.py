"""Build the scanned fixtures in samples/scanned/ from the PDFs in samples/generated/.

Each planned scan (samples/scans/plan.py) renders the real PDF pages with pypdfium2 and makes
them look scanned (paper tone, skew, blur, noise, JPEG, red seals, a page turned 90°) or
photographed (desk, perspective, uneven light), then writes them as image-only PDF, multi-page
TIFF, PNG or JPEG pages, or a mixed PDF. Seeds are fixed per output, so re-running writes the
same bytes.

Run: .venv/bin/python samples/make_scans.py [--out DIR] [NAME …]   (``make scans``); naming
scans writes only those and leaves the manifest alone.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from scans import write_scans

HERE = Path(__file__).resolve().parent


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="only these scans (names from plan.py)")
    parser.add_argument("--out", type=Path, default=HERE / "scanned")
    parser.add_argument("--generated", type=Path, default=HERE / "generated")
    args = parser.parse_args(argv)
    records = write_scans(args.generated, args.out, set(args.names) or None)
    files = sum(len(record["files"]) for record in records)
    print(f"wrote {len(records)} scans in {files} files to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

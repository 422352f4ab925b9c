"""Write seeded scans of decisions drawn by other hands, each with its truth JSON (issue 16 §5).

One seed draws one decision and everything done to it: font, the tool that typeset it, ruled
or unruled table cut by page breaks with or without its header repeated, handwritten number
and date, seals and signatures over cells, then a scan (150–400 dpi), a 1-bit fax or
photocopy, or a phone photo. The same seed writes the same files.

Run: .venv/bin/python samples/make_drawn.py SEED [SEED …] [--kind 300dpi|200dpi|photo]
[--out DIR]   (needs chromium, soffice, fonts-liberation and fonts-dejavu-core)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from drawn import KINDS, make_seed
from drawn.build import describe
from drawn.look import Look


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="+", type=int)
    parser.add_argument("--kind", choices=KINDS, help="default: seed mod 3")
    parser.add_argument("--out", type=Path, default=Path("out/drawn"))
    args = parser.parse_args(argv)
    for seed in args.seeds:
        truth = make_seed(seed, args.out, args.kind)
        look = Look(**truth["look"])
        plants = ", ".join(p["check"] for p in truth["planted"]) or "clean"
        print(f"seed {seed}: {truth['kind']} {truth['mode']} {truth['dpi']} dpi, "
              f"{describe(look)}, {plants} → {', '.join(truth['files'])}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

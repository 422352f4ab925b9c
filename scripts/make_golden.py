"""Rewrite tests/golden/<input>/*.csv from the current code: review the diff before committing.

Run: make golden
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from golden_inputs import GOLDEN, golden_dir  # noqa: E402

from pipeline import extract_document as extract  # noqa: E402
from pipeline.emit import write_outputs  # noqa: E402


def main() -> None:
    os.chdir(ROOT)
    for relative in GOLDEN:
        result = extract(relative)
        if result.status != "ok":
            raise SystemExit(f"{relative}: {result.error}")
        target = golden_dir(relative)
        write_outputs([result], target)
        (target / "datapackage.json").unlink()
        print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

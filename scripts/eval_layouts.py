"""Cells read right on the text-layout fixtures of samples/layouts/ (issue 11).

Usage:
  python scripts/eval_layouts.py            # one line per fixture, then the total
  python scripts/eval_layouts.py --diffs    # and the first cells each fixture gets wrong

Reads every fixture with ``pipeline.extract_document`` and compares each entry's cells (row
number, name, every component, total, rank, band) with manifest.json, position by position;
an entry not read gets all its cells wrong. A fixture is "clean" when every cell is right, its
tables have the stated shape and it raises no error flag. Exits 1 when a cell is wrong or a
fixture is not clean.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from test_text_layouts import MANIFEST, entry_facts, expected_shape, result_of, shape  # noqa: E402

FIELDS = ("row_number", "agency", "total", "rank", "band")


def wrong_cells(item: dict[str, Any]) -> tuple[int, list[tuple[int, str, object, object]]]:
    """How many cells a fixture states, and (entry, field, got, wanted) for each one wrong."""
    tables = result_of(item["file"]).tables
    count, wrong = 0, []
    for position, want in enumerate(item["tables"]):
        entries = tables[position].entries if position < len(tables) else ()
        for index, expected in enumerate(want["entries"]):
            got = entry_facts(entries[index]) if index < len(entries) else None
            pairs = [(f, got and got[f], expected[f]) for f in FIELDS]
            parts = got["components"] if got else []
            pairs += [
                (f"component {k + 1}", parts[k] if k < len(parts) else None, value)
                for k, value in enumerate(expected["components"])
            ]
            count += len(pairs)
            wrong += [(index + 1, f, g, w) for f, g, w in pairs if got is None or g != w]
    return count, wrong


def main(argv: Sequence[str]) -> int:
    total = right = clean = 0
    for item in MANIFEST:
        result = result_of(item["file"])
        count, wrong = wrong_cells(item)
        errors = sorted({flag.check for flag in result.flags if flag.severity == "error"})
        shaped = [shape(t) for t in result.tables] == [expected_shape(w) for w in item["tables"]]
        is_clean = not wrong and shaped and not errors
        total, right, clean = total + count, right + count - len(wrong), clean + is_clean
        state = "clean" if is_clean else f"shape {'ok' if shaped else 'wrong'}, errors {errors}"
        print(f"{item['file']:44s} {count - len(wrong):5d}/{count:5d}  {state}")
        for cell in wrong[:6] if "--diffs" in argv else []:
            print("    entry {} {}: got {!r}, want {!r}".format(*cell))
    print(f"cells right {right}/{total}; fixtures clean {clean}/{len(MANIFEST)}")
    return 0 if right == total and clean == len(MANIFEST) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

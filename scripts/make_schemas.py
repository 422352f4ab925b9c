"""Write schemas/*.schema.json (Frictionless Table Schemas) from pipeline/schema.py.

Run: make schemas. tests/test_emit.py fails when the files and the code disagree.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.schema import TABLES, table_schema  # noqa: E402


def render(table: str) -> str:
    return json.dumps(table_schema(table), ensure_ascii=False, indent=2) + "\n"


def main() -> None:
    for table in TABLES:
        path = ROOT / "schemas" / f"{table}.schema.json"
        path.write_text(render(table), encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

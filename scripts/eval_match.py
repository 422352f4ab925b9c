"""Precision and recall of the matcher on tests/match_eval/variants.csv, and its batch speed.

Usage: python scripts/eval_match.py [--names 100000] [--show-errors]

Precision: of the confident outcomes (exact, alias, fuzzy), the share naming the labelled id; a
confident outcome for a name labelled "no match" counts as wrong. Recall: of the names with a
labelled id, the share matched confidently to it.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.match import match_names  # noqa: E402
from pipeline.models import Match  # noqa: E402
from pipeline.registry import Registry, load_registry  # noqa: E402

VARIANTS = Path(__file__).resolve().parent.parent / "tests" / "match_eval" / "variants.csv"
CONFIDENT = ("exact", "alias", "fuzzy")


def read_variants(path: Path = VARIANTS) -> list[dict[str, str]]:
    """The labelled evaluation rows."""
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def match_row(row: dict[str, str], registry: Registry) -> Match:
    """Match one labelled name in its own context."""
    return match_names(
        [row["name"]],
        registry,
        province=row["province"] or None,
        level=row["level"] or None,
        year=int(row["year"]) if row["year"] else None,
    )[0]


def evaluate(rows: list[dict[str, str]], registry: Registry) -> dict[str, object]:
    """Counts, precision, recall and the rows that went wrong."""
    confident = correct = labelled = 0
    errors = []
    for row in rows:
        found = match_row(row, registry)
        expected = row["expected_id"] or None
        labelled += expected is not None
        if found.status in CONFIDENT:
            confident += 1
            correct += found.agency_id == expected
        if (found.status in CONFIDENT) != (expected is not None) or (
            found.status in CONFIDENT and found.agency_id != expected
        ):
            errors.append((row, found))
    return {
        "rows": len(rows),
        "confident": confident,
        "correct": correct,
        "labelled": labelled,
        "precision": correct / confident if confident else 1.0,
        "recall": correct / labelled if labelled else 1.0,
        "errors": errors,
    }


def batch_names(total: int, *, all_distinct: bool) -> list[str]:
    """``total`` names of one province table: a tenth distinct (realistic), or all distinct."""
    rows = [r for r in read_variants() if r["province"] == "Lào Cai" and r["level"] != "province"]
    base = [r["name"] for r in rows]
    if all_distinct:  # the worst case: nothing to score once and reuse
        return [f"{base[i % len(base)]} {i}" for i in range(total)]
    # Realistic batches repeat names; vary a suffix so a tenth of them are distinct strings.
    names = [f"{base[i % len(base)]}{' ' * ((i // len(base)) % 10)}x"[:-1] for i in range(total)]
    return [n if i % 10 else f"{n} {i % 997}" for i, n in enumerate(names)]


def time_batch(registry: Registry, total: int, *, all_distinct: bool = False) -> tuple[float, int]:
    """Seconds to match ``total`` names of one province table (batch path), and distinct names."""
    names = batch_names(total, all_distinct=all_distinct)
    start = time.perf_counter()
    match_names(names, registry, province="Lào Cai", level=None, year=2016)
    return time.perf_counter() - start, len(set(names))


def main() -> None:
    """Print precision, recall and the 100k-names timings (repeated and all-distinct names)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=100_000)
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    registry = load_registry()
    rows = read_variants()
    result = evaluate(rows, registry)
    print(f"rows {result['rows']}  labelled {result['labelled']}  confident {result['confident']}")
    print(f"precision {result['precision']:.2%}  recall {result['recall']:.2%}")
    kinds = Counter(row["kind"] for row, _ in result["errors"])  # type: ignore[attr-defined]
    print(f"misses by kind: {dict(kinds)}")
    if args.show_errors:
        for row, found in result["errors"]:  # type: ignore[attr-defined]
            print(
                f"  {row['name']!r} [{row['province']}, {row['level']}, {row['year']}] "
                f"expected {row['expected_id'] or '-'} got {found.status} {found.agency_id} "
                f"{found.score} (runner-up {found.runner_up} {found.runner_up_score})"
            )
    for all_distinct in (False, True):
        seconds, distinct = time_batch(registry, args.names, all_distinct=all_distinct)
        print(f"matched {args.names:,} names ({distinct:,} distinct) in {seconds:.2f} s")


if __name__ == "__main__":
    main()

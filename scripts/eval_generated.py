"""Generated decisions read back: every cell, silent errors, planted flags, false alarms.

Usage:
  python scripts/eval_generated.py --seeds 500                      # seeds 0..499, text/HTML/DOCX
  python scripts/eval_generated.py --seeds 20 --start 1000 --formats pdf
  python scripts/eval_generated.py --seeds 50 --formats text:stacked,html --keep out/gen
  python scripts/eval_generated.py --list target                    # the fixed TARGET_SEEDS
  python scripts/eval_generated.py --seeds 500 --require cells=95,silent=0

Each seed draws a whole decision (samples/randomdoc/) in one layout among ``--formats``
(families text, html, docx, pdf, or exact layouts such as text:pipe), which
``pipeline.extract_document`` reads; the result is scored against the seed's truth
(samples/randomdoc/score.py). Prints one line per failing seed with a short reason, then the
totals per layout. Exits 1 unless every figure is perfect, or the ``--require`` thresholds
hold (cells, planted, metadata: minimum %; silent, false: maximum count).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from pipeline import extract_document  # noqa: E402
from pipeline.registry import Registry, load_registry  # noqa: E402
from samples.randomdoc import generate  # noqa: E402
from samples.randomdoc.score import Score, reason, score_result  # noqa: E402

DEFAULT_FORMATS = ("text", "html", "docx")


def arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=0, help="how many seeds (from --start)")
    parser.add_argument("--start", type=int, default=0, help="the first seed")
    parser.add_argument("--formats", default=",".join(DEFAULT_FORMATS),
                        help="families (text,html,docx,pdf) or layouts (text:pipe)")  # fmt: skip
    parser.add_argument("--list", choices=("regression", "target"),
                        help="the fixed seeds of tests/generated_seeds.py instead")  # fmt: skip
    parser.add_argument("--keep", type=Path, help="write the files and truths here")
    parser.add_argument("--require", default="", help="thresholds: cells=95,silent=0,…")
    return parser.parse_args(argv)


def cases(args: argparse.Namespace) -> list[tuple[int, tuple[str, ...]]]:
    """(seed, formats) to run: a range of seeds, or a fixed list of (seed, layout)."""
    if args.list:
        import generated_seeds

        chosen = {"regression": generated_seeds.REGRESSION_SEEDS,
                  "target": generated_seeds.TARGET_SEEDS}[args.list]  # fmt: skip
        return [(seed, (layout,)) for seed, layout in chosen]
    formats = tuple(part for part in args.formats.split(",") if part)
    return [(seed, formats) for seed in range(args.start, args.start + args.seeds)]


def run(seed: int, formats: tuple[str, ...], out_dir: Path, registry: Registry
        ) -> tuple[str, Score]:  # fmt: skip
    made = generate(seed, out_dir, formats)
    try:
        result = extract_document(made.path, registry)
    except Exception as error:  # a crash is a finding, not the end of the evaluation
        from pipeline.models import DocumentResult

        result = DocumentResult("", str(made.path), "", None, status="failed",
                                error=f"crash: {type(error).__name__}: {error}")  # fmt: skip
    return made.layout, score_result(made.truth, result)


class Totals:
    """Sums of scores, overall and per layout."""

    def __init__(self) -> None:
        self.by_layout: dict[str, list[Score]] = defaultdict(list)
        self.planted_seeds: set[tuple[str, int]] = set()

    def add(self, layout: str, score: Score) -> None:
        self.by_layout[layout].append(score)

    @staticmethod
    def line(name: str, scores: list[Score]) -> dict[str, float | int | str]:
        cells = sum(s.cells for s in scores)
        right = sum(s.right for s in scores)
        planted = sum(s.planted for s in scores)
        clean = [s for s in scores if not s.planted]
        meta = sum(s.metadata for s in scores)
        read = [s for s in scores if s.error is None]
        meta_read = sum(s.metadata for s in read)
        return {
            "name": name,
            "seeds": len(scores),
            "perfect": sum(s.perfect for s in scores),
            "read": sum(s.error is None for s in scores),
            "cells": 100 * right / cells if cells else 100.0,
            "missed": sum(s.missed for s in scores),
            "wrong": sum(sum(s.wrong.values()) + sum(s.extra.values()) for s in scores),
            "silent": sum(s.silent for s in scores) + sum(s.phantom_rows for s in scores),
            "planted": f"{sum(s.planted_found for s in scores)}/{planted}",
            "planted_pct": 100 * sum(s.planted_found for s in scores) / planted
            if planted
            else 100.0,
            "false": sum(sum(s.false_errors.values()) for s in scores),
            "false_docs": f"{sum(bool(s.false_errors) for s in clean)}/{len(clean)}",
            "metadata": 100 * sum(s.metadata_right for s in scores) / meta if meta else 100.0,
            "metadata_read": (
                100 * sum(s.metadata_right for s in read) / meta_read if meta_read else float("nan")
            ),
        }

    def table(self) -> list[dict[str, float | int | str]]:
        every = [s for scores in self.by_layout.values() for s in scores]
        lines = [self.line(name, self.by_layout[name]) for name in sorted(self.by_layout)]
        return [*lines, self.line("all", every)]


HEADER = (f"{'layout':18s} {'seeds':>5s} {'perfect':>7s} {'read':>5s} {'cells%':>7s} "
          f"{'missed':>7s} {'wrong':>6s} {'silent':>6s} {'planted':>8s} {'false':>6s} "
          f"{'falsedoc':>9s} {'meta%':>6s} {'meta%read':>9s}")  # fmt: skip


def show(line: dict[str, float | int | str]) -> str:
    return (f"{line['name']!s:18s} {line['seeds']:5d} {line['perfect']:7d} {line['read']:5d} "
            f"{line['cells']:7.2f} {line['missed']:7d} {line['wrong']:6d} {line['silent']:6d} "
            f"{line['planted']!s:>8s} {line['false']:6d} {line['false_docs']!s:>9s} "
            f"{line['metadata']:6.2f} {line['metadata_read']:9.2f}")  # fmt: skip


def meets(line: dict[str, float | int | str], require: str) -> bool:
    """Every threshold holds; with none given, every figure must be perfect."""
    wanted = dict(part.split("=") for part in require.split(",") if part)
    if not wanted:
        return line["perfect"] == line["seeds"]
    keys = {"cells": "cells", "planted": "planted_pct", "metadata": "metadata",
            "silent": "silent", "false": "false"}  # fmt: skip
    for name, limit in wanted.items():
        value = float(line[keys[name]])
        if (name in ("silent", "false") and value > float(limit)) or (
                name not in ("silent", "false") and value < float(limit)):  # fmt: skip
            return False
    return True


def evaluate(todo: Iterable[tuple[int, tuple[str, ...]]], out_dir: Path) -> Totals:
    totals = Totals()
    registry = load_registry()
    for seed, formats in todo:
        layout, score = run(seed, formats, out_dir, registry)
        totals.add(layout, score)
        if not score.perfect:
            print(f"seed {seed} {layout}: {reason(score)}", flush=True)
    return totals


def main(argv: Sequence[str]) -> int:
    args = arguments(argv)
    todo = cases(args)
    if not todo:
        print("nothing to run: give --seeds N or --list", file=sys.stderr)
        return 2
    if args.keep:
        totals = evaluate(todo, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="eval-generated-") as work:
            totals = evaluate(todo, Path(work))
    print(HEADER)
    lines = totals.table()
    for line in lines:
        print(show(line))
    wrong_kinds: Counter[str] = Counter()
    for scores in totals.by_layout.values():
        for score in scores:
            wrong_kinds.update(score.false_errors)
    if wrong_kinds:
        print(
            "false error flags by check: " + ", ".join(f"{k} {n}" for k, n in wrong_kinds.items())
        )
    return 0 if meets(lines[-1], args.require) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

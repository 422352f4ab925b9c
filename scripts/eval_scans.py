"""Issue 16's acceptance figures on fresh seeded scans drawn by other hands.

Usage:
  nice python scripts/eval_scans.py --seeds 30                  # seeds 0..29, kind = seed mod 3
  nice python scripts/eval_scans.py --seeds 10 --start 500 --kind photo
  nice python scripts/eval_scans.py --targets                   # the regression/target seeds
  python scripts/eval_scans.py --existing DIR                   # score a kept run, draw nothing
  nice python scripts/eval_scans.py --fresh                     # one random seed, printed (CI)

Each seed is drawn by samples/make_drawn.py (its files and a truth JSON), all files go through
the real CLI in one batch (``decisions extract FILES --out DIR``), and tests/drawn_eval.py
compares the CSVs with the truths. One line per kind (300dpi, 200dpi, photo): numeric cells
right, wrong values no flag marks, error flags on clean documents (per document), names exact,
component labels as printed, planted errors found, each with its goal; then one line per seed
that does not pass, saying why. ``--require`` exits 1 when a goal is not met.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "samples")]

from drawn import KINDS, kind_of, make_seed  # noqa: E402
from drawn_cases import TARGETS  # noqa: E402
from drawn_eval import (  # noqa: E402
    GOALS,
    KindFigures,
    SeedScore,
    figures,
    load_truth,
    score_run,
)

HEAD = (f"{'kind':7} {'seeds':>5} {'cells right':>18} {'silent':>6} {'errors/clean':>13} "
        f"{'names exact':>17} {'labels':>15} {'planted found':>13}")  # fmt: skip


def draw(seeds: Sequence[tuple[int, str]], folder: Path) -> list[dict[str, Any]]:
    truths = []
    for seed, kind in seeds:
        started = time.monotonic()
        truths.append(make_seed(seed, folder, kind))
        print(f"drew seed {seed} ({kind}) in {time.monotonic() - started:.0f}s", file=sys.stderr)
    return truths


def extract(truths: Sequence[dict[str, Any]], folder: Path, out_dir: Path) -> None:
    """``decisions extract`` on every drawn file, as a user runs it."""
    files = [str(folder / name) for truth in truths for name in truth["files"]]
    command = [sys.executable, "-m", "pipeline", "extract", *files, "--out", str(out_dir)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 3):  # 3: some documents failed, which is scored
        sys.exit(f"decisions extract failed ({done.returncode}): {done.stderr.strip()[-2000:]}")


def line(kind: KindFigures) -> str:
    share = KindFigures.share
    cells = f"{kind.right}/{kind.cells} {share(kind.right, kind.cells):6.2f}%"
    per_doc = kind.clean_error_flags / kind.clean_documents if kind.clean_documents else 0.0
    errors = f"{kind.clean_error_flags}/{kind.clean_documents} {per_doc:4.1f}"
    names = f"{kind.names_exact}/{kind.names} {share(kind.names_exact, kind.names):5.1f}%"
    labels = f"{kind.labels_right}/{kind.labels} {share(kind.labels_right, kind.labels):5.1f}%"
    return (f"{kind.kind:7} {kind.seeds:5} {cells:>18} {kind.silent:6} {errors:>13} "
            f"{names:>17} {labels:>15} {f'{kind.found}/{kind.planted}':>13}")  # fmt: skip


def report(scores: Sequence[SeedScore], details: int) -> list[KindFigures]:
    print(HEAD)
    kinds = figures(scores)
    for kind in kinds:
        print(line(kind))
    cells = "/".join(f"{GOALS['cells'][k]:g}" for k in KINDS) + " %"
    names, labels = f"≥ {GOALS['names']:g} %", f"≥ {GOALS['labels']:g} %"
    print(f"goal    {'':5} {cells:>18} {0:6} {'≤ 1.0':>13} {names:>17} {labels:>15} {'all':>13}")
    metadata(scores)
    for score in scores:
        if score.passes and not details:
            continue
        mark = "pass" if score.passes else "FAIL"
        print(f"  {mark} seed {score.seed} ({score.kind}): {'; '.join(score.problems()) or 'ok'}")
        for cell in score.silent[:details]:
            print(f"      silent {cell.where}: printed {cell.expected}, got {cell.got}")
        for name in score.wrong_names[:details]:
            print(f"      name {name}")
        for label in score.wrong_labels[:details]:
            print(f"      label {label}")
    return kinds


def metadata(scores: Sequence[SeedScore]) -> None:
    """Metadata fields right per kind, the handwritten number and date apart."""
    for kind in dict.fromkeys(score.kind for score in scores):
        fields = [f for s in scores if s.kind == kind for f in s.ocr.fields]
        written = [s for s in scores if s.kind == kind and s.handwritten]
        by_hand = [f for s in written for f in s.ocr.fields
                   if f.field in ("decision_number", "decision_date")]  # fmt: skip
        print(
            f"metadata {kind}: {sum(f.right for f in fields)}/{len(fields)} fields right; "
            f"number and date written by hand: {sum(f.right for f in by_hand)}/{len(by_hand)}"
        )


def chosen_seeds(args: argparse.Namespace) -> list[tuple[int, str]]:
    if args.fresh:
        seed = int.from_bytes(os.urandom(4), "big") % 10**9
        print(f"fresh seed: {seed} ({args.kind or kind_of(seed)}); keep a failing one in "
              "tests/drawn_cases.py", flush=True)  # fmt: skip
        return [(seed, args.kind or kind_of(seed))]
    if args.targets:
        return [(seed, kind) for seed, kind, _why in TARGETS]
    return [(s, args.kind or kind_of(s)) for s in range(args.start, args.start + args.seeds)]


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=30, help="how many seeds (default 30)")
    parser.add_argument("--start", type=int, default=0, help="first seed (default 0)")
    parser.add_argument("--kind", choices=KINDS, help="draw every seed as this kind")
    parser.add_argument("--targets", action="store_true", help="the TARGETS seeds instead")
    parser.add_argument("--fresh", action="store_true", help="one random seed, printed (CI)")
    parser.add_argument("--keep", type=Path, help="keep the drawn files and outputs here")
    parser.add_argument("--existing", type=Path, help="score a kept run (its drawn/ and out/)")
    parser.add_argument("--details", type=int, default=0, help="wrong cells/names to list")
    parser.add_argument("--require", action="store_true", help="exit 1 when a goal is unmet")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="eval-scans-") as scratch:
        base = args.existing or args.keep or Path(scratch)
        folder, out_dir = base / "drawn", base / "out"
        if args.existing:
            seeds = sorted(int(p.name[6:-11]) for p in folder.glob("drawn_*.truth.json"))
            truths = [load_truth(folder, seed) for seed in seeds]
        else:
            truths = draw(chosen_seeds(args), folder)
            started = time.monotonic()
            extract(truths, folder, out_dir)
            print(f"extract: {time.monotonic() - started:.0f}s", file=sys.stderr)
        scores = score_run(truths, out_dir)
    kinds = report(scores, args.details)
    summary = {k.kind: k.unmet() for k in kinds}
    print(json.dumps({"unmet": summary}, ensure_ascii=False))
    return 1 if args.require and any(summary.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The acceptance figures of issue 8: numeric cells right, metadata right and silent errors.

Usage:
  python scripts/eval_ocr.py                       # run the pipeline on samples/scanned/, score
  python scripts/eval_ocr.py --text                # the text-layer PDFs of samples/generated/
  python scripts/eval_ocr.py --existing out/       # score CSVs written before, run nothing
  python scripts/eval_ocr.py --require 300dpi=99.5,200dpi=98,photo=97 --silent 0 --metadata 100
  python scripts/eval_ocr.py --ablate              # the figures again with each step left out

Runs the real CLI (``decisions extract FILES --out DIR``) on the fixtures, compares every
numeric cell and metadata field with samples/generated/manifest.json (tests/ocr_eval.py says
how) and prints one line per variant. With ``--require`` (per-variant minimum share of numeric
cells right, in per cent), ``--silent`` (most silent errors allowed) or ``--metadata`` (minimum
share of metadata fields right) or ``--error-flags`` (most error-level flags: the fixtures are
clean) it exits 1 when a threshold is not met.

``--ablate`` runs the pipeline in this process once with every step and once more per step
left out (``OcrSettings.skip``: colour drop, photo flattening, lighting, orientation, deskew,
the digits pass, the constraint-aware correction), one line each: what every step is worth.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from ocr_eval import (  # noqa: E402
    GENERATED,
    ROOT,
    SCANNED,
    Case,
    CaseScore,
    Summary,
    expected_decisions,
    scanned_cases,
    score_outputs,
    summarise,
    text_cases,
)


def run_pipeline(cases: Sequence[Case], folder: Path, out_dir: Path) -> int:
    """``decisions extract`` on every file of the cases; returns its exit code."""
    files = [str(folder / name) for case in cases for name in case.files]
    command = [sys.executable, "-m", "pipeline", "extract", *files, "--out", str(out_dir)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 3):  # 3: some documents failed, which is scored
        sys.exit(f"decisions extract failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    return done.returncode


def run_in_process(cases: Sequence[Case], folder: Path, out_dir: Path, skip: str | None) -> None:
    """The batch with OCR ``skip`` left out, written to ``out_dir`` as ``extract`` writes it."""
    from pipeline.batch import BatchSettings, plan, run_batch, walk
    from pipeline.emit import write_outputs
    from pipeline.ocr import OcrSettings

    files = [folder / name for case in cases for name in case.files]
    settings = BatchSettings(ocr=OcrSettings(skip=frozenset({skip} if skip else ())))
    results = list(run_batch(plan(walk(files)), settings, workers=os.cpu_count() or 1))
    write_outputs(results, out_dir)


def ablate(cases: Sequence[Case], decisions: dict[str, dict[str, Any]]) -> None:
    """One line of figures per step left out (``all``: nothing left out)."""
    from pipeline.ocr.settings import STEPS

    print(f"{'left out':12} " + " ".join(f"{v:>16}" for v in ("300dpi", "200dpi", "photo"))
          + f" {'silent':>6} {'metadata':>9} {'error flags':>11}")  # fmt: skip
    for skip in (None, *STEPS):
        with tempfile.TemporaryDirectory(prefix="ablate-ocr-") as scratch:
            run_in_process(cases, SCANNED, Path(scratch), skip)
            summaries = summarise(score_outputs(cases, Path(scratch), decisions))
        by_variant = {s.variant: s for s in summaries}
        shares = " ".join(
            f"{by_variant[v].right:5}/{by_variant[v].cells:<4} {by_variant[v].share:5.1f}%"
            for v in ("300dpi", "200dpi", "photo")
        )
        fields = f"{sum(s.fields_right for s in summaries)}/{sum(s.fields for s in summaries)}"
        print(f"{skip or 'nothing':12} {shares} {sum(s.silent for s in summaries):6} "
              f"{fields:>9} {sum(s.error_flags for s in summaries):11}", flush=True)  # fmt: skip


def print_report(scores: Sequence[CaseScore], summaries: Sequence[Summary], errors: int) -> None:
    print(
        f"{'variant':8} {'cases':>5} {'cells':>6} {'right':>6} {'share':>8} {'silent':>6}"
        f" {'metadata':>9} {'error flags':>11}"
    )
    for s in summaries:
        print(
            f"{s.variant:8} {s.cases:5} {s.cells:6} {s.right:6} {s.share:7.2f}% {s.silent:6}"
            f" {s.fields_right:4}/{s.fields:<4} {s.error_flags:11}"
        )
    for score in scores:
        for failure in score.failed:
            print(f"  failed  {score.case.name}: {failure}")
        wrong = [cell for cell in score.cells if not cell.right]
        for cell in wrong[:errors]:
            mark = "SILENT" if cell.silent else "flagged"
            print(
                f"  {mark:7} {score.case.name}: {cell.where}: printed {cell.expected}, "
                f"got {cell.got} ({cell.kind})"
            )
        for field in [f for f in score.fields if not f.right][:errors]:
            print(f"  meta    {score.case.name}: {field.field}: {field.expected!r} ≠ {field.got!r}")


def parse_require(text: str) -> dict[str, float]:
    """``300dpi=99.5,photo=97`` → {"300dpi": 99.5, "photo": 97.0}."""
    pairs = [item.split("=", 1) for item in text.split(",") if item.strip()]
    return {name.strip(): float(value) for name, value in pairs}


def unmet(summaries: Sequence[Summary], args: argparse.Namespace) -> list[str]:
    """The thresholds the figures do not meet, in words."""
    misses = []
    by_variant = {s.variant: s for s in summaries}
    for variant, minimum in parse_require(args.require or "").items():
        found = by_variant.get(variant)
        if found is None or found.share < minimum:
            share = f"{found.share:.2f}%" if found else "no cases"
            misses.append(f"{variant}: {share} of numeric cells right, need {minimum}%")
    silent = sum(s.silent for s in summaries)
    if args.silent is not None and silent > args.silent:
        misses.append(f"{silent} silent errors, at most {args.silent} allowed")
    fields, right = sum(s.fields for s in summaries), sum(s.fields_right for s in summaries)
    if args.metadata is not None and fields and 100 * right / fields < args.metadata:
        misses.append(f"metadata {right}/{fields} right, need {args.metadata}%")
    errors = sum(s.error_flags for s in summaries)
    if args.error_flags is not None and errors > args.error_flags:
        misses.append(f"{errors} error-level flags on clean fixtures, at most {args.error_flags}")
    return misses


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", help="only these cases (names in the manifest)")
    parser.add_argument("--text", action="store_true", help="score the text-layer PDFs instead")
    parser.add_argument("--existing", type=Path, help="score the CSVs in this folder, run nothing")
    parser.add_argument("--out", type=Path, help="keep the pipeline's outputs here")
    parser.add_argument("--require", help="minimum %% of numeric cells right per variant")
    parser.add_argument("--silent", type=int, help="most silent errors allowed")
    parser.add_argument("--metadata", type=float, help="minimum %% of metadata fields right")
    parser.add_argument("--error-flags", type=int, help="most error-level flags allowed")
    parser.add_argument("--errors", type=int, default=20, help="wrong cells to list per case")
    parser.add_argument("--ablate", action="store_true", help="each OCR step left out in turn")
    args = parser.parse_args(argv)
    decisions = expected_decisions()
    if args.ablate:
        ablate(scanned_cases(), decisions)
        return 0
    cases = text_cases(decisions) if args.text else scanned_cases()
    cases = [case for case in cases if not args.cases or case.name in args.cases]
    folder = GENERATED if args.text else SCANNED
    with tempfile.TemporaryDirectory(prefix="eval-ocr-") as scratch:
        out_dir = args.existing or args.out or Path(scratch)
        if args.existing is None:
            run_pipeline(cases, folder, out_dir)
        scores = score_outputs(cases, out_dir, decisions)
    summaries = summarise(scores)
    print_report(scores, summaries, args.errors)
    misses = unmet(summaries, args)
    for miss in misses:
        print(f"NOT MET: {miss}", file=sys.stderr)
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

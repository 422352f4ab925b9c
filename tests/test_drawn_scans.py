"""Seeds of the drawn-scan generator that the reader passes today keep passing (issue 16 §5).

Each kept seed (tests/drawn_cases.py ``PASSING``, a few small pages: OCR is the slow part of
the suite) is drawn afresh, read by the real CLI and scored by tests/drawn_eval.py: no wrong
value without a flag, every planted error found, at most one error flag on a clean document.
The seeds that fail today are ``TARGETS``, run by ``scripts/eval_scans.py --targets``, not here.
The scoring itself is checked too: a lost flag must count as a missed plant, a wrong name
and a wrong label as such.
"""

from __future__ import annotations

import csv
import shutil
import sys
from pathlib import Path

import pytest
from conftest import ROOT, read_csv, run_cli
from drawn_cases import PASSING, TARGETS
from drawn_eval import SeedScore, score_run

sys.path.insert(0, str(ROOT / "samples"))

from drawn import make_seed  # noqa: E402


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict], Path]:
    folder = tmp_path_factory.mktemp("drawn")
    truths = [make_seed(seed, folder, kind) for seed, kind in PASSING]
    out = folder / "out"
    files = [str(folder / name) for truth in truths for name in truth["files"]]
    code, _stdout, stderr = run_cli("extract", *files, "--out", str(out))
    assert code in (0, 3), stderr
    return truths, out


@pytest.mark.parametrize(("seed", "kind"), PASSING)
def test_a_kept_seed_still_passes(run: tuple[list[dict], Path], seed: int, kind: str) -> None:
    truths, out = run
    (score,) = [s for s in score_run(truths, out) if s.seed == seed]
    assert score.kind == kind
    assert score.passes, score.problems()


def test_targets_and_passing_seeds_are_apart() -> None:
    assert not {seed for seed, _kind in PASSING} & {seed for seed, _kind, _why in TARGETS}
    assert all(why for _seed, _kind, why in TARGETS)


def rewrite(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open(encoding="utf-8") as handle:
        names = next(csv.reader(handle))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, names, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def planted_seed(run: tuple[list[dict], Path]) -> dict:
    truths, _out = run
    return next(truth for truth in truths if truth["planted"])


def score_of(truths: list[dict], out: Path, seed: int) -> SeedScore:
    return next(s for s in score_run(truths, out) if s.seed == seed)


def test_a_planted_error_without_its_flag_is_missed(
    run: tuple[list[dict], Path], tmp_path: Path
) -> None:
    truths, out = run
    truth = planted_seed(run)
    copy = Path(shutil.copytree(out, tmp_path / "out"))
    (plant,) = truth["planted"]
    flags = [f for f in read_csv(copy / "flags.csv") if f["check"] != plant["check"]]
    rewrite(copy / "flags.csv", flags)
    score = score_of(truths, copy, truth["seed"])
    assert score.missed == (f"{plant['check']} row {plant['row_number']}",)
    assert not score.passes


def test_a_wrong_name_and_label_are_counted(run: tuple[list[dict], Path], tmp_path: Path) -> None:
    truths, out = run
    copy = Path(shutil.copytree(out, tmp_path / "out"))
    entries, components = read_csv(copy / "entries.csv"), read_csv(copy / "components.csv")
    names = {e["agency"] for t in truths for e in t["decision"]["tables"][0]["entries"]}
    labels = {label for t in truths for label in t["decision"]["tables"][0]["labels"]}
    name = next(row["agency_raw"] for row in entries if row["agency_raw"] in names)
    label = next(r["component_label"] for r in components if r["component_label"] in labels)
    before = {s.seed: (s.names_exact, s.labels_right) for s in score_run(truths, copy)}
    for row in entries:
        if row["agency_raw"] == name:
            row["agency_raw"] = name.replace(" ", "", 1)  # "SởY tế": a space lost
    for row in components:
        if row["component_label"] == label:
            row["component_label"] = label.upper()
    rewrite(copy / "entries.csv", entries)
    rewrite(copy / "components.csv", components)
    after = {s.seed: (s.names_exact, s.labels_right) for s in score_run(truths, copy)}
    lost_names = sum(before[seed][0] - after[seed][0] for seed in before)
    lost_labels = sum(before[seed][1] - after[seed][1] for seed in before)
    printed_names = sum(e["agency"] == name for t in truths
                        for e in t["decision"]["tables"][0]["entries"])  # fmt: skip
    assert 1 <= lost_names <= printed_names and lost_labels >= 1

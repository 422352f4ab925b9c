"""Speed and memory of `decisions extract`, each beside a baseline run in the same command.

Text path: the seed decisions copied 200 times; baseline = read every file and split its lines.
Each measurement runs in a fresh process, which reports its own wall time and peak RSS. Then
the text-layer PDFs (scripts/bench_pdf.py) and the matcher on 100,000 distinct names, each
figure of issue 18 beside its goal (lines starting GOAL).
Run: make bench
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchlib import goal

ROOT = Path(__file__).resolve().parent.parent
COPIES = 200
MATCH_NAMES = 100_000

BASELINE = """
import resource, sys, time
from pathlib import Path
start = time.perf_counter()
files = sorted(p for p in Path(sys.argv[1]).rglob("*") if p.is_file())
lines = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in files)
print({"seconds": time.perf_counter() - start, "documents": len(files),
       "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})
"""

PIPELINE = """
import resource, sys, time
from pathlib import Path
from pipeline.batch import BatchSettings, discover, plan, run_batch
from pipeline.emit import write_outputs
start = time.perf_counter()
results = list(run_batch(plan(discover([Path(sys.argv[1])])), BatchSettings()))
write_outputs(results, Path(sys.argv[2]))
failed = sum(r.status == "failed" for r in results)
print({"seconds": time.perf_counter() - start, "documents": len(results), "failed": failed,
       "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})
"""


MATCH = """
import sys, time
sys.path.insert(0, "scripts")
from eval_match import batch_names
from pipeline.match import match_names
from pipeline.registry import load_registry
registry = load_registry()
names = batch_names(int(sys.argv[1]), all_distinct=True)
start, cpu = time.perf_counter(), time.process_time()
match_names(names, registry, province="Lào Cai", level=None, year=2016)
print({"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
       "names": len(set(names))})
"""


def measure(code: str, *args: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return eval(done.stdout.strip().splitlines()[-1])  # noqa: S307 - our own child's dict


def copies_of(sources: list[Path], folder: Path) -> None:
    for source in sources:
        for copy in range(COPIES):
            shutil.copy(source, folder / f"{source.stem}_{copy:03d}{source.suffix}")


def report(name: str, baseline: dict[str, float], pipeline: dict[str, float]) -> dict[str, float]:
    base_rate = baseline["documents"] / baseline["seconds"]
    rate = pipeline["documents"] / pipeline["seconds"]
    print(
        f"{name}: {int(pipeline['documents'])} documents ({int(pipeline.get('failed', 0))} failed)"
    )
    print(
        f"  baseline (read + split lines): {base_rate:10.1f} docs/s"
        f"  peak {baseline['peak_mb']:.0f} MB"
    )
    print(
        f"  decisions extract:             {rate:10.1f} docs/s  peak {pipeline['peak_mb']:.0f} MB"
    )
    print(f"  pipeline / baseline speed:     {rate / base_rate:10.4f}x")
    print(f"  pipeline / baseline memory:    {pipeline['peak_mb'] / baseline['peak_mb']:10.2f}x")
    return {"docs_per_s": rate, "baseline_docs_per_s": base_rate, "peak_mb": pipeline["peak_mb"]}


def main() -> None:
    seeds = sorted((ROOT / "samples").glob("0*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        inputs, out = Path(tmp) / "in", Path(tmp) / "out"
        inputs.mkdir()
        copies_of(seeds, inputs)
        figures = report(
            "text decisions (seeds x200)",
            measure(BASELINE, str(inputs)),
            measure(PIPELINE, str(inputs), str(out)),
        )
    pdf_bench = ROOT / "scripts/bench_pdf.py"
    if pdf_bench.exists():
        print("text-layer PDFs (samples/generated), every stage vs pdfplumber alone:")
        subprocess.run(
            [sys.executable, str(pdf_bench), "samples/generated", "--repeat", "5"],
            check=True,
            cwd=ROOT,
        )
    matched = measure(MATCH, str(MATCH_NAMES))
    print(
        f"matcher: {matched['names']:,} distinct names of one province table in"
        f" {matched['seconds']:.2f} s of wall time, {matched['cpu']:.2f} s of CPU (one thread:"
        " the wall time beyond it is other work on the machine)"
    )
    goal("matcher: 100,000 distinct names (CPU)", matched["cpu"], "<=", 5.0, " s")
    print(json.dumps({"text": figures}))


if __name__ == "__main__":
    main()

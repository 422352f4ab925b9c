"""What every benchmark prints: a figure beside its goal (issue 18), and how parallel the
machine is right now (a worker ratio means little on a machine other work keeps busy)."""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path

BUSY_LOOP = 4_000_000


def goal(label: str, value: float, relation: str, target: float, unit: str = "x") -> bool:
    """One measured figure beside its goal, and whether it is met."""
    met = value >= target if relation == ">=" else value <= target
    verdict = "met" if met else "NOT MET"
    print(f"GOAL {label:<54} {value:9.2f}{unit:<3} goal {relation} {target:g}{unit:<3} {verdict}")
    return met


def _busy(count: int) -> int:
    total = 0
    for number in range(count):
        total += number * number
    return total


def machine_parallelism(repeat: int = 3) -> float:
    """How much faster two busy processes finish two loops than one process does (best of
    ``repeat``): 2.0 on two idle cores, near 1.0 when other work already fills them."""
    best = 0.0
    context = multiprocessing.get_context("fork")
    for _ in range(repeat):
        start = time.perf_counter()
        _busy(BUSY_LOOP)
        _busy(BUSY_LOOP)
        one = time.perf_counter() - start
        start = time.perf_counter()
        processes = [context.Process(target=_busy, args=(BUSY_LOOP,)) for _ in range(2)]
        for process in processes:
            process.start()
        for process in processes:
            process.join()
        best = max(best, one / (time.perf_counter() - start))
    return best


def autogroup() -> str:
    """Whether Linux shares the CPU between sessions first (``sched_autogroup``): then all the
    workers of one batch, being one session, get one session's share on a machine other
    sessions keep busy, and a second worker mostly takes from the first."""
    try:
        enabled = Path("/proc/sys/kernel/sched_autogroup_enabled").read_text().strip() == "1"
    except OSError:
        return "no sched_autogroup"
    if not enabled:
        return "sched_autogroup off"
    return "sched_autogroup on: this session's processes share one session's CPU share"


def load() -> str:
    """The machine's load averages over 1, 5 and 15 minutes, and its cores: how much other
    work shares the CPU while a figure is measured."""
    one, five, fifteen = os.getloadavg()
    return f"load {one:.1f} / {five:.1f} / {fifteen:.1f} on {os.cpu_count()} cores"


def cpu_contention(repeat: int = 5) -> float:
    """How much more CPU time a busy loop takes while a second one runs beside it than alone:
    1.0 on two independent cores; above it when the two vCPUs share one physical core or its
    caches, or the hypervisor lends them to other guests. No program can scale past 2 divided
    by it. The median of ``repeat`` rounds, each timing one loop alone and then two at once
    (other work on the machine moves each round's figure; the median the least)."""
    ratios = sorted(max(_child_cpu(2)) / _child_cpu(1)[0] for _ in range(repeat))
    return ratios[len(ratios) // 2]


def _child_cpu(count: int) -> list[float]:
    """The CPU time of each of ``count`` busy loops run at once, one a forked process."""
    pids = []
    for _ in range(count):
        pid = os.fork()
        if pid == 0:  # the child: loop, then leave without the parent's exit handlers
            _busy(BUSY_LOOP)
            os._exit(0)
        pids.append(pid)
    times = []
    for pid in pids:
        _, _, usage = os.wait4(pid, 0)
        times.append(usage.ru_utime + usage.ru_stime)
    return times

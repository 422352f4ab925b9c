"""Seeds of samples/make_drawn.py kept as cases: those that pass today, and the targets.

``PASSING`` seeds are run by pytest (tests/test_drawn_scans.py): they pass now and must keep
passing. ``TARGETS`` are seeds that show a reader failure not fixed yet (issue 16 §1–4); a
failing fresh seed from CI joins them, with what it shows. ``scripts/eval_scans.py --targets``
runs them; a target that passes moves to ``PASSING``.
"""

from __future__ import annotations

PASSING: tuple[tuple[int, str], ...] = ()  # (seed, kind)
TARGETS: tuple[tuple[int, str, str], ...] = ()  # (seed, kind, the failure it shows)

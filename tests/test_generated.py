"""Decisions drawn by the seeded generator (samples/randomdoc/) read back perfectly.

Every fixed seed of ``REGRESSION_SEEDS`` (tests/generated_seeds.py) must give every cell right
by row and role, no silent error, exactly its planted flag and no false error flag. The
generator itself is checked too: a seed draws the same decision every time, and a clean table
obeys its own rule, ranking and bands while a planted one breaks exactly the planted row.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from conftest import extract_one  # noqa: E402
from generated_seeds import REGRESSION_SEEDS  # noqa: E402

from samples.randomdoc import generate  # noqa: E402
from samples.randomdoc.decision import draw_decision  # noqa: E402
from samples.randomdoc.grid import cell_text  # noqa: E402
from samples.randomdoc.model import Table  # noqa: E402
from samples.randomdoc.numbers import apply, band_of, competition_ranks  # noqa: E402
from samples.randomdoc.score import reason, score_result  # noqa: E402
from samples.randomdoc.truth import role_cells  # noqa: E402


@pytest.mark.parametrize(("seed", "layout"), REGRESSION_SEEDS)
def test_regression_seed_is_read_perfectly(seed: int, layout: str, tmp_path: Path) -> None:
    made = generate(seed, tmp_path, (layout,))
    score = score_result(made.truth, extract_one(made.path))
    assert score.perfect, f"seed {seed} {layout}: {reason(score)}"
    assert score.right == score.cells and score.silent == 0
    assert score.planted_found == score.planted and not score.false_errors


def test_a_seed_draws_the_same_decision(tmp_path: Path) -> None:
    first = generate(41, tmp_path / "a", ("text:tabs",))
    again = generate(41, tmp_path / "b", ("text:tabs",))
    assert first.truth == again.truth
    assert first.path.read_bytes() == again.path.read_bytes()


def broken_rows(table: Table) -> set[int]:
    """Rows whose total breaks the rule, whose component is over its maximum, or whose rank or
    stated band is not the one the scores give (ranks within each group)."""
    broken: set[int] = set()
    maxima = [c.maximum for c in sorted(table.columns, key=lambda c: c.index)
              if c.role == "component"]  # fmt: skip
    starts = [i for i, row in enumerate(table.rows) if i == 0 or row.group]
    for i, row in enumerate(table.rows):
        parts = [p for p in row.components if p is not None]
        if table.rule and parts and row.total is not None and \
                apply(table.rule, parts, table.places) != row.total:  # fmt: skip
            broken.add(i)
        if any(top is not None and p > top for p, top in zip(parts, maxima, strict=False)):
            broken.add(i)
        if table.stated_bands and row.band and row.total is not None and \
                band_of(row.total, Decimal(100)) != row.band:  # fmt: skip
            broken.add(i)
    banded = [(i, r) for i, r in enumerate(table.rows) if r.band and r.total is not None]
    banded = [] if table.stated_bands else banded  # stated thresholds are checked instead
    order = ("Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu")
    for i, row in banded:  # a lower band than a row it scores above
        if any(order.index(r.band or "") < order.index(row.band or "") and r.total < row.total
               for _, r in banded if r.total is not None and row.total is not None):  # fmt: skip
            broken.add(i)
    for start, end in zip(starts, [*starts[1:], len(table.rows)], strict=True):
        group = [(i, r) for i, r in enumerate(table.rows[start:end], start) if not r.empty]
        scored = [(i, r) for i, r in group if r.rank is not None and r.total is not None]
        scores = [r.percent if r.percent is not None else r.total for _, r in scored]
        expected = competition_ranks([s for s in scores if s is not None])
        broken |= {i for (i, r), rank in zip(scored, expected, strict=True) if r.rank != rank}
    return broken


@pytest.mark.parametrize("seed", range(0, 400, 7))
def test_only_the_planted_row_breaks_a_rule(seed: int) -> None:
    decision = draw_decision(seed, stacked=False, cut_ok=False)
    if decision.doc_type == "THÔNG BÁO":  # a top ten and the publisher's own national rank
        return
    planted = {(p.table, p.row) for p in decision.planted}
    found = {(t, i) for t, table in enumerate(decision.tables) for i in broken_rows(table)}
    assert found == planted


@pytest.mark.parametrize("seeds", [range(start, start + 500) for start in range(0, 2000, 500)])
def test_the_truth_is_what_is_printed(seeds: range) -> None:
    for seed in seeds:
        check_printed(seed)


def check_printed(seed: int) -> None:
    """Every number of the truth is the printed cell read back, and within its maximum."""
    decision = draw_decision(seed, stacked=seed % 2 == 0, cut_ok=False)
    for table in decision.tables:
        maxima = {c.index: c.maximum for c in table.columns if c.role == "component"}
        for row in table.rows:
            for column in table.columns:
                text = cell_text(table, row, column)
                if column.role == "rank_total" and text:
                    rank, _, score = text.partition(" ")
                    assert (int(rank), Decimal(score.strip("()").replace(",", "."))) == (
                        row.rank, row.total)  # fmt: skip
                elif column.role in ("component", "total", "percent", "row_max") and text:
                    value = Decimal(text.replace(",", "."))
                    truth = role_cells(column, row)
                    assert Decimal(next(iter(truth.values()))) == value
            planted = any(p.row == table.rows.index(row) for p in decision.planted)
            for k, part in enumerate(row.components):
                top = maxima[k]
                assert planted or part is None or top is None or part <= top


def test_every_flag_on_a_row_is_counted_on_it() -> None:
    """Two flags printed at one row's provenance both land on that row (none is lost)."""
    from pipeline.models import Entry, Flag, Provenance, Value
    from pipeline.models import Table as ReadTable
    from samples.randomdoc.score import flags_by_entry

    at = [Provenance("f.txt", 1, line=n) for n in (10, 11)]
    entries = tuple(
        Entry(None, name, (), Value("1", Decimal(1), where), None, None, where)
        for name, where in zip(("A", "B"), at, strict=True)
    )
    table = ReadTable(1, None, None, (), entries, (1,))
    flags = [Flag(check, "error", "d", "m", 1, None, at=at[1]) for check in ("x", "y")]
    found, doubted = flags_by_entry(table, flags)
    assert [f.check for f in found[1]] == ["x", "y"] and 0 not in found and not doubted


def test_the_publishers_own_row_under_a_top_ten_is_never_planted() -> None:
    """Its rank is a place in the national list, beyond the top ten: nothing can check it,
    whether printed alone or with its score ("17 (84,717)")."""
    top_tens = 0
    for seed in range(9430180, 9430200):
        decision = draw_decision(seed, stacked=False, cut_ok=False)
        if decision.doc_type != "THÔNG BÁO":
            continue
        top_tens += 1
        for plant in decision.planted:
            assert plant.row < len(decision.tables[plant.table].rows) - 1
    assert top_tens


def test_a_wide_table_printed_from_html_keeps_every_column(tmp_path: Path) -> None:
    """Writer cuts off what an HTML table prints beyond the page: 16 columns need landscape."""
    from pipeline.ingest.pdf import read_pdf

    made = generate(9440056, tmp_path, ("pdf",))
    assert made.truth["pdf_from"] == "html"
    widths = {len(line.cells) for page in read_pdf(made.path, "x") for line in page.lines
              if line.cells}  # fmt: skip
    assert widths == {16}

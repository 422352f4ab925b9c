"""Totals that are not plain sums, stated band thresholds, cut text and metadata, on fixtures.

samples/rules/ is written by the fixture generator (samples/fixtures/rule_decisions/) in every
format; its manifest.json states each decision's metadata, every entry as printed, the rule
each table's totals follow as tables.csv names it, the stated band thresholds and every flag a
table must raise (one per planted error, on its row; one table-level warning for a table no
rule explains). Every cell, flag and metadata field is compared with those figures.
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from conftest import ROOT, extract_one, read_csv, run_cli

from pipeline.models import DocumentResult, Table
from pipeline.parse import format_decimal
from pipeline.reconcile import total_rule
from pipeline.reconcile.bands import check_band_boundary
from pipeline.settings import ReconcileSettings

RULES = ROOT / "samples/rules"
MANIFEST = json.loads((RULES / "manifest.json").read_text(encoding="utf-8"))
FORMATS = ("txt", "docx", "html", "pdf")
CASES = [(d["slug"], fmt) for d in MANIFEST for fmt in FORMATS]
IDS = [f"{slug}.{fmt}" for slug, fmt in CASES]
METADATA_FLAGGED = {"issuer", "province", "decision_number", "decision_date", "evaluation_year",
                    "signer", "title"}  # fmt: skip
_results: dict[str, DocumentResult] = {}


def result_of(name: str) -> DocumentResult:
    if name not in _results:
        os.chdir(ROOT)
        _results[name] = extract_one(f"samples/rules/{name}")
    return _results[name]


def facts(slug: str) -> dict:  # type: ignore[type-arg]
    return next(d for d in MANIFEST if d["slug"] == slug)


def printed_entries(table: Table) -> list[dict[str, object]]:
    """The entries as the manifest writes them: canonical numbers, "" for a blank component."""
    return [
        {
            "row_number": entry.number,
            "agency": entry.agency_raw,
            "components": [
                format_decimal(v.number) if v and v.number is not None else ""
                for v in entry.components
            ],
            "total": format_decimal(entry.total.number)
            if entry.total and entry.total.number is not None
            else None,
            "rank": (
                int(entry.rank.number) if entry.rank and entry.rank.number is not None else None
            ),
            "band": entry.band,
        }
        for entry in table.entries
    ]


def table_flags(result: DocumentResult, table_index: int) -> list[tuple[int | None, str]]:
    found = [(f.row_number, f.check) for f in result.flags if f.table_index == table_index]
    return sorted(found, key=lambda flag: (flag[0] or 0, flag[1]))


@pytest.mark.parametrize(("slug", "fmt"), CASES, ids=IDS)
def test_metadata_as_the_manifest_states(slug: str, fmt: str) -> None:
    expected = facts(slug)["metadata"]
    meta = result_of(f"{slug}.{fmt}").metadata
    got = {name: getattr(meta, name) for name in expected}
    got["decision_date"] = meta.decision_date.isoformat() if meta.decision_date else None
    assert got == expected


@pytest.mark.parametrize(("slug", "fmt"), CASES, ids=IDS)
def test_every_cell_as_the_generator_printed_it(slug: str, fmt: str) -> None:
    result = result_of(f"{slug}.{fmt}")
    assert result.status == "ok", result.error
    expected = facts(slug)["tables"]
    assert [(t.level, len(t.entries)) for t in result.tables] == [
        (t["level"], t["rows"]) for t in expected
    ]
    for table, want in zip(result.tables, expected, strict=True):
        assert printed_entries(table) == want["entries"], f"table {table.index}"


@pytest.mark.parametrize(("slug", "fmt"), CASES, ids=IDS)
def test_each_total_follows_the_rule_the_manifest_names(slug: str, fmt: str) -> None:
    result = result_of(f"{slug}.{fmt}")
    for table, want in zip(result.tables, facts(slug)["tables"], strict=True):
        assert total_rule(table).describe() == want["total_rule"], f"table {table.index}"


@pytest.mark.parametrize(("slug", "fmt"), CASES, ids=IDS)
def test_exactly_the_planted_flags_and_no_other(slug: str, fmt: str) -> None:
    """Clean tables raise nothing; a planted error only on its row; no rule: one warning."""
    result = result_of(f"{slug}.{fmt}")
    for table, want in zip(result.tables, facts(slug)["tables"], strict=True):
        expected = sorted(
            ((f["row_number"], f["check"]) for f in want["flags"]),
            key=lambda flag: (flag[0] or 0, flag[1]),
        )
        assert table_flags(result, table.index) == expected, f"table {table.index}"
    missing = {name for name, value in facts(slug)["metadata"].items() if value is None}
    document_level = {(f.check, f.expected) for f in result.flags if f.table_index is None}
    assert document_level == {("missing_metadata", name) for name in missing & METADATA_FLAGGED}


@pytest.mark.parametrize(("slug", "fmt"), CASES, ids=IDS)
def test_clean_fixtures_raise_no_error_flag(slug: str, fmt: str) -> None:
    if slug.endswith("_planted"):
        pytest.skip("planted errors are checked flag by flag")
    errors = [f.message for f in result_of(f"{slug}.{fmt}").flags if f.severity == "error"]
    assert errors == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_stated_weights_are_used_and_unstated_ones_are_fitted(fmt: str) -> None:
    stated = result_of(f"tuyenquang_2022_dti.{fmt}").tables[0]
    assert stated.stated_weights == (Decimal("0.4"), Decimal("0.3"), Decimal("0.3"))
    assert total_rule(stated).stated
    for table in result_of(f"ninhbinh_2023_fitted.{fmt}").tables:
        assert table.stated_weights is None
        assert not total_rule(table).stated
        assert total_rule(table).kind == "weighted"


def exact_totals(table: dict, places: int) -> list[tuple[Decimal, str]]:  # type: ignore[type-arg]
    weights = [Decimal(w) for w in table["total_rule"].removeprefix("weighted:").split(",")]
    return [
        (sum(w * Decimal(c) for w, c in zip(weights, e["components"], strict=True)), e["total"])
        for e in table["entries"]
    ]


def test_fitted_tables_hold_ties_that_half_up_and_half_even_round_apart() -> None:
    """Each fitted table has rows whose printed total only its own rounding gives."""
    half_up, half_even = facts("ninhbinh_2023_fitted")["tables"]
    for table, mode, places in ((half_up, ROUND_HALF_UP, 2), (half_even, ROUND_HALF_EVEN, 1)):
        other = ROUND_HALF_EVEN if mode == ROUND_HALF_UP else ROUND_HALF_UP
        step = Decimal(1).scaleb(-places)
        apart = 0
        for exact, printed in exact_totals(table, places):
            assert exact.quantize(step, rounding=mode) == Decimal(printed)
            apart += exact.quantize(step, rounding=other) != Decimal(printed)
        assert apart >= 3


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("slug", ["bache_2022_bands", "lamdong_2023_annex_bands"])
def test_stated_thresholds_are_read(slug: str, fmt: str) -> None:
    """The decision body (Ba Chẽ) or its appendix (Lâm Đồng) states them; each is read exactly."""
    thresholds = facts(slug)["tables"][0]["thresholds"]
    expected = []
    above = None
    for floor, band in thresholds:
        expected.append((band, Decimal(floor) if floor else None, above))
        above = Decimal(floor)
    for name in (f"{slug}.{fmt}", f"{slug}_planted.{fmt}"):
        stated = result_of(name).tables[0].stated_bands
        assert [(b.band, b.low, b.high) for b in stated] == expected
        assert all(b.low_inclusive and not b.high_inclusive for b in stated)


@pytest.mark.parametrize("name", ["bache_2022_bands.txt", "lamdong_2023_annex_bands_planted.txt"])
def test_the_round_threshold_guess_would_have_fired_without_the_stated_thresholds(
    name: str,
) -> None:
    """These tables meet between bands where no round score lies: only the stated thresholds
    keep band_boundary quiet (the exact flags are checked above)."""
    table = result_of(name).tables[0]
    assert table.stated_bands
    guessed = check_band_boundary("x", replace(table, stated_bands=()), ReconcileSettings())
    assert [flag.check for flag in guessed] != []
    assert check_band_boundary("x", table, ReconcileSettings()) == []


def test_cut_text_flags_the_row_it_ends_in_and_invents_nothing() -> None:
    cut = facts("tuyenquang_2022_dti")["cut"]
    result = result_of(cut["file"])
    assert result.status == "ok", result.error
    (table,) = result.tables
    assert printed_entries(table) == cut["entries"]
    assert [e.cut for e in table.entries] == [False] * (cut["row_number"] - 1) + [True]
    assert table_flags(result, 1) == [(cut["row_number"], "cut_row")]
    assert result.metadata == result_of("tuyenquang_2022_dti.txt").metadata


def test_the_cut_file_really_ends_inside_the_row() -> None:
    text = (RULES / facts("tuyenquang_2022_dti")["cut"]["file"]).read_text(encoding="utf-8")
    last = text.split("\n")[-1]
    assert last.startswith("5\tUBND huyện Chiêm Hóa\t") and not text.endswith("\n")


def test_the_html_title_is_a_bold_centred_paragraph_in_capitals() -> None:
    """As legal-document websites print it; the capitals are kept."""
    page = (RULES / "bache_2022_bands.html").read_text(encoding="utf-8")
    title = facts("bache_2022_bands")["metadata"]["title"]
    paragraph = next(line for line in page.splitlines() if "loai_1_name" in line)
    assert 'align="center"' in paragraph and f"<b>VỀ VIỆC {title}</b>" in paragraph
    assert result_of("bache_2022_bands.html").metadata.title == title


@pytest.mark.parametrize("slug", [d["slug"] for d in MANIFEST])
def test_every_format_gives_the_same_entries_and_flags(slug: str) -> None:
    def shape(result: DocumentResult) -> object:
        flags = sorted((f.table_index or 0, f.row_number or 0, f.check) for f in result.flags)
        return [printed_entries(t) for t in result.tables], flags, result.metadata

    reference = shape(result_of(f"{slug}.txt"))
    for fmt in FORMATS[1:]:
        assert shape(result_of(f"{slug}.{fmt}")) == reference, fmt


def test_tables_csv_names_each_rule(tmp_path: Path) -> None:
    code, _out, err = run_cli("extract", "samples/rules", "--out", str(tmp_path))
    assert code == 0, err
    documents = {row["doc_id"]: row["source_file"] for row in read_csv(tmp_path / "documents.csv")}
    got = {
        (Path(documents[row["doc_id"]]).name, int(row["table_index"])): row["total_rule"]
        for row in read_csv(tmp_path / "tables.csv")
    }
    expected = {
        (f"{d['slug']}.{fmt}", index): table["total_rule"]
        for d in MANIFEST
        for fmt in FORMATS
        for index, table in enumerate(d["tables"], start=1)
    }
    expected[("tuyenquang_2022_dti_cut.txt", 1)] = "weighted:0.4,0.3,0.3"
    assert got == expected


def test_a_formula_wrapped_over_lines_gives_its_weights() -> None:
    # a PDF's line breaks fall inside a label ("Hạ tầng kỹ" / "thuật") and after a sign
    from pipeline.models import Column
    from pipeline.tables.header.stated import stated_weights

    labels = ["Hạ tầng kỹ thuật", "Môi trường chính sách", "Ứng dụng CNTT"]
    components = tuple(Column(k, label, "component") for k, label in enumerate(labels, 3))
    prose = ["Chỉ số được tính theo công thức: Chỉ số = 0,5 × Hạ tầng kỹ", "thuật + 0,2 ×"]
    prose += ["Môi trường chính sách + 0,3 × Ứng", "dụng CNTT", "Điều 2. Hiệu lực."]
    assert stated_weights(prose, components) == (Decimal("0.5"), Decimal("0.2"), Decimal("0.3"))


def test_a_signs_letter_inside_a_label_stays_the_labels() -> None:
    # "× Xã hội số" lost its "X", "× Nhân lực số" its "Nhân": the labels matched no column and
    # the weights went by column order
    from pipeline.tables.header.stated import _term

    assert _term(" 0,1 × Xã hội số") == (Decimal("0.1"), "xã hội số")
    assert _term(" 0,25 × Nhân lực số") == (Decimal("0.25"), "nhân lực số")
    assert _term("Kinh tế số x 30%") == (Decimal("0.3"), "kinh tế số")
    assert _term("0,4 nhân Chính quyền số") == (Decimal("0.4"), "chính quyền số")
    assert _term(" 0,4*Chính quyền số") == (Decimal("0.4"), "chính quyền số")


def test_a_stated_formula_settles_the_total_despite_a_misprinted_row() -> None:
    # six rows of five parts: too few rows to fit the weights, the stated ones give the total
    # on five; the sixth is the check's finding, not a reason to leave the table without one
    from conftest import tables_of

    weights = [Decimal(w) for w in ("0.1", "0.1", "0.2", "0.25", "0.35")]
    parts = [
        ["52.7", "30.1", "41.1", "47.8", "38.5"],
        ["72.7", "83.2", "73.6", "60.9", "62.9"],
        ["44.7", "44.1", "56.7", "45.0", "63.8"],
        ["63.4", "79.4", "68.7", "74.5", "57.8"],
        ["84.2", "99.0", "95.7", "82.1", "99.5"],
        ["80.6", "78.8", "82.1", "83.2", "98.6"],
    ]
    exact = [sum(w * Decimal(p) for w, p in zip(weights, row, strict=True)) for row in parts]
    totals = [str(t.quantize(Decimal("0.001"))) for t in exact]
    totals[3] = "70.000"  # misprinted
    names = ["Sở Y tế", "Sở Tài chính", "Sở Nội vụ", "Thanh tra tỉnh", "Sở Du lịch", "Ban Dân tộc"]
    labels = ["Kinh tế số", "Xã hội số", "Nền tảng số", "Thể chế số", "Nhân lực số"]
    header = ["STT", "Đơn vị", "Điểm xếp mục", *labels]
    rows = [
        "\t".join([str(k), name, total, *row])
        for k, (name, total, row) in enumerate(zip(names, totals, parts, strict=True), 1)
    ]
    terms = [f"{w} × {label}".replace(".", ",") for w, label in zip(weights, labels, strict=True)]
    formula = "Chỉ số = " + " + ".join(terms)
    (table,) = tables_of("\n".join([formula, "", "\t".join(header), *rows]) + "\n")
    assert [c.role for c in table.columns][2:4] == ["total", "component"]
    assert table.role_doubt is None

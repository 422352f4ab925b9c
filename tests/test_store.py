"""The DuckDB dataset: idempotent builds, changed files, one decision per issuance, the panel."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from conftest import read_csv, run_cli
from dataset_inputs import GENERATED, LAOCAI, PHUTHO, copies, edited, laocai_2017, phutho_2024

from pipeline.batch import BatchSettings
from pipeline.schema import TABLES, columns
from pipeline.store import build, connect

CSV_TABLES = list(TABLES)


def counts(db: Path) -> dict[str, int]:
    con = connect(db, read_only=True)
    try:
        names = [*CSV_TABLES, "decisions", "decision_sources", "identities", "sources"]
        return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        con.close()


def query(db: Path, sql: str, *params: object) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


# The samples in their text forms (txt, pdf, docx, html); the scanned ones are OCR's tests.
TEXT_SAMPLES = ("samples/000_d536206099149b63.txt", "samples/004_c6f2763c3845bad7.txt",
                "samples/generated")  # fmt: skip


@pytest.fixture(scope="session")
def samples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every sample built once, by the real command."""
    db = tmp_path_factory.mktemp("store") / "decisions.duckdb"
    code, out, err = run_cli("build", *TEXT_SAMPLES, "--db", str(db))
    assert code == 0, err
    assert "0 failed" in out
    return db


def test_building_every_sample_twice_adds_nothing_the_second_time(samples_db: Path) -> None:
    before = counts(samples_db)
    snapshot = query(samples_db, "SELECT * FROM entries ORDER BY doc_id, table_index, entry_index")
    code, out, err = run_cli("build", *TEXT_SAMPLES, "--db", str(samples_db))
    assert code == 0, err
    assert "0 read, 0 replaced, 34 unchanged" in out
    assert counts(samples_db) == before
    assert query(samples_db, "SELECT * FROM entries ORDER BY doc_id, table_index, entry_index") == (
        snapshot
    )
    assert before["documents"] == 34 and before["decisions"] == 8


def test_store_tables_have_exactly_the_csv_columns(samples_db: Path) -> None:
    for table in CSV_TABLES:
        found = query(
            samples_db,
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
            "ORDER BY ordinal_position",
            table,
        )
        assert [name for (name,) in found] == columns(table)


def test_store_holds_what_extract_writes_cell_for_cell(tmp_path: Path) -> None:
    inputs = copies([LAOCAI, GENERATED / "quangninh_2022_dti.pdf"], tmp_path / "in")
    code, _out, err = run_cli("extract", str(tmp_path / "in"), "--out", str(tmp_path / "csv"))
    assert code == 0, err
    db = tmp_path / "d.duckdb"
    build(inputs, db)
    code, _out, err = run_cli("export", "--db", str(db), "--to", str(tmp_path / "export"))
    assert code == 0, err
    for table in ("documents", "tables", "entries", "components", "flags"):
        extracted = read_csv(tmp_path / "csv" / f"{table}.csv")
        exported = read_csv(tmp_path / "export" / f"{table}.csv")
        key = lambda row: tuple(row.values())  # noqa: E731
        assert sorted(exported, key=key) == sorted(extracted, key=key), table


def test_a_changed_file_replaces_its_old_rows(tmp_path: Path) -> None:
    (source,) = copies([LAOCAI], tmp_path / "in")
    db = tmp_path / "d.duckdb"
    first = build([source], db)
    assert first.added == 1
    (old_doc,) = query(db, "SELECT doc_id FROM documents")[0]
    edited(source, source, ("2\tSở Tài chính\t12\t37\t12\t13\t7\t14\t95",
                            "2\tSở Tài chính\t12\t36\t12\t13\t7\t14\t94"))  # fmt: skip
    second = build([source], db)
    assert (second.added, second.replaced) == (1, 1)
    (new_doc,) = query(db, "SELECT doc_id FROM documents")[0]
    assert new_doc != old_doc
    for table in CSV_TABLES:
        assert query(db, f'SELECT count(*) FROM "{table}" WHERE doc_id = ?', old_doc) == [(0,)]
    assert query(db, "SELECT total FROM entries WHERE agency_raw = 'Sở Tài chính'") == [("94",)]
    assert query(db, "SELECT doc_id FROM sources") == [(new_doc,)]
    assert counts(db)["entries"] == 31 and counts(db)["decisions"] == 1


def test_the_same_decision_as_text_pdf_and_docx_is_one_decision_with_three_sources(
    tmp_path: Path,
) -> None:
    files = [GENERATED / f"hue_2019_cqdt.{suffix}" for suffix in ("txt", "pdf", "docx")]
    db = tmp_path / "d.duckdb"
    build(files, db)
    ((decision_id, sources, conflict, number),) = query(
        db, "SELECT decision_id, sources, source_conflict, decision_number FROM decisions"
    )
    assert (sources, conflict, number) == (3, False, "785/QĐ-UBND")
    formats = query(db, "SELECT format FROM decision_sources WHERE decision_id = ? ORDER BY 1",
                    decision_id)  # fmt: skip
    assert formats == [("docx",), ("pdf",), ("txt",)]
    # the panel counts the decision once, not once per file
    assert query(db, "SELECT count(*) FROM panel") == query(
        db, "SELECT count(*) FROM entries e JOIN decisions d USING (doc_id)"
    )
    assert query(db, "SELECT count(*) FROM flags WHERE \"check\" = 'source_conflict'") == [(0,)]


def test_a_decision_without_a_number_is_matched_by_issuer_year_and_tables(
    samples_db: Path,
) -> None:
    rows = query(samples_db, "SELECT sources FROM decisions WHERE decision_number IS NULL")
    assert rows == [(5,)]  # Đắk Lắk 2017: the seed and four generated forms


def test_two_sources_with_different_figures_raise_source_conflict(tmp_path: Path) -> None:
    changed = edited(LAOCAI, tmp_path / "in" / "laocai_retyped.txt",
                     ("2\tSở Tài chính\t12\t37\t12\t13\t7\t14\t95",
                      "2\tSở Tài chính\t12\t37\t12\t13\t7\t14\t96"))  # fmt: skip
    db = tmp_path / "d.duckdb"
    build([GENERATED / "laocai_2016_cntt.docx", changed], db)
    assert query(db, "SELECT sources, source_conflict FROM decisions") == [(2, True)]
    flags = query(db, "SELECT source_file, table_index, row_number, expected, actual, message "
                  "FROM flags WHERE \"check\" = 'source_conflict'")  # fmt: skip
    assert len(flags) == 1
    source_file, table, row, expected, actual, message = flags[0]
    assert (source_file, table, row) == (changed.as_posix(), 1, 2)
    assert (expected, actual) == ("Tổng điểm = 95", "Tổng điểm = 96")
    assert "Sở Tài chính" in message
    assert counts(db)["entries"] == 62  # both sources kept


def test_the_panel_joins_one_agency_across_two_years(tmp_path: Path) -> None:
    db = tmp_path / "d.duckdb"
    build([LAOCAI, laocai_2017(tmp_path / "in")], db)
    rows = query(
        db,
        "SELECT agency_id, evaluation_year, total, agency_canonical, province, decision_number "
        "FROM panel WHERE agency_raw = 'Sở Tài chính' ORDER BY 2",
    )
    assert [(r[0], r[1], str(r[2].normalize())) for r in rows] == [
        ("p15@2025.so-tai-chinh", 2016, "95"),
        ("p15@2025.so-tai-chinh", 2017, "96"),
    ]
    assert {(r[3], r[4]) for r in rows} == {("Sở Tài chính", "Lào Cai")}
    assert query(db, "SELECT count(DISTINCT agency_id) FROM panel WHERE level = 'district'") == [
        (9,)
    ]


def test_the_panel_joins_an_agency_across_the_2025_merger(tmp_path: Path) -> None:
    db = tmp_path / "d.duckdb"
    build([PHUTHO, phutho_2024(tmp_path / "in")], db)
    rows = query(db, "SELECT evaluation_year, agency_id, source_agency_id, province FROM panel "
                 "WHERE agency_raw = 'Sở Nội vụ' ORDER BY 1")  # fmt: skip
    assert rows == [
        (2024, "p25@2025.so-noi-vu", "p25.so-noi-vu", "Phú Thọ"),
        (2025, "p25@2025.so-noi-vu", "p25@2025.so-noi-vu", "Phú Thọ"),
    ]


def test_an_absorbed_unit_keeps_its_own_identity(samples_db: Path) -> None:
    """Sở Kế hoạch và Đầu tư merged into Sở Tài chính in 2025: its figures stay its own."""
    rows = query(samples_db, "SELECT DISTINCT agency_id FROM panel "
                 "WHERE source_agency_id = 'p10.so-ke-hoach-va-dau-tu'")  # fmt: skip
    assert rows == [("p10.so-ke-hoach-va-dau-tu",)]


def test_two_decisions_that_disagree_the_panel_takes_the_later(tmp_path: Path) -> None:
    revised = edited(LAOCAI, tmp_path / "in" / "laocai_2016_revised.txt",
                     ("512/QĐ-UBND", "777/QĐ-UBND"),
                     ("ngày 16 tháng 02 năm 2017", "ngày 10 tháng 05 năm 2017"),
                     ("16/02/2017", "10/05/2017"),
                     ("2\tSở Tài chính\t12\t37\t12\t13\t7\t14\t95",
                      "2\tSở Tài chính\t12\t35\t12\t13\t7\t14\t93"))  # fmt: skip
    db = tmp_path / "d.duckdb"
    build([LAOCAI, revised], db)
    assert counts(db)["decisions"] == 2
    ((total, number),) = query(
        db, "SELECT total, decision_number FROM panel WHERE agency_raw = 'Sở Tài chính'"
    )
    assert (str(total.normalize()), number) == ("93", "777/QĐ-UBND")
    flags = query(db, "SELECT doc_id, row_number, expected, actual FROM flags "
                  "WHERE \"check\" = 'conflicting_decisions'")  # fmt: skip
    assert len(flags) == 1
    _doc, row, expected, actual = flags[0]
    assert row == 2 and "777/QĐ-UBND" in expected and "512/QĐ-UBND" in actual


def test_a_bad_file_is_stored_as_failed_and_the_build_goes_on(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    copies([LAOCAI], inputs)
    (inputs / "empty.txt").write_bytes(b"")
    db = tmp_path / "d.duckdb"
    code, _out, err = run_cli("build", str(inputs), "--db", str(db))
    assert code == 3
    assert "empty.txt: failed:" in err
    statuses = sorted(query(db, "SELECT status FROM documents"))
    assert statuses == [("failed",), ("ok",)]
    assert counts(db)["decisions"] == 1


def test_a_store_from_before_new_columns_gains_them(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute('CREATE TABLE "tables" (doc_id VARCHAR, table_index BIGINT)')
    con.close()
    build([LAOCAI], db, BatchSettings())
    found = query(db, "SELECT column_name FROM information_schema.columns "
                  "WHERE table_name = 'tables' ORDER BY ordinal_position")  # fmt: skip
    assert [name for (name,) in found] == columns("tables")


def test_export_of_a_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    code, _out, err = run_cli(
        "export", "--db", str(tmp_path / "none.duckdb"), "--to", str(tmp_path)
    )
    assert code == 2 and "does not exist" in err


def test_the_panel_joins_a_district_across_its_upgrade(tmp_path: Path) -> None:
    """Huyện Sa Pa became thị xã Sa Pa in 2020: one identity, printed either way."""
    later = edited(
        LAOCAI,
        tmp_path / "in" / "laocai_2020_cntt.txt",
        ("năm 2016", "năm 2020"),
        ("ngày 16 tháng 02 năm 2017", "ngày 20 tháng 02 năm 2021"),
        ("16/02/2017", "20/02/2021"),
        ("512/QĐ-UBND", "401/QĐ-UBND"),
        ("\tHuyện Sa Pa\t", "\tThị xã Sa Pa\t"),
    )
    db = tmp_path / "d.duckdb"
    build([LAOCAI, later], db)
    rows = query(db, "SELECT evaluation_year, agency_id, agency_raw, agency_canonical FROM panel "
                 "WHERE agency_raw LIKE '%Sa Pa' ORDER BY 1")  # fmt: skip
    assert rows == [
        (2016, "d088", "Huyện Sa Pa", "Thị xã Sa Pa"),
        (2020, "d088", "Thị xã Sa Pa", "Thị xã Sa Pa"),
    ]


def test_reread_applies_a_reviewers_aliases_to_stored_files(tmp_path: Path) -> None:
    db = tmp_path / "d.duckdb"
    build([LAOCAI], db)
    name = "Vườn Quốc gia Hoàng Liên"
    assert query(db, "SELECT count(*) FROM panel WHERE agency_raw = ?", name) == [(0,)]
    overlay = tmp_path / "overlay.csv"
    overlay.write_text("id,name,level,province_id\n"
                       "p10.vqg-hoang-lien,Vườn quốc gia Hoàng Liên,province_agency,p10\n",
                       encoding="utf-8")  # fmt: skip
    aliases = tmp_path / "reviewed.csv"
    aliases.write_text(f"agency_raw,chosen_id\n{name},p10.vqg-hoang-lien\n", encoding="utf-8")
    options = ["--overlay", str(overlay), "--aliases", str(aliases)]
    code, out, err = run_cli("build", str(LAOCAI), "--db", str(db), *options)
    assert code == 0 and "0 read" in out, err  # known bytes are not read again …
    code, out, err = run_cli("build", str(LAOCAI), "--db", str(db), *options, "--reread")
    assert code == 0 and "1 read, 0 replaced, 0 unchanged" in out, err  # … unless asked
    assert query(db, "SELECT agency_id FROM panel WHERE agency_raw = ?", name) == [
        ("p10.vqg-hoang-lien",)
    ]
    assert counts(db)["entries"] == 31 and counts(db)["documents"] == 1


def test_a_row_one_source_leaves_out_is_a_source_conflict(tmp_path: Path) -> None:
    text = LAOCAI.read_text(encoding="utf-8")
    (row,) = [line for line in text.splitlines() if line.startswith("22\tVườn Quốc gia")]
    shorter = edited(LAOCAI, tmp_path / "in" / "laocai_short.txt", (row + "\n", ""))
    db = tmp_path / "d.duckdb"
    build([GENERATED / "laocai_2016_cntt.docx", shorter], db)
    flags = query(db, "SELECT table_index, row_number, expected, actual FROM flags "
                  "WHERE \"check\" = 'source_conflict'")  # fmt: skip
    assert flags == [(1, 22, "dòng = có", "dòng = không có")]


def test_a_flag_joins_its_row_by_entry_index(tmp_path: Path) -> None:
    db = tmp_path / "flags.duckdb"
    build([Path("tests/injected/000_d536206099149b63__sum_mismatch.txt")], db, BatchSettings())
    sql = (
        "SELECT f.entry_index, f.agency_raw, e.agency_raw FROM flag_rows f JOIN entries e "
        "ON e.doc_id = f.doc_id AND e.table_index = f.table_index "
        "AND e.entry_index = f.entry_index WHERE f.\"check\" = 'sum_mismatch'"
    )
    found = query(db, sql)
    assert found and all(index and mine == theirs for index, mine, theirs in found)
    stored = query(db, "SELECT entry_index FROM flags WHERE \"check\" = 'sum_mismatch'")
    assert [index for (index,) in stored] == [index for index, _, _ in found]

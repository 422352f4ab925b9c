"""Documents without a ranking table: catalogued (status no_table), not failed, in every output."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import bad_inputs
import duckdb
import pytest
from conftest import SEEDS, read_csv, run_cli
from dataset_inputs import LAOCAI, copies
from lxml import html

from pipeline.models import Document, Line, Page, Provenance
from pipeline.reconcile import check_scores_in_prose
from pipeline.reconcile.document import _scores

NUMBER, DATE = "512/QĐ-UBND", "2017-02-16"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A decision with its table, the same decision's letter without it, and a plain note."""
    folder = tmp_path_factory.mktemp("catalogue") / "archive"
    copies([LAOCAI], folder)
    bad_inputs.decision_without_table(folder)
    bad_inputs.not_a_decision(folder)
    return folder


def test_extract_exits_0_and_counts_them_apart(archive: Path, tmp_path: Path) -> None:
    code, stdout, stderr = run_cli("extract", str(archive), "--out", str(tmp_path / "out"))
    assert code == 0, stderr
    assert "documents: 3 (1 ok, 0 failed, 2 without a ranking table)" in stdout
    assert "failed" not in stderr.replace("0 failed", "")
    rows = {Path(r["source_file"]).name: r for r in read_csv(tmp_path / "out" / "documents.csv")}
    assert rows["no_table.txt"]["status"] == "no_table"
    assert rows["no_table.txt"]["decision_number"] == NUMBER
    assert rows["minutes.md"]["status"] == "no_table"


def test_check_exits_as_without_them(archive: Path, tmp_path: Path) -> None:
    alone = copies([LAOCAI], tmp_path / "alone")[0]
    with_them, _out, _err = run_cli("check", str(archive))
    without, _out, _err = run_cli("check", str(alone))
    assert with_them == without


@pytest.fixture(scope="module")
def store(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("catalogue_db") / "d.duckdb"
    code, stdout, stderr = run_cli("build", str(archive), "--db", str(db))
    assert code == 0, stderr
    assert "0 failed, 2 without a ranking table" in stdout
    return db


def _decisions(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT decision_number, CAST(decision_date AS VARCHAR), signer, status, sources, "
            "source_files FROM decisions ORDER BY status, source_files"
        ).fetchall()
    finally:
        con.close()


def test_the_store_lists_them_as_decisions_with_their_metadata(store: Path) -> None:
    found = _decisions(store)
    assert [(number, day, status, n) for number, day, _signer, status, n, _files in found] == [
        (None, None, "no_table", 1),  # the note: a decision of the catalogue on its own
        (NUMBER, DATE, "ok", 2),  # the letter without its table is a source of the decision
    ]
    assert found[1][2]  # the signer is kept
    assert "no_table.txt" in found[1][5] and "laocai_2016_cntt.txt" in found[1][5]


def test_a_source_without_the_table_raises_no_source_conflict(store: Path) -> None:
    con = duckdb.connect(str(store), read_only=True)
    try:
        conflicts = con.execute(
            "SELECT count(*) FROM flags WHERE \"check\" = 'source_conflict'"
        ).fetchone()
    finally:
        con.close()
    assert conflicts == (0,)


def test_the_report_lists_them_apart(store: Path, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    code, _out, err = run_cli("report", "--db", str(store), "--html", str(page))
    assert code == 0, err
    dom = html.fromstring(page.read_text(encoding="utf-8"))
    (catalogue,) = dom.xpath('//section[@class="catalogue"]')
    rows = catalogue.xpath(".//tbody/tr")
    assert len(rows) == 1 and "minutes.md" in rows[0].text_content()
    assert len(dom.xpath('//section[@class="decision"]')) == 1


def test_a_store_built_before_the_catalogue_still_reports(archive: Path, tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    code, _out, err = run_cli("build", str(archive), "--db", str(db))
    assert code == 0, err
    con = duckdb.connect(str(db))
    con.execute("DELETE FROM decisions WHERE status = 'no_table'")
    con.execute("ALTER TABLE decisions DROP COLUMN status")
    con.execute("ALTER TABLE decisions DROP COLUMN signer")
    con.close()
    page = tmp_path / "report.html"
    code, _out, err = run_cli("report", "--db", str(db), "--html", str(page))
    assert code == 0, err
    dom = html.fromstring(page.read_text(encoding="utf-8"))
    assert len(dom.xpath('//section[@class="decision"]')) == 1
    assert dom.xpath('//section[@class="catalogue"]') == []
    code, _out, err = run_cli("export", "--db", str(db), "--to", str(tmp_path / "x"))
    assert code == 0, err


def _scan(text: str) -> Document:
    """A scanned page's prose lines, one a text line, as the OCR reader gives them."""
    lines = tuple(
        Line(line, Provenance("fax.tif", 1, bbox=(0, 20 * i, 500, 20 * i + 12), method="ocr"))
        for i, line in enumerate(text.splitlines())
    )
    return Document("fax", "fax.tif", "0" * 64, "image", (Page(1, lines, method="ocr"),))


def test_scores_a_lost_grid_left_in_the_prose_are_told() -> None:
    # a fax whose rules broke into dots (drawn seed 8203): the grid is never found, its cells
    # read as lines of their own; the document has no table but must not pass as one without
    cells = "1 UBND 11.7\n38.8\n12,6 13.6\n6.8 _ 186\n97.1 : sl\n2 UBND 11.6 - | 38.7\n12.6\n"
    cells += "135. 68\n13.5\n96.7.\n3 UBND 15\n38.4\n12.5\nI3.5\n135 961\n4 UBND 9.4 31.4\n"
    lost = check_scores_in_prose("x", _scan("QUYẾT ĐỊNH\nPhê duyệt kết quả\n" + cells))
    # 16 decimal scores and the whole "135 961"
    assert [(f.check, f.actual) for f in lost] == [("table_not_read", "18 scores in prose")]
    assert lost[0].at is not None and lost[0].at.bbox == (0, 40, 500, 52)  # "1 UBND 11.7"
    # a page a table's rows were read from is not said to be lost for the scores beside them
    page = SimpleNamespace(entries=[SimpleNamespace(at=Provenance("fax.tif", 1))])
    assert check_scores_in_prose("x", _scan(cells), (page,)) == []  # type: ignore[arg-type]
    # an unruled table read as a piece (drawn seed 8307): its other rows, left as prose on the
    # same page, are told; the scores in the row it read are not counted
    piece = SimpleNamespace(
        entries=[SimpleNamespace(at=Provenance("fax.tif", 1, (0, 38, 500, 54)))]
    )
    (told,) = check_scores_in_prose("x", _scan("QUYẾT ĐỊNH\n" + cells), (piece,))  # type: ignore[arg-type]
    assert told.actual == "17 scores in prose"
    # a decision's prose (dates, article numbers, money, "điểm 7,5)") prints no such run
    prose = SEEDS[0].read_text(encoding="utf-8").split("STT")[0]
    prose += "\n1.1. Đối tượng áp dụng; ngày 19.6.2015; 1.500.000 đồng; điểm 7,5).\n"
    assert check_scores_in_prose("x", _scan(prose)) == []
    # nor does a stated formula's weights, wrapped over lines as a page breaks them
    formula = "Chỉ số = 0,1 × Hạ tầng CNTT + 0,1 × Đầu tư + 0,05 ×\nNhân lực + 0,25 × Ứng\n"
    formula += "dụng + 0,15 × An toàn + Kinh tế số x 30% + 0,05 × Dịch vụ công + 0,2 × Cổng\n"
    assert _scores(formula) == 0
    assert check_scores_in_prose("x", _scan(prose + formula)) == []


def test_whole_scores_of_a_grid_read_cell_by_cell_are_told() -> None:
    # drawn seed 8506's page 2 (unruled, names running into the next column), as Tesseract
    # read it before its table was found: each cell a line of its own ("34", "11"), the scores
    # whole numbers, which the decimal scores alone never counted (80 values gone untold)
    rows = [("3 Bân", "Quản lý Khu"), ("4 Đở", "Nội vụ"), ("5 bổ", "Nông nghiệp"),
            ("6 Sở", "Khoa học"), ("7 Qục", "Thống kê"), ("8 Sở", "Giáo dục")]  # fmt: skip
    scores = ["34\n11\n13\n12\n86", "34\n12\n12\n12\n86", "33\n11\n11\n12\n83",
              "32\n10\n11\n11\n79", "28\n9\n10\n10\n71", "24\n8\n9\n9\n61"]  # fmt: skip
    cells = "".join(f"{first}\n{row}\n" + "\n".join(rest.split()) + "\n"
                    for (first, rest), row in zip(rows, scores, strict=True))  # fmt: skip
    (told,) = check_scores_in_prose("p2", _scan(cells))
    assert told.check == "table_not_read"
    assert int(told.actual.split()[0]) >= 30  # 6 rows of 5 scores
    # the prose of a decree whose numbers stand among words ("khoản 2 Điều 7, khoản 2 Điều
    # 11", "ngày 19 tháng 6 năm 2015") and a page number holds no such score
    prose = "khoản 2 Điều 14, điểm g khoản 3 Điều 15, khoản 6 Điều 15,\nngày 19 tháng 6 năm 2015\n2"
    assert check_scores_in_prose("x", _scan(prose * 6)) == []


def test_a_tables_last_row_left_in_a_later_pages_prose_is_told() -> None:
    # drawn seed 8805 (200 dpi): the table's row 16, alone on page 2 under a repeated header,
    # lost its grid there; its cells came out as lines of their own ("9", "13" …), five
    # scores, under the twelve a page with no table before it needs (16 values lost untold)
    def page(number: int, text: str) -> Page:
        lines = tuple(
            Line(
                line, Provenance("p.pdf", number, bbox=(0, 20 * i, 500, 20 * i + 12), method="ocr")
            )  # fmt: skip
            for i, line in enumerate(text.splitlines())
        )
        return Page(number, lines, method="ocr")

    first = "QUYẾT ĐỊNH\nĐiều 1. Phê duyệt kết quả như sau:"
    lone_row = "16 Sở Ngoại vụ\n9\n13\n11\n11\n44\nĐiều 2. Quyết định này có hiệu lực."
    document = Document("d", "p.pdf", "0" * 64, "pdf", (page(1, first), page(2, lone_row)))
    row = SimpleNamespace(at=Provenance("p.pdf", 1, (0, 0, 500, 12), method="ocr"),
                          components=(1, 2, 3, 4), total=5)  # fmt: skip
    table = SimpleNamespace(entries=[row])
    (told,) = check_scores_in_prose("d", document, (table,))  # type: ignore[arg-type]
    assert (told.check, told.actual, told.at.page) == ("table_not_read", "5 scores in prose", 2)
    # the same page with no table before it, or a page of the table's own, is told nothing
    assert check_scores_in_prose("d", document) == []
    own = SimpleNamespace(at=Provenance("p.pdf", 2, (0, 0, 500, 12), method="ocr"),
                          components=(1, 2, 3, 4), total=5)  # fmt: skip
    own_table = SimpleNamespace(entries=[own])
    assert check_scores_in_prose("d", document, (own_table,)) == []  # type: ignore[arg-type]


def test_scores_read_without_their_points_count_in_a_run() -> None:
    # drawn seed 8602 (150 dpi fax): its rows 9 and 10, on page 2 under no header, came out as
    # prose with every point lost ("1040 1560 1300 1305 5205" for 10.40 15.60 …): uncounted,
    # they were lost untold; years and numbers among words stay uncounted
    assert _scores("1040 1560 1300 1305 5205") == 5
    assert _scores("Căn cứ Quyết định số 1149 ngày 11 tháng 8 năm 2023") == 0
    assert _scores("các năm 2018, 2019, 2020") == 0

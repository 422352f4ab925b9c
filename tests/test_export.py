"""decisions export: CSV (with the BOM for Excel), Parquet, the workbook, datapackage.json."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pyarrow.parquet as pq
import pytest
from conftest import read_csv, run_cli
from dataset_inputs import FORMULA_NAMES, LAOCAI, formula_names, laocai_2017
from frictionless import Package

from pipeline.export.workbook import sheet_name, sheet_title
from pipeline.store import build

FILL = "FFC7CE"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Lào Cai 2016 and 2017 and a copy with a sum_mismatch and formula-like names, exported."""
    folder = tmp_path_factory.mktemp("export")
    db = folder / "d.duckdb"
    build([LAOCAI, laocai_2017(folder / "in"), formula_names(folder / "in")], db)
    code, _out, err = run_cli("export", "--db", str(db), "--to", str(folder / "out"), "--excel")
    assert code == 0, err
    return folder / "out"


def test_the_data_package_describes_every_file_and_validates(exported: Path) -> None:
    package = Package(str(exported / "datapackage.json"))
    described = {resource.path for resource in package.resources}
    on_disk = {p.name for p in exported.iterdir() if p.name != "datapackage.json"}
    assert described == on_disk
    report = package.validate()
    assert report.valid, [e.message for t in report.tasks for e in t.errors][:5]


def test_excel_csvs_carry_the_bom_and_plain_ones_do_not(exported: Path, tmp_path: Path) -> None:
    assert (exported / "panel.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    db = tmp_path / "d.duckdb"
    build([LAOCAI], db)
    code, _out, err = run_cli("export", "--db", str(db), "--to", str(tmp_path / "plain"))
    assert code == 0, err
    assert (tmp_path / "plain" / "panel.csv").read_bytes().startswith(b"agency_id,")


def test_parquet_holds_the_csv_rows_typed(exported: Path) -> None:
    for name in ("entries", "panel", "flags"):
        table = pq.read_table(exported / f"{name}.parquet")
        rows = read_csv(exported / f"{name}.csv") if name != "panel" else None
        if rows is not None:
            assert table.num_rows == len(rows)
    panel = pq.read_table(exported / "panel.parquet")
    assert str(panel.schema.field("total").type).startswith("decimal")


def test_the_panel_sheet_has_agencies_down_and_years_across(exported: Path) -> None:
    book = openpyxl.load_workbook(exported / "decisions.xlsx")
    sheet = book["Ứng dụng CNTT – cấp tỉnh"]
    header = [cell.value for cell in sheet[2]]
    assert header == ["Tên đơn vị", "Tỉnh", "Mã định danh", 2015, 2016, 2017]
    (finance,) = [row for row in sheet.iter_rows(min_row=3, values_only=True)
                  if row[2] == "p15@2025.so-tai-chinh"]  # fmt: skip
    assert finance == ("Sở Tài chính", "Lào Cai", "p15@2025.so-tai-chinh", 95, 95, 96)


def test_flagged_cells_are_filled_and_carry_the_message(exported: Path) -> None:
    book = openpyxl.load_workbook(exported / "decisions.xlsx")
    flagged = [
        (sheet.title, cell)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.comment is not None
    ]
    assert flagged, "no cell carries a comment"
    for _title, cell in flagged:
        assert cell.fill.fgColor.rgb.endswith(FILL)
    texts = [cell.comment.text for _title, cell in flagged]
    assert any("sum_mismatch" in text and "91.5" in text for text in texts)
    # in the decision's own sheet the mismatch marks the printed total of STT 5
    (total,) = [cell for title, cell in flagged
                if title.startswith("99-") and "sum_mismatch" in cell.comment.text]  # fmt: skip
    assert total.value == 92.5
    assert total.offset(column=-total.column + 1).value == 5


def test_text_that_looks_like_a_formula_is_text(exported: Path) -> None:
    book = openpyxl.load_workbook(exported / "decisions.xlsx")
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    found = {cell.value for cell in cells if cell.value in FORMULA_NAMES.values()}
    assert found == set(FORMULA_NAMES.values())
    for cell in cells:
        if cell.value in FORMULA_NAMES.values():
            assert cell.data_type == "s"


def test_the_flags_sheet_speaks_english_when_asked(exported: Path, tmp_path: Path) -> None:
    db = tmp_path / "d.duckdb"
    build([formula_names(tmp_path / "in")], db)
    code, _out, err = run_cli("export", "--db", str(db), "--to", str(tmp_path / "en"),
                              "--lang", "en")  # fmt: skip
    assert code == 0, err
    book = openpyxl.load_workbook(tmp_path / "en" / "decisions.xlsx")
    messages = [row[-1] for row in book["Flags"].iter_rows(min_row=2, values_only=True)]
    assert messages == [
        '=HYPERLINK("http://example.com","x") (STT 5): the components add up to 91.5, '
        "but the total printed is 92.5."
    ]
    assert read_csv(tmp_path / "en" / "flags.csv")[0]["message"].startswith("=HYPERLINK")


CEILING_CHARS = 52  # MAX_WIDTH_PX (360) in Excel's character widths, with its padding


def _width(sheet: openpyxl.worksheet.worksheet.Worksheet, column: int) -> float:
    """The column's set width (openpyxl groups equal neighbours into one min..max entry)."""
    for dimension in sheet.column_dimensions.values():
        if dimension.min <= column <= dimension.max and dimension.customWidth:
            return float(dimension.width)
    return 0.0


def test_columns_are_fitted_to_their_content_up_to_a_ceiling(exported: Path) -> None:
    book = openpyxl.load_workbook(exported / "decisions.xlsx")
    for sheet in book.worksheets:
        tables = sheet.tables.values() if sheet.tables else [sheet.auto_filter]
        for table in tables:
            _left, top, right, bottom = openpyxl.utils.range_boundaries(table.ref)
            for column in range(1, right + 1):
                (cells,) = sheet.iter_cols(min_col=column, max_col=column, min_row=top + 1,
                                           max_row=bottom)  # fmt: skip
                texts = [str(cell.value) for cell in cells if cell.value is not None]
                if not texts:
                    continue
                longest = max(len(text) for text in texts)
                width = _width(sheet, column)
                assert 0 < width <= CEILING_CHARS, (sheet.title, column, width)
                assert width >= min(longest, CEILING_CHARS - 2) * 0.9, (sheet.title, column)
    names = book["Ứng dụng CNTT – cấp huyện"]
    assert _width(names, 1) >= len("Thành phố Lào Cai")  # names are no longer cut at ten
    (decision,) = [sheet for sheet in book.worksheets if sheet.title.startswith("512-")]
    assert _width(decision, 1) < 10  # STT: the title above the tables does not widen it


def test_every_table_header_carries_a_filter(exported: Path) -> None:
    book = openpyxl.load_workbook(exported / "decisions.xlsx")
    panel = book["Ứng dụng CNTT – cấp tỉnh"]
    assert panel.auto_filter.ref == f"A2:F{panel.max_row}"
    assert book["Cảnh báo"].auto_filter.ref.startswith("A1:")
    assert book["Quyết định"].auto_filter.ref.startswith("A1:")
    (decision,) = [sheet for sheet in book.worksheets if sheet.title.startswith("512-")]
    tables = sorted(decision.tables.values(), key=lambda table: int(table.ref.split(":")[0][1:]))
    assert len(tables) == 2  # the provincial agencies and the districts, one Excel table each
    for table in tables:
        first = int(table.ref.split(":")[0][1:])
        assert table.autoFilter is not None and table.autoFilter.ref == table.ref
        assert decision.cell(first, 1).value == "STT"
        assert decision.cell(first + 1, 1).value == 1  # the first ranked row, under the header


@pytest.mark.parametrize(
    ("lang", "names"),
    [
        ("vi", {"Ứng dụng CNTT – cấp tỉnh", "Ứng dụng CNTT – cấp huyện", "Quyết định", "Cảnh báo"}),
        ("en", {"ICT – provincial agencies", "ICT – districts", "Decisions", "Flags"}),
    ],
)
def test_sheets_are_named_in_the_chosen_language(
    exported: Path, tmp_path: Path, lang: str, names: set[str]
) -> None:
    db = tmp_path / "d.duckdb"
    build([LAOCAI, laocai_2017(tmp_path / "in")], db)
    code, _out, err = run_cli("export", "--db", str(db), "--to", str(tmp_path / "o"),
                              "--lang", lang)  # fmt: skip
    assert code == 0, err
    titles = openpyxl.load_workbook(tmp_path / "o" / "decisions.xlsx").sheetnames
    assert names <= set(titles)
    assert all(len(title) <= 31 for title in titles)
    assert len({title.casefold() for title in titles}) == len(titles)


def test_sheet_names_stay_within_31_characters_and_unique() -> None:
    taken: set[str] = set()
    long = "Chính quyền điện tử – bộ, ngành và các cơ quan ngang bộ"
    names = [sheet_name(long, taken) for _ in range(12)]
    assert all(len(name) <= 31 for name in names)
    assert len({name.casefold() for name in names}) == 12
    assert sheet_title("dti", "district", "vi") == "DTI – cấp huyện"
    assert sheet_title("dti", "district", "en") == "DTI – districts"

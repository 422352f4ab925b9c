"""decisions report: what a reader sees in headless Chromium; crops of scanned rows."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest
from conftest import run_cli
from dataset_inputs import GENERATED, SCRIPT, formula_names, script_name
from lxml import html
from PIL import Image

from pipeline.report.crop import crop_row, page_image, parse_bbox
from pipeline.store import build

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run")  # fmt: skip


def dump_dom(page: Path, tmp_path: Path, fragment: str = "") -> html.HtmlElement:
    """The page's DOM after its scripts ran, as headless Chromium (Debian's package) has it."""
    browser = shutil.which("chromium")
    assert browser, "chromium is not installed: run `make chromium` (make test does)"
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    done = subprocess.run(
        [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom",
         page.resolve().as_uri() + fragment],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return html.fromstring(done.stdout)


def find(node: html.HtmlElement, tag: str, cls: str | None = None) -> list[html.HtmlElement]:
    """Descendants by tag and class (XPath; no cssselect needed)."""
    test = f"[contains(concat(' ', @class, ' '), ' {cls} ')]" if cls else ""
    return node.xpath(f".//{tag}{test}")


def visible(element: html.HtmlElement) -> bool:
    """Not hidden by the page's filters (itself or an ancestor)."""
    return not any(node.get("hidden") is not None for node in [element, *element.iterancestors()])


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    db = folder / "d.duckdb"
    build([formula_names(folder / "in"), script_name(folder / "in"),
           GENERATED / "hue_2019_cqdt.txt"], db)  # fmt: skip
    code, _out, err = run_cli("report", "--db", str(db), "--html", str(folder / "report.html"))
    assert code == 0, err
    return folder / "report.html"


def test_a_reader_sees_every_decision_and_its_flags(report: Path, tmp_path: Path) -> None:
    dom = dump_dom(report, tmp_path)
    sections = find(dom, "section", "decision")
    assert len(sections) == 3 and all(visible(s) for s in sections)
    assert dom.get_element_by_id("shown").text_content() == "3"  # the filter script ran
    (mismatch,) = [row for row in find(dom, "tr", "flag") if row.get("data-check") ==
                   "sum_mismatch"]  # fmt: skip
    assert visible(mismatch)
    assert "cộng các điểm thành phần được 91.5" in mismatch.text_content()
    (cell,) = [td for td in find(dom, "td", "flagged") if "sum_mismatch" in td.get("data-checks")]
    assert cell.text_content() == "92.5" and "91.5" in cell.get("title")


def test_an_injected_script_name_is_text_and_never_runs(report: Path, tmp_path: Path) -> None:
    dom = dump_dom(report, tmp_path)
    assert dom.body.get("data-pwned") is None
    names = [
        td.text_content()
        for td in [c for t in find(dom, "table", "printed") for c in find(t, "td")]
    ]
    assert SCRIPT in names  # shown to the reader as the text it is
    scripts = find(dom, "script")
    assert len(scripts) == 1 and "data-pwned" not in scripts[0].text_content()


def test_filters_hide_decisions_without_the_chosen_check(report: Path, tmp_path: Path) -> None:
    dom = dump_dom(report, tmp_path, "#check=sum_mismatch")
    shown = [s for s in find(dom, "section", "decision") if visible(s)]
    assert len(shown) == 1 and "99/QĐ-UBND" in find(shown[0], "h2")[0].text_content()
    assert dom.get_element_by_id("shown").text_content() == "1"
    dom = dump_dom(report, tmp_path, "#province=Thừa Thiên Huế&year=2019")
    shown = [s.get("data-province") for s in find(dom, "section", "decision") if visible(s)]
    assert shown == ["Thừa Thiên Huế"]


def test_the_report_speaks_english_when_asked(report: Path, tmp_path: Path) -> None:
    db = report.parent / "d.duckdb"
    code, _out, err = run_cli("report", "--db", str(db), "--html", str(tmp_path / "en.html"),
                              "--lang", "en")  # fmt: skip
    assert code == 0, err
    dom = dump_dom(tmp_path / "en.html", tmp_path)
    text = dom.text_content()
    assert "the components add up to 91.5, but the total printed is 92.5" in text
    assert "Evaluation year" in text and dom.get("lang") == "en"


def _pdf_row_box(tmp_path: Path) -> tuple[Path, int, str]:
    pdf = GENERATED / "laocai_2016_cntt.pdf"
    db = tmp_path / "pdf.duckdb"
    build([pdf], db)
    con = duckdb.connect(str(db), read_only=True)
    page, bbox = con.execute("SELECT page, bbox FROM entries WHERE agency_raw = 'Sở Tài chính'"
                             ).fetchone()  # fmt: skip
    con.close()
    return pdf, page, bbox


def test_crop_cuts_the_row_out_of_a_rasterised_page(tmp_path: Path) -> None:
    pdf, page, text = _pdf_row_box(tmp_path)
    box = parse_bbox(text)
    assert box is not None
    image, width = page_image(pdf, page, scale=2.0)
    crop = Image.open(io.BytesIO(crop_row(image, box, width, pad=0)))
    x0, top, x1, bottom = box
    assert abs(crop.width - (x1 - x0) * 2) <= 2 and abs(crop.height - (bottom - top) * 2) <= 2
    grey = crop.convert("L")
    assert grey.getextrema()[0] < 100  # the row's printed text is in the crop
    with pytest.raises(ValueError):
        crop_row(image, (5000, 5000, 5100, 5100), width)


def test_values_read_by_ocr_show_a_crop_of_their_row(tmp_path: Path) -> None:
    """Until OCR lands, a text-layer PDF's rows stand in for scanned ones (same boxes)."""
    pdf, _page, _bbox = _pdf_row_box(tmp_path)
    edited_pdf = tmp_path / "scan.pdf"
    shutil.copy(pdf, edited_pdf)
    db = tmp_path / "scan.duckdb"
    build([edited_pdf], db)
    con = duckdb.connect(str(db))
    con.execute("UPDATE entries SET method = 'ocr'")
    con.execute("UPDATE flags SET method = 'ocr', page = 1, table_index = 1, row_number = 2 "
                "WHERE \"check\" = 'missing_metadata' AND expected = 'signer'")  # fmt: skip
    count = con.execute("SELECT count(*) FROM flags WHERE method = 'ocr'").fetchone()[0]
    con.close()
    code, _out, err = run_cli("report", "--db", str(db), "--html", str(tmp_path / "r.html"))
    assert code == 0, err
    dom = dump_dom(tmp_path / "r.html", tmp_path)
    crops = find(dom, "img", "crop")
    assert len(crops) == count
    assert all(img.get("src").startswith("data:image/png;base64,") for img in crops)

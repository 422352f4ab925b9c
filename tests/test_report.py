"""decisions report: what a reader sees in headless Chromium, its filters and its charts."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import run_cli
from dataset_inputs import (
    GENERATED,
    LAOCAI,
    PHUTHO,
    SCRIPT,
    formula_names,
    laocai_2017,
    phutho_2024,
    script_name,
)
from lxml import html

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


@pytest.fixture(scope="module")
def charted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Lào Cai 2015 (a sum_mismatch at STT 5), 2016 and 2017; Phú Thọ 2024 and 2025 (ranks)."""
    folder = tmp_path_factory.mktemp("charts")
    db = folder / "d.duckdb"
    build([formula_names(folder / "in"), LAOCAI, laocai_2017(folder / "in"), PHUTHO,
           phutho_2024(folder / "in")], db)  # fmt: skip
    code, _out, err = run_cli("report", "--db", str(db), "--html", str(folder / "report.html"))
    assert code == 0, err
    return folder / "report.html"


def _svg(node: html.HtmlElement, cls: str) -> list[html.HtmlElement]:
    return node.xpath(f'.//*[local-name()="svg"][contains(@class, "{cls}")]')


def _circles(svg: html.HtmlElement, cls: str) -> list[html.HtmlElement]:
    return svg.xpath(f'.//*[local-name()="circle"][contains(concat(" ", @class, " "), " {cls} ")]')


def test_each_table_shows_its_totals_with_the_flagged_rows_marked(
    charted: Path, tmp_path: Path
) -> None:
    dom = dump_dom(charted, tmp_path)
    assert not dom.xpath("//script[@src]") and "<script src" not in charted.read_text()
    for section in find(dom, "section", "decision"):
        tables = find(section, "table", "printed")
        charts = _svg(section, "distribution")
        assert len(charts) == len(tables)
        for table, chart in zip(tables, charts, strict=True):
            rows = table.xpath("./tbody/tr")
            flagged = [row for row in rows if row.xpath('./td[@class="flagged"]')]
            dots = _circles(chart, "dot")
            assert len(dots) == len(rows)
            red = _circles(chart, "flagged")
            assert len(red) == len(flagged)
            tips = {dot.xpath('./*[local-name()="title"]')[0].text for dot in red}
            assert tips == {f"{r[0].text} {r[1].text}: {r[-3].text}" for r in
                            (row.xpath("./td") for row in flagged)}  # fmt: skip
    (sum_table,) = [c for c in _svg(dom, "distribution") if _circles(c, "flagged")]
    (tip,) = [d.xpath('./*[local-name()="title"]')[0].text for d in _circles(sum_table, "flagged")]
    assert tip.startswith("5 ") and tip.endswith(": 92.5")


def test_each_agency_shows_its_total_and_rank_over_the_years(charted: Path, tmp_path: Path) -> None:
    dom = dump_dom(charted, tmp_path)
    figures = {
        (f.get("data-agency"), f.get("data-index")): f for f in find(dom, "figure", "agency")
    }
    finance = figures[("p15@2025.so-tai-chinh", "ict")]  # Lào Cai's Sở Tài chính, 2015-2017
    (chart,) = _svg(finance, "trend")
    tips = [c.xpath('./*[local-name()="title"]')[0].text for c in _circles(chart, "total")]
    assert tips == ["2015: Tổng điểm 95", "2016: Tổng điểm 95", "2017: Tổng điểm 96"]
    assert _circles(chart, "rank") == []  # Lào Cai prints no ranks
    ys = [float(c.get("cy")) for c in _circles(chart, "total")]
    assert ys[0] == ys[1] > ys[2]  # 96 is drawn higher than 95
    ranked = [f for (agency, index), f in figures.items() if index == "par"]
    assert ranked
    for figure in ranked:
        (chart,) = _svg(figure, "trend")
        assert len(_circles(chart, "rank")) == 2 and len(_circles(chart, "total")) == 2
    shown = {f.get("data-agency") for f in find(dom, "figure", "agency")}
    assert len(shown) == len(figures)  # one figure per agency and index here


def test_the_province_and_index_filters_apply_to_the_agency_charts(
    charted: Path, tmp_path: Path
) -> None:
    dom = dump_dom(charted, tmp_path, "#index=par")
    figures = find(dom, "figure", "agency")
    shown = {f.get("data-index") for f in figures if visible(f)}
    assert shown == {"par"} and any(not visible(f) for f in figures)

"""The drawn-scan generator (samples/drawn) tells the truth about what it draws.

The figures of scripts/eval_scans.py are only as good as the truth files: the arithmetic must
hold except in the planted row, the planted row must break exactly the check it names, the
printed page must leave the handwritten blanks empty, and one seed must always draw the same
files.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from conftest import ROOT
from PIL import Image, ImageSequence

sys.path.insert(0, str(ROOT / "samples"))

from drawn import make_seed, plan_of  # noqa: E402
from drawn.content import competition, draw_paper  # noqa: E402
from drawn.look import Look, draw_look  # noqa: E402
from drawn.typeset import chromium_pdf  # noqa: E402

SEEDS = range(300)


def value(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def papers() -> list:  # noqa: ANN201 - list[Paper]
    return [draw_paper(np.random.default_rng(seed)) for seed in SEEDS]


def test_arithmetic_holds_except_in_the_planted_row() -> None:
    for paper in papers():
        sheet = paper.sheet
        totals = [value(e.total) for e in sheet.entries]
        assert totals == sorted(totals, reverse=True)
        ranks = competition(totals)
        for entry, rank in zip(sheet.entries, ranks, strict=True):
            parts = [value(p) for p in entry.parts]
            assert all(p <= top for p, top in zip(parts, sheet.maxima, strict=True))
            sums = sum(parts) == value(entry.total)
            assert sums != (entry.planted == "sum_mismatch"), entry
            if entry.rank is not None:
                assert (int(entry.rank) == rank) != (entry.planted == "rank_mismatch"), entry
        names = Counter(e.name for e in sheet.entries)
        duplicated = [e for e in sheet.entries if names[e.name] > 1]
        planted = [e for e in sheet.entries if e.planted == "duplicate_entry"]
        assert len(duplicated) == 2 * len(planted)


def test_seeds_cover_every_plant_and_leave_most_documents_clean() -> None:
    plants = Counter(e.planted for p in papers() for e in p.sheet.entries if e.planted)
    assert set(plants) == {"sum_mismatch", "rank_mismatch", "duplicate_entry"}
    assert 0.2 < sum(plants.values()) / len(SEEDS) < 0.5


def test_seeds_cover_every_font_tool_and_table_form() -> None:
    looks = [draw_look(np.random.default_rng(seed)) for seed in SEEDS]
    assert {look.font for look in looks} >= {"Liberation Serif", "Liberation Sans", "DejaVu Serif"}
    assert {look.tool for look in looks} == {"chromium", "libreoffice", "direct"}
    assert {(look.ruled, look.repeat_header, look.blanks) for look in looks} == {
        (a, b, c) for a in (True, False) for b in (True, False) for c in (True, False)
    }


def test_a_blank_is_printed_empty_and_the_header_unseen_words_are_printed(tmp_path: Path) -> None:
    paper = draw_paper(np.random.default_rng(7))
    look = Look("Liberation Serif", 13.0, "chromium", True, False, True, True, 3)
    chromium_pdf(paper, look, tmp_path / "page.pdf")
    document = pdfium.PdfDocument(tmp_path / "page.pdf")
    text = " ".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    document.close()
    assert f"{paper.number}{paper.suffix}" not in text and paper.suffix in text
    assert all(label.split()[0] in text for label in paper.sheet.labels)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("drawn")
    return folder, make_seed(4, folder)  # direct drawing, 200 dpi colour, header repeated


def test_one_seed_draws_the_same_files(drawn: tuple[Path, dict], tmp_path: Path) -> None:
    folder, truth = drawn
    again = make_seed(4, tmp_path)
    assert again == truth
    assert [sha256(folder / name) for name in truth["files"]] == [
        sha256(tmp_path / name) for name in again["files"]
    ]


def test_the_truth_file_says_what_was_drawn(drawn: tuple[Path, dict]) -> None:
    folder, truth = drawn
    assert json.loads((folder / "drawn_4.truth.json").read_text(encoding="utf-8")) == truth
    table = truth["decision"]["tables"][0]
    assert len(table["labels"]) == len(table["maxima"]) == len(table["entries"][0]["components"])
    assert truth["kind"] == "200dpi" and 150 <= truth["dpi"] <= 240
    assert {"signature", "seal over the signature"} <= set(truth["ink"])
    pdf = pdfium.PdfDocument(folder / truth["files"][0])
    assert len(pdf) == len(truth["pages"])
    assert all(not pdf[i].get_textpage().get_text_range().strip() for i in range(len(pdf)))
    pdf.close()


def test_a_photocopy_is_one_bit_and_its_turned_page_is_turned(tmp_path: Path) -> None:
    seed = next(s for s in range(0, 600, 3) if plan_of(s).mode == "photocopy")
    truth = make_seed(seed, tmp_path)
    (name,) = truth["files"]
    pages = [page.copy() for page in ImageSequence.Iterator(Image.open(tmp_path / name))]
    assert all(page.mode == "1" for page in pages)
    for page, record in zip(pages, truth["pages"], strict=True):
        upright = page.size[0] < page.size[1]
        assert upright == (record["turn"] in (0, 180))

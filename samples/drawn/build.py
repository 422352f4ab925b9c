"""One seed → the files an archive holds for one decision, and the truth about them.

The seed decides everything in order: the decision's words and figures, how it is typeset
(font, tool, rulings, header repeated or not, blanks), then how it was printed and scanned or
photographed. ``kind`` is the acceptance figure the seed counts towards: 300dpi (scans at
250–400 dpi, grey or colour, or 1-bit photocopies), 200dpi (150–240 dpi, or 1-bit faxes) or
photo; by default it follows from the seed (seed mod 3).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image
from scans.containers import write_pdf, write_tiff
from scans.photo import photo_dpi

from .content import Paper, draw_paper
from .degrade import bilevel, phone, scan, show_through
from .ink import stamp, write_blanks
from .look import Look, draw_look
from .render import clean_pages

KINDS = ("300dpi", "200dpi", "photo")
DPI = {"300dpi": (250, 300, 300, 300, 400), "200dpi": (150, 200, 200, 200, 240)}
MODES = {"300dpi": ("grey", "grey", "colour", "colour", "photocopy"),
         "200dpi": ("grey", "grey", "colour", "colour", "fax")}  # fmt: skip
A4_HEIGHT = 11.69


def kind_of(seed: int) -> str:
    return KINDS[seed % len(KINDS)]


def truth_decision(paper: Paper, seed: int) -> dict[str, Any]:
    """The decision as samples/generated/manifest.json has one (tests/ocr_eval.py reads it)."""
    sheet = paper.sheet
    titles = paper.signer_titles
    return {
        "slug": f"drawn_{seed}",
        "metadata": {
            "issuer": paper.issuer,
            "province": paper.province,
            "decision_number": f"{paper.number}{paper.suffix}",
            "decision_date": f"{paper.year}-{paper.month:02d}-{paper.day:02d}",
            "evaluation_year": paper.evaluation_year,
            "signer": paper.signer,
            "signer_title": f"{titles[0]} / {titles[1]}",
            "title": paper.title,
            "doc_type": "QUYẾT ĐỊNH",
        },
        "tables": [
            {
                "caption": sheet.caption,
                "header": {
                    "number": sheet.number_label,
                    "name": sheet.name_label,
                    "total": sheet.total_label,
                    "rank": sheet.rank_label,
                },  # fmt: skip
                "labels": list(sheet.labels),
                "maxima": list(sheet.maxima),
                "entries": [
                    {
                        "row_number": e.row,
                        "agency": e.name,
                        "components": list(e.parts),
                        "total": e.total,
                        "rank": e.rank,
                        "planted": e.planted,
                    }
                    for e in sheet.entries
                ],  # fmt: skip
            }
        ],
    }


def _write(images: list[Image.Image], stem: Path, mode: str, kind: str, dpi: int,
           rng: np.random.Generator) -> list[Path]:  # fmt: skip
    """The container an archive or a phone would keep these pages in."""
    if kind == "photo" or (mode != "fax" and mode != "photocopy" and rng.random() < 0.25):
        paths = []
        for number, image in enumerate(images, start=1):
            path = stem.with_name(f"{stem.name}-{number}.jpg")
            image.convert("RGB").save(path, "JPEG", quality=int(rng.integers(55, 90)),
                                      dpi=(dpi, dpi))  # fmt: skip
            paths.append(path)
        return paths
    if mode in ("fax", "photocopy"):
        write_tiff(images, stem.with_suffix(".tif"), dpi)
        return [stem.with_suffix(".tif")]
    pages = [image if mode == "colour" else image.convert("L") for image in images]
    write_pdf(pages, stem.with_suffix(".pdf"), dpi, int(rng.integers(35, 85)))
    return [stem.with_suffix(".pdf")]


def _print_and_scan(
    pages: list[np.ndarray], kind: str, mode: str, dpi: int, rng: np.random.Generator
) -> tuple[list[Image.Image], list[dict[str, Any]]]:
    images, records = [], []
    for page in pages:
        if kind == "photo":
            image, record = phone(page, rng)
        elif mode in ("fax", "photocopy"):
            image, record = bilevel(page, dpi, mode == "fax", rng)
        else:
            image, record = scan(page, dpi, rng)
        images.append(image)
        records.append(record)
    return images, records


@dataclass(frozen=True, slots=True)
class Plan:
    """What a seed draws before any pixel: the decision, its look, the scan's dpi and mode."""

    kind: str
    paper: Paper
    look: Look
    dpi: int
    mode: str  # grey | colour | photocopy | fax | photo


def draw_plan(rng: np.random.Generator, kind: str) -> Plan:
    paper, look = draw_paper(rng), draw_look(rng)
    dpi = photo_dpi(A4_HEIGHT) if kind == "photo" else int(rng.choice(DPI[kind]))
    mode = "photo" if kind == "photo" else str(rng.choice(MODES[kind]))
    return Plan(kind, paper, look, dpi, mode)


def plan_of(seed: int, kind: str | None = None) -> Plan:
    """The seed's plan alone (cheap: nothing is typeset or drawn)."""
    return draw_plan(np.random.default_rng(seed), kind or kind_of(seed))


def make_seed(seed: int, out_dir: Path, kind: str | None = None) -> dict[str, Any]:
    """Write the seed's files and ``drawn_<seed>.truth.json`` into ``out_dir``; return the truth."""
    rng = np.random.default_rng(seed)
    kind = kind or kind_of(seed)
    drawn = draw_plan(rng, kind)
    paper, look, dpi, mode = drawn.paper, drawn.look, drawn.dpi, drawn.mode
    clean, anchors = clean_pages(paper, look, dpi)
    pages = [page.astype(np.float32) for page in clean]
    written = write_blanks(pages, anchors, paper, look, dpi, rng) if look.blanks else []
    inks = stamp(pages, paper.issuer, dpi, rng)
    through = []
    if kind != "photo" and rng.random() < 0.35:
        for k, page in enumerate(pages):
            back = clean[(k + 1) % len(clean)] if len(clean) > 1 else clean[k][::-1]
            through.append(show_through(page, back.astype(np.float32), rng))
    images, records = _print_and_scan(pages, kind, mode, dpi, rng)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = _write(images, out_dir / f"drawn_{seed}", mode, kind, dpi, rng)
    truth = {
        "generator": "samples/make_drawn.py",
        "seed": seed,
        "kind": kind,
        "files": [path.name for path in files],
        "dpi": dpi,
        "mode": mode,
        "look": asdict(look),
        "handwritten": written,
        "ink": inks,
        "show_through": through,
        "pages": records,
        "decision": truth_decision(paper, seed),
        "planted": planted(paper),
    }
    text = json.dumps(truth, ensure_ascii=False, indent=1) + "\n"
    (out_dir / f"drawn_{seed}.truth.json").write_text(text, encoding="utf-8")
    return truth


def planted(paper: Paper) -> list[dict[str, Any]]:
    """Every planted error with the flag it must raise and the row it must raise it on."""
    return [
        {"table_index": 1, "row_number": e.row, "agency": e.name, "check": e.planted}
        for e in paper.sheet.entries
        if e.planted
    ]


def describe(look: Look) -> str:
    ruled = "ruled" if look.ruled else "unruled"
    header = "header repeated" if look.repeat_header else "header once"
    return f"{look.tool}, {look.font} {look.size:g}pt, {ruled}, {header}"

"""One seed → one file in one layout, and its truth."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .decision import draw_decision
from .render_docx import render_docx
from .render_html import render_html
from .render_pdf import printable_html, render_pdf
from .render_text import LAYOUTS as TEXT_LAYOUTS
from .render_text import render_text
from .truth import truth

LAYOUTS = (*(f"text:{name}" for name in TEXT_LAYOUTS), "html", "docx", "pdf")
FAMILIES = {
    "text": tuple(name for name in LAYOUTS if name.startswith("text:")),
    "html": ("html",),
    "docx": ("docx",),
    "pdf": ("pdf",),
}
SUFFIX = {"html": ".html", "docx": ".docx", "pdf": ".pdf"}


@dataclass(frozen=True)
class Generated:
    seed: int
    layout: str
    path: Path
    truth: dict[str, Any]


def allowed_layouts(formats: tuple[str, ...]) -> tuple[str, ...]:
    """Layouts named by families ("text", "pdf") or exact names ("text:pipe")."""
    chosen: list[str] = []
    for name in formats:
        for layout in FAMILIES.get(name, (name,)):
            if layout not in LAYOUTS:
                raise ValueError(f"unknown format or layout: {name}")
            chosen += [] if layout in chosen else [layout]
    return tuple(chosen)


def layout_of(seed: int, formats: tuple[str, ...] = ("text", "html", "docx")) -> str:
    """The layout a seed draws among the allowed ones, each equally likely."""
    return random.Random(f"layout-{seed}").choice(allowed_layouts(formats))


def generate(seed: int, out_dir: Path, formats: tuple[str, ...] = ("text", "html", "docx")
             ) -> Generated:  # fmt: skip
    """Draw the seed's decision, write it in its layout under out_dir, with <name>.truth.json."""
    layout = layout_of(seed, formats)
    text_layout = layout.partition(":")[2]
    decision = draw_decision(seed, stacked=text_layout == "stacked",
                             cut_ok=bool(text_layout) and text_layout != "stacked")  # fmt: skip
    stem = f"seed{seed:06d}_{layout.replace(':', '_')}"
    out_dir.mkdir(parents=True, exist_ok=True)
    if text_layout:
        path = out_dir / f"{stem}.txt"
        path.write_text(render_text(decision, text_layout), encoding="utf-8")
    elif layout == "html":
        path = out_dir / f"{stem}.html"
        path.write_text(render_html(decision), encoding="utf-8")
    elif layout == "docx":
        path = out_dir / f"{stem}.docx"
        path.write_bytes(render_docx(decision))
    else:
        from_html = random.Random(f"pdf-{seed}").random() < 0.5
        widest = max(len(table.columns) for table in decision.tables)
        html = printable_html(render_html(decision), widest) if from_html else ""
        content = html.encode() if from_html else render_docx(decision)
        path = render_pdf(content, ".html" if from_html else ".docx", stem, out_dir)
    found = truth(decision, layout, cut=bool(text_layout))
    if layout == "pdf":
        found["pdf_from"] = "html" if from_html else "docx"
    found["file"] = path.name
    (out_dir / f"{stem}.truth.json").write_text(
        json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return Generated(seed, layout, path, found)

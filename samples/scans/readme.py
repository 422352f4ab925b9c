"""samples/scanned/README.md: what each scanned fixture is, written from the manifest records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

HEAD = """# Scanned fixture decisions

Written by `samples/make_scans.py` (`make scans`); do not edit by hand. Each output is one of
the decisions in `samples/generated/` (its figures and metadata are in
`samples/generated/manifest.json`), rasterised from the real PDF with pypdfium2 and turned into
what a scanner or a phone returns. Every page has its own fixed seed (`seed × 100 + page`), so
the bytes are the same on every run with the library versions in `manifest.json`.

- **scan** (300 and 200 dpi): grey-cream paper tone drifting across the page, skew within ±2°,
  Gaussian blur, sensor noise, JPEG compression (the bilevel TIFF is thresholded and Group 4
  compressed instead, as archive scanners store pages);
- **stamped**: a red round seal (name of the issuer round the ring, a star in the middle) over
  the signer's blue signature and a second one across a middle row of the first table, laid on
  as semi-transparent ink over the digits;
- **rotated**: a landscape appendix page turned 90° counter-clockwise, as a portrait scanner
  returns it;
- **photo**: the page on a dark wooden desk, photographed from above: perspective (the far
  edge narrower, corners jittered), a lighting gradient with a vignette, a shadow, soft focus,
  noise, JPEG;
- **mixed-pdf**: the original PDF with its text layer, one page replaced by a scanned image.

Image-only PDFs and images carry no text layer. `manifest.json` records, per output, the
decision, the variant the acceptance figures count it under (300dpi / 200dpi / photo), the
files with their pages and SHA-256, and per page the seed and the effects drawn (skew angle,
blur, noise, photo corners).

| file | decision | variant | container | pages | what it shows | KB |
|---|---|---|---|---|---|---|
"""


def write_readme(path: Path, records: list[dict[str, Any]]) -> None:
    """The README: the fixed text above and one table row per output file."""
    rows = []
    for record in records:
        for item in record["files"]:
            pages = " ".join(str(n) for n in item["pages"])
            shows = ", ".join(record["tags"][2:]) or "—"
            rows.append(
                f"| `{item['file']}` | `{record['decision']}` | {record['variant']} | "
                f"{record['container']} | {pages} | {shows} | {item['bytes'] // 1024} |"
            )
    path.write_text(HEAD + "\n".join(rows) + "\n", encoding="utf-8")

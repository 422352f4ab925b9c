"""A text PDF of the decision: its DOCX or its HTML page converted by LibreOffice headless,
in a private profile (parallel runs do not clash), then pinned to the same bytes every run."""

from __future__ import annotations

import tempfile
from pathlib import Path

from samples.fixtures.pdf import convert_to_pdf

# HTML is imported into Writer, not Writer/Web: the Web export drops the page's first paragraph.
IMPORT = {".docx": [], ".html": ["--infilter=HTML (StarWriter)"]}


def convert(source: Path, out_dir: Path) -> Path:
    """source (.docx or .html) → out_dir/<stem>.pdf."""
    convert_to_pdf([source], out_dir, IMPORT[source.suffix], "pdf:writer_pdf_Export")
    return out_dir / f"{source.stem}.pdf"


def render_pdf(content: bytes, suffix: str, stem: str, out_dir: Path) -> Path:
    """The bytes of a DOCX or HTML rendering (suffix ".docx"/".html") as out_dir/<stem>.pdf."""
    with tempfile.TemporaryDirectory(prefix="randomdoc-") as work:
        source = Path(work) / f"{stem}{suffix}"
        source.write_bytes(content)
        return convert(source, out_dir)


# Writer cuts off the columns of an HTML table wider than the page (a 16-column table lost its
# total): a wide table is printed on landscape A4, as render_docx prints it.
LANDSCAPE = "<style>@page { size: 29.7cm 21cm; margin: 1.5cm; }</style>\n"
WIDE_TABLE = 8  # more columns than this: landscape (render_docx.landscape)


def printable_html(html: str, columns: int) -> str:
    """The HTML page to convert, on landscape pages when its widest table has many columns."""
    return html.replace("</head>", LANDSCAPE + "</head>", 1) if columns > WIDE_TABLE else html

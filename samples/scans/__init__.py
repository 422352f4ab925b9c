"""Scanned and photographed forms of the fixture decisions, for the OCR tests (issue 8).

``plan`` lists every output with its fixed seed, ``pages`` rasterises the real PDF pages
(pypdfium2) and finds where the signature and a table row are printed, ``ink`` draws the red
seal and the signature, ``scan`` and ``photo`` turn a clean page into a scanner's or a phone's
image, ``containers`` writes image-only PDFs, multi-page TIFF, PNG, JPEG and the mixed PDF, and
``build`` runs them in order and writes samples/scanned/manifest.json and README.md.
"""

from .build import write_scans
from .plan import PLAN, Scan

__all__ = ["PLAN", "Scan", "write_scans"]

"""OCR of scanned pages and photos: preparation, Tesseract, and reading cells.

``pipeline.ocr.page.read_page_image`` turns one page image into the same ``Page`` of lines and
grid rows the other readers produce; ``check_engine`` says at start whether Tesseract and its
``vie`` data are there. OpenCV and numpy are imported only by the modules that read images,
so a batch of text documents never loads them.
"""

from pipeline.ocr.engine import Tesseract, check_engine
from pipeline.ocr.settings import OcrSettings

__all__ = ["OcrSettings", "Tesseract", "check_engine"]

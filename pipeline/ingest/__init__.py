"""Any input file → an NFC ``Document``; the reader is chosen by content, not by extension."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from pipeline.errors import CorruptFile, UnsupportedFormat
from pipeline.models import Document, Page
from pipeline.ocr.settings import OcrSettings

_HTML_MARKS = (b"<!doctype html", b"<html", b"<body", b"<table", b"<head")
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def sniff_format(data: bytes) -> str:
    """Name the format of a file from its first bytes: pdf | docx | html | image | txt."""
    if not data.strip():
        raise CorruptFile("the file is empty")
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnsupportedFormat(
            "legacy Word .doc: convert it first (soffice --headless --convert-to docx FILE)"
        )
    if head.startswith(_IMAGE_MAGIC):
        return "image"
    lowered = head.lower().lstrip(b"\xef\xbb\xbf \t\r\n")
    if any(mark in lowered for mark in _HTML_MARKS):
        return "html"
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnsupportedFormat("binary file of an unknown kind: expected PDF, DOCX, HTML or text")
    return "txt"


def decode_text(data: bytes) -> str:
    """Decode a text file: UTF-8 (with or without BOM) or UTF-16 with a BOM."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise UnsupportedFormat(
            f"text is not UTF-8 (byte {err.start}): re-save the file as UTF-8"
        ) from err


def read_pages(
    path: Path, data: bytes, fmt: str, source_file: str, ocr: OcrSettings = OcrSettings()
) -> tuple[Page, ...]:
    """Run the reader for ``fmt``; each reader returns NFC pages of lines and grid rows."""
    if fmt == "txt":
        from pipeline.ingest.text import read_text

        return read_text(decode_text(data), source_file)
    if fmt == "html":
        from pipeline.ingest.html import read_html

        return read_html(path, source_file)
    if fmt == "docx":
        _require_docx(path)
        from pipeline.ingest.docx import read_docx

        return read_docx(path, source_file)
    if fmt == "pdf":
        from pipeline.ingest.image import ocr_scanned_pages
        from pipeline.ingest.pdf import read_pdf

        return ocr_scanned_pages(path, read_pdf(path, source_file), source_file, ocr)
    if fmt == "image":
        from pipeline.ingest.image import read_image

        return read_image(path, source_file, ocr)
    raise UnsupportedFormat(f"no reader for format {fmt!r}")


def _require_docx(path: Path) -> None:
    """A ZIP is only a DOCX when it holds word/document.xml."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile as err:
        raise CorruptFile(f"damaged ZIP/DOCX container: {err}") from err
    if "word/document.xml" not in names:
        raise UnsupportedFormat("a ZIP file but not a Word document (no word/document.xml)")


def read_document(
    path: Path, source_file: str, doc_id: str, ocr: OcrSettings = OcrSettings()
) -> Document:
    """Read one file into a Document; scanned pages and images are read by OCR."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise CorruptFile(f"cannot read the file: {err.strerror}") from err
    fmt = sniff_format(data)
    pages = read_pages(path, data, fmt, source_file, ocr)
    sha256 = hashlib.sha256(data).hexdigest()
    return Document(doc_id, source_file, sha256, fmt, pages)

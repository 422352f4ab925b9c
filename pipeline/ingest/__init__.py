"""Any input file → an NFC ``Document``; the reader is chosen by content, not by extension.

Before a reader inflates anything, the limits in ``IngestLimits`` are checked from what the
file declares (ZIP directory sizes, image dimensions; PDF streams in ``pdf_bombs``), so a
decompression bomb is refused with a reason instead of filling the memory.
"""

from __future__ import annotations

import hashlib
import io
import unicodedata
import zipfile
from dataclasses import replace
from pathlib import Path

from pipeline.errors import CorruptFile, DocumentTooLarge, EncryptedFile, UnsupportedFormat
from pipeline.ingest import legacy
from pipeline.models import Document, Page
from pipeline.ocr.settings import OcrSettings
from pipeline.settings import IngestLimits

_HTML_MARKS = (b"<!doctype html", b"<html", b"<body", b"<table", b"<head")
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_ENCRYPTED_OOXML = "EncryptedPackage".encode("utf-16-le")
# The letters of Vietnamese (after NFC): what text decoded with the right code page is made of.
_VIETNAMESE = frozenset("ăâđêôơưĂÂĐÊÔƠƯ") | frozenset(
    unicodedata.normalize("NFC", base + mark)
    for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
    for mark in "\u0300\u0301\u0303\u0309\u0323"
)
_ONLY_VIETNAMESE = frozenset(
    char for char in _VIETNAMESE if set(unicodedata.normalize("NFD", char)) & set("\u0306\u031bđĐ")
)
_LEGACY_ENCODINGS = ("cp1252", "cp1258", "latin-1")
_OPENDOCUMENT = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
# Formats LibreOffice converts to DOCX for the DOCX reader; workbooks read from their cells.
CONVERTED_TO_DOCX = frozenset({"doc", "odt", "rtf"})
SHEET_FORMATS = frozenset({"xlsx", "xls", "ods"})


def sniff_format(data: bytes) -> str:
    """Name the format of a file from its bytes: pdf | docx | xlsx | odt | ods | doc | xls | rtf
    | html | image | txt."""
    if not data.strip():
        raise CorruptFile("the file is empty")
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(data)
    if head.startswith(_OLE_MAGIC):
        return _ole_format(data)
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(_IMAGE_MAGIC):
        return "image"
    lowered = head.lower().lstrip(b"\xef\xbb\xbf \t\r\n")
    if any(mark in lowered for mark in _HTML_MARKS):
        return "html"
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnsupportedFormat("binary file of an unknown kind: expected PDF, DOCX, HTML or text")
    return "txt"


def _zip_format(data: bytes) -> str:
    """docx | xlsx | odt | ods by the parts a ZIP holds; "docx" for any other ZIP, which the
    DOCX check then refuses with its reason."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:80] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, RuntimeError):
        return "docx"
    if "xl/workbook.xml" in names and "word/document.xml" not in names:
        return "xlsx"
    return _OPENDOCUMENT.get(mimetype.strip(), "docx")


def _ole_format(data: bytes) -> str:
    """doc | xls: a Word 97-2003 or Excel 97-2003 compound file (an encrypted one refused)."""
    if _ENCRYPTED_OOXML in data:
        raise EncryptedFile(
            "password-protected Office document: save an open copy (File › Info › Protect)"
        )
    if "WordDocument".encode("utf-16-le") in data:
        return "doc"
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return "xls"
    raise UnsupportedFormat(
        "an OLE compound file that is neither a Word .doc nor an Excel .xls (or one cut short)"
    )


def decode_text(data: bytes) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with a BOM, else a legacy page.

    Bytes of an old Vietnamese font (TCVN3, VNI) come back as Latin-1 characters, one per byte,
    for ``legacy.read_text`` to decode.

    A file that is not UTF-8 was most likely saved by an old Windows editor: Windows-1258
    (Vietnamese: tone marks stored as combining characters) or Windows-1252 / Latin-1. The code
    page whose text holds the fewest letters foreign to Vietnamese wins (Windows-1252 reads
    Vietnamese "đ" as "ð", leaves tone marks as "Ì Ò Þ ì ò"); on a tie, the one with more
    letters only Vietnamese has ("ă đ ơ ư"), then Windows-1252.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    as_bytes = data.decode("latin-1")  # TCVN3 or VNI bytes: kept as they are for the charts
    if legacy.read_text(as_bytes).encoding in (legacy.TCVN3, legacy.VNI):
        return as_bytes
    best, best_score = "", (0, 0)
    for encoding in _LEGACY_ENCODINGS:
        try:
            text = unicodedata.normalize("NFC", data.decode(encoding))
        except UnicodeDecodeError:
            continue
        letters = [char for char in text if not char.isascii()]
        score = (-sum(map(_foreign, letters)), sum(char in _ONLY_VIETNAMESE for char in letters))
        if not best or score > best_score:
            best, best_score = text, score
    return best


def _foreign(char: str) -> bool:
    """A letter or a loose combining mark that Vietnamese text does not use."""
    category = unicodedata.category(char)
    return category == "Mn" or (category.startswith("L") and char not in _VIETNAMESE)


def read_pages(
    path: Path,
    data: bytes,
    fmt: str,
    source_file: str,
    limits: IngestLimits = IngestLimits(),
    ocr: OcrSettings = OcrSettings(),
) -> tuple[Page, ...]:
    """Run the reader for ``fmt``; each reader returns NFC pages of lines and grid rows."""
    if fmt == "txt":
        from pipeline.ingest.text import read_text

        reading = legacy.read_text(decode_text(data))
        pages = read_text(reading.text, source_file)
        encoding = None if reading.encoding == "unicode" else reading.encoding
        return tuple(replace(page, encoding=encoding) for page in pages)
    if fmt == "html":
        from pipeline.ingest.html import read_html

        return read_html(path, source_file)
    if fmt == "docx":
        _require_docx(path, limits)
        from pipeline.ingest.docx import read_docx

        return read_docx(path, source_file)
    if fmt in SHEET_FORMATS or fmt in CONVERTED_TO_DOCX:
        return read_office(path, fmt, source_file, limits)
    if fmt == "pdf":
        from pipeline.ingest.pdf import OCR_NEEDED, read_pdf

        pages = read_pdf(path, source_file, limits=limits)
        if all(page.method != OCR_NEEDED for page in pages):
            return pages  # a text PDF never imports the OCR stack (OpenCV …: 0.1 s a worker)
        from pipeline.ingest.image import ocr_scanned_pages

        return ocr_scanned_pages(path, pages, source_file, ocr)
    if fmt == "image":
        _require_image_size(path, limits)
        from pipeline.ingest.image import read_image

        return read_image(path, source_file, ocr)
    raise UnsupportedFormat(f"no reader for format {fmt!r}")


def read_office(path: Path, fmt: str, source_file: str, limits: IngestLimits) -> tuple[Page, ...]:
    """Workbooks from their cells (.ods converted to .xlsx first); .doc, .odt and .rtf
    converted to DOCX by LibreOffice and read as DOCX."""
    from pipeline.ingest.office import converted

    if fmt in ("xlsx", "ods", "odt"):
        _require_zip_size(path, limits, {"xlsx": "workbook"}.get(fmt, "OpenDocument"))
    if fmt in ("xlsx", "xls"):
        from pipeline.ingest.sheets import read_workbook

        return read_workbook(path, fmt, source_file)
    timeout_s, warm = limits.convert_timeout_s, limits.keep_office_warm
    if fmt == "ods":
        from pipeline.ingest.sheets import read_workbook

        with converted(path, ".xlsx", timeout_s, warm) as xlsx_path:
            return read_workbook(xlsx_path, "xlsx", source_file)
    from pipeline.ingest.docx import read_docx

    with converted(path, ".docx", timeout_s, warm) as docx_path:
        _require_docx(docx_path, limits)
        return read_docx(docx_path, source_file)


def _require_docx(path: Path, limits: IngestLimits) -> None:
    """A ZIP is only a DOCX when it holds word/document.xml, and only read when not a bomb."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as err:
        raise CorruptFile(f"damaged ZIP/DOCX container: {err}") from err
    if "word/document.xml" not in {member.filename for member in members}:
        raise UnsupportedFormat(
            "a ZIP file but not a Word document (no word/document.xml), workbook or OpenDocument"
        )
    _require_zip_size(path, limits, "DOCX")


def _require_zip_size(path: Path, limits: IngestLimits, kind: str) -> None:
    """Refuse a ZIP container (DOCX, XLSX) that would unzip past the limit: a bomb."""
    try:
        with zipfile.ZipFile(path) as archive:
            unzipped = sum(member.file_size for member in archive.infolist())
    except zipfile.BadZipFile as err:
        raise CorruptFile(f"damaged ZIP/{kind} container: {err}") from err
    if unzipped > limits.max_unzipped_mb << 20:
        raise DocumentTooLarge(
            f"the {kind} would unzip to {unzipped >> 20} MB, over the limit of "
            f"{limits.max_unzipped_mb} MB (IngestLimits.max_unzipped_mb): a decompression bomb?"
        )


def _require_image_size(path: Path, limits: IngestLimits) -> None:
    """Refuse an image whose header declares more pixels than the limit (nothing decoded)."""
    import warnings

    from PIL import Image, UnidentifiedImageError

    size = "more than twice Pillow's own limit of pixels"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
        size = f"{width} × {height} pixels"
        too_large = width * height > limits.max_image_pixels
    except Image.DecompressionBombError:
        too_large = True
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as err:
        raise CorruptFile(f"damaged image: {err}") from err
    if too_large:
        raise DocumentTooLarge(
            f"image of {size}, over the limit of {limits.max_image_pixels // 1_000_000} M "
            "pixels (IngestLimits.max_image_pixels; an A4 page at 600 dpi is 35 M): "
            "scan it again at 300 dpi"
        )


def read_page_images(
    paths: tuple[Path, ...],
    doc_id: str,
    sha256: str,
    limits: IngestLimits = IngestLimits(),
    ocr: OcrSettings = OcrSettings(),
) -> Document:
    """The page images of one decision ("scan-1.jpg", "scan-2.jpg" …) as one Document; its
    source_file is the first page's, each page's provenance names its own file."""
    files = []
    for path in paths:
        try:
            head = path.open("rb").read(2048)
        except OSError as err:
            raise CorruptFile(f"cannot read {path.name}: {err.strerror}") from err
        if sniff_format(head) != "image":
            raise UnsupportedFormat(f"{path.name} is not an image, unlike the other pages")
        _require_image_size(path, limits)
        files.append((path, path.as_posix()))
    from pipeline.ingest.image import read_images

    return Document(doc_id, files[0][1], sha256, "image", read_images(files, ocr))


def read_document(
    path: Path,
    source_file: str,
    doc_id: str,
    limits: IngestLimits = IngestLimits(),
    ocr: OcrSettings = OcrSettings(),
) -> Document:
    """Read one file into a Document."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise CorruptFile(f"cannot read the file: {err.strerror}") from err
    fmt = sniff_format(data)
    pages = read_pages(path, data, fmt, source_file, limits, ocr)
    sha256 = hashlib.sha256(data).hexdigest()
    return Document(doc_id, source_file, sha256, fmt, pages)

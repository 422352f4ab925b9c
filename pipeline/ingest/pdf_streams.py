"""A PDF's compressed streams checked before pdfium inflates them: bombs refused, damage found.

pdfium reads what it can of a page whose content stream is damaged and says nothing, so the
rows of that page would vanish without a word; and it inflates a stream whole, so one page
that inflates to a gigabyte takes the memory with it. Both are looked at here first:

* ``refuse_bombs`` inflates every Flate stream of the file in bounded chunks, counting the
  bytes and keeping none, and refuses the document when one would pass the limit; it tells
  whether any stream is damaged. A font, image or form too small to pass the limit at
  deflate's greatest ratio is not inflated: it can hold no bomb and no page's text;
* ``damaged_pages`` reads each page's content streams (through pdfminer, already installed
  with pdfplumber) and names the pages whose data does not inflate or ends early. It parses
  the file again, so the reader asks it only when a stream was damaged or a page came out
  without text (a content stream that is missing altogether).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline.errors import DocumentTooLarge

_CHUNK = 1 << 20
_FLATE = frozenset({"FlateDecode", "Fl"})
# Deflate inflates at most 1032 bytes from one (258-byte matches, 2 bits each, and the block
# headers): a smaller stream cannot pass the limit. Margin above it for zlib's framing.
MAX_INFLATE_RATIO = 1100
# Keys no page content stream carries: a font program (/Length1, a Type1C /Subtype), an image
# or a form (/Subtype). damaged_pages reads page content streams only, so for these inflating
# tells nothing but a bomb; a third of the inflating of a LibreOffice PDF is its fonts.
_NOT_PAGE_CONTENT = re.compile(rb"/Length1|/Subtype")
_HEADER_REACH = 2048  # bytes looked back from "stream" for its object's dictionary


def inflated_size(raw: bytes, cap: int) -> tuple[int, str | None]:
    """(bytes a zlib stream inflates to, stopping past ``cap``; what is wrong with it or None)."""
    inflater = zlib.decompressobj()
    total, pending = 0, raw
    try:
        while True:
            out = inflater.decompress(pending, _CHUNK)
            total += len(out)
            pending = inflater.unconsumed_tail
            if total > cap or inflater.eof or not (pending or out):
                break
    except zlib.error as err:
        return total, f"compressed data is corrupt: {err}"
    if not inflater.eof and total <= cap:
        return total, "compressed data ends early"
    return total, None


def _is_zlib(raw: bytes) -> bool:
    return len(raw) > 2 and raw[0] & 0x0F == 8 and (raw[0] << 8 | raw[1]) % 31 == 0


def refuse_bombs(path: Path, max_stream_mb: int) -> bool:
    """Raise DocumentTooLarge when one stream of the PDF would inflate past ``max_stream_mb``;
    else whether some stream does not inflate or ends early."""
    data = path.read_bytes()
    cap = max_stream_mb << 20
    damaged = False
    for keyword, start in stream_keywords(data):
        end = data.find(b"endstream", start)
        raw = data[start : end if end >= 0 else len(data)]
        if not _is_zlib(raw) or _harmless(data, keyword, len(raw), cap):
            continue
        size, problem = inflated_size(raw, cap)
        if size > cap:
            raise DocumentTooLarge(
                f"a compressed stream at byte {start} inflates past {max_stream_mb} MB "
                "(IngestLimits.max_stream_mb): a decompression bomb, refused unread"
            )
        damaged = damaged or problem is not None
    return damaged


def stream_keywords(data: bytes) -> Iterator[tuple[int, int]]:
    """(where, where its data starts) of each "stream" keyword that opens a stream's data: not
    the end of an "endstream", followed by an end of line. Found by ``bytes.find``: the
    regular expression ``(?<!end)stream\\r?\\n`` tried every byte of the file in Python's
    matcher (2 ms a 60 kB PDF, a twentieth of reading it whole)."""
    at = data.find(b"stream")
    while at >= 0:
        after = at + 6
        if at < 3 or data[at - 3 : at] != b"end":
            if data[after : after + 1] == b"\n":
                yield at, after + 1
            elif data[after : after + 2] == b"\r\n":
                yield at, after + 2
        at = data.find(b"stream", after)


def _harmless(data: bytes, keyword: int, size: int, cap: int) -> bool:
    """Whether a stream need not be inflated: too small to pass the cap, and no page's
    content (its dictionary, from its "obj" to "stream", says it is a font, image or form)."""
    if size * MAX_INFLATE_RATIO > cap:
        return False
    opening = data.rfind(b" obj", max(0, keyword - _HEADER_REACH), keyword)
    return opening >= 0 and _NOT_PAGE_CONTENT.search(data, opening, keyword) is not None


def damaged_pages(path: Path, max_stream_mb: int) -> dict[int, str]:
    """{page number: what is wrong} for pages whose content streams cannot be decoded."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import PDFStream, resolve1

    damaged: dict[int, str] = {}
    with path.open("rb") as handle:
        try:
            document = PDFDocument(PDFParser(handle))
            pages = list(PDFPage.create_pages(document))
        except Exception:  # noqa: BLE001 - pdfminer cannot walk it; pdfium's reading stands
            return damaged
        for number, page in enumerate(pages, start=1):
            for item in page.contents:
                stream = resolve1(item)
                problem = (
                    _stream_problem(stream, max_stream_mb << 20)
                    if isinstance(stream, PDFStream)
                    else "its content stream is missing"
                )
                if problem:
                    damaged[number] = problem
                    break
    return damaged


def _stream_problem(stream: Any, cap: int) -> str | None:
    names = [getattr(name, "name", name) for name, _params in stream.get_filters()]
    raw = stream.get_rawdata()
    if not names or names[0] not in _FLATE or raw is None:
        return None
    _size, problem = inflated_size(raw, cap)
    return f"content stream {stream.objid}: {problem}" if problem else None

"""Raw page content of a PDF: glyphs with boxes and ruling lines, from pdfium or pdfplumber.

Both engines return the same ``PageContent``: coordinates in PDF points, origin at the top-left
of the page as displayed (after /Rotate), so the layout code never sees an engine.
"""

from __future__ import annotations

import ctypes
import re
import struct
from array import array
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipeline.errors import CorruptFile, EncryptedFile
from pipeline.geometry.shapes import Glyph, PageContent, Rule, box_rules, glyph_text
from pipeline.ingest.legacy.detect import maybe_legacy

SURROGATE = re.compile("[\ud800-\udbff]")  # half of a pair pdfium reports as two characters
# Characters pdfium adds to its text stream that are not printed glyphs.
SKIPPED_CODES = frozenset({0, 2, 10, 13})  # all below 33: pdfium_glyphs tests them so
# pdfium's code for a hyphen printed at a line's end ("Phan Rang-" / "Tháp Chàm"), which it
# takes for a word broken by hyphenation; Vietnamese breaks no word so, so the hyphen is one
# the text prints. Not marked a hyphen (FPDFText_IsHyphen), the code is skipped.
LINE_END_HYPHEN = 0xFFFE
ENCRYPTED_MESSAGE = (
    "{name} is password-protected: ask the sender for an open copy, or remove the password"
    " (qpdf --password=PASSWORD --decrypt in.pdf out.pdf) and read that file"
)
CORRUPT_MESSAGE = "{name} is not a readable PDF ({reason}); re-download or re-export it"

# (a, b, c, d, e, f): displayed x = a*x + b*y + e, top = c*x + d*y + f, per /Rotate.
Affine = tuple[float, float, float, float, float, float]


def display_affine(rotation: int, box: tuple[float, float, float, float]) -> Affine:
    """The map from PDF user space to top-left display space for a page's /Rotate."""
    left, bottom, right, top = box
    return {
        0: (1.0, 0.0, 0.0, -1.0, -left, top),
        90: (0.0, 1.0, 1.0, 0.0, -bottom, -left),
        180: (-1.0, 0.0, 0.0, 1.0, right, -bottom),
        270: (0.0, -1.0, -1.0, 0.0, top, right),
    }[rotation % 360]


def to_display(affine: Affine, x0: float, y0: float, x1: float, y1: float) -> tuple:
    """A user-space rectangle as (x0, top, x1, bottom) in display space."""
    a, b, c, d, e, f = affine
    xa, xb = a * x0 + b * y0 + e, a * x1 + b * y1 + e
    ya, yb = c * x0 + d * y0 + f, c * x1 + d * y1 + f
    return (min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb))


# ---------------------------------------------------------------- pdfium


def open_pdfium(path: Path) -> pdfium.PdfDocument:
    """Open with pdfium, turning its errors into ours."""
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as err:
        if getattr(err, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise EncryptedFile(ENCRYPTED_MESSAGE.format(name=path.name)) from err
        raise CorruptFile(CORRUPT_MESSAGE.format(name=path.name, reason=err)) from err


def pdfium_pages(path: Path, thickness: float) -> Iterator[PageContent]:
    """Every page's glyphs and rules, read through pdfium."""
    document = open_pdfium(path)
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                yield pdfium_page(page, index + 1, thickness)
            finally:
                page.close()
    finally:
        document.close()


def pdfium_page(page: pdfium.PdfPage, number: int, thickness: float) -> PageContent:
    """One page through pdfium: glyphs from the text page, rules from path objects."""
    width, height = page.get_size()
    affine = display_affine(page.get_rotation(), page.get_cropbox())
    text_page = page.get_textpage()
    try:
        glyphs = pdfium_glyphs(text_page.raw, affine)
    finally:
        text_page.close()
    rules: list[Rule] = []
    paths, pictures = collect_rules(page.raw, False, IDENTITY, affine, thickness, rules)
    return PageContent(number, width, height, glyphs, rules, paths=paths, pictures=pictures)


def plain_call(function: Any) -> Any:
    """A pdfium function called without ctypes' argument checks: pointers passed as
    ``c_void_p`` objects made once, indices as ints (a C int either way).

    pypdfium2 declares typed pointers, which ctypes converts and checks on every call: two
    thirds of the cost of asking a character's box, in a loop that asks once per character.
    The C function is the same; only the checks are left out.
    """
    address = ctypes.cast(function, ctypes.c_void_p).value
    if address is None:
        raise RuntimeError("pdfium is not loaded")
    call = ctypes.CFUNCTYPE(function.restype)(address)
    call.argtypes = None  # type: ignore[assignment]  # None: no checks (typeshed omits it)
    return call


GET_LOOSE_BOX = plain_call(pdfium_c.FPDFText_GetLooseCharBox)
IS_GENERATED = plain_call(pdfium_c.FPDFText_IsGenerated)
IS_HYPHEN = plain_call(pdfium_c.FPDFText_IsHyphen)
RECT = struct.Struct("4f")  # FS_RECTF: left, top, right, bottom as C floats


def pdfium_glyphs(text_page: Any, affine: Affine) -> list[Glyph]:
    """Each character with its loose box (font ascent to descent), in display space.

    The page's text comes in one call; only the boxes are asked for character by character
    (the reader's hottest loop: thousands of characters a page), through ``plain_call``, into
    one rectangle read back in one unpacking.
    """
    codes = text_codes(text_page)
    page = ctypes.c_void_p(ctypes.cast(text_page, ctypes.c_void_p).value)
    rect = pdfium_c.FS_RECTF()
    where = ctypes.c_void_p(ctypes.addressof(rect))
    read_rect = partial(RECT.unpack_from, memoryview(rect).cast("B"))
    get_box, generated, new = GET_LOOSE_BOX, IS_GENERATED, tuple.__new__
    a, b, c, d, e, f = affine
    unturned = (a, b, c, d) == (1.0, 0.0, 0.0, -1.0)  # /Rotate 0: x as is, y flipped
    glyphs: list[Glyph] = []
    indices: list[int] = []  # each glyph's character index in the text page
    keep, add = indices.append, glyphs.append
    for index, code in enumerate(codes):
        if code <= 32 or code == LINE_END_HYPHEN:  # one test for the common glyph
            if code in SKIPPED_CODES or (code == 32 and generated(page, index)):
                continue
            if code == LINE_END_HYPHEN:
                if not IS_HYPHEN(page, index):
                    continue
                code = 45  # "-"
        keep(index)
        get_box(page, index, where)
        left, top, right, bottom = read_rect()
        if unturned and left <= right and bottom <= top:  # upright text on an unturned page
            add(new(Glyph, (chr(code), left + e, f - top, right + e, f - bottom, None)))
        else:
            box = to_display(affine, left, bottom, right, top)
            add(Glyph(chr(code), *box))
    text = glyph_text(glyphs)
    if maybe_legacy(text):  # fonts only where they matter
        glyphs = [
            glyph._replace(font=font_name(text_page, index)) if ord(glyph.text) > 127 else glyph
            for glyph, index in zip(glyphs, indices, strict=True)
        ]
    return join_surrogates(glyphs) if SURROGATE.search(text) else glyphs


def font_name(text_page: Any, index: int) -> str | None:
    """The name of the font a character is drawn in (legacy fonts are told by it)."""
    buffer = ctypes.create_string_buffer(128)
    length = pdfium_c.FPDFText_GetFontInfo(text_page, index, buffer, len(buffer), None)
    return buffer.value.decode("utf-8", "replace") if length else None


def text_codes(text_page: Any) -> array:
    """The UTF-16 code of every character of a text page, one per character index."""
    count = pdfium_c.FPDFText_CountChars(text_page)
    buffer = ctypes.create_string_buffer(2 * (count + 1))
    written = pdfium_c.FPDFText_GetText(
        text_page, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
    )
    codes = array("H", buffer.raw[: 2 * max(0, written - 1)])
    if len(codes) != count:  # never seen; ask character by character then
        get_unicode = pdfium_c.FPDFText_GetUnicode
        return array("H", (get_unicode(text_page, index) for index in range(count)))
    return codes


def join_surrogates(glyphs: list[Glyph]) -> list[Glyph]:
    """Rejoin UTF-16 surrogate pairs pdfium reports as two characters."""
    if not any("\ud800" <= glyph.text <= "\udbff" for glyph in glyphs):
        return glyphs
    joined: list[Glyph] = []
    for glyph in glyphs:
        if (
            joined
            and "\udc00" <= glyph.text <= "\udfff"
            and "\ud800" <= joined[-1].text <= "\udbff"
        ):
            pair = (joined[-1].text + glyph.text).encode("utf-16", "surrogatepass")
            joined[-1] = joined[-1]._replace(text=pair.decode("utf-16"))
        else:
            joined.append(glyph)
    return joined


IDENTITY: Affine = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def compose(inner: Affine, outer: Affine) -> Affine:
    """The matrix applying ``inner`` then ``outer`` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def collect_rules(
    parent: Any, is_form: bool, matrix: Affine, affine: Affine, thickness: float, out: list[Rule]
) -> tuple[int, int]:
    """Walk page (or form) objects, recursing into forms, adding the rules of path objects;
    returns how many paths and how many pictures (images, shadings) it met."""
    count_objects = pdfium_c.FPDFFormObj_CountObjects if is_form else pdfium_c.FPDFPage_CountObjects
    get_object = pdfium_c.FPDFFormObj_GetObject if is_form else pdfium_c.FPDFPage_GetObject
    paths = pictures = 0
    for index in range(count_objects(parent)):
        handle = get_object(parent, index)
        kind = pdfium_c.FPDFPageObj_GetType(handle)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            out.extend(path_rules(handle, matrix, affine, thickness))
            paths += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            inner = collect_rules(
                handle, True, compose(object_matrix(handle), matrix), affine, thickness, out
            )
            paths, pictures = paths + inner[0], pictures + inner[1]
        elif kind != pdfium_c.FPDF_PAGEOBJ_TEXT:
            pictures += 1
    return paths, pictures


def object_matrix(handle: Any) -> Affine:
    """A page object's own matrix."""
    raw = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(handle, ctypes.byref(raw))
    return (raw.a, raw.b, raw.c, raw.d, raw.e, raw.f)


def path_rules(handle: Any, matrix: Affine, affine: Affine, thickness: float) -> list[Rule]:
    """Rules of one path: from its bounds when it is a line or a box, else per segment."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pdfium_c.FPDFPageObj_GetBounds(handle, left, bottom, right, top)
    corners = transform_box(matrix, left.value, bottom.value, right.value, top.value)
    box = to_display(affine, *corners)
    thin = min(box[2] - box[0], box[3] - box[1]) <= thickness
    if thin or (pdfium_c.FPDFPath_CountSegments(handle) <= 5 and is_box_path(handle)):
        return box_rules(box, thickness)
    full = compose(object_matrix(handle), matrix)
    return segment_rules(handle, full, affine, thickness)


def transform_box(matrix: Affine, x0: float, y0: float, x1: float, y1: float) -> tuple:
    """An axis-aligned box through a matrix (rotations by right angles stay boxes)."""
    if matrix == IDENTITY:
        return (x0, y0, x1, y1)
    a, b, c, d, e, f = matrix
    xs = [a * x + c * y + e for x, y in ((x0, y0), (x1, y1))]
    ys = [b * x + d * y + f for x, y in ((x0, y0), (x1, y1))]
    return (min(xs), min(ys), max(xs), max(ys))


def path_points(handle: Any) -> list[tuple[int, float, float, bool]]:
    """(segment type, x, y, closes) for each segment of a path, in its own space."""
    x, y = ctypes.c_float(), ctypes.c_float()
    points = []
    for index in range(pdfium_c.FPDFPath_CountSegments(handle)):
        segment = pdfium_c.FPDFPath_GetPathSegment(handle, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        points.append((kind, x.value, y.value, bool(pdfium_c.FPDFPathSegment_GetClose(segment))))
    return points


def is_box_path(handle: Any) -> bool:
    """Whether a path is one axis-aligned rectangle (so its bounds are its sides)."""
    points = path_points(handle)
    xs = {round(x, 1) for _, x, _, _ in points}
    ys = {round(y, 1) for _, _, y, _ in points}
    straight = all(kind != pdfium_c.FPDF_SEGMENT_BEZIERTO for kind, *_ in points)
    return straight and len(xs) <= 2 and len(ys) <= 2 and len(points) >= 4


def segment_rules(handle: Any, matrix: Affine, affine: Affine, thickness: float) -> list[Rule]:
    """Axis-aligned straight segments of a path as rules (curves and diagonals ignored)."""
    rules: list[Rule] = []
    start = last = None
    for kind, x, y, closes in path_points(handle):
        point = transform_box(matrix, x, y, x, y)[:2]
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and last is not None:
            rules.extend(straight_rule(affine, last, point, thickness))
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
        if closes and start is not None:
            rules.extend(straight_rule(affine, point, start, thickness))
        last = point
    return rules


def straight_rule(affine: Affine, a: tuple, b: tuple, thickness: float) -> list[Rule]:
    """A segment from a to b as a rule, if it runs along an axis."""
    box = to_display(affine, a[0], a[1], b[0], b[1])
    if min(box[2] - box[0], box[3] - box[1]) > thickness:
        return []
    return box_rules(box, thickness)


# ---------------------------------------------------------------- pdfplumber


def pdfplumber_pages(path: Path, thickness: float) -> Iterator[PageContent]:
    """Every page's glyphs and rules, read through pdfplumber (the slower reference)."""
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        document = pdfplumber.open(path)
    except PdfminerException as err:
        reason = err.args[0] if err.args else err
        if "Password" in type(reason).__name__ or "Encrypt" in type(reason).__name__:
            raise EncryptedFile(ENCRYPTED_MESSAGE.format(name=path.name)) from err
        raise CorruptFile(CORRUPT_MESSAGE.format(name=path.name, reason=reason)) from err
    with document:
        for page in document.pages:
            yield pdfplumber_page(page, thickness)
            page.close()


def pdfplumber_page(page: Any, thickness: float) -> PageContent:
    """One page through pdfplumber: chars, and rules from its lines, rects and curves."""
    glyphs = [
        Glyph(c["text"], c["x0"], c["top"], c["x1"], c["bottom"], c.get("fontname"))
        for c in page.chars
    ]
    rules: list[Rule] = []
    for shape in page.lines + page.rects:
        rules.extend(
            box_rules((shape["x0"], shape["top"], shape["x1"], shape["bottom"]), thickness)
        )
    for curve in page.curves:
        points = curve["pts"]
        for a, b in zip(points, points[1:], strict=False):
            box = (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
            if min(box[2] - box[0], box[3] - box[1]) <= thickness:
                rules.extend(box_rules(box, thickness))
    paths = len(page.lines) + len(page.rects) + len(page.curves)
    size = (float(page.width), float(page.height))
    return PageContent(
        page.page_number, *size, glyphs, rules, paths=paths, pictures=len(page.images)
    )

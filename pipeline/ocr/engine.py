"""The only module that runs Tesseract: language check, timeouts, word boxes and confidences.

Tesseract is driven in-process through tesserocr: a page image is set once, then the page pass
reads every word with its box and confidence, and any rectangle of the same image (a numeric
cell) is read again in about a millisecond with a digits-only pass. pytesseract would start a
``tesseract`` process, reload the model and re-decode the image for every call (README:
"Why tesserocr").
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple

import numpy as np
from PIL import Image

from pipeline.errors import MissingDependencyError, OcrError
from pipeline.ocr.settings import OcrSettings

DIGITS = "0123456789.,"
DIGITS_LANGUAGE = "eng"  # the digits pass: eng reads lone digits more often than vie (measured)
TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
)
INSTALL_HINT = "install it: apt-get install tesseract-ocr tesseract-ocr-vie (or make setup)"


class OcrWord(NamedTuple):
    """A word of the page pass: its text, box in image pixels and confidence 0-100."""

    text: str
    x0: int
    top: int
    x1: int
    bottom: int
    confidence: float


class Reading(NamedTuple):
    """What one pass read in a rectangle."""

    text: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Rect:
    """A rectangle of the page image in pixels."""

    x0: int
    top: int
    x1: int
    bottom: int


def tessdata_dir(settings: OcrSettings) -> Path:
    """The folder holding the language data, or MissingDependencyError saying what to do.

    An explicit folder (the setting, else TESSDATA_PREFIX) is the only one looked in.
    """
    chosen = settings.tessdata or os.environ.get("TESSDATA_PREFIX")
    candidates = [chosen] if chosen else list(TESSDATA_DIRS)
    needed = {settings.language, DIGITS_LANGUAGE}
    for folder in filter(None, candidates):
        path = Path(folder)
        if all((path / f"{name}.traineddata").is_file() for name in needed):
            return path
    names = " and ".join(sorted(needed))
    where = chosen or ", ".join(TESSDATA_DIRS)
    raise MissingDependencyError(
        f"Tesseract language data {names} not found in {where}; {INSTALL_HINT}"
    )


def import_tesserocr() -> Any:
    """The tesserocr module, its OpenMP threads limited to one unless OMP_THREAD_LIMIT says
    otherwise: the batch already runs a worker per core, and Tesseract's own threads would
    contend with them (OCRmyPDF limits them for the same reason). OpenMP reads the variable
    once, when Tesseract's library is loaded, so it is set before the first import."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    import tesserocr

    return tesserocr


def check_engine(settings: OcrSettings = OcrSettings()) -> None:
    """Fail early, with exit code 4, when tesserocr, the language data or the second
    reading's model is missing."""
    try:
        import_tesserocr()
    except ImportError as err:
        message = f"the tesserocr module is missing ({err}); {INSTALL_HINT}"
        raise MissingDependencyError(message) from err
    tessdata_dir(settings)
    if "second" not in settings.skip:
        from pipeline.ocr.second import check_model

        check_model()


Picture = Image.Image | np.ndarray  # a PIL image, or grey pixels (uint8, rows × columns)


def _set_image(api: object, image: Picture) -> None:
    """The image a Tesseract handle reads next. Grey pixels are handed over as they lie in
    memory; tesserocr writes a PIL image out as a BMP for Leptonica to read back, which costs
    more than reading a cell's digits."""
    if isinstance(image, Image.Image):
        api.SetImage(image)  # type: ignore[attr-defined]
        return
    pixels = np.ascontiguousarray(image, dtype=np.uint8)
    height, width = pixels.shape
    api.SetImageBytes(pixels.tobytes(), width, height, 1, width)  # type: ignore[attr-defined]


def _text(api: object) -> str:
    """What the last recognition read; tesserocr raises on a rectangle with nothing in it."""
    try:
        return str(api.GetUTF8Text() or "")  # type: ignore[attr-defined]
    except RuntimeError:
        return ""


class Tesseract:
    """One page at a time: ``set_page`` then ``words`` and ``read_number`` on that page.

    Readers take one from ``open_engine`` (loaded once per process and thread); a
    ``with Tesseract(...)`` block opens one of its own and closes it after.
    """

    def __init__(self, settings: OcrSettings = OcrSettings()) -> None:
        tesserocr = import_tesserocr()
        self._tesserocr = tesserocr
        self._timeout_ms = int(settings.call_timeout_s * 1000)
        path = str(tessdata_dir(settings)) + "/"
        psm = tesserocr.PSM
        self._text = tesserocr.PyTessBaseAPI(path=path, lang=settings.language, psm=psm.AUTO)
        self._digits = tesserocr.PyTessBaseAPI(path=path, lang=DIGITS_LANGUAGE, psm=psm.SINGLE_LINE)
        self._digits.SetVariable("tessedit_char_whitelist", DIGITS)
        self._digits.SetVariable("classify_bln_numeric_mode", "1")
        for api in (self._text, self._digits):  # no second, inverted reading of unsure lines:
            api.SetVariable("tessedit_do_invert", "0")  # decisions print dark ink on paper
        self._path = path
        self._osd: Any = None  # loaded on the first page that needs it (few do)

    def orientation(self, image: Picture) -> tuple[int, float] | None:
        """Tesseract's own guess (OSD): clockwise degrees the page is turned, and its
        confidence; None when osd.traineddata is missing or the page has too little text.

        Its model (10 MB, 0.1 s to load) is loaded on the first call: most pages never ask,
        and a worker that reads none of them does not hold it."""
        if self._osd is None:
            if not Path(self._path, "osd.traineddata").is_file():
                return None
            psm = self._tesserocr.PSM.OSD_ONLY
            self._osd = self._tesserocr.PyTessBaseAPI(path=self._path, lang="osd", psm=psm)
        _set_image(self._osd, image)
        try:
            found = self._osd.DetectOrientationScript()
        except RuntimeError:
            return None
        return (int(found["orient_deg"]), float(found["orient_conf"])) if found else None

    def __enter__(self) -> Tesseract:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def fresh(self) -> Tesseract:
        """This engine as a newly loaded one would read: the last page and what the adaptive
        classifier learnt from earlier pages forgotten (a document is read the same whatever
        was read before it, and the memory those pages held is given back)."""
        for api in (self._text, self._digits, self._osd):
            if api is not None:
                api.Clear()
                api.ClearAdaptiveClassifier()
        return self

    def close(self) -> None:
        for api in (self._text, self._digits, self._osd):
            if api is not None:
                api.End()

    def set_page(self, image: Picture, ppi: int) -> None:
        """The page the page pass and the cell pass read from (rules already erased)."""
        _set_image(self._text, image)
        self._text.SetSourceResolution(ppi)

    def words(self, rect: Rect | None = None, sparse: bool = False) -> list[OcrWord]:
        """Every word of the page (or of ``rect``) with its box and confidence."""
        api, level = self._text, self._tesserocr.RIL.WORD
        psm = self._tesserocr.PSM
        api.SetPageSegMode(psm.SPARSE_TEXT if sparse else psm.AUTO)
        if rect is not None:
            api.SetRectangle(rect.x0, rect.top, rect.x1 - rect.x0, rect.bottom - rect.top)
        self._recognize(api, "page pass")
        found: list[OcrWord] = []
        iterator = api.GetIterator()
        while iterator is not None and not iterator.Empty(level):
            text = (iterator.GetUTF8Text(level) or "").strip()
            box = iterator.BoundingBox(level)
            if text and box:
                x0, top, x1, bottom = box
                found.append(OcrWord(text, x0, top, x1, bottom, float(iterator.Confidence(level))))
            if not iterator.Next(level):
                break
        return found

    def read_block(self, rect: Rect) -> Reading:
        """One cell's text read on its own as a block (a wrapped header, a long name)."""
        api = self._text
        api.SetPageSegMode(self._tesserocr.PSM.SINGLE_BLOCK)
        api.SetRectangle(rect.x0, rect.top, rect.x1 - rect.x0, rect.bottom - rect.top)
        self._recognize(api, "cell pass")
        return Reading(" ".join(_text(api).split()), float(api.MeanTextConf()))

    def read_lines(self, rect: Rect) -> tuple[list[str], float]:
        """A block's text lines read on their own as a block (a title under its type)."""
        api = self._text
        api.SetPageSegMode(self._tesserocr.PSM.SINGLE_BLOCK)
        api.SetRectangle(rect.x0, rect.top, rect.x1 - rect.x0, rect.bottom - rect.top)
        self._recognize(api, "block pass")
        lines = [" ".join(line.split()) for line in _text(api).splitlines()]
        return [line for line in lines if line], float(api.MeanTextConf())

    def read_number(self, crop: Picture, ppi: int) -> Reading:
        """The digits-only reading of one cell's crop: one line, then one word, one character."""
        api, psm = self._digits, self._tesserocr.PSM
        _set_image(api, crop)
        api.SetSourceResolution(ppi)
        for mode in (psm.SINGLE_LINE, psm.SINGLE_WORD, psm.SINGLE_CHAR):
            api.SetPageSegMode(mode)
            self._recognize(api, "digits pass")
            text = "".join(_text(api).split())
            if text:
                return Reading(text, float(api.MeanTextConf()))
        return Reading("", 0.0)

    def _recognize(self, api: object, what: str) -> None:
        if not api.Recognize(timeout=self._timeout_ms):  # type: ignore[attr-defined]
            seconds = self._timeout_ms / 1000
            raise OcrError(f"Tesseract {what} did not finish within {seconds:g} s")


def open_engine(settings: OcrSettings) -> Tesseract:
    """An open Tesseract for ``settings``, loaded once per process and thread.

    Loading the three models takes about half a second, as long as reading a small page: a
    worker reading one scanned document after another keeps its engine, made ``fresh`` for
    each document so nothing carries over from one to the next. One per thread, as a
    Tesseract handle is not to be shared between threads (a Dask worker runs several).
    """
    return _engine(settings, threading.get_ident()).fresh()


@lru_cache(maxsize=4)
def _engine(settings: OcrSettings, thread: int) -> Tesseract:
    return Tesseract(settings)

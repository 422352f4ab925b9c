"""The second, independent reading of a number: PP-OCRv4 recognition, digits only.

A number read by Tesseract twice (the page pass and the digits pass) is read twice by the same
kind of model; a second witness should fail in other ways. PaddleOCR's PP-OCRv4 recogniser is
a convolutional CTC model trained on other data, and ``rapidocr-onnxruntime``'s wheel ships it
as an ONNX file (no download at run time). Only its recognition model is used, run here with
onnxruntime on the cell's ink: its detector is not needed (the cell is the box), and its
outputs are masked to the characters a number may hold (digits, "." and ","), so a rule's
remnant or a speck cannot become a Chinese character (README: "Second reading").
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.errors import MissingDependencyError
from pipeline.models import BBox, Value
from pipeline.ocr.cv import cv2
from pipeline.ocr.engine import Reading

PACKAGE = "rapidocr_onnxruntime"
MODEL = "models/ch_PP-OCRv4_rec_infer.onnx"
INPUT_HEIGHT = 48  # the model's input height (PP-OCRv4 recognition: 3 x 48 x W)
MIN_WIDTH = 48
MARGIN = 8  # white pixels around the ink, scaled with it
NUMBER_CHARS = "0123456789.,"
INSTALL_HINT = "pip install onnxruntime; pip install --no-deps rapidocr-onnxruntime (make setup)"


def model_path() -> Path:
    """The recognition model inside the installed wheel, found without importing the package
    (its ``__init__`` loads the detector's dependencies, which this reader does not use)."""
    spec = importlib.util.find_spec(PACKAGE)
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        path = Path(folder) / MODEL
        if path.is_file():
            return path
    raise MissingDependencyError(f"the PP-OCRv4 recognition model is missing; {INSTALL_HINT}")


def check_model() -> None:
    """MissingDependencyError, saying what to install, when onnxruntime or the model is missing."""
    if importlib.util.find_spec("onnxruntime") is None:
        raise MissingDependencyError(f"the onnxruntime module is missing; {INSTALL_HINT}")
    model_path()


class SecondReader:
    """PP-OCRv4 recognition of number crops (or of ``characters``: a signature's capitals),
    one ONNX session held to one thread."""

    def __init__(self, alphabet: str = NUMBER_CHARS) -> None:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1  # a worker per core already uses the cores
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self._session: Any = onnxruntime.InferenceSession(
            str(model_path()), options, providers=["CPUExecutionProvider"]
        )
        characters = self._session.get_modelmeta().custom_metadata_map["character"].splitlines()
        characters.append(" ")  # CTC outputs: 0 is the blank, then the characters, then a space
        allowed = [0] + [i + 1 for i, char in enumerate(characters) if char in alphabet]
        self._allowed = np.array(allowed)
        self._chars = ["", *(characters[i - 1] for i in allowed[1:])]
        self._input = self._session.get_inputs()[0].name

    def read(self, ink: np.ndarray) -> Reading:
        """The number in a grey crop of a cell's ink (dark on white), with its confidence:
        the lowest probability of the characters it is made of, 0-100."""
        if ink.size == 0:
            return Reading("", 0.0)
        batch = _normalised(ink)[np.newaxis]
        scores = self._session.run(None, {self._input: batch})[0][0]  # time x classes
        return self._decode(scores)

    def _decode(self, scores: np.ndarray) -> Reading:
        """Greedy CTC over the number characters alone (the blank included)."""
        masked = scores[:, self._allowed]
        best = masked.argmax(axis=1)
        # the probabilities are of the whole alphabet: a "5" the model thinks is a Chinese
        # character keeps the low probability it has
        chosen = masked[np.arange(len(best)), best]
        text, sure, previous = [], [], 0
        for index, probability in zip(best, chosen, strict=True):
            if index and index != previous:
                text.append(self._chars[index])
                sure.append(float(probability))
            previous = index
        if not text:
            return Reading("", 0.0)
        return Reading("".join(text), 100 * min(sure))


def _normalised(ink: np.ndarray) -> np.ndarray:
    """The ink on a white margin, scaled to the model's height, as 3 x 48 x W in [-1, 1]."""
    height, width = ink.shape[:2]
    factor = (INPUT_HEIGHT - 2 * MARGIN) / max(1, height)
    size = (max(1, round(width * factor)), INPUT_HEIGHT - 2 * MARGIN)
    method = cv2.INTER_AREA if factor < 1 else cv2.INTER_CUBIC
    scaled = cv2.resize(ink, size, interpolation=method)
    framed = cv2.copyMakeBorder(scaled, *(MARGIN,) * 4, cv2.BORDER_CONSTANT, value=255)
    if framed.shape[1] < MIN_WIDTH:
        pad = MIN_WIDTH - framed.shape[1]
        framed = cv2.copyMakeBorder(framed, 0, 0, 0, pad, cv2.BORDER_CONSTANT, value=255)
    planes = np.repeat(framed[np.newaxis].astype(np.float32), 3, axis=0)
    return (planes / 255.0 - 0.5) / 0.5


@functools.cache
def shared_reader(alphabet: str = NUMBER_CHARS) -> SecondReader:
    """One recogniser per process (and alphabet): the session is read-only, and loading it
    (~0.3 s) for each document would cost more than the crops it reads (a worker reads many
    documents)."""
    return SecondReader(alphabet)


class CropWitness:
    """The second reading of a document's OCR values, from the crops its pages kept: the model
    is loaded on the first value that needs it (most documents never do), each crop read once.
    """

    def __init__(self, crops: Mapping[tuple[int, BBox], np.ndarray]) -> None:
        self._crops = crops
        self._read: dict[tuple[int, BBox], str] = {}

    def __call__(self, value: Value) -> str | None:
        if value.at.bbox is None:
            return None
        key = (value.at.page, value.at.bbox)
        ink = self._crops.get(key)
        if ink is None:
            return None
        if key not in self._read:
            self._read[key] = shared_reader().read(ink).text
        return self._read[key]

"""OpenCV as the OCR modules use it: one thread per process.

The batch already runs a worker per core; OpenCV's own thread pool on top of that makes the
workers contend for the cores (measured on 18 scanned pages, 2 cores: 2 workers 16.3 s either
way, 1 worker 27.2 s with the pool and 30.5 s without). Tesseract's OpenMP threads are held
to one for the same reason (``engine.import_tesserocr``).
"""

from __future__ import annotations

import cv2

cv2.setNumThreads(1)

__all__ = ["cv2"]

"""Python's cycle collector paused while work that makes no cycles allocates a great deal.

A document allocates hundreds of thousands of short-lived objects (glyphs, words, cells,
tokens), and a bulk match its keys, rankings and matches, none of them in cycles: reference
counting frees them, and the collector, set off every 700 allocations, only walks them again
(6.5% of a text PDF's time; a fifth of 100,000 names' matching). Whatever cycles the work
leaves are collected once it ends, so memory between documents is what it was.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off for the block, then on again; a caller that paused it keeps it paused
    (theirs to restore)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()

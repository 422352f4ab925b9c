"""How far a batch has got: a tqdm bar on a terminal, plain log lines otherwise.

Both count documents and pages as they finish (in whatever order the workers finish them) and
give documents/s, pages/s and an ETA. Documents taken from the journal are counted apart:
they were not read again.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import Any, TextIO

from pipeline.models import DocumentResult

LOG_INTERVAL_S = 10.0


@dataclass
class Progress:
    """Counts of one batch, and where to show them (mutable: it is the batch's tally)."""

    mode: str = "auto"  # auto | bar | log | none
    stream: TextIO = field(default_factory=lambda: sys.stderr)
    total: int = 0
    resumed: int = 0
    done: int = 0
    pages: int = 0
    failed: int = 0
    started: float = 0.0
    _last_log: float = 0.0
    _bar: Any = None

    def start(self, total: int, resumed: int) -> None:
        """``total`` documents to read now; ``resumed`` more came from the journal."""
        self.total, self.resumed = total, resumed
        self.started = self._last_log = time.monotonic()
        mode = self.mode
        if mode == "auto":
            mode = "bar" if self.stream.isatty() else "log"
        self.mode = mode
        if mode == "bar" and total:
            self._bar = _bar_class()(total=total, unit="doc", file=self.stream, dynamic_ncols=True)

    def finished(self, result: DocumentResult) -> None:
        """One document read (or failed)."""
        self.done += 1
        self.pages += result.pages or 0
        self.failed += result.status == "failed"
        if self._bar is not None:
            self._bar.set_postfix_str(f"{self.pages / self._elapsed():.1f} pages/s", refresh=False)
            self._bar.update(1)
        elif self.mode == "log" and time.monotonic() - self._last_log >= LOG_INTERVAL_S:
            self._last_log = time.monotonic()
            self._log(self.line())

    def close(self) -> None:
        """Take the bar off the terminal (also when the batch stops on an error)."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def summary(self) -> None:
        """The last line: what was read, how fast, and what came from the journal."""
        if self.mode != "none":
            self._log(self.line(final=True))

    def line(self, final: bool = False) -> str:
        """``read 12/40 documents, 30 pages: 4.1 docs/s, 10.3 pages/s, ETA 7 s``."""
        elapsed = self._elapsed()
        rate = self.done / elapsed
        text = (
            f"read {self.done}/{self.total} documents ({self.failed} failed), {self.pages} pages"
            f" in {elapsed:.1f} s: {rate:.1f} docs/s, {self.pages / elapsed:.1f} pages/s"
        )
        if not final and rate:
            text += f", ETA {(self.total - self.done) / rate:.0f} s"
        if self.resumed:
            text += f"; {self.resumed} unchanged documents taken from the journal"
        return text

    def _elapsed(self) -> float:
        return max(time.monotonic() - self.started, 1e-9)

    def _log(self, text: str) -> None:
        print(text, file=self.stream, flush=True)


def _bar_class() -> Any:
    """tqdm without its monitor thread, so worker processes can still be forked safely."""
    from tqdm import tqdm

    class Bar(tqdm):  # type: ignore[misc]
        monitor_interval = 0

    return Bar

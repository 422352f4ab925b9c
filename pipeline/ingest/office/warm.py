"""One LibreOffice kept running for many conversions (warm), driven through ``bridge.py``.

Starting LibreOffice costs seconds; a warm one converts a small document in a fraction of one
(``make bench``). A conversion that takes longer than its limit kills this LibreOffice; the
next conversion starts a new one.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from pipeline.errors import ConversionError
from pipeline.ingest.office.soffice import Office, child_setup, profile_url, stop, timed_out

BRIDGE = Path(__file__).with_name("bridge.py")
START_TIMEOUT_S = 60.0
PREFIX = "decisions-office-"  # + the worker's pid: a profile is removed once its worker is gone
RESTART = 81  # soffice.bin's exit code after it set up a new profile: start it again


def remove_orphans(folder: Path) -> None:
    """Profiles left by workers that were killed (a worker past its time limit): their
    process is gone, so nothing else removes them."""
    for profile in folder.glob(f"{PREFIX}*-*"):
        pid = profile.name.removeprefix(PREFIX).split("-")[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(profile, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class WarmOffice:
    """A LibreOffice process and the bridge that drives it; ``close`` stops both."""

    def __init__(self, office: Office) -> None:
        if office.uno_python is None:
            raise ValueError("a warm LibreOffice needs a Python with uno")
        self._office = office
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self._soffice: subprocess.Popen[bytes] | None = None
        self._bridge: subprocess.Popen[str] | None = None

    def convert(self, source: Path, target: Path, filter_name: str, timeout_s: float) -> None:
        """Convert ``source`` to ``target``; ConversionError when LibreOffice cannot."""
        bridge = self._start()
        request = {"source": str(source.resolve()), "target": str(target), "filter": filter_name}
        assert bridge.stdin is not None
        bridge.stdin.write(json.dumps(request) + "\n")
        bridge.stdin.flush()
        answer = self._answer(timeout_s)
        if answer is None:
            crashed = self._soffice is not None and self._soffice.poll() is not None
            self.close()
            raise ConversionError(
                "LibreOffice stopped while converting the file" if crashed else timed_out(timeout_s)
            )
        if "error" in answer or not target.is_file():
            raise ConversionError(f"LibreOffice could not open the file ({answer.get('error')})")

    def _start(self) -> subprocess.Popen[str]:
        if self._bridge is not None and self._bridge.poll() is None:
            return self._bridge
        self.close()
        remove_orphans(Path(tempfile.gettempdir()))
        self._folder = tempfile.TemporaryDirectory(prefix=f"{PREFIX}{os.getpid()}-")
        for _attempt in range(2):  # a new profile: LibreOffice sets it up, then asks a restart
            if self._launch(Path(self._folder.name)):
                assert self._bridge is not None
                return self._bridge
            restart = self._soffice is not None and self._soffice.poll() == RESTART
            self.close(keep_profile=True)
            if not restart:
                break
        self.close()
        raise ConversionError(f"LibreOffice did not start within {START_TIMEOUT_S:g} s")

    def _launch(self, folder: Path) -> bool:
        """Start LibreOffice and the bridge; whether the bridge got connected."""
        pipe = f"decisions-{folder.name}"
        self._soffice = subprocess.Popen(
            [
                str(self._office.program), profile_url(folder / "profile"),
                "--headless", "--invisible", "--norestore", "--nolockcheck", "--nodefault",
                f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
            ],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=child_setup,
        )  # fmt: skip
        self._bridge = subprocess.Popen(
            [str(self._office.uno_python), str(BRIDGE), pipe, str(START_TIMEOUT_S)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True, preexec_fn=child_setup,
        )  # fmt: skip
        return self._answer(START_TIMEOUT_S) is not None

    def _answer(self, timeout_s: float) -> dict[str, object] | None:
        """The bridge's next answer, or None when it gives none in time (or died)."""
        assert self._bridge is not None and self._bridge.stdout is not None
        deadline = time.monotonic() + timeout_s
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([self._bridge.stdout], [], [], min(left, 0.1))
            if ready:
                line = self._bridge.stdout.readline()
                return json.loads(line) if line else None
            if self._soffice is not None and self._soffice.poll() is not None:
                return None  # LibreOffice stopped: crashed, or restarting for a new profile
        return None

    def close(self, keep_profile: bool = False) -> None:
        """Stop LibreOffice and the bridge (idempotent)."""
        for process in (self._bridge, self._soffice):
            if process is not None:
                stop(process)
        self._bridge = self._soffice = None
        if self._folder is not None and not keep_profile:
            self._folder.cleanup()
            self._folder = None

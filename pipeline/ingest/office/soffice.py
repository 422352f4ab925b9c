"""Where LibreOffice is, and one conversion by a fresh ``soffice --convert-to`` (cold).

Every process started here gets the parent's death as its own (Linux ``PR_SET_PDEATHSIG``):
when a worker is stopped for its time limit, its LibreOffice goes with it. The address-space
limit a worker sets for itself (``DocumentLimits.memory_mb``) is lifted for LibreOffice, which
maps far more than it uses; the time limit still bounds it.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os
import resource
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import ConversionError, MissingDependencyError

INSTALL_HINT = (
    "install it: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui (or make setup)"
)
UNO_PYTHONS = ("/usr/bin/python3", "/usr/local/bin/python3")
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True, slots=True)
class Office:
    """The LibreOffice found: the program to run, and a Python with its ``uno`` (or None)."""

    script: Path  # soffice: restarts soffice.bin when a new profile asks for it (cold runs)
    program: Path  # soffice.bin when present (signals reach it), else the script
    uno_python: str | None


@functools.cache
def find_office() -> Office:
    """LibreOffice on this machine, or MissingDependencyError (exit code 4) saying what to do.

    Looked up once per process (a failed lookup is not remembered)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise MissingDependencyError(f"LibreOffice (soffice) not found; {INSTALL_HINT}")
    script = Path(found).resolve()
    binary = script.with_name("soffice.bin")
    candidates = (str(script.with_name("python")), *UNO_PYTHONS)
    return Office(script, binary if binary.is_file() else script, _uno_python(candidates))


def _uno_python(candidates: tuple[str, ...]) -> str | None:
    for python in candidates:
        if not Path(python).is_file():
            continue
        done = subprocess.run([python, "-c", "import uno"], capture_output=True, timeout=30)
        if done.returncode == 0:
            return python
    return None


def child_setup() -> None:
    """In the child before exec: die with the parent, no address-space limit, own group."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))
    os.setpgrp()


def profile_url(folder: Path) -> str:
    """-env:UserInstallation for a private profile (parallel instances never share one)."""
    return f"-env:UserInstallation={folder.resolve().as_uri()}"


def convert_cold(
    office: Office, source: Path, target: Path, filter_name: str, timeout_s: float
) -> None:
    """Convert with a LibreOffice started for this file alone, in a private profile."""
    with tempfile.TemporaryDirectory(prefix="decisions-cold-") as work:
        folder = Path(work)
        link = folder / f"in{source.suffix.lower()}"  # a plain name: no option-like paths
        link.symlink_to(source.resolve())
        command = [
            str(office.script),
            profile_url(folder / "profile"),
            "--headless", "--norestore", "--nolockcheck", "--nodefault",
            "--convert-to", f"{target.suffix.lstrip('.')}:{filter_name}",
            "--outdir", str(folder / "out"), str(link),
        ]  # fmt: skip
        process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=child_setup
        )
        try:
            process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired as err:
            stop(process)
            raise ConversionError(timed_out(timeout_s)) from err
        produced = folder / "out" / f"in{target.suffix}"
        if not produced.is_file():
            raise ConversionError("LibreOffice could not open the file (damaged or not a document)")
        shutil.move(produced, target)


def timed_out(timeout_s: float) -> str:
    return (
        f"LibreOffice did not convert the file within {timeout_s:g} s "
        "(IngestLimits.convert_timeout_s)"
    )


def stop(process: subprocess.Popen) -> None:  # type: ignore[type-arg]
    """Kill a process started by ``child_setup`` and everything in its group."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()

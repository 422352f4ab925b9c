"""Which files a batch reads: the folder walk, what is skipped and why, and each file's doc_id.

The rule, for a folder: every file under it is listed, except hidden ones (a name starting
with ".", or inside a hidden folder) and the batch's own output folder. A file whose extension
is a decision format (``DOCUMENT_SUFFIXES``) is read, by content; any other file is listed in
documents.csv as skipped, with its extension. Symbolic links to files are read; links to
folders are listed and not followed (a loop, or a second path to the same files), and broken
links are listed as such. A file named on the command line is always read, whatever its
extension. A skipped file is listed with status failed and an error starting "skipped:", and
does not change the exit code: it is not a document that could not be read.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff"})
# Read by LibreOffice (Word 97, OpenDocument, RTF; spreadsheets LibreOffice must open first).
OFFICE_SUFFIXES = frozenset({".doc", ".odt", ".rtf"})
SHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
DOCUMENT_SUFFIXES = (
    TEXT_SUFFIXES
    | IMAGE_SUFFIXES
    | OFFICE_SUFFIXES
    | SHEET_SUFFIXES
    | {".pdf", ".docx", ".html", ".htm", ".xhtml"}
)


SKIPPED = "skipped"  # the start of a skipped file's reason in documents.csv
# Files in a folder that describe it (an archive's README), not decisions; named ones are read.
FOLDER_NOTES = frozenset({"readme", "license", "changelog"})


class Found(NamedTuple):
    """A file the walk found, and why it will not be read (None: it will be)."""

    path: Path
    skip: str | None = None


@dataclass(frozen=True, slots=True)
class Job:
    """One input file and the id it gets in this batch."""

    path: Path
    source_file: str
    doc_id: str
    sha256: str
    skip: str | None = None  # listed, not read: the reason documents.csv gives
    parts: tuple[Path, ...] = ()  # page images of one decision, in page order (path: the first)


def walk(inputs: Iterable[Path], exclude: Iterable[Path] = ()) -> list[Found]:
    """Every input file, in a stable order: named files as given, folders walked (see above)."""
    excluded = {_resolved(path) for path in exclude}
    found: list[Found] = []
    for path in inputs:
        if path.is_dir():  # a folder named on the command line is walked, even through a link
            found.extend(_walk_folder(path, excluded))
        else:
            found.append(Found(path, _link_problem(path)))
    return list(dict.fromkeys(found))


def discover(inputs: Iterable[Path], exclude: Iterable[Path] = ()) -> list[Path]:
    """The files of ``walk`` that will be read (skipped ones left out)."""
    return [item.path for item in walk(inputs, exclude) if item.skip is None]


def _walk_folder(folder: Path, excluded: set[Path]) -> list[Found]:
    found = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        here = Path(root)
        dirs[:] = sorted(
            name
            for name in dirs
            if not name.startswith(".") and _resolved(here / name) not in excluded
        )
        names = files + [name for name in dirs if (here / name).is_symlink()]
        for name in sorted(names):
            if not name.startswith("."):
                found.append(Found(here / name, _skip_reason(here / name)))
    return sorted(found, key=lambda item: item.path)


def _skip_reason(path: Path) -> str | None:
    if problem := _link_problem(path):
        return problem
    if not path.is_file():
        return f"{SKIPPED}: not a regular file"
    suffix = path.suffix.lower()
    if suffix and suffix not in DOCUMENT_SUFFIXES:
        return f"{SKIPPED}: not a decision format ({suffix})"
    if path.stem.lower() in FOLDER_NOTES:
        return f"{SKIPPED}: a note about the folder ({path.name}), not a decision"
    return None


def _link_problem(path: Path) -> str | None:
    if not path.is_symlink():
        return None
    if not path.exists():
        return f"{SKIPPED}: broken symbolic link"
    if path.is_dir():
        return f"{SKIPPED}: symbolic link to a folder, not followed (a loop or a second path)"
    return None


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:  # a symlink loop
        return path.absolute()


def plan(paths: Iterable[Path | Found]) -> list[Job]:
    """Give every file a doc_id: its SHA-256 prefix, suffixed when two inputs share content.

    Page images of one decision ("scan-1.jpg", "scan-2.jpg" …, see ``page_runs``) become one
    job, so its metadata on page 1 and its table on page 2 are read as one document.
    """
    jobs = []
    used: dict[str, int] = {}
    items = [item if isinstance(item, Found) else Found(item) for item in paths]
    for run in page_runs(items):
        first = run[0]
        digest = "" if first.skip else _digest([found.path for found in run])
        base = digest[:16] if digest else hashlib.sha256(str(first.path).encode()).hexdigest()[:16]
        used[base] = used.get(base, 0) + 1
        doc_id = base if used[base] == 1 else f"{base}-{used[base]}"
        parts = tuple(found.path for found in run) if len(run) > 1 else ()
        jobs.append(Job(first.path, first.path.as_posix(), doc_id, digest, first.skip, parts))
    return jobs


_PAGE_NUMBER = re.compile(
    r"^(?P<stem>.*?)[\s_.-]*(?:p|page|trang|tr)?[\s_.-]*\(?(?P<page>\d{1,3})\)?$", re.IGNORECASE
)


def page_runs(items: list[Found]) -> list[list[Found]]:
    """Items in order, each run of page images of one decision joined: same folder, same name
    but for a page number counting up from 0 or 1 ("QĐ 512-1.jpg", "QĐ 512-2.jpg"), same kind."""
    runs: list[list[Found]] = []
    for item in items:
        key = _page_key(item)
        last = runs[-1] if runs else None
        if key and last and _page_key(last[-1]) == (key[0], key[1] - 1):
            last.append(item)
        else:
            runs.append([item])
    return [
        split for run in runs for split in ([run] if _starts_a_run(run[0]) else [[i] for i in run])
    ]


def _page_key(item: Found) -> tuple[tuple[Path, str, str], int] | None:
    """(folder, name without its page number, kind) and the page number of a page image."""
    suffix = item.path.suffix.lower()
    if item.skip or suffix not in IMAGE_SUFFIXES:
        return None
    found = _PAGE_NUMBER.match(item.path.stem)
    if not found or not found["stem"]:
        return None
    kind = ".jpg" if suffix == ".jpeg" else ".tif" if suffix == ".tiff" else suffix
    return (item.path.parent, found["stem"].lower(), kind), int(found["page"])


def _starts_a_run(item: Found) -> bool:
    key = _page_key(item)
    return key is not None and key[1] in (0, 1)


def _digest(paths: list[Path]) -> str:
    """The file's SHA-256; for the pages of one decision, that of their digests in order."""
    if len(paths) == 1:
        return _sha256(paths[0])
    digests = [_sha256(path) for path in paths]
    if not all(digests):
        return ""
    return hashlib.sha256("".join(digests).encode()).hexdigest()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return ""  # unreadable: process_document reports why
    return digest.hexdigest()

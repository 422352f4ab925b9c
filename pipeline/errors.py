"""Exit codes and the exception tree.

A *flag* is a finding about a published table (data, written to flags.csv). An *exception* means
we could not read something. One handler in cli.py maps exceptions to exit codes.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    ok = 0  # every document read (flags may exist)
    flags_found = 1  # `decisions check`: at least one error-level flag
    usage = 2  # bad options or missing input path
    some_failed = 3  # some documents could not be read; the rest were written
    missing_dependency = 4  # tesseract or its Vietnamese data, or LibreOffice, absent
    output_error = 5  # cannot write --out
    internal = 70  # a bug: run with -v for the traceback
    interrupted = 130  # Ctrl-C; nothing half-written left behind


class DecisionsError(Exception):
    """Base of every error this package raises on purpose."""

    exit_code = ExitCode.internal


class DocumentError(DecisionsError):
    """One document could not be read; the batch goes on without it."""

    exit_code = ExitCode.some_failed


class UnsupportedFormat(DocumentError):
    """Not a format we read (by content, not by extension)."""


class CorruptFile(DocumentError):
    """The file is damaged or not what its content claims to be."""


class EncryptedFile(DocumentError):
    """A password-protected PDF or DOCX."""


class OcrError(DocumentError):
    """Tesseract crashed or timed out on a page."""


class ConversionError(DocumentError):
    """LibreOffice could not convert a .doc, .odt, .rtf or spreadsheet, or not in time."""


class DocumentTooLarge(DocumentError):
    """Over the page or size limit in the settings."""


class MissingDependencyError(DecisionsError):
    """An external program (tesseract, its `vie` data, LibreOffice) is not installed."""

    exit_code = ExitCode.missing_dependency


class OutputError(DecisionsError):
    """The output folder cannot be written."""

    exit_code = ExitCode.output_error

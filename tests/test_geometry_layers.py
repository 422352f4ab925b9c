"""The page geometry sits below both readers: neither it nor the OCR imports the ingest."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PIPELINE = Path(__file__).parent.parent / "pipeline"


def imported_modules(package: str) -> dict[str, set[str]]:
    """Each module of a package → the pipeline modules it imports."""
    found = {}
    for path in sorted((PIPELINE / package).rglob("*.py")):
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
            elif isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
        found[path.name] = {name for name in names if name.startswith("pipeline.")}
    return found


@pytest.mark.parametrize(
    ("package", "below"),
    [
        ("geometry", ("pipeline.ingest", "pipeline.ocr")),
        ("ocr", ("pipeline.ingest",)),
    ],
)
def test_lower_layer_does_not_import_upper(package: str, below: tuple[str, ...]) -> None:
    offenders = {
        module: sorted(name for name in names if name.startswith(below))
        for module, names in imported_modules(package).items()
    }
    assert {module: names for module, names in offenders.items() if names} == {}


def test_every_combining_mark_is_one_fold_marks_looks_for() -> None:
    import sys
    import unicodedata

    from pipeline.geometry.shapes import MAY_FOLD

    missed = [
        hex(code)
        for code in range(sys.maxunicode + 1)
        if not 0xD800 <= code <= 0xDFFF
        and unicodedata.combining(chr(code))
        and not MAY_FOLD.match(chr(code))
    ]
    assert missed == []

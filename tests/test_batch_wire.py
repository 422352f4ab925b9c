"""What a worker sends the parent (pipeline/batch/wire.py): the same results, pickled faster.

Real documents: a text decision and a text-layer PDF read by every stage; their results must
come back equal, field by field, and through a real worker pipe as from the reading itself.
"""

from __future__ import annotations

import multiprocessing
import pickle
from pathlib import Path

from conftest import ROOT, SEEDS, extract_one

from pipeline.batch.wire import dumps
from pipeline.models import DocumentResult, Provenance

DOCUMENTS = [SEEDS[0], ROOT / "samples/generated/quangninh_2022_dti.pdf"]


def test_results_come_back_equal() -> None:
    for path in DOCUMENTS:
        result = extract_one(path)
        assert result.status == "ok" and result.tables, path
        loaded = pickle.loads(dumps((7, result, None)))
        assert loaded == (7, result, None)
        assert loaded[1].tables[0].entries == result.tables[0].entries  # deep, not just the id
        assert repr(loaded[1]) == repr(result)


def test_every_field_in_its_place() -> None:
    """A reducer that put the field values in another order would swap page and line."""
    at = Provenance("a.pdf", 3, (1.0, 2.0, 3.0, 4.0), 17, "ocr", 91.5, ("8", "9"))
    assert pickle.loads(dumps(at)) == at
    assert pickle.loads(dumps(at)).line == 17


def _send(conn: multiprocessing.connection.Connection, path: Path) -> None:
    conn.send_bytes(dumps(extract_one(path)))


def test_through_a_worker_pipe() -> None:
    """The parent reads the worker's bytes with a plain ``recv()``."""
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe()
    process = context.Process(target=_send, args=(child, DOCUMENTS[0]))
    process.start()
    received = parent.recv()
    process.join()
    assert isinstance(received, DocumentResult)
    assert received == extract_one(DOCUMENTS[0])

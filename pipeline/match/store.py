"""National blocks kept on disk: built by one process, read by every worker and run after it.

A table whose province is unknown is matched against every commune (or provincial agency) of the
country: a block of 10,000 choices that takes a third of a second to key and index. Each worker
of a batch (and each run) would build it again, the largest share of the work a second worker
repeats (README "Issue 18"). The first process that builds one writes it here in a compact
form (the registry names by position, the keys as strings, the arrays as bytes); the others
read it back in a few tens of milliseconds.

A file's name is a digest of everything the block is derived from: the registry's fingerprint
(the bytes of its shipped tables, overlay and alias file), the block's levels, year and
districts, the matcher's code (``keys``, ``blocks``, ``rank`` and this module) and Python's
version (its Unicode tables fold the names), so a changed input is never read from an old file.
A file that does not read back whole is ignored and written again; a folder that cannot be
written leaves the block built in memory, as before. Files are written to a temporary name and
renamed, so two workers writing the same block at once leave one good file.

Folder: ``$DECISIONS_CACHE_DIR``, else ``$XDG_CACHE_HOME/decision-tables``, else
``~/.cache/decision-tables``; ``DECISIONS_CACHE_DIR=`` (empty) turns the store off.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Hashable
from dataclasses import fields
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.frozen import maker
from pipeline.match.blocks import Block, Choice
from pipeline.match.keys import Key
from pipeline.match.rank import Layout
from pipeline.registry import Name, Registry

FORMAT = 2  # bump when the file's layout changes
# A national block read back is 18,000 names, keys and choices, built in each worker that meets
# one: made without their ``__init__`` (``pipeline.frozen``), decoding takes ~0.6 the time.
_NAME, _KEY, _CHOICE = maker(Name), maker(Key), maker(Choice)
CODE = ("keys.py", "blocks.py", "rank.py", "store.py")  # the matcher's code a block depends on


def kept_block(registry: Registry, key: Hashable, build: Callable[[], Block]) -> Block:
    """The block ``build()`` gives, read from the store when a process already wrote it."""
    path = block_path(registry, key)
    if path is None:
        return build()
    block = read_block(path, registry)
    if block is None:
        block = build()
        write_block(path, block, registry)
    return block


def cache_folder() -> Path | None:
    """Where blocks are kept (None: the store is off)."""
    chosen = os.environ.get("DECISIONS_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "decision-tables"


def block_path(registry: Registry, key: Hashable) -> Path | None:
    """The file of one block of this registry, or None (no store, or a registry built by
    hand, whose content nothing fingerprints)."""
    folder = cache_folder()
    code = code_digest()
    if folder is None or not registry.fingerprint or code is None:
        return None
    digest = hashlib.sha256(repr((FORMAT, code, registry.fingerprint, key)).encode())
    return folder / f"block-{digest.hexdigest()[:32]}.marshal"


@cache
def code_digest() -> str | None:
    """A digest of the matcher's code and Python's version (None: the code is not readable)."""
    here = Path(__file__).parent
    digest = hashlib.sha256(sys.version.encode())
    try:
        for name in CODE:
            digest.update((here / name).read_bytes())
    except OSError:
        return None
    return digest.hexdigest()


def encode(block: Block, registry: Registry) -> bytes:
    """A block as marshal bytes, each name with its fields (reading it back builds none of
    the registry's deferred levels)."""
    choices = block.choices
    arrays = {item.name: _array_parts(getattr(block.layout, item.name)) for item in fields(Layout)}
    return marshal.dumps(
        {
            "names": [_fields(choice.name) for choice in choices],
            "types": [choice.key.type for choice in choices],
            "cores": list(block.cores),
            "lights": [choice.key.light for choice in choices],
            "accented": [choice.accented for choice in choices],
            "in_period": [choice.in_period for choice in choices],
            "ordered": block.ordered,
            "by_core": block.by_core,
            "by_light": block.by_light,
            "rejected": block.rejected,
            "plain": block.plain,
            "unordered": block.unordered,
            "layout": arrays,
        }
    )


def decode(data: bytes, registry: Registry) -> Block:
    """``encode``'s block again (ValueError, KeyError, TypeError or IndexError when it is not
    one)."""
    stored: dict[str, Any] = marshal.loads(data)  # noqa: S302 - our own file, digest-named
    columns = zip(
        _names(stored["names"]),
        stored["types"],
        stored["cores"],
        stored["lights"],
        stored["accented"],
        stored["in_period"],
        strict=True,
    )
    choices = tuple(
        _CHOICE(name, _KEY(kind, core, light), accented, in_period)
        for name, kind, core, light, accented, in_period in columns
    )
    layout = Layout(**{name: _array(parts) for name, parts in stored["layout"].items()})
    return Block(
        choices=choices,
        cores=tuple(stored["cores"]),
        ordered=tuple(stored["ordered"]),
        layout=layout,
        by_core=stored["by_core"],
        by_light=stored["by_light"],
        rejected=frozenset(stored["rejected"]),
        plain=stored["plain"],
        unordered=stored["unordered"],
    )


NameFields = tuple[str, str, str, int, int]  # a Name, its dates as ordinals (0: none)


def _fields(name: Name) -> NameFields:
    start, end = name.valid_from, name.valid_to
    return (
        name.unit_id,
        name.text,
        name.kind,
        start.toordinal() if start else 0,
        (end.toordinal() if end else 0),
    )


def _names(stored: list[NameFields]) -> list[Name]:
    """``_fields``' names again: equal to the registry's, so a national block needs none of
    its levels built (``pipeline.registry.lazy``)."""
    days: dict[int, date | None] = {0: None}
    found = []
    for unit_id, text, kind, start, end in stored:
        if start not in days:
            days[start] = date.fromordinal(start)
        if end not in days:
            days[end] = date.fromordinal(end)
        found.append(_NAME(unit_id, text, kind, days[start], days[end]))
    return found


def read_block(path: Path, registry: Registry) -> Block | None:
    """The block kept in ``path``, or None when there is none or it does not read back."""
    try:
        return decode(path.read_bytes(), registry)
    except (OSError, EOFError, ValueError, KeyError, TypeError, IndexError):
        return None


def write_block(path: Path, block: Block, registry: Registry) -> None:
    """Keep ``block`` in ``path`` (whole or not at all; a folder that cannot be written is
    left alone: the block is only not kept)."""
    data = encode(block, registry)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=".block-")
        temporary = Path(name)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            temporary.replace(path)
        finally:
            temporary.unlink(missing_ok=True)


def _array_parts(array: np.ndarray) -> tuple[str, tuple[int, ...], bytes]:
    return array.dtype.str, array.shape, array.tobytes()


def _array(parts: tuple[str, tuple[int, ...], bytes]) -> np.ndarray:
    dtype, shape, data = parts
    return np.frombuffer(data, dtype=np.dtype(dtype)).reshape(shape).copy()

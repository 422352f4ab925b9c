"""What a worker sends the parent, pickled in half the time of the default.

The models are frozen, slotted dataclasses; pickle stores each through the dataclass
``__getstate__``/``__setstate__`` pair, which looks up the class's fields again for every object
(a text decision's result holds some 300 of them). Reduced instead to the class and its field
values, an object is rebuilt by its constructor: a result loads in 0.7 ms instead of 1.75 and
dumps in 0.8 instead of 1.7 (measured on a seed decision). The parent unpickles every result of
the batch, beside the workers on the same cores, so what it spends there is taken from them.
The parent reads these bytes with a plain ``Connection.recv()``: loading needs nothing special.
"""

from __future__ import annotations

import copyreg
import dataclasses
import io
import operator
import pickle
from collections.abc import Callable
from typing import Any

from pipeline import models

Reducer = Callable[[Any], tuple[type, tuple[Any, ...]]]


def _reducer(kind: type) -> Reducer:
    """The class and its field values, in the order its constructor takes them."""
    names = [field.name for field in dataclasses.fields(kind)]
    values = operator.attrgetter(*names)
    if len(names) == 1:
        return lambda item: (kind, (values(item),))
    return lambda item: (kind, values(item))


def _dispatch_table() -> dict[type, Any]:
    """Reducers for every model dataclass whose fields its constructor all takes."""
    table: dict[type, Any] = dict(copyreg.dispatch_table)
    for kind in vars(models).values():
        if (
            isinstance(kind, type)
            and dataclasses.is_dataclass(kind)
            and all(field.init for field in dataclasses.fields(kind))
        ):
            table[kind] = _reducer(kind)
    return table


_DISPATCH = _dispatch_table()  # built once at import, never changed


def dumps(message: Any) -> bytes:
    """``message`` pickled with the models reduced to their constructors."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _DISPATCH
    pickler.dump(message)
    return buffer.getvalue()

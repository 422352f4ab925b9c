"""DocumentResult ⇄ JSON, exactly: Decimals as their printed strings, dates ISO, tuples as lists.

The journal stores results as JSON rather than pickles, so a journal file is data that can be
read and never code that runs. Decoders are built once per type from the dataclasses' type
hints, so loading a thousand journalled documents stays fast.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from pipeline.models import DocumentResult

Decoder = Callable[[Any], Any]


_PLAIN = (str, int, float, bool, type(None))


def encode(value: Any) -> Any:
    """A JSON-able form of a dataclass tree."""
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, tuple | list):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return {key: encode(item) for key, item in value.items()}
    if isinstance(value, Decimal | date):
        return str(value)
    kind: Any = type(value)
    return {name: encode(getattr(value, name)) for name in _field_names(kind)}


@functools.cache
def _field_names(cls: Any) -> tuple[str, ...]:
    if not dataclasses.is_dataclass(cls):
        raise TypeError(f"cannot encode {cls.__name__} as JSON")
    return tuple(field.name for field in dataclasses.fields(cls))


def encode_json(result: DocumentResult) -> str:
    """``result`` as compact JSON text (what the journal stores)."""
    return json.dumps(encode(result), ensure_ascii=False, separators=(",", ":"))


def decode_result(data: Any) -> DocumentResult:
    """The DocumentResult that ``encode`` turned into ``data``."""
    result: DocumentResult = _decoder(DocumentResult)(data)
    return result


@functools.cache
def _decoder(hint: Any) -> Decoder:
    if dataclasses.is_dataclass(hint):
        return _dataclass_decoder(hint)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        (inner,) = (arg for arg in args if arg is not type(None))
        decode_inner = _decoder(inner)
        return lambda value: None if value is None else decode_inner(value)
    if origin is tuple:
        return _tuple_decoder(args)
    if origin is dict or hint in (str, int, float, bool, Any):
        return _same
    if hint is Decimal:
        return Decimal
    if hint is date:
        return date.fromisoformat
    raise TypeError(f"no JSON decoder for {hint!r}")


def _same(value: Any) -> Any:
    return value


def _tuple_decoder(args: tuple[Any, ...]) -> Decoder:
    if len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])
        return lambda value: tuple(item(v) for v in value)
    items = [_decoder(arg) for arg in args]
    return lambda value: tuple(d(v) for d, v in zip(items, value, strict=True))


def _dataclass_decoder(cls: Any) -> Decoder:
    hints = typing.get_type_hints(cls)
    fields = [(f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls)]

    def decode(value: dict[str, Any]) -> Any:
        return cls(**{name: field(value[name]) for name, field in fields if name in value})

    return decode

"""Fast positional constructors for frozen, slotted dataclasses built by the ten thousand.

A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__`` (the frozen
class's own ``__setattr__`` refuses): about 1.2 µs a ``Name`` of five fields. The registry's
names and units, and a national block read back from the block store (18,000 names, each with
its key and choice), are built that way in every worker that needs them: two workers build
them twice. ``maker(cls)`` returns a function that takes every field positionally and fills
the slots through their descriptors, at about 0.45 the cost; the object is the one ``cls(*args)``
makes (equal, hashed alike, the same type). Only for a class without ``__post_init__`` whose
fields are all slots set by ``__init__``: anything else is refused when the module using it is
imported, not at the first object.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, is_dataclass
from typing import Any, TypeVar

T = TypeVar("T")


def maker(cls: type[T]) -> Callable[..., T]:
    """``cls(*values)`` with every field given in order, without ``__init__`` (see the module)."""
    if not is_dataclass(cls) or not cls.__dataclass_params__.frozen:  # type: ignore[attr-defined]
        raise TypeError(f"{cls.__name__}: not a frozen dataclass")
    names = [field.name for field in fields(cls)]
    if hasattr(cls, "__post_init__") or not all(field.init for field in fields(cls)):
        raise TypeError(f"{cls.__name__}: __post_init__ or a field __init__ does not set")
    if tuple(getattr(cls, "__slots__", ())) != tuple(names):
        raise TypeError(f"{cls.__name__}: its fields are not exactly its slots")
    scope: dict[str, Any] = {"new": object.__new__, "cls": cls}
    scope |= {f"set_{i}": getattr(cls, name).__set__ for i, name in enumerate(names)}
    arguments = ", ".join(f"v{i}" for i in range(len(names)))
    body = "".join(f"    set_{i}(made, v{i})\n" for i in range(len(names)))
    source = f"def make({arguments}):\n    made = new(cls)\n{body}    return made\n"
    exec(source, scope)  # noqa: S102 - our own text, the field count only (as dataclasses does)
    make: Callable[..., T] = scope["make"]
    make.__qualname__ = make.__name__ = f"make_{cls.__name__}"
    return make

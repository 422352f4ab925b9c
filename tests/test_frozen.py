"""pipeline.frozen.maker: the object its constructor makes is the one the dataclass makes."""

from __future__ import annotations

import pickle
from dataclasses import FrozenInstanceError, dataclass, fields
from datetime import date

import pytest

from pipeline.frozen import maker
from pipeline.match.blocks import Choice
from pipeline.match.keys import Key
from pipeline.registry.models import Name, Unit


def test_made_objects_equal_the_dataclass_ones() -> None:
    name = ("p01.so-noi-vu", "Sở Nội vụ", "official", date(2020, 1, 1), None)
    key = (None, "noi vu", "so noi vu")
    unit = ("p01", "province", "Hà Nội", None, "01", None, date(2025, 6, 30), ("p02",), None)
    for cls, values in ((Name, name), (Key, key), (Unit, unit)):
        made, built = maker(cls)(*values), cls(*values)
        assert type(made) is cls
        assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
        assert pickle.loads(pickle.dumps(made)) == built
        assert [getattr(made, f.name) for f in fields(cls)] == list(values)
    choice = maker(Choice)(Name(*name), Key(*key), "Nội vụ", True)
    assert choice == Choice(Name(*name), Key(*key), "Nội vụ", True)


def test_made_objects_stay_frozen() -> None:
    made = maker(Name)("p01", "Hà Nội", "official", None, None)
    with pytest.raises(FrozenInstanceError):
        made.text = "Hà Tây"  # type: ignore[misc]


def test_refuses_what_init_would_check_or_miss() -> None:
    @dataclass(frozen=True, slots=True)
    class Checked:
        value: int

        def __post_init__(self) -> None:
            if self.value < 0:
                raise ValueError(self.value)

    @dataclass(slots=True)
    class Mutable:
        value: int

    @dataclass(frozen=True)
    class NoSlots:
        value: int

    for cls in (Checked, Mutable, NoSlots):
        with pytest.raises(TypeError):
            maker(cls)

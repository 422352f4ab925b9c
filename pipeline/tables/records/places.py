"""Places printed with no space before the name ("24The University of Tokyo") or with a mark
after them ("10ex" ex aequo, "1st"), as the first word of a line of a table that lost its
cells."""

from __future__ import annotations

import re

from pipeline.models import Line

# a whole number with one to three small letters after it, opening its line: a place as
# printed with its mark ("10ex" ex aequo, "1st", "3e"); elsewhere in a line it stays a word
_SUFFIXED = re.compile(r"^(\d{1,4})[a-z]{1,3}$")
_GLUED_COUNT = re.compile(r"^(\d{1,4})([^\W\d_]\S*)$")


def place_opening(word: str, glued: str | None) -> list[tuple[str, bool]]:
    """A line's first word as a place and what follows it, each with whether it is a value:
    "24The" (``glued``: "24", the run prints its places so) → 24, "The"; "10ex", "3rd" (a
    place with its mark) → 10, 3; else []."""
    if glued is not None:
        return [(glued, True), (word[len(glued) :], False)]
    suffixed = _SUFFIXED.match(word)
    return [(suffixed.group(1), True)] if suffixed else []


def glued_counts(lines: list[Line]) -> dict[int, str]:
    """Lines opening with a whole number run into a capitalised word ("1Harvard University",
    "24The University of Tokyo"): the number of a list or a ranking printed with no space
    before the name, when three or more lines of the run do so and their numbers go as a count
    or a competition ranking does (each the one before it, a tie, or its place: 1, 2, 3, 3, 5).
    Line positions → the number. "3D", "4Kids" on one line stay words."""
    found: dict[int, str] = {}
    for position, line in enumerate(lines):
        words = line.text.split()
        opening = _GLUED_COUNT.match(words[0]) if words else None
        if opening and opening.group(2)[0].isupper() and opening.group(2)[1:2].islower():
            found[position] = opening.group(1)
    numbers = [int(number) for number in found.values()]
    if len(numbers) < 3 or len(set(numbers)) * 2 < len(numbers):
        return {}
    # a count or a competition ranking: each number the one before (a tie) or its place
    places = range(numbers[0] + 1, numbers[0] + len(numbers))
    steps = zip(numbers[1:], numbers[:-1], places, strict=True)
    return found if all(n in (before, place) for n, before, place in steps) else {}

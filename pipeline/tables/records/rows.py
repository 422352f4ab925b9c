"""Records as rows of cells: the shape a run of records has, where it lies among the groups,
and each record cut into the values before its name, the name, and the values after it."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.tables.records.split import leads_on
from pipeline.tables.records.tokens import Group, Token, is_name


@dataclass(frozen=True, slots=True)
class Shape:
    """Records of ``before`` values, a name, then ``width - before`` values."""

    width: int
    before: int


@dataclass(frozen=True, slots=True)
class Stretch:
    """A run of groups read as one table: header words, then records."""

    start: int  # index of the first name group
    end: int  # index after the last group used
    shape: Shape
    fit: float = 0.0  # how well the split holds together, per record
    doubt: str | None = None  # the names and figures pair two ways the numbers cannot tell


def rows_of(groups: list[Group], stretch: Stretch) -> list[list[Token | None]]:
    """Each record as ``width + 1`` cells: values before, the name, values after."""
    width, before = stretch.shape.width, stretch.shape.before
    after = width - before
    rows: list[list[Token | None]] = []
    carried: list[Token] = []
    head = groups[stretch.start - 1] if stretch.start > 0 else None
    if before and head is not None and head.value:
        carried = list(head.tokens[-before:])
    for at in range(stretch.start, stretch.end, 2):
        follows = at + 1 < stretch.end and groups[at + 1].value
        values = list(groups[at + 1].tokens) if follows else []
        last = at + 2 >= stretch.end
        if len(values) == width and not last:
            mine, carried_next = values[:after], values[after:]
        elif last:  # values beyond its own belong to the text after the table
            mine, carried_next = (values[:after] if before else values), []
        elif before and len(values) == before and (not carried or leads_on(carried, values)):
            mine, carried_next = [], values  # printed without values
        else:
            mine, carried_next = values, []
        name = _name_token(groups, at, trim=at == stretch.start)
        if mine and mine[0].line == groups[at].tokens[-1].line:
            name = _separator_dropped(name)  # "Sweden, 63.65", "Iceland - 1.124"
        rows.append([*_padded(carried, before), name, *_padded(mine, after)])
        carried = carried_next
    return rows


def _name_token(groups: list[Group], at: int, trim: bool) -> Token:
    """The name as one token; the first record's name without lines above those a name
    usually takes (header words run into it when no number parts them)."""
    tokens = groups[at].tokens
    if trim:
        spans = sorted(_lines(groups[k]) for k in range(at + 2, min(at + 12, len(groups)), 2))
        usual = spans[len(spans) // 2] if spans else 1
        last = tokens[-1].line
        tokens = tuple(t for t in tokens if t.line > last - usual) or tokens
    return Token(" ".join(t.text for t in tokens), False, tokens[0].line, tokens[0].starts_line)


def _separator_dropped(name: Token) -> Token:
    """The name without the comma or the lone dash that parts it from its figures on their
    line: a mark closing a name is no part of it."""
    text = name.text
    if text.endswith(","):
        text = text[:-1]
    elif text.rsplit(" ", 1)[-1] in ("-", "–", "—") and " " in text:
        text = text.rsplit(" ", 1)[0]
    return Token(text, False, name.line, name.starts_line) if text != name.text else name


def _lines(group: Group) -> int:
    return group.tokens[-1].line - group.tokens[0].line + 1


def _padded(tokens: list[Token], width: int) -> list[Token | None]:
    return [*tokens, *([None] * (width - len(tokens)))][:width]


def lines_spanned(groups: list[Group], start: int, end: int) -> int:
    """How many lines the groups from ``start`` to ``end`` take."""
    return groups[end - 1].tokens[-1].line - groups[start].tokens[0].line + 1


def size_at(groups: list[Group], at: int) -> int:
    """How many values follow the name at ``at``."""
    return len(groups[at + 1].tokens) if at + 1 < len(groups) and groups[at + 1].value else 0


def is_name_at(groups: list[Group], at: int) -> bool:
    """Whether a unit's name stands at ``at``."""
    return at < len(groups) and is_name(groups[at])

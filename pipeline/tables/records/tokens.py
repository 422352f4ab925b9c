"""The words of text whose table lost its cells, as tokens and runs: names and values.

A value is a number as printed ("85,40", "(0,9291)" → "0,9291", "1." → "1"), a blank mark, or a
band phrase; numbers glued together ("60.4566.47") are split, a rank and its score in one cell
("01(0,727)") are two values, rules and bullets ("|", "•") are dropped, and a dash between two
words of one line stays part of a name. ``records`` finds tables in the runs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from pipeline import vocabulary as vocab
from pipeline.models import Line
from pipeline.parse import is_year, parse_number
from pipeline.tables.header.columns import RANK_SCORE
from pipeline.tables.records.name_codes import codes_in_names, is_code
from pipeline.tables.records.places import glued_counts, place_opening
from pipeline.tables.records.words import (
    BLANKS,
    bracketed_formats,
    number_then_words,
    scores_run_in,
    spaced_decimals,
    unglued,
    value_text,
    word_then_number,
)

MAX_NAME_WORDS = 16  # a unit's name; a longer run of words is prose
_OPERATORS = frozenset({"+", "=", *vocab.TIMES})  # a formula, not a table


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    value: bool  # a number, a blank mark or a band phrase: a cell of the score columns
    line: int  # position of its line in the run
    starts_line: bool
    bracketed: bool = False  # printed in parentheses: "(8,37)", a label's maximum or a score
    after_gap: int = 0  # blank lines before the line it opens (text with line numbers)


@dataclass(frozen=True, slots=True)
class Group:
    """A run of word tokens (a name, a heading, a header) or of value tokens."""

    tokens: tuple[Token, ...]
    value: bool

    @property
    def text(self) -> str:
        return " ".join(token.text for token in self.tokens)


def tokens_of(lines: list[Line]) -> list[Token]:
    """The run's words as tokens; a line starts at its first token kept (not at a rule "|")."""
    found: list[Token] = []
    cut_at = len(lines) - 1 if _unclosed_last(lines) else None
    bulleted = _bulleted(lines)
    run_in = glued_counts(lines)
    formats = bracketed_formats([line.text for line in lines])
    run_in_scores = scores_run_in([line.text for line in lines])
    for position, line in enumerate(lines):
        words = spaced_decimals(line.text.split()[position in bulleted :], formats)
        words = _uncut(words, position == cut_at)
        mark = len(found)
        if not words and not line.cells:  # an empty cell on its own line (ingest keeps it)
            found.append(Token("", True, position, True))
            continue
        asides = _asides(words)  # words in parentheses: "(number one in 2021)"
        for k, word in enumerate(words):
            if word.isalpha() or k in asides:  # most words: a value only as a blank mark
                found.append(Token(word, word in BLANKS, position, False))
                continue
            pieces = _pieces(word, position, run_in.get(position) if k == 0 else None, k)
            scored = word_then_number(word) if position in run_in_scores else None
            if scored and k == len(words) - 1:  # "Shimla60.90": the name's word, its score
                pieces = [
                    Token(scored[0], False, position, False),
                    Token(scored[1], True, position, False),
                ]
            if pieces:
                found.extend(pieces)
                continue
            text = value_text(word)
            last = position == len(lines) - 1 and k == len(words) - 1
            glued = unglued(word, cut=last) if text is None else []  # a value is not glued
            if glued:  # "60.4566.4761.12": scores printed with no space between them
                found.extend(Token(piece, True, position, False) for _, piece in glued)
                continue
            if text is None and not any(ch.isalnum() for ch in word) and word not in _OPERATORS:
                continue  # "|", "•": rules and bullets, not cells
            bracketed = word.startswith("(") and word.endswith(")")
            found.append(Token(text or word, text is not None, position, False, bracketed))
        if len(found) > mark:
            gap = _after_gap(lines, position)
            found[mark] = replace(found[mark], starts_line=True, after_gap=gap)
    return codes_in_names(found)


def _pieces(word: str, position: int, glued: str | None, k: int) -> list[Token]:
    """A word that prints two cells: "01(0,727)" a rank and its score, a line's first word
    a place run into a name or with its mark ("24The", "10ex"), "0.809Flag" a cell's figure
    run into the next cell's words; else []."""
    joined = RANK_SCORE.match(word)
    if joined:
        return [Token(joined.group(i), True, position, False) for i in (1, 2)]
    opening = place_opening(word, glued) if k == 0 else []
    if opening:
        return [Token(text, value, position, False) for text, value in opening]
    parts = number_then_words(word)
    if parts:
        return [Token(parts[0], True, position, False), Token(parts[1], False, position, False)]
    return []


def _asides(words: list[str]) -> set[int]:
    """The places of words in parentheses that a word opens and another closes ("(number",
    "one", "in", "2021)"): said in passing, a figure among them (a year, a count) no cell of
    the row. A figure or a maximum in parentheses ("(3)", "(100)") closes on itself and stays
    a value."""
    found: set[int] = set()
    opened: int | None = None
    for k, word in enumerate(words):
        if opened is None and word.startswith("(") and not word.endswith(")"):
            opened = k if any(ch.isalpha() for ch in word) else None
        if opened is not None:
            found.add(k)
            opened = None if word.endswith(")") else opened
    return found


def _after_gap(lines: list[Line], position: int) -> int:
    """How many blank lines stand between the line and the one before it in the source."""
    here = lines[position].at.line
    above = lines[position - 1].at.line if position else None
    return max(0, here - above - 1) if here is not None and above is not None else 0


def _bulleted(lines: list[Line]) -> set[int]:
    """Lines whose leading "-" is a list bullet, not a blank cell: three or more lines in a
    row each opening with "- " (a paste's list view puts one before every line)."""
    opens = [line.text.startswith("- ") for line in lines]
    found: set[int] = set()
    start = 0
    for end in range(len(opens) + 1):
        if end == len(opens) or not opens[end]:
            if end - start >= 3:
                found.update(range(start, end))
            start = end + 1
    return found


def _uncut(words: list[str], cut: bool) -> list[str]:
    """A line's words, less a last figure the text ends inside ("| 7.82 | 19 | 7")."""
    return words[:-1] if cut and words and value_text(words[-1]) is not None else words


def _unclosed_last(lines: list[Line]) -> bool:
    """Whether the run's last line, the only one not closed by a rule, ends inside its last
    cell: rows that each end with "|" (three or more) above a last line that does not."""
    texts = [line.text.rstrip() for line in lines if line.text.strip()]
    if len(texts) < 4 or not lines[-1].text.strip() or lines[-1].text.rstrip().endswith("|"):
        return False
    return all(text.endswith("|") for text in texts[-4:-1])


def _dashes_in_names(tokens: list[Token]) -> list[Token]:
    """A dash between two words of one line joins them ("Sở Lao động - Thương binh"): it is
    not a blank cell."""
    out = list(tokens)
    for k in range(1, len(out) - 1):
        before, dash, after = out[k - 1], out[k], out[k + 1]
        inside = before.line == dash.line == after.line and not after.starts_line
        if dash.value and dash.text in BLANKS and inside and not before.value and not after.value:
            out[k] = Token(dash.text, False, dash.line, dash.starts_line)
    return out


def groups_of(tokens: list[Token]) -> list[Group]:
    """Runs of words and of values; a run of words naming a band is a value (its band)."""
    runs: list[list[Token]] = []  # each group's tokens, grown in place (all words or values)
    for token in _dashes_in_names(tokens):
        if token.value and runs and not runs[-1][0].value:
            runs[-1:] = _name_on_its_line(runs[-1], token)
        if runs and runs[-1][0].value == token.value and not _trailing(runs[-1], token):
            runs[-1].append(token)
        else:
            runs.append([token])
    groups = [Group(tuple(run), run[0].value) for run in runs]
    parts = [part for group in groups for part in _band_before_name(_as_band(group))]
    return _bands_after_names(parts)


def blank_lines_part(tokens: list[Token]) -> bool:
    """Whether blank lines part blocks of the text: most lines follow none (where every cell
    is set apart by one, a blank line tells nothing)."""
    openings = [token.after_gap > 0 for token in tokens if token.starts_line]
    return 2 * sum(openings) < len(openings)


def _bands_after_names(groups: list[Group]) -> list[Group]:
    """A band ending a name right before the values ("UBND quận Ngô Quyền Xuất sắc 01 94,39",
    a table run together with the band between name and rank): the band a value of its own.
    So is the band ending a name that ends its line with words or nothing after it (a last
    row cut after its band) when other records print that band as a value."""

    def before_values(at: int) -> bool:
        return at + 1 < len(groups) and groups[at + 1].value

    ending = [g for at, g in enumerate(groups) if before_values(at) and _band_ends(g)]
    # one name ending in band words ("08 Xã Trung Bình" among names alone) is a name
    out = _bands_split(groups, before_values) if len(ending) >= 2 else groups
    bands = {t.text for g in out if g.value for t in g.tokens if vocab.band_of(t.text)}
    if not bands:
        return out
    return _bands_split(out, lambda at: _ends_text_line(out, at), bands)


def _band_ends(group: Group) -> bool:
    return not group.value and bool(vocab.band_at_end([t.text for t in group.tokens]))


def _bands_split(
    groups: list[Group], where: Callable[[int], bool], bands: set[str] | None = None
) -> list[Group]:
    """The groups with the band ending each name at a place ``where`` allows (one of ``bands``,
    when given) apart, as a value of its own."""
    out: list[Group] = []
    for at, group in enumerate(groups):
        size = vocab.band_at_end([t.text for t in group.tokens]) if where(at) else 0
        tail = group.tokens[-size:] if size else ()
        if bands is not None and " ".join(t.text for t in tail) not in bands:
            size = 0
        if group.value or len(group.tokens) < 3 or not size:
            out.append(group)
            continue
        band = Token(" ".join(token.text for token in tail), True, tail[0].line, False)
        out += [Group(group.tokens[:-size], False), Group((band,), True)]
    return out


def _ends_text_line(groups: list[Group], at: int) -> bool:
    """Whether the group at ``at`` ends its line with no value group after it."""
    following = groups[at + 1] if at + 1 < len(groups) else None
    return following is None or (not following.value and following.tokens[0].starts_line)


def _name_on_its_line(words: list[Token], value: Token) -> list[list[Token]]:
    """Words over several lines before a number on the last of them: the words of that line
    (a row's name) apart from the lines above (a header, a caption)."""
    own = [t for t in words if t.line == value.line]
    if not own or len(own) == len(words) or not own[0].starts_line:
        return [words]
    return [words[: len(words) - len(own)], own]


def _trailing(words: list[Token], token: Token) -> bool:
    """Words that end a line after numbers (a band, a note) and the name on the next line are
    two cells, not one name."""
    return not token.value and token.starts_line and not words[0].starts_line


def _band_before_name(group: Group) -> list[Group]:
    """A band ending one record run into the next name ("Xuất sắc Huyện Càng Long", a table
    run together on one line): the band a value of its own, then the name."""
    if group.value or len(group.tokens) < 2:
        return [group]
    for size in (2, 1):
        head, rest = group.tokens[:size], group.tokens[size:]
        band = " ".join(token.text for token in head)
        if rest and rest[0].text[:1].isupper() and vocab.band_of(band) == band.capitalize():
            first = head[0]
            return [Group((Token(band, True, first.line, first.starts_line),), True),
                    Group(rest, False)]  # fmt: skip
    return [group]


def _as_band(group: Group) -> Group:
    if group.value or len(group.tokens) > 5 or vocab.band_of(group.text) is None:
        return group
    return Group(
        (Token(group.text, True, group.tokens[0].line, group.tokens[0].starts_line),), True
    )


def merged(groups: list[Group]) -> list[Group]:
    """Value groups next to each other (a band between numbers) as one."""
    merged: list[Group] = []
    for group in groups:
        if merged and merged[-1].value and group.value:
            merged[-1] = Group(merged[-1].tokens + group.tokens, True)
        else:
            merged.append(group)
    return merged


def is_name(group: Group) -> bool:
    """A unit's name: a few words, starting with a capital ("Sở Y tế", "Quảng Ninh")."""
    tokens = group.tokens  # its first and last token's text open and end ``group.text``
    if group.value or not 0 < len(tokens) <= MAX_NAME_WORDS or not tokens[0].text[:1].isupper():
        return False
    if any(token.text in _OPERATORS for token in tokens):
        return False  # "0,15 × Hạ tầng + …": the terms of a stated formula
    if tokens[-1].text.endswith(":"):
        return False  # "Kết quả cụ thể như sau:": words that announce the table
    last = tokens[-1].line
    last_line = " ".join([t.text for t in tokens if t.line == last and not is_code(t)])
    letters = sum(map(str.isalpha, last_line))
    short = letters == 2 and last_line.rstrip(",").isalpha() and last_line.isupper()  # "US", "UK"
    return (letters >= 3 or short) and 2 * letters >= len(last_line.replace(" ", ""))


def name_key(text: str) -> str:
    """A unit name as two printings of it compare: its words, case aside (marks kept)."""
    return " ".join(text.split()).casefold()


def wraps_joined(groups: list[Group]) -> list[Group]:
    """A name wrapped over two lines between records ("Sở Tài nguyên và" / "Môi trường 80,02")
    as one name: the lower line goes on the upper when it starts in lower case, or with a word
    that opens no other name of the run while the upper line's first word does. A line whose
    first word opens other names ("Tỉnh Bến Tre" under "Tỉnh Trà Vinh") is a unit of its own,
    the one above it printed without values; so is a line not followed by as many values as
    the records have ("Điều 2. …" after the last one), or, after a name run on after values on
    its line, as many as those. A blank line ends a name where blank lines part blocks; where
    one sets every cell apart, a wider gap does (two blank lines before the next caption)."""
    openers = Counter(g.tokens[0].text.casefold() for g in groups if is_name(g))
    tokens = [token for group in groups for token in group.tokens]
    apart = blank_lines_part(tokens)
    gaps = Counter(token.after_gap for token in tokens if token.starts_line)
    usual_gap = gaps.most_common(1)[0][0] if gaps else 0
    sizes = Counter(len(g.tokens) for g in groups if g.value)
    usual = sizes.most_common(1)[0][0] if sizes else 0
    out: list[Group] = []
    for at, group in enumerate(groups):
        upper = out[-1] if out else None
        follows = at + 1 < len(groups) and groups[at + 1].value
        between = len(out) >= 2 and out[-2].value
        if between and follows:  # a caption's year above is no record's values
            between = not _years_where_none(out[-2], groups[at + 1])
        filled = follows and len(groups[at + 1].tokens) == usual  # the record's values after it
        filled = filled and not _sentence_goes_on(groups, at + 1)
        if filled and upper is not None and not upper.tokens[0].starts_line:
            # a name run on after the values of the record before it: the next line's values
            # complete it only as many as those ("… 48.19 Bộ Giao thông vận tải" / "Bảng
            # xếp hạng năm 2022": a cut last row, then a caption's year)
            filled = len(out[-2].tokens) == len(groups[at + 1].tokens)
            filled = filled and not _years_where_none(groups[at + 1], out[-2])
        gap = group.tokens[0].after_gap  # a blank line ends the name above
        parted = bool(gap) and (apart or gap > usual_gap > 0)
        if upper is None or not between or not filled or parted:
            out.append(group)
            continue
        if not _wrap_of(upper, group, openers):
            out.append(group)
            continue
        out[-1] = Group(upper.tokens + group.tokens, False)
    return out


def _years_where_none(values: Group, before: Group) -> bool:
    """Whether ``values`` are years only where the record before prints none ("… 9 UBND
    huyện Mù Căng Chải" / "Kết quả năm 2022"): the next caption's year, not the record's."""

    def years(group: Group) -> bool:
        numbers = [parse_number(token.text) for token in group.tokens]
        return all(n is not None and is_year(n) for n in numbers)

    return years(values) and not any(years(Group((t,), True)) for t in before.tokens)


def _sentence_goes_on(groups: list[Group], values: int) -> bool:
    """Whether the line goes on past the values at ``values``, with words after them on the
    line those values are on: "Điều" / "2. Quyết định này …" after the last record is a
    sentence, not the rest of a name and its values (a record's line ends after them; a
    band after them leaves no wrap to join, being no value group)."""
    after = values + 1
    if after >= len(groups) or groups[after].tokens[0].starts_line:
        return False
    return not any(token.starts_line for token in groups[values].tokens)


def _wrap_of(upper: Group, lower: Group, openers: Counter[str]) -> bool:
    if lower.value or not (is_name(upper) and lower.tokens[0].starts_line):
        return False
    if not is_name(Group(upper.tokens + lower.tokens, False)):
        return False  # no name is that long: prose after the table
    first = lower.tokens[0].text
    if first[:1].islower():
        return True
    if not is_name(lower):
        return False
    return openers[first.casefold()] <= 1 and openers[upper.tokens[0].text.casefold()] > 1

"""Words run into a unit's name on the record's line, taken apart: a group heading ("I Khối
sở, ban, ngành Sở Khoa học …") and a header run together with the first name ("… Xếp hạng
(điểm) Cà Mau 1 …")."""

from __future__ import annotations

import re

from pipeline import vocabulary as vocab
from pipeline.tables.records.tokens import Group, Token, is_name

_GROUP_MARK = re.compile(r"(?:[IVX]{1,4}|[A-H])\.?")  # "II", "B.": a group heading's mark


def headings_apart(groups: list[Group]) -> list[Group]:
    """A group heading on the line above a name, no number between them ("II Khối huyện, thị
    xã, thành phố" / "Huyện Buôn Đôn"): the heading is taken apart from the name it would
    otherwise open, so the group ends a table and captions the next."""
    out: list[Group] = []
    for group in groups:
        first = group.tokens[0].line
        head = tuple(t for t in group.tokens if t.line == first)
        rest = group.tokens[len(head) :]
        caption = " ".join(t.text for t in head)
        if not group.value and rest and vocab.is_section_caption(caption):
            out += [Group(head, False), Group(rest, False)]
        elif not group.value and not rest:
            out += _run_in_heading(group)
        else:
            out.append(group)
    return out


def _run_in_heading(group: Group) -> list[Group]:
    """A table run together on its line: "… I Khối sở, ban, ngành Sở Khoa học …" is the words
    before the heading (a header), the heading (its mark, "II" or "B", and its words up to the first
    capital after a word in lower case, or up to the rank printed before the next name: "… Ban
    Quản lý các khu công nghiệp B Khối UBND cấp huyện 1 Huyện …") and the unit's name that
    begins there."""
    tokens = group.tokens
    for start in (k for k, t in enumerate(tokens) if _GROUP_MARK.fullmatch(t.text)):
        for end in range(start + 3, len(tokens) + 1):
            before, word = tokens[end - 1].text, tokens[end].text if end < len(tokens) else ""
            if (word[:1].isupper() or (start and not word)) and (
                before[-1:].islower() or before.endswith(",")
            ):
                heading = tokens[start:end]
                if not vocab.is_section_caption(" ".join(t.text for t in heading)):
                    break
                parts = [tokens[:start], heading, tokens[end:]]
                return [Group(part, False) for part in parts if part]
    return [group]


def first_names_apart(groups: list[Group]) -> list[Group]:
    """A header run together with the first name on one line ("… Dịch vụ công trực tuyến
    Huyện Hồng Dân 01 29,000 …"): the words too many for a name end in the first unit's name,
    as long as the names after it and starting with a capital; they are taken apart."""
    out: list[Group] = []
    for at, group in enumerate(groups):
        tail = _first_name(groups, at) if not group.value else 0
        if tail:
            out += [Group(group.tokens[:-tail], False), Group(group.tokens[-tail:], False)]
        else:
            out.append(group)
    return out


def _header_closed(group: Group, names: list[int]) -> bool:
    """A group of name length that is longer than the names after it and holds a header's
    closing parenthesis ("Địa phương Xếp hạng (điểm) Cà Mau"): header words before a name."""
    words = [t.text for t in group.tokens]
    return len(words) > max(names) and any(w.endswith(")") for w in words[:-1])


def _other_width(groups: list[Group], at: int, width: int) -> bool:
    """Whether the values at ``at`` are not a record of ``width`` values; the text's last
    values may stop short of it (a page cut inside its last row)."""
    size = len(groups[at].tokens)
    return size != width and not (at == len(groups) - 1 and size < width)


def _first_name(groups: list[Group], at: int) -> int:
    """How many words end ``groups[at]`` as the first record's name, or 0."""
    group = groups[at]
    if at + 1 >= len(groups) or not groups[at + 1].value:
        return 0
    later = [groups[k] for k in range(at + 2, min(at + 12, len(groups)), 2)]
    names = [len(g.tokens) for g in later if is_name(g)]
    if len(names) < 2 or len(names) < len(later) - 1:
        return 0
    width = len(groups[at + 1].tokens)
    line = group.tokens[-1].line
    own = [t for t in group.tokens if t.line == line]
    if width >= 2 and _label_above(group, own, later):
        return len(own)
    first = _opens_line(groups, at) and not _after_records(groups, at, width)
    opened = _opened_as_names(group, _run_names(groups, at)) if first else 0
    if opened:
        return opened
    if is_name(group) and not _header_closed(group, names):
        return 0  # a name of its own, not a header run into one
    if any(_other_width(groups, k, width) for k in range(at + 3, at + 3 + 2 * len(names), 2)
           if k < len(groups)):  # fmt: skip
        return 0
    lined = all(g.tokens[0].starts_line for g in later if is_name(g))
    if lined and own[0].starts_line and len(own) < len(group.tokens):
        return len(own)  # each name on a line of its own: so is the first, under the header
    closed = max((k for k, t in enumerate(group.tokens) if t.text.endswith(")")), default=-1)
    sizes = _opened_by_capital(group, max(names) + 3, line, closed)
    after = len(group.tokens) - closed - 1  # the words after the header's "(điểm)"
    if closed >= 0 and after in sizes and not _label_opens(group.tokens[closed + 1 :]):
        return after
    fitting = [size for size in sizes if min(names) <= size <= max(names)]
    if fitting:
        return max(fitting)  # as long as another name, the longest
    longer = [size for size in sizes if size > max(names)]
    return min(longer) if longer else 0  # a name longer than the others ("Sở … và Phát …")


def _opens_line(groups: list[Group], at: int) -> bool:
    """Whether no values stand before ``groups[at]`` on its first line (a record's, in a
    table run together on its line)."""
    before = groups[at - 1] if at else None
    return before is None or before.tokens[-1].line != groups[at].tokens[0].line


def _after_records(groups: list[Group], at: int, width: int) -> bool:
    """Whether two records of ``width`` values or more stand right before ``groups[at]``: it
    is a record inside the run, not its first (a caption's "Năm" 2021 is one pseudo-record)."""
    found = 0
    for k in range(at - 1, 0, -2):
        if not groups[k].value or len(groups[k].tokens) != width or not is_name(groups[k - 1]):
            break
        found += 1
    return found >= 2


def _run_names(groups: list[Group], at: int) -> list[Group]:
    """The names of the records after ``groups[at]``, each followed by its values."""
    names = []
    for k in range(at + 2, len(groups) - 1, 2):
        if not is_name(groups[k]) or not groups[k + 1].value:
            break
        names.append(groups[k])
    return names


def _opened_as_names(group: Group, names: list[Group]) -> int:
    """How many words end ``group`` as a name opening as the run's names do, or 0: the group
    is longer than every name after it, and a word inside it is the first word of two names or
    more, followed as one of them goes on ("Địa phương Rank Tỉnh Thừa Thiên Huế" over "Tỉnh Hà
    Tĩnh", "Tỉnh Đồng Nai"): the words before it are the header's. Of two such words the
    first: "Kết quả Tỉnh Quảng Nam" beside "Tỉnh Bến Tre" and "Quảng Ngãi", "Quảng Ninh" is
    "Tỉnh Quảng Nam", a name opening with "Quảng" being no reason to cut the one it ends."""
    words = [t.text for t in group.tokens]
    longest = max((len(name.tokens) for name in names), default=len(words))
    if len(words) <= longest:
        return 0
    seconds = second_words([name.text for name in names])
    if len(seconds.get(words[0], ())) >= 2:
        return 0  # it opens as names do: a name of its own
    for k in range(1, len(words) - 1):  # the longest name first, as a name's first words
        shared = seconds.get(words[k], [])
        if len(words) - k <= longest and len(shared) >= 2 and goes_on_as(words[k + 1], shared):
            return len(words) - k
    return 0


def second_words(names: list[str]) -> dict[str, list[str]]:
    """Each first word the names open with, and the word after it in each ("" for none)."""
    seconds: dict[str, list[str]] = {}
    for name in names:
        opening = name.split()
        seconds.setdefault(opening[0], []).append(opening[1] if len(opening) > 1 else "")
    return seconds


def goes_on_as(word: str, seconds: list[str]) -> bool:
    """Whether ``word`` follows a name's first word as it does in one of the names."""
    return any(
        word == second or (word[:1].isupper() and second[:1].isupper()) for second in seconds
    )


def _label_opens(tokens: tuple[Token, ...]) -> bool:
    """Whether the words open with a label the header's words are known by ("XH", "Xếp
    hạng", "Tổng điểm"): a column's label after the one "(điểm)" closes, not a unit's name."""
    words = [t.text for t in tokens]
    return any(
        vocab.ordinal_label(label) or vocab.says(vocab.TOTAL, vocab.fold(label))
        for label in (" ".join(words[:size]) for size in (1, 2))
    )


def _label_above(group: Group, own: list[Token], later: list[Group]) -> bool:
    """Whether a first name on lines of its own takes in the header's last label on the line
    above it ("Vị trí" / "Tỉnh Khánh Hòa", then "94,68" "01"), where every name after it takes
    one line: its last line (``own``) opens with a capital and the line above ends on no word a
    name goes on after. Asked only of a name followed by two values or more: before a lone
    value the lines may as well be the header's labels over ranks printed before the names."""
    if len(own) == len(group.tokens) or not own[0].starts_line or not own[0].text[:1].isupper():
        return False
    names = [g for g in later if is_name(g)]
    single = all(g.tokens[0].starts_line and g.tokens[-1].line == g.tokens[0].line for g in names)
    return single and not joins_on(group.tokens[-len(own) - 1].text)


def _opened_by_capital(group: Group, most: int, line: int, closed: int) -> list[int]:
    """The sizes (up to ``most`` words) the first name may take at the end of the words: a
    capital opening it after the header's last word (one in lower case, or the closing
    parenthesis of its "(điểm)"), on the record's line, never after "và", a comma, a dash."""
    sizes = []
    for size in range(1, min(most, len(group.tokens) - 1) + 1):
        tail = group.tokens[-size:]
        if any(t.line != line for t in tail) or len(group.tokens) - size <= closed:
            continue  # not on the record's line, or inside the header's "(điểm)"
        before = group.tokens[-size - 1].text
        if tail[0].text[:1].isupper() and not before[:1].isupper() and not joins_on(before):
            sizes.append(size)
    return sizes


def joins_on(word: str) -> bool:
    """A word after which a name or a label goes on: a comma, a dash, "và" ("Sở Nông nghiệp
    và" / "Phát triển nông thôn", "Sở Văn hóa," / "Thể thao …")."""
    return word in {"-", "–", "/", "và", "&"} or word.endswith((",", "-", "/"))


def maxima_apart(groups: list[Group]) -> list[Group]:
    """A maxima row's label on a line of its own at the end of the header's words, its values
    after it ("Tỉnh/thành phố" / "Chỉ số PAR" / "Điểm tối đa" / "1" / "Tỉnh Thanh Hóa" …):
    taken apart, so it is read as the maxima row and its value not as the first unit's."""
    out: list[Group] = []
    for at, group in enumerate(groups):
        valued = at + 1 < len(groups) and groups[at + 1].value
        cut = _maxima_label_at(group) if valued and not group.value else 0
        out += (
            [Group(group.tokens[:cut], False), Group(group.tokens[cut:], False)] if cut else [group]
        )
    return out


def _maxima_label_at(group: Group) -> int:
    """Where a maxima label opening a line ends the group's words (0: none)."""
    words = [vocab.fold(t.text) for t in group.tokens]
    for k, token in enumerate(group.tokens[1:], start=1):
        if token.starts_line and vocab.MAXIMA_ROW.fullmatch(" ".join(words[k:])):
            return k
    return 0

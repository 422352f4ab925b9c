"""Tables printed as text with no cells: found as runs of records of the same shape.

A browser or converter saving a page often loses the table's cells: one cell per line, rows on
one line with single spaces between cells, or a whole table run together. What is left is a
stream of names and numbers. A ranking is a run of records with one shape: b numbers, a name,
s − b numbers (the STT before the name, scores and rank after it). So between two names there
are s numbers, whatever the line breaks; the split b is the one that makes the columns hold
together (a first column counting 1, 2, 3 …; cuts falling on line breaks). A name followed by no
numbers is a heading or a unit printed without values; a band phrase between records is a band
row. Each record becomes a grid row (`record_grid`), so the table stage reads it as any other grid.
"""

from __future__ import annotations

from collections.abc import Iterator

from pipeline import vocabulary as vocab
from pipeline.tables.records.rows import (
    Shape,
    Stretch,
    is_name_at,
    lines_spanned,
    rows_of,
    size_at,
)
from pipeline.tables.records.split import (
    MIN_RECORDS,
    figure_kind,
    leads_on,
    misfits_at_end,
    misfits_at_start,
    split_score,
    usual_size,
)
from pipeline.tables.records.start import (
    header_first,
    last_size,
    maxima_first,
    pairing_doubt,
    values_lead,
    year_first,
)
from pipeline.tables.records.tokens import (
    Group,
    is_name,
    name_key,
)
from pipeline.unit_rows import counts_on

MAX_VALUES = 30


def find_stretches(groups: list[Group]) -> Iterator[Stretch]:
    """Runs of names whose value groups between them have one size."""
    index = 0
    while index < len(groups):
        stretch = _stretch_at(groups, index)
        if stretch is None:
            index += 1
            continue
        stretch = _past_header(groups, stretch)
        lead = misfits_at_start(rows_of(groups, stretch), stretch.shape.before)
        trimmed = _stretch_at(groups, stretch.start + 2 * lead) if lead else None
        stretch = trimmed if trimmed is not None else stretch
        table = _table_under_labels(groups, stretch)
        if table is not None:
            index = table  # the labels stay for its header
            continue
        yield stretch
        index = stretch.end


def _table_under_labels(groups: list[Group], stretch: Stretch) -> int | None:
    """Where the table starts when a run is its header's labels, each with its maximum under it
    ("Cải cách TTHC" / "(18)"): the run's last name opens records of more values than the run
    has, with room for every label but the first data row's name (the labels are no table)."""
    last = stretch.end - 1 if is_name(groups[stretch.end - 1]) else stretch.end - 2
    if size_at(groups, last) <= stretch.shape.width:
        return None
    following = _stretch_at(groups, last)
    labels = (last - stretch.start) // 2
    if following is None or following.shape.width < labels:
        return None
    return last


def _past_header(groups: list[Group], stretch: Stretch) -> Stretch:
    """The records after the caption and header lines read as the first records ("Bảng xếp
    hạng năm" 2022, then "Tên tỉnh Tổng điểm" (100), then the rows). Past a caption's year,
    the records start at the next name with no value of the text above leading it, when they
    then end whole and led by the year they would not (no header: each score its name's)."""
    if year_first(groups, stretch):  # the caption's year leads the next name only when
        led = _stretch_at(groups, stretch.start + 2)  # its records then end whole
        unled = _stretch_at(groups, stretch.start + 2, led=False)
        if unled is not None and _ends_whole(groups, unled) and not _ends_whole(groups, led):
            return unled
    for _ in range(2):
        later = _stretch_at(groups, stretch.start + 2)
        if later is not None and values_lead(groups, stretch, later):
            break
        if later is None or not (
            maxima_first(groups, stretch)
            or year_first(groups, stretch)
            or (later.fit > stretch.fit and header_first(groups, stretch, later))
        ):
            break
        stretch = later
    later = _stretch_at(groups, stretch.start + 2)
    if later is not None and values_lead(groups, stretch, later):
        width = later.shape.width  # the values stand before each name
        doubt = pairing_doubt(groups, stretch, later)
        return Stretch(later.start, later.end, Shape(width, width), later.fit, doubt)
    return stretch


def _stretch_at(groups: list[Group], start: int, led: bool = True) -> Stretch | None:
    """The records from the name at ``start``; ``led``: values right before it may lead the
    first record (its number printed before its name), else they are the text's above."""
    found = _records_at(groups, start, led)
    if found is None:
        return None
    names, shape, fit = found
    width, before = shape.width, shape.before
    end = start + 2 * names - 1
    if _last_is_prose(groups, Stretch(start, end, shape), names):
        names, end = names - 1, end - 2
    distinct = {groups[at].text for at in range(start, end, 2)}
    whole = names - (size_at(groups, end - 1) < width - before)  # the last may be cut short
    # a table run together on one line: its shape is proof, when it ends its line (an
    # enumeration inside a sentence, "(1) Dân số, (2) GRDP, …", has the sentence after it)
    one_line = lines_spanned(groups, start, end) == 1
    if one_line and _line_goes_on(groups, end) and not (before == 0 and _name_ends(groups, end)):
        return None
    if (fit <= 0 and not one_line) or whole < MIN_RECORDS or 5 * len(distinct) < 4 * names:
        return None  # nothing ties the records together: neither line breaks nor a count
    if _unit_without_values(groups, end, shape):
        end += 2
    return Stretch(start, min(end + 1, len(groups)), shape, fit)


def _unit_without_values(groups: list[Group], end: int, shape: Shape) -> bool:
    """A last record printing its number and its name and nothing else ("63" / "Cà Mau", then
    the text after the table): the number, on a line of its own start, goes on from the
    record above's, and the name is alone on its lines."""
    if shape.before != 1 or end + 1 >= len(groups) or end < 2 or not groups[end].value:
        return False
    name, number = groups[end + 1], groups[end].tokens[-1]
    above = groups[end - 2].tokens[-1].text if groups[end - 2].value else None
    if not counts_on(above, number.text) or not number.starts_line:
        return False
    alone = end + 2 >= len(groups) or groups[end + 2].tokens[0].starts_line
    return is_name(name) and name.tokens[0].starts_line and alone and not size_at(groups, end + 1)


def _records_at(
    groups: list[Group], start: int, led: bool = True
) -> tuple[int, Shape, float] | None:
    """The records from ``start``: how many, their shape, the split's fit per record. Records
    run together on their lines over several lines are read one line's table at a time."""
    if not is_name(groups[start]):
        return None
    sizes = _sizes_after(groups, start)
    if len(sizes) < MIN_RECORDS - 1:
        return None
    width = usual_size(sizes[: MIN_RECORDS + 2])
    ahead = _ahead(groups, start) if led else 0
    first_own = ahead and sizes[0] < width and _own_values_only(groups, start, width, ahead)
    if not 1 <= width <= MAX_VALUES or (sizes[0] != width and not first_own):
        return None
    names = _names_fitting(groups, start, width, ahead)
    for first_line_only in (False, True):
        if names < MIN_RECORDS:
            return None
        split = _best_split(groups, start, start + 2 * names - 1, width, led)
        if split is None:
            return None
        fit, before, misfits = split
        names -= misfits
        end = start + 2 * names - 1
        mid = _mid_line(groups, start, end, width, before)
        if mid * 3 <= names or lines_spanned(groups, start, end) == 1:
            return names, Shape(width, before), fit / max(names, 1)
        if first_line_only:
            break
        names = _on_first_line(groups, start, names)  # a table run together on its line
    return None  # numbers inside sentences: prose, not records


def _own_values_only(groups: list[Group], start: int, width: int, ahead: int) -> bool:
    """Whether the first record's values stop short of the next record's leading values
    because a row without values follows it (a heading: "High human development"): its own
    values, then that row's group of the leading values only, making up a record together,
    the leading values going on from the first record's (rank 1 before it, rank 2 after)."""
    own = size_at(groups, start)
    following = start + 2
    if not is_name_at(groups, following) or own + size_at(groups, following) != width:
        return False
    leading = groups[following + 1].tokens
    return len(leading) <= ahead and leads_on(
        list(groups[start - 1].tokens[-len(leading) :]), list(leading)
    )


def _on_first_line(groups: list[Group], start: int, names: int) -> int:
    """How many of the records from ``start`` have their name on its line, and their values
    too (a last name run into the next line's caption is no record of the line)."""
    line = groups[start].tokens[0].line
    count = 0
    for at in range(start, start + 2 * names, 2):
        values = groups[at + 1].tokens if at + 1 < len(groups) and groups[at + 1].value else ()
        if groups[at].tokens[0].line != line or (values and values[0].line != line):
            break
        count += 1
    return count


def _last_is_prose(groups: list[Group], stretch: Stretch, names: int) -> bool:
    """Whether the last name (``stretch.end - 1``) is words after the table, not a record."""
    last, width, before = stretch.end - 1, stretch.shape.width, stretch.shape.before
    led = not groups[last].tokens[0].starts_line  # on the line of the values before it
    cut = led and (last + 1 >= len(groups) or groups[last + 1].tokens[0].starts_line)
    if last + 2 < len(groups) and size_at(groups, last) < width - before and not cut:
        return True  # short, yet the text goes on (not a row its line ends inside)
    if not before and led and not size_at(groups, last) and not (cut and _name_only(groups[last])):
        return True  # the words after a list in a sentence
    # "Điều 2. Quyết định này …": a sentence after it
    return names > MIN_RECORDS and _mid_line(groups, last, stretch.end, width, before) > 0


def _name_only(group: Group) -> bool:
    """A name ending its line with nothing after it on the line, as a run-on table's last
    row cut short prints one ("… 7 (0.338) Sở Du lịch"); a sentence goes on or ends in a
    stop."""
    return is_name(group) and not group.tokens[-1].text.endswith((".", ":", ";", ","))


def _line_goes_on(groups: list[Group], end: int) -> bool:
    """Whether the line of the last record's values goes on after them, with more than the
    next group's heading ("… 05 II Các địa phương cấp huyện Thành phố Đông Hà 88,10 01 …",
    or "… 4 Ban Quản lý … B Khối UBND cấp huyện 1 Huyện Kon Plông …", ranks first)."""
    after = end + 1 if end < len(groups) and groups[end].value else end
    if after >= len(groups) or groups[after].tokens[0].starts_line:
        return False
    heading = vocab.is_section_caption(groups[after].text) and after + 1 < len(groups)
    first = after + 2 if after + 2 < len(groups) and groups[after + 1].value else after + 1
    return not (heading and _stretch_at(groups, first) is not None)  # ranks may lead names


def _name_ends(groups: list[Group], end: int) -> bool:
    """Whether the line goes on after the last record's values with one more name and ends
    there ("… Sở Khoa học và Công nghệ 17 (0,356) Sở Y tế"): a unit printed without values,
    or the row the text ends in; a sentence would go on."""
    after = end + 1 if end < len(groups) and groups[end].value else end
    if after >= len(groups) or not is_name(groups[after]):
        return False
    return after + 1 >= len(groups) or groups[after + 1].tokens[0].starts_line


def _sizes_after(groups: list[Group], start: int) -> list[int]:
    """Sizes of the value groups after each name from ``start`` while names and values alternate."""
    sizes = []
    at = start
    while at + 1 < len(groups) and is_name(groups[at]) and groups[at + 1].value:
        sizes.append(len(groups[at + 1].tokens))
        at += 2
    return sizes


def _mid_line(groups: list[Group], start: int, end: int, width: int, before: int) -> int:
    """Records whose last number is followed by more of the same line: numbers inside
    sentences ("Posted on 12 April, 2023"), where a table's row ends its line."""
    count = 0
    for at in range(start + 1, min(end + 1, len(groups)), 2):
        values = groups[at].tokens
        if len(values) < width - before or not groups[at].value:
            continue
        nxt = values[width - before] if len(values) > width - before else None
        if nxt is None and at + 1 < len(groups):
            nxt = groups[at + 1].tokens[0]
        count += nxt is not None and not nxt.starts_line
    return count


def _names_fitting(groups: list[Group], start: int, width: int, ahead: int = 0) -> int:
    """How many names from ``start`` fit: each followed by ``width`` values, or followed by a
    name without values (the value groups around it adding up to ``width``), or by its own
    values only where the next record prints none before its name (a reference row without
    a rank: ``ahead`` values lead the first record), or the last one, cut short. A name met
    again ends them: a unit is ranked once in a table, so the same names once more are the
    next table (the next year's) after its caption and header; met right after itself, it
    numbers labels in a series ("Lĩnh vực" / "1", "Lĩnh vực" / "2"): no records at all."""
    count, at = 0, start
    seen: set[str] = set()
    plain = not _bracketed_after(groups, start)  # records not printing values bracketed
    while at < len(groups) and is_name(groups[at]):
        key = name_key(groups[at].text)
        if count and key == name_key(groups[at - 2].text):
            return 0
        if key in seen or (count and plain and _maxima_after(groups, at)):
            break  # a name already ranked, or the next table's header: the next table
        seen.add(key)
        size = size_at(groups, at)
        unled = 0 < ahead < width and size == width - ahead and size_at(groups, at + 2) == width
        if size == width or (unled and _next_unled(groups, at)):
            count, at = count + 1, at + 2
            continue
        blank = at + 2
        if (
            blank + 2 < len(groups)
            and groups[at + 1].value
            and is_name(groups[blank])
            and is_name(groups[blank + 2])
            and size + size_at(groups, blank) == width
        ):
            count, at = count + 2, blank + 2  # a heading or a unit printed without values
            continue
        led = count and not groups[at].tokens[0].starts_line  # "6.67 Control of Corruption"
        if size >= 1 or at + 1 >= len(groups) or led:
            count += 1  # the last record, perhaps cut short or with its values before its name
        break
    return count


def _maxima_after(groups: list[Group], at: int) -> bool:
    """Whether the name at ``at`` is a header's label with its maxima: every value after it
    in parentheses ("Tổng điểm đạt được (100)")."""
    values = groups[at + 1].tokens if at + 1 < len(groups) and groups[at + 1].value else ()
    return bool(values) and all(token.bracketed for token in values)


def _bracketed_after(groups: list[Group], at: int) -> bool:
    """Whether the values after the name at ``at`` print a figure in parentheses ("(1) 2":
    a record's own figure so printed, then the next record's number)."""
    values = groups[at + 1].tokens if at + 1 < len(groups) and groups[at + 1].value else ()
    return any(token.bracketed for token in values)


def _next_unled(groups: list[Group], at: int) -> bool:
    """Whether the short values after the name at ``at`` are its own, the next record printing
    none before its name: the next name follows, and its values open with the same kinds of
    figure (as many decimals, or words) in the same places ("0.774 Flag…" over "0.766 Flag…";
    a rank "01" under a header over "85.681 02" is the next record's, not a score)."""
    if not is_name_at(groups, at + 2):
        return False
    own, following = groups[at + 1].tokens, groups[at + 3].tokens
    return all(figure_kind(a) == figure_kind(b) for a, b in zip(own, following, strict=False))


def _best_split(
    groups: list[Group], start: int, end: int, width: int, led: bool = True
) -> tuple[int, int, int] | None:
    """The number of values printed before each name: the split whose first column counts
    1, 2, 3 … best, then whose cuts fall on line breaks; values before the first name allow it.
    Records at the end that break the split's pattern of lines are left out first (see
    ``_misfits_at_end``): (score, values before the name, records left out)."""
    ahead = _ahead(groups, start) if led else 0
    best: tuple[int, int, int] | None = None
    for before in range(0, min(width, ahead) + 1):
        rows = rows_of(groups, Stretch(start, min(end + 1, len(groups)), Shape(width, before)))
        misfits = misfits_at_end(rows, before)
        score = split_score(rows[: len(rows) - misfits], before)
        if best is None or score > best[0]:
            best = (score, before, misfits)
    return best


def _ahead(groups: list[Group], start: int) -> int:
    """How many values stand right before the name at ``start``."""
    return len(groups[start - 1].tokens) if start > 0 and groups[start - 1].value else 0


def _ends_whole(groups: list[Group], stretch: Stretch | None) -> bool:
    """Whether the last name of ``stretch`` is followed by just its own values (a value left
    over after it would lead a record that never comes)."""
    if stretch is None:
        return False
    return last_size(groups, stretch) == stretch.shape.width - stretch.shape.before

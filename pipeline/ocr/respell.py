"""A word of a scanned heading spelled as the same document prints it elsewhere.

Tesseract's Vietnamese model drops or swaps tone marks on bold capitals and bold titles
("kiêm định chât lượng" under a body that prints "kiểm định chất lượng" ten times). The body of
the same document, in regular type, is the evidence: a heading's word is given the spelling
that the body prints, next to the same neighbour, with the same letters (marks aside), at
least twice and more often than the heading's own spelling, or once where the body never
prints the heading's spelling (a letter's subject, read above the body: "tô chức" under a body
that prints "tổ chức" once and "tô chức" nowhere). No word list: a word the body does not print
is left as read.
"""

from __future__ import annotations

import re
from collections import Counter

from pipeline.ocr.lexicon import plain

MIN_SEEN = 2  # a spelling the body prints once may be the same misreading (unless unopposed)
_WORD = re.compile(r"[^\W\d_]+")


def _pairs(text: str) -> Counter[tuple[str, str]]:
    words = [word.casefold() for word in _WORD.findall(text)]
    return Counter(zip(words, words[1:], strict=False))


def respell(heading: str, body: str) -> str:
    """``heading`` with each word the body spells otherwise beside the same neighbour."""
    seen = _pairs(body)
    by_plain: dict[tuple[str, str], Counter[tuple[str, str]]] = {}
    for pair, count in seen.items():
        by_plain.setdefault((plain(pair[0]), plain(pair[1])), Counter())[pair] += count
    tokens = list(_WORD.finditer(heading))
    words = [token.group().casefold() for token in tokens]
    chosen = list(words)
    for index, word in enumerate(words):
        votes: Counter[str] = Counter()
        for left, right, mine in ((index - 1, index, 1), (index, index + 1, 0)):
            if left < 0 or right >= len(words):
                continue
            pair = (words[left], words[right])
            for spelled, count in by_plain.get((plain(pair[0]), plain(pair[1])), {}).items():
                if spelled[1 - mine] == pair[1 - mine]:  # the neighbour as the heading reads it
                    votes[spelled[mine]] += count
        if votes:
            best, count = votes.most_common(1)[0]
            own = votes.get(word, 0)
            if count > own and (count >= MIN_SEEN or own == 0):
                chosen[index] = best
    out, last = [], 0
    for token, word, new in zip(tokens, words, chosen, strict=True):
        out.append(heading[last : token.start()])
        out.append(token.group() if new == word else _same_case(new, token.group()))
        last = token.end()
    out.append(heading[last:])
    return "".join(out)


def _same_case(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if like[:1].isupper() else word

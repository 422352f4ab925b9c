"""A batch's memory of the words its names share: folded, light-keyed and expanded once.

Both keys (``fold``, ``light_key``) treat whitespace as a separator, so keying each
whitespace-separated chunk and joining the results gives what they give for the whole name.
"""

from __future__ import annotations

from pipeline.match.keys import (
    CONSONANTS,
    expand_into,
    fold,
    light_words,
    plain_words,
    strip_council,
)

# One chunk's light words, its words expanded when they depend on it alone, its folded tokens.
Expanded = tuple[str, tuple[str, ...] | None, tuple[str, ...]]


class KeyCache:
    """Fold, light key and expansion chunk by chunk, remembered for one batch."""

    def __init__(self) -> None:
        self.chunks: dict[str, tuple[str, str]] = {}
        self.plain: dict[str, tuple[str, ...] | None] = {}  # for ``expand``
        self.expanded: dict[str, Expanded] = {}  # for ``fold_expand``
        self.spans: dict[tuple[tuple[str, ...], bool], tuple[int, list[str]]] = {}

    def clear(self) -> None:
        """Forget every chunk (a cache shared by a long batch)."""
        for memo in (self.chunks, self.plain, self.expanded, self.spans):
            memo.clear()

    def chunk(self, chunk: str) -> tuple[str, str]:
        """(folded, light words) of one whitespace-free chunk."""
        done = self.chunks.get(chunk)
        if done is None:
            if chunk.isascii() and chunk.isalnum():  # letters and digits: both keys lower it
                done = self.chunks[chunk] = (chunk.lower(), chunk.lower())
            else:
                done = self.chunks[chunk] = (fold(chunk), light_words(chunk))
        return done

    def light(self, text: str) -> str:
        """``light_key(text)``."""
        known, chunk_keys = self.chunks.get, self.chunk
        return strip_council("".join([(known(c) or chunk_keys(c))[1] for c in text.split()]))

    def fold_expand(self, text: str) -> tuple[list[str], str]:
        """``(expand(fold(text)), light_key(text))``, chunk by chunk.

        A chunk without consonant clusters or "và" expands alone, as its words say; the other
        chunks' tokens are expanded together, an abbreviation may span them ("KH - CN").
        """
        known, expanded = self.expanded.get, self.expand_chunk
        out: list[str] = []
        lights = []
        pending: list[str] = []  # tokens of chunks that do not expand alone
        for chunk in text.split():
            light, alone, tokens = known(chunk) or expanded(chunk)
            lights.append(light)
            if alone is None:
                pending += tokens
            elif alone:  # a chunk of punctuation only ("-") leaves a run of clusters whole
                if pending:
                    expand_into(out, pending, self.plain, self.spans)
                    pending = []
                out += alone
        if pending:
            expand_into(out, pending, self.plain, self.spans)
        return out, strip_council("".join(lights))

    def expand_chunk(self, chunk: str) -> Expanded:
        """(light words, the words it expands to alone or None, its tokens) of one chunk.

        An abbreviation is a run of consonant clusters, "và" allowed inside: a chunk with
        neither ends any run before it and starts none, so its words depend on it alone.
        """
        done: Expanded
        if chunk.isascii() and chunk.isalnum():  # one token, lowered (a number, most often)
            token = chunk.lower()
            alone = None if token == "va" or CONSONANTS.fullmatch(token) else plain_words(token)
            done = self.expanded[chunk] = (token, alone, (token,))
            return done
        folded, light = self.chunk(chunk)
        tokens = tuple(t for t in folded.split() if t not in ("&", "-"))
        if any(t == "va" or CONSONANTS.fullmatch(t) for t in tokens):
            done = self.expanded[chunk] = (light, None, tokens)
        else:
            alone = tuple(word for token in tokens for word in plain_words(token))
            done = self.expanded[chunk] = (light, alone, tokens)
        return done

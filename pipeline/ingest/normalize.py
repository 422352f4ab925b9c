"""The one text normalisation every reader applies: the form every stored text takes."""

from __future__ import annotations

import unicodedata

# Zero-width characters, word joiner, BOM and soft hyphen: invisible in print, noise in a key.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def fold(text: str) -> str:
    """NFC, invisible characters dropped, runs of white space (``&nbsp;`` too) folded to one."""
    return unicodedata.normalize("NFC", " ".join(text.translate(INVISIBLE).split()))

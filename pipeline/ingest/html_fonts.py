"""The font of every piece of HTML text (``font-family``, ``<font face>``, inherited), and its
text decoded from a legacy Vietnamese font in place, before the page is read."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from pipeline.ingest.legacy.runs import decode_runs

_FAMILY = re.compile(r"font-family\s*:\s*([^;]+)", re.IGNORECASE)
_SKIP = frozenset({"script", "style", "head", "title", "noscript", "template"})
Piece = tuple[etree._Element, str, str | None]  # (element, "text" | "tail", font)


def own_font(node: etree._Element) -> str | None:
    """The first family an element names (style font-family, or a <font face>)."""
    found = _FAMILY.search(node.get("style") or "")
    family = found.group(1) if found else node.get("face") if _tag(node) == "font" else None
    if not family:
        return None
    return family.split(",")[0].strip().strip("'\"") or None


def _tag(node: etree._Element) -> str | None:
    return node.tag.lower() if isinstance(node.tag, str) else None


def _pieces(node: etree._Element, inherited: str | None) -> Iterator[Piece]:
    tag = _tag(node)
    if tag is None or tag in _SKIP:
        return
    font = own_font(node) or inherited
    if node.text:
        yield node, "text", font
    for child in node:
        yield from _pieces(child, font)
        if child.tail:
            yield child, "tail", font


def decode_legacy_html(root: etree._Element) -> set[str]:
    """Decode every legacy-font text of the page in place; the encodings found."""
    pieces = list(_pieces(root, None))
    stored = [getattr(node, side) or "" for node, side, _font in pieces]
    fonts = [font for _node, _side, font in pieces]
    decoded, found = decode_runs(list(zip(stored, fonts, strict=True)))
    for (node, side, _font), old, new in zip(pieces, stored, decoded, strict=True):
        if new != old:
            setattr(node, side, new)
    return found

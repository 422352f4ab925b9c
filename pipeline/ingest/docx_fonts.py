"""The font of every DOCX run, and its text decoded from a legacy Vietnamese font in place.

A run's font is its own ``w:rFonts`` (``w:hAnsi`` first: Word draws the bytes 0x80–0xFF, where
the legacy letters are, in that font), else its character style's, else its paragraph style's,
else the document default. Styles inherit through ``w:basedOn``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from pipeline.ingest.legacy import TCVN3, font_encoding
from pipeline.ingest.legacy.runs import decode_runs

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FONT_ATTRIBUTES = (f"{W}hAnsi", f"{W}ascii", f"{W}cs")


def own_font(parent: etree._Element | None) -> str | None:
    """The font an rPr (or a style, through its rPr) names, if any."""
    if parent is None:
        return None
    fonts = (
        parent.find(f"{W}rFonts") if parent.tag == f"{W}rPr" else parent.find(f"{W}rPr/{W}rFonts")
    )
    if fonts is None:
        return None
    return next((fonts.get(name) for name in _FONT_ATTRIBUTES if fonts.get(name)), None)


class StyleFonts:
    """Fonts of the styles part: by style id (inherited), and the document default."""

    def __init__(self, styles: etree._Element | None) -> None:
        self._styles = {}
        self.default: str | None = None
        if styles is None:
            return
        self.default = own_font(styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr"))
        for style in styles.iter(f"{W}style"):
            self._styles[style.get(f"{W}styleId")] = style

    def font(self, style_id: str | None, seen: frozenset[str] = frozenset()) -> str | None:
        style = self._styles.get(style_id)
        if style is None or style_id in seen or style_id is None:
            return None
        based = style.find(f"{W}basedOn")
        parent = based.get(f"{W}val") if based is not None else None
        return own_font(style) or self.font(parent, seen | {style_id})


def run_font(run: etree._Element, paragraph_style: str | None, styles: StyleFonts) -> str | None:
    props = run.find(f"{W}rPr")
    style = props.find(f"{W}rStyle") if props is not None else None
    return (
        own_font(props)
        or styles.font(style.get(f"{W}val") if style is not None else None)
        or styles.font(paragraph_style)
        or styles.font("Normal")
        or styles.default
    )


def _texts(body: etree._Element, styles: StyleFonts) -> Iterator[tuple[etree._Element, str | None]]:
    """Every w:t with its run's font (the paragraph style: of the run's nearest paragraph)."""
    for run in body.iter(f"{W}r"):
        paragraph = next(run.iterancestors(f"{W}p"), None)
        style_node = paragraph.find(f"{W}pPr/{W}pStyle") if paragraph is not None else None
        style = style_node.get(f"{W}val") if style_node is not None else None
        font = run_font(run, style, styles)
        for text in run.iterchildren(f"{W}t"):
            yield text, font


def restore_u_horn(body: etree._Element, fonts: StyleFonts) -> None:
    """TCVN3's "ư" is byte 0xAD, the soft hyphen: Word and LibreOffice store it in a .VnTime
    run as a w:softHyphen, which has no text. Give it back its byte as text."""
    for hyphen in list(body.iter(f"{W}softHyphen")):
        run = hyphen.getparent()
        paragraph = next(run.iterancestors(f"{W}p"), None) if run is not None else None
        style_node = paragraph.find(f"{W}pPr/{W}pStyle") if paragraph is not None else None
        style = style_node.get(f"{W}val") if style_node is not None else None
        legacy = font_encoding(run_font(run, style, fonts)) if run is not None else None
        if legacy is not None and legacy[0] == TCVN3:
            text = etree.Element(f"{W}t")
            text.text = "\u00ad"
            hyphen.addprevious(text)
            run.remove(hyphen)


def decode_legacy_text(body: etree._Element, styles: etree._Element | None) -> set[str]:
    """Decode every legacy-font run of the body in place; the encodings found."""
    fonts = StyleFonts(styles)
    restore_u_horn(body, fonts)
    nodes = list(_texts(body, fonts))
    decoded, found = decode_runs([(node.text or "", font) for node, font in nodes])
    for (node, _font), text in zip(nodes, decoded, strict=True):
        if text != (node.text or ""):
            node.text = text
    return found

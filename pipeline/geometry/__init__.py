"""Page geometry below both readers: glyphs and rules → words, lines, grids and prose.

The text-PDF reader (``pipeline.ingest.pdf``) and the OCR reader (``pipeline.ocr.page``) both
hand a ``PageContent`` of glyphs and rules to ``layout.build_page``; nothing here knows an
engine. ``shapes`` holds the types, ``text`` glyphs → words → lines, ``lattice`` ruled grids,
``stream`` unruled tables, ``layout`` the page in reading order.
"""

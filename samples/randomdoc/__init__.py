"""Whole decisions drawn from one seed: layouts, wordings and figures nobody picked (issue 15 §5).

``generate(seed, out_dir)`` draws a decision (letterhead, metadata, one or more ranking tables,
perhaps one planted error), renders it in one layout (text layouts, HTML, DOCX or text PDF) and
returns the file and its truth (what a reader must give back). One job per module: ``units``
(names from the registry), ``numbers`` (figures and the rules they follow), ``wording``
(header pools), ``content`` (the decision), ``plant`` (the planted error), ``grid`` (a table as
header and body rows), ``render_text``/``render_html``/``render_docx`` (the layouts), ``truth``
(the JSON a run is scored against).
"""

from __future__ import annotations

from .generate import FAMILIES, LAYOUTS, Generated, generate, layout_of

__all__ = ["FAMILIES", "LAYOUTS", "Generated", "generate", "layout_of"]

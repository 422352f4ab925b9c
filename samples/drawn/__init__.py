"""Scanned decisions drawn by other hands (issue 16 §5): one seed, one archived document.

``content`` draws the decision's words and figures (with at most one planted error), ``look``
how it is typeset, ``typeset`` and ``direct`` typeset it (Chromium from HTML, LibreOffice from
DOCX, or drawn straight onto the page), ``render`` rasterises it, ``hand`` and ``ink`` write in
the blanks and lay seals and signatures, ``degrade`` scans, faxes, photocopies or photographs
it, and ``build`` writes the files with a truth JSON.
"""

from .build import KINDS, Plan, kind_of, make_seed, plan_of

__all__ = ["KINDS", "Plan", "kind_of", "make_seed", "plan_of"]

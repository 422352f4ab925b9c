"""Where a paragraph of prose begins, from how the page lays it out, whatever its words.

A text file marks a paragraph with a blank line; a PDF or a scan with a vertical gap wider than
most of a line; a DOCX or HTML page makes each paragraph a line of its own. The metadata stage
uses it to end a title where its block ends, not where a list of words says prose begins.
"""

from __future__ import annotations

from pipeline.models import Line

GAP_SHARE = 0.8  # a gap above a line of at least this share of the line's height: a new block


def opens_block(previous: Line | None, line: Line) -> bool:
    """Whether ``line`` opens a paragraph of its own after ``previous``."""
    if previous is None or previous.at.page != line.at.page:
        return True
    if line.at.line is not None and previous.at.line is not None:
        return line.at.line - previous.at.line > 1  # a blank line between them
    if line.at.bbox is not None and previous.at.bbox is not None:
        height = previous.at.bbox[3] - previous.at.bbox[1]
        return line.at.bbox[1] - previous.at.bbox[3] > GAP_SHARE * height
    return line.at.method in ("docx", "html")

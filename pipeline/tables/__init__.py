"""The table stage: the ranking tables of a read document.

- ``records/``: records found: tables whose cells a converter lost, found as runs of records
  of one shape in the text, with the header above them when the numbers agree;
- ``roles/``: roles inferred from the numbers: each column's role checked against the others
  (STT, rank, per-row maximum, percentage, total and components);
- ``header/``: headers read as evidence: labels, groups, printed maxima, section captions, and
  what the decision states in prose (the total's weights, band thresholds);
- ``continued``: continuations joined: whether a grid continues the table before it;
- ``assemble``: grids (and records found in prose) → tables, sections split;
- ``entries``: the rows of a table body → entries (bands, footers, wrapped names);
- ``formats``: each number column read in its own number format.
"""

from pipeline.tables.assemble import TableScan, find_tables, scan_tables

__all__ = ["TableScan", "find_tables", "scan_tables"]

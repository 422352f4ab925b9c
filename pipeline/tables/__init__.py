"""The table stage: the ranking tables of a read document.

- ``assemble``: grids (and records found in prose) → tables, sections split, continuations joined;
- ``tokens``, ``run_in``, ``records``, ``record_start``, ``record_header``: tables whose cells
  a converter lost, found as runs of records of one shape in the text (headings and headers
  run into a name taken apart, header words read as records left out, ``blocks``: figures
  printed in a block after the names), with the header above them when the numbers agree;
- ``header``: header rows read as evidence: labels, groups, printed maxima;
- ``roles``, ``ranks``, ``shares``: each column's role inferred from its numbers and checked
  against the others (STT, rank, per-row maximum, percentage, total and components);
- ``order``, ``units``: what the rows' order and bands say of a total no rule gives, and
  figures printed with a changing scale word ("1,4 tỷ" over "330 triệu");
- ``entries``: the rows of a table body → entries (bands, footers, wrapped names);
- ``stated``: what the decision states in prose: the total's weights, band thresholds.
"""

from pipeline.tables.assemble import TableScan, find_tables, scan_tables

__all__ = ["TableScan", "find_tables", "scan_tables"]

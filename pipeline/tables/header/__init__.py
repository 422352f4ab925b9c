"""Headers read as evidence: words that confirm a role or name a column, never decide alone.

- ``columns``: header rows → columns with a label, a group and a printed maximum;
- ``groups``: column groups dated by the header, one table each;
- ``sections``: rows inside a table that caption a section;
- ``stated``: what the decision states in prose: the total's weights, band thresholds.
"""

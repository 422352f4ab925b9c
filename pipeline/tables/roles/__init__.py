"""Roles inferred from the numbers: each number column's role, checked against the others.

- ``infer``: the decision for a grid (STT, rank, per-row maximum, percentage, total, components);
- ``total``, ``fits``: the total a rule of the others gives (sum, mean, scaling, weights);
- ``ranks``, ``score_ranks``: counting rows, competition ranks, a score with its rank in
  parentheses;
- ``counting``: whether a count 1 … n is the STT or the rank, and the doubt when the numbers
  decide it;
- ``shares``: a per-row maximum and the percentage each row scores of it;
- ``order``, ``units``, ``ids``: what the rows' order says, figures with a changing scale word,
  units named by short capital ids.
"""

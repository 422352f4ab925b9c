"""A unit's code printed in parentheses after its name ("ALLIER (03)", "Nord (59)"): part of
the name, not a score, when the numbers say it is an identifier."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.tables.records.tokens import Token

MIN_CODES = 3


def codes_in_names(tokens: list[Token]) -> list[Token]:
    """A whole number in parentheses printed on a name's line right after it, with more
    figures after it, is the unit's code (a département's "(03)", a district's) and joins the
    name, when the run prints three or more such numbers, no two alike, in no order (neither
    rising nor falling), and not all within 1 … twice their count: a rank or last year's place
    ("USA (3)" in a top 10) stays near the rows' count, a code ("(974)" among thirty) does
    not. Any other figure in parentheses stays a value
    ("1" then "(0,9291)", "01 (0,727)", a maximum "(12)" after a header's label)."""
    places = [k for k in range(1, len(tokens) - 1) if _after_name(tokens, k)]
    numbers = [Decimal(tokens[k].text) for k in places]
    if len(numbers) < MIN_CODES or len(set(numbers)) < len(numbers):
        return tokens
    pairs = list(zip(numbers, numbers[1:], strict=False))
    ordered = all(a < b for a, b in pairs) or all(a > b for a, b in pairs)
    if ordered or max(numbers) <= 2 * len(numbers):
        return tokens
    out = list(tokens)
    for k in places:
        out[k] = replace(out[k], text=f"({out[k].text})", value=False)
    return out


def _after_name(tokens: list[Token], k: int) -> bool:
    before, token, after = tokens[k - 1], tokens[k], tokens[k + 1]
    return (
        token.value
        and token.bracketed
        and token.text.isdigit()
        and not token.starts_line
        and not before.value
        and before.line == token.line
        and after.value
        and not after.bracketed
    )


def is_code(token: Token) -> bool:
    """A unit's code ``codes_in_names`` joined to its name: "(03)"."""
    return not token.value and token.bracketed and token.text[1:-1].isdigit()

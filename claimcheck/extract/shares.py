"""Shares written as fractions or odds: 'two thirds of voters', 'three quarters of the budget',
'one in five adults', 'nine out of 10 doctors'. They are percentages of a whole, not counts of
'thirds' or of five adults."""

from __future__ import annotations

import re
from decimal import Decimal

from claimcheck.extract.found import Found, overlaps
from claimcheck.normalize import bounds, numbers
from claimcheck.normalize.numbers import ORDINALS, parse_number

_NUMERATORS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
# 'a third', 'two fifths' ... 'a tenth'; a half and a quarter have names of their own.
_DENOMINATORS = {word: n for word, n in ORDINALS.items() if n is not None and 3 <= n <= 10}
_DENOMINATORS |= {"half": 2, "quarter": 4}
# 'two thirds of', 'a quarter of' (not 'a quarter of a million': a number), 'two-thirds majority'.
FRACTION = re.compile(
    rf"\b(?P<num>{'|'.join(_NUMERATORS)})[\s-]+(?P<den>{'|'.join(_DENOMINATORS)}|halves)s?"
    r"(?=\s+of\b(?!\s+(?:an?\s+(?:thousand|million|billion|trillion)\b|one\b|\d))"
    r"|\s+majority\b)",
    re.IGNORECASE,
)
_SMALL = r"\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|a hundred"
# 'one in five', 'three in five', 'nine out of 10'; 'in' after a digit only for 1 ('scored 3 in
# 5 games' is no share).
_WORDS = r"one|two|three|four|five|six|seven|eight|nine"
ODDS = re.compile(
    rf"\b(?:(?P<one>{_WORDS}|1)\s+in|(?P<num>{_SMALL})\s+out\s+of)\s+(?:every\s+)?"
    rf"(?P<den>{_SMALL})\b(?![\d,.%])",
    re.IGNORECASE,
)


_OUT_OF = frozenset(Decimal(n) for n in (*range(2, 11), 100))


_FRACTION_WORDS = (*_DENOMINATORS, "halves")
_ODDS_WORDS = (" in ", "out of")


def scan_shares(text: str, taken: list[tuple[int, int]]) -> list[Found]:
    """Every share in `text` not overlapping `taken` (which grows with what is found)."""
    found: list[Found] = []
    lowered = text.lower()
    for regex, read, words in ((FRACTION, _fraction, _FRACTION_WORDS), (ODDS, _odds, _ODDS_WORDS)):
        if not any(w in lowered for w in words):
            continue  # a cheap look first: most text holds no share
        for m in regex.finditer(text):
            share = read(m)
            if share is None or overlaps(m.start(), m.end(), taken):
                continue
            taken.append((m.start(), m.end()))
            found.append(Found("percent", m.start(), m.end(), share, core=(m.start(), m.end())))
    return found


def _fraction(m: re.Match[str]) -> dict | None:
    den = m["den"].lower()
    numerator = _NUMERATORS[m["num"].lower()]
    denominator = 2 if den == "halves" else _DENOMINATORS[den]
    if numerator >= denominator or (numerator > 1) != m.group(0).lower().endswith("s"):
        return None  # 'two quarter of', 'a thirds of': not a fraction as written
    return _percent(Decimal(numerator), Decimal(denominator))


def _odds(m: re.Match[str]) -> dict | None:
    numerator, denominator = parse_number(m["num"] or m["one"]), parse_number(m["den"])
    if numerator is None or denominator is None or not 0 < numerator < denominator:
        return None
    if numerator != 1 and denominator not in _OUT_OF:
        return None  # '60 out of 109 seats' counts the seats; '9 out of 10' is a share
    return _percent(numerator, denominator)


def _percent(numerator: Decimal, denominator: Decimal) -> dict:
    """The share as a percentage to two decimals; rounded means approximate."""
    exact = numerator * 100 / denominator
    rounded = exact.quantize(Decimal("0.01"))
    value = bounds.bounded(numbers.exact(rounded), None)
    if rounded != exact:
        value = {**value, "lower": None, "upper": None, "approximate": True}
    return {**value, "unit": "percent"}

"""The currency written after a figure: words and codes ('40 million francs', '99EUR', '40 USD
million'), symbols ('25 €', '10$'), hundredths ('12 pence', 'a 15-cent dividend', '4 dollars 20
cents') and pounds that are sterling ('a profit of 200 million pounds')."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from claimcheck.normalize.numbers import exact
from claimcheck.normalize.units import (
    CURRENCY_CODES,
    CURRENCY_WORDS,
    HUNDREDTHS,
    SYMBOLS_AFTER,
    alternation,
)

_CODES = "|".join(sorted(CURRENCY_CODES))
_SYMBOLS = "".join(re.escape(s) for s in SYMBOLS_AFTER)
CURRENCY_AFTER = re.compile(
    rf"\s+(?P<word>{alternation(CURRENCY_WORDS)})\b"
    rf"|\s*(?-i:(?P<code>{_CODES}))\b(?:\s+(?P<scale>million|billion|trillion|bn|mn)\b)?"
    rf"|\s?(?P<symbol>[{_SYMBOLS}])(?![\w{_SYMBOLS}])"
    r"|-(?P<hyphen>cents?|dollars?|euros?|yen|rupees?|penny|pence)\b",
    re.IGNORECASE,
)
GLUED_CODE = re.compile(rf"(?:{_CODES})\b")
CODE_BEFORE = re.compile(rf"(?<![A-Za-z])(?:{_CODES})$")
_SCALES = {"million": 10**6, "mn": 10**6, "billion": 10**9, "bn": 10**9, "trillion": 10**12}
# 'pounds' is sterling after a scale word or where the sentence speaks of money; before 'of'
# ('200 million pounds of beef') it stays a weight.
_POUNDS = re.compile(r"\s+pounds?\b(?!\s+of\b)", re.IGNORECASE)
_MONEY_TALK = re.compile(
    r"\b(?:profits?|revenues?|sales|turnover|loss|losses|costs?|price|fined?|worth|paid|pay|"
    r"salary|budget|debts?|deal|valued|spend|spent|investment|funding|bonus|fees?|earnings|"
    r"raised|bill|tax|taxes|compensation|damages)\b[^.;!?]{0,25}$",
    re.IGNORECASE,
)
_SUBUNIT_AFTER = re.compile(r"(?:\s*,\s*|\s+)(?:and\s+)?(?P<n>\d{1,2})\s+(?:cents|pence|p)\b")


def currency_after(
    text: str, end: int, value: dict[str, Any], scaled: bool, before: str
) -> tuple[str, dict[str, Any], int] | None:
    """(ISO code, value, characters taken) for the currency after text[:end], or None. `scaled`
    says a scale word was written ('200 million'); `before` is the text before the figure."""
    m = CURRENCY_AFTER.match(text, end)
    if m is None:
        pounds = _POUNDS.match(text, end)
        if pounds and (scaled or _MONEY_TALK.search(before)):
            return "GBP", value, pounds.end() - end
        return None
    if m["code"]:
        factor = _SCALES.get((m["scale"] or "").lower(), 1)
        return m["code"].upper(), times(value, Decimal(factor)), m.end() - end
    if m["symbol"]:
        return SYMBOLS_AFTER[m["symbol"]], value, m.end() - end
    word = " ".join((m["word"] or m["hyphen"]).lower().split())
    currency = CURRENCY_WORDS.get(word) or CURRENCY_WORDS[word + "s"]
    if word in HUNDREDTHS or word + "s" in HUNDREDTHS:
        return currency, times(value, Decimal("0.01")), m.end() - end
    sub = _SUBUNIT_AFTER.match(text, m.end())
    if sub and value["modifier"] is None and m["word"]:
        return currency, plus(value, Decimal(sub["n"]) / 100), sub.end() - end
    return currency, value, m.end() - end


def times(value: dict[str, Any], factor: Decimal) -> dict[str, Any]:
    return {**value, **{b: exact(value[b] * factor) for b in _BOUNDS if value[b] is not None}}


def plus(value: dict[str, Any], extra: Decimal) -> dict[str, Any]:
    return {**value, **{b: exact(value[b] + extra) for b in _BOUNDS if value[b] is not None}}


_BOUNDS = ("amount", "lower", "upper")

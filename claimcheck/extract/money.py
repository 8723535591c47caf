"""The currency written after a figure: words and codes ('40 million francs', '99EUR', '40 USD
million'), symbols ('25 €', '10$'), hundredths ('12 pence', 'a 15-cent dividend', '4 dollars 20
cents') and pounds that are sterling ('a profit of 200 million pounds')."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from claimcheck.extract.shared_currencies import shared_currency
from claimcheck.normalize.numbers import TENS, UNITS, exact, parse_number
from claimcheck.normalize.units import (
    CODE_ISO,
    CURRENCY_CODES,
    CURRENCY_WORDS,
    HUNDREDTHS,
    LOWER_CODES,
    PREFIXED_CODES,
    SHARED_CURRENCY_WORDS,
    SYMBOLS_AFTER,
    alternation,
)

_CODES = "|".join(sorted(CURRENCY_CODES))
_SYMBOLS = "".join(re.escape(s) for s in SYMBOLS_AFTER)
CURRENCY_AFTER = re.compile(
    rf"\s+(?P<word>{alternation(CURRENCY_WORDS)})\b"
    rf"|\s+(?P<shared>{alternation(SHARED_CURRENCY_WORDS)})\b"
    rf"|\s*(?-i:(?P<code>{_CODES}|{'|'.join(sorted(LOWER_CODES))}))\b"
    r"(?:\s+(?P<scale>million|billion|trillion|bn|mn)\b)?"
    rf"|\s(?-i:(?P<prefix>M|k)(?P<pcode>{'|'.join(sorted(PREFIXED_CODES))}))\b"
    rf"|\s?(?P<symbol>[{_SYMBOLS}])(?![\w{_SYMBOLS}])"
    r"|-(?P<hyphen>cents?|dollars?|euros?|yen|rupees?|penny|pence)\b",
    re.IGNORECASE,
)
_PREFIX = {"M": Decimal(10**6), "k": Decimal(1000)}
# Wire copy translated from other languages puts the word first: 'a loan of dollar 31.5 million'.
# Only before a scaled figure: 'the dollar 1.2% lower' is no sum.
WORD_BEFORE = re.compile(
    r"\b(?P<word>(?:US\s+|U\.S\.\s+)?dollars?|euros?|yen|yuan)\s+$", re.IGNORECASE
)
GLUED_CODE = re.compile(rf"(?:{_CODES})\b")
CODE_BEFORE = re.compile(rf"(?<![A-Za-z])(?:{_CODES})$")
_SCALES = {"million": 10**6, "mn": 10**6, "billion": 10**9, "bn": 10**9, "trillion": 10**12}
# 'pounds' is sterling after a scale word or where the sentence speaks of money; before 'of'
# ('200 million pounds of beef') it stays a weight.
_POUNDS = re.compile(r"\s+pounds?\b(?!\s+of\b)", re.IGNORECASE)
_PENCE_AFTER = re.compile(r"\s+and\s+\S+\s+(?:pence|p)\b", re.IGNORECASE)
_MONEY_TALK = re.compile(
    r"\b(?:profits?|revenues?|sales|turnover|loss|losses|costs?|price|fined?|worth|paid|pay|"
    r"salary|budget|debts?|deal|valued|spend|spent|investment|funding|bonus|fees?|earnings|"
    r"raised|bill|tax|taxes|compensation|damages)\b[^.;!?]{0,25}$",
    re.IGNORECASE,
)
_SMALL = alternation(w for w in UNITS if w not in ("a", "an", "zero"))
_WORDS_UNDER_100 = rf"(?:{alternation(TENS)})(?:[-\s](?:{_SMALL}))?|{_SMALL}"
_SUBUNIT_AFTER = re.compile(
    rf"(?:\s*,\s*|\s+)(?:and\s+)?(?P<n>\d{{1,2}}|{_WORDS_UNDER_100})\s+(?:cents|pence|p)\b",
    re.IGNORECASE,
)


def currency_after(
    text: str, end: int, value: dict[str, Any], scaled: bool, before: str
) -> tuple[str, dict[str, Any], int] | None:
    """(ISO code, value, characters taken) for the currency after text[:end], or None. `scaled`
    says a scale word was written ('200 million'); `before` is the text before the figure."""
    m = CURRENCY_AFTER.match(text, end)
    if m is None:
        pounds = _POUNDS.match(text, end)
        if pounds is None:
            return None
        if scaled or _MONEY_TALK.search(before) or _PENCE_AFTER.match(text, pounds.end()):
            return _with_subunit("GBP", value, text, pounds.end(), end)
        return None
    if m["shared"]:  # 'kroner': Danish or Norwegian, as the one country of the sentence says
        code = shared_currency(m["shared"], text, end)
        return code, value, (m.end() - end) if code else 0
    if m["code"]:
        factor = _SCALES.get((m["scale"] or "").lower(), 1)
        code = m["code"].upper()
        return CODE_ISO.get(code, code), times(value, Decimal(factor)), m.end() - end
    if m["pcode"]:
        return m["pcode"], times(value, _PREFIX[m["prefix"]]), m.end() - end
    if m["symbol"]:
        return SYMBOLS_AFTER[m["symbol"]], value, m.end() - end
    word = " ".join((m["word"] or m["hyphen"]).lower().split())
    currency = CURRENCY_WORDS.get(word) or CURRENCY_WORDS[word + "s"]
    if word in HUNDREDTHS or word + "s" in HUNDREDTHS:
        return currency, times(value, Decimal("0.01")), m.end() - end
    if m["word"]:
        return _with_subunit(currency, value, text, m.end(), end)
    return currency, value, m.end() - end


def _with_subunit(
    currency: str, value: dict[str, Any], text: str, at: int, end: int
) -> tuple[str, dict[str, Any], int]:
    """'4 dollars 20 cents', 'twelve dollars and thirty cents': one amount."""
    sub = _SUBUNIT_AFTER.match(text, at)
    cents = parse_number(sub["n"]) if sub else None
    if sub and cents is not None and cents < 100 and value["modifier"] is None:
        return currency, plus(value, cents / 100), sub.end() - end
    return currency, value, at - end


def word_before(before: str) -> tuple[str, int] | None:
    """(ISO code, characters taken) for a currency word just before a scaled figure."""
    m = WORD_BEFORE.search(before)
    if m is None:
        return None
    word = " ".join(m["word"].lower().split())
    return CURRENCY_WORDS.get(word) or CURRENCY_WORDS[word + "s"], len(before) - m.start()


def times(value: dict[str, Any], factor: Decimal) -> dict[str, Any]:
    return {**value, **{b: exact(value[b] * factor) for b in _BOUNDS if value[b] is not None}}


def plus(value: dict[str, Any], extra: Decimal) -> dict[str, Any]:
    return {**value, **{b: exact(value[b] + extra) for b in _BOUNDS if value[b] is not None}}


_BOUNDS = ("amount", "lower", "upper")

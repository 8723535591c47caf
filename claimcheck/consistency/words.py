"""Closed word lists the consistency rules read text with: number words, ordinals, weekdays,
months. Kept here as data so the rules stay short."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
CARDINALS: dict[str, int] = {w: i for i, w in enumerate(UNITS)}
CARDINALS.update({w: 20 + 10 * i for i, w in enumerate(TENS)})
CARDINALS["dozen"] = 12

ORDINALS: dict[str, int] = {
    w: i + 1
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
        "twentieth".split()
    )
}

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_ABBR = {w[:3]: i for i, w in enumerate(WEEKDAYS)} | {"tues": 1, "thur": 3, "thurs": 3}

MONTHS = (
    "january february march april may june july august september october november december"
).split()
MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}

_WORD_NUMBER = rf"(?:(?:{'|'.join(TENS)})(?:[-\s](?:{'|'.join(UNITS[1:10])}))?|{'|'.join(UNITS)})"
# digits with thousands separators, plain digits, or a number word up to ninety-nine. Digits never
# start inside another figure ('000 troops' of '1,000 troops'): a wrong value, and on a long run
# of ',000' groups every group would be a start to scan the rest from (quadratic).
NUMBER = rf"(?:(?<![\d,.])(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)|{_WORD_NUMBER})"
NUMBER_RE = re.compile(rf"\b{NUMBER}\b", re.IGNORECASE)


def parse_number(token: str) -> Decimal | None:
    """A number written in digits or words ("30", "1,200", "twenty-five"); None otherwise."""
    word = token.strip().lower()
    if word in CARDINALS:
        return Decimal(CARDINALS[word])
    parts = re.split(r"[-\s]+", word)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in CARDINALS:
        return Decimal(CARDINALS[parts[0]] + CARDINALS[parts[1]])
    try:
        return Decimal(word.replace(",", ""))
    except InvalidOperation:
        return None


def weekday_index(word: str) -> int | None:
    """0 for Monday ... 6 for Sunday, from a full or abbreviated name ("Wed.", "Thurs")."""
    word = word.lower().rstrip(".")
    if word in WEEKDAYS:
        return WEEKDAYS.index(word)
    return WEEKDAY_ABBR.get(word)


def month_index(word: str) -> int | None:
    word = word.lower().rstrip(".")
    if word in MONTHS:
        return MONTHS.index(word) + 1
    return MONTH_ABBR.get(word)


def singular(word: str) -> str:
    """A crude lemma for pairing counted nouns: "troops" and "troop" must meet, nothing more."""
    word = word.lower().strip(".,;:’'")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word

"""Written numbers → Decimal: digits with separators, scales ("2.5 million", "1.2bn"), number words
("twenty-five", "two dozen", "a hundred and twenty"). Each form is one named strategy; the order
they are tried in is data (STRATEGIES)."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

UNITS = {
    "zero": 0,
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Multipliers that follow a number; "dozen" and "score" multiply like the powers of ten do.
SCALES = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "lakh": 10**5,
    "crore": 10**7,
}
# Abbreviated scales glued to or just after digits: "1.2bn", "300m", "5k".
SHORT_SCALES = {
    "k": 10**3,
    "m": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "b": 10**9,
    "bn": 10**9,
    "tn": 10**12,
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "last": None,
}
# "tens of thousands": an open-ended plural scale, kept as bounds [10^k, 10^(k+1)).
PLURAL_SCALES = {
    "dozens": 12,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1000,
    "millions": 10**6,
    "billions": 10**9,
}

_DIGITS = re.compile(
    r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$|^\.\d+$"
    r"|^\d{1,2},(?:\d\d,)+\d{3}(?:\.\d+)?$"  # lakh and crore grouping: '23,45,678'
)
# A plain space separates thousands only where no one could mean two numbers: the groups run to a
# last one that starts with a zero ("100 000", "1 500 000"); "12 250" stays two numbers.
_SPACED_THOUSANDS = re.compile(
    "(?<=\\d)(?:[\u00a0\u202f\u2009]|[ ](?=(?:\\d{3} )*0\\d\\d(?!\\d)))(?=\\d{3}(?!\\d))"
)
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")
_WORD_SPLIT = re.compile(r"[\s-]+")


def parse_number(text: str) -> Decimal | None:
    """The value of a written number, or None when the text is not one."""
    grouped = _SPACED_THOUSANDS.sub("", text)
    cleaned = " ".join(_ZERO_WIDTH.sub(" ", grouped).split()).lower()
    for _name, strategy in STRATEGIES:
        value = strategy(cleaned)
        if value is not None:
            return value
    return None


def digits(text: str) -> Decimal | None:
    if not _DIGITS.match(text):
        return None
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def digits_with_scale(text: str) -> Decimal | None:
    match = re.fullmatch(r"([\d,.]+)\s*([a-z]+)", text)
    if not match:
        return None
    base = digits(match.group(1))
    factor = SCALES.get(match.group(2)) or SHORT_SCALES.get(match.group(2))
    if base is None or factor is None:
        return None
    return exact(base * factor)


def words(text: str) -> Decimal | None:
    parts = [p for p in _WORD_SPLIT.split(text) if p and p != "and"]
    if not parts or any(p not in UNITS and p not in TENS and p not in SCALES for p in parts):
        return None
    if parts[0] in SCALES:
        return None
    total, current = 0, 0
    for part in parts:
        if part in UNITS:
            current += UNITS[part]
        elif part in TENS:
            current += TENS[part]
        elif part in ("hundred", "dozen"):
            current = (current or 1) * SCALES[part]
        else:
            total += (current or 1) * SCALES[part]
            current = 0
    return Decimal(total + current)


def digits_then_words(text: str) -> Decimal | None:
    """'2.5 million', '1.2 billion', '3 dozen'."""
    head, _, tail = text.partition(" ")
    base = digits(head)
    if base is None or not tail:
        return None
    scale = words("one " + tail)
    return None if scale is None else exact(base * scale)


_PARTS = {"half": "0.5", "a half": "0.5", "a quarter": "0.25", "three quarters": "0.75"}
_PARTS |= {"a third": "1/3", "two thirds": "2/3"}


def part_of_scale(text: str) -> Decimal | None:
    """'half a million', 'a quarter million', 'a quarter of a million', 'two-thirds of a
    billion' are common in news copy."""
    match = re.fullmatch(
        r"(half|a half|a quarter|three[ -]quarters|a third|two[ -]thirds)(?: of)?(?: an?)? (\w+)",
        text,
    )
    if not match or match.group(2) not in SCALES:
        return None
    part = _PARTS[match.group(1).replace("-", " ")]
    numerator, _, denominator = part.partition("/")
    scale = Decimal(SCALES[match.group(2)]) * Decimal(numerator)
    # A third of a thousand or more is given to the unit: 'a third of a million' is 333,333.
    return (scale / Decimal(denominator)).quantize(Decimal(1)) if denominator else exact(scale)


def exact(value: Decimal) -> Decimal:
    return integral(value) if value == value.to_integral_value() else value.normalize()


def integral(value: Decimal) -> Decimal:
    """A whole number written without an exponent, when it has at most the context's 28 digits
    (quantize refuses more: '99999999999999999 trillion' stays 9.9999999999999999E+28)."""
    try:
        return value.quantize(Decimal(1))
    except InvalidOperation:
        return value.normalize()


STRATEGIES: tuple[tuple[str, Callable[[str], Decimal | None]], ...] = (
    ("digits", digits),
    ("digits_with_scale", digits_with_scale),
    ("digits_then_words", digits_then_words),
    ("words", words),
    ("part_of_scale", part_of_scale),
)


def parse_ordinal(text: str) -> int | None:
    """'second' → 2, '3rd' → 3."""
    lowered = text.lower()
    match = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", lowered)
    if match:
        return int(match.group(1))
    value = ORDINALS.get(lowered)
    return value

"""Durations tied to the document date by the word before them: 'over the past three months',
'in the last two years', 'the next six weeks', 'the coming two weeks' end or start at the
document date; 'its first 100 days' starts at the start of whatever it is the first days of.
The span holds the anchoring word, and the value says which end is fixed.

A bare 'last year' or 'next month' is a date (temporal.py finds it first); 'the past year',
'the past century' and 'the last decade' are spans of time, one unit long.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from claimcheck.extract.found import Found, overlaps
from claimcheck.extract.numeric import DIGITS, WORD_ATOM
from claimcheck.normalize import bounds, durations
from claimcheck.normalize.numbers import parse_number
from claimcheck.normalize.units import DURATION_ALIASES, alternation

# Which end of the span the document date fixes.
ANCHORS = {"past": "past", "last": "past", "next": "next", "coming": "next", "first": "first"}
_VAGUE = {"few": 3, "couple of": 2, "several": 3}
_UNIT = alternation(DURATION_ALIASES)
ANCHORED = re.compile(
    r"\b(?P<anchor>past|last|next|coming|first)\s+"
    rf"(?:(?P<n>{DIGITS}|{WORD_ATOM}|few|couple\s+of|several)\s+)?"
    # Quarters only with a figure, counted in months: 'the next two quarters' is P6M.
    # ('the first three quarters of the vote' is a share).
    rf"(?P<unit>{_UNIT}|(?<=\s)quarters(?!\s+of\b))\b(?![-\s]+(?:old|ago|earlier|later)\b)",
    re.IGNORECASE,
)
# With no figure, one unit: 'the past year', 'the last decade'; 'last week', 'next month' and
# 'first day' are days and dates, not spans.
# 'The last century' and 'the next century' are mostly the calendar's ('at the dawn of the last
# century'), and 'the last decade of the 20th century' a decade of another period.
_ONE_UNIT = {
    "past": ("week", "fortnight", "month", "year", "decade", "century"),
    "last": ("decade",),
    "next": ("decade",),
    "coming": ("decade",),
}
_OF_AFTER = re.compile(r"\s+of\b")


def scan_anchored(text: str, anchor: dt.date | None, taken: list[tuple[int, int]]) -> list[Found]:
    """Every anchored duration in `text` not overlapping `taken` (which grows)."""
    found: list[Found] = []
    if not any(w in text for w in ("past", "last", "next", "coming", "first")):
        return found
    for m in ANCHORED.finditer(text):
        if not m["n"] and _OF_AFTER.match(text, m.end()):
            continue
        value = _value(m, anchor)
        if value is None or overlaps(m.start(), m.end(), taken):
            continue
        taken.append((m.start(), m.end()))
        core = (m.start("n"), m.end("n")) if m["n"] else (m.start("unit"), m.end("unit"))
        found.append(Found("duration", m.start(), m.end(), value, core=core))
    return found


def _value(m: re.Match[str], anchor: dt.date | None) -> dict[str, Any] | None:
    which = ANCHORS[m["anchor"].lower()]
    unit = DURATION_ALIASES.get(m["unit"].lower(), "quarter")
    plural = m["unit"].lower() != unit and not m["unit"].lower().startswith(unit + " ")
    if unit == "quarter" and not m["n"]:
        return None  # 'the past quarter', 'last quarter': a period, not a span told in quarters
    written = " ".join((m["n"] or "").lower().split())
    if not written:
        if plural or unit not in _ONE_UNIT.get(m["anchor"].lower(), ()):
            return None
        figure = bounds.bounded(Decimal(1), None)
    elif written in _VAGUE:
        figure = {**bounds.bounded(Decimal(_VAGUE[written]), None), "approximate": True}
        figure["lower"] = figure["upper"] = None
        figure["modifier"] = written
    else:
        amount = parse_number(written)
        if amount is None or amount <= 0 or (amount != 1 and not plural):
            return None  # 'the first one day' or 'the past 3 day': not a span told this way
        figure = bounds.bounded(amount, None)
    value = durations.duration_value(figure, m["unit"])
    value["anchored"] = which
    if which == "past":
        value["ends"] = anchor.isoformat() if anchor else None
    elif which == "next":
        value["starts"] = anchor.isoformat() if anchor else None
    return value

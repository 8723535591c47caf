"""Durations without a figure: 'nearly an hour', 'for a year', 'a couple of years', 'a few
weeks', 'several months', 'a day-long summit', 'a yearlong inquiry'. A bare 'a day' is left
alone: 'twice a day' and '$5 an hour' are rates."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from claimcheck.extract.found import Found, overlaps
from claimcheck.normalize import bounds, durations
from claimcheck.normalize.units import DURATION_ALIASES, alternation

_UNIT = alternation([*DURATION_ALIASES, *durations.IN_OTHER_UNITS])
# How many a vague quantifier stands for: read as 'about' that many.
_VAGUE = {"a couple of": 2, "a few": 3, "several": 3}
LOOSE = re.compile(
    r"\b(?P<n>an?|a\s+couple\s+of|a\s+few|several)\s+"
    r"(?:(?:more|additional|extra|further|straight|consecutive|full)\s+)?"
    rf"(?P<unit>{_UNIT})\b(?![-\s]+(?:old|ago|earlier)\b)(?<!\bsecond)",
    re.IGNORECASE,
)
# A verb of lasting tells a span of time as well as 'for' does: 'it took a month'.
MODIFIER_BEFORE = re.compile(
    rf"\b(?P<mod>{bounds.MODIFIER_PATTERN}|for|within|took|takes|take|taking|lasted|lasts"
    r"|lasting|spent|spends|spend|served|waited)\s+$",  # not 'wait a minute'
    re.IGNORECASE,
)
LONG = re.compile(r"\b(?P<unit>hour|day|week|month|year|decade)-?long\b", re.IGNORECASE)


_UNIT_STEMS: tuple[str, ...] = ("second", "minute", "hour", "day", "week", "fortnight", "month")
_UNIT_STEMS += ("year", "decade", "centur", "quarter")


def scan_loose_durations(text: str, taken: list[tuple[int, int]]) -> list[Found]:
    """Every such duration in `text` not overlapping `taken` (which grows with what is found)."""
    found: list[Found] = []
    lowered = text.lower()
    if not any(w in lowered for w in _UNIT_STEMS):
        return found  # a cheap look first: no unit of time, no duration
    for m in LOOSE.finditer(text):
        item = _loose(m, MODIFIER_BEFORE.search(text, max(0, m.start() - 30), m.start()))
        if item is not None and not overlaps(item.start, item.end, taken):
            taken.append((item.start, item.end))
            found.append(item)
    for m in LONG.finditer(text):
        if not overlaps(m.start(), m.end(), taken):
            value = durations.duration_value(bounds.bounded(Decimal(1), None), m["unit"])
            taken.append((m.start(), m.end()))
            found.append(Found("duration", m.start(), m.end(), value, core=(m.start(), m.end())))
    return found


def _loose(m: re.Match[str], before: re.Match[str] | None) -> Found | None:
    quantifier = " ".join(m["n"].lower().split())
    written = " ".join(before["mod"].lower().split()) if before else None
    modifier = written if written in bounds.MODIFIERS else None
    plural = m["unit"].lower().endswith("s")
    if quantifier in ("a", "an"):
        if plural or written is None:
            return None  # 'twice a day', 'a day earlier': no span of time is claimed
        value: dict[str, Any] = bounds.bounded(Decimal(1), modifier)
    elif not plural:
        return None
    else:
        value = {
            "amount": Decimal(_VAGUE[quantifier]),
            "lower": None,
            "upper": None,
            "approximate": True,
            "modifier": quantifier,
        }
    start = before.start("mod") if before and modifier else m.start()
    value = durations.duration_value(value, m["unit"])
    return Found("duration", start, m.end(), value, core=(m.start("n"), m.end()))

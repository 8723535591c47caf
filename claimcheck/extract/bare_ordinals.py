"""Ordinals with no total: a place ('came third', 'finished second', 'ranked 88th', 'world
number three') or a position in a series ('her second husband', 'the fifth round').

'first' and 'last' are everywhere in news ('for the first time', 'last week'), so 'first' is
read only after a verb of placing. A capitalised ordinal heads a name ('the Second World War',
'Fifth Avenue'); centuries, quarters and halves are times, not ordinals; a hyphen makes an
adjective ('second-largest', '21st-century').
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from claimcheck.extract.found import Found, overlaps
from claimcheck.normalize.numbers import ORDINALS, UNITS, parse_number, parse_ordinal
from claimcheck.normalize.units import alternation

_WORDS = alternation(w for w in ORDINALS if w not in ("first", "last"))
_ALL_WORDS = alternation(w for w in ORDINALS if w != "last")
_DIGIT = r"\d{1,4}(?:st|nd|rd|th)"
PLACED = re.compile(
    r"\b(?:came|comes|come|coming|finished|finishes|finish|finishing|placed|places|place"
    r"|ranked|ranks|rank|ranking|rated|seeded)"
    r"(?:\s+(?:in|at|as|a|an|the|joint|equal|overall))*\s+"
    rf"(?-i:(?P<ord>{_ALL_WORDS}|{_DIGIT}))\b(?![-\w])(?!\s+(?:of|time|and|or|to)\b)",
    re.IGNORECASE,
)
BEFORE_NOUN = re.compile(
    r"\b(?:the|a|her|his|its|their|our|my|your|this|that|[A-Z][\w.]*['’]s)\s+"
    rf"(?:(?:straight|consecutive|successive)\s+)?(?P<ord>(?-i:{_WORDS}|{_DIGIT}))\s+"
    r"(?P<noun>[a-z][a-z]+)\b(?!-)"
)
WORLD_NUMBER = re.compile(
    rf"\bworld\s+(?:number|No\.)\s*(?P<n>\d{{1,4}}|{alternation(UNITS)})\b", re.IGNORECASE
)
_MONTH_BEFORE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\s+$"
)
# Nouns after which an ordinal is a time or a fixed phrase, not a claim of place or order.
_NOT_AFTER = frozenset(
    """century centuries millennium quarter quarters half halves hand person party parties world
    class rate degree cousin nature thought thoughts guessing opinion option wave generation
    amendment floor grade grades grader graders way largest biggest highest lowest smallest best
    worst of and or to in on
    at for by from with as than that which who""".split()
)


def scan_bare_ordinals(text: str, taken: list[tuple[int, int]]) -> list[Found]:
    """Every bare ordinal in `text` not overlapping `taken` (which grows)."""
    found: list[Found] = []
    for m in WORLD_NUMBER.finditer(text):
        amount = parse_number(m["n"])
        if amount is not None and not overlaps(m.start(), m.end(), taken):
            found.append(_found(m.start(), m.end(), amount, (m.start("n"), m.end("n"))))
            taken.append((m.start(), m.end()))
    for m in [*PLACED.finditer(text), *BEFORE_NOUN.finditer(text)]:
        if "noun" in m.re.groupindex and m["noun"] in _NOT_AFTER:
            continue
        if _MONTH_BEFORE.search(text, 0, m.start()):
            continue  # 'September the 11th': a date
        position = parse_ordinal(m["ord"])
        start, end = m.start("ord"), m.end("ord")
        if position is None or overlaps(start, end, taken):
            continue
        taken.append((start, end))
        found.append(_found(start, end, Decimal(position), (start, end)))
    return found


def _found(start: int, end: int, amount: Decimal, core: tuple[int, int]) -> Found:
    value: dict[str, Any] = {
        "amount": amount,
        "unit": None,
        "lower": amount,
        "upper": amount,
        "approximate": False,
        "modifier": None,
    }
    return Found("ordinal", start, end, value, core=core)

"""The period a figure belongs to ("in 2004", "the third quarter", "fiscal 2023", "last year",
"in December") and the base period of a change ("a year earlier", "the previous year"), found in
the figure's clause by ordered named patterns and resolved against the document date at the
precision the words give. Nothing is guessed: "full-year" without a year stays unresolved.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from claimcheck.model import Span

_MONTHS = (
    "january february march april may june july august september october november december".split()
)
_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4}
_QUARTERS |= {"4th": 4, "final": 4, "last": 4}
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_CLAUSE_BREAK = re.compile(r";|\s[—–]\s|,\s+(?:but|while|whereas|although)\s|\.\s")
BASE = re.compile(
    r"\b(?:a|one)\s+year\s+(?:earlier|ago|before)\b|\byear[- ]on[- ]year\b"
    r"|\b(?:the\s+)?(?:previous|prior|same)\s+(?:year|quarter|period|month)"
    r"(?:\s+(?:a\s+year\s+earlier|last\s+year))?\b"
    r"|\b(?:from|on|than|over)\s+last\s+year\b",
    re.IGNORECASE,
)
_REACH = 300
Resolver = Callable[[re.Match[str], dt.date | None], tuple[str | None, str]]


def _in_calendar(year: int | None) -> bool:
    """A year a period can name: 'last year' against --as-of 0001-01-01 names none."""
    return year is not None and dt.MINYEAR <= year <= dt.MAXYEAR


def _quarter(m: re.Match[str], anchor: dt.date | None) -> tuple[str | None, str]:
    number = _QUARTERS[m["q"].lower()] if not m["q"].isdigit() else int(m["q"])
    year = int(m["year"]) if m["year"] else None
    if year is None and anchor is not None:
        # The quarter most recently begun: "the third quarter" read in February is last year's.
        year = anchor.year if (number - 1) * 3 + 1 <= anchor.month else anchor.year - 1
    return (f"{year:04d}-Q{number}" if _in_calendar(year) else None), "quarter"


def _fiscal(m: re.Match[str], anchor: dt.date | None) -> tuple[str | None, str]:
    year = m["year"]
    return (year if len(year) == 4 else f"20{year}"), "fiscal year"


def _year(m: re.Match[str], anchor: dt.date | None) -> tuple[str | None, str]:
    return m["year"], "year"


def _month(m: re.Match[str], anchor: dt.date | None) -> tuple[str | None, str]:
    month = _MONTHS.index(m["month"].lower()) + 1
    year = int(m["year"]) if m["year"] else None
    if year is None and anchor is not None:
        year = anchor.year if month <= anchor.month else anchor.year - 1
    return (f"{year:04d}-{month:02d}" if _in_calendar(year) else None), "month"


def _relative_year(m: re.Match[str], anchor: dt.date | None) -> tuple[str | None, str]:
    if anchor is None:
        return None, "year"
    year = anchor.year + (-1 if m["which"].lower() == "last" else 0)
    return (f"{year:04d}" if _in_calendar(year) else None), "year"


def _full_year(m: re.Match[str], anchor: dt.date | None) -> tuple[str | None, str]:
    return None, "year"


PATTERNS: tuple[tuple[str, re.Pattern[str], Resolver], ...] = (
    (
        "quarter",
        re.compile(
            r"\b(?:the\s+)?(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+quarter"
            rf"(?:\s+(?:of\s+)?(?:fiscal\s+)?{_YEAR})?\b",
            re.IGNORECASE,
        ),
        _quarter,
    ),
    ("q", re.compile(rf"\bQ(?P<q>[1-4])(?:\s+{_YEAR})?\b"), _quarter),
    (
        "fiscal",
        re.compile(
            r"\b(?:(?:fiscal|financial)\s+(?:year\s+)?|FY\s?)(?P<year>(?:19|20)\d\d|\d\d)\b",
            re.IGNORECASE,
        ),
        _fiscal,
    ),
    (
        "month",
        re.compile(rf"\bin\s+(?P<month>{'|'.join(_MONTHS)})(?:\s+{_YEAR})?\b", re.IGNORECASE),
        _month,
    ),
    ("year", re.compile(rf"\b(?:in|for|during|over|of)\s+(?:calendar\s+)?{_YEAR}\b"), _year),
    ("relative", re.compile(r"\b(?P<which>last|this)\s+year\b", re.IGNORECASE), _relative_year),
    ("full_year", re.compile(r"\bfull[- ]year\b", re.IGNORECASE), _full_year),
)


def clause(sentence: str, at: int) -> tuple[int, int]:
    """The clause of `sentence` around offset `at`, as (start, end), looked for within _REACH
    characters: a sentence of thousands of figures must not be rescanned for each."""
    start, end = max(0, at - _REACH), min(len(sentence), at + _REACH)
    for match in _CLAUSE_BREAK.finditer(sentence, start, end):
        if match.end() <= at:
            start = match.end()
        elif match.start() > at:
            return start, match.start()
    return start, end


def period_in(
    sentence: str, offset: int, at: int, anchor: dt.date | None, avoid: tuple[int, int] = (0, 0)
) -> dict[str, Any] | None:
    """The period stated in the clause around `at` (an offset into `sentence`, which starts at
    document offset `offset`); words inside `avoid` (a base period) are not the period."""
    start, end = clause(sentence, at)
    for _name, pattern, resolve in PATTERNS:
        for m in pattern.finditer(sentence, start, end):
            if avoid[0] <= m.start() < avoid[1]:
                continue
            date, precision = resolve(m, anchor)
            return {
                "text": m.group(0),
                "span": Span(offset + m.start(), offset + m.end()),
                "date": date,
                "precision": precision,
                "resolved": date is not None,
            }
    return None


def base_in(sentence: str, offset: int, start: int, end: int) -> dict[str, Any] | None:
    """The base period of a change stated between `start` and `end` of `sentence`."""
    m = BASE.search(sentence, start, end)
    if m is None:
        return None
    return {"text": m.group(0), "span": Span(offset + m.start(), offset + m.end())}

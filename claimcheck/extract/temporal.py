"""Dates in text, absolute and relative, found by ordered named patterns (patterns are data)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from claimcheck.extract.found import Found, overlaps
from claimcheck.normalize import dates
from claimcheck.normalize.numbers import parse_number

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
FULL_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\b"
YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
NUMBER_WORDS = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|forty|fifty|a few|several)"
)
YEAR_CUES = (
    r"in|since|by|until|till|from|before|after|during|of|through|throughout|between|and|to|"
    r"early|late|mid|fiscal|year|summer|winter|spring|autumn|fall|around|circa|as of"
)
# After a date, the future: "will", "is scheduled", "is due to", "plans to".
_FUTURE = re.compile(
    r"\b(?:will|won['’]t|shall|scheduled|due to|set to|going to|plans? to|planned for|"
    r"expected to|to be held|upcoming|next)\b|['’]ll\b",
    re.IGNORECASE,
)
_TITLE_BEFORE = re.compile(r"\b[A-Z][\w.&'’-]*\s$")
_CLAUSE_START = re.compile(r"[,;:.!?()—–]|\band\b|\bbut\b|\bwhile\b|\bwhereas\b")

Builder = Callable[[re.Match[str], str, dt.date | None], dict[str, Any] | None]


def _full(m: re.Match[str], text: str, anchor: dt.date | None) -> dict[str, Any] | None:
    return dates.absolute(int(m["year"]), _month(m["month"]), int(m["day"]))


def _day_range(m: re.Match[str], text: str, anchor: dt.date | None) -> dict[str, Any] | None:
    """'April 1–3, 2025', '12–14 June 2023': the first day, with the last as `end`."""
    first, last = int(m["day"]), int(m["day2"])
    if not 1 <= first < last <= 31:
        return None
    month = _month(m["month"])
    if m["year"]:
        start, end = (
            dates.absolute(int(m["year"]), month, first),
            dates.absolute(int(m["year"]), month, last),
        )
    else:
        start, end = dates.month_day(month, first, anchor), dates.month_day(month, last, anchor)
    if start is None or end is None:
        return None
    return {**start, "end": end["date"]}


def _iso(m: re.Match[str], text: str, anchor: dt.date | None) -> dict[str, Any] | None:
    return dates.absolute(int(m["year"]), int(m["month"]), int(m["day"]))


def _month_year(m: re.Match[str], text: str, anchor: dt.date | None) -> dict[str, Any] | None:
    return dates.absolute(int(m["year"]), _month(m["month"]))


def _month_day(m: re.Match[str], text: str, anchor: dt.date | None) -> dict[str, Any] | None:
    day = int(m["day"])
    return dates.month_day(_month(m["month"]), day, anchor) if 1 <= day <= 31 else None


def _named_month(m: re.Match[str], text: str, anchor: dt.date | None) -> dict[str, Any] | None:
    which = (m["which"] or "in").lower()
    which = "last" if which == "last" else "next" if which == "next" else "this"
    return dates.named_month(_month(m["month"]), anchor, which)


def _weekday(m: re.Match[str], text: str, anchor: dt.date | None) -> dict[str, Any] | None:
    rel = (m["rel"] or "").lower()
    if rel.startswith("last") or rel == "this past":
        direction = "previous"
    elif rel.startswith("next") or rel == "this coming":
        direction = "next"
    else:
        direction = tense(text, m.start(), m.end())
    return dates.weekday(m["weekday"], anchor, direction)


def _day_word(m: re.Match[str], text: str, anchor: dt.date | None) -> dict[str, Any] | None:
    if m["word"][0].isupper() and _TITLE_BEFORE.search(text, 0, m.start()):
        return None  # 'USA Today', 'Türkiye Today': a name
    steps = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m["word"].lower()]
    return dates.shifted("day", steps, anchor)


def _this_next_last(m: re.Match[str], text: str, anchor: dt.date | None) -> dict[str, Any] | None:
    steps = {"last": -1, "this": 0, "next": 1}[m["which"].lower()]
    return dates.shifted(m["unit"].lower(), steps, anchor)


def _ago(m: re.Match[str], text: str, anchor: dt.date | None) -> dict[str, Any] | None:
    count = parse_number(m["n"])
    if count is None or count != count.to_integral_value():
        return None
    unit = m["unit"].lower().rstrip("s")
    return dates.shifted(unit, -int(count), anchor)


def _year(m: re.Match[str], text: str, anchor: dt.date | None) -> dict[str, Any] | None:
    return dates.absolute(int(m["year"]))


def _month(name: str) -> int:
    return dates.MONTHS[name.rstrip(".").lower()]


# (name, pattern, builder, flags): tried in this order; an earlier match wins the text it covers.
PATTERNS: tuple[tuple[str, str, Builder, int], ...] = (
    ("iso_date", r"\b(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)\b", _iso, 0),
    (
        "month_day_range",
        rf"\b(?P<month>{MONTH})\s+{DAY}\s*(?:[-–—]|\bto\b|\bthrough\b)\s*{DAY2}"
        rf"(?:,?\s+{YEAR}\b|(?![,.]?\d|:))",
        _day_range,
        0,
    ),
    (
        "day_range_month",
        rf"\b{DAY}\s*(?:[-–—]|\bto\b)\s*{DAY2}\s+(?:of\s+)?(?P<month>{MONTH})(?:,?\s+{YEAR}\b)?",
        _day_range,
        0,
    ),
    ("month_day_year", rf"\b(?P<month>{MONTH})\s+{DAY},?\s+{YEAR}\b", _full, 0),
    ("day_month_year", rf"\b{DAY}(?:\s+of)?\s+(?P<month>{MONTH}),?\s+{YEAR}\b", _full, 0),
    ("month_year", rf"\b(?P<month>{MONTH})(?:\s+of)?,?\s+{YEAR}\b", _month_year, 0),
    ("month_day", rf"\b(?P<month>{MONTH})\s+{DAY}\b(?![,.]?\d|:)", _month_day, 0),
    ("day_month", rf"\b{DAY}\s+(?:of\s+)?(?P<month>{MONTH})\b", _month_day, 0),
    (
        "named_month",
        rf"\b(?:(?P<which>last|next|this|[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ee]arly|[Ll]ate|mid-)\s*)"
        rf"(?P<month>{FULL_MONTH})\b",
        _named_month,
        0,
    ),
    (
        "weekday",
        rf"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his past|[Tt]his coming|[Tt]his)\s+)?"
        rf"(?P<weekday>{WEEKDAY})\b(?!s\b)",
        _weekday,
        0,
    ),
    ("day_word", r"\b(?P<word>today|tonight|yesterday|tomorrow)\b", _day_word, re.IGNORECASE),
    (
        "this_next_last",
        r"\b(?P<which>last|this|next)\s+(?P<unit>year|month)\b(?![-\s]+old)",
        _this_next_last,
        re.IGNORECASE,
    ),
    (
        "ago",
        rf"\b(?P<n>{NUMBER_WORDS})\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b",
        _ago,
        re.IGNORECASE,
    ),
    (
        "year",
        rf"(?:(?<![\w$£€¥.,-])(?P<cue>{YEAR_CUES})[\s-]+|(?<![\w$£€¥.,:/-])){YEAR}"
        rf"(?![\w%/:]|[.,]\d|\s*(?:per\s?cent|percent))",
        _year,
        re.IGNORECASE,
    ),
)
COMPILED = tuple((name, re.compile(p, flags), build) for name, p, build, flags in PATTERNS)
# A date that heads a name is part of the name: the movement, bridge or square it names.
_NAMES_AFTER = re.compile(
    r"\s+(?:Movement|Party|Brigade|Front|Revolution|Bridge|Street|Square|Stadium|Avenue|Group"
    r"|Coalition|Alliance|Uprising|Declaration|Accords?|Agreement)\b"
)


def scan_dates(text: str, anchor: dt.date | None, taken: list[tuple[int, int]]) -> list[Found]:
    """Every date in `text` not overlapping `taken` (which grows with what is found)."""
    found: list[Found] = []
    for name, regex, build in COMPILED:
        for m in regex.finditer(text):
            start, end = _claim_span(name, m)
            if overlaps(start, end, taken):
                continue
            if _NAMES_AFTER.match(text, end):
                taken.append((start, end))  # 'the March 23 Movement', 'the 6th October Bridge'
                continue
            value = build(m, text, anchor)
            if value is None:
                taken.append((m.start(), m.end()))  # 'February 30, 2022': no date, no year either
                continue
            needs = "year" if name == "year" and not m["cue"] else None
            taken.append((start, end))
            found.append(Found("date", start, end, value, needs=needs, core=(start, end)))
    return found


def _claim_span(name: str, m: re.Match[str]) -> tuple[int, int]:
    """The claim is the date itself: 'in 2014' → '2014', 'on Monday' → 'Monday'."""
    if name == "year":
        return m.start("year"), m.end("year")
    if name == "named_month" and (m["which"] or "").lower() not in ("last", "next", "this"):
        return m.start("month"), m.end("month")
    return m.start(), m.end()


def tense(text: str, start: int, end: int) -> str:
    """'future' when the date's clause speaks of what will happen, else 'past' (news reports
    mostly what has happened; 'today' counts as past)."""
    before = text[max(0, start - 160) : start]
    cuts = list(_CLAUSE_START.finditer(before))
    clause_before = before[cuts[-1].end() :] if cuts else before
    after = text[end : end + 100]
    cut = _CLAUSE_START.search(after)
    clause_after = after[: cut.start()] if cut else after
    if _FUTURE.search(clause_before) or _FUTURE.search(clause_after):
        return "future"
    return "past"

"""Dates, absolute and relative, → ISO at their precision.

Relative dates ("on Monday", "last March", "three years ago") resolve against an anchor the
caller passes in (the document date); with no anchor they stay unresolved. Nothing here reads
the clock.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
MONTHS["sept"] = 9
WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}


def absolute(year: int, month: int | None = None, day: int | None = None) -> dict[str, Any] | None:
    """A written date with its own year; None when it is not a real calendar date."""
    try:
        if day is not None and month is not None:
            return _value(dt.date(year, month, day).isoformat(), "day", relative=False)
        if month is not None:
            dt.date(year, month, 1)
            return _value(f"{year:04d}-{month:02d}", "month", relative=False)
        dt.date(year, 1, 1)
        return _value(f"{year:04d}", "year", relative=False)
    except ValueError:
        return None


def unresolved(precision: str) -> dict[str, Any]:
    return {
        "date": None,
        "precision": precision,
        "relative": True,
        "anchor": None,
        "resolved": False,
    }


def _value(date: str, precision: str, *, relative: bool, anchor: dt.date | None = None) -> dict:
    out: dict[str, Any] = {"date": date, "precision": precision, "relative": relative}
    if relative:
        out["anchor"] = anchor.isoformat() if anchor else None
        out["resolved"] = True
    return out


def weekday(name: str, anchor: dt.date | None, direction: str) -> dict[str, Any]:
    """The named weekday nearest the anchor: 'past' → on or before it, 'future' → on or after
    it, 'previous' → before it, 'next' → after it, 'nearest' → within three days either side."""
    if anchor is None:
        return unresolved("day")
    diff = WEEKDAYS[name.lower()] - anchor.weekday()
    if direction == "past":
        diff = diff - 7 if diff > 0 else diff
    elif direction == "future":
        diff = diff + 7 if diff < 0 else diff
    elif direction == "previous":  # 'last Wednesday' said on a Wednesday was a week ago
        diff = diff - 7 if diff >= 0 else diff
    elif direction == "next":  # 'next Wednesday' said on a Wednesday is a week away
        diff = diff + 7 if diff <= 0 else diff
    elif diff > 3:
        diff -= 7
    elif diff < -3:
        diff += 7
    return _day(anchor, diff)


def month_day(month: int, day: int, anchor: dt.date | None) -> dict[str, Any] | None:
    """'January 12' without a year: the anchor's year."""
    try:
        dt.date(2000, month, day)  # a leap year: is this a day of this month at all?
        if anchor is None:
            return unresolved("day")
        date = dt.date(anchor.year, month, day)
    except ValueError:
        return None
    return _value(date.isoformat(), "day", relative=True, anchor=anchor)


def named_month(month: int, anchor: dt.date | None, which: str) -> dict[str, Any]:
    """'last March' (the latest March before the anchor's month), 'next March', 'in March' and
    'this March' (the anchor's year)."""
    if anchor is None:
        return unresolved("month")
    year = anchor.year
    if which == "last" and month >= anchor.month:
        year -= 1
    elif which == "next" and month <= anchor.month:
        year += 1
    return _value(f"{year:04d}-{month:02d}", "month", relative=True, anchor=anchor)


def shifted(unit: str, steps: int, anchor: dt.date | None) -> dict[str, Any]:
    """today/yesterday/tomorrow, last/next/this year or month, 'three years ago'."""
    precision = {"day": "day", "week": "day", "month": "month", "year": "year"}[unit]
    if anchor is None:
        return unresolved(precision)
    if unit in ("day", "week"):
        return _day(anchor, steps * (7 if unit == "week" else 1))
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + steps
        if not dt.MINYEAR <= index // 12 <= dt.MAXYEAR:
            return unresolved("month")
        return _value(
            f"{index // 12:04d}-{index % 12 + 1:02d}", "month", relative=True, anchor=anchor
        )
    if not dt.MINYEAR <= anchor.year + steps <= dt.MAXYEAR:
        return unresolved("year")
    return _value(f"{anchor.year + steps:04d}", "year", relative=True, anchor=anchor)


def _day(anchor: dt.date, days: int) -> dict[str, Any]:
    """The day `days` from the anchor; one outside years 1 to 9999 ('750000 days ago', or a day
    after --as-of 9999-12-31) is unresolved, never a crash."""
    try:
        day = anchor + dt.timedelta(days=days)
    except OverflowError:
        return unresolved("day")
    return _value(day.isoformat(), "day", relative=True, anchor=anchor)

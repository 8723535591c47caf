"""Dates, absolute and relative, → ISO at their precision.

Relative dates ("on Monday", "last March", "three years ago") resolve against an anchor the
caller passes in (the document date); with no anchor they stay unresolved. Nothing here reads
the clock.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
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


def month_day(
    month: int, day: int, anchor: dt.date | None, direction: str = "nearest"
) -> dict[str, Any] | None:
    """'January 12' without a year: the year the tense points to (see `closest`)."""
    try:
        dt.date(2000, month, day)  # a leap year: is this a day of this month at all?
    except ValueError:
        return None
    if anchor is None:
        return unresolved("day")
    return on_day(_candidates(anchor, lambda year: dt.date(year, month, day)), anchor, direction)


def on_day(candidates: list[dt.date], anchor: dt.date, direction: str) -> dict[str, Any] | None:
    """The candidate day the direction picks, as a resolved relative date. A day within a
    week of the anchor is that one whatever the tense: a document's date is often a few days
    off the events it reports, and a tense read from word forms is weaker evidence."""
    near = [d for d in candidates if abs((d - anchor).days) <= SLACK_DAYS]
    date = near[0] if near else closest(candidates, anchor, direction)
    if date is None:
        return None
    return _value(date.isoformat(), "day", relative=True, anchor=anchor)


SLACK_DAYS = 7


def _candidates(anchor: dt.date, day_in: Callable[[int], dt.date]) -> list[dt.date]:
    """The day in the anchor's year and the years either side (where it exists: 29 February)."""
    out = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            out.append(day_in(year))
        except ValueError:
            continue
    return out


def closest(dates: list[dt.date], anchor: dt.date, direction: str) -> dt.date | None:
    """'past': the latest on or before the anchor; 'future': the first on or after it;
    'nearest' (no tense to go by): the nearest, the earlier on a tie (news reports the past)."""
    if direction == "past":
        dates = [d for d in dates if d <= anchor]
        return max(dates) if dates else None
    if direction == "future":
        dates = [d for d in dates if d >= anchor]
        return min(dates) if dates else None
    return min(dates, key=lambda d: (abs((d - anchor).days), d)) if dates else None


def named_month(month: int, anchor: dt.date | None, which: str) -> dict[str, Any]:
    """'last March' (the latest March before the anchor's month), 'next March', 'this March'
    (the anchor's year); 'in March' as the tense points ('past', 'future', 'nearest': the
    anchor's own month counts as either, and a tie goes to the past)."""
    if anchor is None:
        return unresolved("month")
    year = anchor.year
    if (which == "last" and month >= anchor.month) or (which == "past" and month > anchor.month):
        year -= 1
    elif (which == "next" and month <= anchor.month) or (
        which == "future" and month < anchor.month
    ):
        year += 1
    elif which == "nearest" and abs(month - anchor.month) > 6:
        year += 1 if month < anchor.month else -1
    elif which == "nearest" and month - anchor.month == 6:
        year -= 1
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return unresolved("month")
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


def _last_weekday(year: int, month: int, weekday: int) -> dt.date:
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


# Holidays a newsroom dates by name → their day in a given year (US ones where only the US has
# them: Election Day is the Tuesday after the first Monday of November, Thanksgiving the fourth
# Thursday).
HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas": lambda y: dt.date(y, 12, 25),
    "boxing day": lambda y: dt.date(y, 12, 26),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "new year's day": lambda y: dt.date(y, 1, 1),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "halloween": lambda y: dt.date(y, 10, 31),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _last_weekday(y, 5, 0),
    "the fourth of july": lambda y: dt.date(y, 7, 4),
    "veterans day": lambda y: dt.date(y, 11, 11),
    "bastille day": lambda y: dt.date(y, 7, 14),
    "st. patrick's day": lambda y: dt.date(y, 3, 17),
    "st patrick's day": lambda y: dt.date(y, 3, 17),
    "martin luther king day": lambda y: _nth_weekday(y, 1, 0, 3),
    "presidents' day": lambda y: _nth_weekday(y, 2, 0, 3),
    "presidents day": lambda y: _nth_weekday(y, 2, 0, 3),
    "columbus day": lambda y: _nth_weekday(y, 10, 0, 2),
}


def holiday(
    name: str, anchor: dt.date | None, direction: str, year: int | None = None
) -> dict[str, Any] | None:
    """'Christmas Eve', 'Election Day 2020': its day in the year written, else the year the tense
    points to."""
    day_in = HOLIDAYS[" ".join(name.lower().replace("’", "'").split())]
    if year is not None:
        return _value(day_in(year).isoformat(), "day", relative=False)
    if anchor is None:
        return unresolved("day")
    return on_day(_candidates(anchor, day_in), anchor, direction)


def year_end(anchor: dt.date | None, direction: str) -> dict[str, Any]:
    """'by year-end', 'the end of the year': December of the anchor's year, or of the year before
    when told as past (in any month but December)."""
    if anchor is None:
        return unresolved("month")
    year = anchor.year - 1 if direction == "past" and anchor.month < 12 else anchor.year
    if year < dt.MINYEAR:
        return unresolved("month")
    return _value(f"{year:04d}-12", "month", relative=True, anchor=anchor)


def weekday_date(
    weekday_name: str, month: int, day: int, anchor: dt.date | None, direction: str
) -> dict[str, Any] | None:
    """'Friday, June 5' without a year: of the years around the anchor, one where that day is a
    Friday; where none is, the writer's weekday is wrong and
    the month-day alone decides."""
    if anchor is None:
        return month_day(month, day, anchor, direction)
    wanted = WEEKDAYS[weekday_name.lower()]
    # Three years in a row never share a weekday for a date: at most one candidate fits.
    days = [
        d for d in _candidates(anchor, lambda y: dt.date(y, month, day)) if d.weekday() == wanted
    ]
    return on_day(days, anchor, "nearest") if days else month_day(month, day, anchor, direction)


def _day(anchor: dt.date, days: int) -> dict[str, Any]:
    """The day `days` from the anchor; one outside years 1 to 9999 ('750000 days ago', or a day
    after --as-of 9999-12-31) is unresolved, never a crash."""
    try:
        day = anchor + dt.timedelta(days=days)
    except OverflowError:
        return unresolved("day")
    return _value(day.isoformat(), "day", relative=True, anchor=anchor)

"""Which statements hold on the as-of date.

Order matters: first keep the statements valid at the date (start/end/point in time), then apply
rank among those. Ranking first would be wrong: real data has preferred statements that have
already ended (a city's former mayor), and the latest point-in-time value is usually preferred
even when the article predates it. Deprecated statements are never used at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.model import Snak, Statement, TimeValue

FINE_PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True)
class Selection:
    """Statements chosen for a date; `reason` is None when some were found, else a code."""

    statements: tuple[Statement, ...]
    reason: str | None = None  # property_not_in_source, no_statement_at_date, date_too_coarse


def bounds(value: TimeValue) -> tuple[dt.date, dt.date] | None:
    """The first and last day a time value can mean at its precision (None when coarser than a
    year or not a Gregorian CE date we can represent)."""
    iso = value.iso.lstrip("+")
    if iso.startswith("-") or value.precision not in FINE_PRECISIONS:
        return None
    parts = [int(p) for p in iso.split("T")[0].split("-") if p]
    year = parts[0]
    if year < 1 or year > 9999:
        return None
    month = parts[1] if len(parts) > 1 and parts[1] else 1
    day = parts[2] if len(parts) > 2 and parts[2] else 1
    if value.precision == "year":
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if value.precision == "month":
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        return dt.date(year, month, 1), dt.date(year, month, last)
    return dt.date(year, month, day), dt.date(year, month, day)


def _qualifier_time(statement: Statement, name: str) -> Snak | None:
    snaks = statement.qualifiers.get(name, ())
    return snaks[0] if snaks else None


def validity(statement: Statement, as_of: dt.date) -> bool | None:
    """True / False when the start and end qualifiers settle it; None when the as-of date falls
    inside the imprecision of a boundary (a start recorded only as "2021" on 2021-06-01), or the
    statement ended at an unknown time (somevalue end)."""
    start = _qualifier_time(statement, "start_time")
    end = _qualifier_time(statement, "end_time")
    verdicts = [_after_start(start, as_of), _before_end(end, as_of)]
    if False in verdicts:
        return False
    return None if None in verdicts else True


def ended_before(statement: Statement, as_of: dt.date) -> bool:
    """The statement's end time lies wholly before `as_of` (not: it starts after it)."""
    end = _qualifier_time(statement, "end_time")
    return end is not None and _before_end(end, as_of) is False


def _after_start(start: Snak | None, as_of: dt.date) -> bool | None:
    if start is None or start.kind == "novalue":
        return True
    span = bounds(start.value) if isinstance(start.value, TimeValue) else None
    if span is None:
        return None
    if as_of < span[0]:
        return False
    return True if as_of >= span[1] else None


def _before_end(end: Snak | None, as_of: dt.date) -> bool | None:
    # A novalue end time is Wikidata's way of saying "still current". The end date itself is
    # counted as the last day the statement holds.
    if end is None or end.kind == "novalue":
        return True
    span = bounds(end.value) if isinstance(end.value, TimeValue) else None
    if span is None:
        return None
    if as_of > span[1]:
        return False
    return True if as_of <= span[0] else None


def point_in_time(statement: Statement) -> TimeValue | None:
    snak = _qualifier_time(statement, "point_in_time")
    if snak is not None and isinstance(snak.value, TimeValue):
        return snak.value
    return None


def usable(statements: Sequence[Statement]) -> list[Statement]:
    """Statements that may serve as evidence at all: not deprecated, with a real value."""
    return [s for s in statements if s.rank != "deprecated" and s.mainsnak.kind == "value"]


def best_rank(statements: Sequence[Statement]) -> tuple[Statement, ...]:
    preferred = tuple(s for s in statements if s.rank == "preferred")
    return preferred or tuple(statements)


def select(statements: Sequence[Statement], as_of: dt.date | None) -> Selection:
    """The statements that hold on `as_of`: for a point-in-time series the latest point not after
    the date; otherwise those whose start/end bracket it; undated statements when nothing dated
    applies. `as_of=None` asks for the latest the source knows."""
    candidates = usable(statements)
    if not candidates:
        return Selection((), "property_not_in_source")
    series = [s for s in candidates if point_in_time(s) is not None]
    if series:
        chosen = _latest_point(series, as_of)
        if chosen:
            return Selection(best_rank(chosen))
    ranged = [s for s in candidates if point_in_time(s) is None]
    if as_of is None:
        current = [s for s in ranged if _open_ended(s)]
        return Selection(best_rank(current or ranged)) if (current or ranged) else _none(series)
    valid = [(s, validity(s, as_of)) for s in ranged]
    sure = [s for s, v in valid if v is True]
    if sure:
        return Selection(best_rank(sure))
    if any(v is None for _, v in valid):
        return Selection((), "date_too_coarse")
    return Selection((), "no_statement_at_date")


def _none(series: list[Statement]) -> Selection:
    return Selection((), "no_statement_at_date")


def _open_ended(statement: Statement) -> bool:
    end = _qualifier_time(statement, "end_time")
    return end is None or end.kind == "novalue"


def _latest_point(series: list[Statement], as_of: dt.date | None) -> tuple[Statement, ...]:
    """The statements at the latest point in time not after `as_of`. A point only known to the
    year counts from its first day: "2020" may be used on 2020-06-01 (the figure published for
    that year is what an article of that year would quote)."""
    dated: list[tuple[dt.date, Statement]] = []
    for statement in series:
        span = bounds(point_in_time(statement))  # type: ignore[arg-type]
        if span is not None and (as_of is None or span[0] <= as_of):
            dated.append((span[0], statement))
    if not dated:
        return ()
    latest = max(day for day, _ in dated)
    return tuple(s for day, s in dated if day == latest)

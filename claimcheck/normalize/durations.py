"""Durations → ISO 8601 and seconds."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from claimcheck.normalize.numbers import integral
from claimcheck.normalize.units import DURATION_ALIASES, DURATION_ISO_FACTOR, DURATION_UNITS


def iso_duration(amount: Decimal, unit: str) -> str:
    """'PT7H', 'P3D', 'P2W', 'P1.5Y'; a decade is P10Y, a fortnight P14D."""
    designator, in_time, _ = DURATION_UNITS[unit]
    value = amount * DURATION_ISO_FACTOR.get(unit, 1)
    text = format(value.normalize(), "f") if value != value.to_integral_value() else str(int(value))
    return f"PT{text}{designator}" if in_time else f"P{text}{designator}"


def seconds(amount: Decimal, unit: str) -> Decimal:
    exact = amount * DURATION_UNITS[unit][2]
    return integral(exact) if exact == exact.to_integral_value() else exact


# Designators in the order ISO 8601 writes them; weeks, fortnights, decades and centuries are
# folded into days and years when parts are combined.
_DATE_PART = (("year", "Y"), ("month", "M"), ("day", "D"))
_TIME_PART = (("hour", "H"), ("minute", "M"), ("second", "S"))
_FOLD = {
    "week": ("day", 7),
    "fortnight": ("day", 14),
    "decade": ("year", 10),
    "century": ("year", 100),
}


def compound(parts: list[tuple[Decimal, str]]) -> dict[str, object]:
    """'two years and eight months' → amount 32, unit month, iso P2Y8M: the amount is counted in
    the smallest unit named, so amount × unit is always the whole duration."""
    totals: dict[str, Decimal] = {}
    for amount, unit in parts:
        base, factor = _FOLD.get(unit, (unit, 1))
        totals[base] = totals.get(base, Decimal(0)) + amount * factor
    smallest = min(totals, key=lambda u: DURATION_UNITS[u][2])
    total_seconds = sum((seconds(a, u) for u, a in totals.items()), Decimal(0))
    amount = total_seconds / DURATION_UNITS[smallest][2]
    return {
        "amount": _plain(amount),
        "unit": smallest,
        "iso": _iso(totals),
        "seconds": _plain(total_seconds),
    }


def _iso(totals: dict[str, Decimal]) -> str:
    date = "".join(f"{_text(totals[u])}{d}" for u, d in _DATE_PART if u in totals)
    time = "".join(f"{_text(totals[u])}{d}" for u, d in _TIME_PART if u in totals)
    return f"P{date}" + (f"T{time}" if time else "")


def _text(value: Decimal) -> str:
    return str(int(value)) if value == value.to_integral_value() else format(value.normalize(), "f")


def _plain(value: Decimal) -> Decimal:
    return integral(value) if value == value.to_integral_value() else value.normalize()


# Written units counted in another: a quarter is three months ("the next two quarters": P6M).
IN_OTHER_UNITS = {"quarter": ("month", 3), "quarters": ("month", 3)}


def duration_value(value: dict[str, Any], written: str) -> dict[str, Any]:
    """A figure's value as a duration in the unit written ('hours', 'quarters'): canonical unit,
    `iso` and `seconds`, bounds carried into the unit the amount is counted in."""
    key = " ".join(written.lower().split())
    unit, factor = IN_OTHER_UNITS.get(key, (DURATION_ALIASES.get(key, key), 1))
    value = {
        **value,
        **{b: value[b] * factor for b in ("amount", "lower", "upper") if value[b] is not None},
    }
    return {
        **value,
        "unit": unit,
        "iso": iso_duration(value["amount"], unit),
        "seconds": seconds(value["amount"], unit),
    }

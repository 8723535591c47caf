"""Durations → ISO 8601 and seconds."""

from __future__ import annotations

from decimal import Decimal

from .units import DURATION_ISO_FACTOR, DURATION_UNITS


def iso_duration(amount: Decimal, unit: str) -> str:
    """'PT7H', 'P3D', 'P2W', 'P1.5Y'; a decade is P10Y, a fortnight P14D."""
    designator, in_time, _ = DURATION_UNITS[unit]
    value = amount * DURATION_ISO_FACTOR.get(unit, 1)
    text = format(value.normalize(), "f") if value != value.to_integral_value() else str(int(value))
    return f"PT{text}{designator}" if in_time else f"P{text}{designator}"


def seconds(amount: Decimal, unit: str) -> Decimal:
    exact = amount * DURATION_UNITS[unit][2]
    return exact.quantize(Decimal(1)) if exact == exact.to_integral_value() else exact

"""Unit names → (dimension, factor to the dimension's base unit), for the units news quotes.

Both the article's unit (as the extractor wrote it: "km", "square miles", "USD") and the source's
semantic unit name ("kilometre", "square kilometre") go through the same alias table, so a
comparison converts only when both ends are known and of the same dimension.
"""

from __future__ import annotations

from decimal import Decimal

_UNITS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    # name: (dimension, factor to base, aliases)
    "metre": ("length", "1", ("m", "meter", "meters", "metres")),
    "kilometre": ("length", "1000", ("km", "kilometer", "kilometers", "kilometres", "kms")),
    "mile": ("length", "1609.344", ("mi", "miles")),
    "foot": ("length", "0.3048", ("ft", "feet")),
    "square metre": (
        "area",
        "1",
        ("m2", "m²", "sq m", "square meter", "square meters", "square metres"),
    ),
    "square kilometre": (
        "area",
        "1000000",
        ("km2", "km²", "sq km", "square kilometer", "square kilometers", "square kilometres"),
    ),
    "square mile": ("area", "2589988.110336", ("sq mi", "mi2", "mi²", "square miles")),
    "hectare": ("area", "10000", ("ha", "hectares")),
    "kilogram": ("mass", "1", ("kg", "kilograms", "kilogrammes", "kilos")),
    "tonne": ("mass", "1000", ("t", "tonnes", "metric ton", "metric tons")),
    "pound": ("mass", "0.45359237", ("lb", "lbs", "pounds")),
    "second": ("time", "1", ("s", "seconds", "sec", "secs")),
    "minute": ("time", "60", ("min", "minutes", "mins")),
    "hour": ("time", "3600", ("h", "hours", "hr", "hrs")),
    "day": ("time", "86400", ("days",)),
    "year": ("time", "31556952", ("years", "yr", "yrs", "annum")),
    "percent": ("ratio", "1", ("%", "per cent", "percentage")),
}
_ALIASES: dict[str, str] = {}
for _name, (_dim, _factor, _aliases) in _UNITS.items():
    for _alias in (_name, *_aliases):
        _ALIASES[_alias.lower()] = _name


def canonical(unit: str | None) -> str | None:
    """The unit's canonical name, None for an unknown unit or none at all."""
    if not unit:
        return None
    return _ALIASES.get(unit.strip().lower())


def is_currency(unit: str | None) -> bool:
    return bool(unit) and len(unit or "") == 3 and (unit or "").isupper()


def convert(amount: Decimal, from_unit: str, to_unit: str) -> Decimal | None:
    """`amount` in `from_unit` expressed in `to_unit`; None when either is unknown or they
    measure different things. Currencies convert only to themselves (no exchange rates)."""
    if from_unit == to_unit:
        return amount
    a, b = canonical(from_unit), canonical(to_unit)
    if a is None or b is None or _UNITS[a][0] != _UNITS[b][0]:
        return None
    return amount * Decimal(_UNITS[a][1]) / Decimal(_UNITS[b][1])

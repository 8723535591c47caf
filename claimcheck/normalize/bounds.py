"""Modifiers ("more than", "up to", "roughly") → bounds and approximation, as data.

A bare figure is exact: lower = upper = amount. "more than N" is open above, "up to N" open
below, "about N" has no bounds but is approximate, "between A and B" / "A-B" sets both.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

# modifier → (sets lower, sets upper, approximate). Longest phrases are matched first.
MODIFIERS: dict[str, tuple[bool, bool, bool]] = {
    "more than": (True, False, False),
    "over": (True, False, False),
    "above": (True, False, False),
    "in excess of": (True, False, False),
    "upwards of": (True, False, False),
    "exceeding": (True, False, False),
    "greater than": (True, False, False),
    "well over": (True, False, False),
    "just over": (True, False, True),
    "longer than": (True, False, False),
    "higher than": (True, False, False),
    "at least": (True, False, False),
    "no fewer than": (True, False, False),
    "no less than": (True, False, False),
    "a minimum of": (True, False, False),
    "up to": (False, True, False),
    "as many as": (False, True, False),
    "as much as": (False, True, False),
    "at most": (False, True, False),
    "no more than": (False, True, False),
    "a maximum of": (False, True, False),
    "fewer than": (False, True, False),
    "less than": (False, True, False),
    "under": (False, True, False),
    "below": (False, True, False),
    "just under": (False, True, True),
    "nearly": (False, True, True),
    "barely": (False, True, True),
    "almost": (False, True, True),
    "close to": (False, False, True),
    "about": (False, False, True),
    "around": (False, False, True),
    "roughly": (False, False, True),
    "approximately": (False, False, True),
    "some": (False, False, True),
    "an estimated": (False, False, True),
    "estimated": (False, False, True),
    "circa": (False, False, True),
    "approx.": (False, False, True),
    "almost exactly": (False, False, False),
    "exactly": (False, False, False),
}
MODIFIER_PATTERN = "|".join(
    sorted((m.replace(".", r"\.").replace(" ", r"\s+") for m in MODIFIERS), key=len, reverse=True)
)


def bounded(amount: Decimal, modifier: str | None) -> dict[str, Any]:
    """amount, lower, upper, approximate and modifier for one figure and its modifier."""
    key = " ".join(modifier.lower().split()) if modifier else None
    if key is None or key not in MODIFIERS:
        return {
            "amount": amount,
            "lower": amount,
            "upper": amount,
            "approximate": False,
            "modifier": None,
        }
    sets_lower, sets_upper, approximate = MODIFIERS[key]
    exact = not (sets_lower or sets_upper or approximate)
    return {
        "amount": amount,
        "lower": amount if sets_lower or exact else None,
        "upper": amount if sets_upper or exact else None,
        "approximate": approximate,
        "modifier": key,
    }


def ranged(lower: Decimal, upper: Decimal, modifier: str) -> dict[str, Any]:
    """'between 5,000 and 10,000' (modifier 'between'), '5-10%' (modifier 'range')."""
    return {
        "amount": lower,
        "lower": lower,
        "upper": upper,
        "approximate": False,
        "modifier": modifier,
    }


def plural_scale(low: Decimal, phrase: str) -> dict[str, Any]:
    """'thousands of' → [1,000, 10,000]; 'tens of thousands' → [10,000, 100,000]: an order of
    magnitude, so approximate."""
    return {
        "amount": low,
        "lower": low,
        "upper": low * 10,
        "approximate": True,
        "modifier": " ".join(phrase.lower().split()),
    }

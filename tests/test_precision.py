"""How precisely a figure is written (normalize.precision), the one answer both the consistency
rules and verification round by."""

from __future__ import annotations

from decimal import Decimal

import pytest

from claimcheck.normalize.precision import written

CASES = [
    # text, kind, place value of the last written digit, scaled?
    ("44 million", "count", "1000000", True),
    ("$2.5bn", "money", "100000000", True),
    ("$2.5b", "money", "100000000", True),
    ("2.5-billion", "money", "100000000", True),
    ("€300m", "money", "1000000", True),
    ("5k runners", "count", "1000", True),
    ("1.2 lakh", "count", "10000", True),
    ("2.5 million tonnes", "quantity", "100000", True),
    ("3.25%", "percent", "0.01", False),
    ("100,000", "count", "1", False),
    ("a 5 m wall", "quantity", "1", False),  # metres, not millions
    ("a 3 k run", "quantity", "1", False),
    ("5 km", "quantity", "1", False),
]


@pytest.mark.parametrize("text,kind,place,scaled", CASES, ids=[c[0] for c in CASES])
def test_last_written_digit(text, kind, place, scaled):
    form = written(text, kind)
    assert form is not None
    assert form.last_place == Decimal(place)
    assert (form.scale is not None) is scaled


def test_no_digits_no_precision():
    assert written("thirty members", "count") is None

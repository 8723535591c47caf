"""What a figure in an article commits to (numeric.reading) and which statements hold on a date
(timeselect.select): the documented semantics, row by row."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from fakes import day, qty, st

from claimcheck.model import TimeValue
from claimcheck.verify.numeric import compare, reading
from claimcheck.verify.timeselect import select

D = Decimal

READINGS = [
    # text, value, inside, outside (a count unless the value names its kind)
    ("30", {"amount": 30}, ["30"], ["29", "31", "30.5"]),
    ("44 million", {"amount": 44000000}, ["43500000", "44500000"], ["43499999", "44500001"]),
    (
        "2.5 billion",
        {"amount": 2500000000},
        ["2450000000", "2549999999"],
        ["2400000000", "2560000000"],
    ),
    ("100,000", {"amount": 100000}, ["100000"], ["100001", "99999"]),
    ("more than 100,000", {"amount": 100000, "modifier": "more than"}, ["100001"], ["100000"]),
    ("at least 100,000", {"amount": 100000, "modifier": "at least"}, ["100000"], ["99999"]),
    ("fewer than 30", {"amount": 30, "modifier": "fewer than"}, ["29"], ["30"]),
    ("up to 30", {"amount": 30, "modifier": "up to"}, ["30", "1"], ["31"]),
    (
        "about 100",
        {"amount": 100, "approximate": True, "modifier": "about"},
        ["90", "110"],
        ["89", "111"],
    ),
    ("roughly 100", {"amount": 100, "modifier": "roughly"}, ["95"], ["120"]),
    ("nearly 100", {"amount": 100, "modifier": "nearly"}, ["90", "100"], ["89", "101"]),
    (
        "between 5,000 and 10,000",
        {"amount": 5000, "lower": 5000, "upper": 10000},
        ["7000"],
        ["4999", "10001"],
    ),
    ("$2.5b", {"amount": 2500000000, "kind": "money"}, ["2549999999"], ["2560000000"]),
    ("£300m", {"amount": 300000000, "kind": "money"}, ["300400000"], ["301000000"]),
    (
        "2.5 million tonnes",
        {"amount": 2500000, "kind": "quantity"},
        ["2450000", "2549999"],
        ["2440000", "2560000"],
    ),
    ("a 5 m wall", {"amount": 5, "kind": "quantity"}, ["5"], ["5.4", "4.6"]),
    ("3 k run", {"amount": 3, "kind": "quantity"}, ["3"], ["3.4"]),
]


@pytest.mark.parametrize("text,value,inside,outside", READINGS, ids=[r[0] for r in READINGS])
def test_reading(text, value, inside, outside):
    r = reading(value, text, value.get("kind", "count"))
    assert all(r.contains(D(x)) for x in inside)
    assert not any(r.contains(D(x)) for x in outside)


@pytest.mark.parametrize(
    "text,amount,source,expected",
    [
        ("30", 30, "31", "minor_mismatch"),  # within 5%
        ("30", 30, "32", "mismatch"),
        ("44 million", 44000000, "45000000", "minor_mismatch"),
        ("44 million", 44000000, "50000000", "mismatch"),
    ],
)
def test_minor_mismatch_versus_contradiction(text, amount, source, expected):
    assert (
        compare(reading({"amount": amount}, text, "count"), D(source), reference=D(amount))
        == expected
    )


def test_source_bounds_overlapping_the_claim_match():
    assert (
        compare(reading({"amount": 259}, "259", "count"), D("258.82"), D("258"), D("260"))
        == "match"
    )


def values(selection):
    return [s.mainsnak.value.amount for s in selection.statements]


ON = dt.date(2022, 1, 12)


def test_time_filter_before_rank():
    """A preferred statement that has ended (real: Hong Kong's head of government) loses to the
    normal one valid on the date."""
    old = st("x", qty("1"), "preferred", start_time=day("2012-07-01"), end_time=day("2017-06-30"))
    new = st("x", qty("2"), "normal", start_time=day("2017-07-01"))
    assert values(select([old, new], ON)) == [D(2)]


def test_preferred_wins_among_valid():
    a = st("x", qty("1"), "preferred")
    b = st("x", qty("2"))
    assert values(select([a, b], ON)) == [D(1)]


def test_novalue_end_means_still_current_and_somevalue_is_unknown():
    assert values(
        select([st("x", qty("1"), start_time=day("2009-01-20"), end_time="novalue")], ON)
    ) == [D(1)]
    unknown = select([st("x", qty("1"), start_time=day("2009-01-20"), end_time="somevalue")], ON)
    assert (unknown.statements, unknown.reason) == ((), "date_too_coarse")


def test_end_day_itself_still_holds():
    s = st("x", qty("1"), start_time=day("2014-10-01"), end_time=day("2024-10-01"))
    assert values(select([s], dt.date(2024, 10, 1))) == [D(1)]
    assert select([s], dt.date(2024, 10, 2)).reason == "no_statement_at_date"


def test_month_precision_start_inside_the_month_is_too_coarse():
    s = st("x", qty("1"), start_time=TimeValue("2021-11", "month"))
    assert select([s], dt.date(2021, 11, 15)).reason == "date_too_coarse"
    assert values(select([s], dt.date(2021, 12, 1))) == [D(1)]
    assert select([s], dt.date(2021, 10, 31)).reason == "no_statement_at_date"


def test_latest_point_in_time_not_after_the_date_and_latest_overall():
    series = [st("x", qty(str(n)), point_in_time=day(f"20{n}-01-01")) for n in (10, 15, 20)]
    assert values(select(series, dt.date(2019, 6, 1))) == [D(15)]
    assert values(select(series, None)) == [D(20)]


def test_deprecated_never_used_even_alone():
    assert select([st("x", qty("1"), "deprecated")], ON).reason == "property_not_in_source"

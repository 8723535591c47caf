"""The normalizer case table (tests/data/normalize_cases.txt): each line a phrase, the claim it
must (or must not) yield, and the value keys that claim must carry. No spaCy needed: this is the
regex pass and the normalizers behind it."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from conftest import DATA

from claimcheck.extract.scan import scan
from claimcheck.model import jsonable
from claimcheck.normalize import dates, durations
from claimcheck.normalize.numbers import parse_number

ANCHOR = dt.date(2022, 1, 12)


def _cases() -> list:
    out = []
    for number, line in enumerate(
        (DATA / "normalize_cases.txt").read_text("utf-8").splitlines(), 1
    ):
        if not line.strip() or line.startswith("#"):
            continue
        phrase, kind, text, value, *rest = (part.strip() for part in line.split(" | "))
        marks = [pytest.mark.xfail(reason=rest[0], strict=True)] if rest else []
        out.append(
            pytest.param(
                phrase, kind, text, json.loads(value), id=f"L{number}:{phrase}", marks=marks
            )
        )
    return out


CASES = _cases()


def test_the_table_is_big_enough():
    assert len(CASES) >= 150


@pytest.mark.parametrize(("phrase", "kind", "text", "value"), CASES)
def test_case(phrase, kind, text, value):
    found = scan(phrase, ANCHOR)
    if kind == "-":
        assert [(f.kind, phrase[f.start : f.end]) for f in found] == []
        return
    hits = [f for f in found if f.kind == kind and phrase[f.start : f.end] == text]
    assert hits, [(f.kind, phrase[f.start : f.end]) for f in found]
    got = jsonable(hits[0].value)
    assert {k: got.get(k) for k in value} == value


def test_relative_dates_without_an_anchor_stay_unresolved():
    (found,) = scan("They met on Monday.", None)
    assert found.value == {
        "date": None,
        "precision": "day",
        "relative": True,
        "anchor": None,
        "resolved": False,
    }


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("1,000", "1000"),
        ("2.5 million", "2500000"),
        ("1.2bn", "1200000000"),
        ("twenty-one", "21"),
        ("a dozen", "12"),
        ("seven hundred thousand", "700000"),
        ("forty two", "42"),
        ("banana", None),
        ("", None),
        ("1,00", None),
    ],
)
def test_parse_number_is_exact(written, expected):
    parsed = parse_number(written)
    assert parsed == (Decimal(expected) if expected else None)
    assert parsed is None or isinstance(parsed, Decimal)


def test_durations_keep_exact_decimal_seconds():
    assert durations.seconds(Decimal("1.5"), "hour") == Decimal(5400)
    assert durations.iso_duration(Decimal("0.5"), "day") == "P0.5D"
    assert durations.iso_duration(Decimal(2), "decade") == "P20Y"


def test_weekday_resolution_directions():
    assert dates.weekday("Friday", ANCHOR, "past")["date"] == "2022-01-07"
    assert dates.weekday("Friday", ANCHOR, "future")["date"] == "2022-01-14"
    assert dates.weekday("Friday", ANCHOR, "nearest")["date"] == "2022-01-14"


@pytest.mark.parametrize(
    "phrase",
    [
        "two years and eight months",
        "1 hour 30 minutes",
        "5-10%",
        "€300m",
        "last March",
        "the second of three",
        "tens of thousands of people",
        "1.5 hours",
    ],
)
def test_values_validate_against_the_schema(phrase):
    from claimcheck.extract.claims import make_claim
    from claimcheck.model import Document, Span
    from claimcheck.render.schema import errors

    document = Document(id="d", text=phrase)
    (found,) = scan(phrase, ANCHOR)
    claim = make_claim(
        document, found.kind, Span(found.start, found.end), phrase, found.value, found.fields
    )
    record = claim.to_dict()
    if found.kind == "count":
        record["counted"] = "people"
    assert errors(record, "claim") == []


@pytest.mark.parametrize(
    "phrase",
    [
        "On Friday, Dec. 3: the markets fell",
        "Tuesday, January 11",
        "on Monday, 10 January, the talks began",
        "Friday, June 5, 2020",
    ],
)
def test_a_weekday_beside_its_date_is_one_claim(phrase):
    assert [f.kind for f in scan(phrase, ANCHOR)] == ["date"]


@pytest.mark.parametrize("anchor", [dt.date(1, 1, 1), dt.date(9999, 12, 31)])
@pytest.mark.parametrize(
    "phrase",
    ["in November prices fell", "by the end of the year, sales had fallen", "on Christmas Eve"],
)
def test_dates_at_the_ends_of_the_calendar_stay_in_it(anchor, phrase):
    (found,) = scan(phrase, anchor)
    date = found.value["date"]
    assert date is None or 1 <= int(date[:4]) <= 9999

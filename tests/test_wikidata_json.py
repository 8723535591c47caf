"""Wikidata data shapes (fault matrix C) parsed from real documents into the interface's types."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from claimcheck.sources.wikidata_json import (
    julian_to_gregorian,
    parse_entity,
    parse_snak,
    pick_text,
    quantity,
    time_value,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "wikidata"


def cassette_entity(name: str, entity_id: str, index: int = 0) -> dict:
    cassette = yaml.safe_load((ROOT / "cassettes" / name).read_text(encoding="utf-8"))
    body = json.loads(cassette["interactions"][index]["response"]["body"]["string"])
    return body["entities"][entity_id]


@pytest.fixture(scope="module")
def putin() -> dict:
    return cassette_entity("wbgetentities-putin-Q7747.yaml", "Q7747")


@pytest.fixture(scope="module")
def hong_kong() -> dict:
    return cassette_entity("wbgetentities-hong-kong-Q8646.yaml", "Q8646")


@pytest.fixture(scope="module")
def bielefeld() -> dict:
    return json.loads(
        (DATA / "wikibase-sdk_Q2112-bielefeld-entity.json").read_text(encoding="utf-8")
    )


def test_deprecated_statements_keep_their_rank(putin):
    held = parse_entity(putin).statements["position_held"]
    deprecated = [s for s in held if s.rank == "deprecated"]
    assert [s.mainsnak.value.id for s in deprecated] == ["Q2350808"]
    assert any(s.rank == "preferred" for s in held)


def test_deprecated_instance_of_does_not_give_a_type(bielefeld):
    assert parse_entity(bielefeld).types == frozenset({"city"})  # Q1964689 (deprecated) ignored


def test_preferred_and_normal_values_separated_by_point_in_time(hong_kong):
    population = parse_entity(hong_kong).statements["population"]
    preferred = [s for s in population if s.rank == "preferred"]
    assert len(population) == 13 and len(preferred) == 1
    assert preferred[0].mainsnak.value.amount == Decimal("7409800")
    when = {s.qualifiers["point_in_time"][0].value.iso: s.mainsnak.value.amount for s in population}
    assert when["2011"] == Decimal("7071576") and when["1996"] == Decimal("6412937")


def test_preferred_head_of_government_that_has_ended(hong_kong):
    heads = parse_entity(hong_kong).statements["head_of_government"]
    preferred = next(s for s in heads if s.rank == "preferred")
    assert preferred.qualifiers["end_time"][0].value.iso == "2017-06-30"


def test_novalue_main_snak(hong_kong):
    (capital,) = parse_entity(hong_kong).statements["capital"]
    assert capital.mainsnak.kind == "novalue" and capital.mainsnak.value is None


def test_somevalue_qualifier(putin):
    raw = next(
        q
        for s in putin["claims"]["P4293"]
        for qs in s.get("qualifiers", {}).values()
        for q in qs
        if q["snaktype"] == "somevalue"
    )
    snak = parse_snak("x", raw)
    assert snak.kind == "somevalue" and snak.value is None


def test_references_are_counted(hong_kong):
    population = parse_entity(hong_kong).statements["population"]
    assert any(s.references > 0 for s in population)


def test_quantity_with_unit_item_and_bounds(bielefeld):
    areas = parse_entity(bielefeld).statements["area"]
    q = next(a.mainsnak.value for a in areas if a.mainsnak.value.lower is not None)
    assert (q.amount, q.lower, q.upper) == (Decimal("258.82"), Decimal("258.81"), Decimal("258.83"))
    assert q.unit == "square kilometre" and q.unit_id == "Q712226"


def test_dimensionless_quantity_without_bounds(hong_kong):
    q = parse_entity(hong_kong).statements["population"][0].mainsnak.value
    assert q.unit is None and q.unit_id is None and q.lower is None and q.upper is None


def test_unknown_unit_keeps_its_id_without_a_name():
    q = quantity({"amount": "+3", "unit": "http://www.wikidata.org/entity/Q123456789"})
    assert q.unit is None and q.unit_id == "Q123456789" and q.amount == Decimal(3)


@pytest.mark.parametrize(
    "raw,iso,precision",
    [
        ("+1930-00-00T00:00:00Z", "1930", "year"),
        ("+2017-06-00T00:00:00Z", "2017-06", "month"),
        ("+2017-06-30T00:00:00Z", "2017-06-30", "day"),
        ("+00000002014-01-01T00:00:00Z", "2014-01-01", "day"),
        ("-0044-03-15T00:00:00Z", "-0044", "year"),
    ],
)
def test_time_precision(raw, iso, precision):
    code = {"year": 9, "month": 10, "day": 11}[precision]
    value = time_value(
        {"time": raw, "precision": code, "calendarmodel": "http://www.wikidata.org/entity/Q1985727"}
    )
    assert (value.iso, value.precision) == (iso, precision)


def test_julian_day_is_converted_to_gregorian(putin):
    raw = next(s["mainsnak"] for s in putin["claims"]["P1636"])
    value = time_value(raw["datavalue"]["value"])
    assert value.calendar == "julian" and value.iso == "1952-11-21"  # 8 Nov Julian + 13 days


def test_julian_year_precision_stays_a_year(bielefeld):
    raw = bielefeld["claims"]["P1249"][0]["mainsnak"]["datavalue"]["value"]
    assert time_value(raw).iso == "1214" and time_value(raw).calendar == "julian"


@pytest.mark.parametrize(
    "julian,gregorian",
    [
        ((1582, 10, 5), (1582, 10, 15)),
        ((1918, 1, 31), (1918, 2, 13)),
        ((1700, 2, 29), (1700, 3, 11)),
    ],
)
def test_julian_to_gregorian(julian, gregorian):
    assert julian_to_gregorian(*julian) == gregorian


def test_label_falls_back_to_mul_then_is_none():
    assert (
        pick_text({"de": {"value": "Stadt"}, "mul": {"language": "mul", "value": "Berlin"}})
        == "Berlin"
    )
    assert pick_text({"en": {"value": "Berlin"}, "mul": {"value": "X"}}) == "Berlin"
    assert pick_text({"de": {"value": "Stadt"}}) is None


def test_entity_without_english_label_has_no_label():
    doc = json.loads(
        (DATA / "wikibase-sdk_Q2112-bielefeld-entity.json").read_text(encoding="utf-8")
    )
    doc = {
        **doc,
        "labels": {
            k: v for k, v in doc["labels"].items() if k not in ("en", "mul", "en-gb", "en-ca")
        },
    }
    assert parse_entity(doc).label is None


def test_missing_stub():
    entity = parse_entity({"id": "Q6", "missing": ""})
    assert entity.missing and entity.statements == {}

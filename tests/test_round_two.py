"""Issue 26 beyond the case table: the core span of a claim beside its whole span, anchored
durations and bare ordinals in records that validate against the schema, and what must not
become a duration or a currency guess."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.extract import extract_claims
from claimcheck.extract.scan import scan
from claimcheck.model import Document
from claimcheck.render.schema import errors

ANCHOR = dt.date(2022, 1, 12)
TEXT = (
    "Russia sent more than 100,000 troops over the past three months, officials said late "
    "Sunday night. It cost about $2.5 billion, an estimated 20,000 people fled, and she came "
    "third in the final."
)


@pytest.fixture(scope="module")
def claims(nlp):
    document = Document(id="d", text=TEXT, date=ANCHOR)
    ((_, found),) = list(extract_claims([document], nlp, hooks=None))
    return {c.text: c for c in found}


def _core(claim) -> str | None:
    core = claim.to_dict().get("core")
    return None if core is None else TEXT[core["start"] : core["end"]]


@pytest.mark.parametrize(
    ("whole", "core"),
    [
        ("more than 100,000", "100,000"),
        ("about $2.5 billion", "2.5 billion"),
        ("an estimated 20,000", "20,000"),
        ("past three months", "three"),
        ("late Sunday night", "Sunday"),
    ],
)
def test_a_claim_carries_its_whole_span_and_the_figure_alone(claims, whole, core):
    assert _core(claims[whole]) == core


def test_a_bare_figure_has_no_core_field(claims):
    assert "core" not in claims["third"].to_dict()


def test_round_two_records_validate_against_the_schema(claims):
    for claim in claims.values():
        record = claim.to_dict()
        assert errors(record, "claim") == [], record


def test_an_anchored_duration_ends_at_the_document_date(claims):
    value = claims["past three months"].value
    assert (value["anchored"], value["ends"], value["iso"]) == ("past", "2022-01-12", "P3M")


def test_a_bare_ordinal_has_no_total(claims):
    record = claims["third"].to_dict()
    assert record["kind"] == "ordinal" and "total" not in record
    assert record["value"]["amount"] == 3


def test_without_a_document_date_an_anchored_duration_has_no_end():
    (found,) = scan("over the past three months", None)
    assert found.value["anchored"] == "past" and found.value["ends"] is None


@pytest.mark.parametrize(
    "phrase", ["a 6-month-old baby", "the 6-month-old girl", "a two-year-old colt"]
)
def test_an_age_is_no_duration(phrase):
    assert [f for f in scan(phrase, ANCHOR) if f.kind == "duration"] == []


@pytest.mark.parametrize("phrase", ["40 kroner", "3 million dinars", "500 pesos", "20 riyals"])
def test_a_currency_name_several_countries_share_is_no_guess(phrase):
    """Neither money in a guessed currency nor a count of kroner."""
    assert scan(phrase, ANCHOR) == []


@pytest.mark.parametrize(
    "phrase",
    ["the 100m sprint", "the 400m hurdles final", "he paid over $5 million", "for the first time"],
)
def test_what_round_two_must_leave_alone(phrase):
    found = scan(phrase, ANCHOR)
    assert all(f.kind not in ("count", "ordinal") or f.value["amount"] < 10**6 for f in found)
    if phrase == "he paid over $5 million":
        assert found[0].value["modifier"] == "over"  # 'over' after 'paid' is still 'more than'
    if phrase == "for the first time":
        assert found == []

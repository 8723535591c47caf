"""Nationality (P27 valid at the article's date) and birthplace (P19 and the places it lies in),
on real Wikidata items from the example snapshot: Vladimir Putin, a Soviet citizen until 1991 and
a Russian one from 1991; Ted Cruz, born at the Foothills Medical Centre (in Alberta, Canada).
The city chains of the last tests are written by hand (no captured response holds one)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcheck.extract import extract_claims
from claimcheck.model import Document
from claimcheck.sources.snapshot import SnapshotSource
from claimcheck.verify.facts import Facts, Resolution
from claimcheck.verify.origins import verify_nationality
from claimcheck.verify.stage import verify_claims
from tests.test_link import _item_statement, doc

SNAPSHOT = Path(__file__).resolve().parent.parent / "examples" / "wikidata-snapshot.jsonl"


@pytest.fixture(scope="module")
def source() -> SnapshotSource:
    return SnapshotSource.load(SNAPSHOT)


def claims_of(nlp, text: str, date: dt.date, kinds=("nationality", "birthplace")):
    _, claims = next(extract_claims([Document(id="t", text=text, date=date)], nlp))
    return [c for c in claims if c.kind in kinds]


def check(nlp, source, text: str, date: dt.date):
    (claim,) = claims_of(nlp, text, date)
    (checked,) = verify_claims([claim], source, date)
    return checked.verification


@pytest.mark.parametrize(
    "text,kind,person,place",
    [
        ("Soviet citizen Vladimir Putin joined the KGB.", "nationality", "Vladimir Putin",
         "Soviet Union"),
        ("American rapper Kendrick Lamar performed.", "nationality", "Kendrick Lamar",
         "United States"),
        ("The Irish striker Robbie Keane scored.", "nationality", "Robbie Keane", "Ireland"),
        ("The Danish politician Henning Christophersen was remembered.", "nationality",
         "Henning Christophersen", "Denmark"),
        ("The Canadian-born Ted Cruz spoke.", "birthplace", "Ted Cruz", "Canada"),
        ("Calgary-born Ted Cruz spoke.", "birthplace", "Ted Cruz", "Calgary"),
        ("Ted Cruz, who was born in Calgary, spoke.", "birthplace", "Ted Cruz", "Calgary"),
    ],
)  # fmt: skip
def test_phrasings(nlp, text, kind, person, place):
    (claim,) = claims_of(nlp, text, dt.date(2022, 3, 1))
    assert claim.kind == kind
    assert claim.fields["person"]["text"] == person
    assert claim.fields["place"]["canonical"] == place


def test_a_demonym_before_a_political_title_is_the_offices_country(nlp):
    assert claims_of(nlp, "Russian President Vladimir Putin spoke.", dt.date(2022, 3, 1)) == []


@pytest.mark.parametrize(
    "demonym,date,verdict,reason",
    [
        ("Soviet", dt.date(1985, 6, 1), "supported", "match"),
        ("Soviet", dt.date(2022, 1, 12), "contradicted", "not_held_at_date"),
        ("Russian", dt.date(2022, 1, 12), "supported", "match"),
        ("Russian", dt.date(1985, 6, 1), "contradicted", "not_held_at_date"),
        ("Soviet", dt.date(1991, 6, 1), "not_checked", "date_too_coarse"),  # both end/start 1991
    ],
)
def test_citizenship_that_changed(nlp, source, demonym, date, verdict, reason):
    """Checked on the president's item itself: before 1999 his father (a Soviet, then Russian
    citizen too) was alive, and the linker rightly will not choose between them."""
    (claim,) = claims_of(nlp, f"{demonym} citizen Vladimir Putin joined the talks.", date)
    entities = source.entities(["Q7747", "Q15180", "Q159"])
    country = entities["Q15180" if demonym == "Soviet" else "Q159"]
    facts = Facts(
        {
            (claim.id, "person"): Resolution("Vladimir Putin", entities["Q7747"]),
            (claim.id, "place"): Resolution(country.label or "", country),
        },
        dict(entities),
    )
    result = verify_nationality(claim, facts, date)
    assert (result.verdict, result.reason) == (verdict, reason), result.explanation
    if verdict != "not_checked":
        assert {e.source_property for e in result.evidence} == {"P27"}
    if verdict == "contradicted":
        assert result.correction == ("Russia" if demonym == "Soviet" else "Soviet Union")


@pytest.mark.parametrize("date", [dt.date(1985, 6, 1), dt.date(1991, 6, 1)])
def test_while_his_namesake_father_lived_the_link_abstains(nlp, source, date):
    result = check(nlp, source, "Soviet citizen Vladimir Putin joined the talks.", date)
    assert (result.verdict, result.reason) == ("not_checked", "ambiguous_link")


def test_after_the_fathers_death_the_president_is_checked(nlp, source):
    result = check(
        nlp, source, "Soviet citizen Vladimir Putin joined the talks.", dt.date(2022, 1, 12)
    )
    assert (result.verdict, result.reason) == ("contradicted", "not_held_at_date")


def test_a_country_never_held_is_a_mismatch(nlp, source):
    result = check(
        nlp, source, "Canadian citizen Vladimir Putin joined the talks.", dt.date(2022, 1, 1)
    )
    assert (result.verdict, result.reason) == ("contradicted", "mismatch")


def test_a_country_missing_from_the_source_is_no_entity_link(nlp, source):
    text = "The Danish politician Henning Christophersen was remembered."
    assert check(nlp, source, text, dt.date(2022, 3, 1)).reason == "no_entity_link"


@pytest.mark.parametrize(
    "demonym,verdict", [("Canadian", "supported"), ("American", "contradicted")]
)
def test_a_birthplace_country_through_the_hospitals_country(nlp, source, demonym, verdict):
    result = check(nlp, source, f"The {demonym}-born Ted Cruz spoke.", dt.date(2016, 3, 1))
    assert result.verdict == verdict, result.explanation
    assert result.evidence[0].source_property == "P19"


# Hand-written: a hospital in a city in a province in a country, and a city elsewhere.
HUMAN, COUNTRY, CITY = "Q5", "Q6256", "Q515"


def _world():
    def placed(qid, label, types, located=(), country=None):
        d = doc(qid, label, types=types)
        if located:
            d["claims"]["P131"] = [_item_statement("P131", x) for x in located]
        if country:
            d["claims"]["P17"] = [_item_statement("P17", country)]
        return d

    person = doc("Q900", "Alex Example", types=[HUMAN])
    person["claims"]["P19"] = [_item_statement("P19", "Q901")]
    return SnapshotSource(
        [
            person,
            placed("Q901", "Example General Hospital", [], ["Q902"], "Q904"),
            placed("Q902", "Exampleton", [CITY], ["Q903"], "Q904"),
            placed("Q903", "Exampleshire", [], [], "Q904"),
            placed("Q904", "Iceland", [COUNTRY]),
            placed("Q905", "Othertown", [CITY], [], "Q906"),
            placed("Q906", "Norway", [COUNTRY]),
            placed("Q907", "Neighbourton", [CITY], ["Q903"], "Q904"),
        ]
    )


@pytest.mark.parametrize(
    "place,verdict",
    [
        ("Exampleton", "supported"),  # the city the hospital is in
        ("Exampleshire", "supported"),  # further up the chain
        ("Othertown", "contradicted"),  # a city in another country
        ("Neighbourton", "not_checked"),  # same country, not in the chain: not judged
    ],
)
def test_a_birthplace_city_against_the_located_in_chain(nlp, place, verdict):
    date = dt.date(2022, 3, 1)
    (claim,) = claims_of(nlp, f"Alex Example, who was born in {place}, spoke.", date)
    (checked,) = verify_claims([claim], _world(), date)
    assert checked.verification.verdict == verdict, checked.verification.explanation


def test_a_birthplace_city_with_its_country_named(nlp):
    """ "born in Exampleton, Iceland": the city and the country, each against the chain."""
    date = dt.date(2022, 3, 1)
    text = "Alex Example, who was born in Exampleton, Iceland, spoke."
    claims = claims_of(nlp, text, date)
    assert [c.fields["place"]["text"] for c in claims] == ["Exampleton", "Iceland"]
    checked = verify_claims(claims, _world(), date)
    assert [c.verification.verdict for c in checked] == ["supported", "supported"]
    wrong = claims_of(nlp, "Alex Example, who was born in Othertown, Norway, spoke.", date)
    assert [c.verification.verdict for c in verify_claims(wrong, _world(), date)] == [
        "contradicted",
        "contradicted",
    ]

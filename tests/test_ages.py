"""Age claims: several phrasings extracted, and each checked against the date of birth of real
Wikidata items (the example snapshot, built from captured responses) as of the article's date:
Vladimir Putin (born 1952-10-07), Douglas Adams (1952-03-11 to 2001-05-11), Ted Cruz
(1970-12-22) and his father Rafael Bienvenido Cruz, whose birth date Wikidata knows only to the
year (1939)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcheck.extract import extract_claims
from claimcheck.model import Document
from claimcheck.sources.snapshot import SnapshotSource
from claimcheck.verify.ages import age_on
from claimcheck.verify.stage import verify_claims

SNAPSHOT = Path(__file__).resolve().parent.parent / "examples" / "wikidata-snapshot.jsonl"


@pytest.fixture(scope="module")
def source() -> SnapshotSource:
    return SnapshotSource.load(SNAPSHOT)


def ages(nlp, text: str, date: dt.date | None = dt.date(2022, 3, 1)):
    _, claims = next(extract_claims([Document(id="t", text=text, date=date)], nlp))
    return [c for c in claims if c.kind == "age"]


@pytest.mark.parametrize(
    "text,person,lower,upper,at",
    [
        ("Russian President Vladimir Putin, 69, said talks had failed.", "Vladimir Putin", 69, 69,
         "article"),
        ("The 26-year-old striker Kylian Mbappé scored twice.", "Kylian Mbappé", 26, 26, "article"),
        ("Kylian Mbappé, the 26-year-old striker, scored twice.", "Kylian Mbappé", 26, 26,
         "article"),
        ("The writer Douglas Adams died aged 49 in Santa Barbara.", "Douglas Adams", 49, 49,
         "death"),
        ("Ted Cruz, who is in his early 50s, spoke to reporters.", "Ted Cruz", 50, 53, "article"),
        ("Ted Cruz, in his forties, spoke to reporters.", "Ted Cruz", 40, 49, "article"),
        ("Joe Biden, about 80, waved to the crowd.", "Joe Biden", 78, 82, "article"),
        ("Henning Christophersen (77) was remembered in Brussels.", "Henning Christophersen", 77,
         77, "article"),
    ],
)  # fmt: skip
def test_phrasings(nlp, text, person, lower, upper, at):
    (claim,) = ages(nlp, text)
    assert claim.fields["person"]["text"] == person
    assert (claim.value["lower"], claim.value["upper"], claim.value["at"]) == (lower, upper, at)


@pytest.mark.parametrize(
    "text",
    [
        "The bill passed 69 to 31 in the Senate.",
        "Vladimir Putin, 1952, was born in Leningrad.",  # a year, not an age
        "The 26-year-old bridge was closed.",  # no person
    ],
)
def test_numbers_that_are_not_ages(nlp, text):
    assert ages(nlp, text) == []


def test_an_age_in_the_past_is_not_claimed_for_the_article_date(nlp, source):
    (claim,) = ages(nlp, "When he was 26, the 26-year-old Vladimir Putin joined the KGB.")
    assert claim.value["at"] == "past"
    (checked,) = verify_claims([claim], source, dt.date(2022, 3, 1))
    assert checked.verification.verdict == "not_checked"


def check(nlp, source, text: str, date: dt.date):
    (claim,) = ages(nlp, text, date)
    (checked,) = verify_claims([claim], source, date)
    return checked.verification


@pytest.mark.parametrize(
    "date,stated,verdict",
    [
        (dt.date(2022, 10, 6), 69, "supported"),  # the day before his 70th birthday
        (dt.date(2022, 10, 6), 70, "contradicted"),
        (dt.date(2022, 10, 7), 70, "supported"),  # the birthday itself
        (dt.date(2022, 10, 7), 69, "contradicted"),
        (dt.date(2000, 5, 7), 47, "supported"),
    ],
)
def test_an_age_around_a_birthday(nlp, source, date, stated, verdict):
    result = check(nlp, source, f"Vladimir Putin, {stated}, said talks had failed.", date)
    assert result.verdict == verdict, result.explanation
    assert result.evidence[0].source_property == "P569"
    if verdict == "contradicted":
        assert result.correction == str(stated - 1 if date.day == 6 else stated + 1)


@pytest.mark.parametrize(
    "stated,verdict", [(76, "supported"), (77, "supported"), (75, "contradicted")]
)
def test_a_year_only_birth_date_allows_two_ages(nlp, source, stated, verdict):
    text = f"Rafael Bienvenido Cruz, {stated}, spoke at the rally."
    result = check(nlp, source, text, dt.date(2016, 3, 1))
    assert result.verdict == verdict, result.explanation
    assert result.evidence[0].precision == "year"
    if verdict == "contradicted":
        assert result.correction == "76 or 77"


@pytest.mark.parametrize("stated,verdict", [(49, "supported"), (50, "contradicted")])
def test_died_aged_counts_to_the_death_not_the_article(nlp, source, stated, verdict):
    text = f"The writer Douglas Adams died aged {stated} in Santa Barbara."
    assert check(nlp, source, text, dt.date(2022, 3, 1)).verdict == verdict


@pytest.mark.parametrize(
    "phrase,verdict", [("in his 40s", "supported"), ("in his early 50s", "contradicted")]
)
def test_a_decade_is_read_as_a_range(nlp, source, phrase, verdict):
    text = f"Ted Cruz, who is {phrase}, spoke to reporters."
    assert check(nlp, source, text, dt.date(2016, 3, 1)).verdict == verdict


def test_a_person_missing_from_the_source_is_no_entity_link(nlp, source):
    result = check(nlp, source, "Kylian Mbappé, 26, scored twice.", dt.date(2025, 3, 1))
    assert (result.verdict, result.reason) == ("not_checked", "no_entity_link")


def test_a_person_with_no_birth_date_is_no_statement(nlp):
    from tests.test_link import doc

    world = SnapshotSource([doc("Q9", "Alex Smith", types=["Q5"])])
    (claim,) = ages(nlp, "Alex Smith, 40, spoke.", dt.date(2022, 3, 1))
    (checked,) = verify_claims([claim], world, dt.date(2022, 3, 1))
    assert checked.verification.reason == "no_statement"


@pytest.mark.parametrize(
    "born,day,age",
    [
        (dt.date(1952, 10, 7), dt.date(2022, 10, 6), 69),
        (dt.date(1952, 10, 7), dt.date(2022, 10, 7), 70),
        (dt.date(2000, 2, 29), dt.date(2021, 2, 28), 20),
        (dt.date(2000, 2, 29), dt.date(2021, 3, 1), 21),
    ],
)
def test_age_on(born, day, age):
    assert age_on(born, day) == age

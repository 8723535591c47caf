"""A PERSON mention links only to a human, and between namesakes only to one who could be alive
at the article's date. Real Wikidata documents: the example snapshot (built from captured
responses: both "Vladimir Putin" items, the given-name items "Ted" and "Edward", Ted Cruz) and
Q1 "universe" from the head of a 2017 dump."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from claimcheck.link import Mention, link_mentions, possible_at
from claimcheck.sources.snapshot import SnapshotSource, read_lines

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "examples" / "wikidata-snapshot.jsonl"
UNIVERSE = ROOT / "tests" / "data" / "wikidata" / "dump2017_Q1-universe.json"
PUTIN, HIS_FATHER = "Q7747", "Q19300851"  # born 1952; 1911-1999


@pytest.fixture(scope="module")
def source() -> SnapshotSource:
    docs = list(read_lines(SNAPSHOT))
    docs.append(json.loads(UNIVERSE.read_text()))
    return SnapshotSource(docs)


def link(source, text: str, date: dt.date | None = None, ner: str = "PERSON"):
    mention = Mention(text, ner, date=date)
    return link_mentions([mention], source)[mention]


@pytest.mark.parametrize("date", [dt.date(2022, 1, 12), dt.date(2000, 5, 7), dt.date(1999, 8, 3)])
def test_putin_in_an_article_after_his_fathers_death_is_the_president(source, date):
    found = link(source, "Vladimir Putin", date)
    assert found.entity is not None and found.entity.id == PUTIN
    assert HIS_FATHER not in {c for c, _ in found.candidates}  # set aside, not outscored


def test_without_a_date_the_namesakes_stay_ambiguous(source):
    found = link(source, "Vladimir Putin")
    assert found.entity is None and found.reason == "ambiguous_link"


def test_while_both_lived_the_namesakes_stay_ambiguous(source):
    found = link(source, "Vladimir Putin", dt.date(1980, 6, 1))
    assert found.entity is None and found.reason == "ambiguous_link"


def test_before_the_son_was_born_only_the_father_was_possible(source):
    found = link(source, "Vladimir Putin", dt.date(1940, 6, 1))
    assert found.entity is not None and found.entity.id == HIS_FATHER


@pytest.mark.parametrize("name,item", [("Ted", "Q1737211"), ("Edward", "Q278835")])
def test_a_given_name_item_is_never_a_person(source, name, item):
    found = link(source, name, dt.date(2016, 3, 1))
    assert item not in {c for c, _ in found.candidates}
    assert found.entity is None or "human" in found.entity.types


def test_a_given_name_is_still_linked_when_not_tagged_a_person(source):
    assert link(source, "Edward", ner=None).entity.id == "Q278835"


def test_the_universe_is_not_a_person(source):
    assert link(source, "universe").reason == "no_entity_link"
    assert link(source, "universe", ner=None).entity.id == "Q1"


def test_the_full_name_still_links_to_the_human(source):
    assert link(source, "Ted Cruz", dt.date(2016, 3, 1)).entity.id == "Q2036942"


@pytest.mark.parametrize(
    "date,alive",
    [
        (dt.date(1911, 2, 22), False),  # the day before his birth
        (dt.date(1911, 2, 23), True),
        (dt.date(1999, 8, 2), True),  # the day he died
        (dt.date(1999, 8, 3), False),
    ],
)
def test_possible_at_follows_birth_and_death_to_the_day(source, date, alive):
    father = source.entities([HIS_FATHER])[HIS_FATHER]
    assert possible_at(father, date) is alive

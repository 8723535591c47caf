"""Team membership: "Chelsea striker X", "former Arsenal defender X", "X joined Y from Z",
checked against member of sports team with start and end qualifiers as of the article's date.
No captured Wikidata response holds a footballer, so the player and clubs here are written by
hand in Wikidata's JSON (a test above the source, on an in-memory snapshot)."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.extract import extract_claims
from claimcheck.model import Document
from claimcheck.sources.snapshot import SnapshotSource
from claimcheck.verify.stage import verify_claims
from tests.test_link import _item_statement, doc

HUMAN, CLUB = "Q5", "Q476028"  # human, association football club


def _time(iso: str) -> dict:
    return {
        "snaktype": "value",
        "property": "P580",
        "datavalue": {
            "type": "time",
            "value": {
                "time": f"+{iso}T00:00:00Z",
                "precision": 11,
                "calendarmodel": "http://www.wikidata.org/entity/Q1985727",
            },
        },
    }


def _spell(team: str, start: str, end: str | None = None) -> dict:
    statement = _item_statement("P54", team)
    statement["qualifiers"] = {"P580": [_time(start)]}
    if end:
        statement["qualifiers"]["P582"] = [{**_time(end), "property": "P582"}]
    return statement


@pytest.fixture(scope="module")
def world() -> SnapshotSource:
    player = doc("Q800", "Sam Example", types=[HUMAN])
    player["claims"]["P54"] = [
        _spell("Q801", "2015-07-01", "2019-06-30"),  # Arsenal Example
        _spell("Q802", "2019-07-01", "2023-06-30"),  # Chelsea Example
        _spell("Q803", "2023-07-01"),  # Ajax Example, still
    ]
    return SnapshotSource(
        [
            player,
            doc("Q801", "Arsenal Example", types=[CLUB]),
            doc("Q802", "Chelsea Example", types=[CLUB]),
            doc("Q803", "Ajax Example", types=[CLUB]),
        ]
    )


def verdicts(nlp, world, text: str, date: dt.date) -> dict[str, tuple[str, str]]:
    _, claims = next(extract_claims([Document(id="t", text=text, date=date)], nlp))
    teams = [c for c in claims if c.kind == "team_membership"]
    checked = verify_claims(teams, world, date)
    return {
        f"{c.fields['status']} {c.fields['team']['text']}": (
            c.verification.verdict,
            c.verification.reason,
        )
        for c in checked
    }


@pytest.mark.parametrize(
    "text,date,expected",
    [
        ("Chelsea Example striker Sam Example scored twice.", dt.date(2021, 3, 1),
         {"member Chelsea Example": ("supported", "match")}),
        ("Chelsea Example striker Sam Example scored twice.", dt.date(2024, 3, 1),
         {"member Chelsea Example": ("contradicted", "not_held_at_date")}),  # the spell ended
        ("Former Arsenal Example defender Sam Example was in the stands.", dt.date(2021, 3, 1),
         {"former Arsenal Example": ("supported", "match")}),
        ("Former Ajax Example defender Sam Example was in the stands.", dt.date(2024, 3, 1),
         {"former Ajax Example": ("contradicted", "still_held_at_date")}),
        ("Sam Example joined Ajax Example from Chelsea Example in July.", dt.date(2023, 8, 1),
         {"joined Ajax Example": ("supported", "match"),
          "former Chelsea Example": ("supported", "match")}),
        ("Sam Example joined Ajax Example from Arsenal Example in July.", dt.date(2023, 8, 1),
         {"joined Ajax Example": ("supported", "match"),
          "former Arsenal Example": ("supported", "match")}),
    ],
)  # fmt: skip
def test_team_membership_as_of_the_article_date(nlp, world, text, date, expected):
    assert verdicts(nlp, world, text, date) == expected


def test_a_team_the_source_never_lists_is_contradicted_only_against_a_dated_spell(nlp, world):
    world2 = SnapshotSource(
        [*(world.docs.values()), doc("Q804", "Brentford Example", types=[CLUB])]
    )
    got = verdicts(
        nlp, world2, "Brentford Example striker Sam Example scored.", dt.date(2021, 3, 1)
    )
    assert got == {"member Brentford Example": ("contradicted", "mismatch")}


def test_a_spell_that_starts_after_the_date_is_no_former_spell(nlp, world):
    # Chelsea Example 2019-2023: in 2018 "former" is not supported by a spell yet to come, and
    # "member" is not contradicted by it as one that ended.
    former = "Former Chelsea Example defender Sam Example was in the stands."
    member = "Chelsea Example striker Sam Example scored twice."
    at = dt.date(2018, 3, 1)
    assert verdicts(nlp, world, former, at) == {
        "former Chelsea Example": ("not_checked", "no_statement_at_date")
    }
    assert verdicts(nlp, world, member, at) == {
        "member Chelsea Example": ("not_checked", "no_statement_at_date")
    }


def test_a_manager_is_not_a_member(nlp, world):
    text = "Arsenal Example manager Sam Example said the team was tired."
    assert verdicts(nlp, world, text, dt.date(2021, 3, 1)) == {}

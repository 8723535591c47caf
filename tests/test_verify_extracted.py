"""Sentences run through the real extraction, then verified over the fake source (facts cited in
tests/fakes.py): negated roles, time words on titles, and event places are checked as what they
say — never as the plain positive role or an organization's headquarters."""

from __future__ import annotations

import datetime as dt

import pytest
from fakes import FakeSource, fake_linker

from claimcheck import pipeline
from claimcheck.config import Settings
from claimcheck.model import Document
from claimcheck.verify.stage import verify_claims

SETTINGS = Settings(verify=False)


def verified(nlp, text: str, kind: str, as_of: str) -> dict:
    [result] = pipeline.extract([Document(id="story.txt", text=text)], nlp, SETTINGS)
    claims = [c for c in result.claims if c.kind == kind]
    assert len(claims) == 1, [c.to_dict() for c in result.claims]
    date = dt.date.fromisoformat(as_of)
    [checked] = verify_claims(claims, FakeSource(), date, fake_linker)
    return checked.verification


# Stoltenberg: NATO Secretary General 2014-10-01 – 2024-10-01; Prime Minister 2005–2013.
CASES = [
    (
        "Jens Stoltenberg is not the NATO secretary-general.",
        "2022-01-12",
        "contradicted",
        "mismatch",
    ),
    ("Jens Stoltenberg is not the NATO secretary-general.", "2025-01-01", "supported", "match"),
    ("Jens Stoltenberg is not the prime minister.", "2022-01-12", "supported", "match"),
    ("Jens Stoltenberg is not the prime minister.", "2010-01-01", "contradicted", "mismatch"),
    ("Jens Stoltenberg was not prime minister.", "2022-01-12", "not_checked", "not_checkable_kind"),
    (
        "Former NATO Secretary General Jens Stoltenberg spoke.",
        "2022-01-12",
        "contradicted",
        "still_held_at_date",
    ),
    ("Former NATO Secretary General Jens Stoltenberg spoke.", "2025-01-01", "supported", "match"),
    ("Former Prime Minister Jens Stoltenberg spoke.", "2022-01-12", "supported", "match"),
    ("Ex-Prime Minister Jens Stoltenberg spoke.", "2022-01-12", "supported", "match"),
    (
        "Ex-Prime Minister Jens Stoltenberg spoke.",
        "2010-01-01",
        "contradicted",
        "still_held_at_date",
    ),
    # "the late": a posthumous title, not checked as held on the date (nor as not held).
    (
        "The late Prime Minister Jens Stoltenberg.",
        "2010-01-01",
        "not_checked",
        "not_checkable_kind",
    ),
    ("Jens Stoltenberg is no longer prime minister.", "2022-01-12", "supported", "match"),
    (
        "Jens Stoltenberg is no longer prime minister.",
        "2010-01-01",
        "contradicted",
        "still_held_at_date",
    ),
    # "then-" speaks of an earlier moment: held before the date is enough, held on it no error.
    (
        "The plan of then-Prime Minister Jens Stoltenberg failed.",
        "2022-01-12",
        "supported",
        "match",
    ),
    (
        "The plan of then-Prime Minister Jens Stoltenberg failed.",
        "2000-01-01",
        "contradicted",
        "not_held_at_date",
    ),
    # Rutte takes office 2024-10-01: "incoming" is about the future, not checked as held now.
    (
        "Incoming NATO Secretary General Mark Rutte spoke.",
        "2024-06-01",
        "not_checked",
        "not_checkable_kind",
    ),
]


@pytest.mark.parametrize(("text", "as_of", "verdict", "reason"), CASES)
def test_role_polarity_and_time_words(nlp, text, as_of, verdict, reason):
    v = verified(nlp, text, "role", as_of)
    assert (v.verdict, v.reason) == (verdict, reason), v.explanation
    if verdict != "not_checked":
        assert v.evidence and v.evidence[0].property == "position_held"


def test_event_place_is_not_read_as_headquarters(nlp):
    # The fake OSCE is headquartered in Vienna: checked as a headquarters this would be supported.
    text = "The OSCE will hold a session with Russia on Thursday in Vienna."
    v = verified(nlp, text, "location", "2022-01-12")
    assert (v.verdict, v.reason) == ("not_checked", "not_checkable_kind")
    assert "meeting" in v.explanation or "event" in v.explanation


def test_headquarters_place_is_checked(nlp):
    v = verified(nlp, "The NATO headquarters in Brussels were closed.", "location", "2022-01-12")
    assert (v.verdict, v.reason) == ("supported", "match")

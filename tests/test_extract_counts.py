"""What a count counts, decided on the parse: a case table over real sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.extract import extract_claims
from claimcheck.model import Document

pytestmark = pytest.mark.slow

NUMERIC = {"count", "quantity", "money", "percent", "duration", "date", "ordinal"}

CASES = [
    (
        "More than 100,000 Russian troops massed at the border.",
        "count",
        "More than 100,000",
        "troops",
    ),
    ("Each of NATO's 30 member states sent a delegation.", "count", "30", "member states"),
    ("The delegates met in a forum of 31.", "count", "31", "forum"),
    ("Tens of thousands of people marched in the capital.", "count", "Tens of thousands", "people"),
    ("Rebels killed 2000 villagers in the raid.", "count", "2000", "villagers"),
    ("At least 17 people died in the fire.", "count", "At least 17", "people"),
    ("Police arrested two dozen protesters.", "count", "two dozen", "protesters"),
    ("One person was injured in the attack.", "count", "One", "person"),
    ("Officials said 2000 troops arrived.", "count", "2000", "troops"),
    ("He visited Kyiv three times last year.", "count", "three", "times"),
    ("The air force launched 2000 strikes in a month.", "count", "2000", "strikes"),
    # An adjective in -ed or -ing between the figure and its noun still makes a count.
    ("The assembly has 150 elected members.", "count", "150", "members"),
    ("The bus carried 40 injured passengers.", "count", "40", "passengers"),
    ("Officials counted 300 displaced families.", "count", "300", "families"),
    ("The firm employs 1,200 skilled workers.", "count", "1,200", "workers"),
    # 'a population of N' counts the population, whatever modifier stands before the figure.
    ("Riga has a population of about 600,000.", "count", "about 600,000", "population"),
    (
        "The city has a population of more than 2 million.",
        "count",
        "more than 2 million",
        "population",
    ),
    ("The town has a population of 12,000.", "count", "12,000", "population"),
    ("The company sold 2.5k shares.", "count", "2.5k", "shares"),
]
NOT_COUNTS = [
    ("One of the officials said the talks failed.", "One"),
    ("No one is suggesting that we change the policy.", "one"),
    ("Protests followed the disputed 2024 elections.", "2024"),
    ("The score stood at 3 when the match ended.", "3"),
    ("Authorities released 13 detainees held after the disputed 2024 elections.", "2024"),
    ("The 2022 floods killed 1700 people.", "2022"),
    ("A 7.7 magnitude earthquake struck Myanmar.", "7.7"),
    ("Relief followed the MW 7.7 earthquake in the country.", "7.7"),
    ("Americans between the ages of 55 and 65 lost their insurance.", "55"),
    ("The incidence is three times as high as the national rate.", "three"),
    ("But one thing history tells us is plain.", "one"),
    ("An earthquake on a scale of 7.7 is measured off the coast.", "7.7"),
    # A date after the figure is not what it counts.
    ("Revenue hit 2.3bn last year.", "2.3bn"),
    ("Exports reached 400,000 this month.", "400,000"),
    # Shares are percentages, not counts of 'thirds' or of five adults.
    ("Two thirds of voters backed the plan.", "Two"),
    ("One in five adults smokes.", "five"),
    ("Three quarters of the budget went on salaries.", "Three"),
]


def _claims(nlp, text: str):
    document = Document(id="t", text=text, date=dt.date(2022, 1, 12))
    ((_, claims),) = list(extract_claims([document], nlp))
    return [c for c in claims if c.kind in NUMERIC]


@pytest.mark.parametrize(("sentence", "kind", "text", "counted"), CASES)
def test_counted_noun(nlp, sentence, kind, text, counted):
    hits = [c for c in _claims(nlp, sentence) if c.text == text]
    assert [(c.kind, c.fields.get("counted"), c.value["unit"]) for c in hits] == [
        (kind, counted, counted)
    ]


@pytest.mark.parametrize(("sentence", "figure"), NOT_COUNTS)
def test_not_a_count(nlp, sentence, figure):
    assert [c.text for c in _claims(nlp, sentence) if c.kind == "count" and figure in c.text] == []

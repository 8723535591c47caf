"""The release in force decides: a statistic about year Y in an article dated D against the latest
release published on or before D that has a value for Y; today's figure, with a revision band, only
when no release is known. Values are Singapore's GDP growth for 2004 as the issue tells it (8.4 in
the spring-2005 release, 9.94 today) and Ireland's 2021 inflation from the real March 2024 release
of the WDI Database Archives (2.358) against today's WDI (2.340)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from claimcheck.model import Area, Claim, Observation, Span, Verdict
from claimcheck.policy.findings import rule_for
from claimcheck.sources.worldbank_indicators import BY_MEASURE
from claimcheck.verify.releases import judge
from claimcheck.verify.statistics import question

GROWTH = BY_MEASURE["gdp_growth"]


def claim(text: str, sentence: str | None = None, **statistic) -> Claim:
    amount = Decimal(text.rstrip("%"))
    value = {"amount": amount, "lower": amount, "upper": amount, "unit": "percent"}
    fields = {"statistic": {"period": "year", **statistic}}
    return Claim(
        "c1", "d", "percent", text, Span(0, len(text)), 1, 1, sentence or text, value, fields
    )


def obs(year: int, value: str, vintage: str | None = None, code: str = "SGP") -> Observation:
    return Observation(
        GROWTH.code,
        "GDP growth (annual %)",
        code,
        code,
        year,
        Decimal(value),
        "2026-07-13",
        "u",
        vintage=vintage,
    )


SINGAPORE = [
    obs(2004, "8.1", "2005-02"),  # a first estimate (hypothetical), replaced by the April release
    obs(2004, "8.4", "2005-04"),
    obs(2004, "8.7", "2006-04"),
    obs(2004, "9.94"),  # today's
]


def check(c: Claim, found, date: dt.date, code: str = "SGP") -> Verdict:
    return judge(c, GROWTH, Area(code, code), found, question(c, date), date)


def roles(result: Verdict) -> list[tuple[str | None, str | None]]:
    return [(e.series.vintage, e.series.role) for e in result.evidence if e.series]


def test_matches_the_release_in_force_and_says_it_was_revised_since():
    result = check(claim("8.4%", year=2004), SINGAPORE, dt.date(2005, 6, 1))
    assert (result.verdict, result.reason) == ("supported", "match")
    assert "8.4" in result.note and "9.94" in result.note and "April 2005" in result.note
    assert roles(result) == [("2005-04", "in_force"), (None, "current")]


def test_matches_only_a_later_release():
    result = check(claim("8.7%", year=2004), SINGAPORE, dt.date(2005, 6, 1))
    assert (result.verdict, result.reason) == ("supported", "match_later_release")
    assert "not yet published" in result.note


@pytest.mark.parametrize("text", ["9.9%", "9.94%"])
def test_matches_only_todays_figure(text):
    result = check(claim(text, year=2004), SINGAPORE, dt.date(2005, 6, 1))
    assert (result.verdict, result.reason) == ("supported", "match_later_release")


def test_the_figure_of_a_replaced_release_is_a_warning_not_an_error():
    result = check(claim("8.1%", year=2004), SINGAPORE, dt.date(2005, 6, 1))
    assert (result.verdict, result.reason) == ("contradicted", "superseded_release")
    assert result.correction == "8.4%"


@pytest.mark.parametrize(
    ("text", "reason"),
    [("7.6%", "minor_mismatch"), ("11%", "mismatch"), ("5%", "mismatch")],
)
def test_matching_no_release_is_judged_against_the_one_in_force(text, reason):
    result = check(claim(text, year=2004), SINGAPORE, dt.date(2005, 6, 1))
    assert (result.verdict, result.reason) == ("contradicted", reason)
    assert "8.4" in result.explanation and "9.94" in result.explanation  # both values
    assert roles(result) == [("2005-04", "in_force"), (None, "current")]


def test_an_error_needs_an_error_level_rule_and_a_warning_a_warning():
    def rule(result: Verdict) -> str | None:
        c = claim("11%", year=2004)
        return rule_for(Claim(**{**c.__dict__, "verification": result}))

    assert rule(check(claim("11%", year=2004), SINGAPORE, dt.date(2005, 6, 1))) == "CC103"
    assert rule(check(claim("8.1%", year=2004), SINGAPORE, dt.date(2005, 6, 1))) == "CC104"


@pytest.mark.parametrize(
    ("date", "text", "verdict", "reason"),
    [
        # dated in the month of the April release: it may or may not have been out, so both
        # the February and the April figures count as in force
        (dt.date(2005, 4, 10), "8.1%", "supported", "match"),
        (dt.date(2005, 4, 10), "8.4%", "supported", "match"),
        # dated before it: only the February figure was out
        (dt.date(2005, 3, 31), "8.1%", "supported", "match"),
        (dt.date(2005, 3, 31), "8.4%", "supported", "match_later_release"),
        # dated in May: April is in force, February replaced
        (dt.date(2005, 5, 1), "8.1%", "contradicted", "superseded_release"),
    ],
)
def test_an_article_dated_in_the_month_of_a_release(date, text, verdict, reason):
    result = check(claim(text, year=2004), SINGAPORE, date)
    assert (result.verdict, result.reason) == (verdict, reason)


IRELAND_CPI = [
    Observation(
        "FP.CPI.TOTL.ZG",
        "Inflation",
        "IRL",
        "Ireland",
        2021,
        Decimal("2.35814296241712"),
        "2025-10-29",
        "u",
        vintage="2024-03",
    ),
    Observation(
        "FP.CPI.TOTL.ZG",
        "Inflation",
        "IRL",
        "Ireland",
        2023,
        None,
        "2025-10-29",
        "u",
        vintage="2024-03",
    ),  # not yet published in March 2024
    Observation(
        "FP.CPI.TOTL.ZG",
        "Inflation",
        "IRL",
        "Ireland",
        2021,
        Decimal("2.34034113447044"),
        "2026-07-13",
        "u",
    ),
    Observation(
        "FP.CPI.TOTL.ZG",
        "Inflation",
        "IRL",
        "Ireland",
        2023,
        Decimal("6.29942487419125"),
        "2026-07-13",
        "u",
    ),
]


def inflation(text: str, year: int, date: dt.date) -> Verdict:
    c = claim(text, year=year)
    indicator = BY_MEASURE["inflation"]
    return judge(c, indicator, Area("IRL", "Ireland"), IRELAND_CPI, question(c, date), date)


def test_real_release_published_then_revised_since():
    result = inflation("2.36%", 2021, dt.date(2024, 5, 20))
    assert (result.verdict, result.reason) == ("supported", "match")
    assert "March 2024" in result.note and "2.34" in result.note


def test_a_null_latest_year_in_the_release_in_force_is_no_figure():
    # March 2024 had no 2023 value: nothing was in force, so the figure of today is not an error
    result = inflation("6.3%", 2023, dt.date(2024, 5, 20))
    assert (result.verdict, result.reason) == ("supported", "match_later_release")
    wrong = inflation("9%", 2023, dt.date(2024, 5, 20))
    assert (wrong.verdict, wrong.reason) == ("contradicted", "mismatch")
    assert "No release published by 2024-05-20" in wrong.note


def test_no_release_known_uses_todays_figure_with_the_band():
    today = [obs(2004, "9.94")]
    assert check(claim("8.4%", year=2004), today, dt.date(2005, 6, 1)).reason == "likely_revision"
    assert check(claim("5%", year=2004), today, dt.date(2005, 6, 1)).reason == "mismatch"


def test_a_guessed_year_is_no_error_when_a_recent_year_fits():
    found = [obs(2004, "9.94"), obs(2003, "4.6"), obs(2002, "4.0")]
    guessed = check(claim("4%"), found, dt.date(2005, 6, 1))
    assert (guessed.verdict, guessed.reason) == ("contradicted", "year_guessed")
    assert "2002" in guessed.note
    stated = check(claim("4%", year=2004), found, dt.date(2005, 6, 1))
    assert stated.reason == "mismatch"  # a year written: the figure is wrong for it


@pytest.mark.parametrize(
    "sentence",
    [
        "The country had a population of 44 million in 1899.",
        "By 2150 the population will be 44 million.",
        "Growth of 4% since 1990 made it rich.",
    ],
)
def test_a_year_the_patterns_did_not_read_is_not_replaced_by_another(sentence):
    text = "4%" if "4%" in sentence else "44"
    result = check(claim(text, sentence), [obs(2004, "9.94")], dt.date(2005, 6, 1))
    assert (result.verdict, result.reason) == ("not_checked", "year_unclear")


@pytest.mark.parametrize(
    "sentence",
    [
        "Argentina's jobless rate was 4% after the 2001 default.",  # a year of something else
        "Brazil grew 5.8% in 2004, while its inflation was 4% over the year.",  # the year taken
    ],
)
def test_a_year_of_something_else_or_the_same_year_is_no_reason_to_refuse(sentence):
    result = check(claim("4%", sentence), [obs(2004, "4.1")], dt.date(2005, 6, 1))
    assert (result.verdict, result.reason) == ("supported", "match")


def test_a_release_of_the_articles_month_or_the_one_before_both_give_the_tolerance():
    # dated April 2005: February (8.1) and April (8.4) may both have been in force; 7.3% is
    # within a point of February's figure only, so it is a warning, not an error
    result = check(claim("7.3%", year=2004), SINGAPORE, dt.date(2005, 4, 10))
    assert (result.verdict, result.reason) == ("contradicted", "minor_mismatch")
    later = check(claim("7.3%", year=2004), SINGAPORE, dt.date(2005, 5, 10))
    assert later.reason == "mismatch"  # April alone in force: 1.05 points off

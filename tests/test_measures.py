"""What money and percentages measure, whose figures they are, their period and the changes they
tell — through the real extraction — and company figures checked against the fake source
(Microsoft's fiscal-year revenue, tests/fakes.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from fakes import FakeSource, fake_linker

from claimcheck import pipeline
from claimcheck.config import Settings
from claimcheck.model import Document
from claimcheck.verify.stage import verify_claims

SETTINGS = Settings(verify=False)
DATE = dt.date(2024, 2, 1)


def claims_of(nlp, text: str, date: dt.date = DATE) -> dict[str, dict]:
    document = Document(id="story.txt", text=text, date=date)
    [result] = pipeline.extract([document], nlp, SETTINGS)
    return {c.text: c.to_dict() for c in result.claims if c.kind != "date"}


def subject_text(record: dict) -> str | None:
    subject = record.get("subject")
    return subject.get("text") if isinstance(subject, dict) else subject


# (sentence, figure, measure, subject): several phrasings per family.
MEASURES = [
    ("Acme Corp posted a profit of $1.2bn.", "$1.2bn", "profit", "Acme Corp"),
    ("Acme Corp reported a net profit of £300m for the year.", "£300m", "net profit", "Acme Corp"),
    ("Toyota's profit was $1.2bn.", "$1.2bn", "profit", "Toyota"),
    ("Revenues grew 5% to $20.4bn.", "$20.4bn", "revenue", None),
    ("Revenues grew 5% to $20.4bn.", "5%", "revenue", None),
    ("Toyota's revenue rose by $7bn to $212.5bn.", "$212.5bn", "revenue", "Toyota"),
    ("Toyota's revenue rose by $7bn to $212.5bn.", "$7bn", "revenue", "Toyota"),
    ("Sales were up 18% on the previous year.", "18%", "sales", None),
    ("Labour won 34% of the vote.", "34%", "vote", None),
    ("Turnout was 61% in the capital.", "61%", "turnout", None),
    ("The fund sold a 5% stake in the airport.", "5%", "stake", None),
    ("Regulators imposed a fine of $5m on the bank.", "$5m", "fine", None),
    ("Parliament approved a $2bn aid package.", "$2bn", "aid package", "Parliament"),
    ("Unemployment fell from 9.1% to 6.3% last year.", "6.3%", "unemployment", None),
]
# Figures that measure nothing the sentence names: never a fragment of the number.
NO_MEASURE = [
    ("The carmaker said it paid $1.7bn for the plant.", "$1.7bn"),
    ("It rose 5% yesterday.", "5%"),
    ("It cost him £5m.", "£5m"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "figure", "measure", "subject"), MEASURES)
def test_measure_and_subject(nlp, text, figure, measure, subject):
    record = claims_of(nlp, text)[figure]
    assert record["predicate"]["measure"] == measure
    assert subject_text(record) == subject


@pytest.mark.slow
@pytest.mark.parametrize(("text", "figure"), NO_MEASURE)
def test_no_fragment_is_a_measure(nlp, text, figure):
    record = claims_of(nlp, text)[figure]
    assert "predicate" not in record


# (sentence, figure, period date, precision) with the document dated 2024-02-01.
PERIODS = [
    ("Revenue was $212.5bn in 2023.", "$212.5bn", "2023", "year"),
    ("Exports grew 8.2% to $13.1bn in the third quarter.", "$13.1bn", "2023-Q3", "quarter"),
    ("Exports were $13.1bn in the first quarter of 2022.", "$13.1bn", "2022-Q1", "quarter"),
    ("Revenue reached $45bn in fiscal 2023.", "$45bn", "2023", "fiscal year"),
    ("Unemployment was 6.3% last year.", "6.3%", "2023", "year"),
    ("Sales were $3bn in December.", "$3bn", "2023-12", "month"),
    ("Sales were $3bn in January.", "$3bn", "2024-01", "month"),
    ("Full-year profit was $1.2bn.", "$1.2bn", None, "year"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "figure", "date", "precision"), PERIODS)
def test_period_resolved_against_document_date(nlp, text, figure, date, precision):
    period = claims_of(nlp, text)[figure]["period"]
    assert (period["date"], period["precision"], period["resolved"]) == (
        date,
        precision,
        date is not None,
    )


# (sentence, direction, {role: figure text}, base period)
CHANGES = [
    ("Revenue rose by $7bn to $212.5bn.", "up", {"by": "$7bn", "to": "$212.5bn"}, None),
    ("Unemployment fell from 9.1% to 6.3%.", "down", {"from": "9.1%", "to": "6.3%"}, None),
    ("Exports grew 8.2% to $13.1bn.", "up", {"by": "8.2%", "to": "$13.1bn"}, None),
    (
        "Acme posted a profit of $1.2bn, up 12% from a year earlier.",
        "up",
        {"to": "$1.2bn", "by": "12%"},
        "a year earlier",
    ),
    ("Sales were up 18% on the previous year.", "up", {"by": "18%"}, "the previous year"),
    (
        "Profits rose 8.2% from $12.1bn to $13.1bn.",
        "up",
        {"by": "8.2%", "from": "$12.1bn", "to": "$13.1bn"},
        None,
    ),
    ("The rate rose from 5 to 10 percent.", "up", {"from": "5", "to": "10 percent"}, None),
    ("Sales climbed to $5bn from $4bn.", "up", {"to": "$5bn", "from": "$4bn"}, None),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "direction", "roles", "base"), CHANGES)
def test_change_roles(nlp, text, direction, roles, base):
    records = claims_of(nlp, text)
    for role, figure in roles.items():
        change = records[figure]["change"]
        assert (change["direction"], change["role"]) == (direction, role)
        assert {r: change[r]["text"] for r in ("by", "from", "to") if change[r]} == roles
        assert (change["base_period"] or {}).get("text") == base


@pytest.mark.slow
def test_a_change_is_not_a_range(nlp):
    records = claims_of(nlp, "Revenue rose by $7bn to $212.5bn.")
    assert records["$7bn"]["value"]["amount"] == 7_000_000_000
    assert records["$212.5bn"]["value"]["amount"] == 212_500_000_000


# Microsoft revenue: $211.915bn for fiscal 2023 (year ending 2023-06-30), $198.27bn for 2022.
COMPANY = [
    ("Microsoft's revenue was $211.9bn in fiscal 2023.", "supported", "match"),
    ("Microsoft's revenue rose to $212bn in 2023.", "supported", "match"),
    ("Microsoft's revenue was $198.3bn in 2022.", "supported", "match"),
    ("Microsoft's revenue was $180bn in fiscal 2023.", "contradicted", "mismatch"),
    ("Microsoft's revenue was $213.5bn in fiscal 2023.", "contradicted", "minor_mismatch"),
    ("Microsoft's revenue was £170bn in fiscal 2023.", "not_checked", "unit_mismatch"),
    ("Microsoft's revenue was $211.9bn.", "not_checked", "no_period"),
    ("Microsoft's revenue was $150bn in 2015.", "not_checked", "no_statement_at_date"),
    ("Microsoft posted a net profit of $72.4bn in fiscal 2023.", "supported", "match"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "verdict", "reason"), COMPANY)
def test_company_figures_against_the_source(nlp, text, verdict, reason):
    document = Document(id="story.txt", text=text, date=DATE)
    [result] = pipeline.extract([document], nlp, SETTINGS)
    money = [c for c in result.claims if c.kind == "money"]
    [checked] = verify_claims(money, FakeSource(), DATE, fake_linker)
    assert (checked.verification.verdict, checked.verification.reason) == (verdict, reason)

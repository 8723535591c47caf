"""The seed article: every count, duration, date, ordinal, document_date and negative line of
tests/data/nato-russia-council.expected.jsonl holds."""

from __future__ import annotations

import json

import pytest
from conftest import DATA, SEED

from claimcheck import pipeline
from claimcheck.config import Settings
from claimcheck.model import Document
from claimcheck.read import docdate
from claimcheck.render.schema import errors

OUR_KINDS = {"count", "duration", "date", "ordinal"}
NUMERIC_KINDS = {"count", "quantity", "money", "percent", "duration", "date", "ordinal"}
# Filled in by the entity extractor's attach_context hook; asserted only once they appear.
CONTEXT_FIELDS = ("subject", "place")


def _expected() -> list[dict]:
    lines = (DATA / "nato-russia-council.expected.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


EXPECTED = _expected()


@pytest.fixture(scope="module")
def result(nlp):
    text = SEED.read_text("utf-8")
    document = docdate.resolve(Document(id="seed", text=text, path=str(SEED)), None)
    (only,) = list(pipeline.extract([document], nlp, Settings()))
    return only


def _line_of(text: str, line: int) -> tuple[int, str]:
    lines = text.split("\n")
    return sum(len(x) + 1 for x in lines[: line - 1]), lines[line - 1]


def _matching(result, want: dict):
    return [
        c
        for c in result.claims
        if c.kind == want["kind"]
        and c.line == want["line"]
        and (want["contains"] in c.text or c.text in want["contains"])
    ]


@pytest.mark.parametrize(
    "want",
    [w for w in EXPECTED if w.get("kind") in OUR_KINDS],
    ids=lambda w: f"{w['kind']}-L{w['line']}-{w['contains']}",
)
def test_expected_claim_is_extracted(result, want):
    found = _matching(result, want)
    assert found, f"no {want['kind']} claim for {want['contains']!r} on line {want['line']}"
    claim = found[0].to_dict()
    for key, expected in want["value"].items():
        assert claim["value"].get(key) == expected, (key, claim["value"])
    for key in ("counted", "total"):
        if key in want:
            assert claim.get(key) == want[key]
    for key in CONTEXT_FIELDS:
        if key in want and key in claim:
            got = claim[key]
            assert want[key] in (
                (got.get("text"), got.get("canonical")) if isinstance(got, dict) else (got,)
            )


def test_document_date_is_inferred_from_the_weekday(result):
    (want,) = [w for w in EXPECTED if w.get("kind") == "document_date"]
    assert result.document.date.isoformat() == want["value"]["date"]
    assert result.document.date_source == "inferred"
    assert "Wednesday" in result.document.date_note and "line 36" in result.document.date_note


@pytest.mark.parametrize(
    "negative", [w for w in EXPECTED if w.get("negative")], ids=lambda w: f"L{w['line']}"
)
def test_negative_is_not_a_numeric_claim(result, negative):
    text = result.document.text
    line_start, line = _line_of(text, negative["line"])
    start = line_start + line.index(negative["contains"])
    end = start + len(negative["contains"])
    clashing = [
        c
        for c in result.claims
        if c.kind in NUMERIC_KINDS and c.span.start < end and start < c.span.end
    ]
    assert clashing == []


def test_every_claim_slices_back_and_validates(result):
    text = result.document.text
    for claim in result.claims:
        assert text[claim.span.start : claim.span.end] == claim.text
        assert errors(claim.to_dict(), "claim") == []


def test_relative_dates_stay_unresolved_without_a_document_date(nlp):
    text = "Officials met on Monday and will meet again next month."
    document = docdate.resolve(Document(id="x", text=text), None)
    (only,) = list(pipeline.extract([document], nlp, Settings()))
    dates = [c for c in only.claims if c.kind == "date"]
    assert document.date is None and "unresolved" in document.date_note
    assert [c.text for c in dates] == ["Monday", "next month"]
    assert all(c.value["date"] is None and c.value["resolved"] is False for c in dates)

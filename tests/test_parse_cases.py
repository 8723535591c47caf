"""The parse case table (tests/data/parse_cases.txt): what a count counts when only the parse
can tell (a noun said once for two figures), and figures that are no count (age thresholds),
run through the whole extraction with the real English pipeline."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import DATA

from claimcheck.extract import extract_claims
from claimcheck.model import Document, jsonable

ANCHOR = dt.date(2022, 1, 12)
NUMERIC = {"count", "quantity", "duration", "money", "percent", "ordinal"}


def _cases() -> list:
    out = []
    for number, line in enumerate((DATA / "parse_cases.txt").read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        phrase, kind, text, value, *rest = (part.strip() for part in line.split(" | "))
        marks = [pytest.mark.xfail(reason=rest[0], strict=True)] if rest else []
        out.append(
            pytest.param(phrase, kind, text, json.loads(value), id=f"L{number}", marks=marks)
        )
    return out


@pytest.mark.parametrize(("phrase", "kind", "text", "value"), _cases())
def test_parse_case(nlp, phrase, kind, text, value):
    document = Document(id="d", text=phrase, date=ANCHOR)
    ((_, found),) = list(extract_claims([document], nlp, hooks=None))
    if kind == "-":
        assert [(c.kind, c.text) for c in found if c.kind in NUMERIC] == []
        return
    hits = [c for c in found if c.kind == kind and c.text == text]
    assert hits, [(c.kind, c.text) for c in found]
    got = jsonable(hits[0].value)
    assert {k: got.get(k) for k in value} == value


@pytest.mark.parametrize(
    ("phrase", "figure"),
    [
        ("They built 3,000 schools, nearly 7 times as many as today.", "nearly 7"),
        ("Most crime is between the hours of 3 in the afternoon and 8 at night.", "8"),
        ("He flew 149 combat missions and one 5-hour space flight.", "one"),
    ],
)
def test_a_figure_with_words_of_its_own_inherits_no_noun(nlp, phrase, figure):
    """From a read of the shared corpus (written after the fix): a figure followed by a word of
    its own, or a time of day, or after a noun of time, takes no noun from the count before."""
    document = Document(id="d", text=phrase, date=ANCHOR)
    ((_, found),) = list(extract_claims([document], nlp, hooks=None))
    assert not [c for c in found if c.kind == "count" and c.text == figure and c.span.start > 8]


def test_a_threshold_rule_keeps_a_count_of_people_after_adjectives(nlp):
    text = "The U.S. sanctions over 50 Mexican individuals and companies."
    ((_, found),) = list(
        extract_claims([Document(id="d", text=text, date=ANCHOR)], nlp, hooks=None)
    )
    assert [(c.text, c.value["unit"]) for c in found if c.kind == "count"] == [
        ("over 50", "individuals")
    ]

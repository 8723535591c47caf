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

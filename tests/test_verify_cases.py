"""The verification table: each line of tests/data/verify_cases.jsonl is one claim, an as-of date
and the verdict and reason expected over the fake source (tests/fakes.py)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from conftest import DATA
from fakes import FakeSource, fake_linker

from claimcheck.extract.claims import make_claim
from claimcheck.model import Document, Span
from claimcheck.render.schema import errors
from claimcheck.verify.stage import verify_claims

CASES = [
    json.loads(line, parse_float=Decimal)
    for line in (DATA / "verify_cases.jsonl").open(encoding="utf-8")
]


def _param(case: dict) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
    return pytest.param(case, id=case["id"], marks=marks)


def run(case: dict) -> dict:
    document = Document(id="case", text=case["text"])
    claim = make_claim(
        document,
        case["kind"],
        Span(0, len(case["text"])),
        case["text"],
        case["value"],
        case["fields"],
    )
    as_of = dt.date.fromisoformat(case["as_of"])
    [checked] = verify_claims([claim], FakeSource(), as_of, fake_linker, case.get("predicates"))
    return checked.to_dict()


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 60
    assert len({c["id"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_case(case: dict) -> None:
    record = run(case)
    v = record["verification"]
    assert (v["verdict"], v["reason"]) == (case["verdict"], case["reason"]), v["explanation"]
    if "correction" in case:
        assert str(v["correction"]) == str(case["correction"])
    if "note_contains" in case:
        assert case["note_contains"] in (v["note"] or "")
    if v["verdict"] != "not_checked":
        assert v["evidence"], "a verdict always carries evidence"
        assert v["evidence"][0]["rank"] != "deprecated"
        assert v["explanation"].endswith(".")
    assert errors(json.loads(json.dumps(record)), "claim") == []

"""The labelled statistics sentences (tests/data/statistics_sentences.jsonl): each figure's
measure and verdict against the bundled World Bank snapshot, and no false contradiction."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import DATA

from claimcheck import pipeline
from claimcheck.config import Settings
from claimcheck.model import Claim, Document
from claimcheck.render.schema import errors
from claimcheck.sources.base import Sources
from claimcheck.sources.snapshot import load_snapshot

BUNDLE = Path(__file__).resolve().parent.parent / "examples" / "statistics-snapshot.jsonl"
CASES = [json.loads(line) for line in (DATA / "statistics_sentences.jsonl").open(encoding="utf-8")]
KNOWN_MISSES: dict[str, str] = {}


@pytest.fixture(scope="module")
def statistics() -> Sources:
    return Sources(statistics=load_snapshot(BUNDLE).statistics)


def checked(case: dict, nlp, sources: Sources) -> Claim:
    document = Document(id=case["id"], text=case["text"], date=dt.date.fromisoformat(case["date"]))
    (result,) = list(pipeline.check([document], nlp, Settings(), sources))
    (claim,) = [c for c in result.claims if c.text == case["figure"]]
    return claim


def _params() -> list:
    out = []
    for case in CASES:
        miss = KNOWN_MISSES.get(case["id"])
        marks = [pytest.mark.xfail(strict=True, reason=miss)] if miss else []
        out.append(pytest.param(case, id=case["id"], marks=marks))
    return out


@pytest.mark.parametrize("case", _params())
def test_case(case, nlp, statistics):
    claim = checked(case, nlp, statistics)
    measure = (claim.fields.get("statistic") or {}).get("measure")
    verification = claim.verification
    assert verification is not None
    got = (measure, verification.verdict, verification.reason)
    want = (case["measure"], case["verdict"], case["reason"] or verification.reason)
    assert got == want, verification.explanation
    assert errors(claim.to_dict(), "claim") == []


def test_no_false_contradiction(nlp, statistics):
    false = []
    for case in CASES:
        verification = checked(case, nlp, statistics).verification
        if (
            verification
            and verification.verdict == "contradicted"
            and case["verdict"] != "contradicted"
        ):
            false.append(case["id"])
    assert false == []

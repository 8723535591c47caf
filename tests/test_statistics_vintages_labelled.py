"""The labelled vintage sentences (tests/data/statistics_vintage_sentences.jsonl) against today's
WDI with and without the March 2024 release: set A verdict for verdict, and no false error in
either set (set B is measured by benchmarks/statistics_vintages.py, never tuned on)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import DATA, EXAMPLES

from claimcheck import pipeline
from claimcheck.config import Settings
from claimcheck.model import Document
from claimcheck.render.schema import errors
from claimcheck.sources import combine
from claimcheck.sources.base import Sources
from claimcheck.sources.snapshot import load_snapshot
from claimcheck.verify.releases import WARNING_REASONS

pytestmark = pytest.mark.slow
CASES = [
    json.loads(line)
    for line in (DATA / "statistics_vintage_sentences.jsonl").open(encoding="utf-8")
]


def _sources(*names: str) -> Sources:
    out = Sources()
    for name in names:
        out = combine(out, load_snapshot(Path(EXAMPLES / name)))
    return out


READINGS = {
    "without": ("statistics-snapshot.jsonl",),
    "with_vintages": ("statistics-snapshot.jsonl", "statistics-archive-snapshot.jsonl"),
}


@pytest.fixture(scope="module")
def sources() -> dict[str, Sources]:
    return {reading: _sources(*names) for reading, names in READINGS.items()}


def _checked(case: dict, nlp, found: Sources):
    document = Document(id=case["id"], text=case["text"], date=dt.date.fromisoformat(case["date"]))
    (result,) = list(pipeline.check([document], nlp, Settings(), found))
    (claim,) = [c for c in result.claims if c.text == case["figure"]]
    assert errors(claim.to_dict(), "claim") == []
    return claim.verification


@pytest.mark.parametrize("reading", list(READINGS))
@pytest.mark.parametrize("case", [c for c in CASES if c["set"] == "A"], ids=lambda c: c["id"])
def test_set_a(case, reading, nlp, sources):
    verification = _checked(case, nlp, sources[reading])
    got = [verification.verdict, verification.reason]
    assert got == case[reading], verification.explanation


def _error(verdict: str, reason: str) -> bool:
    return verdict == "contradicted" and reason not in WARNING_REASONS


@pytest.mark.parametrize("reading", list(READINGS))
def test_no_false_error_in_either_set(reading, nlp, sources):
    false = []
    for case in CASES:
        got = _checked(case, nlp, sources[reading])
        if _error(got.verdict, got.reason) and not _error(*case[reading]):
            false.append(case["id"])
    assert false == []


def test_the_release_in_force_turns_a_warning_into_an_error_and_a_warning_into_a_pass(nlp, sources):
    by_id = {c["id"]: c for c in CASES}
    polish = by_id["pl-2022-off-by-a-point"]  # 13.5% against 14.43 published in March 2024
    assert _checked(polish, nlp, sources["without"]).reason == "likely_revision"
    assert _checked(polish, nlp, sources["with_vintages"]).reason == "mismatch"
    irish = by_id["ie-2021-revised-since"]  # 2.36% as published, 2.34 today
    assert _checked(irish, nlp, sources["without"]).reason == "likely_revision"
    assert _checked(irish, nlp, sources["with_vintages"]).verdict == "supported"

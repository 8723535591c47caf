"""The seed article verified end to end: against the fake source (facts cited in tests/fakes.py)
and against the real snapshot built from the shared Wikidata samples."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json

import pytest
from conftest import EXAMPLES, SEED
from fakes import FakeSource

from claimcheck import pipeline
from claimcheck.config import Settings
from claimcheck.model import coverage
from claimcheck.render.records import render_jsonl
from claimcheck.render.schema import errors
from claimcheck.sources.snapshot import SnapshotSource
from claimcheck.sources.snapshot_build import build_snapshot
from claimcheck.sources.snapshot_sqlite import SqliteSnapshotSource
from claimcheck.verify.records import read_results
from claimcheck.verify.stage import verify_result

SNAPSHOT = EXAMPLES / "wikidata-snapshot.jsonl"
SETTINGS = Settings(verify=False)


@pytest.fixture(scope="module")
def extracted(nlp):
    documents = list(pipeline.read_documents([str(SEED)], SETTINGS, lambda item: None))
    [result] = pipeline.extract(documents, nlp, SETTINGS)
    return result


@pytest.fixture(scope="module", params=["jsonl", "sqlite"])
def snapshot(request, tmp_path_factory):
    """The example snapshot as shipped, and rebuilt as SQLite: both must verify alike."""
    if request.param == "jsonl":
        return SnapshotSource.load(str(SNAPSHOT))
    out = tmp_path_factory.mktemp("snap") / "facts.sqlite"
    build_snapshot([SNAPSHOT], out)
    return SqliteSnapshotSource.load(out)


def claim(result, kind, contains):
    found = [c for c in result.claims if c.kind == kind and contains in c.text]
    assert found, f"no {kind} claim containing {contains!r}"
    return found[0].verification


def test_document_date_is_the_meeting_day(extracted):
    assert extracted.document.date == dt.date(2022, 1, 12)


def test_thirty_members_supported_on_the_article_date(extracted):
    v = claim(verify_result(extracted, FakeSource()), "membership_count", "30 member states")
    assert (v.verdict, v.reason, v.as_of) == ("supported", "match", dt.date(2022, 1, 12))
    assert v.evidence[0].qualifiers["point_in_time"] == ("2020-03-27",)
    assert "32" in v.note  # true then, changed since


def test_thirty_members_contradicted_as_of_mid_2024(extracted):
    as_of = dataclasses.replace(extracted.document, date=dt.date(2024, 6, 1))
    result = verify_result(dataclasses.replace(extracted, document=as_of), FakeSource())
    v = claim(result, "membership_count", "30 member states")
    assert (v.verdict, v.reason, v.correction) == ("contradicted", "mismatch", 32)


def test_stoltenberg_role_supported(extracted):
    v = claim(verify_result(extracted, FakeSource()), "role", "Jens Stoltenberg")
    assert (v.verdict, v.reason) == ("supported", "match")
    assert v.evidence[0].value.label == "Secretary General of NATO"


def test_amanpour_reported_as_likely_misspelling(extracted):
    v = claim(verify_result(extracted, FakeSource()), "person_name", "Christianne Amanpour")
    assert (v.verdict, v.reason) == ("contradicted", "likely_misspelling")
    assert v.correction == "Christiane Amanpour"


def test_unreachable_source_gives_no_verdict(extracted):
    result = verify_result(extracted, FakeSource(unavailable=True))
    verdicts = {c.verification.verdict for c in result.claims}
    assert verdicts == {"not_checked"}
    assert "source_unavailable" in {c.verification.reason for c in result.claims}


def test_cruz_role_supported_by_the_real_snapshot(extracted, snapshot):
    v = claim(verify_result(extracted, snapshot), "role", "Texas GOP Senator Ted Cruz")
    assert (v.verdict, v.reason, v.as_of) == ("supported", "match", dt.date(2022, 1, 12))
    held, party = v.evidence
    assert (held.entity_label, held.property) == ("Ted Cruz", "position_held")
    assert held.value.label == "United States Senator"
    assert held.qualifiers["start_time"] == ("2013-01-03",)
    assert held.qualifiers["electoral_district"][0].label == "Texas"
    assert party.value.label == "Republican Party"
    assert held.statement and held.url and held.provenance
    assert held.provenance.revision and held.provenance.retrieved_at


def test_real_snapshot_run_is_honest_about_coverage(extracted, snapshot):
    result = verify_result(extracted, snapshot)
    cov = coverage(result.claims)
    assert cov.found == len(result.claims) and cov.checked <= cov.checkable <= cov.found
    assert cov.contradicted == 0  # nothing in the samples disagrees with this article
    unchecked = [c.verification for c in result.claims if c.verification.verdict == "not_checked"]
    assert unchecked and all(v.reason and v.explanation for v in unchecked)


def test_every_verified_claim_validates(extracted, snapshot):
    for source in (FakeSource(), snapshot):
        for c in verify_result(extracted, source).claims:
            assert errors(json.loads(json.dumps(c.to_dict())), "claim") == [], c.text


def test_verify_of_extract_output_equals_check(extracted, nlp, snapshot):
    """`extract --format jsonl | verify -` gives the claims `check` gives."""
    lines = "".join(render_jsonl([extracted]))
    settings = Settings()
    via_verify = list(pipeline.verify(read_results(io.StringIO(lines)), settings, snapshot))
    documents = pipeline.read_documents([str(SEED)], settings, lambda item: None)
    via_check = list(pipeline.check(documents, nlp, settings, snapshot))
    assert [c.to_dict() for c in via_verify[0].claims] == [c.to_dict() for c in via_check[0].claims]


def test_demo_article_shows_supported_and_contradicted_side_by_side(nlp, snapshot):
    """examples/anniversaries.md against the real snapshot: its planted errors are caught."""
    settings = Settings()
    documents = pipeline.read_documents(
        [str(EXAMPLES / "anniversaries.md")], settings, lambda _: None
    )
    [result] = pipeline.check(documents, nlp, settings, snapshot)
    got = {(c.kind, c.text): (c.verification.verdict, c.verification.reason) for c in result.claims}
    assert got[("count", "7.4 million")] == ("supported", "match")
    # spaCy tags "Karlsruhe" ORG; the snapshot's only bearer of the name is the city.
    assert got[("count", "400,000")] == ("contradicted", "mismatch")
    [karlsruhe] = [c.verification for c in result.claims if c.text == "400,000"]
    assert karlsruhe.evidence[0].entity_label == "Karlsruhe"
    assert karlsruhe.evidence[0].property == "population"
    assert karlsruhe.correction == karlsruhe.evidence[0].value != 400000
    assert got[("date", "March 11, 1952")] == ("supported", "match")
    assert got[("date", "May 11, 2003")] == ("contradicted", "mismatch")
    assert got[("role", "Russian President Vladimir Putin")] == ("supported", "match")
    assert got[("role", "Prime Minister Vladimir Putin")] == ("contradicted", "not_held_at_date")
    assert got[("role", "Texas GOP Senator Ted Cruz")] == ("supported", "match")
    assert got[("person_name", "Henning Christopherson")] == ("contradicted", "likely_misspelling")
    # People (issue 22): ages against the date of birth, nationality and birthplace.
    assert got[("age", "69")] == ("supported", "match")  # Putin, born 1952-10-07
    assert got[("age", "52")] == ("contradicted", "mismatch")  # Ted Cruz is 51 on 2022-03-01
    assert got[("nationality", "American lawyer Ted Cruz")] == ("supported", "match")
    assert got[("birthplace", "Ted Cruz, 52, was born in Canada")] == ("supported", "match")

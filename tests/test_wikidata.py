"""The live Wikidata source against real responses replayed from cassettes (no network)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import CASSETTES, replayer
from vcr.errors import CannotOverwriteExistingCassetteException

from claimcheck.config import SourceSettings
from claimcheck.errors import SourceError
from claimcheck.http import HttpClient, new_session
from claimcheck.sources.wikidata import BATCH, WikidataSource, entities_params, valid_id

replay = replayer()


@pytest.fixture
def source() -> WikidataSource:
    http = HttpClient(new_session(), contact="tests@example.org", sleep=lambda s: None)
    return WikidataSource(SourceSettings(), http)


def test_search_ranks_hits_in_the_order_wikidata_gave(source):
    with replay.use_cassette("wbsearchentities.yaml"):
        hits = source.search("abc", limit=7)
    assert [h.id for h in hits][:3] == ["Q169889", "Q286874", "Q781365"]
    assert hits[0].label == "American Broadcasting Company" and hits[0].matched == "ABC"
    assert hits[0].aliases == ("ABC",)


def test_search_with_no_hits_is_empty_not_an_error(source):
    with replay.use_cassette("wbsearchentities.yaml"):
        assert source.search("some search string with no results", limit=7) == []


def test_redirected_item_records_both_ids(source):
    with replay.use_cassette("wbgetentities-redirect-Q32063953.yaml"):
        entity = source.entities(["Q32063953"])["Q32063953"]
    assert entity.id == "Q1040" and entity.label == "Karlsruhe"
    assert entity.provenance.redirected_from == "Q32063953"
    assert entity.provenance.revision == 619336121
    assert entity.provenance.url == "https://www.wikidata.org/wiki/Q1040"


def test_missing_item_is_marked_missing_beside_present_ones(source):
    with replay.use_cassette("wbgetentities-missing-Q6-Q42-P31.yaml"):
        got = source.entities(["Q6", "Q42", "P31"])
    assert got["Q6"].missing and got["Q6"].label is None
    assert not got["Q42"].missing and got["Q42"].label == "Douglas Adams"
    assert "human" in got["Q42"].types


def test_malformed_ids_never_reach_the_api(source):
    # No cassette interaction exists for these: a request would fail the test.
    with replay.use_cassette("wbsearchentities.yaml"):
        got = source.entities(["bogus", "Q0", "Q99999999999", "Q1 OR 1=1"])
    assert all(e.missing for e in got.values())


def test_a_batch_refused_as_a_whole_is_split_to_isolate_the_bad_id(source):
    with replay.use_cassette("wbgetentities-no-such-entity-split.yaml") as cassette:
        got = source.entities(["Q7747", "Q2147483647"])
    assert got["Q7747"].label == "Vladimir Putin" and got["Q2147483647"].missing
    assert cassette.play_count == 3


def test_2016_batch_with_numeric_ids_only_parses_membership(source):
    ids = ["Q2036942"]
    with replay.use_cassette("wbgetentities-2016-batch-Q30.yaml"):
        cruz = source.entities(ids)["Q2036942"]
    held = [s.mainsnak.value.id for s in cruz.statements["position_held"]]
    assert "Q13217683" in held  # United States Senator, given only as numeric-id 13217683


def test_2016_united_states_nato_membership_start(source):
    from urllib.parse import parse_qs, urlsplit

    import yaml

    cassette = yaml.safe_load((CASSETTES / "wbgetentities-2016-batch-Q30.yaml").read_text())
    ids = parse_qs(urlsplit(cassette["interactions"][1]["request"]["uri"]).query)["ids"][0].split(
        "|"
    )
    with replay.use_cassette("wbgetentities-2016-batch-Q30.yaml"):
        usa = source.entities(ids)["Q30"]
    nato = [s for s in usa.statements["member_of"] if s.mainsnak.value.id == "Q7184"]
    assert nato and nato[0].qualifiers["start_time"][0].value.iso == "1949-04-04"
    assert "country" in usa.types
    population = usa.statements["population"]
    assert any(s.rank == "preferred" for s in population)
    assert all(isinstance(s.mainsnak.value.amount, Decimal) for s in population)


def test_requests_carry_maxlag_and_a_batch_never_exceeds_fifty_ids():
    params = entities_params([f"Q{i}" for i in range(1, BATCH + 1)])
    assert params["maxlag"] == "5" and len(params["ids"].split("|")) == BATCH


@pytest.mark.parametrize(
    "entity_id,ok",
    [
        ("Q42", True),
        ("P31", True),
        ("L1", True),
        ("Q0", False),
        ("Q042", False),
        ("q42", False),
        ("Q2147483647", True),
        ("Q2147483648", False),
        ("Q42|Q1", False),
        ("", False),
    ],
)
def test_id_validation(entity_id, ok):
    assert valid_id(entity_id) is ok


def test_an_api_error_other_than_lag_is_a_source_error(source, monkeypatch):
    from claimcheck.http import JsonResponse

    monkeypatch.setattr(
        source,
        "_action",
        lambda params, expiry: JsonResponse(
            "u",
            {"error": {"code": "badvalue", "info": "Unrecognized value"}},
            "2026-01-01T00:00:00Z",
            False,
        ),
    )
    with pytest.raises(SourceError, match="Unrecognized value"):
        source.search("x")


def test_a_batch_over_the_size_cap_is_split_until_it_fits(tmp_path):
    import importlib.util

    from claimcheck.http import HttpPolicy, ResponseTooLarge
    from claimcheck.sources.snapshot import SnapshotSource
    from claimcheck.sources.snapshot_build import build_snapshot

    spec = importlib.util.spec_from_file_location(
        "fake", CASSETTES.parent / "benchmarks" / "fake_wikidata.py"
    )
    fake = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fake)
    build_snapshot([CASSETTES / "wbgetentities-putin-Q7747.yaml"], tmp_path / "s.jsonl")
    transport = fake.SnapshotTransport(SnapshotSource.load(tmp_path / "s.jsonl"))
    session = new_session()
    session.mount("https://", transport)
    policy = HttpPolicy(max_bytes=515_000)  # each document fits alone (504 kB, 17 kB), not both
    source = WikidataSource(
        SourceSettings(), HttpClient(session, contact="x@example.org", policy=policy)
    )
    got = source.entities(["Q7747", "Q19300851"])
    assert got["Q7747"].label == got["Q19300851"].label == "Vladimir Putin"
    assert transport.counts["wbgetentities"] == 3
    tiny = WikidataSource(
        SourceSettings(), HttpClient(session, contact="x", policy=HttpPolicy(max_bytes=1000))
    )
    with pytest.raises(ResponseTooLarge):
        tiny.entities(["Q7747"])


def test_a_request_no_cassette_holds_fails_instead_of_reaching_the_network(source):
    with (
        replayer().use_cassette("wbsearchentities.yaml"),
        pytest.raises(CannotOverwriteExistingCassetteException),
    ):
        source.search("a mention no cassette holds", limit=7)

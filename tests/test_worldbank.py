"""The live World Bank client, replayed from cassettes: the real answer (cassettes/), its paging,
and hand-written faults (cassettes/synthetic-faults/) through the project's one HTTP client."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
import vcr

from claimcheck.config import SourceSettings
from claimcheck.errors import OfflineCacheMiss, SourceUnavailable
from claimcheck.http import HttpClient, HttpPolicy, new_session
from claimcheck.sources import Environment, get_sources
from claimcheck.sources.worldbank import WorldBankSource

CASSETTES = Path(__file__).resolve().parent.parent / "cassettes"
replay = vcr.VCR(
    cassette_library_dir=str(CASSETTES),
    record_mode="none",
    match_on=["method", "scheme", "host", "port", "path", "query"],
)
YEARS = (2019, 2024)


def client(sleeps: list[float] | None = None, cache=None, offline=False) -> WorldBankSource:
    http = HttpClient(
        new_session(),
        contact="tests@example.org",
        cache=cache,
        offline=offline,
        sleep=(sleeps.append if sleeps is not None else lambda s: None),
        clock=lambda: dt.datetime(2026, 10, 1, tzinfo=dt.UTC),
        jitter=lambda: 1.0,
        policy=HttpPolicy(attempts=4),
    )
    return WorldBankSource(http, per_page=5)


def test_the_real_answer_gives_values_with_release_and_query_url(monkeypatch):
    # Only page 1 of the real answer was recorded: read that page alone.
    monkeypatch.setattr("claimcheck.sources.worldbank.MAX_PAGES", 1)
    with replay.use_cassette("worldbank-pop-gbr.yaml") as played:
        found = client().observations("SP.POP.TOTL", "GBR", YEARS)
        assert played.all_played
    assert [(o.year, o.value) for o in found][:2] == [(2024, 69281000), (2023, 68526000)]
    assert {o.lastupdated for o in found} == {"2026-07-13"}
    assert found[0].url == (
        "https://api.worldbank.org/v2/country/GBR/indicator/SP.POP.TOTL"
        "?format=json&date=2019%3A2024&per_page=5&page=1"
    )


def test_every_page_is_fetched():
    with replay.use_cassette("synthetic-faults/worldbank-paging.yaml") as played:
        found = client().observations("SP.POP.TOTL", "GBR", YEARS)
        assert played.all_played
    by_year = {o.year: o for o in found}
    assert sorted(by_year) == [2019, 2020, 2021, 2022, 2023, 2024]
    uk = by_year[2024]
    assert (uk.value, uk.country, uk.country_name) == (Decimal(69281000), "GBR", "United Kingdom")
    assert uk.indicator_title == "Population, total" and uk.lastupdated == "2026-07-13"
    assert uk.url is not None and "date=2019%3A2024" in uk.url and "page=1" in uk.url


def test_a_503_is_retried_then_answered():
    sleeps: list[float] = []
    with replay.use_cassette("synthetic-faults/worldbank-503-then-ok.yaml") as played:
        found = client(sleeps).observations("SP.POP.TOTL", "GBR", YEARS)
        assert played.all_played
    assert len(found) == 6 and len(sleeps) == 1


def test_truncated_json_every_time_is_unavailable_not_a_crash():
    with replay.use_cassette(
        "synthetic-faults/worldbank-truncated-json.yaml", allow_playback_repeats=True
    ):
        with pytest.raises(SourceUnavailable):
            client().observations("SP.POP.TOTL", "GBR", YEARS)


def test_an_answer_that_is_not_a_page_is_an_invalid_response():
    with replay.use_cassette("synthetic-faults/worldbank-not-a-page.yaml"):
        with pytest.raises(SourceUnavailable) as raised:
            client().observations("SP.POP.TOTL", "GBR", YEARS)
    assert raised.value.reason == "upstream_invalid_response"


def test_the_apis_error_answer_means_no_data():
    with replay.use_cassette("synthetic-faults/worldbank-unknown-country.yaml"):
        assert client().observations("SP.POP.TOTL", "XYZ", YEARS) == []


def test_offline_answers_from_the_cache_and_a_miss_says_so(tmp_path):
    from claimcheck.cache import Cache

    with replay.use_cassette("synthetic-faults/worldbank-paging.yaml"):
        warm = client(cache=Cache(str(tmp_path))).observations("SP.POP.TOTL", "GBR", YEARS)
    offline = client(cache=Cache(str(tmp_path)), offline=True)
    assert offline.observations("SP.POP.TOTL", "GBR", YEARS)[0].from_cache
    assert len(offline.observations("SP.POP.TOTL", "GBR", YEARS)) == len(warm)
    with pytest.raises(OfflineCacheMiss):
        offline.observations("SP.POP.TOTL", "FRA", YEARS)


def test_the_default_sources_are_wikidata_and_the_world_bank_with_its_archives_on_one_client(
    tmp_path,
):
    from claimcheck.sources.chain import StatisticsChain
    from claimcheck.sources.worldbank_archives import WorldBankArchiveSource

    settings = SourceSettings(cache_dir=str(tmp_path), contact="tests@example.org")
    built = get_sources(settings, Environment())
    assert built.knowledge is not None and built.knowledge.name == "wikidata"
    # today's figures and every past release, judged together (the release in force decides)
    assert isinstance(built.statistics, StatisticsChain)
    today, archives = built.statistics.sources
    assert isinstance(today, WorldBankSource) and isinstance(archives, WorldBankArchiveSource)
    assert today.http is archives.http is built.knowledge.http  # type: ignore[attr-defined]

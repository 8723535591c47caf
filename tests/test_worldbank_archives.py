"""The WDI Database Archives (World Bank API source 57): parsing its real answers
(examples/world-bank-archives), and the live client replayed from cassettes — which releases it
asks for, batching, paging, --offline and wrong answers — through the project's HTTP client."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from conftest import EXAMPLES, replayer

from claimcheck.cache import Cache
from claimcheck.config import SourceSettings
from claimcheck.errors import OfflineCacheMiss, SourceUnavailable
from claimcheck.http import HttpClient, HttpPolicy, decode_json, new_session
from claimcheck.sources import Environment, get_sources
from claimcheck.sources.worldbank_archives import (
    NotAnArchiveAnswer,
    WorldBankArchiveSource,
    parse_answer,
    parse_versions,
    releases_for,
    vintage_of,
)

ARCHIVES = EXAMPLES / "world-bank-archives"
CPI = "asteria_FP.CPI.TOTL.ZG_GRC-ROU-POL-ITA-IRL-BGR_2020-2023_version-202403.json"
GDPPC = "countryatlas_NY.GDP.PCAP.KD_2015-2016_version-202407.json"
VERSIONS = "countryatlas_versions.json"
replay = replayer()


def answer(name: str):
    return decode_json((ARCHIVES / name).read_bytes())  # as the client decodes a body


def client(cache=None, offline=False, per_page=1000) -> WorldBankArchiveSource:
    http = HttpClient(
        new_session(),
        contact="tests@example.org",
        cache=cache,
        offline=offline,
        sleep=lambda s: None,
        clock=lambda: dt.datetime(2026, 10, 1, tzinfo=dt.UTC),
        jitter=lambda: 1.0,
        policy=HttpPolicy(attempts=2),
    )
    return WorldBankArchiveSource(http, per_page=per_page)


# Parsing the real answers


def test_rows_are_read_by_concept_name_whatever_their_order():
    # CPI: Country, Version, Series, Time; GDP per capita: Country, Time, Series, Version.
    _, cpi = parse_answer(answer(CPI))
    _, gdppc = parse_answer(answer(GDPPC))
    greece = next(r for r in cpi if r.country == "GRC" and r.year == 2022)
    assert (greece.series, greece.vintage, greece.value) == (
        "FP.CPI.TOTL.ZG",
        "2024-03",
        Decimal("9.64525981280632"),
    )
    france = next(r for r in gdppc if r.country == "FRA" and r.year == 2016)
    assert (france.series, france.vintage, france.value) == (
        "NY.GDP.PCAP.KD",
        "2024-07",
        Decimal("36956.7958003293"),
    )


def test_the_latest_year_of_a_release_is_null_and_means_no_value():
    meta, rows = parse_answer(answer(CPI))
    assert len(rows) == 24 and meta["lastupdated"] == "2025-10-29"
    assert {r.value for r in rows if r.year == 2023} == {None}
    assert all(r.value is not None for r in rows if r.year < 2023)


def test_odd_country_codes_are_kept_as_given_and_names_as_published():
    _, rows = parse_answer(answer(GDPPC))
    andorra = {(r.country, r.year): r.value for r in rows if r.country_name == "Andorra"}
    assert andorra == {
        ("ADO", 2015): None,
        ("ADO", 2016): None,
        ("AND", 2015): Decimal("38885.5303222983"),
        ("AND", 2016): Decimal("39886.6400844155"),
    }
    # the release's own, stale series name, not today's
    assert {r.series_name for r in rows} == {"GDP per capita (constant 2010 US$)"}


def test_the_version_id_counts_not_its_label():
    versions = parse_versions(answer(VERSIONS))
    assert len(versions) == 142 and (versions[0], versions[-1]) == ("198904", "202607")
    # '199309' is labelled "1994 Sep", '201703' "2017 Apr": the id says when
    assert [vintage_of(v) for v in ("199309", "201703", "201704")] == [
        "1993-09",
        "2017-03",
        "2017-04",
    ]


@pytest.mark.parametrize("bad", ["2005-04", "20054", "200513", "abcdef"])
def test_a_malformed_version_id_is_not_a_release(bad):
    with pytest.raises(NotAnArchiveAnswer):
        vintage_of(bad)


def test_a_row_without_a_concept_or_with_a_bad_time_is_a_wrong_shape():
    data = answer(CPI)
    data["source"]["data"][3]["variable"] = data["source"]["data"][3]["variable"][:3]
    with pytest.raises(NotAnArchiveAnswer, match="row 4 has no time"):
        parse_answer(data)
    data = answer(CPI)
    data["source"]["data"][0]["variable"][3]["id"] = "2023"
    with pytest.raises(NotAnArchiveAnswer, match="row 1: time '2023'"):
        parse_answer(data)
    data = answer(GDPPC)
    data["source"]["data"][1]["variable"][3]["id"] = "2024 Jul"  # a label where the id goes
    with pytest.raises(NotAnArchiveAnswer, match="row 2: '2024 Jul' is not a version id"):
        parse_answer(data)


def test_releases_asked_are_those_published_after_the_first_year_asked_ended():
    versions = parse_versions(answer(VERSIONS))
    (batch,) = releases_for(versions, (2004, 2004))[:1]
    assert batch[0] == "200504" and "200404" not in batch  # April 2004 cannot hold 2004
    assert [len(b) for b in releases_for(versions, (2019, 2023))] == [40, 6]
    assert sum(len(b) for b in releases_for(versions, (2004, 2004))) == 121
    # four requests at most: from 1989 on, the 160 earliest releases after the year
    assert sum(len(b) for b in releases_for(versions * 2, (1988, 1990))) <= 160


# The client, against cassettes


def test_the_client_asks_the_releases_that_can_hold_the_years_and_keeps_the_country_asked():
    with replay.use_cassette("worldbank-archives-cpi-grc.yaml") as played:
        found = client().observations("FP.CPI.TOTL.ZG", "GRC", (2022, 2023))
        assert played.all_played  # the version list, then one request naming 24 releases
    assert [(o.year, o.vintage, o.value) for o in found] == [
        (2023, "2024-03", None),
        (2022, "2024-03", Decimal("9.64525981280632")),
    ]
    greece = found[1]
    assert (greece.country, greece.country_name, greece.lastupdated) == (
        "GRC",
        "Greece",
        "2025-10-29",
    )
    assert greece.url is not None and "/version/202303;202305;" in greece.url
    assert greece.url.endswith(";202607/data?format=json&per_page=1000&page=1")


def test_every_page_of_an_answer_is_read():
    with replay.use_cassette("synthetic-faults/worldbank-archives-paging.yaml") as played:
        found = client(per_page=10).observations("FP.CPI.TOTL.ZG", "GRC", (2022, 2023))
        assert played.all_played and played.play_count == 4  # versions + 3 pages
    assert {(o.year, o.value) for o in found} == {(2022, Decimal("9.64525981280632")), (2023, None)}


def test_releases_are_asked_in_batches_and_each_keeps_its_vintage():
    with replay.use_cassette("synthetic-faults/worldbank-archives-batches.yaml") as played:
        found = client().observations("FP.CPI.TOTL.ZG", "GRC", (2019, 2023))
        assert played.all_played
    by_release = {(o.vintage, o.year): o.value for o in found}
    assert by_release[("2024-03", 2022)] == Decimal("9.64525981280632")
    assert by_release[("2024-03", 2023)] is None
    assert by_release[("2026-07", 2023)] == Decimal("3.46480128513405")


def test_the_number_of_requests_per_claim_is_bounded(monkeypatch):
    monkeypatch.setattr("claimcheck.sources.worldbank_archives.MAX_REQUESTS", 1)
    with replay.use_cassette("synthetic-faults/worldbank-archives-batches.yaml") as played:
        found = client().observations("FP.CPI.TOTL.ZG", "GRC", (2019, 2023))
        assert played.play_count == 2  # the version list and the first batch only
    assert {o.vintage for o in found} == {"2024-03"}


def test_offline_answers_from_the_cache_and_a_miss_says_so(tmp_path):
    with replay.use_cassette("worldbank-archives-cpi-grc.yaml"):
        warm = client(cache=Cache(str(tmp_path))).observations(
            "FP.CPI.TOTL.ZG", "GRC", (2022, 2023)
        )
    offline = client(cache=Cache(str(tmp_path)), offline=True)
    again = offline.observations("FP.CPI.TOTL.ZG", "GRC", (2022, 2023))
    assert [(o.year, o.value, o.vintage) for o in again] == [
        (o.year, o.value, o.vintage) for o in warm
    ]
    assert all(o.from_cache for o in again)
    with pytest.raises(OfflineCacheMiss):
        offline.observations("FP.CPI.TOTL.ZG", "ROU", (2022, 2023))


def test_offline_with_a_cold_cache_cannot_even_list_the_releases(tmp_path):
    with pytest.raises(OfflineCacheMiss):
        client(cache=Cache(str(tmp_path)), offline=True).observations(
            "SP.POP.TOTL", "GRC", (2004, 2004)
        )


@pytest.mark.parametrize(
    ("cassette", "country", "said"),
    [
        ("worldbank-archives-error.yaml", "XYZ", "an error (120: The provided parameter"),
        ("worldbank-archives-not-an-answer.yaml", "GRC", "no 'source' object"),
    ],
)
def test_an_error_answer_or_a_wrong_shape_is_an_invalid_response(cassette, country, said):
    with replay.use_cassette(f"synthetic-faults/{cassette}"):
        with pytest.raises(SourceUnavailable) as raised:
            client().observations("FP.CPI.TOTL.ZG", country, (2022, 2023))
    assert raised.value.reason == "upstream_invalid_response" and said in str(raised.value)


def test_the_source_is_registered_and_shares_the_runs_client(tmp_path):
    settings = SourceSettings(
        source="worldbank-archives,wikidata", cache_dir=str(tmp_path), contact="t@example.org"
    )
    built = get_sources(settings, Environment())
    assert isinstance(built.statistics, WorldBankArchiveSource)
    assert built.statistics.http is built.knowledge.http  # type: ignore[union-attr]
    assert built.statistics.describe()["endpoint"] == "https://api.worldbank.org/v2/sources/57"


def test_the_real_answers_are_the_shared_bytes():
    # examples/world-bank-archives/PROVENANCE.md gives these sums; the cassettes are built from them
    import hashlib

    sums = {
        VERSIONS: "d170fb12c822446ac417f79d402bed57424a5810d15a2c07bd19e44b6c26d516",
        GDPPC: "6f0776221a63a3767b652fe1c45d2db199888a418f5cd8f90adafbe3a6e938cb",
        CPI: "d6b24aa01438aae46c77a8c2c202f56a4d45f149244242e899ffcdcb322bbb50",
    }
    for name, digest in sums.items():
        assert hashlib.sha256((ARCHIVES / name).read_bytes()).hexdigest() == digest
    assert json.loads((ARCHIVES / CPI).read_text("utf-8"))["source"]["id"] == "57"

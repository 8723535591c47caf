"""The persistent cache: warm re-runs make no requests, --offline, expiry, and a broken cache that
never stops a run."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from conftest import FAULTS, replayer

from claimcheck.cache import FILENAME, Cache, default_cache_dir
from claimcheck.config import SourceSettings
from claimcheck.errors import OfflineCacheMiss
from claimcheck.http import HttpClient, new_session
from claimcheck.link import Mention, link_mentions
from claimcheck.sources import Environment, get_source

replay = replayer()
T0 = dt.datetime(2026, 1, 12, 9, 0, 0, tzinfo=dt.UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


def wikidata(cache_dir: Path, *, offline: bool = False, clock=None, warn=None):
    settings = SourceSettings(
        cache_dir=str(cache_dir), offline=offline, contact="tests@example.org"
    )
    env = Environment(sleep=lambda s: None, clock=clock or Clock(), warn=warn or (lambda m: None))
    return get_source(settings, env)


def test_warm_cache_rerun_makes_zero_http_requests(tmp_path):
    with replay.use_cassette(
        "wbgetentities-putin-Q7747.yaml", allow_playback_repeats=True
    ) as cassette:
        cold_source = wikidata(tmp_path)
        cold = {**cold_source.entities(["Q7747"]), **cold_source.entities(["Q19300851"])}
        played = cassette.play_count
        warm_source = wikidata(tmp_path)
        warm = {**warm_source.entities(["Q7747"]), **warm_source.entities(["Q19300851"])}
        assert cassette.play_count == played == 2
    assert warm_source.http.requests_sent == 0
    assert warm["Q7747"].provenance.from_cache and not cold["Q7747"].provenance.from_cache
    assert warm["Q7747"].provenance.retrieved_at == cold["Q7747"].provenance.retrieved_at
    assert warm["Q7747"].statements == cold["Q7747"].statements


def test_warm_cache_linking_rerun_makes_zero_requests(tmp_path):
    mentions = [Mention("abc", "ORG"), Mention("some search string with no results")]

    def fake_entities(ids):  # the search cassette has no entity batch for the "abc" hits
        return {}

    with replay.use_cassette("wbsearchentities.yaml") as cassette:
        source = wikidata(tmp_path)
        source.entities = fake_entities
        link_mentions(mentions, source)
        assert cassette.play_count == 2
    again = wikidata(tmp_path)
    again.entities = fake_entities
    with replay.use_cassette("wbsearchentities.yaml") as cassette:
        link_mentions(mentions, again)
        assert cassette.play_count == 0 and again.http.requests_sent == 0


def test_offline_answers_from_cache_and_a_miss_is_offline_cache_miss(tmp_path):
    with replay.use_cassette("wbgetentities-redirect-Q32063953.yaml"):
        wikidata(tmp_path).entities(["Q32063953"])
    offline = wikidata(tmp_path, offline=True)
    with replay.use_cassette("wbgetentities-redirect-Q32063953.yaml") as cassette:
        assert offline.entities(["Q32063953"])["Q32063953"].id == "Q1040"
        with pytest.raises(OfflineCacheMiss) as raised:
            offline.entities(["Q42"])
        assert cassette.play_count == 0
    assert raised.value.reason == "offline_cache_miss"


def test_offline_with_a_cold_cache_links_nothing_with_reason(tmp_path):
    link = link_mentions([Mention("Putin", "PERSON")], wikidata(tmp_path, offline=True))
    assert {item.reason for item in link.values()} == {"offline_cache_miss"}


def test_expired_entries_are_fetched_again_but_serve_offline(tmp_path):
    clock = Clock()
    with replay.use_cassette(
        "wbgetentities-redirect-Q32063953.yaml", allow_playback_repeats=True
    ) as cassette:
        wikidata(tmp_path, clock=clock).entities(["Q32063953"])
        clock.now = T0 + dt.timedelta(days=2)
        later = wikidata(tmp_path, clock=clock)
        later.entities(["Q32063953"])
        assert cassette.play_count == 2
    clock.now = T0 + dt.timedelta(days=400)
    assert (
        wikidata(tmp_path, clock=clock, offline=True).entities(["Q32063953"])["Q32063953"].label
        == "Karlsruhe"
    )


def test_error_bodies_are_not_cached(tmp_path):
    with replay.use_cassette("wbgetentities-no-such-entity-split.yaml"):
        wikidata(tmp_path).entities(["Q7747", "Q2147483647"])
    db = sqlite3.connect(tmp_path / FILENAME)
    keys = [k for (k,) in db.execute("SELECT key FROM responses")]
    assert len(keys) == 1 and "Q7747" in keys[0]


def test_corrupt_cache_is_bypassed_with_a_warning(tmp_path):
    (tmp_path / FILENAME).write_bytes(b"this is not a database" * 100)
    warnings: list[str] = []
    with replay.use_cassette("wbgetentities-redirect-Q32063953.yaml"):
        got = wikidata(tmp_path, warn=warnings.append).entities(["Q32063953"])
    assert got["Q32063953"].label == "Karlsruhe"
    assert len(warnings) == 1 and "continuing without it" in warnings[0]


def test_locked_cache_is_bypassed_with_a_warning(tmp_path):
    Cache(tmp_path).put("k", b"{}", "2026-01-12T09:00:00Z")
    locker = sqlite3.connect(tmp_path / FILENAME)
    locker.execute("BEGIN EXCLUSIVE")
    warnings: list[str] = []
    cache = Cache(tmp_path, warn=warnings.append, timeout=0.05)
    cache.put("k2", b"{}", "2026-01-12T09:00:00Z")
    assert cache.get("k", None, T0) is None and len(warnings) == 1
    locker.rollback()


def test_a_lock_held_briefly_by_another_run_does_not_cost_the_cache(tmp_path):
    import threading

    Cache(tmp_path).put("k", b"{}", "2026-01-12T09:00:00Z")
    locker = sqlite3.connect(tmp_path / FILENAME, check_same_thread=False)
    locker.execute("BEGIN EXCLUSIVE")
    release = threading.Timer(0.15, locker.rollback)  # longer than one busy wait below
    release.start()
    warnings: list[str] = []
    cache = Cache(tmp_path, warn=warnings.append, timeout=0.05)
    cache.put("k2", b"{}", "2026-01-12T09:00:00Z")
    release.join()
    assert warnings == []
    assert cache.get("k", None, T0) is not None and cache.get("k2", None, T0) is not None


def test_unwritable_cache_dir_is_bypassed(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache dir should be")
    warnings: list[str] = []
    cache = Cache(blocker / "sub", warn=warnings.append)
    assert cache.get("k", None, T0) is None and len(warnings) == 1


def test_default_location_is_the_user_cache_dir():
    assert "claimcheck" in str(default_cache_dir())


def test_http_client_without_cache_always_fetches():
    http = HttpClient(new_session(), contact="x", cache=None)
    with replay.use_cassette("wbsearchentities.yaml", allow_playback_repeats=True) as cassette:
        for _ in range(2):
            http.get_json(
                "https://www.wikidata.org/w/api.php",
                {
                    "action": "wbsearchentities",
                    "search": "abc",
                    "language": "en",
                    "uselang": "en",
                    "type": "item",
                    "limit": "7",
                    "format": "json",
                    "maxlag": "5",
                },
                expiry=1e9,
            )
        assert cassette.play_count == 2


def test_an_outage_falls_back_to_an_expired_answer_with_its_age(tmp_path):
    clock = Clock()
    with replay.use_cassette("wbsearchentities.yaml"):
        wikidata(tmp_path, clock=clock).search("abc", limit=7)
    clock.now = T0 + dt.timedelta(days=30)
    warnings: list[str] = []
    later = wikidata(tmp_path, clock=clock, warn=warnings.append)
    # The fault cassette answers a different search; match on the endpoint alone.
    faults = replayer(FAULTS)
    with faults.use_cassette(
        "5xx-html.yaml", allow_playback_repeats=True, match_on=["method", "host", "path"]
    ):
        hits = later.search("abc", limit=7)
    assert hits[0].id == "Q169889" and later.http.requests_sent == 4
    assert any("cached answer from 2026-01-12" in w for w in warnings), warnings


def test_two_runs_sharing_the_cache_both_succeed(tmp_path):
    import threading

    warnings: list[str] = []
    caches = [Cache(tmp_path, warn=warnings.append) for _ in range(2)]

    def write(cache: Cache, prefix: str) -> None:
        for n in range(100):
            cache.put(f"{prefix}{n}", b"{}", "2026-01-12T09:00:00Z")

    threads = [
        threading.Thread(target=write, args=(c, p)) for c, p in zip(caches, "ab", strict=True)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    reader = Cache(tmp_path)
    assert warnings == []
    assert all(reader.get(f"{p}{n}", None, T0) is not None for p in "ab" for n in range(100))


def test_one_cache_used_from_several_threads_keeps_working():
    import tempfile
    import threading

    with tempfile.TemporaryDirectory() as directory:
        warnings: list[str] = []
        cache = Cache(directory, warn=warnings.append)
        cache.put("first", b"{}", "2026-01-12T09:00:00Z")  # connects in this thread
        threads = [
            threading.Thread(target=cache.put, args=(f"k{n}", b"{}", "2026-01-12T09:00:00Z"))
            for n in range(4)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert warnings == [] and all(cache.get(f"k{n}", None, T0) for n in range(4))
        cache.close()

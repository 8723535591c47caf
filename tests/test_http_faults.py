"""Fault matrix B, HTTP-level: hand-written fault responses replayed through the real client and
the Wikidata source (cassettes/synthetic-faults/, clock and sleep injected)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import FAULTS, replayer

from claimcheck.config import SourceSettings
from claimcheck.errors import SourceError, SourceUnavailable
from claimcheck.http import HttpClient, HttpPolicy, new_session
from claimcheck.sources.wikidata import WikidataSource

replay = replayer(FAULTS)
START = dt.datetime(2026, 10, 21, 7, 28, 0, tzinfo=dt.UTC)  # 30 s before the cassettes' HTTP-date


class FakeTime:
    def __init__(self) -> None:
        self.now = START
        self.sleeps: list[float] = []

    def clock(self) -> dt.datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 3))
        self.now += dt.timedelta(seconds=seconds)


@pytest.fixture
def time_() -> FakeTime:
    return FakeTime()


def source_with(time_: FakeTime, **policy) -> WikidataSource:
    http = HttpClient(
        new_session(),
        contact="tests@example.org",
        sleep=time_.sleep,
        clock=time_.clock,
        jitter=lambda: 1.0,
        policy=HttpPolicy(**policy),
    )
    return WikidataSource(SourceSettings(), http)


def search(time_: FakeTime, cassette: str, **policy):
    source = source_with(time_, **policy)
    with replay.use_cassette(cassette) as played:
        result = source.search("fault", limit=7)
    assert played.all_played
    return result, source


def test_429_retry_after_seconds_is_honoured(time_):
    result, source = search(time_, "429-retry-after-seconds.yaml")
    assert result == [] and time_.sleeps == [7.0] and source.http.requests_sent == 2


def test_429_retry_after_http_date_future_and_past(time_):
    result, _ = search(time_, "429-retry-after-http-date.yaml")
    assert result == [] and time_.sleeps == [30.0, 0.0]


def test_absurd_retry_after_gives_up_at_once_without_waiting(time_):
    with pytest.raises(SourceUnavailable, match="86400 s"):
        search(time_, "429-absurd-retry-after.yaml")
    assert time_.sleeps == []


def test_503_retry_after(time_):
    result, _ = search(time_, "503-retry-after.yaml")
    assert result == [] and time_.sleeps == [3.0]


def test_5xx_html_retried_with_capped_growing_backoff_then_unavailable(time_):
    with pytest.raises(SourceUnavailable, match="HTTP 500.*Wikimedia Error"):
        search(time_, "5xx-html.yaml")
    assert time_.sleeps == [1.0, 2.0, 4.0]


def test_one_5xx_then_success(time_):
    result, _ = search(time_, "5xx-then-ok.yaml")
    assert result == [] and len(time_.sleeps) == 1


def test_maxlag_in_a_200_body_waits_at_least_retry_after(time_):
    result, _ = search(time_, "maxlag.yaml")
    assert result == [] and time_.sleeps == [5.0]


def test_maxlag_that_persists_spends_the_budget_then_unavailable(time_):
    with pytest.raises(SourceUnavailable, match="database lag"):
        search(time_, "maxlag-forever.yaml")
    assert time_.sleeps == [5.0, 5.0, 5.0]


def test_ratelimited_in_a_200_body_backs_off(time_):
    result, _ = search(time_, "ratelimited.yaml")
    assert result == [] and time_.sleeps == [1.0]


def test_truncated_json_is_never_accepted(time_):
    with pytest.raises(SourceUnavailable, match="invalid JSON"):
        search(time_, "truncated-json.yaml")


def test_truncated_json_once_then_complete(time_):
    result, _ = search(time_, "truncated-then-ok.yaml")
    assert result == []


def test_wrong_content_type_is_not_parsed(time_):
    with pytest.raises(SourceUnavailable, match="expected JSON, got 'text/html"):
        search(time_, "wrong-content-type.yaml")


def test_403_blocked_user_agent_is_an_actionable_error_not_a_retry(time_):
    with pytest.raises(SourceError, match="--contact") as raised:
        search(time_, "403-blocked.yaml")
    assert not isinstance(raised.value, SourceUnavailable) and time_.sleeps == []


def test_a_total_budget_bounds_the_waiting(time_):
    with pytest.raises(SourceUnavailable):
        search(time_, "5xx-html.yaml", budget=2.5)
    assert sum(time_.sleeps) <= 2.5


def test_after_giving_up_later_lookups_fail_fast(time_):
    source = source_with(time_)
    with replay.use_cassette("5xx-html.yaml"), pytest.raises(SourceUnavailable):
        source.search("fault", limit=7)
    sent = source.http.requests_sent
    with pytest.raises(SourceUnavailable):
        source.search("fault", limit=7)
    assert source.http.requests_sent == sent

"""The HTTP client's manners: User-Agent, contact warning, headers, Retry-After forms, backoff."""

from __future__ import annotations

import datetime as dt

import pytest
import requests
from conftest import replayer
from hypothesis import given
from hypothesis import strategies as st

from claimcheck import __version__
from claimcheck.config import SourceSettings
from claimcheck.errors import SourceError, SourceUnavailable
from claimcheck.http import (
    HttpClient,
    HttpPolicy,
    decode_json,
    new_session,
    retry_after,
    user_agent,
)
from claimcheck.sources.wikidata import WikidataSource

NOW = dt.datetime(2026, 10, 21, 7, 28, 0, tzinfo=dt.UTC)


def test_user_agent_names_tool_version_project_contact_and_library():
    ua = user_agent("newsdesk@example.org")
    assert ua == (
        f"claimcheck/{__version__} (+https://github.com/claimcheck/claimcheck; "
        f"newsdesk@example.org) python-requests/{requests.__version__}"
    )
    assert "; " not in user_agent(None)


def test_missing_contact_warns_once_before_the_first_request_and_only_then():
    warnings: list[str] = []
    replay = replayer()
    http = HttpClient(new_session(), contact=None, warn=warnings.append)
    assert warnings == []  # no request yet: a run that never reaches the network is not warned
    with replay.use_cassette("wbsearchentities.yaml", allow_playback_repeats=True):
        source = WikidataSource(SourceSettings(), http)
        source.search("abc", limit=7)
        source.search("abc", limit=7)
    assert len(warnings) == 1 and "--contact" in warnings[0]
    named = HttpClient(new_session(), contact="a@b.org", warn=warnings.append)
    with replay.use_cassette("wbsearchentities.yaml", allow_playback_repeats=True):
        WikidataSource(SourceSettings(), named).search("abc", limit=7)
    assert len(warnings) == 1


def test_every_action_api_request_carries_ua_gzip_and_maxlag():
    seen = []
    replay = replayer(before_record_request=lambda r: seen.append(r) or r)
    http = HttpClient(new_session(), contact="desk@example.org")
    with replay.use_cassette("wbsearchentities.yaml"):
        WikidataSource(SourceSettings(), http).search("abc", limit=7)
    request = seen[-1]
    assert "maxlag=5" in request.uri
    headers = {k.lower(): v for k, v in request.headers.items()}
    assert "desk@example.org" in headers["user-agent"] and headers["accept-encoding"] == "gzip"


@pytest.mark.parametrize(
    "header,seconds",
    [
        ("120", 120.0),
        (" 7 ", 7.0),
        ("Wed, 21 Oct 2026 07:28:30 GMT", 30.0),
        ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),
        ("soon", None),
        ("", None),
        (None, None),
        ("-5", None),
    ],
)
def test_retry_after_forms(header, seconds):
    assert retry_after(header, NOW) == seconds


@given(st.lists(st.floats(min_value=0, max_value=1), min_size=10, max_size=10))
def test_backoff_is_capped_and_grows_before_the_cap(jitters):
    policy = HttpPolicy(backoff=1.0, backoff_cap=8.0)
    it = iter(jitters)
    http = HttpClient(new_session(), contact="x", policy=policy, jitter=lambda: next(it))
    waits = [http._backoff(n) for n in range(1, 11)]
    assert all(0 < w <= 8.0 for w in waits)
    ceilings = [min(8.0, 2 ** (n - 1)) for n in range(1, 11)]
    assert all(c / 2 <= w <= c for w, c in zip(waits, ceilings, strict=True))


@pytest.mark.parametrize("body", [b'{"a": NaN}', b'{"a": 1', b"\xff\xfe", b"<html>", b""])
def test_strict_json_refuses(body):
    with pytest.raises(SourceError):
        decode_json(body)


def test_json_numbers_are_decimal_never_float():
    from decimal import Decimal

    assert decode_json(b'{"lag": 3.45}') == {"lag": Decimal("3.45")}


def test_a_batch_run_without_contact_is_refused_with_an_actionable_message():
    replay = replayer()
    http = HttpClient(new_session(), contact=None, policy=HttpPolicy(anonymous_requests=2))
    source = WikidataSource(SourceSettings(), http)
    with replay.use_cassette("wbsearchentities.yaml", allow_playback_repeats=True):
        source.search("abc", limit=7)
        source.search("abc", limit=7)
        with pytest.raises(SourceError, match="CLAIMCHECK_CONTACT") as raised:
            source.search("abc", limit=7)
    assert http.requests_sent == 2 and not isinstance(raised.value, SourceUnavailable)

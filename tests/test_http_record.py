"""`make record` scrubs what identifies the recorder before a cassette is written."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from vcr.request import Request

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "record_cassettes.py"


def load():
    spec = importlib.util.spec_from_file_location("record_cassettes", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_contact_is_scrubbed_from_the_user_agent_and_cookies_dropped():
    record = load()
    request = Request(
        "GET",
        "https://www.wikidata.org/w/api.php?action=wbgetentities",
        None,
        {
            "User-Agent": "claimcheck/0.1.0 (+https://x; desk@news.example) python-requests/2",
            "Cookie": "WMF-Last-Access=28-Nov-2026",
        },
    )
    scrubbed = record.scrub_request("desk@news.example")(request)
    assert "desk@news.example" not in scrubbed.headers["User-Agent"]
    assert record.SCRUBBED in scrubbed.headers["User-Agent"] and "Cookie" not in scrubbed.headers


def test_client_ip_and_geoip_headers_are_dropped_from_responses():
    record = load()
    response = {
        "headers": {
            # Lower-case, as Wikimedia's HTTP/2 answers send them: scrubbing ignores case.
            "set-cookie": ["WMF-Last-Access=28-Nov-2026"],
            "x-client-ip": ["192.0.2.1"],
            "Content-Type": ["application/json"],
        }
    }
    assert record.scrub_response(response)["headers"] == {"Content-Type": ["application/json"]}


def test_recording_without_a_contact_refuses(monkeypatch, capsys):
    monkeypatch.delenv("CLAIMCHECK_CONTACT", raising=False)
    assert load().main() == 2
    assert "CLAIMCHECK_CONTACT" in capsys.readouterr().err

"""A whole article linked twice through the real HTTP client: the warm re-run sends nothing."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from claimcheck.cache import Cache
from claimcheck.config import SourceSettings
from claimcheck.http import HttpClient, new_session
from claimcheck.link import Mention, link_mentions, search_term
from claimcheck.sources.snapshot import SnapshotSource
from claimcheck.sources.snapshot_build import build_snapshot
from claimcheck.sources.wikidata import WikidataSource

ROOT = Path(__file__).resolve().parent.parent


def transport_class():
    spec = importlib.util.spec_from_file_location(
        "fake_wikidata", ROOT / "benchmarks" / "fake_wikidata.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.SnapshotTransport


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory) -> SnapshotSource:
    out = tmp_path_factory.mktemp("snap") / "s.jsonl"
    build_snapshot(sorted((ROOT / "cassettes").glob("*.yaml")), out)
    return SnapshotSource.load(out)


@pytest.mark.slow
def test_warm_rerun_of_the_example_article_sends_zero_requests(nlp, seed_text, snapshot, tmp_path):
    doc = nlp(seed_text)
    mentions = [
        Mention(e.text, e.label_, None, e.sent.text)
        for e in doc.ents
        if e.label_ in ("PERSON", "GPE", "ORG", "LOC")
    ]
    assert len(mentions) > 20
    transport = transport_class()

    def run():
        session = new_session()
        fake = transport(snapshot)
        session.mount("https://", fake)
        http = HttpClient(session, contact="tests@example.org", cache=Cache(tmp_path))
        links = link_mentions(mentions, WikidataSource(SourceSettings(), http))
        return http.requests_sent, fake.counts, links

    cold, counts, cold_links = run()
    distinct = len({search_term(m) for m in mentions})
    assert counts["wbsearchentities"] == distinct and counts["wbgetentities"] == 1
    assert cold == distinct + 1
    warm, _, warm_links = run()
    assert warm == 0
    assert outcome(warm_links) == outcome(cold_links)


def outcome(links):
    return {m: link.entity.id if link.entity else link.reason for m, link in links.items()}

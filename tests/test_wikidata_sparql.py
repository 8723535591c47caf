"""Listing an organization's members: SPARQL with validated ids only, then one entity batch."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.config import SourceSettings
from claimcheck.errors import SourceError
from claimcheck.http import HttpClient, new_session
from claimcheck.sources.base import MemberListing
from claimcheck.sources.snapshot import SnapshotSource
from claimcheck.sources.wikidata import WikidataSource, members_query, valid_id

# A hand-written SPARQL result in the query service's JSON layout (no real capture of this query
# exists in the samples); the entity batch it leads to is answered by the same fake transport.
BINDINGS = {
    "head": {"vars": ["member"]},
    "results": {
        "bindings": [
            {"member": {"type": "uri", "value": "http://www.wikidata.org/entity/Q30"}},
            {"member": {"type": "uri", "value": "http://www.wikidata.org/entity/Q16"}},
            {"member": {"type": "uri", "value": "http://www.wikidata.org/entity/not-an-id"}},
        ]
    },
}


def member_doc(entity_id: str, label: str) -> dict:
    value = {"entity-type": "item", "numeric-id": 7184}  # the 2016 shape: numeric-id only
    statement = {
        "rank": "normal",
        "mainsnak": {
            "snaktype": "value",
            "property": "P463",
            "datavalue": {"type": "wikibase-entityid", "value": value},
        },
    }
    return {
        "id": entity_id,
        "labels": {"en": {"language": "en", "value": label}},
        "claims": {"P463": [statement]},
    }


class FakeWikidata(requests.adapters.BaseAdapter):
    def __init__(self, sparql_body: bytes) -> None:
        super().__init__()
        self.sparql_body, self.seen = sparql_body, []

    def send(self, request, **kwargs):
        self.seen.append(request.url)
        response = requests.Response()
        response.status_code, response.url = 200, request.url
        query = parse_qs(urlsplit(request.url).query)
        if "query" in query:
            response.headers["Content-Type"] = "application/sparql-results+json;charset=utf-8"
            body = self.sparql_body
        else:
            response.headers["Content-Type"] = "application/json; charset=utf-8"
            ids = query["ids"][0].split("|")
            labels = {"Q30": "United States of America", "Q16": "Canada"}
            body = json.dumps(
                {"entities": {i: member_doc(i, labels[i]) for i in ids}, "success": 1}
            ).encode()
        import io

        response.raw = io.BytesIO(body)
        return response

    def close(self) -> None:
        pass


def source_over(adapter: FakeWikidata) -> WikidataSource:
    session = new_session()
    session.mount("https://", adapter)
    return WikidataSource(
        SourceSettings(), HttpClient(session, contact="x@example.org", sleep=lambda s: None)
    )


def test_members_makes_one_query_and_one_entity_batch():
    adapter = FakeWikidata(json.dumps(BINDINGS).encode())
    members = source_over(adapter).members("Q7184")
    assert sorted(m.id for m in members) == ["Q16", "Q30"]
    assert all(m.statements["member_of"][0].mainsnak.value.id == "Q7184" for m in members)
    assert len(adapter.seen) == 2 and adapter.seen[0].startswith(
        "https://query.wikidata.org/sparql?"
    )


@pytest.mark.parametrize(
    "body",
    [
        b'{"head": {"vars": ["member"]}, "results": {"bindi',
        b'{"head": {"vars": []}}',
        b'{"error": "java.util.concurrent.TimeoutException"}',
    ],
)
def test_a_cut_or_errored_result_is_never_read_as_no_members(body):
    with pytest.raises(SourceError):
        source_over(FakeWikidata(body)).members("Q7184")


def test_an_invalid_organization_id_sends_nothing():
    adapter = FakeWikidata(b"{}")
    assert source_over(adapter).members('Q1 } . ?x ?y "') == () and adapter.seen == []


@given(st.text(max_size=40))
def test_only_validated_ids_reach_the_query_text(text):
    if valid_id(text):
        assert f"wd:{text} ." in members_query(text)
    else:
        with pytest.raises(ValueError):
            members_query(text)


@pytest.mark.parametrize("hostile", ['Q1"', "Q1\\", "Q1\n", "Q1\u0022", "Q1}", "Q1#", "Q1>", "Q１"])
def test_hostile_strings_are_refused(hostile):
    with pytest.raises(ValueError):
        members_query(hostile)


def test_both_sources_can_list_members():
    snapshot = SnapshotSource(
        [member_doc("Q30", "United States of America"), member_doc("Q5", "x")]
    )
    assert isinstance(snapshot, MemberListing) and isinstance(
        source_over(FakeWikidata(b"")), MemberListing
    )
    assert [m.id for m in snapshot.members("Q7184")] == ["Q5", "Q30"]
    assert snapshot.members("Q1") == ()

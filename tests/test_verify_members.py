"""Member counts from member-of statements, when the source holds no member count."""

from __future__ import annotations

import datetime as dt

from fakes import FakeSource, fake_linker

from claimcheck.extract.claims import make_claim
from claimcheck.model import Document, Span
from claimcheck.verify.stage import verify_claims


def check(text: str, amount: int, as_of: str, source: FakeSource) -> dict:
    doc = Document(id="m", text=text)
    value = {
        "amount": amount,
        "unit": None,
        "lower": amount,
        "upper": amount,
        "approximate": False,
        "modifier": None,
    }
    claim = make_claim(
        doc,
        "membership_count",
        Span(0, len(text)),
        text,
        value,
        {"organization": {"text": "Benelux"}},
    )
    [done] = verify_claims([claim], source, dt.date.fromisoformat(as_of), fake_linker)
    return done.verification


def test_three_members_counted_from_member_of_statements():
    v = check("Benelux's 3 member states", 3, "2022-01-12", FakeSource())
    assert (v.verdict, v.reason) == ("supported", "match")
    assert sorted(e.entity_label for e in v.evidence) == [
        "Belgium",
        "Luxembourg",
        "Netherlands",
    ]


def test_wrong_count_is_contradicted_with_the_count():
    v = check("Benelux's 4 member states", 4, "2022-01-12", FakeSource())
    assert (v.verdict, v.correction) == ("contradicted", 3)


def test_before_any_membership_counts_zero():
    v = check("Benelux's 3 member states", 3, "1940-01-01", FakeSource())
    assert (v.verdict, v.correction) == ("contradicted", 0)


def test_partial_member_lists_are_not_counted():
    source = FakeSource(members_complete=False)  # e.g. a snapshot holding only some members
    v = check("Benelux's 3 member states", 3, "2022-01-12", source)
    assert (v.verdict, v.reason) == ("not_checked", "property_not_in_source")
    assert ("members", "fake:benelux") not in source.calls


def test_member_list_not_asked_for_when_the_count_exists():
    source = FakeSource()
    doc = Document(id="m", text="NATO's 30 member states")
    value = {
        "amount": 30,
        "unit": None,
        "lower": 30,
        "upper": 30,
        "approximate": False,
        "modifier": None,
    }
    claim = make_claim(
        doc,
        "membership_count",
        Span(0, len(doc.text)),
        doc.text,
        value,
        {"organization": {"text": "NATO"}},
    )
    [done] = verify_claims([claim], source, dt.date(2022, 1, 12), fake_linker)
    assert done.verification.verdict == "supported"
    assert not [c for c in source.calls if c[0] == "members"]


class GraphSplitSource(FakeSource):
    """Matrix C14: since May 2025 the main query service no longer holds scholarly items, so a
    members query can come back empty for an organization that has members."""

    def members(self, organization_id):
        self.calls.append(("members", organization_id))
        return ()


def test_an_empty_query_service_answer_is_no_evidence_of_zero_members():
    source = GraphSplitSource()
    v = check("Benelux's 3 member states", 3, "2022-01-12", source)
    assert (v.verdict, v.reason) == ("not_checked", "property_not_in_source")
    assert ("members", "fake:benelux") in source.calls

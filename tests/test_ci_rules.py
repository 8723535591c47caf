"""Rule codes: the registry, --select/--ignore with prefixes (the most specific wins), unknown
codes, and the proselint lesson: every code can be switched off on its own."""

from __future__ import annotations

import pytest
from ci_support import claim, document, finding, result, settings

from claimcheck.errors import UsageError
from claimcheck.policy.apply import apply_rules
from claimcheck.policy.rules import check_selectors, is_enabled, registry

# One line per rule, each triggering exactly that rule.
KIND_TRIGGERS = {
    "CC100": ("ordinal", "contradicted", "mismatch"),
    "CC101": ("quantity", "contradicted", "mismatch"),
    "CC102": ("money", "contradicted", "mismatch"),
    "CC103": ("percent", "contradicted", "mismatch"),
    "CC104": ("quantity", "contradicted", "minor_mismatch"),
    "CC201": ("date", "contradicted", "mismatch"),
    "CC202": ("duration", "contradicted", "mismatch"),
    "CC301": ("count", "contradicted", "mismatch"),
    "CC302": ("membership_count", "contradicted", "mismatch"),
    "CC303": ("membership", "contradicted", "not_member_at_date"),
    "CC304": ("team_membership", "contradicted", "not_held_at_date"),
    "CC305": ("group_membership", "contradicted", "still_held_at_date"),
    "CC401": ("role", "contradicted", "not_held_at_date"),
    "CC402": ("person_name", "contradicted", "likely_misspelling"),
    "CC403": ("location", "contradicted", "mismatch"),
    "CC404": ("age", "contradicted", "mismatch"),
    "CC405": ("nationality", "contradicted", "mismatch"),
    "CC406": ("birthplace", "contradicted", "mismatch"),
    "CC910": ("count", "not_checked", "source_unavailable"),
}


def _everything():
    codes = list(registry())
    lines = [f"Sentence for {code} here." for code in codes if code != "CC911"]
    text = "\n".join(["<!-- claimcheck: ignore -->", "", "Nothing to see.", *lines]) + "\n"
    doc = document(text)
    claims, findings = [], []
    for code in codes:
        if code in KIND_TRIGGERS:
            kind, verdict, reason = KIND_TRIGGERS[code]
            claims.append(claim(doc, f"for {code}", kind, verdict, reason))
        elif code != "CC911":  # CC5xx come from the consistency stage as findings
            findings.append(finding(doc, f"for {code}", code, registry()[code].severity))
    return result(doc, tuple(claims), tuple(findings))


def _codes(res):
    return sorted({f.rule for f in res.findings})


def test_every_rule_is_triggered_by_the_fixture():
    assert _codes(apply_rules(_everything(), settings())) == sorted(registry())


@pytest.mark.parametrize("code", sorted(registry()))
def test_every_rule_can_be_switched_off_on_its_own(code):
    reported = _codes(apply_rules(_everything(), settings(ignore=(code,))))
    assert reported == sorted(set(registry()) - {code})


@pytest.mark.parametrize("code", sorted(registry()))
def test_select_one_rule_reports_only_that_rule(code):
    assert _codes(apply_rules(_everything(), settings(select=(code,)))) == [code]


def test_prefixes_and_the_most_specific_wins():
    assert is_enabled("CC503", select=(), ignore=("CC5",)) is False
    assert is_enabled("CC503", select=("CC503",), ignore=("CC5",)) is True
    assert is_enabled("CC504", select=("CC503",), ignore=("CC5",)) is False
    assert is_enabled("CC301", select=("CC3",), ignore=("CC30",)) is False
    assert is_enabled("CC101", select=("CC3",), ignore=()) is False


def test_codes_are_normalized_and_comma_separated():
    assert check_selectors(["cc5,CC301", " CC9 "], "--select") == ("CC5", "CC301", "CC9")
    assert check_selectors(["ALL"], "--select") == ("CC",)


@pytest.mark.parametrize("bad, hint", [("CC599", "CC509"), ("CC3O1", "CC301"), ("E501", None)])
def test_unknown_code_is_a_usage_error_with_a_suggestion(bad, hint):
    with pytest.raises(UsageError) as err:
        check_selectors([bad], "--ignore")
    assert f"unknown rule code '{bad}'" in str(err.value)
    if hint:
        assert f"did you mean {hint}?" in str(err.value)


def test_every_rule_has_a_category_severity_and_summary():
    for code, rule in registry().items():
        assert rule.severity in ("error", "warning", "info"), code
        assert rule.summary and rule.name, code
    assert registry()["CC910"].category == "unverified"
    assert registry()["CC501"].category == "inconsistent"
    assert registry()["CC301"].category == "contradicted"

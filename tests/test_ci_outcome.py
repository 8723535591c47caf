"""Findings from verdicts, content fingerprints, and the exit-status contract (0/1/2/3)."""

from __future__ import annotations

import dataclasses
import os

import pytest
from ci_support import claim, document, finding, result, settings

from claimcheck.config import Override
from claimcheck.errors import ExitStatus, UsageError
from claimcheck.policy.apply import apply_rules
from claimcheck.policy.outcome import check_fail_on, exit_status

TEXT = "NATO has 30 members.\nThe summit lasted 3 days.\nTuesday, January 12, 2022.\n"


def _run(claims=(), findings=(), path="articles/story.md", **rules):
    doc = document(TEXT, path=path)
    built = result(doc, tuple(c(doc) for c in claims), tuple(f(doc) for f in findings))
    s = settings(**rules)
    return apply_rules(built, s), s


def contradicted(doc):
    return claim(doc, "30 members", "membership_count", "contradicted")


def unavailable(doc):
    return claim(doc, "3 days", "duration", "not_checked", "source_unavailable")


def offline_miss(doc):
    return claim(doc, "3 days", "duration", "not_checked", "offline_cache_miss")


def no_link(doc):
    return claim(doc, "3 days", "duration", "not_checked", "no_entity_link")


def inconsistent(doc):
    return finding(doc, "Tuesday, January 12, 2022", "CC501", "error")


def minor(doc):
    return finding(doc, "Tuesday, January 12, 2022", "CC503", "warning")


def test_contradicted_claim_becomes_an_error_finding_with_its_kinds_rule():
    res, _ = _run([contradicted])
    (f,) = res.findings
    assert (f.rule, f.severity, f.line, f.column) == ("CC302", "error", 1, 10)
    assert "30 members" in f.message and f.claims == (res.claims[0].id,)


@pytest.mark.parametrize(
    "claims, findings, rules, status",
    [
        ([], [], {}, ExitStatus.OK),
        ([no_link], [], {}, ExitStatus.OK),  # not checkable is not "unavailable"
        ([contradicted], [], {}, ExitStatus.FINDINGS),
        ([], [inconsistent], {}, ExitStatus.FINDINGS),
        ([], [minor], {}, ExitStatus.OK),  # warnings do not fail by default
        ([], [minor], {"fail_on": ("warning",)}, ExitStatus.FINDINGS),
        ([], [inconsistent], {"fail_on": ("contradicted",)}, ExitStatus.OK),
        ([unavailable], [], {}, ExitStatus.UNVERIFIED),
        ([offline_miss], [], {}, ExitStatus.UNVERIFIED),
        ([unavailable], [], {"fail_on": ("unverified",)}, ExitStatus.FINDINGS),
        ([contradicted, unavailable], [], {}, ExitStatus.FINDINGS),
        ([contradicted], [], {"exit_zero": True}, ExitStatus.OK),
        ([unavailable], [], {"exit_zero": True}, ExitStatus.UNVERIFIED),  # 3 is not a pass
        ([contradicted], [], {"ignore": ("CC3",)}, ExitStatus.OK),
    ],
)
def test_exit_status_contract(claims, findings, rules, status):
    res, s = _run(claims, findings, **rules)
    assert exit_status([res], s.rules) == status


def test_exit_zero_never_masks_an_error():
    res, s = _run([contradicted], exit_zero=True)
    assert exit_status([res], s.rules, unreadable=1) == ExitStatus.ERROR
    failed = dataclasses.replace(res, error="pipeline failed")
    assert exit_status([failed], s.rules) == ExitStatus.ERROR


def test_override_caps_severity_so_the_archive_only_warns():
    archive = (Override(files=("archive/**",), severity="warning"),)
    res, s = _run([contradicted], path="archive/2019/story.md", overrides=archive, root=".")
    assert [f.severity for f in res.findings] == ["warning"]
    assert exit_status([res], s.rules) == ExitStatus.OK
    res, s = _run([contradicted], path="articles/story.md", overrides=archive, root=".")
    assert exit_status([res], s.rules) == ExitStatus.FINDINGS


def test_fingerprint_survives_edits_above_and_changes_with_the_claim():
    before, _ = _run([contradicted])
    doc = document("A new first paragraph.\n\n" + TEXT)
    moved = apply_rules(result(doc, (contradicted(doc),)), settings())
    assert moved.findings[0].line == 3
    assert moved.findings[0].fingerprint == before.findings[0].fingerprint
    other = document(TEXT.replace("30 members", "31 members"))
    changed = apply_rules(
        result(other, (claim(other, "31 members", "membership_count", "contradicted"),)), settings()
    )
    assert changed.findings[0].fingerprint != before.findings[0].fingerprint


def test_fail_on_values_are_checked():
    assert check_fail_on(["contradicted,unverified"]) == ("contradicted", "unverified")
    with pytest.raises(UsageError, match="unknown value 'everything'"):
        check_fail_on(["everything"])


def test_fingerprint_does_not_depend_on_how_the_path_was_given():
    relative, _ = _run([contradicted], path="articles/story.md")
    absolute, _ = _run([contradicted], path=os.path.abspath("articles/story.md"))
    assert relative.findings[0].fingerprint == absolute.findings[0].fingerprint


# An outage is never a pass: exit 3 is read from the claims, whatever hides their findings.
@pytest.mark.parametrize(
    "rules",
    [
        {"exit_zero": True},
        {"ignore": ("CC910",)},
        {"ignore": ("CC9",)},
        {"min_severity": "error"},
        {"select": ("CC3",)},
    ],
)
def test_no_option_hides_an_outage(rules):
    res, s = _run([unavailable], **rules)
    assert exit_status([res], s.rules) == ExitStatus.UNVERIFIED


def test_exit_zero_with_findings_and_an_outage_is_3_not_0():
    res, s = _run([contradicted, unavailable], exit_zero=True)
    assert exit_status([res], s.rules) == ExitStatus.UNVERIFIED
    res, s = _run([contradicted, unavailable], exit_zero=True, fail_on=("unverified",))
    assert exit_status([res], s.rules) == ExitStatus.UNVERIFIED  # --exit-zero turns 1, not 3


def test_ignoring_cc910_still_fails_with_fail_on_unverified():
    res, s = _run([unavailable], ignore=("CC910",), fail_on=("unverified",))
    assert exit_status([res], s.rules) == ExitStatus.FINDINGS

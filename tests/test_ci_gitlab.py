"""`--format gitlab`: a GitLab Code Quality report (the Code Climate subset GitLab reads), as
the GitLab CI job in examples/ci/ writes it."""

from __future__ import annotations

import json

from ci_support import document, finding, result, settings
from test_ci_formats import _results

from claimcheck.policy.apply import apply_rules
from claimcheck.render import gitlab

SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def _issues(results):
    return json.loads("".join(gitlab.render(results)))


def test_every_issue_has_the_fields_gitlab_requires():
    issues = _issues(_results())
    assert [i["check_name"] for i in issues] == ["CC302", "CC501", "CC507"]
    for issue in issues:
        assert issue["check_name"] in issue["description"]
        assert issue["severity"] in SEVERITIES
        assert issue["location"]["path"] == "articles/story.md"
        assert isinstance(issue["location"]["lines"]["begin"], int)
        assert issue["location"]["lines"]["begin"] >= 1
    assert [i["severity"] for i in issues] == ["critical", "critical", "minor"]


def test_suppressed_findings_are_left_out():
    issues = _issues(_results(claimcheck={"ignore": ["CC507"]}))
    assert "CC507" not in [i["check_name"] for i in issues]


def test_fingerprints_are_unique_even_for_the_same_sentence_twice():
    doc = document("Tuesday, January 12, 2022.\nTuesday, January 12, 2022.\n")
    twice = (
        finding(doc, "Tuesday, January 12, 2022", "CC501"),
        finding(doc, "Tuesday, January 12, 2022", "CC501", after=5),
    )
    issues = _issues([apply_rules(result(doc, findings=twice), settings())])
    assert len(issues) == 2 and len({i["fingerprint"] for i in issues}) == 2
    assert [i["location"]["lines"]["begin"] for i in issues] == [1, 2]


def test_no_findings_is_an_empty_report():
    assert _issues([]) == []

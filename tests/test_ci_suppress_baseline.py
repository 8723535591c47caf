"""Inline and front-matter suppressions, unused-suppression reports, and the baseline."""

from __future__ import annotations

import json
import re

from ci_support import document, finding, result, settings

from claimcheck.errors import ExitStatus
from claimcheck.policy import baseline
from claimcheck.policy.apply import apply_rules
from claimcheck.policy.outcome import exit_status


def _findings(text, rules=("CC501",), **meta):
    doc = document(text, **meta)
    found = tuple(
        finding(doc, f"bad{i}", code) for i, code in enumerate(rules) if f"bad{i}" in text
    )
    return apply_rules(result(doc, findings=found), settings())


def _state(res):
    return [(f.rule, f.line, f.suppressed) for f in res.findings]


def test_comment_on_its_own_line_covers_the_next_line_with_text():
    res = _findings("<!-- claimcheck: ignore CC501 -->\n\nbad0 here\n")
    assert _state(res) == [("CC501", 3, "inline")]
    assert exit_status([res], settings().rules) == ExitStatus.OK


def test_trailing_comment_covers_its_own_line_only():
    res = _findings(
        "bad0 here <!-- claimcheck: ignore CC5 -->\nbad1 here\n", rules=("CC501", "CC503")
    )
    assert _state(res) == [("CC501", 1, "inline"), ("CC503", 2, None)]


def test_code_must_match_and_other_codes_are_reported_as_unused():
    res = _findings("<!-- claimcheck: ignore CC301 -->\nbad0 here\n")
    assert _state(res) == [("CC911", 1, None), ("CC501", 2, None)]


def test_block_disable_enable():
    text = (
        "bad0\n<!-- claimcheck: disable CC501 -->\nbad1\nbad2\n"
        "<!-- claimcheck: enable CC501 -->\nbad3\n"
    )
    res = _findings(text, rules=("CC501",) * 4)
    assert _state(res) == [
        ("CC501", 1, None),
        ("CC501", 3, "inline"),
        ("CC501", 4, "inline"),
        ("CC501", 6, None),
    ]


def test_front_matter_key_covers_the_whole_article():
    res = _findings("bad0\n\nbad1\n", rules=("CC501", "CC503"), claimcheck={"ignore": ["CC501"]})
    assert _state(res) == [("CC501", 1, "front_matter"), ("CC503", 3, None)]
    unused = _findings("nothing\n", claimcheck={"ignore": ["CC3"]})
    assert [f.rule for f in unused.findings] == ["CC911"]


def test_comments_inside_code_are_not_suppressions():
    from claimcheck.model import Span

    text = "```\n<!-- claimcheck: ignore -->\n```\nbad0\n"
    doc = document(text)
    doc = type(doc)(**{**doc.__dict__, "skip": (Span(0, text.index("bad0") - 1),)})
    res = apply_rules(result(doc, findings=(finding(doc, "bad0", "CC501"),)), settings())
    assert _state(res) == [("CC501", 4, None)]


def test_unused_suppression_not_reported_when_its_rule_is_switched_off():
    doc = document("<!-- claimcheck: ignore CC301 -->\nclean\n")
    res = apply_rules(result(doc), settings(ignore=("CC3",)))
    assert res.findings == ()


def _baselined(tmp_path, text):
    """One CC501 finding at every "Tuesday" of the text."""
    doc = document(text, path=str(tmp_path / "story.md"))
    starts = [m.start() for m in re.finditer("Tuesday", text)]
    return result(doc, findings=tuple(finding(doc, "Tuesday", "CC501", after=s) for s in starts))


def test_baseline_accepts_findings_by_content_not_line(tmp_path):
    file = tmp_path / "baseline.json"
    first = apply_rules(_baselined(tmp_path, "We met on Tuesday.\n"), settings())
    file.write_text(baseline.render(baseline.entries([first], str(tmp_path))))
    data = json.loads(file.read_text())
    assert [(e["path"], e["rule"], e["count"]) for e in data["entries"]] == [
        ("story.md", "CC501", 1)
    ]
    s = settings(baseline=str(file), baseline_entries=baseline.load(str(file)))
    edited = apply_rules(_baselined(tmp_path, "A new intro.\n\nWe met on Tuesday.\n"), s)
    assert _state(edited) == [("CC501", 3, "baseline")]
    assert exit_status([edited], s.rules) == ExitStatus.OK


def test_a_second_copy_of_a_baselined_finding_still_fails(tmp_path):
    file = tmp_path / "baseline.json"
    first = apply_rules(_baselined(tmp_path, "Tuesday.\n"), settings())
    file.write_text(baseline.render(baseline.entries([first], str(tmp_path))))
    s = settings(baseline=str(file), baseline_entries=baseline.load(str(file)))
    doubled = apply_rules(_baselined(tmp_path, "Tuesday.\nTuesday.\n"), s)
    assert sorted(f.suppressed or "" for f in doubled.findings) == ["", "baseline"]
    assert exit_status([doubled], s.rules) == ExitStatus.FINDINGS


def test_prune_drops_stale_entries_and_never_adds(tmp_path):
    old = {baseline.key("story.md", "CC501", "aaa"): 2, baseline.key("gone.md", "CC301", "bbb"): 1}
    current = [
        {"path": "story.md", "rule": "CC501", "fingerprint": "aaa", "count": 1, "message": "m"},
        {"path": "new.md", "rule": "CC501", "fingerprint": "ccc", "count": 1, "message": "m"},
    ]
    assert baseline.prune(old, current) == [current[0]]


def test_missing_baseline_is_empty_and_a_broken_one_is_a_config_error(tmp_path):
    import pytest

    from claimcheck.errors import ConfigError

    assert baseline.load(str(tmp_path / "none.json")) == {}
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    with pytest.raises(ConfigError, match="not a claimcheck baseline"):
        baseline.load(str(broken))


def _outage(text, **meta):
    """A document whose one claim the source could not answer, with the rules applied."""
    from ci_support import claim

    doc = document(text, **meta)
    unavailable = claim(doc, "3 days", "duration", "not_checked", "source_unavailable")
    return doc, result(doc, (unavailable,))


def test_no_suppression_hides_an_outage():
    for text, meta in (
        ("The summit lasted 3 days. <!-- claimcheck: ignore CC910 -->\n", {}),
        ("<!-- claimcheck: ignore -->\nThe summit lasted 3 days.\n", {}),
        ("The summit lasted 3 days.\n", {"claimcheck": {"ignore": "all"}}),
    ):
        _, built = _outage(text, **meta)
        res = apply_rules(built, settings())
        assert [(f.rule, f.suppressed) for f in res.findings if f.rule == "CC910"] == [
            ("CC910", None)
        ], text
        assert exit_status([res], settings().rules) == ExitStatus.UNVERIFIED


def test_baseline_never_records_or_accepts_could_not_verify():
    _, built = _outage("The summit lasted 3 days.\n", path="story.md")
    res = apply_rules(built, settings(root="."))
    assert [f.rule for f in res.findings] == ["CC910"]
    assert baseline.entries([res], ".") == []
    # A baseline written before CC910 was refused holds it: it is not accepted, and it is said.
    (f,) = res.findings
    old = {baseline.key("story.md", "CC910", f.fingerprint): 1}
    accepted = apply_rules(built, settings(root=".", baseline_entries=old))
    assert [g.suppressed for g in accepted.findings] == [None]
    assert exit_status([accepted], settings().rules) == ExitStatus.UNVERIFIED
    assert baseline.unverified_matches([accepted], old, ".", ".") == 1


def test_a_claim_baselined_as_contradicted_is_said_when_it_could_not_be_verified():
    from claimcheck.policy.findings import fingerprint

    _, built = _outage("The summit lasted 3 days.\n", path="story.md")
    res = apply_rules(built, settings(root="."))
    held = {baseline.key("story.md", "CC202", fingerprint("story.md", "CC202", "3 days")): 1}
    assert baseline.unverified_matches([res], held, ".", ".") == 1
    other = {baseline.key("story.md", "CC202", fingerprint("story.md", "CC202", "4 days")): 1}
    assert baseline.unverified_matches([res], other, ".", ".") == 0

"""`claimcheck verify` reads extract's JSON lines from a file or stdin (no spaCy needed)."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import EXAMPLES

from claimcheck.extract.claims import make_claim
from claimcheck.model import Document, DocumentResult, Finding, Span
from claimcheck.render.records import render_jsonl

TEXT = "Texas GOP Senator Ted Cruz spoke."


def extract_lines(date: str = "2022-01-12") -> str:
    import datetime as dt

    doc = Document(
        id="story.txt",
        text=TEXT,
        path="story.txt",
        date=dt.date.fromisoformat(date),
        date_source="front_matter",
    )
    person = {"text": "Ted Cruz", "span": {"start": 18, "end": 26}, "type": "PERSON"}
    fields = {
        "person": person,
        "position": "Senator",
        "party": {"text": "GOP", "canonical": "Republican Party"},
        "state": {"text": "Texas", "type": "GPE"},
    }
    role = make_claim(
        doc, "role", Span(0, 26), TEXT, {"person": "Ted Cruz", "position": "Senator"}, fields
    )
    return "".join(render_jsonl([DocumentResult(doc, (role,))]))


def run(args: list[str], stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_verify_reads_stdin_and_checks_against_the_snapshot():
    done = run(
        [
            "verify",
            "-",
            "--format",
            "jsonl",
            "--source",
            f"snapshot:{EXAMPLES / 'wikidata-snapshot.jsonl'}",
        ],
        extract_lines(),
    )
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert records[0]["record"] == "document" and records[0]["date"] == "2022-01-12"
    [role] = [r for r in records if r["record"] == "claim"]
    assert role["verification"]["verdict"] == "supported"
    assert role["verification"]["evidence"][0]["value"]["label"] == "United States Senator"


def test_as_of_before_the_term_contradicts():
    done = run(
        [
            "verify",
            "-",
            "--format",
            "jsonl",
            "--as-of",
            "2010-01-01",
            "--source",
            f"snapshot:{EXAMPLES / 'wikidata-snapshot.jsonl'}",
        ],
        extract_lines(),
    )
    [role] = [json.loads(x) for x in done.stdout.splitlines() if '"record":"claim"' in x]
    assert (role["verification"]["verdict"], role["verification"]["reason"]) == (
        "contradicted",
        "not_held_at_date",
    )
    assert done.returncode == 1  # a contradicted claim fails the run by default


def test_bad_line_is_a_usage_error_naming_the_line():
    done = run(["verify", "-", "--source", "snapshot:/dev/null"], extract_lines() + "{not json\n")
    assert done.returncode == 2
    assert "<stdin>:3" in done.stderr and "Traceback" not in done.stderr


def test_verify_keeps_the_findings_extract_wrote_with_their_confidence():
    doc_line, claim_line = extract_lines().splitlines()
    finding = Finding(
        rule="CC503",
        severity="warning",
        message="bounds on the same number cannot both hold",
        doc="story.txt",
        span=Span(0, 5),
        line=1,
        column=1,
        confidence=0.9,
    )
    stdin = "\n".join([doc_line, claim_line, json.dumps(finding.to_dict()), ""])
    snapshot = f"snapshot:{EXAMPLES / 'wikidata-snapshot.jsonl'}"
    done = run(["verify", "-", "--format", "jsonl", "--source", snapshot, "--exit-zero"], stdin)
    assert done.returncode == 0, done.stderr
    [kept] = [json.loads(x) for x in done.stdout.splitlines() if '"finding"' in x]
    assert (kept["rule"], kept["confidence"]) == ("CC503", 0.9)

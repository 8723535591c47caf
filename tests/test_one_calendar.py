"""One calendar: a rule that reasons about a date uses the date the claim itself resolved to,
never a second reading of the year (a batch dated by when it was collected says "Saturday 20
November" of a match played the autumn before)."""

from __future__ import annotations

import json

import pytest

from claimcheck.__main__ import main

pytestmark = pytest.mark.slow


def _batch(tmp_path, date: str, *texts: str):
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": f"d{i}", "text": t, "date": date}) for i, t in enumerate(texts)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(capsys, path) -> tuple[list[dict], list[dict]]:
    main(["check", str(path), "--input-format", "jsonl", "--no-verify", "--format", "jsonl"])
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    claims = [r for r in records if r["record"] == "claim" and r["kind"] == "date"]
    findings = [r for r in records if r["record"] == "finding" and r["rule"] == "CC501"]
    return claims, findings


@pytest.mark.parametrize(
    "text",
    [
        "The derby on Saturday 20 November ended in a draw.",
        "United lost at home on Saturday, November 20, to a late goal.",
        "The final whistle blew at Anfield on Saturday, 20 November.",
    ],
)
def test_year_less_weekday_date_is_judged_on_the_claims_own_year(tmp_path, capsys, text):
    claims, findings = _run(capsys, _batch(tmp_path, "2005-06-15", text))
    (claim,) = claims
    assert claim["value"]["date"] == "2004-11-20"  # the Saturday nearest the batch's date
    assert findings == []  # the rule agrees with the claim: no "2005, which is a Sunday"


def test_weekday_that_fits_no_nearby_year_still_warns_on_the_claims_date(tmp_path, capsys):
    claims, findings = _run(capsys, _batch(tmp_path, "2005-06-15", "He left on Tuesday, March 3."))
    (claim,) = claims
    (finding,) = findings
    assert finding["severity"] == "warning"
    assert claim["value"]["date"][:4] in finding["message"]


def test_a_written_year_that_does_not_fit_the_weekday_is_an_error(tmp_path, capsys):
    _, findings = _run(
        capsys, _batch(tmp_path, "2005-06-15", "The vote was on Tuesday, March 3, 2005.")
    )
    assert [f["severity"] for f in findings] == ["error"]

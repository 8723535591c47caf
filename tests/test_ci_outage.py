"""An outage is never a pass, end to end, in a scratch repository of articles with no network:
`--offline` over an empty cache is a source that cannot answer. A baseline written then accepts
none of the claims it could not verify, so a later `check` exits 3; against a snapshot, `baseline`
and `check` see the same findings and agree. `baseline` takes check's source options and their
environment variables."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from claimcheck.__main__ import main

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "examples" / "wikidata-snapshot.jsonl"
ARTICLES = ("anniversaries.md", "nato-russia-council.txt")
pytestmark = pytest.mark.slow


@pytest.fixture()
def scratch(tmp_path, monkeypatch, nlp):
    repo = tmp_path / "newsroom"
    (repo / "articles").mkdir(parents=True)
    for name in ARTICLES:
        shutil.copy(ROOT / "examples" / name, repo / "articles" / name)
    monkeypatch.chdir(repo)
    monkeypatch.setattr("claimcheck.nlp.load_pipeline", lambda *a, **k: nlp)
    for name in ("CLAIMCHECK_CONFIG", "CLAIMCHECK_SOURCE", "CLAIMCHECK_CACHE_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return repo


OUTAGE = ["--offline", "--cache-dir", "empty-cache"]


def _run(capsys, *args):
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def _entries(repo):
    return json.loads((repo / ".claimcheck-baseline.json").read_text())["entries"]


def test_baseline_during_an_outage_then_check_exits_3(scratch, capsys):
    status, _, err = _run(capsys, "baseline", "articles/", *OUTAGE)
    assert status == 3
    assert "[CC910]" in err and "not in the baseline" in err and "--no-verify" in err
    assert [e["rule"] for e in _entries(scratch)] == ["CC503"]  # the consistency finding only
    for extra in ([], ["--exit-zero"], ["--fail-on", "error"], ["--min-severity", "error"]):
        status, out, _ = _run(capsys, "check", "articles/", *OUTAGE, "-f", "concise", *extra)
        assert status == 3, extra
        if not extra:
            assert out.count(" CC910 ") == 2  # one summary line per document, none suppressed


def test_against_a_snapshot_baseline_and_check_agree(scratch, capsys):
    source = ["--source", f"snapshot:{SNAPSHOT}"]
    status, out, _ = _run(capsys, "check", "articles/", *source, "-f", "concise")
    assert status == 1
    found = sorted(line.split()[2] for line in out.splitlines())
    assert _run(capsys, "baseline", "articles/", *source)[0] == 0
    assert sorted(e["rule"] for e in _entries(scratch)) == found
    status, out, _ = _run(capsys, "check", "articles/", *source, "-f", "concise")
    assert (status, out) == (0, "")


def test_baseline_reads_the_source_from_the_environment(scratch, capsys, monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_SOURCE", f"snapshot:{SNAPSHOT}")
    assert _run(capsys, "baseline", "articles/")[0] == 0
    assert "CC401" in {e["rule"] for e in _entries(scratch)}  # verified: the snapshot answered


def test_check_says_when_baselined_claims_could_not_be_verified(scratch, capsys):
    assert _run(capsys, "baseline", "articles/", "--source", f"snapshot:{SNAPSHOT}")[0] == 0
    status, _, err = _run(capsys, "check", "articles/", *OUTAGE, "-f", "concise")
    assert status == 3
    (note,) = [line for line in err.splitlines() if "baselined claims" in line]
    assert note.startswith("claimcheck: note: 4 baselined claims could not be verified now")

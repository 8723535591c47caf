"""The consistency case table, end to end: real extraction, then the consistency stage. Each
case raises exactly the rule codes it lists; consistent look-alikes raise none."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "nato-russia-council.txt"


def _load_eval():
    spec = importlib.util.spec_from_file_location(
        "consistency_eval", ROOT / "benchmarks" / "consistency_eval.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("consistency_eval", module)
    spec.loader.exec_module(module)
    return module


EVAL = _load_eval()
CASES = EVAL.load_cases()


def _param(case):
    marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
    return pytest.param(case, id=case["id"], marks=marks)


def test_the_table_is_big_enough_and_balanced():
    planted = [c for c in CASES if c["expect"]]
    assert len(CASES) >= 40
    assert abs(len(planted) - (len(CASES) - len(planted))) <= 6
    for code in EVAL.RULES:
        assert any(code in c["expect"] for c in planted), f"no planted case for {code}"


@pytest.mark.slow
@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_case(case, nlp):
    assert sorted(EVAL.codes_for(case, nlp)) == sorted(case["expect"])


@pytest.mark.slow
def test_seed_article_end_to_end(nlp):
    from claimcheck import pipeline
    from claimcheck.config import Settings
    from claimcheck.model import Document

    document = Document(id="seed", text=SEED.read_text("utf-8"))
    settings = Settings(verify=False)
    (result,) = pipeline.check(pipeline_documents(document, settings), nlp, settings)
    found = [(f.rule, f.line) for f in result.findings if f.rule in EVAL.RULES]
    assert found == [("CC503", 72)]
    (bounds,) = [f for f in result.findings if f.rule == "CC503"]
    assert [result.document.text.count("\n", 0, s.start) + 1 for s in bounds.spans] == [6, 72]


def pipeline_documents(document, settings):
    """The document as the reader hands it on: with its date resolved (inferred from the text)."""
    from claimcheck.read import docdate

    return [docdate.resolve(document, settings.as_of)]


@pytest.mark.slow
def test_check_command_writes_findings_that_validate(tmp_path):
    import json
    import subprocess

    from claimcheck.render.schema import errors

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "claimcheck",
            "check",
            "--no-verify",
            str(SEED),
            "--format",
            "jsonl",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    records = [json.loads(line) for line in done.stdout.splitlines()]
    findings = [r for r in records if r["record"] == "finding" and r["rule"] in EVAL.RULES]
    assert [(f["rule"], f["line"]) for f in findings] == [("CC503", 72)], done.stderr
    assert all(errors(f, "finding") == [] for f in findings)

"""Precision and recall of the internal-consistency rules on tests/data/consistency_cases.yaml.

    .venv/bin/python benchmarks/consistency_eval.py [--verbose] [--corpus articles.jsonl]

Every case goes through the real pipeline (reader-free: a Document with the case's date, then
extraction with the English spaCy pipeline, then the consistency stage). A rule code raised on a
case that does not expect it counts against precision; an expected code not raised counts against
recall. Cases marked `xfail` are scored like the others: the figures include what we miss.

With `--corpus`, it also runs over a JSON-lines corpus of real text ({id, text, date}) and prints
every finding there: on consistent published text each one is likely a false alarm, so the count
per 10,000 words is the false-alarm rate to watch.

The test suite imports this module, so the table has one reading.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "data" / "consistency_cases.yaml"

# benchmarks/requests.py shadows the requests library (which spaCy imports): keep this folder off
# the import path, and put the project root on it.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != ROOT / "benchmarks"]

import yaml  # noqa: E402

from claimcheck import pipeline  # noqa: E402
from claimcheck.config import Settings  # noqa: E402
from claimcheck.consistency import RULES  # noqa: E402
from claimcheck.model import Document, Finding  # noqa: E402


def load_cases(path: Path = CASES) -> list[dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def findings_for(case: dict[str, Any], nlp: Any) -> list[Finding]:
    document = Document(
        id=case["id"],
        text=case["text"],
        date=case.get("date"),
        date_source="option" if case.get("date") else "none",
    )
    settings = Settings(as_of=case.get("date"), verify=False)
    (result,) = pipeline.check([document], nlp, settings)
    return [f for f in result.findings if f.rule in RULES]


def codes_for(case: dict[str, Any], nlp: Any) -> set[str]:
    return {f.rule for f in findings_for(case, nlp)}


def score(cases: list[dict[str, Any]], found: list[set[str]]) -> dict[str, Counter[str]]:
    """Per rule (and "all"): true positives, false positives, false negatives."""
    tally: dict[str, Counter[str]] = {code: Counter() for code in [*RULES, "all"]}
    for case, codes in zip(cases, found, strict=True):
        expected = set(case["expect"])
        for code in codes | expected:
            outcome = "tp" if code in codes & expected else "fp" if code in codes else "fn"
            tally[code][outcome] += 1
            tally["all"][outcome] += 1
    return tally


def ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "  - "


def report(cases: list[dict[str, Any]], found: list[set[str]]) -> list[str]:
    lines = [f"{'rule':<6} {'tp':>3} {'fp':>3} {'fn':>3}  precision  recall"]
    for code, t in score(cases, found).items():
        lines.append(
            f"{code:<6} {t['tp']:>3} {t['fp']:>3} {t['fn']:>3}  "
            f"{ratio(t['tp'], t['tp'] + t['fp']):>9}  {ratio(t['tp'], t['tp'] + t['fn']):>6}"
        )
    planted = sum(1 for c in cases if c["expect"])
    lines.append(f"{len(cases)} cases: {planted} planted, {len(cases) - planted} consistent")
    return lines


def corpus_findings(path: Path, nlp: Any) -> tuple[int, list[str]]:
    """Words read and one line per finding, over every record of a JSON-lines corpus."""
    words, lines = 0, []
    for row in map(json.loads, path.read_text(encoding="utf-8").splitlines()):
        case = {"id": row["id"], "text": row["text"], "date": _date(row.get("date"))}
        words += len(row["text"].split())
        try:
            found = findings_for(case, nlp)
        except Exception as err:  # noqa: BLE001 - an extractor crash must not end the survey
            lines.append(f"CRASH {row['id']}: {err!r}")
            continue
        for f in found:
            lines.append(f"{f.rule} {row['id']}:{f.line} {f.message}")
    return words, lines


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def main(argv: list[str]) -> int:
    from claimcheck.nlp import load_pipeline

    nlp = load_pipeline()
    if "--corpus" in argv:
        words, lines = corpus_findings(Path(argv[argv.index("--corpus") + 1]), nlp)
        print("\n".join(lines))
        found = sum(1 for line in lines if not line.startswith("CRASH"))
        print(
            f"corpus: {found} findings in {words} words "
            f"({found * 10000 / max(words, 1):.2f} per 10,000 words), "
            f"{len(lines) - found} documents the pipeline failed on"
        )
    cases = load_cases()
    found = [codes_for(case, nlp) for case in cases]
    if "--verbose" in argv:
        for case, codes in zip(cases, found, strict=True):
            if codes != set(case["expect"]):
                print(f"MISS {case['id']}: expected {sorted(case['expect'])}, got {sorted(codes)}")
    print("\n".join(report(cases, found)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

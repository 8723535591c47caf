"""How many figures know what they measure, before and after: over a JSON-lines corpus, the share
of money and percentage claims with a measure (a noun outside the figure: "m", "%" or "1.7bn" do
not count) and with a subject, and the share of all numeric claims that reach a verdict or a
finding (offline: the consistency rules; with --source, verification too).

    .venv/bin/python benchmarks/measures.py ../shared/corpus/articles.jsonl --base main

`--base REF` also runs the same measurement on `git archive REF` (in a temporary folder) and
prints both. `--findings CODES` lists every finding of those codes for review.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NUMERIC = ("count", "quantity", "money", "percent", "duration", "ordinal", "membership_count")


def measure(corpus: str, limit: int | None, show: set[str]) -> dict[str, Any]:
    from claimcheck import pipeline
    from claimcheck.config import Settings
    from claimcheck.model import Document
    from claimcheck.nlp import load_pipeline

    settings = Settings(verify=False)
    rows = [json.loads(line) for line in Path(corpus).read_text("utf-8").splitlines()][:limit]
    documents = [
        Document(
            id=r["id"],
            text=r["text"],
            date=dt.date.fromisoformat(r["date"]) if r.get("date") else None,
        )
        for r in rows
    ]
    tally: Counter[str] = Counter()
    for result in pipeline.check(iter(documents), load_pipeline(), settings):
        in_finding = {c for f in result.findings for c in f.claims}
        for finding in result.findings:
            if finding.rule in show:
                print(f"{result.document.id}:{finding.line}: {finding.rule} {finding.message}")
        for claim in result.claims:
            _count(tally, claim.to_dict(), claim.id in in_finding)
    return dict(tally)


def _count(tally: Counter[str], record: dict[str, Any], in_finding: bool) -> None:
    kind = record["kind"]
    if kind not in NUMERIC:
        return
    tally["numeric"] += 1
    verdict = (record.get("verification") or {}).get("verdict")
    tally["reached"] += int(in_finding or verdict in ("supported", "contradicted"))
    if kind not in ("money", "percent"):
        return
    tally["money_percent"] += 1
    tally["with_measure"] += int(_real_measure(record))
    tally["with_subject"] += int(bool(record.get("subject")))
    tally["with_both"] += int(_real_measure(record) and bool(record.get("subject")))


def _real_measure(record: dict[str, Any]) -> bool:
    """A measure that is a word of the sentence outside the figure, not a piece of it."""
    predicate = record.get("predicate") or {}
    measure, span = str(predicate.get("measure") or ""), predicate.get("span") or {}
    inside = span and record["span"]["start"] <= span.get("start", -1) < record["span"]["end"]
    return bool(measure) and not inside and any(ch.isalpha() for ch in measure.replace("bn", ""))


def report(label: str, t: dict[str, Any]) -> None:
    def share(part: str, whole: str) -> str:
        return (
            f"{t.get(part, 0)}/{t.get(whole, 0)} = {t.get(part, 0) / max(t.get(whole, 1), 1):.1%}"
        )

    print(f"{label}:")
    print(f"  money+percent with a measure:          {share('with_measure', 'money_percent')}")
    print(f"  money+percent with a subject:          {share('with_subject', 'money_percent')}")
    print(f"  money+percent with measure and subject: {share('with_both', 'money_percent')}")
    print(f"  numeric claims with a verdict/finding: {share('reached', 'numeric')}")


def _base(ref: str, args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        archive = subprocess.run(["git", "archive", ref], cwd=ROOT, check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", folder], input=archive.stdout, check=True)
        command = [sys.executable, str(Path(__file__).resolve()), str(Path(args.corpus).resolve())]
        command += ["--json"]
        command += ["--limit", str(args.limit)] if args.limit else []
        env = {"PYTHONPATH": folder, "PATH": "/usr/bin:/bin"}
        out = subprocess.run(command, cwd=folder, env=env, check=True, capture_output=True)
        return json.loads(out.stdout.decode().strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--base", help="a git ref to measure too, as 'before'")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--findings", default="", help="codes whose findings to list")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    show = {c for c in args.findings.split(",") if c}
    after = measure(args.corpus, args.limit, show)
    if args.json:
        print(json.dumps(after))
        return
    if args.base:
        report(f"before ({args.base})", _base(args.base, args))
    report("after (this checkout)", after)


if __name__ == "__main__":
    main()

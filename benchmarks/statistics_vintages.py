"""Statistics with and without the releases of their time: verdicts, and how many contradictions
each reading produces, on the labelled sentences and on the shared corpus.

    .venv/bin/python benchmarks/statistics_vintages.py [--corpus ../shared/corpus/articles.jsonl]
        [--max-docs N] [--verbose]

Two readings in the same run:
- without vintages: today's WDI alone (the figure of today, with the revision bands);
- with vintages: today's WDI and the March 2024 release of the WDI Database Archives
  (examples/statistics-archive-snapshot.jsonl, built from the shared source-57 answers).

The labelled sentences are tests/data/statistics_vintage_sentences.jsonl: set A written with the
rule, set B written after set A and never tuned on. "errors" are contradictions at error level
(the warnings `minor_mismatch`, `likely_revision`, `superseded_release`, `year_guessed` are not);
a false error is an error on a sentence whose label is not one.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != ROOT / "benchmarks"]
LABELLED = ROOT / "tests" / "data" / "statistics_vintage_sentences.jsonl"
CURRENT = ROOT / "examples" / "statistics-snapshot.jsonl"
ARCHIVE = ROOT / "examples" / "statistics-archive-snapshot.jsonl"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"
DEFAULT_WDI = ROOT.parent / "shared" / "statistics" / "world-bank-wdi"

from claimcheck import pipeline  # noqa: E402
from claimcheck.config import Settings  # noqa: E402
from claimcheck.model import Claim, Document  # noqa: E402
from claimcheck.nlp import load_pipeline  # noqa: E402
from claimcheck.read import docdate  # noqa: E402
from claimcheck.sources import combine  # noqa: E402
from claimcheck.sources.base import Sources  # noqa: E402
from claimcheck.sources.snapshot import load_snapshot  # noqa: E402
from claimcheck.sources.snapshot_build import build_snapshot  # noqa: E402
from claimcheck.verify.releases import WARNING_REASONS  # noqa: E402

READINGS = ("without", "with_vintages")


def sources(*paths: Path) -> Sources:
    out = Sources()
    for path in paths:
        out = combine(out, load_snapshot(path))
    return Sources(statistics=out.statistics)


def is_error(verdict: str, reason: str) -> bool:
    return verdict == "contradicted" and reason not in WARNING_REASONS


def labelled(nlp, by_reading: dict[str, Sources], verbose: bool) -> None:
    cases = [json.loads(line) for line in LABELLED.read_text("utf-8").splitlines()]
    print(f"Labelled sentences ({LABELLED.relative_to(ROOT)}): {len(cases)}")
    header = (
        f"{'set':3} {'reading':14} {'n':>3} {'as labelled':>11} {'errors':>6} {'false errors':>12}"
    )
    print(header)
    for name in ("A", "B"):
        mine = [c for c in cases if c["set"] == name]
        for reading in READINGS:
            counts = collections.Counter()
            for case in mine:
                got = outcome(case, nlp, by_reading[reading])
                want = tuple(case[reading])
                counts["right"] += got == want
                counts["errors"] += is_error(*got)
                counts["false"] += is_error(*got) and not is_error(*want)
                if verbose and got != want:
                    print(f"    {case['id']}: got {got}, labelled {want}")
            print(
                f"{name:3} {reading:14} {len(mine):3} {counts['right']:11} {counts['errors']:6} "
                f"{counts['false']:12}"
            )


def outcome(case: dict, nlp, found: Sources) -> tuple[str, str]:
    document = Document(id=case["id"], text=case["text"], date=dt.date.fromisoformat(case["date"]))
    (result,) = list(pipeline.check([document], nlp, Settings(), found))
    claims = [c for c in result.claims if c.text == case["figure"] and c.verification]
    if not claims:
        return ("missing", "not_extracted")
    verification = claims[0].verification
    assert verification is not None
    return (verification.verdict, verification.reason)


def corpus(nlp, path: Path, max_docs: int, by_reading: dict[str, Sources], verbose: bool) -> None:
    docs = []
    for line in path.read_text("utf-8").splitlines()[: max_docs or None]:
        record = json.loads(line)
        date = dt.date.fromisoformat(record["date"]) if record.get("date") else None
        docs.append(
            docdate.resolve(Document(id=record["id"], text=record["text"], date=date), None)
        )
    extracted = list(pipeline.extract(docs, nlp, Settings()))
    print(f"\nCorpus ({path.name}, {len(docs)} documents), statistics claims only:")
    for reading in READINGS:
        counts: collections.Counter[str] = collections.Counter()
        for result in extracted:
            verified = pipeline.verifier_for(Settings(), by_reading[reading])(result)
            for claim in verified.claims:
                if not _statistic(claim) or claim.verification is None:
                    continue
                v = claim.verification
                counts[v.verdict] += 1
                counts["errors"] += is_error(v.verdict, v.reason)
                counts["warnings"] += v.verdict == "contradicted" and not is_error(
                    v.verdict, v.reason
                )
                if verbose and v.verdict != "not_checked":
                    print(f"    {reading}: {v.verdict}/{v.reason} {claim.text!r} ({claim.doc})")
        print(
            f"  {reading:14} supported {counts['supported']:3}  contradicted "
            f"{counts['contradicted']:3} (errors {counts['errors']}, warnings "
            f"{counts['warnings']})  not checked {counts['not_checked']:4}"
        )


def _statistic(claim: Claim) -> bool:
    return bool((claim.fields.get("statistic") or {}).get("measure"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--max-docs", type=int, default=0)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    nlp = load_pipeline()
    labelled(
        nlp, {"without": sources(CURRENT), "with_vintages": sources(CURRENT, ARCHIVE)}, args.verbose
    )
    with tempfile.TemporaryDirectory() as tmp:
        wdi = Path(tmp) / "wdi.jsonl"
        build_snapshot([DEFAULT_WDI], wdi)
        by_reading = {"without": sources(wdi), "with_vintages": sources(wdi, ARCHIVE)}
        corpus(nlp, args.corpus, args.max_docs, by_reading, args.verbose)


if __name__ == "__main__":
    main()

"""How many numeric claims the statistics source can take, and how many of those reach a verdict.

    .venv/bin/python benchmarks/statistics_coverage.py [CORPUS.jsonl] [--snapshot WDI.jsonl]
        [--max-docs N]

CORPUS defaults to ../shared/corpus/articles.jsonl; the snapshot to a full WDI snapshot built on
the fly from ../shared/statistics/world-bank-wdi (`claimcheck snapshot build`). Numeric claims
are counts, quantities, money and percentages. For each, two readings in the same run:

- before: the predicate map as it was (the entity predicates of verify/quantities.py alone,
  the `statistic` field removed) — the verification stage has nothing to send the snapshot;
- after: with the statistics predicates (extract/statistics.py).

"mapped" is a claim whose measure a source is asked about; "verdict" is supported or
contradicted against the WDI snapshot alone (no Wikidata: the corpus is checked offline).
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != ROOT / "benchmarks"]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"
DEFAULT_WDI = ROOT.parent / "shared" / "statistics" / "world-bank-wdi"
NUMERIC = frozenset({"count", "quantity", "money", "percent"})

from claimcheck import pipeline  # noqa: E402
from claimcheck.config import Settings  # noqa: E402
from claimcheck.model import Claim, Document  # noqa: E402
from claimcheck.nlp import load_pipeline  # noqa: E402
from claimcheck.read import docdate  # noqa: E402
from claimcheck.sources.base import Sources  # noqa: E402
from claimcheck.sources.snapshot import load_snapshot  # noqa: E402
from claimcheck.sources.snapshot_build import build_snapshot  # noqa: E402
from claimcheck.verify.quantities import predicate_property  # noqa: E402
from claimcheck.verify.stage import verify_by_source  # noqa: E402
from claimcheck.verify.statstage import statistics_route  # noqa: E402


def documents(corpus: Path, max_docs: int) -> list[Document]:
    out = []
    for line in corpus.read_text("utf-8").splitlines()[: max_docs or None]:
        record = json.loads(line)
        date = dt.date.fromisoformat(record["date"]) if record.get("date") else None
        doc = Document(id=record["id"], text=record["text"], date=date)
        out.append(docdate.resolve(doc, None))
    return out


def before(claim: Claim) -> Claim:
    """The claim as the old map saw it: no `statistic`, and a predicate read by its words only
    (the old map never looked at the predicate's `measure`)."""
    fields = {k: v for k, v in claim.fields.items() if k != "statistic"}
    if isinstance(fields.get("predicate"), dict):
        fields["predicate"] = {k: v for k, v in fields["predicate"].items() if k != "measure"}
    return dataclasses.replace(claim, fields=fields)


def tally(claims: list[Claim], sources: Sources, mapped) -> collections.Counter[str]:
    counts: collections.Counter[str] = collections.Counter(numeric=len(claims))
    by_doc: dict[str, list[Claim]] = collections.defaultdict(list)
    for claim in claims:
        by_doc[claim.doc].append(claim)
    for doc_claims in by_doc.values():
        for claim in doc_claims:
            counts["mapped"] += bool(mapped(claim))
        date = _date_of(doc_claims)
        for claim in verify_by_source(doc_claims, sources, date):
            verdict = claim.verification.verdict if claim.verification else None
            if _routed(claim):
                counts["routed"] += 1
                counts[f"routed:{claim.verification.reason if claim.verification else None}"] += 1
            if mapped(claim) and verdict in ("supported", "contradicted"):
                counts["verdict"] += 1
                counts[verdict] += 1
                if VERBOSE:
                    print(f"  {verdict:12} {claim.doc}: {claim.text!r} in {claim.sentence[:160]!r}")
            elif mapped(claim):
                reason = claim.verification.reason if claim.verification else None
                counts[f"not_checked:{reason}"] += 1
    return counts


DOC_DATES: dict[str, dt.date | None] = {}
SOURCES = argparse.Namespace(statistics=None)
VERBOSE = "--verbose" in sys.argv


def _date_of(claims: list[Claim]) -> dt.date | None:
    return DOC_DATES.get(claims[0].doc) if claims else None


def _routed(claim: Claim) -> bool:
    """A statistic the statistics source is asked about (a country or a named aggregate)."""
    return (
        SOURCES.statistics is not None and statistics_route(claim, SOURCES.statistics) is not None
    )


def _mapped_before(claim: Claim) -> bool:
    return predicate_property(claim, {}) is not None


def _mapped_after(claim: Claim) -> bool:
    assert SOURCES.statistics is not None
    return statistics_route(claim, SOURCES.statistics) is not None or _mapped_before(claim)


def report(name: str, counts: collections.Counter[str]) -> None:
    numeric, mapped, verdicts = counts["numeric"], counts["mapped"], counts["verdict"]
    print(
        f"{name:7} numeric claims {numeric:5}  mapped {mapped:4} "
        f"({100 * mapped / max(numeric, 1):5.1f} %)"
        f"  verdict against WDI {verdicts:4} ({100 * verdicts / max(mapped, 1):5.1f} % of mapped;"
        f" {counts['supported']} supported, {counts['contradicted']} contradicted)"
    )
    refusals = sorted((k, v) for k, v in counts.items() if k.startswith("not_checked:"))
    if refusals:
        print("        not checked: " + ", ".join(f"{k[12:]} {v}" for k, v in refusals))
    routed = sorted((k, v) for k, v in counts.items() if k.startswith("routed:"))
    if routed:
        print(
            f"        asked of the statistics source: {counts['routed']} claims — "
            + ", ".join(f"{k[7:]} {v}" for k, v in routed)
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--snapshot", type=Path)
    parser.add_argument("--max-docs", type=int, default=0)
    parser.add_argument("--verbose", action="store_true", help="print every verdict")
    args = parser.parse_args()
    snapshot = args.snapshot
    if snapshot is None:
        snapshot = Path(tempfile.mkdtemp()) / "wdi.jsonl"
        build_snapshot([DEFAULT_WDI], snapshot)
    sources = Sources(statistics=load_snapshot(snapshot).statistics)
    SOURCES.statistics = sources.statistics
    docs = documents(args.corpus, args.max_docs)
    DOC_DATES.update((d.id, d.date) for d in docs)
    nlp = load_pipeline(Settings().pipeline)
    claims = [
        c for r in pipeline.extract(docs, nlp, Settings()) for c in r.claims if c.kind in NUMERIC
    ]
    print(f"{len(docs)} documents from {args.corpus.name}; statistics: {snapshot}")
    report("before", tally([before(c) for c in claims], sources, _mapped_before))
    report("after", tally(claims, sources, _mapped_after))


if __name__ == "__main__":
    main()

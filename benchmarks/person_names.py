"""Precision and recall of person-name claims on tests/data/people/person_names.jsonl.

    .venv/bin/python benchmarks/person_names.py [--verbose]

Each row is a passage (a line of a corpus article, the seed article's credit line, or a written
phrasing) with the people it names (`people`) and the name-shaped things that are not people
(`not_people`, each with its family: place, team, credit line, ...). The passage goes through the
extractor as an article would (chunks, bylines, spaCy, the entity hooks). A person_name claim
whose name is one of `people` is right; any other is wrong; a person no claim names is missed.
The `held-out` batches were labelled after rules were written; `held-out-3` (six further corpus
articles) was labelled blind, by reading the lines, before the third round of rules,
`held-out-4` (four more) after it, `held-out-5` (four more) after the fourth and `held-out-6`
(41 sports and politics lines of seven more) after the fifth, each before any run on them. A
person is listed once per row, by the fullest name the row gives: the claim of "Morgan Geyser"
carries the span of a later "Geyser".

The test suite imports this module, so the table has one reading.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "tests" / "data" / "people" / "person_names.jsonl"

# benchmarks/requests.py shadows the requests library (which spaCy imports): keep this folder off
# the import path, and put the project root on it.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != ROOT / "benchmarks"]

from claimcheck.extract import extract_claims  # noqa: E402
from claimcheck.model import Document  # noqa: E402

BATCHES = ("tune", "held-out", "held-out-2", "held-out-3", "held-out-4", "held-out-5", "held-out-6")


def load_rows(path: Path = TABLE) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def norm(name: str) -> str:
    return " ".join(name.casefold().split())


@dataclass
class Outcome:
    row: str
    right: list[str] = field(default_factory=list)
    wrong: list[tuple[str, str]] = field(default_factory=list)  # (name, family)
    missed: list[str] = field(default_factory=list)


def names_claimed(nlp: Any, rows: Iterable[Mapping[str, Any]]) -> list[list[str]]:
    documents = [
        Document(id=r["id"], text=r["text"], date=dt.date.fromisoformat(r["date"])) for r in rows
    ]
    return [
        [str(c.fields.get("name") or c.text) for c in claims if c.kind == "person_name"]
        for _, claims in extract_claims(documents, nlp)
    ]


def judge(row: Mapping[str, Any], claimed: list[str]) -> Outcome:
    people = {norm(p): p for p in row["people"]}
    families = {norm(n["text"]): n["family"] for n in row["not_people"]}
    out = Outcome(row["id"])
    for name in claimed:
        if norm(name) in people:
            out.right.append(name)
        else:
            out.wrong.append((name, families.get(norm(name), "unlabelled")))
    said = {norm(n) for n in claimed}
    out.missed = [p for key, p in people.items() if key not in said]
    return out


def evaluate(nlp: Any, rows: list[dict[str, Any]]) -> list[Outcome]:
    return [judge(r, c) for r, c in zip(rows, names_claimed(nlp, rows), strict=True)]


def summary(outcomes: list[Outcome], rows: list[dict[str, Any]]) -> dict[str, Any]:
    right = sum(len(o.right) for o in outcomes)
    emitted = right + sum(len(o.wrong) for o in outcomes)
    expected = sum(len(r["people"]) for r in rows)
    return {
        "rows": len(rows),
        "mentions": expected + sum(len(r["not_people"]) for r in rows),
        "people": expected,
        "emitted": emitted,
        "right": right,
        "precision": round(right / emitted, 3) if emitted else 1.0,
        "recall": round(right / expected, 3) if expected else 1.0,
        "wrong_by_family": dict(Counter(f for o in outcomes for _, f in o.wrong)),
    }


def main(argv: list[str]) -> int:
    from claimcheck.nlp import load_pipeline

    nlp = load_pipeline()
    rows = load_rows()
    outcomes = evaluate(nlp, rows)
    if "--verbose" in argv:
        for o in outcomes:
            for name, family in o.wrong:
                print(f"WRONG  {o.row}: {name!r} ({family})")
            for name in o.missed:
                print(f"MISSED {o.row}: {name!r}")
    for batch in (*BATCHES, None):
        pairs = [
            (o, r) for o, r in zip(outcomes, rows, strict=True) if batch in (None, r.get("batch"))
        ]
        if not pairs:
            continue
        stats = summary([o for o, _ in pairs], [r for _, r in pairs])
        print(
            f"{batch or 'all rows'}: precision {stats['precision']:.3f}"
            f"  recall {stats['recall']:.3f}"
            f"  ({stats['right']} right of {stats['emitted']} claimed; {stats['people']} people in"
            f" {stats['mentions']} labelled mentions, {stats['rows']} rows)"
            f"  wrong by family: {stats['wrong_by_family']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Precision and recall of the entity-claim extractor on tests/data/entity_cases.jsonl.

    .venv/bin/python benchmarks/entities_eval.py [--verbose]

Each case is parsed sentence by sentence, as the extractor does, and every entity claim the
hooks emit (role, membership, membership_count, location, person_name) is matched against the
expected ones by kind, `contains` and the listed fields. An emitted claim that matches nothing
counts against precision; an expected claim nobody emitted counts against recall. The `numbers`
of a case are scored separately: a claim is built over `contains` and given its context.

The test suite imports this module, so the table has one reading.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "data" / "entity_cases.jsonl"
ENTITY_KINDS = frozenset({"role", "membership", "membership_count", "location", "person_name"})
META_KEYS = frozenset({"kind", "contains", "why", "line"})

# benchmarks/requests.py shadows the requests library (which spaCy imports): keep this folder off
# the import path, and put the project root on it.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != ROOT / "benchmarks"]

from claimcheck.extract.claims import make_claim  # noqa: E402
from claimcheck.extract.entities import attach_context, entity_claims  # noqa: E402
from claimcheck.model import Claim, Document, Span  # noqa: E402


def load_cases(path: Path = CASES) -> list[dict[str, Any]]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def squash(text: Any) -> str:
    return "".join(ch for ch in str(text).casefold() if ch.isalnum())


def field_matches(actual: Any, expected: Any) -> bool:
    """An expected string matches a plain string, or a mention's text or canonical form,
    ignoring case, spaces and punctuation; None means the field must be absent."""
    if expected is None:
        return actual is None
    if isinstance(actual, Mapping):
        return any(squash(actual.get(k, "")) == squash(expected) for k in ("text", "canonical"))
    if isinstance(expected, bool | int | float) or isinstance(actual, bool | int | float):
        return actual == expected
    return squash(actual) == squash(expected) if actual is not None else False


def claim_field(claim: Claim, name: str) -> Any:
    if name == "amount":
        return claim.value.get("amount")
    if name == "measure":
        predicate = claim.fields.get("predicate")
        return predicate.get("measure") if isinstance(predicate, Mapping) else None
    return claim.fields.get(name)


def matches(claim: Claim, expected: Mapping[str, Any]) -> bool:
    if claim.kind != expected["kind"] or expected["contains"] not in claim.text:
        return False
    return all(
        field_matches(claim_field(claim, k), v) for k, v in expected.items() if k not in META_KEYS
    )


def sentences(nlp: Any, text: str) -> list[tuple[int, Any]]:
    """(offset, parse) per sentence: the extractor parses sentences one at a time."""
    bounds = [(s.start_char, s.end_char) for s in nlp(text).sents]
    docs = nlp.pipe(text[a:b] for a, b in bounds)
    return [(a, sdoc) for (a, _), sdoc in zip(bounds, docs, strict=True)]


def run_entities(nlp: Any, case: Mapping[str, Any]) -> list[Claim]:
    document = Document(id=case["id"], text=case["text"])
    found: list[Claim] = []
    for offset, sdoc in sentences(nlp, document.text):
        found += entity_claims(document, sdoc, offset)
    return found


def run_number(nlp: Any, case: Mapping[str, Any], expected: Mapping[str, Any]) -> Claim:
    document = Document(id=case["id"], text=case["text"])
    start = document.text.index(expected["contains"])
    span = Span(start, start + len(expected["contains"]))
    for offset, sdoc in sentences(nlp, document.text):
        if offset <= start < offset + len(sdoc.text):
            claim = make_claim(document, expected["kind"], span, sdoc.text)
            return attach_context(document, sdoc, offset, [claim])[0]
    raise ValueError(f"{expected['contains']!r} is not in a sentence of {case['id']}")


@dataclass
class Outcome:
    """What one case produced against what it expected."""

    case: str
    missing: list[dict[str, Any]] = field(default_factory=list)
    unexpected: list[Claim] = field(default_factory=list)
    matched: int = 0
    numbers_right: int = 0
    numbers_wrong: list[tuple[dict[str, Any], Claim]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.unexpected or self.numbers_wrong)


def evaluate(nlp: Any, case: Mapping[str, Any]) -> Outcome:
    outcome = Outcome(case["id"])
    emitted = [c for c in run_entities(nlp, case) if c.kind in ENTITY_KINDS]
    used: set[int] = set()
    for expected in case["claims"]:
        hit = next(
            (i for i, c in enumerate(emitted) if i not in used and matches(c, expected)), None
        )
        if hit is None:
            outcome.missing.append(expected)
        else:
            used.add(hit)
            outcome.matched += 1
    outcome.unexpected = [c for i, c in enumerate(emitted) if i not in used]
    for expected in case.get("numbers", []):
        claim = run_number(nlp, case, expected)
        if matches(claim, expected):
            outcome.numbers_right += 1
        else:
            outcome.numbers_wrong.append((expected, claim))
    return outcome


def summary(outcomes: list[Outcome]) -> dict[str, float | int]:
    matched = sum(o.matched for o in outcomes)
    emitted = matched + sum(len(o.unexpected) for o in outcomes)
    expected = matched + sum(len(o.missing) for o in outcomes)
    numbers = sum(o.numbers_right + len(o.numbers_wrong) for o in outcomes)
    return {
        "cases": len(outcomes),
        "cases_passing": sum(o.ok for o in outcomes),
        "expected": expected,
        "emitted": emitted,
        "matched": matched,
        "precision": round(matched / emitted, 3) if emitted else 1.0,
        "recall": round(matched / expected, 3) if expected else 1.0,
        "numbers": numbers,
        "numbers_right": sum(o.numbers_right for o in outcomes),
    }


def report_lines(outcomes: list[Outcome]) -> list[str]:
    lines = []
    for o in outcomes:
        lines += [f"MISSING    {o.case}: {json.dumps(m, ensure_ascii=False)}" for m in o.missing]
        for c in o.unexpected:
            record = json.dumps(c.to_dict(), ensure_ascii=False)
            lines.append(f"UNEXPECTED {o.case}: {record[:400]}")
        for expected, c in o.numbers_wrong:
            got = {k: c.to_dict().get(k) for k in ("subject", "predicate", "place")}
            lines.append(f"NUMBER     {o.case}: {json.dumps(expected)} got {json.dumps(got)}")
    return lines


def main(argv: list[str]) -> int:
    from claimcheck.nlp import load_pipeline

    nlp = load_pipeline()
    outcomes = [evaluate(nlp, case) for case in load_cases()]
    if "--verbose" in argv:
        for line in report_lines(outcomes):
            print(line)
    cases = load_cases()
    held = [o for o, c in zip(outcomes, cases, strict=True) if c.get("batch") == "held-out"]
    for label, group in (("held-out batch", held), ("all cases", outcomes)):
        print_summary(label, summary(group))
    return 0


def print_summary(label: str, stats: dict[str, float | int]) -> None:
    print(f"{label}:")
    print(
        f"  entity claims: precision {stats['precision']:.3f}  recall {stats['recall']:.3f}  "
        f"({stats['matched']} matched of {stats['emitted']} emitted, {stats['expected']} expected; "
        f"{stats['cases_passing']}/{stats['cases']} cases exact)"
    )
    right, total = stats["numbers_right"], stats["numbers"]
    print(f"  numeric context: {right}/{total} subject/predicate/place right")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

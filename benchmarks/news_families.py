"""Precision and recall of the regex pass by family (a case table's `# ---` sections): the
held-out phrasings of benchmarks/data/news_families.txt, news_families_round_two.txt and
news_families_round_three.txt by default, or any table in the same format
(tests/data/normalize_cases.txt).

    .venv/bin/python benchmarks/news_families.py [TABLE ...] [--only P] [--before REV] [--misses]

A case is recalled when the claim it names is found with the value keys it lists. Precision is
over the claims found where a case looks: those overlapping the case's claim text, or, for kind
"-" (no claim at all), every claim of the phrase; a claim there that is not the expected one
(wrong kind, span or value) is a false positive. Strict xfails in the table count as misses.

A section whose name holds "(parse" (tests/data/parse_cases.txt, the last sections of
news_families_round_two.txt) is run through the whole extraction with the English pipeline,
for what only the parse settles (what a count counts); the others through the regex pass.

--only keeps the sections whose name starts with PREFIX ('issue 26'). --before REV scores the
same table with the claimcheck of git revision REV too (extracted to a temporary folder and run
in a subprocess), so one run prints before and after side by side.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != ROOT / "benchmarks"]

ANCHOR = dt.date(2022, 1, 12)
DEFAULTS = [
    ROOT / "benchmarks" / "data" / "news_families.txt",
    ROOT / "benchmarks" / "data" / "news_families_round_two.txt",
    ROOT / "benchmarks" / "data" / "news_families_round_three.txt",
]
NUMERIC = ("count", "quantity", "money", "percent", "duration", "ordinal")
# Run inside the other revision's tree: phrases in on stdin, what scan finds out as JSON.
_DUMP = """
import datetime as dt, json, sys
from claimcheck.extract.scan import scan
from claimcheck.model import jsonable
anchor = dt.date(2022, 1, 12)
nlp = None
for line in sys.stdin.read().splitlines():
    phrase, parse = json.loads(line)
    if not parse:
        found = scan(phrase, anchor)
        print(json.dumps([[f.kind, f.start, f.end, jsonable(f.value)] for f in found]))
        continue
    from claimcheck.engine.records import language
    from claimcheck.extract import extract_claims
    from claimcheck.model import Document
    from claimcheck.nlp import DEFAULT_PIPELINE
    nlp = nlp or language(DEFAULT_PIPELINE)
    document = Document(id="b", text=phrase, date=anchor)
    ((_, claims),) = list(extract_claims([document], nlp, hooks=None))
    print(json.dumps([[c.kind, c.span.start, c.span.end, jsonable(c.value)] for c in claims]))
"""


@dataclass(frozen=True)
class Case:
    family: str
    phrase: str
    kind: str
    text: str
    value: dict
    parse: bool = False  # a "(parse…)" section: run through the whole extraction, not scan


Found = list  # [kind, start, end, value]


def cases(path: Path, only: str | None) -> list[Case]:
    out, family = [], "(none)"
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("# ---"):
            family = line[5:].strip()
        if not line.strip() or line.startswith("#"):
            continue
        if only and not family.startswith(only):
            continue
        phrase, kind, text, value, *_ = (part.strip() for part in line.split(" | "))
        out.append(Case(family, phrase, kind, text, json.loads(value), "(parse" in family))
    return out


def scan_here(table: list[Case]) -> list[list[Found]]:
    from claimcheck.extract.scan import scan
    from claimcheck.model import jsonable

    return [
        _parsed(c.phrase)
        if c.parse
        else [[f.kind, f.start, f.end, jsonable(f.value)] for f in scan(c.phrase, ANCHOR)]
        for c in table
    ]


def _parsed(phrase: str) -> list[Found]:
    """The claims of the whole extraction (spaCy), for what only the parse settles."""
    from claimcheck.engine.records import language
    from claimcheck.extract import extract_claims
    from claimcheck.model import Document, jsonable
    from claimcheck.nlp import DEFAULT_PIPELINE

    if "nlp" not in _NLP:
        _NLP["nlp"] = language(DEFAULT_PIPELINE)
    document = Document(id="b", text=phrase, date=ANCHOR)
    ((_, claims),) = list(extract_claims([document], _NLP["nlp"], hooks=None))
    return [[c.kind, c.span.start, c.span.end, jsonable(c.value)] for c in claims]


_NLP: dict = {}


def scan_at(rev: str, table: list[Case]) -> list[list[Found]]:
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "claimcheck"], capture_output=True, check=True
    ).stdout
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        done = subprocess.run(
            [sys.executable, "-c", _DUMP],
            input="\n".join(json.dumps([c.phrase, c.parse]) for c in table),
            capture_output=True,
            text=True,
            check=True,
            cwd=tmp,
            env={"PYTHONPATH": tmp, "PATH": "/usr/bin:/bin"},
        )
    return [json.loads(line) for line in done.stdout.splitlines()]


def judge(case: Case, found: list[Found]) -> tuple[int, int, int]:
    """(true positives, false positives, positives expected) for one case."""
    if case.kind == "-":
        return 0, len(found), 0
    at = case.phrase.find(case.text)
    end = at + len(case.text)
    near = [f for f in found if f[1] < end and at < f[2]]
    right = [f for f in near if f[0] == case.kind and (f[1], f[2]) == (at, end)]
    hit = bool(right) and {k: right[0][3].get(k) for k in case.value} == case.value
    return int(hit), len(near) - int(hit), 1


def tally(table: list[Case], found: list[list[Found]], kinds: tuple[str, ...] | None = None):
    """{family: [tp, fp, positives]}; `kinds` keeps only claims of those kinds (and cases)."""
    out: dict[str, list[int]] = {}
    for case, claims in zip(table, found, strict=True):
        if kinds is not None:
            claims = [f for f in claims if f[0] in kinds]
            if case.kind not in kinds and case.kind != "-":
                continue
        row = out.setdefault(case.family, [0, 0, 0])
        for i, n in enumerate(judge(case, claims)):
            row[i] += n
    return out


def _sum(rows: dict[str, list[int]]) -> list[int]:
    return [sum(r[i] for r in rows.values()) for i in range(3)]


def _pr(tp: int, fp: int, pos: int) -> str:
    precision = f"{tp / (tp + fp):.2f}" if tp + fp else "  - "
    recall = f"{tp / pos:.2f}" if pos else "  - "
    return f"P {precision} R {recall} ({tp}/{pos})"


def report(name: str, table: list[Case], after: list, before: list | None) -> None:
    print(f"== {name}: {len(table)} cases")
    rows = tally(table, after)
    rows["all"] = _sum(rows)
    old = tally(table, before) if before is not None else {}
    if old:
        old["all"] = _sum(old)
    for family, row in rows.items():
        was = old.get(family)
        line = f"  {family[:58]:<58} {_pr(*row)}"
        print(line + (f"   before: {_pr(*was)}" if was else ""))
    numbers = tally(table, after, NUMERIC)
    total = _sum(numbers)
    line = f"  {'numbers (count quantity money percent duration ordinal)':<58} {_pr(*total)}"
    if before is not None:
        line += f"   before: {_pr(*_sum(tally(table, before, NUMERIC)))}"
    print(line)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tables", nargs="*", type=Path)
    parser.add_argument("--only", help="keep the sections whose name starts with this")
    parser.add_argument("--before", help="a git revision to score alongside")
    parser.add_argument("--misses", action="store_true", help="print each case missed")
    args = parser.parse_args(argv)
    for path in args.tables or [p for p in DEFAULTS if p.exists()]:
        table = cases(path, args.only)
        before = scan_at(args.before, table) if args.before else None
        after = scan_here(table)
        report(path.name, table, after, before)
        for case, found in zip(table, after, strict=True) if args.misses else ():
            tp, fp, positives = judge(case, found)
            if fp or tp < positives:
                print(f"  miss [{case.family}] {case.phrase!r}: {[f[:3] for f in found]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

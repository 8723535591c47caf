"""How many phrases of a case table the regex pass gets right, by family (the table's `# ---`
sections): the held-out-style phrasings of benchmarks/data/news_families.txt by default, or any
table in the same format (tests/data/normalize_cases.txt).

    .venv/bin/python benchmarks/news_families.py [TABLE]

A case passes when the claim it names is found with the value keys it lists, or, for kind "-",
when no claim is found at all. Strict xfails in the table count as misses.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != ROOT / "benchmarks"]

from claimcheck.extract.scan import scan  # noqa: E402
from claimcheck.model import jsonable  # noqa: E402

ANCHOR = dt.date(2022, 1, 12)
DEFAULT = ROOT / "benchmarks" / "data" / "news_families.txt"


def passes(phrase: str, kind: str, text: str, value: dict) -> bool:
    found = scan(phrase, ANCHOR)
    if kind == "-":
        return not found
    hits = [f for f in found if f.kind == kind and phrase[f.start : f.end] == text]
    if not hits:
        return False
    got = jsonable(hits[0].value)
    return {k: got.get(k) for k in value} == value


def score(path: Path) -> dict[str, list[bool]]:
    families: dict[str, list[bool]] = {}
    family = "(none)"
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("# ---"):
            family = line[5:].strip()
        if not line.strip() or line.startswith("#"):
            continue
        phrase, kind, text, value, *_ = (part.strip() for part in line.split(" | "))
        families.setdefault(family, []).append(passes(phrase, kind, text, json.loads(value)))
    return families


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    families = score(path)
    for family, results in families.items():
        print(f"{sum(results):4d}/{len(results):<4d} {family}")
    total = [r for results in families.values() for r in results]
    print(f"{sum(total):4d}/{len(total):<4d} all ({path.name})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Two `claimcheck extract --format jsonl` outputs of the same corpus compared: claims by kind
before and after, and every claim that appeared, disappeared or changed its value, to be read.

    .venv/bin/claimcheck extract CORPUS --input-format jsonl --format jsonl > before.jsonl
    ... change the extractor, run again into after.jsonl ...
    .venv/bin/python benchmarks/claim_diff.py before.jsonl after.jsonl [--list] [--sample N]

A claim is the same claim when its document, kind and span are; a changed value keeps its key.
--list prints each appeared / disappeared / changed claim with its sentence; --sample N prints
a random N of each (seeded, so the sample is the same on every run).
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

Key = tuple[str, str, int, int]


def claims(path: Path) -> dict[Key, dict]:
    out = {}
    for line in path.read_text("utf-8").splitlines():
        record = json.loads(line)
        if record.get("record") == "claim":
            out[_key(record)] = record
    return out


def _key(record: dict) -> Key:
    span = record["span"]
    return record["doc"], record["kind"], span["start"], span["end"]


def _line(record: dict) -> str:
    value = {k: v for k, v in record["value"].items() if v is not None}
    sentence = " ".join(record["sentence"].split())[:160]
    return f"  [{record['kind']}] {record['text']!r} {json.dumps(value)}\n      {sentence}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--sample", type=int, default=0)
    args = parser.parse_args(argv)
    old, new = claims(args.before), claims(args.after)
    was, now = Counter(k[1] for k in old), Counter(k[1] for k in new)
    print(f"{'kind':<18}{'before':>8}{'after':>8}{'change':>8}")
    for kind in sorted(was | now):
        print(f"{kind:<18}{was[kind]:>8}{now[kind]:>8}{now[kind] - was[kind]:>+8}")
    print(f"{'all':<18}{len(old):>8}{len(new):>8}{len(new) - len(old):>+8}")
    groups = {
        "appeared": [new[k] for k in sorted(new.keys() - old.keys())],
        "disappeared": [old[k] for k in sorted(old.keys() - new.keys())],
        "changed value": [
            new[k] for k in sorted(old.keys() & new.keys()) if old[k]["value"] != new[k]["value"]
        ],
    }
    for name, records in groups.items():
        by_kind = Counter(r["kind"] for r in records)
        print(f"{name}: {len(records)} {dict(sorted(by_kind.items()))}")
        shown = records if args.list else []
        if args.sample and len(records) > args.sample:
            shown = random.Random(26).sample(records, args.sample)
        elif args.sample:
            shown = records
        for record in shown:
            print(_line(record))
            if name == "changed value":
                print(f"      was {json.dumps(old[_key(record)]['value'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

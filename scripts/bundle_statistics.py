"""Cut the bundled demo statistics (examples/statistics-snapshot.jsonl) out of a full WDI snapshot:
the mapped indicators only (every snapshot holds just those), years 2000 on, for the G20, Latin
America, the European countries of the demo articles and three aggregates. The full snapshot is made with

    claimcheck snapshot build wdi.jsonl ../shared/statistics/world-bank-wdi
    python scripts/bundle_statistics.py wdi.jsonl examples/statistics-snapshot.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

SINCE = 2000
AREAS = frozenset(
    "ARG AUS BRA CAN CHN DEU FRA GBR IDN IND ITA JPN KOR MEX RUS SAU TUR USA ZAF "
    "BOL CHL COL CRI CUB ECU GTM PER PRY URY VEN ESP PRT IRL POL NLD GRC ROU BGR "
    "WLD EUU EMU".split()
)


def main(full: Path, out: Path) -> None:
    kept = []
    for line in full.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        if "series" in doc:
            if doc["country"] not in AREAS:
                continue
            doc["values"] = {y: v for y, v in doc["values"].items() if int(y) >= SINCE}
        kept.append(json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    out.write_text("".join(line + "\n" for line in kept), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))

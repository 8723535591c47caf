"""Write the World Bank cassettes from the one real API answer in the team's shared statistics:

- cassettes/worldbank-pop-gbr.yaml — REAL: the answer to
  https://api.worldbank.org/v2/country/GBR/indicator/SP.POP.TOTL?format=json&per_page=5&date=2019:2024
  (page 1 of 2, lastupdated 2026-07-13), replayed for the same request as claimcheck sends it;
- cassettes/synthetic-faults/worldbank-*.yaml — HAND-WRITTEN around that answer: its second page
  (the one row left, 2019, with the WDI files' value), a 503 before it, truncated JSON, an answer
  that is not an indicator page, and the API's own error answer for an unknown country.

    python scripts/worldbank_cassettes.py \
        ../shared/statistics/world-bank-api/worldbank_pop_gbr.json cassettes
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import yaml

from claimcheck.sources.worldbank import API_URL, WorldBankSource

YEARS = (2019, 2024)
PER_PAGE = 5
JSON = {"Content-Type": ["application/json;charset=utf-8"]}


def uri(page: int, country: str = "GBR") -> str:
    params = WorldBankSource(None, per_page=PER_PAGE).params(YEARS, page)  # type: ignore[arg-type]
    return f"{API_URL}/country/{country}/indicator/SP.POP.TOTL?{urlencode(params)}"


def interaction(url: str, body: str, status: int = 200, headers: Any = JSON) -> dict[str, Any]:
    return {
        "request": {"body": None, "headers": {}, "method": "GET", "uri": url},
        "response": {
            "body": {"string": body},
            "headers": headers,
            "status": {"code": status, "message": ""},
        },
    }


def second_page(answer: list[Any]) -> list[Any]:
    meta, rows = copy.deepcopy(answer)
    meta["page"] = 2
    row = copy.deepcopy(rows[-1])
    row["date"], row["value"] = "2019", 66628000  # WDI files: United Kingdom,GBR,2019,66628000
    return [meta, [row]]


def write(path: Path, interactions: list[dict[str, Any]], note: str) -> None:
    text = yaml.safe_dump({"interactions": interactions, "version": 1}, sort_keys=False)
    path.write_text(f"# {note}\n{text}", encoding="utf-8")


def main(sample: Path, out: Path) -> None:
    answer = json.loads(sample.read_text(encoding="utf-8"))["response"]
    page1 = json.dumps(answer)
    real = "REAL: the World Bank API answer in shared/statistics/world-bank-api (see PROVENANCE.md)"
    write(out / "worldbank-pop-gbr.yaml", [interaction(uri(1), page1)], real)
    faults = out / "synthetic-faults"
    synthetic = "SYNTHETIC: written by scripts/worldbank_cassettes.py around one real answer"
    html = {"Content-Type": ["text/html"]}
    error = [
        {
            "message": [
                {
                    "id": "120",
                    "key": "Invalid value",
                    "value": "The provided parameter value is not valid",
                }
            ]
        }
    ]
    cases = {
        "worldbank-paging.yaml": [
            interaction(uri(1), page1),
            interaction(uri(2), json.dumps(second_page(answer))),
        ],
        "worldbank-503-then-ok.yaml": [
            interaction(uri(1), "<html><body>Service Unavailable</body></html>", 503, html),
            interaction(uri(1), page1),
            interaction(uri(2), json.dumps(second_page(answer))),
        ],
        "worldbank-truncated-json.yaml": [interaction(uri(1), page1[:200])] * 4,
        "worldbank-not-a-page.yaml": [interaction(uri(1), json.dumps({"total": 6}))],
        "worldbank-unknown-country.yaml": [interaction(uri(1, "XYZ"), json.dumps(error))],
    }
    for name, interactions in cases.items():
        write(faults / name, interactions, synthetic)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))

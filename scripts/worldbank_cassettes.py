"""Write the World Bank cassettes from the one real API answer in the team's shared statistics:

- cassettes/worldbank-pop-gbr.yaml — REAL: the answer to
  https://api.worldbank.org/v2/country/GBR/indicator/SP.POP.TOTL?format=json&per_page=5&date=2019:2024
  (page 1 of 2, lastupdated 2026-07-13), replayed for the same request as claimcheck sends it;
- cassettes/synthetic-faults/worldbank-*.yaml — HAND-WRITTEN around that answer: its second page
  (the one row left, 2019, with the WDI files' value), a 503 before it, truncated JSON, an answer
  that is not an indicator page, and the API's own error answer for an unknown country;
- cassettes/worldbank-archives-*.yaml — REAL: the WDI Database Archives (source 57) answers in
  examples/world-bank-archives (the list of releases; CPI of the March 2024 release), replayed
  for the requests claimcheck sends (sources/worldbank_archives.py);
- cassettes/synthetic-faults/worldbank-archives-*.yaml — HAND-WRITTEN around those answers: the
  CPI answer cut into pages, a second batch of releases, an error answer, a wrong shape.

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
from claimcheck.sources.worldbank_archives import (
    WorldBankArchiveSource,
    parse_versions,
    releases_for,
)

ARCHIVES = Path(__file__).resolve().parent.parent / "examples" / "world-bank-archives"
VERSIONS = "countryatlas_versions.json"
CPI_202403 = "asteria_FP.CPI.TOTL.ZG_GRC-ROU-POL-ITA-IRL-BGR_2020-2023_version-202403.json"
CPI = "FP.CPI.TOTL.ZG"
# The World Bank's current WDI files are the July 2026 release: Greece's CPI then.
GRC_202607 = {"2022": "9.64525981280632", "2023": "3.46480128513405"}

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
    archives(out)


def archive_uri(url: str, page: int = 1, per_page: int = 1000) -> str:
    source = WorldBankArchiveSource(None, per_page=per_page)  # type: ignore[arg-type]
    return f"{url}?{urlencode(source.params(page))}"


def archive_data_uri(country: str, years: tuple[int, int], batch: int = 0, **page: int) -> str:
    versions = parse_versions(json.loads((ARCHIVES / VERSIONS).read_text(encoding="utf-8")))
    chosen = releases_for(versions, years)[batch]
    source = WorldBankArchiveSource(None)  # type: ignore[arg-type]
    return archive_uri(source.data_url(CPI, country, years, chosen), **page)


def archive_pages(answer: dict[str, Any], per_page: int) -> list[str]:
    rows = answer["source"]["data"]
    cut = [rows[i : i + per_page] for i in range(0, len(rows), per_page)]
    pages = []
    for number, part in enumerate(cut, 1):
        page = {**copy.deepcopy(answer), "page": number, "pages": len(cut), "per_page": per_page}
        page["source"]["data"] = part
        pages.append(json.dumps(page))
    return pages


def release_202607(answer: dict[str, Any]) -> str:
    """Greece's rows of the March 2024 answer as the July 2026 release gives them."""
    rows = []
    for year, value in GRC_202607.items():
        row = copy.deepcopy(answer["source"]["data"][0])
        for variable in row["variable"]:
            if variable["concept"] == "Version":
                variable["id"], variable["value"] = "202607", "2026 Jul"
            if variable["concept"] == "Time":
                variable["id"], variable["value"] = f"YR{year}", year
        row["value"] = float(value)
        rows.append(row)
    page = {**copy.deepcopy(answer), "total": len(rows)}
    page["source"]["data"] = rows
    return json.dumps(page)


def archives(out: Path) -> None:
    versions_url = f"{API_URL}/sources/57/version/data"
    versions = interaction(archive_uri(versions_url), (ARCHIVES / VERSIONS).read_text("utf-8"))
    cpi_text = (ARCHIVES / CPI_202403).read_text(encoding="utf-8")
    cpi = json.loads(cpi_text)
    real = "REAL: WDI Database Archives answers in examples/world-bank-archives (PROVENANCE.md)"
    write(out / "worldbank-archives-versions.yaml", [versions], real)
    grc = interaction(archive_data_uri("GRC", (2022, 2023)), cpi_text)
    write(out / "worldbank-archives-cpi-grc.yaml", [versions, grc], real)
    synthetic = "SYNTHETIC: written by scripts/worldbank_cassettes.py around real archive answers"
    paged = [
        interaction(archive_data_uri("GRC", (2022, 2023), page=n, per_page=10), body)
        for n, body in enumerate(archive_pages(cpi, 10), 1)
    ]
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
        "worldbank-archives-paging.yaml": [versions, *paged],
        "worldbank-archives-batches.yaml": [
            versions,
            interaction(archive_data_uri("GRC", (2019, 2023)), cpi_text),
            interaction(archive_data_uri("GRC", (2019, 2023), 1), release_202607(cpi)),
        ],
        "worldbank-archives-error.yaml": [
            versions,
            interaction(archive_data_uri("XYZ", (2022, 2023)), json.dumps(error)),
        ],
        "worldbank-archives-not-an-answer.yaml": [
            versions,
            interaction(archive_data_uri("GRC", (2022, 2023)), json.dumps({"total": 6})),
        ],
    }
    for name, interactions in cases.items():
        write(out / "synthetic-faults" / name, interactions, synthetic)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))

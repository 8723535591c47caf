"""Statistics series in a snapshot file, beside (or instead of) entity documents.

`claimcheck snapshot build OUT.jsonl DIR` turns a World Bank WDI folder (one `<indicator>/data.csv`
+ `datapackage.json` per indicator, as in datasets/world-development-indicators) into lines of two
shapes, sorted and byte-for-byte deterministic:

    {"indicator": "SP.POP.TOTL", "title": "Population, total", "credit": "World Bank, ...", ...}
    {"series": "SP.POP.TOTL", "country": "GBR", "name": "United Kingdom", "values": {"2004": "..."}}

Values are the files' decimal strings, kept exact. Only the indicators claimcheck maps are kept
(sources/worldbank_indicators.py): no claim could ask for the others.

Past releases (sources/vintage_inputs.py) add series lines with a `"vintage": "YYYY-MM"` and a
header marked `"vintages": true`; `observations` answers today's values and every release's, each
Observation with its vintage (None for today's).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from claimcheck.errors import InputError, SourceError
from claimcheck.model import Observation
from claimcheck.sources.statvalues import series_problem, value_problem
from claimcheck.sources.worldbank_indicators import BY_CODE, CREDIT, WdiLookups

Doc = Mapping[str, Any]


def is_statistics(doc: Doc) -> bool:
    return "series" in doc or ("indicator" in doc and "title" in doc)


class StatisticsSnapshot(WdiLookups):
    """Series held in memory, answered without any network."""

    name = "snapshot"

    def __init__(self, docs: Iterable[Doc], origin: str = "memory") -> None:
        self.origin = origin
        self.indicators: dict[str, Doc] = {}
        self.vintage_headers: dict[str, Doc] = {}  # the headers of past releases, by indicator
        # (indicator, country, vintage: None for today's data) → the series
        self.series: dict[tuple[str, str, str | None], Doc] = {}
        self._vintages: dict[tuple[str, str], set[str | None]] = {}  # what series there are
        for doc in docs:
            if "series" in doc:
                _refuse_broken(doc, origin)
                pair, vintage = (str(doc["series"]), str(doc["country"])), doc.get("vintage")
                self.series[(*pair, vintage)] = doc
                self._vintages.setdefault(pair, set()).add(vintage)
            elif doc.get("vintages"):
                self.vintage_headers[str(doc["indicator"])] = doc
            elif "indicator" in doc:
                self.indicators[str(doc["indicator"])] = doc

    def describe(self) -> Mapping[str, Any]:
        return {
            "name": self.name,
            "path": self.origin,
            "indicators": len(self.indicators.keys() | self.vintage_headers.keys()),
            "series": len(self.series),
        }

    def observations(
        self, indicator: str, country: str, years: tuple[int, int]
    ) -> Sequence[Observation]:
        out = []
        vintages = self._vintages.get((indicator, country), set())
        for vintage in sorted(vintages, key=lambda v: v or ""):  # today's, then oldest first
            doc, meta = self.series[(indicator, country, vintage)], self._header(indicator, vintage)
            values = doc.get("values") or {}
            for year in range(years[0], years[1] + 1):
                raw = values.get(str(year))
                if raw is not None:
                    out.append(self._observation(indicator, meta, doc, year, Decimal(str(raw))))
                elif vintage and _not_yet(values, year, str(vintage)):
                    out.append(self._observation(indicator, meta, doc, year, None))
        return out

    def _header(self, indicator: str, vintage: str | None) -> Doc:
        """A release's values are described by the header of past releases, today's by today's
        header; either falls back to the other (for the title)."""
        own, other = self.vintage_headers, self.indicators
        if not vintage:
            own, other = other, own
        return own.get(indicator) or other.get(indicator) or {}

    def _observation(
        self, indicator: str, meta: Doc, doc: Doc, year: int, value: Decimal | None
    ) -> Observation:
        return Observation(
            indicator=indicator,
            indicator_title=str(meta.get("title") or indicator),
            country=str(doc["country"]),
            country_name=str(doc.get("name") or doc["country"]),
            year=year,
            value=value,
            lastupdated=meta.get("lastupdated"),
            url=meta.get("url"),
            endpoint=f"snapshot:{self.origin}",
            vintage=doc.get("vintage"),
        )


def _not_yet(values: Mapping[str, Any], year: int, vintage: str) -> bool:
    """A release holding years up to 2022 and dated 2024-03 had no figure for 2023 yet (the
    API answers null for it; a snapshot keeps only values): say so, rather than nothing."""
    held = [int(y) for y in values if str(y).isdigit()]
    return bool(held) and max(held) < year < int(vintage[:4])


def _refuse_broken(doc: Doc, origin: str) -> None:
    """A series the build would not have written (an older build's, or edited by hand) is this
    snapshot's CC905 at load, not a crash or a false correction mid-run."""
    problem = series_problem(doc)
    for year, raw in (doc.get("values") or {}).items() if problem is None else ():
        why = value_problem(str(doc["series"]), raw)
        problem = problem or (why and f"series {doc['series']} {doc['country']} {year}: {why}")
    if problem:
        raise SourceError(f"snapshot {origin} is damaged: {problem}")


def is_wdi_folder(path: Path) -> bool:
    return path.is_dir() and any(path.glob("*/datapackage.json"))


def wdi_documents(folder: Path) -> Iterator[Doc]:
    """Indicator headers and series of the mapped indicators in a WDI folder."""
    for package in sorted(folder.glob("*/datapackage.json")):
        code = package.parent.name.upper()
        if code not in BY_CODE:
            continue
        yield _header(code, _read_json(package))
        yield from _series(code, package.parent / "data.csv")


def _read_json(path: Path) -> Doc:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as err:
        raise InputError(f"cannot read {path}: {err}") from None
    return data if isinstance(data, dict) else {}


def _header(code: str, package: Doc) -> Doc:
    given = package.get("licenses") or ()
    items = given if isinstance(given, list) else [given]  # a list of tables, says the spec
    names = (item.get("name") if isinstance(item, dict) else item for item in items)
    licences = [str(name) for name in names if isinstance(name, str | int) and str(name)]
    updated = package.get("lastupdated") or package.get("last_updated")
    return {
        "indicator": code,
        "title": str(_text(package.get("title")) or BY_CODE[code].title),
        "credit": CREDIT,
        "licence": ", ".join(licences) or None,
        "lastupdated": updated if isinstance(updated, str) else None,
        "url": f"https://data.worldbank.org/indicator/{code}",
    }


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _series(code: str, data: Path) -> Iterator[Doc]:
    by_country: dict[str, dict[str, Any]] = {}
    try:
        with data.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                value = _value(row.get("Value"))
                country, year = row.get("Country Code") or "", row.get("Year") or ""
                if value is None or not country or not year.isdigit():
                    continue
                entry = by_country.setdefault(
                    country, {"name": row.get("Country Name") or country, "values": {}}
                )
                entry["values"][year] = value
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise InputError(f"cannot read {data}: {err}") from None
    for country in sorted(by_country):
        entry = by_country[country]
        yield {"series": code, "country": country, "name": entry["name"], "values": entry["values"]}


def _value(raw: str | None) -> str | None:
    if raw is None or not raw.strip():
        return None
    try:
        finite = Decimal(raw.strip()).is_finite()
    except InvalidOperation:
        return None
    return raw.strip() if finite else None


def statistics_order(doc: Doc) -> tuple[str, str, str]:
    """Headers before their series; series by indicator, then country, today's data before the
    releases, oldest release first. The header of past releases is a line of its own."""
    if "series" in doc:
        vintage = doc.get("vintage")
        return (
            str(doc["series"]),
            "1",
            str(doc["country"]) + (f"\x1e{vintage}" if vintage else ""),
        )
    return (str(doc.get("indicator")), "0", "vintages" if doc.get("vintages") else "")

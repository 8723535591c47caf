"""The WDI Database Archives (World Bank API source 57): the World Development Indicators as each
past release published them, live.

A release is a `version` (`200504`: the April 2005 release, vintage '2005-04'). The client reads
the list of versions (`/v2/sources/57/version/data`), then asks for a series of one country in
the releases that can hold the years asked — those published after the first year asked ended —
several releases per request, a bounded number of requests, every page of each answer. Everything
goes through the project's HTTP client (User-Agent, cache, --offline, retries, faults).

An answer is `{"page", "pages", "lastupdated", "source": {"id": "57", "data": [row, ...]}}`, a row
`{"variable": [{"concept", "id", "value"}, ...], "value": number | null}`. The concepts come in
varying order, so they are read by name; version labels are wrong in places ('199309' is labelled
"1994 Sep"), so only the version id counts. `parse_answer` is shared with `snapshot build`, which
reads saved answers (sources/vintage_inputs.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from claimcheck.http import HttpClient, JsonResponse
from claimcheck.model import Observation
from claimcheck.sources.worldbank import API_URL, MAX_PAGES, InvalidAnswer, _decimal, _no_check
from claimcheck.sources.worldbank_indicators import WdiLookups

SOURCE_ID = "57"
SOURCE_NAME = "WDI Database Archives"
CREDIT = "World Bank, World Development Indicators (WDI Database Archives)"
LICENCE = "CC BY 4.0"
PER_PAGE = 1000
# 40 version ids make a path of under 300 characters; four requests cover 160 releases, more
# than the 142 published from 1989 to mid-2026. Past that, the earliest releases after the year
# are kept: they hold what the press of the time could read.
VERSIONS_PER_REQUEST = 40
MAX_REQUESTS = 4
VERSIONS_EXPIRY = 30 * 24 * 3600.0  # a release is added about once a month
DATA_EXPIRY = 180 * 24 * 3600.0  # a published release does not change
_VERSION = re.compile(r"^(\d{4})(0[1-9]|1[0-2])$")
_YEAR = re.compile(r"^YR(\d{4})$")


class NotAnArchiveAnswer(ValueError):
    """Data that is not a source-57 answer of the expected shape."""


@dataclass(frozen=True)
class ArchiveRow:
    """One row of a source-57 answer, as given (odd country codes such as ADO kept)."""

    series: str
    series_name: str
    country: str
    country_name: str
    year: int
    vintage: str  # 'YYYY-MM'
    value: Decimal | None  # None: the release has no value for that year


def vintage_of(version: str) -> str:
    """'200504' → '2005-04'; anything else is not a version id."""
    found = _VERSION.match(version)
    if found is None:
        raise NotAnArchiveAnswer(f"'{version}' is not a version id (YYYYMM)")
    return f"{found[1]}-{found[2]}"


def is_archive(data: Any) -> bool:
    """A source-57 answer: data rows or the list of versions."""
    source = data.get("source") if isinstance(data, dict) else None
    first = source[0] if isinstance(source, list) and source else source
    return isinstance(first, dict) and (
        str(first.get("id")) == SOURCE_ID or first.get("name") == SOURCE_NAME
    )


def parse_answer(data: Any) -> tuple[Mapping[str, Any], list[ArchiveRow]]:
    """(page metadata, rows) of one data answer; NotAnArchiveAnswer for any other shape."""
    if not isinstance(data, dict) or not isinstance(data.get("source"), dict):
        raise NotAnArchiveAnswer("not a source-57 data answer (no 'source' object)")
    rows = data["source"].get("data")
    if rows is None and not _int(data.get("total")):
        rows = []  # nothing found comes without rows
    if not isinstance(rows, list):
        raise NotAnArchiveAnswer("the answer's 'source.data' is not a list of rows")
    return data, [_row(row, number) for number, row in enumerate(rows, 1)]


def _row(row: Any, number: int) -> ArchiveRow:
    concepts = {}
    variables = row.get("variable") if isinstance(row, dict) else None
    for variable in variables if isinstance(variables, list) else ():
        if isinstance(variable, dict) and isinstance(variable.get("concept"), str):
            concepts[variable["concept"].lower()] = variable
    missing = [c for c in ("country", "series", "time", "version") if c not in concepts]
    if missing:
        raise NotAnArchiveAnswer(f"row {number} has no {', '.join(missing)} concept")
    time = _YEAR.match(str(concepts["time"].get("id")))
    if time is None:
        raise NotAnArchiveAnswer(f"row {number}: time '{concepts['time'].get('id')}' is not YRnnnn")
    value = row.get("value")
    if value is not None and _decimal(value) is None:
        raise NotAnArchiveAnswer(f"row {number}: value {value!r} is not a number")
    try:
        vintage = vintage_of(str(concepts["version"].get("id")))
    except NotAnArchiveAnswer as err:
        raise NotAnArchiveAnswer(f"row {number}: {err}") from None
    country, series = concepts["country"], concepts["series"]
    return ArchiveRow(
        series=str(series.get("id") or ""),
        series_name=str(series.get("value") or series.get("id") or ""),
        country=str(country.get("id") or ""),
        country_name=str(country.get("value") or country.get("id") or ""),
        year=int(time[1]),
        vintage=vintage,
        value=_decimal(value),
    )


def parse_versions(data: Any) -> list[str]:
    """The version ids of the answer to /sources/57/version/data, oldest first."""
    source = data.get("source") if isinstance(data, dict) else None
    if not isinstance(source, list) or not is_archive(data):
        raise NotAnArchiveAnswer("not the list of source-57 versions")
    found = set()
    for concept in _concepts(source, "version"):
        for variable in concept.get("variable") or ():
            version = str(variable.get("id")) if isinstance(variable, dict) else ""
            vintage_of(version)  # a malformed id is a wrong answer, not a release
            found.add(version)
    return sorted(found)


def _concepts(source: list[Any], name: str) -> Iterator[dict[str, Any]]:
    for part in source:
        concepts = part.get("concept") if isinstance(part, dict) else None
        for concept in concepts if isinstance(concepts, list) else ():
            if isinstance(concept, dict) and str(concept.get("id")).lower() == name:
                yield concept


def releases_for(versions: Sequence[str], years: tuple[int, int]) -> list[list[str]]:
    """The releases that can hold a value for the years asked — published after the first year
    asked ended — in batches for one request each, at most MAX_REQUESTS of them."""
    after = [v for v in sorted(versions) if int(v[:4]) > years[0]]
    batches = [
        after[i : i + VERSIONS_PER_REQUEST] for i in range(0, len(after), VERSIONS_PER_REQUEST)
    ]
    return batches[:MAX_REQUESTS]


class WorldBankArchiveSource(WdiLookups):
    """Every past release's values of a series, one Observation per (release, year)."""

    name = "worldbank-archives"

    def __init__(self, http: HttpClient, api_url: str = API_URL, per_page: int = PER_PAGE) -> None:
        self.http, self.api_url, self.per_page = http, api_url.rstrip("/"), per_page
        self._versions: list[str] | None = None

    def describe(self) -> Mapping[str, Any]:
        return {"name": self.name, "endpoint": f"{self.api_url}/sources/{SOURCE_ID}"}

    def versions(self) -> list[str]:
        if self._versions is None:
            url = f"{self.api_url}/sources/{SOURCE_ID}/version/data"
            found: list[str] = []
            for _, data, _ in self._pages(url, VERSIONS_EXPIRY, PER_PAGE):
                found += _or_invalid(parse_versions, data)
            self._versions = sorted(set(found))
        return self._versions

    def observations(
        self, indicator: str, country: str, years: tuple[int, int]
    ) -> Sequence[Observation]:
        found: list[Observation] = []
        for batch in releases_for(self.versions(), years):
            url = self.data_url(indicator, country, years, batch)
            for response, data, params in self._pages(url, DATA_EXPIRY, self.per_page):
                meta, rows = _or_invalid(parse_answer, data)
                found += [
                    self._observation(row, meta, response, f"{url}?{urlencode(params)}")
                    for row in rows
                    if row.country == country and years[0] <= row.year <= years[1]
                ]
        return found

    def data_url(
        self, indicator: str, country: str, years: tuple[int, int], versions: Sequence[str]
    ) -> str:
        time = ";".join(f"YR{y}" for y in range(years[0], years[1] + 1))
        return (
            f"{self.api_url}/sources/{SOURCE_ID}/country/{country}/series/{indicator}"
            f"/time/{time}/version/{';'.join(versions)}/data"
        )

    def params(self, page: int, per_page: int | None = None) -> dict[str, str]:
        size = per_page or self.per_page
        return {"format": "json", "per_page": str(size), "page": str(page)}

    def _pages(
        self, url: str, expiry: float, per_page: int
    ) -> Iterator[tuple[JsonResponse, Any, dict[str, str]]]:
        """Every page of one answer (at most MAX_PAGES: a runaway `pages` must not loop)."""
        page, pages = 1, 1
        while page <= min(pages, MAX_PAGES):
            params = self.params(page, per_page)
            response = self.http.get_json(url, params, expiry=expiry, check=_no_check)
            if not isinstance(response.data, dict):
                _or_invalid(parse_answer, response.data)  # the API's error answer is a list
            pages = _int(response.data.get("pages")) or 1
            yield response, response.data, params
            page += 1

    def _observation(
        self, row: ArchiveRow, meta: Mapping[str, Any], response: JsonResponse, url: str
    ) -> Observation:
        return Observation(
            indicator=row.series,
            indicator_title=row.series_name,
            country=row.country,
            country_name=row.country_name,
            year=row.year,
            value=row.value,
            lastupdated=meta.get("lastupdated"),
            url=url,
            endpoint=self.api_url,
            from_cache=response.from_cache,
            vintage=row.vintage,
        )


def _or_invalid(parse: Any, data: Any) -> Any:
    """A parse whose failure is the World Bank's wrong answer (an outage of the source)."""
    try:
        return parse(data)
    except NotAnArchiveAnswer as err:
        raise InvalidAnswer(f"the World Bank archives answered {_what(data)}: {err}") from None


def _what(data: Any) -> str:
    if isinstance(data, list) and data and isinstance(data[0], dict) and "message" in data[0]:
        messages = data[0]["message"] or [{}]
        first = messages[0] if isinstance(messages, list) and messages else {}
        return f"an error ({first.get('id')}: {first.get('value') or first.get('key')})"
    return "something unexpected"


def _int(value: Any) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 0

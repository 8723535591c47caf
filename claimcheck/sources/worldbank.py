"""The World Bank Indicators API v2, live:
`/v2/country/{code}/indicator/{id}?format=json&date=Y1:Y2`.

Requests go through the project's HTTP client (User-Agent, cache, --offline, retries, faults).
An answer is a two-item array — page metadata (`page`, `pages`, `lastupdated`, ...) then the rows —
and it pages: every page is fetched. An error answer is a one-item array holding `message`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from claimcheck.errors import SourceUnavailable
from claimcheck.http import HttpClient, JsonResponse, RetryHint
from claimcheck.model import Observation
from claimcheck.sources.countries import Countries
from claimcheck.sources.worldbank_indicators import BY_CODE, WdiLookups

API_URL = "https://api.worldbank.org/v2"
PER_PAGE = 100
MAX_PAGES = 20  # a range of years fits one page; a runaway `pages` must not loop for ever
EXPIRY = 7 * 24 * 3600.0  # the WDI is released a few times a year


class InvalidAnswer(SourceUnavailable):
    """The World Bank answered with something that is not an indicator page."""

    reason = "upstream_invalid_response"


class WorldBankSource(WdiLookups):
    name = "worldbank"

    def __init__(self, http: HttpClient, api_url: str = API_URL, per_page: int = PER_PAGE) -> None:
        self.http, self.api_url, self.per_page = http, api_url.rstrip("/"), per_page

    def describe(self) -> Mapping[str, Any]:
        return {"name": self.name, "endpoint": self.api_url}

    def observations(
        self, indicator: str, country: str, years: tuple[int, int]
    ) -> Sequence[Observation]:
        url = f"{self.api_url}/country/{country}/indicator/{indicator}"
        found: list[Observation] = []
        page, pages = 1, 1
        while page <= min(pages, MAX_PAGES):
            params = self.params(years, page)
            response = self.http.get_json(url, params, expiry=EXPIRY, check=_no_check)
            meta, rows = parse_page(response.data)
            if meta is None:
                return found  # an error answer: no such country or indicator
            pages = _int(meta.get("pages"), 1)
            found += [_observation(row, meta, response, params) for row in rows]
            page += 1
        return found

    def params(self, years: tuple[int, int], page: int) -> dict[str, str]:
        return {
            "format": "json",
            "date": f"{years[0]}:{years[1]}",
            "per_page": str(self.per_page),
            "page": str(page),
        }


def _no_check(data: Any, headers: Mapping[str, str]) -> RetryHint | None:
    return None


def parse_page(data: Any) -> tuple[Mapping[str, Any] | None, list[Mapping[str, Any]]]:
    """(metadata, rows) of one answer; (None, []) for the API's own error answer."""
    if isinstance(data, list) and len(data) == 1 and isinstance(data[0], dict):
        if "message" in data[0]:
            return None, []
    if not (isinstance(data, list) and len(data) == 2 and isinstance(data[0], dict)):
        raise InvalidAnswer("the World Bank API answered with something not an indicator page")
    rows = data[1] or []  # no data at all comes as null
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise InvalidAnswer("the World Bank API answered with rows that are not records")
    return data[0], rows


def _observation(
    row: Mapping[str, Any],
    meta: Mapping[str, Any],
    response: JsonResponse,
    params: Mapping[str, str],
) -> Observation:
    indicator = row.get("indicator") or {}
    country = row.get("country") or {}
    code = str(indicator.get("id") or "")
    iso3 = str(row.get("countryiso3code") or country.get("id") or "")
    known = BY_CODE.get(code)
    return Observation(
        indicator=code,
        indicator_title=str(indicator.get("value") or (known.title if known else code)),
        country=iso3,
        country_name=str(country.get("value") or Countries.bundled().area_name(iso3)),
        year=_int(row.get("date"), 0),
        value=_decimal(row.get("value")),
        lastupdated=meta.get("lastupdated"),
        url=f"{response.url}?{urlencode(params)}",
        endpoint=response.url,
        from_cache=response.from_cache,
    )


def _int(value: Any, default: int) -> int:
    try:
        return int(str(value))
    except ValueError:
        return default


def _decimal(value: Any) -> Decimal | None:
    """The row's value: the client decodes JSON numbers as int or Decimal; null is no value."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return None
    return Decimal(value)

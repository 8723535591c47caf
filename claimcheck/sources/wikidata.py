"""Wikidata: every API parameter claimcheck sends lives here (the ids in
sources/wikidata_ids.py).

The live source calls the Action API (wbsearchentities, wbgetentities in batches of ≤50 ids) and,
only for questions that need it, the query service with validated ids. Documents are parsed by
sources/wikidata_json.py into the interface's dataclasses.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from claimcheck.errors import SourceError, SourceMalformed
from claimcheck.model import Candidate, Entity, Provenance
from claimcheck.sources.wikidata_ids import LABEL_LANGUAGES, PROPERTY_IDS
from claimcheck.sources.wikidata_json import iri_id, parse_entity, parse_search

if TYPE_CHECKING:
    from claimcheck.config import SourceSettings
    from claimcheck.http import HttpClient, JsonResponse, RetryHint

NAME = "wikidata"

BATCH = 50  # the Action API's limit on ids per wbgetentities call
_ID = re.compile(r"[QPL][1-9][0-9]{0,9}")  # used with fullmatch: "$" would let "Q1\n" through
_MAX_ID = 2**31 - 1  # larger ids break a whole wbgetentities batch

# Seconds a response stays fresh in the cache, by endpoint.
EXPIRY = {"search": 7 * 86400.0, "entities": 86400.0, "sparql": 3600.0}
MAXLAG = "5"


def valid_id(entity_id: str) -> bool:
    return bool(_ID.fullmatch(entity_id)) and int(entity_id[1:]) <= _MAX_ID


def search_params(mention: str, language: str, limit: int) -> dict[str, str]:
    return {
        "action": "wbsearchentities",
        "search": mention,
        "language": language,
        "uselang": language,
        "type": "item",
        "limit": str(max(1, min(limit, 50))),
        "format": "json",
        "maxlag": MAXLAG,
    }


def entities_params(ids: Sequence[str]) -> dict[str, str]:
    # Boolean API parameters are on whenever present, so `languagefallback` carries no value.
    return {
        "action": "wbgetentities",
        "ids": "|".join(ids),
        "props": "info|labels|descriptions|aliases|claims",
        "languages": "|".join(LABEL_LANGUAGES),
        "languagefallback": "",
        "format": "json",
        "maxlag": MAXLAG,
    }


def members_query(organization_id: str) -> str:
    """Who has a member-of statement (any rank, any date) naming the organization. Only a
    validated id is ever placed in the query text."""
    if not valid_id(organization_id):
        raise ValueError(f"not a Wikidata id: {organization_id!r}")
    member_of = PROPERTY_IDS["member_of"]
    return (
        f"SELECT DISTINCT ?member WHERE {{ ?member p:{member_of} ?statement . "
        f"?statement ps:{member_of} wd:{organization_id} . }}"
    )


def sparql_params(query: str) -> dict[str, str]:
    return {"query": query, "format": "json"}


def action_api_check(data: Any, headers: Mapping[str, str]) -> RetryHint | None:
    """maxlag and ratelimited arrive as HTTP 200 with an error body: both mean wait and retry."""
    from claimcheck.http import RetryHint, retry_after_seconds

    code = api_error_code(data)
    if code == "maxlag":
        hinted = retry_after_seconds(headers.get("Retry-After"))
        return RetryHint(f"database lag: {_error_info(data)}", max(5.0, hinted or 0.0))
    if code == "ratelimited":
        return RetryHint(f"rate limited: {_error_info(data)}")
    return None


def api_error_code(data: Any) -> str | None:
    error = data.get("error") if isinstance(data, Mapping) else None
    return str(error.get("code")) if isinstance(error, Mapping) else None


def _error_info(data: Any) -> str:
    return str(data["error"].get("info", ""))[:200]


def sparql_bindings(data: Any) -> list[Mapping[str, Any]]:
    """The result rows, refusing a body without the SPARQL JSON frame (a cut-off or an error page
    must never read as an empty answer)."""
    results = data.get("results") if isinstance(data, Mapping) else None
    if not isinstance(data.get("head") if isinstance(data, Mapping) else None, Mapping) or not (
        isinstance(results, Mapping) and isinstance(results.get("bindings"), list)
    ):
        raise SourceMalformed("the query service answered without a SPARQL result set")
    return [b for b in results["bindings"] if isinstance(b, Mapping)]


def _no_error(data: Any) -> bool:
    return api_error_code(data) is None


def _shaped(key: str, kind: type) -> Any:
    """Whether a body has `key` of `kind`: an answer of another shape is never cached (a broken
    search read as "no candidates" would stick for seven days)."""
    return lambda data: (
        isinstance(data, Mapping) and _no_error(data) and isinstance(data.get(key), kind)
    )


_SEARCH_SHAPED = _shaped("search", list)
_ENTITIES_SHAPED = _shaped("entities", Mapping)
# What parsing an answer of the wrong shape raises; turned into SourceMalformed at this edge.
_SHAPE_ERRORS = (AttributeError, TypeError, KeyError, ValueError, ArithmeticError, RecursionError)


@contextlib.contextmanager
def _well_shaped(what: str) -> Iterator[None]:
    try:
        yield
    except _SHAPE_ERRORS as err:
        raise SourceMalformed(f"{what} answered in an unexpected shape ({err!r:.80})") from None


class WikidataSource:
    """The live Wikidata Action API (and query service), through the shared HTTP client."""

    name = NAME
    # members() asks the query service for every member-of statement naming the organization, so
    # verification may count members from it (a snapshot's list is partial and is not used).
    members_complete = True

    def __init__(self, settings: SourceSettings, http: HttpClient) -> None:
        self.api_url, self.sparql_url = settings.api_url, settings.sparql_url
        self.http = http
        self._said_malformed = False

    def describe(self) -> Mapping[str, Any]:
        return {"name": self.name, "api_url": self.api_url, "sparql_url": self.sparql_url}

    def search(self, mention: str, *, language: str = "en", limit: int = 10) -> Sequence[Candidate]:
        params = search_params(mention, language, limit)
        response = self._action(params, EXPIRY["search"])
        if api_error_code(response.data) is not None:
            raise SourceError(f"wbsearchentities failed: {_error_info(response.data)}")
        with self._malformed_said():
            if not _SEARCH_SHAPED(response.data):
                raise SourceMalformed("wbsearchentities answered without a list of hits")
            with _well_shaped("wbsearchentities"):
                return parse_search(response.data["search"])

    def entities(self, ids: Sequence[str]) -> Mapping[str, Entity]:
        wanted = list(dict.fromkeys(ids))
        out = {i: Entity(id=i, label=None, missing=True) for i in wanted if not valid_id(i)}
        valid = [i for i in wanted if valid_id(i)]
        for start in range(0, len(valid), BATCH):
            for batch, response in self._fetch_batch(valid[start : start + BATCH]):
                out.update(self._parse_batch(batch, response))
        return {i: out[i] for i in wanted}

    def members(self, organization_id: str) -> Sequence[Entity]:
        if not valid_id(organization_id):
            return ()
        response = self.http.get_json(
            self.sparql_url, sparql_params(members_query(organization_id)), expiry=EXPIRY["sparql"]
        )
        with self._malformed_said(), _well_shaped("the query service"):
            bindings = sparql_bindings(response.data)
            ids = sorted({i for b in bindings if (i := iri_id(b["member"]["value"]))})
        found = self.entities([i for i in ids if valid_id(i)])
        return tuple(e for e in found.values() if not e.missing)

    def _fetch_batch(self, batch: list[str]) -> Iterator[tuple[list[str], JsonResponse]]:
        """One call per batch; a batch refused as a whole, or too large to accept, is split
        (to isolate a bad id, or to fit under the size cap)."""
        from claimcheck.http import ResponseTooLarge

        try:
            response = self._action(entities_params(batch), EXPIRY["entities"])
        except ResponseTooLarge:
            if len(batch) == 1:
                raise
            half = len(batch) // 2
            yield from self._fetch_batch(batch[:half])
            yield from self._fetch_batch(batch[half:])
            return
        if api_error_code(response.data) is None:
            yield batch, response
        elif api_error_code(response.data) == "no-such-entity" and len(batch) > 1:
            half = len(batch) // 2
            yield from self._fetch_batch(batch[:half])
            yield from self._fetch_batch(batch[half:])
        elif api_error_code(response.data) == "no-such-entity":
            yield batch, response  # parsed as missing below
        else:
            raise SourceError(f"wbgetentities failed: {_error_info(response.data)}")

    def _parse_batch(self, batch: list[str], response: JsonResponse) -> dict[str, Entity]:
        if api_error_code(response.data) is None and not _ENTITIES_SHAPED(response.data):
            with self._malformed_said():
                raise SourceMalformed("wbgetentities answered without a mapping of entities")
        docs = response.data.get("entities") or {} if _ENTITIES_SHAPED(response.data) else {}
        out = {}
        with self._malformed_said(), _well_shaped("wbgetentities"):
            for requested in batch:
                doc = docs.get(requested) or {"id": requested, "missing": ""}
                redirected = (doc.get("redirects") or {}).get("from")
                out[requested] = parse_entity(doc, self._provenance(doc, response, redirected))
        return out

    @contextlib.contextmanager
    def _malformed_said(self) -> Iterator[None]:
        """A broken answer is said on stderr once per run; its claims are not checked."""
        try:
            yield
        except SourceMalformed as err:
            if not self._said_malformed:
                self._said_malformed = True
                self.http.warn(f"[CC905] {err}: claims that need it are not checked")
            raise

    def _provenance(
        self, doc: Mapping[str, Any], response: JsonResponse, redirected: str | None
    ) -> Provenance:
        entity_id = str(doc.get("id", ""))
        page = (
            self.api_url.replace("/w/api.php", "/wiki/") + entity_id
            if "/w/api.php" in self.api_url
            else None
        )
        return Provenance(
            endpoint=self.api_url,
            retrieved_at=response.retrieved_at,
            from_cache=response.from_cache,
            revision=doc.get("lastrevid"),
            url=page,
            redirected_from=redirected,
        )

    def _action(self, params: dict[str, str], expiry: float) -> JsonResponse:
        search = params.get("action") == "wbsearchentities"
        shaped = _SEARCH_SHAPED if search else _ENTITIES_SHAPED
        return self.http.get_json(
            self.api_url, params, expiry=expiry, check=action_api_check, cacheable=shaped
        )

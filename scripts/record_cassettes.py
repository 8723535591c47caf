"""Re-record cassettes against live Wikidata and the World Bank's WDI Database Archives
(`make record`; needs network and a contact).

Writes cassettes/recorded/*.yaml through claimcheck's own client, so the requests are exactly the
ones the tool sends. The contact is scrubbed from the User-Agent, and cookies, client-IP and
GeoIP headers are dropped before anything is written. The sample-based cassettes beside it are
left alone (their tests pin the old revisions); compare, then promote by hand.

    CLAIMCHECK_CONTACT=you@example.org .venv/bin/python scripts/record_cassettes.py
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "cassettes" / "recorded"
SCRUBBED = "CONTACT-SCRUBBED"
DROP_RESPONSE_HEADERS = {
    "set-cookie",
    "x-client-ip",
    "x-geoip",
    "geoip",
    "x-analytics",
    "nel",
    "report-to",
}

# Questions worth keeping on record: the seed article's names (resolved by search, never from
# memory) and the shapes the tests care about.
SEARCHES = (
    "NATO",
    "North Atlantic Treaty Organization",
    "NATO–Russia Council",
    "Wendy Sherman",
    "Alexander Grushko",
    "Jens Stoltenberg",
    "Vladimir Putin",
    "Russia",
    "Ukraine",
    "Brussels",
    "Geneva",
    "abc",
)
ENTITIES = (("Q7747", "Q19300851"), ("Q32063953",), ("Q6", "Q42", "P31"), ("Q30", "Q159", "Q212"))


def scrub_request(contact: str) -> Callable[[Any], Any]:
    def scrub(request: Any) -> Any:
        for name in list(request.headers):
            if name.lower() == "user-agent":
                request.headers[name] = request.headers[name].replace(contact, SCRUBBED)
            elif name.lower() in ("cookie", "authorization"):
                del request.headers[name]
        return request

    return scrub


def scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers") or {}
    for name in list(headers):
        if name.lower() in DROP_RESPONSE_HEADERS:
            del headers[name]
    return response


def main() -> int:
    import vcr

    from claimcheck.config import SourceSettings
    from claimcheck.http import HttpClient, new_session
    from claimcheck.sources.wikidata import WikidataSource

    contact = os.environ.get("CLAIMCHECK_CONTACT", "").strip()
    if not contact:
        print(
            "record_cassettes: set CLAIMCHECK_CONTACT (Wikimedia asks for a contact)",
            file=sys.stderr,
        )
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    recorder = vcr.VCR(
        cassette_library_dir=str(OUT),
        record_mode="all",
        decode_compressed_response=True,
        match_on=["method", "scheme", "host", "port", "path", "query"],
        before_record_request=scrub_request(contact),
        before_record_response=scrub_response,
    )
    source = WikidataSource(
        SourceSettings(), HttpClient(new_session(), contact=contact, warn=print)
    )
    with recorder.use_cassette("wbsearchentities.yaml"):
        found = {text: source.search(text, limit=7) for text in SEARCHES}
    for ids in ENTITIES:
        with recorder.use_cassette(f"wbgetentities-{'-'.join(ids)}.yaml"):
            source.entities(list(ids))
    hits = found["North Atlantic Treaty Organization"]
    if hits:
        nato = hits[0].id
        with recorder.use_cassette(f"sparql-members-{nato}.yaml"):
            source.members(nato)
    for text, hits in found.items():
        print(f"{text!r}: {[(h.id, h.label) for h in hits[:3]]}")
    record_archives(recorder, HttpClient(new_session(), contact=contact, warn=print))
    return 0


def record_archives(recorder: Any, http: Any) -> None:
    """The WDI Database Archives cassettes: the list of releases, and Greece's CPI for 2022-2023
    in every release after 2022 (the question worldbank-archives-cpi-grc.yaml answers)."""
    from claimcheck.sources.worldbank_archives import WorldBankArchiveSource

    archives = WorldBankArchiveSource(http)
    with recorder.use_cassette("worldbank-archives-versions.yaml"):
        print(f"WDI Database Archives: {len(archives.versions())} releases")
    with recorder.use_cassette("worldbank-archives-cpi-grc.yaml"):
        found = archives.observations("FP.CPI.TOTL.ZG", "GRC", (2022, 2023))
    print(f"Greece CPI 2022-2023: {[(o.vintage, o.year, o.value) for o in found[:6]]}")


if __name__ == "__main__":
    sys.exit(main())

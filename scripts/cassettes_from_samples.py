"""Build cassettes/*.yaml (vcrpy, requests layout) from the real third-party Wikidata captures in
a samples folder (see cassettes/PROVENANCE.md for which sample feeds which cassette).

Bodies are copied unchanged. Each request URI is rewritten to the request claimcheck itself sends
for the same question, so replay matches; recorded response headers are kept except the ones that
identify the recorder (cookies, client IP) or no longer describe the stored body (encoding, length).

    python scripts/cassettes_from_samples.py ../shared/wikidata-samples cassettes
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import yaml

from claimcheck.config import SourceSettings
from claimcheck.sources.wikidata import entities_params, search_params

API = SourceSettings().api_url
DROP = {
    "set-cookie",
    "x-client-ip",
    "content-encoding",
    "transfer-encoding",
    "content-length",
    "connection",
}
JSON_HEADERS = {"Content-Type": ["application/json; charset=utf-8"]}


def interaction(
    uri: str, body: str, headers: dict[str, list[str]] | None = None, status: int = 200
) -> dict[str, Any]:
    kept = {k: v for k, v in (headers or JSON_HEADERS).items() if k.lower() not in DROP}
    return {
        "request": {"body": None, "headers": {}, "method": "GET", "uri": uri},
        "response": {
            "body": {"string": body},
            "headers": kept,
            "status": {"code": status, "message": "OK"},
        },
    }


def entities_uri(ids: list[str]) -> str:
    return f"{API}?{urlencode(entities_params(ids))}"


def search_uri(text: str) -> str:
    return f"{API}?{urlencode(search_params(text, 'en', 7))}"


def write(out: Path, name: str, interactions: list[dict[str, Any]]) -> None:
    text = yaml.safe_dump(
        {"interactions": interactions, "version": 1}, allow_unicode=True, width=1000
    )
    (out / name).write_text(text, encoding="utf-8")
    print(f"{name}: {len(interactions)} interaction(s)")


def from_json_file(samples: Path, relative: str, ids: list[str]) -> dict[str, Any]:
    return interaction(entities_uri(ids), (samples / relative).read_text(encoding="utf-8"))


def from_ruby_vcr(samples: Path, relative: str, index: int) -> dict[str, Any]:
    data = yaml.safe_load((samples / relative).read_text(encoding="utf-8"))
    recorded = data["http_interactions"][index]
    ids = parse_qs(urlsplit(recorded["request"]["uri"]).query)["ids"][0].split("|")
    response = recorded["response"]
    return interaction(entities_uri(ids), response["body"]["string"], response["headers"])


def main(samples: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    wbg = "action-api/wbgetentities/"
    write(
        out,
        "wbgetentities-putin-Q7747.yaml",
        [
            from_json_file(
                samples, wbg + "nomenklatura_Q7747-vladimir-putin-full-trimmed.json", ["Q7747"]
            ),
            from_json_file(
                samples,
                wbg + "nomenklatura_Q19300851-vladimir-putin-homonym-full-trimmed.json",
                ["Q19300851"],
            ),
        ],
    )
    write(
        out,
        "wbgetentities-redirect-Q32063953.yaml",
        [
            from_json_file(
                samples, wbg + "wdtk_wbgetentities-Q32063953-redirect-to-Q1040.json", ["Q32063953"]
            )
        ],
    )
    write(
        out,
        "wbgetentities-missing-Q6-Q42-P31.yaml",
        [from_json_file(samples, wbg + "wdtk_wbgetentities-Q6-Q42-P31.json", ["Q6", "Q42", "P31"])],
    )
    write(
        out,
        "wbgetentities-2016-batch-Q30.yaml",
        [
            from_ruby_vcr(
                samples, "cassettes/ruby-vcr/wikisnakker_aliases-Q2036942-ted-cruz-and-Q30.yml", 0
            ),
            from_ruby_vcr(
                samples, "cassettes/ruby-vcr/wikisnakker_aliases-Q2036942-ted-cruz-and-Q30.yml", 1
            ),
        ],
    )
    write(
        out,
        "wbgetentities-hong-kong-Q8646.yaml",
        [from_json_file(samples, "entitydata/dahlia_Q8646-hong-kong.json", ["Q8646"])],
    )
    no_such = (
        samples / "action-api/errors/wdtk_wbgetentities-bogus-no-such-entity.json"
    ).read_text(encoding="utf-8")
    putin = (samples / wbg / "nomenklatura_Q7747-vladimir-putin-full-trimmed.json").read_text(
        encoding="utf-8"
    )
    write(
        out,
        "wbgetentities-no-such-entity-split.yaml",
        [
            interaction(entities_uri(["Q7747", "Q2147483647"]), no_such),
            interaction(entities_uri(["Q7747"]), putin),
            interaction(entities_uri(["Q2147483647"]), no_such),
        ],
    )
    search = samples / "action-api/wbsearchentities"
    write(
        out,
        "wbsearchentities.yaml",
        [
            interaction(
                search_uri("abc"),
                (search / "wdtk_wbsearchentities-abc.json").read_text(encoding="utf-8"),
            ),
            interaction(
                search_uri("some search string with no results"),
                (search / "wdtk_wbsearchentities-empty.json").read_text(encoding="utf-8"),
            ),
        ],
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))

"""Write cassettes/synthetic-faults/*.yaml: HAND-WRITTEN fault responses (no real capture of these
exists in the samples), each answering claimcheck's search request for 'fault' in sequence.

    python scripts/synthetic_faults.py cassettes/synthetic-faults
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import yaml

from claimcheck.config import SourceSettings
from claimcheck.sources.wikidata import search_params

URI = f"{SourceSettings().api_url}?{urlencode(search_params('fault', 'en', 7))}"
JSON = "application/json; charset=utf-8"
OK = json.dumps({"searchinfo": {"search": "fault"}, "search": [], "success": 1})
HTML = (
    "<!DOCTYPE html><html><head><title>Wikimedia Error</title></head><body><p>Our servers are "
    "currently under maintenance or experiencing a technical issue.</p></body></html>"
)
# The body of a real maxlag refusal (Wikidata-Toolkit's error-maxlag-full.json, 2020); status and
# headers are ours, as Manual:Maxlag describes them.
MAXLAG = json.dumps(
    {
        "error": {
            "code": "maxlag",
            "info": "Waiting for all: 3.45 seconds lagged.",
            "host": "all",
            "lag": 3.45,
            "type": "wikibase-queryservice",
            "queryserviceLag": 626,
        },
        "servedby": "mw1280",
    }
)
RATELIMITED = json.dumps(
    {
        "error": {
            "code": "ratelimited",
            "info": "You've exceeded your rate limit. Please wait some time and try again.",
        }
    }
)
SOON = "Wed, 21 Oct 2026 07:28:30 GMT"  # tests pin their clock to 30 s before this
PAST = "Wed, 21 Oct 2015 07:28:00 GMT"


def response(status: int, body: str, content_type: str = JSON, **headers: str) -> dict[str, Any]:
    all_headers = {
        "Content-Type": [content_type],
        **{k.replace("_", "-"): [v] for k, v in headers.items()},
    }
    return {
        "request": {"body": None, "headers": {}, "method": "GET", "uri": URI},
        "response": {
            "body": {"string": body},
            "headers": all_headers,
            "status": {"code": status, "message": ""},
        },
    }


CASSETTES = {
    "429-retry-after-seconds.yaml": [
        response(429, HTML, "text/html", Retry_After="7"),
        response(200, OK),
    ],
    "429-retry-after-http-date.yaml": [
        response(429, HTML, "text/html", Retry_After=SOON),
        response(429, HTML, "text/html", Retry_After=PAST),
        response(200, OK),
    ],
    "429-absurd-retry-after.yaml": [response(429, HTML, "text/html", Retry_After="86400")],
    "503-retry-after.yaml": [response(503, HTML, "text/html", Retry_After="3"), response(200, OK)],
    "5xx-html.yaml": [
        response(500, HTML, "text/html"),
        response(502, HTML, "text/html"),
        response(504, HTML, "text/html"),
        response(500, HTML, "text/html"),
    ],
    "5xx-then-ok.yaml": [response(502, HTML, "text/html"), response(200, OK)],
    "maxlag.yaml": [response(200, MAXLAG, Retry_After="5", X_Database_Lag="3"), response(200, OK)],
    "maxlag-forever.yaml": [response(200, MAXLAG, Retry_After="5", X_Database_Lag="3")] * 4,
    "ratelimited.yaml": [response(200, RATELIMITED), response(200, OK)],
    "truncated-json.yaml": [response(200, OK[:25])] * 4,
    "truncated-then-ok.yaml": [response(200, OK[:25]), response(200, OK)],
    "wrong-content-type.yaml": [response(200, HTML, "text/html; charset=utf-8")] * 4,
    "403-blocked.yaml": [
        response(
            403,
            "Please set a user-agent and respect our robot policy https://w.wiki/4wJS.",
            "text/plain",
        )
    ],
}


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, interactions in CASSETTES.items():
        text = yaml.safe_dump({"interactions": interactions, "version": 1}, width=1000)
        (out / name).write_text(
            "# SYNTHETIC: written by scripts/synthetic_faults.py, not a real capture\n" + text
        )


if __name__ == "__main__":
    main(Path(sys.argv[1]))

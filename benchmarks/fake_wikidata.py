"""An in-process stand-in for the Wikidata Action API, answering from a snapshot file, so a
benchmark can count the requests a cold run makes without any network. Mounted on a requests
session as a transport adapter; it understands wbsearchentities and wbgetentities only."""

from __future__ import annotations

import io
import json
from collections import Counter
from urllib.parse import parse_qs, urlsplit

import requests

from claimcheck.sources.snapshot import SnapshotSource


class SnapshotTransport(requests.adapters.BaseAdapter):
    def __init__(self, snapshot: SnapshotSource) -> None:
        super().__init__()
        self.snapshot = snapshot
        self.counts: Counter[str] = Counter()
        self.ids_requested = 0

    def send(self, request, **kwargs):
        query = {
            k: v[0]
            for k, v in parse_qs(urlsplit(request.url).query, keep_blank_values=True).items()
        }
        action = query.get("action", "sparql")
        self.counts[action] += 1
        if action == "wbsearchentities":
            hits = self.snapshot.search(query["search"], limit=int(query.get("limit", "7")))
            body = {
                "search": [
                    {
                        "id": h.id,
                        "label": h.label,
                        "description": h.description,
                        "match": {"type": "label", "text": h.matched},
                    }
                    for h in hits
                ],
                "success": 1,
            }
        elif action == "wbgetentities":
            ids = query["ids"].split("|")
            self.ids_requested += len(ids)
            body = {"entities": {i: self._doc(i) for i in ids}, "success": 1}
        else:
            body = {"head": {"vars": []}, "results": {"bindings": []}}
        response = requests.Response()
        response.status_code, response.url = 200, request.url
        response.headers["Content-Type"] = "application/json; charset=utf-8"
        response.raw = io.BytesIO(json.dumps(body).encode())
        return response

    def _doc(self, requested: str) -> dict:
        target = self.snapshot.redirects.get(requested, requested)
        doc = self.snapshot.docs.get(target)
        if doc is None:
            return {"id": requested, "missing": ""}
        return (
            {**doc, "redirects": {"from": requested, "to": target}}
            if target != requested
            else dict(doc)
        )

    def close(self) -> None:
        pass

"""schema.org ClaimReview JSON-LD *drafts*: one per claim the source supported or contradicted,
for an editor to complete (rating wording, author, URL) before anything is published. Each is
marked `creativeWorkStatus: "Draft"`; claimcheck never publishes a review."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from claimcheck.model import Claim, DocumentResult
from claimcheck.render.base import display_path, one_line

_RATING = {
    "contradicted": (1, "Contradicted by the knowledge source (draft: editor to confirm)"),
    "supported": (5, "Supported by the knowledge source (draft: editor to confirm)"),
}
TODO = "EDITOR: fill in"


def draft(result: DocumentResult, claim: Claim) -> dict[str, Any] | None:
    verification = claim.verification
    rating = _RATING.get(verification.verdict) if verification else None
    if verification is None or rating is None:
        return None
    doc = result.document
    appearance: dict[str, Any] = {"@type": "CreativeWork", "url": display_path(result)}
    if doc.title:
        appearance["headline"] = doc.title
    if doc.date:
        appearance["datePublished"] = doc.date.isoformat()
    evidence = [
        e.provenance.url for e in verification.evidence if e.provenance and e.provenance.url
    ]
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "creativeWorkStatus": "Draft",
        "claimReviewed": one_line(claim.sentence or claim.text),
        "itemReviewed": {"@type": "Claim", "appearance": appearance},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating[0],
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": rating[1],
            "ratingExplanation": one_line(verification.explanation),
        },
        "author": {"@type": "Organization", "name": TODO},
        "url": TODO,
        "isBasedOn": evidence,
        "identifier": claim.id,
    }


def render(results: Iterable[DocumentResult]) -> Iterator[str]:
    drafts = [d for r in results for c in r.claims if (d := draft(r, c)) is not None]
    yield json.dumps(drafts, ensure_ascii=False, indent=2) + "\n"

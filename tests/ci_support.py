"""Helpers for the tests/test_ci_*.py files: documents, claims with verdicts, findings, built in
memory so the policy layers and formats can be tested without spaCy or the network."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from claimcheck.config import RuleSettings, Settings
from claimcheck.model import (
    Claim,
    Document,
    DocumentResult,
    Evidence,
    Finding,
    Provenance,
    Span,
    Verdict,
    claim_id,
    position,
)

NEWSROOM = Path(__file__).resolve().parent / "data" / "newsroom"
# One evidence item of the shape schemas/claim.schema.json asks for; the values are made up.
EVIDENCE = Evidence(
    entity="fake:nato",
    entity_label="NATO",
    property="member_count",
    property_label="member count",
    statement="fake:nato$1",
    rank="normal",
    value=Decimal(30),
    provenance=Provenance(
        endpoint="fake:in-memory", retrieved_at="2026-01-01T00:00:00Z", from_cache=False, revision=1
    ),
)


def document(
    text: str, path: str = "articles/story.md", fmt: str = "markdown", **meta: Any
) -> Document:
    return Document(
        id=path, text=text, path=path, format=fmt, date=dt.date(2022, 1, 10), metadata=meta
    )


def claim(
    doc: Document,
    snippet: str,
    kind: str,
    verdict: str | None = None,
    reason: str = "mismatch",
    value: dict[str, Any] | None = None,
    **fields: Any,
) -> Claim:
    start = doc.text.index(snippet)
    span = Span(start, start + len(snippet))
    line, column = position(doc.text, start)
    verification = None
    if verdict is not None:
        proof = () if verdict == "not_checked" else (EVIDENCE,)
        verification = Verdict(
            verdict=verdict,
            reason=reason,
            explanation=f"the source disagrees ({kind}).",
            evidence=proof,
            as_of=dt.date(2022, 1, 10),
        )
    return Claim(
        id=claim_id(doc.id, kind, span, snippet),
        doc=doc.id,
        kind=kind,
        text=snippet,
        span=span,
        line=line,
        column=column,
        sentence=snippet,
        value=value or {},
        fields=fields,
        verification=verification,
    )


def finding(
    doc: Document,
    snippet: str,
    rule: str,
    severity: str = "error",
    message: str | None = None,
    after: int = 0,
) -> Finding:
    start = doc.text.index(snippet, after)
    span = Span(start, start + len(snippet))
    line, column = position(doc.text, start)
    return Finding(
        rule=rule,
        severity=severity,
        message=message or f"{rule} about “{snippet}”",
        doc=doc.id,
        span=span,
        line=line,
        column=column,
        spans=(span,),
    )


def settings(**rules: Any) -> Settings:
    return Settings(rules=dataclasses.replace(RuleSettings(), **rules))


def result(
    doc: Document, claims: tuple[Claim, ...] = (), findings: tuple[Finding, ...] = ()
) -> DocumentResult:
    return DocumentResult(document=doc, claims=claims, findings=findings)

"""Building a Claim record from a span of a document: the one place ids, text, line and column
are derived, so every extractor produces records the same way."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from claimcheck.model import Claim, Document, Span, claim_id, position


def make_claim(
    document: Document,
    kind: str,
    span: Span,
    sentence: str,
    value: Mapping[str, Any] | None = None,
    fields: Mapping[str, Any] | None = None,
) -> Claim:
    """A claim over document.text[span.start:span.end]; `sentence` is the text of its sentence."""
    text = document.text[span.start : span.end]
    line, column = position(document.text, span.start)
    return Claim(
        id=claim_id(document.id, kind, span, text),
        doc=document.id,
        kind=kind,
        text=text,
        span=span,
        line=line,
        column=column,
        sentence=sentence,
        value=dict(value or {}),
        fields=dict(fields or {}),
    )

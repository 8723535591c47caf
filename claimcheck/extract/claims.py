"""Building a Claim record from a span of a document: the one place ids, text, line and column
are derived, so every extractor produces records the same way."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from claimcheck.extract.unwrap import Unwrapped
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


def restored(claim: Claim, view: Unwrapped) -> Claim:
    """A claim made from the unwrapped view of a document, with its spans, line, column and id
    in the original text (its text and sentence stay as a reader sees them, one space per soft
    break)."""
    span = view.span(claim.span)
    line, column = position(view.original.text, span.start)
    return replace(
        claim,
        id=claim_id(claim.doc, claim.kind, span, claim.text),
        span=span,
        line=line,
        column=column,
        value=_respanned(claim.value, view),
        fields=_respanned(claim.fields, view),
    )


def _respanned(value: Any, view: Unwrapped) -> Any:
    if isinstance(value, Span):
        return view.span(value)
    if isinstance(value, Mapping):
        return {k: _respanned(v, view) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_respanned(v, view) for v in value)
    return value

"""Reading back `extract`'s JSON lines (a `record: document` header, then its `record: claim`
lines) as results the verification stage can take. Numbers are read as Decimal so amounts stay
exact."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Any, TypeVar

from claimcheck.errors import InputError
from claimcheck.model import Claim, Document, DocumentResult, Finding, Span

T = TypeVar("T")
CLAIM_KEYS = ("record", "id", "doc", "kind", "text", "span", "line", "column", "sentence", "value")
FINDING_KEYS = (
    "record",
    "rule",
    "severity",
    "message",
    "doc",
    "span",
    "line",
    "column",
    "claims",
    "spans",
    "confidence",
    "suppressed",
    "fingerprint",
)


def read_results(lines: Iterable[str], name: str = "<stdin>") -> Iterator[DocumentResult]:
    current: DocumentResult | None = None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        record = _parse(line, name, number)
        kind = record.get("record")
        if kind == "document":
            document = _checked(f"{name}:{number}", _document, record)
            if current is not None:
                yield current
            current = DocumentResult(document=document)
        elif kind in ("claim", "finding") and current is not None:
            current = _checked(f"{name}:{number}", _add, current, record)
        else:
            raise InputError(f"{name}:{number}: expected a 'record: document' line before claims")
    if current is not None:
        yield current


def _checked(where: str, read: Callable[..., T], *args: Any) -> T:
    """A line that is JSON but not a record claimcheck wrote (a key missing, a value of the wrong
    type, a date that is no date) is an input error naming its line, not a traceback."""
    try:
        return read(*args)
    except KeyError as err:
        raise InputError(f"{where}: not a claimcheck record (no {err})") from None
    except (TypeError, ValueError, AttributeError) as err:
        raise InputError(f"{where}: not a claimcheck record ({err})") from None


def _parse(line: str, name: str, number: int) -> dict[str, Any]:
    try:
        record = json.loads(line, parse_float=Decimal)
    except json.JSONDecodeError as err:
        raise InputError(f"{name}:{number}: not a JSON line ({err.msg})") from None
    except RecursionError:
        raise InputError(f"{name}:{number}: not a JSON line (nested too deep)") from None
    if not isinstance(record, dict):
        raise InputError(f"{name}:{number}: expected a JSON object")
    return record


def _document(record: dict[str, Any]) -> Document:
    date = record.get("date")
    return Document(
        id=record["id"],
        text="",
        path=record.get("path"),
        title=record.get("title"),
        format=record.get("format") or "text",
        date=dt.date.fromisoformat(date) if date else None,
        date_source=record.get("date_source") or "none",
        date_note=record.get("date_note"),
    )


def _add(result: DocumentResult, record: dict[str, Any]) -> DocumentResult:
    import dataclasses

    if record["record"] == "finding":
        return dataclasses.replace(result, findings=(*result.findings, _finding(record)))
    return dataclasses.replace(result, claims=(*result.claims, _claim(record)))


def _claim(record: dict[str, Any]) -> Claim:
    span = record["span"]
    fields = {k: v for k, v in record.items() if k not in CLAIM_KEYS and k != "verification"}
    return Claim(
        id=record["id"],
        doc=record["doc"],
        kind=record["kind"],
        text=record["text"],
        span=Span(span["start"], span["end"]),
        line=record["line"],
        column=record["column"],
        sentence=record.get("sentence", ""),
        value=record.get("value") or {},
        fields=fields,
    )


def _finding(record: dict[str, Any]) -> Finding:
    span = record["span"]
    return Finding(
        rule=record["rule"],
        severity=record["severity"],
        message=record["message"],
        doc=record["doc"],
        span=Span(span["start"], span["end"]),
        line=record["line"],
        column=record["column"],
        claims=tuple(record.get("claims") or ()),
        spans=tuple(Span(s["start"], s["end"]) for s in record.get("spans") or ()),
        # read as Decimal with every other number; Finding.confidence is a float
        confidence=None if record.get("confidence") is None else float(record["confidence"]),
        suppressed=record.get("suppressed"),
        fingerprint=record.get("fingerprint"),
        extra={k: v for k, v in record.items() if k not in FINDING_KEYS},
    )

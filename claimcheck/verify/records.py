"""Reading back `extract`'s JSON lines (a `record: document` header, then its `record: claim`
lines) as results the verification stage can take. Numbers are read as Decimal so amounts stay
exact."""

from __future__ import annotations

import datetime as dt
import json
import re
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
    if "\\u" in line.lower() and _SURROGATE.search(
        json.dumps(record, ensure_ascii=False, default=str)
    ):
        raise InputError(f"{name}:{number}: holds a lone surrogate (\\ud800-\\udfff), not text")
    return record


_SURROGATE = re.compile("[\ud800-\udfff]")


def _want(
    record: dict[str, Any], key: str, kind: type | tuple[type, ...], *, absent: bool = False
) -> Any:
    """record[key] if it is of `kind` (None allowed when `absent`): a record that passes the
    reader reaches every renderer, which trusts these types."""
    value = record.get(key) if absent else record[key]
    if (value is None and absent) or (isinstance(value, kind) and not isinstance(value, bool)):
        return value
    wanted = " or ".join(_KINDS.get(k, k.__name__) for k in _tuple(kind))
    raise TypeError(f"'{key}' must be {wanted}, not {value!r:.40}")


_KINDS = {str: "a string", int: "a whole number", dict: "an object", list: "a list"}


def _tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _span(value: Any) -> Span:
    if not isinstance(value, dict):
        raise TypeError(f"'span' must be an object, not {value!r:.40}")
    start, end = _want(value, "start", int), _want(value, "end", int)
    if not 0 <= start <= end:
        raise ValueError(f"'span' must have 0 <= start <= end, not {start}..{end}")
    return Span(start, end)


def _document(record: dict[str, Any]) -> Document:
    date = _want(record, "date", str, absent=True)
    return Document(
        id=_want(record, "id", str),
        text="",
        path=_want(record, "path", str, absent=True),
        title=_want(record, "title", str, absent=True),
        format=_want(record, "format", str, absent=True) or "text",
        date=dt.date.fromisoformat(date) if date else None,
        date_source=_want(record, "date_source", str, absent=True) or "none",
        date_note=_want(record, "date_note", str, absent=True),
    )


def _add(result: DocumentResult, record: dict[str, Any]) -> DocumentResult:
    import dataclasses

    if record["record"] == "finding":
        return dataclasses.replace(result, findings=(*result.findings, _finding(record)))
    return dataclasses.replace(result, claims=(*result.claims, _claim(record)))


def _claim(record: dict[str, Any]) -> Claim:
    fields = {k: v for k, v in record.items() if k not in CLAIM_KEYS and k != "verification"}
    return Claim(
        id=_want(record, "id", str),
        doc=_want(record, "doc", str),
        kind=_want(record, "kind", str),
        text=_want(record, "text", str),
        span=_span(record["span"]),
        line=_want(record, "line", int),
        column=_want(record, "column", int),
        sentence=_want(record, "sentence", str, absent=True) or "",
        value=_want(record, "value", dict, absent=True) or {},
        fields=fields,
    )


def _finding(record: dict[str, Any]) -> Finding:
    claims = _want(record, "claims", list, absent=True) or ()
    spans = _want(record, "spans", list, absent=True) or ()
    confidence = _want(record, "confidence", (int, Decimal, float), absent=True)
    if not all(isinstance(c, str) for c in claims):
        raise TypeError("'claims' must be a list of claim ids")
    return Finding(
        rule=_want(record, "rule", str),
        severity=_want(record, "severity", str),
        message=_want(record, "message", str),
        doc=_want(record, "doc", str),
        span=_span(record["span"]),
        line=_want(record, "line", int),
        column=_want(record, "column", int),
        claims=tuple(claims),
        spans=tuple(_span(s) for s in spans),
        # read as Decimal with every other number; Finding.confidence is a float
        confidence=None if confidence is None else float(confidence),
        suppressed=_want(record, "suppressed", str, absent=True),
        fingerprint=_want(record, "fingerprint", str, absent=True),
        extra={k: v for k, v in record.items() if k not in FINDING_KEYS},
    )

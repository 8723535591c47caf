"""The records that flow through the pipeline: plain frozen dataclasses, no behaviour beyond
turning themselves into JSON-ready dicts."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


@dataclass(frozen=True, order=True)
class Span:
    """Character offsets into Document.text, end exclusive."""

    start: int
    end: int

    def to_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True)
class Document:
    """One article as read.

    `text` is what claims are extracted from and what every span indexes into: the input as read
    (after decoding, BOM removed) for text and Markdown; the extracted main text for HTML.
    `body_start` skips front matter; `skip` lists regions (code blocks, inline code) never mined.
    """

    id: str
    text: str
    path: str | None = None
    title: str | None = None
    format: str = "text"
    date: dt.date | None = None
    date_source: str = "none"
    date_note: str | None = None
    body_start: int = 0
    skip: tuple[Span, ...] = ()
    metadata: Mapping[str, Any] = field(default_factory=dict)
    # The file as read where `text` was extracted from it (HTML): findings are placed in it.
    source: str | None = field(default=None, repr=False)

    def header(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "format": self.format,
            "date": self.date.isoformat() if self.date else None,
            "date_source": self.date_source,
            "date_note": self.date_note,
        }


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of an offset; lines split on \\n, \\r\\n and lone \\r."""
    ends = _line_break_ends(text)
    index = bisect.bisect_right(ends, offset)
    if 0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n":
        return index + 2, 1  # between the \r and \n of a CRLF: the \r already ended the line
    return index + 1, offset - (ends[index - 1] if index else 0) + 1


@functools.lru_cache(maxsize=2)
def _line_break_ends(text: str) -> list[int]:
    # Cached per text because extraction asks once per claim: recounting the text every time made
    # a long document quadratic. str hashes are cached by Python, so a hit costs O(1).
    return [m.end() for m in _LINE_BREAK.finditer(text)]


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def claim_id(doc: str, kind: str, span: Span, text: str) -> str:
    digest = hashlib.sha1(f"{doc}\x1f{kind}\x1f{span.start}\x1f{span.end}\x1f{text}".encode())
    return "c" + digest.hexdigest()[:12]


@dataclass(frozen=True)
class Claim:
    """One checkable statement found in a document.

    `value` holds the normalized machine value (its shape depends on `kind`, see the schema);
    `fields` holds further kind-specific top-level fields (counted, subject, total, person...).
    """

    id: str
    doc: str
    kind: str
    text: str
    span: Span
    line: int
    column: int
    sentence: str
    value: Mapping[str, Any] = field(default_factory=dict)
    fields: Mapping[str, Any] = field(default_factory=dict)
    verification: Mapping[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "record": "claim",
            "id": self.id,
            "doc": self.doc,
            "kind": self.kind,
            "text": self.text,
            "span": self.span.to_dict(),
            "line": self.line,
            "column": self.column,
            "sentence": self.sentence,
            "value": jsonable(self.value),
        }
        out.update(jsonable(dict(self.fields)))
        if self.verification is not None:
            out["verification"] = jsonable(self.verification)
        return out


@dataclass(frozen=True)
class Finding:
    """Something a rule reports about a document: an inconsistency, a contradicted claim, a
    diagnostic. `rule` is a stable code such as CC501."""

    rule: str
    severity: str
    message: str
    doc: str
    span: Span
    line: int
    column: int
    claims: tuple[str, ...] = ()
    spans: tuple[Span, ...] = ()
    confidence: float | None = None
    suppressed: str | None = None
    fingerprint: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "record": "finding",
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "doc": self.doc,
            "span": self.span.to_dict(),
            "line": self.line,
            "column": self.column,
            "claims": list(self.claims),
            "spans": [s.to_dict() for s in self.spans],
            "confidence": self.confidence,
            "suppressed": self.suppressed,
            "fingerprint": self.fingerprint,
        }
        out.update(jsonable(dict(self.extra)))
        return out


@dataclass(frozen=True)
class DocumentResult:
    """Everything the pipeline produced for one document."""

    document: Document
    claims: tuple[Claim, ...] = ()
    findings: tuple[Finding, ...] = ()
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {"record": "document", **self.document.header()}
        out["claims"] = [c.to_dict() for c in self.claims]
        out["findings"] = [f.to_dict() for f in self.findings]
        if self.error is not None:
            out["error"] = self.error
        return out


def jsonable(value: Any) -> Any:
    """Turn Decimals, dates and tuples into JSON-ready values; Decimals stay exact where the
    float would not round-trip."""
    if isinstance(value, Decimal):
        return decimal_to_json(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Span):
        return value.to_dict()
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return value


def decimal_to_json(value: Decimal) -> int | float | str:
    if value == value.to_integral_value():
        return int(value)
    as_float = float(value)
    return as_float if Decimal(repr(as_float)) == value else str(value)


# The fact model: what a knowledge source answers, in semantic names.
# Properties by meaning. A source maps each to its own identifier; a name it cannot serve is
# simply absent from Entity.statements.
PROPERTIES = (
    "instance_of",
    "member_of",
    "member_count",
    "position_held",
    "headquarters",
    "location",
    "population",
    "area",
    "employees",
    "inception",
    "dissolved",
    "date_of_birth",
    "date_of_death",
    "point_in_time",
    "country",
    "party",
    "head_of_government",
    "head_of_state",
    "office_holder",
    "capital",
    "revenue",
    "net_profit",
    "operating_income",
    "market_cap",
    "total_assets",
)
QUALIFIERS = (
    "start_time",
    "end_time",
    "point_in_time",
    "of",
    "electoral_district",
    "determination_method",
)


@dataclass(frozen=True)
class Candidate:
    """One search hit for a mention."""

    id: str
    label: str | None
    description: str | None = None
    aliases: tuple[str, ...] = ()
    matched: str | None = None
    rank: int = 0


@dataclass(frozen=True)
class EntityRef:
    """A value that points at another entity; `label` when the source knows it."""

    id: str
    label: str | None = None


@dataclass(frozen=True)
class Quantity:
    amount: Decimal
    unit: str | None = None  # a semantic unit name ('kilometre', 'USD', ...); None: a pure number
    unit_id: str | None = None  # the source's own id of the unit, for evidence
    lower: Decimal | None = None
    upper: Decimal | None = None


@dataclass(frozen=True)
class TimeValue:
    """A date at a precision: 'day', 'month', 'year', 'decade', 'century', ..."""

    iso: str  # '2022-01-12', '2022-01', '2022', or '-0044' for BCE years
    precision: str
    calendar: str = "gregorian"  # or 'julian' (already converted to Gregorian in `iso`)


Value = EntityRef | Quantity | TimeValue | str | None


@dataclass(frozen=True)
class Snak:
    """A property-value pair; `kind` is 'value', 'somevalue' (unknown) or 'novalue' (none)."""

    property: str  # semantic name, or the source's id for properties without one
    kind: str
    value: Value = None
    source_property: str | None = None  # the source's own id, kept for evidence


@dataclass(frozen=True)
class Statement:
    id: str
    property: str
    rank: str  # 'preferred', 'normal', 'deprecated'
    mainsnak: Snak
    qualifiers: Mapping[str, tuple[Snak, ...]] = field(default_factory=dict)
    references: int = 0


@dataclass(frozen=True)
class Provenance:
    """Where and when an entity document was obtained."""

    endpoint: str
    retrieved_at: str  # ISO 8601 UTC
    from_cache: bool
    revision: int | None = None
    url: str | None = None  # a page a person can open
    redirected_from: str | None = None


@dataclass(frozen=True)
class Entity:
    id: str
    label: str | None
    description: str | None = None
    aliases: tuple[str, ...] = ()
    types: frozenset[str] = frozenset()  # semantic: 'human', 'country', 'city', 'organization', ...
    statements: Mapping[str, tuple[Statement, ...]] = field(default_factory=dict)
    provenance: Provenance | None = None
    missing: bool = False


@dataclass(frozen=True)
class Outcome:
    """Why a lookup gave no data, as a machine reason code (source_unavailable, offline_cache_miss,
    entity_missing, ...) with a human message."""

    reason: str
    message: str

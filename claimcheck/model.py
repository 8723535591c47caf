"""The records that flow through the pipeline: plain frozen dataclasses, no behaviour beyond
turning themselves into JSON-ready dicts."""

from __future__ import annotations

import bisect
import builtins
import datetime as dt
import functools
import hashlib
import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import astuple, dataclass, field
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
    `soft_breaks` lists the line breaks inside a paragraph (with the blanks around them), which
    the reader found and a renderer would show as one space (claimcheck.read.softbreaks).
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
    soft_breaks: tuple[Span, ...] = ()
    metadata: Mapping[str, Any] = field(default_factory=dict)
    # The file as read where `text` was extracted from it (HTML): findings are placed in it.
    source: str | None = field(default=None, repr=False)
    # The line of the file the record came from (a JSON-lines batch holds one document a line).
    file_line: int = 1

    def skip_reaching(self, before: int, past: int) -> bool:
        """Whether a skip region starts before `before` and ends after `past`: overlapping
        start..end is (end, start); holding an offset is (offset + 1, offset). In log time: every
        claim asked, and a long Markdown file holds thousands of code spans."""
        starts, reach = self._skip_index
        index = bisect.bisect_left(starts, before) - 1
        return index >= 0 and reach[index] > past

    @functools.cached_property
    def _skip_index(self) -> tuple[list[int], list[int]]:
        # The furthest end among the regions up to each start (regions may nest: a comment in a
        # fence), so one bisect answers. Cached on the instance: a frozen dataclass allows it.
        ordered = sorted(self.skip)
        reach = list(itertools.accumulate((s.end for s in ordered), max))
        return [s.start for s in ordered], reach

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


def prose_text(document: Document) -> str:
    """The document's text with every character of its soft breaks a space: what a reader sees,
    at the same offsets (the text itself when it has none)."""
    return _prose(document.text, document.soft_breaks) if document.soft_breaks else document.text


@functools.lru_cache(maxsize=4)
def _prose(text: str, breaks: tuple[Span, ...]) -> str:
    # Cached: the consistency rules ask for the view of one text once per claim and more.
    pieces, at = [], 0
    for b in breaks:
        pieces += [text[at : b.start], " " * (b.end - b.start)]
        at = b.end
    return "".join([*pieces, text[at:]])


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
    verification: Verdict | None = None

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
            out["verification"] = self.verification.to_dict()
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


@dataclass(frozen=True)
class Indicator:
    """A statistical series a source serves, by what it measures: its code, title, unit and the
    revision tolerance a check allows (in the unit, or a fraction of the value if `relative`)."""

    measure: str  # claimcheck's name for what is measured ('gdp_growth')
    code: str  # the source's id ('NY.GDP.MKTP.KD.ZG')
    title: str
    unit: str  # 'percent', 'people', 'USD', 'years', 'square kilometre', 'births per woman'
    tolerance: Decimal
    relative: bool = False
    credit: str = "World Bank, World Development Indicators"

    def slack(self, value: Decimal) -> Decimal:
        """The revision tolerance around `value`, in the indicator's unit."""
        return abs(value) * self.tolerance if self.relative else self.tolerance


@dataclass(frozen=True)
class Area:
    """A country (ISO 3166 alpha-3) or an aggregate the statistics source keys its series by."""

    code: str
    name: str
    aggregate: bool = False


@dataclass(frozen=True)
class Observation:
    """One value of a statistical series: an indicator for a country (or aggregate) in a year,
    with the release it comes from (`lastupdated`) and the address that answers it."""

    indicator: str  # the source's code ('NY.GDP.MKTP.KD.ZG')
    indicator_title: str
    country: str  # ISO 3166 alpha-3 or the source's aggregate code
    country_name: str
    year: int
    value: Decimal | None  # None: the series has no value that year
    lastupdated: str | None = None
    url: str | None = None
    endpoint: str | None = None
    from_cache: bool = False
    # The release the value was published in ('2005-04', from the WDI Database Archives or a
    # vintage CSV); None for the source's current data.
    vintage: str | None = None


# What evidence shows of a value: an entity (with the label the source gave it), an amount, an ISO
# date, a label, or the kind of a valueless qualifier ('somevalue', 'novalue').
EvidenceValue = EntityRef | Decimal | str | None
VERDICTS = ("supported", "contradicted", "not_checked")


@dataclass(frozen=True)
class SeriesNote:
    """What statistics evidence adds: the indicator, the year, the source's release and the
    attribution its licence asks for."""

    indicator: str
    indicator_title: str
    year: int
    lastupdated: str | None
    credit: str
    vintage: str | None = None  # the past release ('2005-04') the value was published in
    role: str | None = None  # 'in_force', 'later_release', 'earlier_release', 'current', ...

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "indicator": self.indicator,
            "indicator_title": self.indicator_title,
            "year": self.year,
            "lastupdated": self.lastupdated,
            "credit": self.credit,
        }
        if self.vintage is not None:
            out["vintage"] = self.vintage
        if self.role is not None:
            out["role"] = self.role
        return out


@dataclass(frozen=True)
class Evidence:
    """One statement of the knowledge source a verdict rests on: enough for a person to find it
    and judge it. `property` is 'label' when the entity's name itself is the evidence."""

    entity: str
    entity_label: str | None
    property: str
    property_label: str
    value: EvidenceValue
    source_property: str | None = None
    statement: str | None = None
    rank: str | None = None
    unit: str | None = None
    precision: str | None = None
    qualifiers: Mapping[str, tuple[EvidenceValue, ...]] = field(default_factory=dict)
    provenance: Provenance | None = None
    series: SeriesNote | None = None  # statistics evidence only

    @builtins.property  # the field `property` hides the builtin in this class body
    def url(self) -> str | None:
        """A page where a person can see the statement."""
        return self.provenance.url if self.provenance else None

    def to_dict(self) -> dict[str, Any]:
        prov = self.provenance
        series = self.series.to_dict() if self.series is not None else {}
        return {
            "entity": self.entity,
            "entity_label": self.entity_label,
            "property": self.property,
            "property_label": self.property_label,
            "source_property": self.source_property,
            "statement": self.statement,
            "rank": self.rank,
            "value": _evidence_json(self.value),
            "unit": self.unit,
            "precision": self.precision,
            "qualifiers": {k: [_evidence_json(v) for v in vs] for k, vs in self.qualifiers.items()},
            "revision": prov.revision if prov else None,
            "retrieved_at": prov.retrieved_at if prov else None,
            "url": prov.url if prov else None,
            "endpoint": prov.endpoint if prov else None,
            "from_cache": prov.from_cache if prov else None,
            **series,
        }


def _evidence_json(value: EvidenceValue) -> Any:
    if isinstance(value, EntityRef):
        return {"id": value.id, "label": value.label}
    return jsonable(value)


# Reasons that mean no source could have answered: the claim was never checkable.
NOT_CHECKABLE = frozenset({"not_checkable_kind", "predicate_not_mapped", "no_subject"})


@dataclass(frozen=True)
class Verdict:
    """What verification concluded about one claim: `verdict` is one of VERDICTS, `reason` a
    machine code (match, mismatch, minor_mismatch, property_not_in_source, ...), `correction` the
    source's value when it contradicts the claim, `as_of` the date the claim was judged at."""

    verdict: str
    reason: str
    explanation: str
    evidence: tuple[Evidence, ...] = ()
    correction: Decimal | int | str | None = None
    note: str | None = None
    as_of: dt.date | None = None

    def __post_init__(self) -> None:
        assert self.verdict in VERDICTS, self.verdict

    @property
    def checkable(self) -> bool:
        """A source could have answered (the kind and predicate are mapped, a subject found)."""
        return self.reason not in NOT_CHECKABLE

    @property
    def judged(self) -> bool:
        """The source answered: the claim is supported or contradicted."""
        return self.verdict in ("supported", "contradicted")

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "reason": self.reason,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "evidence": [e.to_dict() for e in self.evidence],
            "explanation": self.explanation,
            "correction": jsonable(self.correction),
            "note": self.note,
        }


@dataclass(frozen=True)
class Coverage:
    """How much of a run could be checked: "found N claims, M checkable, K checked"."""

    found: int = 0
    checkable: int = 0
    checked: int = 0
    supported: int = 0
    contradicted: int = 0

    def __add__(self, other: Coverage) -> Coverage:
        return Coverage(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))

    def sentence(self) -> str:
        return (
            f"found {self.found} claims, {self.checkable} checkable, {self.checked} checked "
            f"({self.supported} supported, {self.contradicted} contradicted)"
        )


def coverage(claims: Iterable[Claim]) -> Coverage:
    out = Coverage()
    for claim in claims:
        v = claim.verification
        checkable = v is not None and v.checkable
        out += Coverage(
            1,
            int(checkable),
            int(v is not None and v.judged),
            int(v is not None and v.verdict == "supported"),
            int(v is not None and v.verdict == "contradicted"),
        )
    return out

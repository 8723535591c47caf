"""The knowledge-source interface: search mentions → ranked candidates; fetch entities → their
statements. Everything above this layer speaks in the semantic names below, never in a source's
own identifiers for properties (those live in the source module, e.g. sources/wikidata.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol, runtime_checkable

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


@runtime_checkable
class KnowledgeSource(Protocol):
    name: str

    def search(self, mention: str, *, language: str = "en", limit: int = 10) -> Sequence[Candidate]:
        """Candidates for a mention, best first. Raises SourceUnavailable when it cannot answer."""
        ...

    def entities(self, ids: Sequence[str]) -> Mapping[str, Entity]:
        """Entities by the ids asked for (a redirected id maps to its target's Entity; a missing
        one to an Entity with missing=True). Raises SourceUnavailable when it cannot answer."""
        ...

    def describe(self) -> Mapping[str, Any]:
        """What a report should say about this source (name, endpoint, snapshot path...)."""
        ...


@runtime_checkable
class MemberListing(Protocol):
    """A source that can list an organization's members (optional: check with isinstance)."""

    def members(self, organization_id: str) -> Sequence[Entity]:
        """Every entity with a member_of statement naming the organization, at any date and
        rank, with all its statements: the caller picks those valid on its date. Raises
        SourceUnavailable when it cannot answer, never returns a partial list."""
        ...

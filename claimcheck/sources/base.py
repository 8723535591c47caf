"""The knowledge-source interface: search mentions → ranked candidates; fetch entities → their
statements. Everything above this layer speaks in the semantic names of claimcheck.model, never in
a source's own identifiers for properties (those live in the source module, e.g.
sources/wikidata_ids.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from claimcheck.model import Area, Candidate, Entity, Indicator, Observation


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


@runtime_checkable
class StatisticsSource(Protocol):
    """A source of annual statistics series (World Bank indicators), keyed by indicator code
    and country code."""

    name: str

    def indicator(self, measure: str) -> Indicator | None:
        """The series for a measure ('gdp_growth'), None when the source has none."""
        ...

    def area(self, *names: str | None) -> Area | None:
        """The country or aggregate the first of `names` that names one stands for."""
        ...

    def observations(
        self, indicator: str, country: str, years: tuple[int, int]
    ) -> Sequence[Observation]:
        """The series' values for the years first..last (inclusive), any order; years without
        a value are absent or have value None. Raises SourceUnavailable when it cannot answer."""
        ...

    def describe(self) -> Mapping[str, Any]:
        """What a report should say about this source."""
        ...


@dataclass(frozen=True)
class Sources:
    """The sources of one run: the knowledge source for entities (Wikidata, an entity snapshot)
    and the statistics source for series (the World Bank, a WDI snapshot); either may be absent."""

    knowledge: KnowledgeSource | None = None
    statistics: StatisticsSource | None = None

    def describe(self) -> Mapping[str, Any]:
        found = [s.describe() for s in (self.knowledge, self.statistics) if s is not None]
        return found[0] if len(found) == 1 else {"name": "sources", "sources": found}

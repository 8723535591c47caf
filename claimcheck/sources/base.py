"""The knowledge-source interface: search mentions → ranked candidates; fetch entities → their
statements. Everything above this layer speaks in the semantic names of claimcheck.model, never in
a source's own identifiers for properties (those live in the source module, e.g.
sources/wikidata_ids.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

from claimcheck.model import Candidate, Entity


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

"""Entity-centred claims (role, membership, membership_count, location, person_name) and the
subject/predicate context of numeric claims. The extractor calls these three hooks for every
parsed sentence."""

from __future__ import annotations

from typing import Any

from ..models import Claim, Document


def might_hold_entities(sentence_text: str) -> bool:
    """Cheap pre-filter: does this sentence possibly hold an entity claim worth parsing?"""
    return False


def entity_claims(document: Document, sdoc: Any, offset: int) -> list[Claim]:
    """Entity claims found in `sdoc`, the parse of document.text[offset:offset+len(sdoc.text)]."""
    return []


def attach_context(document: Document, sdoc: Any, offset: int, claims: list[Claim]) -> list[Claim]:
    """The numeric `claims` of `sdoc` with subject / predicate / place fields added."""
    return list(claims)

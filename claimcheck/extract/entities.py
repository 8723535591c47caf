"""Entity-centred claims (role, membership, membership_count, location, person_name) and the
subject/predicate context of numeric claims. The extractor calls these three hooks for every
parsed sentence; each builds the sentence's mentions once and hands them to the kind modules."""

from __future__ import annotations

import re
from typing import Any

from ..models import Claim, Document
from .locations import location_claims
from .memberships import membership_claims, membership_count_claims
from .mentions import ArticleContext, sentence_mentions
from .names import person_name_claims
from .roles import TITLE_HEADS, role_claims
from .subjects import with_context

# A sentence may hold an entity claim if it has a title word, a membership or seat word, a
# place after "in", or something shaped like a person's name (two capitalized words, or a
# capitalized word before or after a speech verb).
_CUES = re.compile(
    r"\b(?:" + "|".join(sorted((re.escape(w) for w in TITLE_HEADS), key=len, reverse=True)) + r")\b"
    r"|\bmember|\bjoin|\bheadquarter|\bbased in\b|\bin [A-Z]"
    r"|\b[A-Z][a-z]+\s+[A-Z][a-z]+"
    r"|\b[A-Z][a-z]+\s+(?:said|says|told|added|warned)\b|\b(?:said|says)\s+[A-Z]",
    re.IGNORECASE,
)
_NAME_LIKE = re.compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+|\b[A-Z][a-z]+\s+(?:said|says|told|added|warned)\b|\b(?:said|says)\s+[A-Z]|\bin [A-Z]")


def might_hold_entities(sentence_text: str) -> bool:
    """Cheap pre-filter: could this sentence hold an entity claim worth parsing?"""
    lowered = sentence_text.lower()
    if any(cue in lowered for cue in ("member", "join", "headquarter", "based in")):
        return True
    return _NAME_LIKE.search(sentence_text) is not None or _title_cue(sentence_text)


def _title_cue(sentence_text: str) -> bool:
    return _CUES.search(sentence_text) is not None


def entity_claims(document: Document, sdoc: Any, offset: int) -> list[Claim]:
    """Entity claims found in `sdoc`, the parse of document.text[offset:offset+len(sdoc.text)]."""
    ctx = ArticleContext.of(document)
    mentions = sentence_mentions(ctx, sdoc, offset)
    return [
        *role_claims(document, ctx, sdoc, offset, mentions),
        *membership_claims(document, sdoc, offset, mentions),
        *membership_count_claims(document, sdoc, offset, mentions),
        *location_claims(document, sdoc, offset, mentions),
        *person_name_claims(document, sdoc, offset, mentions),
    ]


def attach_context(document: Document, sdoc: Any, offset: int, claims: list[Claim]) -> list[Claim]:
    """The numeric `claims` of `sdoc` with subject / predicate / place fields added."""
    if not claims:
        return []
    mentions = sentence_mentions(ArticleContext.of(document), sdoc, offset)
    return [with_context(claim, sdoc, offset, mentions) for claim in claims]

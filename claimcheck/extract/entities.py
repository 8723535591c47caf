"""Entity-centred claims (role, membership, membership_count, location, person_name, age,
nationality, birthplace, team_membership, group_membership) and the
subject/predicate context of numeric claims. The extractor calls these three hooks for every
parsed sentence; each builds the sentence's mentions once and hands them to the kind modules."""

from __future__ import annotations

import re
from typing import Any

from claimcheck.extract.changes import with_changes
from claimcheck.extract.lexicon import TITLE_HEADS
from claimcheck.extract.locations import location_claims
from claimcheck.extract.memberships import membership_claims, membership_count_claims
from claimcheck.extract.mentions import ArticleContext, sentence_mentions
from claimcheck.extract.names import person_name_claims
from claimcheck.extract.people.ages import age_claims
from claimcheck.extract.people.culture import culture_claims
from claimcheck.extract.people.groups import covered, group_claims
from claimcheck.extract.people.heads_of import head_of_claims
from claimcheck.extract.people.origins import origin_claims
from claimcheck.extract.people.teams import team_claims
from claimcheck.extract.roles import role_claims
from claimcheck.extract.sentence import Mention, text_of
from claimcheck.extract.statistics import with_statistic
from claimcheck.extract.subjects import with_context
from claimcheck.model import Claim, Document

# A sentence may hold an entity claim if it has a title word, a membership or seat word, a
# place after "in", or something shaped like a person's name (two capitalized words, or a
# capitalized word next to a speech verb). Plain substring and regex tests: no parse.
_TITLES = r"\b(?:" + "|".join(sorted(map(re.escape, TITLE_HEADS), key=len, reverse=True)) + r")\b"
_SPEECH = r"(?:said|says|told|added|warned)"
# Accented capitals too: "Muharrem İnce", "Özgür Özel" are names shaped like "John Smith".
_CAPITAL, _SMALL = "[A-ZÀ-ÖØ-ÞĀ-Ž]", "a-zß-öø-ÿā-ž"
_CUES = re.compile(
    "|".join(
        (
            _TITLES,
            rf"\b{_CAPITAL}[{_SMALL}]+\s+{_CAPITAL}[{_SMALL}]+",
            rf"\b{_CAPITAL}[\w'’-]*\s+{_SPEECH}\b",
            rf"\b{_SPEECH}\s+[A-Z]",
            r"\bin [A-Z]",
            r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+[A-Z]",
            r"\b[A-Z][\w'’-]*, (?:who|whose|which)\b",
            r"\d+-(?:nation|country|state)\b",
        )
    )
)
_WORD_CUES = ("member", "join", "headquarter", "based in", "year-old", "aged ", "born")


def might_hold_entities(sentence_text: str) -> bool:
    """Cheap pre-filter: could this sentence hold an entity claim worth parsing?"""
    lowered = sentence_text.lower()
    return any(cue in lowered for cue in _WORD_CUES) or _CUES.search(sentence_text) is not None


def entity_claims(document: Document, sdoc: Any, offset: int) -> list[Claim]:
    """Entity claims found in `sdoc`, the parse of document.text[offset:offset+len(sdoc.text)]."""
    mentions = _mentions(document, sdoc, offset)
    roles = role_claims(document, sdoc, offset, mentions)
    titled = [
        *head_of_claims(document, sdoc, offset, mentions, roles),
        *culture_claims(document, sdoc, offset, mentions, roles),
    ]
    # "Tate director X": the culture reader's role, with its organization, replaces the bare one.
    people = {c.fields["person"]["span"] for c in titled}
    roles = [r for r in roles if "organization" in r.fields or _person_span(r) not in people]
    stated = [
        *roles,
        *titled,
        *membership_claims(document, sdoc, offset, mentions),
        *membership_count_claims(document, sdoc, offset, mentions),
        *location_claims(document, sdoc, offset, mentions),
        *age_claims(document, sdoc, offset, mentions),
        *origin_claims(document, sdoc, offset, mentions),
        *team_claims(document, sdoc, offset, mentions),
        *group_claims(document, sdoc, offset, mentions),
    ]
    # "Is Turkey a member of the EU?" asks; it claims nothing (names are still spelled).
    stated = [c for c in covered(stated) if not c.sentence.rstrip("”’\"' ").endswith("?")]
    return stated + person_name_claims(document, sdoc, offset, mentions)


def _person_span(claim: Claim) -> Any:
    person = claim.fields.get("person")
    return person.get("span") if isinstance(person, dict) else None


def attach_context(document: Document, sdoc: Any, offset: int, claims: list[Claim]) -> list[Claim]:
    """The numeric `claims` of `sdoc` with subject / predicate / place (and statistic) fields."""
    if not claims:
        return []
    mentions = _mentions(document, sdoc, offset)
    text = text_of(sdoc)
    claims = [
        with_statistic(with_context(claim, sdoc, offset, mentions), text, offset, mentions)
        for claim in claims
    ]
    return with_changes(document, text, offset, claims)


_MENTIONS = "claimcheck.mentions"  # Doc.user_data key: the chunk's mentions, kept for both hooks


def _mentions(document: Document, sdoc: Any, offset: int) -> list[Mention]:
    """sentence_mentions of the chunk, built once for both hooks (a tenth of the extraction)."""
    context = ArticleContext.of(document)
    kept = sdoc.user_data.get(_MENTIONS)
    if kept is None or kept[0] is not context or kept[1] != offset:
        kept = (context, offset, sentence_mentions(context, sdoc, offset))
        sdoc.user_data[_MENTIONS] = kept
    return list(kept[2])

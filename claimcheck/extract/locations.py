"""`location` claims: an organization's seat ("the Alliance headquarters in Brussels",
"Vienna-based OPEC") or an event's place ("will hold a session with Russia on Thursday in Vienna",
"sat down in Geneva for more than seven hours of talks").

An event counts only when the sentence names who holds or attends it: "a session in Brussels"
alone is true but checks nothing.
"""

from __future__ import annotations

from typing import Any

from claimcheck.extract.claims import make_claim
from claimcheck.extract.lemmas import lemma
from claimcheck.extract.mentions import bare
from claimcheck.extract.sentence import Mention, sentence_of
from claimcheck.model import Claim, Document, Span

SEAT_NOUNS = frozenset({"headquarters", "headquarter", "seat", "hq", "secretariat"})
SEAT_VERBS = frozenset({"headquarter", "headquartered", "base", "based"})
EVENT_NOUNS = frozenset(
    {
        "session",
        "talk",
        "talks",
        "meeting",
        "summit",
        "negotiation",
        "conference",
        "round",
        "discussion",
        "consultation",
    }
)
MEETING_VERBS = frozenset(
    {
        "hold",
        "host",
        "meet",
        "sit",
        "gather",
        "convene",
        "schedule",
        "open",
        "resume",
        "talk",
        "negotiate",
    }
)
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPS = frozenset({"in", "at"})


def location_claims(
    document: Document, sdoc: Any, offset: int, mentions: list[Mention]
) -> list[Claim]:
    by_token = {i: m for m in mentions for i in range(m.first, m.last)}
    claims = []
    for place in (m for m in mentions if m.type in PLACE_TYPES):
        prep = (
            sdoc[place.first].head
            if sdoc[place.first].dep_ == "pobj"
            else sdoc[place.last - 1].head
        )
        if prep.lower_ not in PLACE_PREPS or prep.dep_ != "prep":
            continue
        head = seat_subject_of_copula(prep.head)
        found = seat(head, by_token) or event(sdoc, head, by_token, offset)
        if found is None:
            continue
        subject, fields = found
        first = min(subject.get("first", prep.i), prep.i)
        span = Span(offset + sdoc[first].idx, place.end)
        fields = {**fields, "place": place.as_field()}
        value = {"subject": fields["subject"]["canonical"], "place": place.canonical}
        claims.append(
            make_claim(document, "location", span, sentence_of(sdoc, first), value, fields)
        )
    return claims


def seat_subject_of_copula(head: Any) -> Any:
    """ "NATO's headquarters are in Brussels": the place hangs on "are", the seat is its subject."""
    if lemma(head) != "be":
        return head
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.lower_ in SEAT_NOUNS else head


def seat(head: Any, by_token: dict[int, Mention]) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The organization whose headquarters the place is."""
    if head.lower_ not in SEAT_NOUNS and head.lower_ not in SEAT_VERBS:
        return None
    candidates = [c for c in head.children if c.dep_ in {"compound", "poss", "nsubjpass", "nsubj"}]
    if head.dep_ in {"acl", "amod", "relcl"}:
        candidates.append(head.head)
    for token in candidates:
        org = by_token.get(token.i)
        if org is not None and org.type == "ORG":
            return {"first": org.first}, {"subject": org.as_field(), "relation": "headquarters"}
    return None


def event(
    sdoc: Any, head: Any, by_token: dict[int, Mention], offset: int
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """An event noun, or a meeting verb with an event in its clause, plus who holds it."""
    if lemma(head) in EVENT_NOUNS or head.lower_ in EVENT_NOUNS:
        noun, verb = head, head.head if head.dep_ in {"dobj", "nsubjpass", "nsubj"} else None
    elif lemma(head) in MEETING_VERBS and head.pos_ == "VERB" and event_in_clause(head) is not None:
        noun, verb = event_in_clause(head), head
    else:
        return None
    holders = holders_of(noun, verb, by_token)
    if not holders:
        return None
    name = event_name(noun)
    described = f"{bare(holders[0].text)} {name}" if len(holders) == 1 else None
    phrase = sdoc[noun.left_edge.i : noun.i + 1]
    subject: dict[str, Any] = {"type": "EVENT", "text": phrase.text}
    subject["span"] = Span(offset + phrase.start_char, offset + phrase.end_char)
    subject["canonical"] = described or name
    fields = {
        "subject": subject,
        "participants": [h.as_field() for h in holders],
        "relation": "event",
    }
    first = min([*(h.first for h in holders), noun.left_edge.i])
    return {"first": first}, fields


def event_name(noun: Any) -> str:
    """ "round of talks" for a round, the noun itself otherwise."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and (lemma(pobj) in EVENT_NOUNS or pobj.lower_ in EVENT_NOUNS):
                return f"{noun.text} of {pobj.text}"
    return str(noun.text)


def event_in_clause(verb: Any) -> Any | None:
    for token in verb.subtree:
        if lemma(token) in EVENT_NOUNS or token.lower_ in EVENT_NOUNS:
            return token
    return None


def holders_of(noun: Any | None, verb: Any | None, by_token: dict[int, Mention]) -> list[Mention]:
    """Organizations, countries or people holding or attending the event: the verb's subject,
    or "between X and Y" / "with X" on the event noun."""
    found: list[Mention] = []
    roots = []
    if verb is not None:  # not the event itself: "the talks in Geneva were useful"
        roots += [c for c in verb.children if c.dep_ in {"nsubj", "agent"} and c != noun]
    if noun is not None:
        roots += [t for t in noun.subtree if t.dep_ == "prep" and t.lower_ in {"between", "among"}]
    for root in roots:
        for token in root.subtree:
            mention = by_token.get(token.i)
            if mention is not None and mention.type in {"ORG", "GPE", "PERSON", "NORP"}:
                if token.head.lower_ in PLACE_PREPS:
                    continue  # a place in the subject's phrase is not a holder
                if all(m.canonical != mention.canonical for m in found):
                    found.append(mention)
    return found

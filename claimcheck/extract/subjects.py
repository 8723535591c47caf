"""Whose number it is: `subject`, `predicate` and `place` for numeric claims, read off the
dependency parse around the number ("NATO's 30 member states" → NATO, member count;
"100,000 Russian troops" → Russian, troops; "seven hours of talks" in Geneva → duration of talks).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from claimcheck.extract import measures
from claimcheck.extract.lemmas import lemma
from claimcheck.extract.sentence import Mention, tokens_starting_in
from claimcheck.model import Claim, Span

NUMERIC_KINDS = frozenset({"count", "quantity", "money", "percent", "duration", "ordinal"})
# What is measured, by the lemma of the counted noun; anything else is measured as itself.
MEASURES: dict[str, str] = {
    "member": "member count",
    "ally": "member count",
    "troop": "troops",
    "soldier": "troops",
    "personnel": "troops",
    "population": "population",
    "army": "troops",
    "workforce": "employees",
    "resident": "population",
    "inhabitant": "population",
    "citizen": "population",
    "employee": "employees",
    "worker": "employees",
    "staff": "employees",
}
SHARES = frozenset({"percent", "%", "share", "proportion", "fraction", "third", "half", "quarter"})
HOLDING_VERBS = frozenset(
    {
        "have",
        "muster",
        "deploy",
        "amass",
        "mass",
        "station",
        "field",
        "employ",
        "send",
        "keep",
        "count",
        "number",
    }
)
TIME_UNITS = frozenset(
    {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
)
SUBJECT_TYPES = frozenset({"ORG", "GPE", "NORP", "PERSON"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


def with_context(claim: Claim, sdoc: Any, offset: int, mentions: list[Mention]) -> Claim:
    if claim.kind not in NUMERIC_KINDS:
        return claim
    if claim.kind in measures.MEASURED_KINDS:
        return _with_measure(claim, sdoc, offset, mentions)
    number = number_token(claim, sdoc, offset)
    if number is None:
        return claim
    by_token = {i: m for m in mentions for i in range(m.first, m.last)}
    noun = counted_noun(number)
    noun = measured_head(noun) if noun is not None else None
    extra: dict[str, Any] = {}
    # An ordinal that is its own noun ("the second of three") measures nothing by itself.
    measured = noun if noun is not None and noun.i != number.i else None
    predicate = predicate_of(claim.kind, measured, sdoc, offset)
    if predicate and "predicate" not in claim.fields:
        extra["predicate"] = predicate
    if noun is not None:  # the measure word itself is never whose figure it is ("Turnout")
        by_token = {i: m for i, m in by_token.items() if not m.first <= noun.i < m.last}
    subject = subject_of(noun, by_token) if noun is not None else None
    if subject is not None and "subject" not in claim.fields:
        extra["subject"] = subject.as_field()
    place = place_of(noun or number, by_token)
    if place is not None and "place" not in claim.fields:
        extra["place"] = place.canonical
        extra["place_mention"] = place.as_field()
    return replace(claim, fields={**claim.fields, **extra}) if extra else claim


def _with_measure(claim: Claim, sdoc: Any, offset: int, mentions: list[Mention]) -> Claim:
    """Money and percentages: the measure is a noun outside the figure (extract/measures.py)."""
    by_token = {i: m for m in mentions for i in range(m.first, m.last)}
    noun, verb = measures.measured(claim, sdoc, offset)
    extra: dict[str, Any] = {}
    if noun is not None:
        extra["predicate"] = measures.predicate_for(noun, offset)
    if noun is not None:  # the measure word itself is never whose figure it is ("Turnout")
        by_token = {i: m for i, m in by_token.items() if not m.first <= noun.i < m.last}
    subject = subject_of(noun, by_token) if noun is not None else None
    subject = subject or measures.holder(noun, verb, by_token)
    if subject is not None:
        extra["subject"] = subject.as_field()
    head = measures.figure_head(claim, sdoc, offset)
    place = place_of(noun or head, by_token) if head is not None else None
    if place is not None:
        extra["place"] = place.canonical
        extra["place_mention"] = place.as_field()
    extra = {k: v for k, v in extra.items() if k not in claim.fields}
    return replace(claim, fields={**claim.fields, **extra}) if extra else claim


def number_token(claim: Claim, sdoc: Any, offset: int) -> Any | None:
    inside = tokens_starting_in(sdoc, claim.span.start - offset, claim.span.end - offset)
    if claim.kind == "ordinal":  # "the second of three": the ordinal, not its total
        return inside[0] if inside else None
    numbers = [t for t in inside if t.like_num or t.pos_ == "NUM"]
    return numbers[-1] if numbers else (inside[0] if inside else None)


def counted_noun(number: Any) -> Any | None:
    """The noun the number quantifies: "30 member states" → states; "four-hour session" → hour."""
    node, hops = number, 0
    while node.pos_ not in {"NOUN", "PROPN"} and node.head is not node and hops < 3:
        node, hops = node.head, hops + 1
    return node if node.pos_ in {"NOUN", "PROPN"} else None


def predicate_of(kind: str, noun: Any | None, sdoc: Any, offset: int) -> dict[str, Any] | None:
    if noun is None:
        return None
    if kind == "duration":
        event = measured_event(noun)
        if event is None:
            return {"text": noun.text, "span": token_span(noun, offset), "measure": "duration"}
        return {
            "text": event.text,
            "span": token_span(event, offset),
            "measure": f"duration of {event.text}",
        }
    first = min(
        [noun.i, *(c.i for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN")]
    )
    phrase = sdoc[first : noun.i + 1]
    measure = MEASURES.get(lemma(noun).lower()) or (
        "member count" if lemma(sdoc[first]) == "member" else phrase.text
    )
    return {
        "text": phrase.text,
        "span": Span(offset + phrase.start_char, offset + phrase.end_char),
        "measure": measure,
    }


def measured_event(unit: Any) -> Any | None:
    """ "seven hours of talks" → talks; "the four-hour session" → session."""
    for child in unit.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    if unit.dep_ in {"compound", "amod", "nmod"} and unit.head.pos_ == "NOUN":
        return unit.head
    return None


def measured_head(noun: Any) -> Any:
    """ "a population of 68 million people" measures the population, not the people; "5 percent
    of Germany's population" measures the population too."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and lemma(noun.head.head) in MEASURES:
        return noun.head.head
    if lemma(noun) in SHARES:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ in {"NOUN", "PROPN"}:
                    return pobj
    return noun


def subject_of(noun: Any, by_token: dict[int, Mention]) -> Mention | None:
    """Possessor, then a named modifier, then "of X", then the holder ("Russia mustered N
    troops")."""
    children = list(noun.children)
    children += [g for c in children if c.dep_ == "compound" for g in c.children]
    for deps in ({"poss"}, {"amod", "compound", "nmod"}):
        for child in children:
            mention = by_token.get(child.i)
            if child.dep_ in deps and mention is not None and mention.type in SUBJECT_TYPES:
                return mention
    for child in children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                mention = by_token.get(pobj.i)
                if mention is not None and mention.type in SUBJECT_TYPES:
                    return mention
    if noun.dep_ in {"compound", "amod"} and noun.head.i in by_token:  # "the 27-member bloc"
        owner = by_token[noun.head.i]
        return owner if owner.type in SUBJECT_TYPES else None
    verb = noun.head
    if noun.dep_ == "dobj" and lemma(verb) in HOLDING_VERBS:
        for child in verb.children:
            mention = by_token.get(child.i)
            if child.dep_ == "nsubj" and mention is not None and mention.type in {"ORG", "GPE"}:
                return mention
    return None


def place_of(token: Any, by_token: dict[int, Mention]) -> Mention | None:
    """A place "in"/"at" on the measured noun or on the verb governing it (through prepositions)."""
    node, hops = token, 0
    while hops < 4:
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "at"}:
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    mention = by_token.get(pobj.i)
                    if mention is not None and mention.type in PLACE_TYPES:
                        return mention
        if node.pos_ in {"VERB", "AUX"} or node.head is node:
            return None
        node, hops = node.head, hops + 1
    return None


def token_span(token: Any, offset: int) -> Span:
    return Span(offset + token.idx, offset + token.idx + len(token))

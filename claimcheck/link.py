"""Entity linking: mention → ranked candidates → one entity, or an abstention with a reason.

A candidate's score adds up name similarity (rapidfuzz over its labels and aliases), agreement
between the mention's NER type and the entity's types, the search engine's own rank, how much the
source knows about it, and context (statements pointing at entities other mentions link to).
When the best is not clearly ahead the mention is left unlinked as `ambiguous_link`: a reason
code, never a guess.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from claimcheck.errors import SourceUnavailable
from claimcheck.model import Candidate, Entity, EntityRef, TimeValue
from claimcheck.sources.base import KnowledgeSource

# NER label → the entity types (sources/base.py Entity.types) that agree with it.
EXPECTED_TYPES: Mapping[str, frozenset[str]] = {
    "PERSON": frozenset({"human"}),
    "GPE": frozenset({"country", "city", "region"}),
    "LOC": frozenset({"country", "city", "region"}),
    "ORG": frozenset({"organization"}),
}
NOT_A_THING = frozenset({"disambiguation", "list"})  # pages about names, not entities
NAME_WEIGHT = 0.7
TYPE_AGREES, TYPE_DISAGREES = 0.15, -0.3
RANK_WEIGHT = 0.06  # search order reflects popularity, a weak hint on its own
KNOWN_WEIGHT, KNOWN_PER_STATEMENT = 0.05, 0.005
CONTEXT_PER_LINK, CONTEXT_CAP = 0.05, 0.1
MIN_SCORE = 0.6  # below this nothing fits: no_entity_link
MARGIN = 0.05  # the best must lead the runner-up by this much, or it is ambiguous_link
SEARCH_LIMIT = 7
KEEP = 5
# spaCy's small models confuse places and organizations on a lone proper noun ("Karlsruhe has a
# population of ..." is tagged ORG). For such a mention the tag is set aside when exactly one
# candidate bears the name itself and is a place or an organization, and the tag had chosen no
# candidate or one that only contains the name ("Karlsruhe Institute of Technology"). PERSON is
# never set aside: a person's check on a place is nonsense.
UNRELIABLE_NER = frozenset({"GPE", "LOC", "ORG"})
PLACE_OR_ORGANIZATION = frozenset({"country", "city", "region", "organization"})
STRONG_NAME = 0.95  # the name itself (a label or alias, up to case and spacing)
# Namesakes: people who all bear the name. Those whose birth and death dates make them impossible
# at the article's date (not yet born, or dead by then) are set aside; between those left only
# context decides (fame does not), else ambiguous_link. Without a date nothing is set aside.
LONGEST_LIFE = 120  # years: nobody is alive this long after their birth


@dataclass(frozen=True)
class Mention:
    text: str
    ner_type: str | None = None
    canonical: str | None = None  # the long form of an acronym the article defines, for example
    sentence: str = ""
    date: dt.date | None = None  # the article's date: a person must be alive at it


@dataclass(frozen=True)
class Link:
    mention: Mention
    entity: Entity | None
    score: float
    candidates: tuple[tuple[str, float], ...]  # (id, score), best first
    reason: (
        str | None
    )  # None when linked; else no_entity_link, ambiguous_link, source_unavailable...


def link_mentions(mentions: Sequence[Mention], source: KnowledgeSource) -> dict[Mention, Link]:
    """Link every mention: at most one search per distinct search term, and one `entities` call
    for all candidates together."""
    terms = {m: search_term(m) for m in mentions}
    hits: dict[str, Sequence[Candidate]] = {}
    failed: dict[str, str] = {}
    for term in dict.fromkeys(terms.values()):
        if not term:
            hits[term] = ()
            continue
        try:
            hits[term] = source.search(term, limit=SEARCH_LIMIT)
        except SourceUnavailable as err:
            failed[term] = err.reason
    ids = list(dict.fromkeys(c.id for found in hits.values() for c in found))
    try:
        entities = dict(source.entities(ids)) if ids else {}
    except SourceUnavailable as err:
        return {m: _unlinked(m, err.reason) for m in mentions}
    first = {m: _rank(m, hits.get(terms[m], ()), entities, frozenset()) for m in mentions}
    context = frozenset(scored[0][0] for scored in first.values() if scored)
    out = {}
    for mention in mentions:
        if terms[mention] in failed:
            out[mention] = _unlinked(mention, failed[terms[mention]])
            continue
        found = hits.get(terms[mention], ())
        link = decide(mention, _rank(mention, found, entities, context), entities)
        if link.reason != "ambiguous_link" and unreliable_type(mention):
            link = retry_untyped(mention, link, found, entities, context) or link
        out[mention] = link
    return out


def search_term(mention: Mention) -> str:
    """The words to search for: the canonical form when there is one, without a leading article
    (names are labelled "United States", not "the United States", and search matches prefixes).
    "The" before a single word stays: it is part of names like "The Hague"."""
    words = (mention.canonical or mention.text).split()
    if len(words) > 2 and words[0].casefold() == "the":
        words = words[1:]
    return " ".join(words)


def decide(
    mention: Mention, scored: list[tuple[str, float]], entities: Mapping[str, Entity]
) -> Link:
    kept = tuple(scored[:KEEP])
    if not scored or scored[0][1] < MIN_SCORE:
        return Link(mention, None, scored[0][1] if scored else 0.0, kept, "no_entity_link")
    if len(scored) > 1 and scored[0][1] - scored[1][1] < MARGIN:
        return Link(mention, None, scored[0][1], kept, "ambiguous_link")
    return Link(mention, entities[scored[0][0]], scored[0][1], kept, None)


def namesakes(
    mention: Mention, hits: Sequence[Candidate], entities: Mapping[str, Entity]
) -> tuple[frozenset[str], frozenset[str]]:
    """(the people bearing a PERSON mention's name, those of them impossible at its date). When
    every bearer is impossible none is set aside: an article may name a historical figure."""
    if mention.ner_type != "PERSON":
        return frozenset(), frozenset()
    bearing = set()
    for hit in hits:
        entity = entities.get(hit.id)
        if entity is None or entity.missing or "human" not in entity.types:
            continue
        if name_similarity(_queries(mention), _names(hit, entity)) >= STRONG_NAME:
            bearing.add(entity.id)
    date = mention.date
    if len(bearing) < 2 or date is None:
        return frozenset(bearing), frozenset()
    impossible = {i for i in bearing if not possible_at(entities[i], date)}
    return frozenset(bearing), frozenset(impossible if impossible != bearing else ())


def possible_at(person: Entity, date: dt.date) -> bool:
    """Could this person be alive at `date`? Born after it, dead before it, or born more than a
    lifetime before it: no. Unknown dates never rule a person out."""
    born = _first_time(person, "date_of_birth")
    died = _first_time(person, "date_of_death")
    if born is not None and (born[0] > date or born[1].year + LONGEST_LIFE < date.year):
        return False
    return died is None or died[1] >= date


def _first_time(entity: Entity, prop: str) -> tuple[dt.date, dt.date] | None:
    """The earliest and latest day the entity's best `prop` value can mean (its precision)."""
    for statement in entity.statements.get(prop, ()):
        value = statement.mainsnak.value
        if statement.rank != "deprecated" and isinstance(value, TimeValue):
            return time_bounds(value)
    return None


def time_bounds(value: TimeValue) -> tuple[dt.date, dt.date] | None:
    """A day, month or year as its first and last day; coarser or BCE values: None."""
    parts = value.iso.split("-")
    if value.iso.startswith("-") or not parts[0].isdigit():
        return None
    year = int(parts[0])
    if value.precision == "year" or len(parts) == 1:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = int(parts[1])
    if value.precision == "month" or len(parts) == 2:
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        return dt.date(year, month, 1), dt.date(year, month, last)
    if value.precision != "day":
        return None
    day = dt.date(year, month, int(parts[2]))
    return day, day


def unreliable_type(mention: Mention) -> bool:
    """A lone capitalised word (not an acronym: "NATO" is no village) tagged as a place or an
    organization, with no long form the article defined."""
    words = mention.text.split()
    return (
        mention.ner_type in UNRELIABLE_NER
        and mention.canonical is None
        and len(words) == 1
        and words[0][:1].isupper()
        and not words[0].isupper()
    )


def retry_untyped(
    mention: Mention,
    typed: Link,
    hits: Sequence[Candidate],
    entities: Mapping[str, Entity],
    context: frozenset[str],
) -> Link | None:
    """The link without the NER type, kept only when one candidate alone bears the name and is a
    place or organization; several bearing it is real ambiguity. None: keep the typed link."""
    bearing = {
        entity.id: entity
        for hit in hits
        if (entity := entities.get(hit.id)) is not None
        and not entity.missing
        and not entity.types & NOT_A_THING
        and name_similarity(_queries(mention), _names(hit, entity)) >= STRONG_NAME
    }
    if typed.entity is not None and typed.entity.id in bearing:
        return None
    untyped = dataclasses.replace(mention, ner_type=None)
    link = decide(untyped, _rank(untyped, hits, entities, context), entities)
    if len(bearing) > 1 and all(e.types & PLACE_OR_ORGANIZATION for e in bearing.values()):
        return Link(mention, None, link.score, link.candidates, "ambiguous_link")
    if link.entity is None or set(bearing) != {link.entity.id}:
        return None
    if not link.entity.types & PLACE_OR_ORGANIZATION:
        return None
    return dataclasses.replace(link, mention=mention)


def _unlinked(mention: Mention, reason: str) -> Link:
    return Link(mention, None, 0.0, (), reason)


def _rank(
    mention: Mention,
    hits: Sequence[Candidate],
    entities: Mapping[str, Entity],
    context: frozenset[str],
) -> list[tuple[str, float]]:
    scored = []
    bearing, impossible = namesakes(mention, hits, entities)
    # Between two people of the same name, fame is no evidence: only context tells them apart.
    popular = len(bearing - impossible) < 2
    for hit in hits:
        entity = entities.get(hit.id)
        if entity is None or entity.missing or entity.types & NOT_A_THING:
            continue
        if mention.ner_type == "PERSON" and "human" not in entity.types:
            continue  # a given-name item, "universe", the class "human": never the person named
        if entity.id in impossible:
            continue
        score = score_candidate(mention, hit, entity, context - {entity.id}, popular)
        scored.append((entity.id, round(score, 4)))
    best: dict[str, float] = {}
    for entity_id, score in scored:  # a redirect can make two hits one entity
        best[entity_id] = max(score, best.get(entity_id, score))
    return sorted(best.items(), key=lambda kv: -kv[1])


def score_candidate(
    mention: Mention,
    hit: Candidate,
    entity: Entity,
    context: frozenset[str],
    popular: bool = True,
) -> float:
    """`popular`: whether the search rank and how much the source knows count."""
    fame = RANK_WEIGHT / (1 + hit.rank) + min(
        KNOWN_WEIGHT, KNOWN_PER_STATEMENT * sum(len(s) for s in entity.statements.values())
    )
    return (
        NAME_WEIGHT * name_similarity(_queries(mention), _names(hit, entity))
        + type_agreement(mention.ner_type, entity.types)
        + (fame if popular else 0.0)
        + min(CONTEXT_CAP, CONTEXT_PER_LINK * len(context & referenced_ids(entity)))
    )


def _names(hit: Candidate, entity: Entity) -> list[str]:
    return [n for n in (entity.label, hit.label, hit.matched, *entity.aliases, *hit.aliases) if n]


def _queries(mention: Mention) -> list[str]:
    return [q for q in (mention.text, mention.canonical, search_term(mention)) if q]


def name_similarity(queries: Iterable[str], names: Iterable[str]) -> float:
    """1.0 for an exact name; a mention that is part of a name ('Putin') scores a little lower."""
    best = 0.0
    for query in map(_norm, queries):
        for name in map(_norm, names):
            best = max(best, fuzz.ratio(query, name), 0.85 * fuzz.token_set_ratio(query, name))
    return best / 100


def type_agreement(ner_type: str | None, types: frozenset[str]) -> float:
    expected = EXPECTED_TYPES.get(ner_type or "")
    if expected is None or not types:
        return 0.0
    return TYPE_AGREES if expected & types else TYPE_DISAGREES


def referenced_ids(entity: Entity) -> frozenset[str]:
    return frozenset(
        statement.mainsnak.value.id
        for statements in entity.statements.values()
        for statement in statements
        if isinstance(statement.mainsnak.value, EntityRef)
    )


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())

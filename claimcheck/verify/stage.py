"""The verification stage: for one document, link every entity mention its claims need in one go,
fetch the entities the checks will read (and the ones those point at, for their labels), then
verify each claim as of the document's date and attach the result to the claim.

The checks themselves (claimcheck/verify/) are pure; this module is the only part of verification
that talks to a knowledge source. When the source cannot answer, every claim that needed it is
"not checked" with the source's reason code, never given a verdict.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence

from claimcheck.errors import SourceUnavailable
from claimcheck.link import Link, Mention, link_mentions
from claimcheck.model import Claim, DocumentResult, Entity, EntityRef, Verdict
from claimcheck.sources.base import KnowledgeSource, Sources
from claimcheck.verify import Facts, Resolution, changes, mentions_of, verify_claim
from claimcheck.verify.facts import field_surface, field_text
from claimcheck.verify.quantities import predicate_property
from claimcheck.verify.result import not_checked
from claimcheck.verify.statstage import ALSO_ENTITIES, statistics_route, verify_statistic
from claimcheck.verify.timeselect import usable

Linker = Callable[[Sequence[Mention], KnowledgeSource], Mapping[Mention, Link]]

# Statements whose values the checks compare by label: fetch those entities too.
FOLLOW = ("position_held", "party", "member_of", "headquarters", "location", "office_holder")
FOLLOW_QUALIFIERS = ("electoral_district", "of")
MAX_HOPS = 2  # linked entity → its positions / parties → their office holders


def verify_claims(
    claims: Sequence[Claim],
    source: KnowledgeSource,
    as_of: dt.date | None,
    linker: Linker = link_mentions,
    predicates: Mapping[str, str] | None = None,
) -> list[Claim]:
    try:
        facts = gather(claims, source, linker, predicates or {}, as_of)
    except SourceUnavailable as err:
        return [_unavailable(c, err, as_of) for c in claims]
    ends = changes.ends_by_span(claims)
    return [dataclasses.replace(c, verification=_verdict(c, facts, as_of, ends)) for c in claims]


def _verdict(
    claim: Claim,
    facts: Facts,
    as_of: dt.date | None,
    ends: Mapping[tuple[int, int], Claim],
) -> Verdict:
    """A change's figure against the other end the source holds; a change's `from` figure as a
    value of the base year; every other claim as it says."""
    change = changes.stated(claim, ends)
    if isinstance(change, changes.Stated):
        return changes.verify_change(change, facts, as_of)
    if change is not None:
        return dataclasses.replace(change, as_of=as_of)
    if changes.role(claim) == "from":
        based = changes.as_base_figure(claim)
        if isinstance(based, Verdict):
            return dataclasses.replace(based, as_of=as_of)
        claim = based
    return verify_claim(claim, facts, as_of)


def _unavailable(claim: Claim, err: SourceUnavailable, as_of: dt.date | None) -> Claim:
    empty = verify_claim(claim, Facts(), as_of)
    if not empty.checkable:  # never needed the source: say so, not "unavailable"
        return dataclasses.replace(claim, verification=empty)
    reason = getattr(err, "reason", "source_unavailable")
    return dataclasses.replace(
        claim,
        verification=not_checked(reason, f"The knowledge source could not answer: {err}", as_of),
    )


def gather(
    claims: Sequence[Claim],
    source: KnowledgeSource,
    linker: Linker = link_mentions,
    predicates: Mapping[str, str] | None = None,
    as_of: dt.date | None = None,
) -> Facts:
    """Link all mentions of all claims at once, then fetch what the checks will read. People are
    linked as of `as_of`: a namesake dead or unborn then is not the one meant."""
    wanted: dict[tuple[str, str], Mention] = {}
    for claim in claims:
        for name, text, ner in mentions_of(claim):
            surface = field_surface(claim, name) or text
            canonical = text if text != surface else None
            wanted[(claim.id, name)] = Mention(surface, ner, canonical, claim.sentence, as_of)
    implied = implied_subjects(claims)
    for claim_id, name in implied.items():
        wanted[(claim_id, "subject")] = Mention(name, "PERSON", None, "", as_of)
    known = _known_items(claims, wanted, source)
    searched = {key: m for key, m in wanted.items() if key not in known}
    links = linker(list(dict.fromkeys(searched.values())), source) if searched else {}
    resolutions = {key: _resolution(links.get(m), m) for key, m in searched.items()} | known
    entities = {r.entity.id: r.entity for r in resolutions.values() if r.entity is not None}
    entities = _follow_places(_follow(entities, source), source)
    entities = _follow_heads(claims, resolutions, entities, source)
    members = _member_lists(claims, resolutions, source, predicates or {})
    return Facts(resolutions, entities, members, dict(predicates or {}), implied)


def _known_items(
    claims: Sequence[Claim], wanted: Mapping[tuple[str, str], Mention], source: KnowledgeSource
) -> dict[tuple[str, str], Resolution]:
    """Mentions whose item the extractor already knows (a country from the countries table:
    "Dutch" is the Netherlands' item), fetched in one batch without a search. One the source
    lacks is searched by its name as any other."""
    ids = {
        (c.id, name): field["wikidata"]
        for c in claims
        for name, field in c.fields.items()
        if isinstance(field, Mapping) and field.get("wikidata") and (c.id, name) in wanted
    }
    if not ids:
        return {}
    try:
        fetched = source.entities(sorted(set(ids.values())))
    except SourceUnavailable:  # searched by name then, and failing there as any other mention
        return {}
    return {
        key: Resolution(wanted[key].text, found, None, 1.0)
        for key, qid in ids.items()
        if (found := fetched.get(qid)) is not None
        and not found.missing
        and _bears(found, wanted[key].text)
    }


def _bears(entity: Entity, name: str) -> bool:
    """Whether the item fetched by the table's id is called what the article called it: a
    wrong id in the table would otherwise set a person's citizenship against another country.
    One that is not is searched by its name, like any other mention."""
    wanted = name.casefold().removeprefix("the ")
    return any(
        n.casefold().removeprefix("the ") == wanted for n in (entity.label or "", *entity.aliases)
    )


def _member_lists(
    claims: Sequence[Claim],
    resolutions: Mapping[tuple[str, str], Resolution],
    source: KnowledgeSource,
    predicates: Mapping[str, str],
) -> dict[str, tuple[Entity, ...]]:
    """For organizations whose member count the source lacks, their members — only from a
    source that declares its member lists complete (`members_complete`): a snapshot holds only
    some members, and counting those would contradict true claims."""
    lister = getattr(source, "members", None)
    if lister is None or not getattr(source, "members_complete", False):
        return {}
    out: dict[str, tuple[Entity, ...]] = {}
    for claim in claims:
        if predicate_property(claim, predicates) != "member_count":
            continue
        name = "organization" if claim.kind == "membership_count" else "subject"
        org = resolutions.get((claim.id, name))
        entity = org.entity if org else None
        if entity is None or entity.id in out or usable(entity.statements.get("member_count", ())):
            continue
        out[entity.id] = tuple(lister(entity.id))
    return out


def implied_subjects(claims: Sequence[Claim]) -> dict[str, str]:
    """Date claims with no subject whose sentence names exactly one person (as a person_name or
    role claim of the same document): that person is the subject. Two people: none."""
    people = {field_text(c, "name") or "" for c in claims if c.kind == "person_name"}
    people |= {field_text(c, "person") or "" for c in claims if c.kind == "role"}
    people.discard("")
    out = {}
    for claim in claims:
        if claim.kind != "date" or field_text(claim, "subject"):
            continue
        named = {p for p in people if p in claim.sentence}
        if len(named) == 1:
            out[claim.id] = named.pop()
    return out


def _resolution(link: Link | None, mention: Mention) -> Resolution:
    if link is None:
        return Resolution(mention.text, None, "no_entity_link")
    return Resolution(mention.text, link.entity, link.reason, link.score, link.candidates)


def _follow(entities: dict[str, Entity], source: KnowledgeSource) -> dict[str, Entity]:
    """Fetch, in one batch per hop, the entities the linked ones point at through FOLLOW."""
    return _hops(entities, list(entities.values()), _pointed_at, MAX_HOPS, source)


def _hops(
    entities: dict[str, Entity],
    frontier: list[Entity],
    refs: Callable[[Entity], Iterator[EntityRef]],
    hops: int,
    source: KnowledgeSource,
) -> dict[str, Entity]:
    """`entities` and, one batch per hop, what `refs` of the frontier point at."""
    known = dict(entities)
    for _ in range(hops):
        ids = sorted({r.id for e in frontier for r in refs(e)} - set(known))
        if not ids:
            break
        fetched = {i: e for i, e in source.entities(ids).items() if not e.missing}
        known.update(fetched)
        known.update({e.id: e for e in fetched.values()})
        frontier = list(fetched.values())
    return known


# An organization's heads, named in a correction ("lists Unai Emery as head coach then").
HEAD_PROPERTIES = (
    "head_coach",
    "director_manager",
    "chairperson",
    "ceo",
    "editor_in_chief",
    "film_director",
)


def _follow_heads(
    claims: Sequence[Claim],
    resolutions: Mapping[tuple[str, str], Resolution],
    entities: dict[str, Entity],
    source: KnowledgeSource,
) -> dict[str, Entity]:
    """Fetch, in one batch, the heads of the organizations role claims name: only those, so an
    organization met for any other claim costs no request."""
    orgs = [
        r.entity
        for c in claims
        if c.kind == "role" and (r := resolutions.get((c.id, "organization"))) is not None
        if r.entity is not None
    ]
    ids = {
        s.mainsnak.value.id
        for org in orgs
        for prop in HEAD_PROPERTIES
        for s in org.statements.get(prop, ())
        if isinstance(s.mainsnak.value, EntityRef)
    }
    wanted = sorted(ids - set(entities))
    if not wanted:
        return entities
    fetched = {i: e for i, e in source.entities(wanted).items() if not e.missing}
    return {**entities, **fetched}


# Birthplaces and the places they lie in, for "born in Calgary" against a hospital in Calgary.
PLACE_CHAIN = ("place_of_birth", "citizenship", "located_in", "country")
PLACE_HOPS = 6


def _follow_places(entities: dict[str, Entity], source: KnowledgeSource) -> dict[str, Entity]:
    """Fetch, one batch per hop, people's birthplaces and citizenships and the places those lie
    in (located in, country): only from people, so an organization's country is never fetched."""
    people = [e for e in entities.values() if "human" in e.types]
    return _hops(entities, people, _chain_refs, PLACE_HOPS, source)


def _chain_refs(entity: Entity) -> Iterator[EntityRef]:
    props = PLACE_CHAIN if "human" in entity.types else PLACE_CHAIN[2:]
    for prop in props:
        for statement in entity.statements.get(prop, ()):
            if isinstance(statement.mainsnak.value, EntityRef):
                yield statement.mainsnak.value


def _pointed_at(entity: Entity) -> Iterator[EntityRef]:
    for prop in FOLLOW:
        for statement in entity.statements.get(prop, ()):
            if isinstance(statement.mainsnak.value, EntityRef):
                yield statement.mainsnak.value
            for name in FOLLOW_QUALIFIERS:
                for snak in statement.qualifiers.get(name, ()):
                    if isinstance(snak.value, EntityRef):
                        yield snak.value


__all__ = ["field_text", "gather", "verify_claims", "verify_result"]


def verify_result(
    result: DocumentResult,
    source: KnowledgeSource | Sources,
    predicates: Mapping[str, str] | None = None,
    linker: Linker = link_mentions,
) -> DocumentResult:
    """One document's result with every claim verified as of the document's date (the pipeline
    has already put --as-of there)."""
    sources = source if isinstance(source, Sources) else Sources(knowledge=source)
    date = result.document.date
    claims = verify_by_source(result.claims, sources, date, linker, predicates or {})
    return dataclasses.replace(result, claims=tuple(claims))


def verify_by_source(
    claims: Sequence[Claim],
    sources: Sources,
    as_of: dt.date | None,
    linker: Linker = link_mentions,
    predicates: Mapping[str, str] | None = None,
) -> list[Claim]:
    """Each claim verified by the source that can answer it: statistics the statistics source
    serves go there, everything else to the knowledge source. A population or area the
    statistics source has no value for (Hong Kong, say) goes on to the knowledge source; when
    that cannot judge it either, the statistics source's reason stands."""
    done: dict[str, Claim] = {}
    unanswered: dict[str, Claim] = {}
    if sources.statistics is not None:
        for claim in claims:
            if statistics_route(claim, sources.statistics) is not None:
                checked = verify_statistic(claim, sources.statistics, as_of)
                if sources.knowledge is not None and _falls_through(checked):
                    unanswered[claim.id] = checked
                else:
                    done[claim.id] = checked
    rest = [c for c in claims if c.id not in done]
    if sources.knowledge is not None:
        rest = verify_claims(rest, sources.knowledge, as_of, linker, predicates or {})
    else:
        rest = [_no_knowledge_source(c, as_of) for c in rest]
    for claim in rest:
        judged = claim.verification is not None and claim.verification.judged
        done[claim.id] = claim if judged else unanswered.get(claim.id, claim)
    return [done[c.id] for c in claims]


def _falls_through(claim: Claim) -> bool:
    stat = claim.fields.get("statistic") or {}
    verification = claim.verification
    return (
        verification is not None
        and verification.reason == "no_observation"
        and stat.get("measure") in ALSO_ENTITIES
    )


def _no_knowledge_source(claim: Claim, as_of: dt.date | None) -> Claim:
    empty = verify_claim(claim, Facts(), as_of)
    if not empty.checkable:
        return dataclasses.replace(claim, verification=empty)
    message = "No knowledge source for entities was given (only statistics)."
    return dataclasses.replace(claim, verification=not_checked("no_source", message, as_of))

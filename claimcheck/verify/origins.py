"""Nationality against country of citizenship valid at the article's date, and birthplace
against place of birth or any place it lies in (the located-in chain, and its country).

Citizenship changes: Vladimir Putin was a citizen of the Soviet Union until 1991 and of Russia
from 1991, so "Soviet citizen Vladimir Putin" holds in 1985 and not in 2022 (not_held_at_date).
A country the person never held is `mismatch`. A birthplace outside the chain is contradicted
only when both are countries (or the chain reaches a country the named place is not in); a city
missing from an incomplete chain is not judged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from claimcheck.model import Claim, Entity, EntityRef, Statement, Verdict
from claimcheck.verify.facts import Facts, linked, linked_person
from claimcheck.verify.result import evidence, not_checked, source_name, verdict
from claimcheck.verify.timeselect import best_rank, select, usable

CHAIN = ("located_in", "country")
DEEPEST = 8  # located-in steps: hospital → district → city → province → country


def verify_nationality(claim: Claim, facts: Facts, as_of: dt.date | None) -> Verdict:
    pair = _pair(claim, facts, as_of)
    if isinstance(pair, Verdict):
        return pair
    person, country = pair
    statements = usable(person.statements.get("citizenship", ()))
    if not statements:
        said = f"{source_name(person)} holds no country of citizenship for {person.label}."
        return not_checked("no_statement", said, as_of)
    chosen = select(statements, as_of)
    if not chosen.statements:
        why = "The citizenship statements do not settle the article's date."
        return not_checked(chosen.reason or "no_statement_at_date", why, as_of)
    held = [_ref(s) for s in chosen.statements]
    proof = [evidence(person, s, facts) for s in statements]
    names = ", ".join(facts.label(r) for r in held if r is not None)
    said = (
        f"{source_name(person)} gives {person.label} citizenship of {names} on "
        f"{_day(as_of)}; the article says “{claim.text}”."
    )
    if any(r is not None and r.id == country.id for r in held):
        return verdict("supported", "match", said, proof, as_of=as_of)
    ever = any((r := _ref(s)) is not None and r.id == country.id for s in statements)
    reason = "not_held_at_date" if ever else "mismatch"
    return verdict("contradicted", reason, said, proof, correction=names, as_of=as_of)


def verify_birthplace(claim: Claim, facts: Facts, as_of: dt.date | None) -> Verdict:
    pair = _pair(claim, facts, as_of)
    if isinstance(pair, Verdict):
        return pair
    person, place = pair
    births = best_rank(usable(person.statements.get("place_of_birth", ())))
    if not births:
        said = f"{source_name(person)} holds no place of birth for {person.label}."
        return not_checked("no_statement", said, as_of)
    chains = [list(located(_ref(s), facts)) for s in births]
    proof = [evidence(person, s, facts) for s in births]
    born = " / ".join(facts.label(c[0]) for c in chains if c)
    trail = "; ".join(" → ".join(facts.label(r) for r in c) for c in chains if c)
    said = f"{source_name(person)} gives {person.label} a place of birth of {trail}."
    if any(r.id == place.id for c in chains for r in c):
        return verdict("supported", "match", said, proof, as_of=as_of)
    countries = {r.id for c in chains for r in c if _is_country(facts, r)}
    named = {place.id} if "country" in place.types else _countries_of(place, facts)
    if countries and named and not countries & named:
        return verdict("contradicted", "mismatch", said, proof, correction=born, as_of=as_of)
    return not_checked("place_not_in_chain", said + " The place named is not in it.", as_of, proof)


def _pair(claim: Claim, facts: Facts, as_of: dt.date | None) -> tuple[Entity, Entity] | Verdict:
    person = linked_person(claim, facts)
    if not isinstance(person, Entity):
        return not_checked(*person, as_of)
    place = linked(claim, facts, "place")
    if not isinstance(place, Entity):
        return not_checked(place[0], place[1], as_of)
    return person, place


def located(start: EntityRef | None, facts: Facts) -> Iterator[EntityRef]:
    """The place and every place it lies in, nearest first (each once)."""
    seen: set[str] = set()
    frontier = [start] if start is not None else []
    for _ in range(DEEPEST):
        following = []
        for ref in frontier:
            if ref.id in seen:
                continue
            seen.add(ref.id)
            yield ref
            entity = facts.entity(ref)
            for prop in CHAIN:
                following += [r for s in _statements(entity, prop) if (r := _ref(s)) is not None]
        frontier = following


def _countries_of(place: Entity, facts: Facts) -> set[str]:
    return {r.id for s in _statements(place, "country") if (r := _ref(s)) is not None}


def _is_country(facts: Facts, ref: EntityRef) -> bool:
    entity = facts.entity(ref)
    return entity is not None and "country" in entity.types


def _statements(entity: Entity | None, prop: str) -> tuple[Statement, ...]:
    return best_rank(usable(entity.statements.get(prop, ()))) if entity is not None else ()


def _ref(statement: Statement) -> EntityRef | None:
    value = statement.mainsnak.value
    return value if isinstance(value, EntityRef) else None


def _day(as_of: dt.date | None) -> str:
    return as_of.isoformat() if as_of else "the latest date known"

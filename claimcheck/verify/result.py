"""Building the Verdict every claim gains, and the Evidence items inside it, from the facts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from claimcheck.model import (
    Entity,
    EntityRef,
    Evidence,
    EvidenceValue,
    Quantity,
    Statement,
    TimeValue,
    Value,
    Verdict,
)
from claimcheck.verify.facts import Facts

# Words for the semantic property names, for evidence and explanations.
PROPERTY_LABELS = {
    "member_count": "member count",
    "member_of": "member of",
    "position_held": "position held",
    "headquarters": "headquarters location",
    "date_of_birth": "date of birth",
    "date_of_death": "date of death",
    "instance_of": "instance of",
    "head_of_government": "head of government",
    "head_of_state": "head of state",
    "office_holder": "officeholder",
    "citizenship": "country of citizenship",
    "place_of_birth": "place of birth",
    "located_in": "located in the administrative territorial entity",
    "sports_team": "member of sports team",
    "has_part": "has part(s)",
    "head_coach": "head coach",
    "chairperson": "chairperson",
    "ceo": "chief executive officer",
    "director_manager": "director / manager",
    "editor_in_chief": "editor-in-chief",
    "film_director": "director",
}


def property_label(name: str) -> str:
    return PROPERTY_LABELS.get(name, name.replace("_", " "))


def verdict(
    verdict: str,
    reason: str,
    explanation: str,
    evidence: Iterable[Evidence] = (),
    correction: Decimal | int | str | None = None,
    note: str | None = None,
    as_of: dt.date | None = None,
) -> Verdict:
    return Verdict(
        verdict=verdict,
        reason=reason,
        explanation=explanation[:1].upper() + explanation[1:],
        evidence=tuple(evidence),
        correction=correction,
        note=note,
        as_of=as_of,
    )


def not_checked(
    reason: str,
    explanation: str,
    as_of: dt.date | None = None,
    evidence: Iterable[Evidence] = (),
) -> Verdict:
    return verdict("not_checked", reason, explanation, evidence, as_of=as_of)


def show(value: Any, facts: Facts | None = None) -> str:
    """A value as a person reads it in a sentence."""
    if isinstance(value, EntityRef):
        return facts.label(value) if facts else (value.label or value.id)
    if isinstance(value, Quantity):
        unit = f" {value.unit}" if value.unit else ""
        return f"{_number(value.amount)}{unit}"
    if isinstance(value, TimeValue):
        return value.iso.lstrip("+")
    if isinstance(value, Decimal):
        return _number(value)
    return str(value)


def _number(x: Decimal) -> str:
    if x == x.to_integral_value():
        return f"{int(x):,}"
    return f"{x:,f}"


def evidence_value(value: Value, facts: Facts | None) -> EvidenceValue:
    """A source value as evidence shows it; an entity carries the label the facts know."""
    if isinstance(value, EntityRef):
        return EntityRef(value.id, facts.label(value) if facts else value.label)
    if isinstance(value, Quantity):
        return value.amount
    if isinstance(value, TimeValue):
        return value.iso.lstrip("+")
    return value


def qualifier_summary(
    statement: Statement, facts: Facts | None
) -> dict[str, tuple[EvidenceValue, ...]]:
    return {
        name: tuple(evidence_value(s.value, facts) if s.kind == "value" else s.kind for s in snaks)
        for name, snaks in statement.qualifiers.items()
    }


def evidence(entity: Entity, statement: Statement, facts: Facts | None = None) -> Evidence:
    """One evidence item: enough for a person to find the statement and judge it."""
    value = statement.mainsnak.value
    return Evidence(
        entity=entity.id,
        entity_label=entity.label,
        property=statement.property,
        property_label=property_label(statement.property),
        value=evidence_value(value, facts),
        source_property=statement.mainsnak.source_property,
        statement=statement.id,
        rank=statement.rank,
        unit=value.unit if isinstance(value, Quantity) else None,
        precision=value.precision if isinstance(value, TimeValue) else None,
        qualifiers=qualifier_summary(statement, facts),
        provenance=entity.provenance,
    )


def when(statement: Statement) -> str:
    """The time qualifiers of a statement in words: "point in time 2020-03-27"."""
    parts = []
    for name in ("point_in_time", "start_time", "end_time"):
        for snak in statement.qualifiers.get(name, ()):
            shown = (
                show(snak.value)
                if snak.kind == "value"
                else ("none" if snak.kind == "novalue" else "unknown")
            )
            parts.append(f"{name.replace('_', ' ')} {shown}")
    return ", ".join(parts) or "undated"


def source_name(entity: Entity) -> str:
    """What to call the source in a sentence ("Wikidata", "the snapshot")."""
    endpoint = (entity.provenance.endpoint if entity.provenance else "") or ""
    if "wikidata" in endpoint:
        return "Wikidata"
    return "the knowledge source"

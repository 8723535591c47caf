"""What the verifier knows about one document, gathered beforehand by the verification stage:
how each entity mention of each claim was linked, and the entities fetched. Verification reads
only this; it never calls a source."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from claimcheck.model import Claim, Entity, EntityRef

# The fields of each claim kind that name an entity, with the NER type the linker should expect.
MENTION_FIELDS: dict[str, tuple[tuple[str, str | None], ...]] = {
    "role": (
        ("person", "PERSON"),
        ("organization", "ORG"),
        ("country", "GPE"),
        ("party", "NORP"),
        ("state", "GPE"),
    ),
    "membership": (("member", None), ("organization", "ORG")),
    "membership_count": (("organization", "ORG"),),
    "location": (("subject", None), ("place", "GPE")),
    "person_name": (("name", "PERSON"),),
    "age": (("person", "PERSON"),),
    "nationality": (("person", "PERSON"), ("place", "GPE")),
    "birthplace": (("person", "PERSON"), ("place", "GPE")),
    "team_membership": (("person", "PERSON"), ("team", "ORG")),
    "group_membership": (("person", "PERSON"), ("group", "ORG")),
}
NUMERIC_MENTIONS: tuple[tuple[str, str | None], ...] = (("subject", None),)


@dataclass(frozen=True)
class Resolution:
    """How one mention was linked: an entity, or the reason there is none."""

    text: str
    entity: Entity | None = None
    reason: str | None = None  # no_entity_link, ambiguous_link, source_unavailable, ...
    score: float = 0.0
    candidates: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class Facts:
    resolutions: Mapping[tuple[str, str], Resolution] = field(default_factory=dict)
    entities: Mapping[str, Entity] = field(default_factory=dict)
    # Organization id → the member entities the source could list (only when it can answer).
    members: Mapping[str, tuple[Entity, ...]] = field(default_factory=dict)
    extra_predicates: Mapping[str, str] = field(default_factory=dict)
    # Claim id → a subject the claim itself lacks but its sentence names unambiguously (the one
    # person named in "Douglas Adams was born on March 11, 1952").
    implied_subjects: Mapping[str, str] = field(default_factory=dict)

    def resolve(self, claim: Claim, name: str) -> Resolution | None:
        return self.resolutions.get((claim.id, name))

    def entity(self, ref: EntityRef | str | None) -> Entity | None:
        if ref is None:
            return None
        return self.entities.get(ref if isinstance(ref, str) else ref.id)

    def label(self, ref: EntityRef) -> str:
        known = self.entity(ref)
        return (known.label if known and known.label else None) or ref.label or ref.id


def field_text(claim: Claim, name: str) -> str | None:
    """The words of a claim field, whether the extractor wrote a string or an object with
    text / canonical (the canonical form wins: "GOP" → "Republican Party")."""
    if name == "name" and claim.kind == "person_name":
        raw: Any = claim.fields.get("name") or claim.value.get("name") or claim.text
    else:
        raw = claim.fields.get(name)
    if isinstance(raw, Mapping):
        # A predicate's `measure` ("population") names what is measured better than its words.
        raw = raw.get("canonical") or raw.get("measure") or raw.get("text")
    return str(raw).strip() if raw else None


def field_surface(claim: Claim, name: str) -> str | None:
    """The words as written in the article (not canonicalised)."""
    raw = claim.fields.get(name)
    if isinstance(raw, Mapping):
        return str(raw.get("text") or raw.get("canonical") or "") or None
    return field_text(claim, name)


def field_type(claim: Claim, name: str, default: str | None) -> str | None:
    raw = claim.fields.get(name)
    if isinstance(raw, Mapping) and raw.get("type"):
        return str(raw["type"])
    return default


def mentions_of(claim: Claim) -> list[tuple[str, str, str | None]]:
    """(field, text, NER type) of every entity mention the claim's check needs."""
    spec = MENTION_FIELDS.get(claim.kind, NUMERIC_MENTIONS)
    out = []
    for name, ner in spec:
        text = field_text(claim, name)
        if text:
            out.append((name, text, field_type(claim, name, ner)))
    return out


def linked(claim: Claim, facts: Facts, name: str) -> Entity | tuple[str, str]:
    """The entity a claim field links to, or (reason code, plain sentence) why there is none."""
    text = field_text(claim, name) or (
        facts.implied_subjects.get(claim.id) if name == "subject" else None
    )
    if not text:
        return "no_subject", f"The claim does not say whose {name} it is."
    resolution = facts.resolve(claim, name)
    if resolution is None or (resolution.entity is None and not resolution.reason):
        return "no_entity_link", f"“{text}” was not linked to an entity."
    if resolution.entity is None:
        reason = resolution.reason or "no_entity_link"
        why = {
            "no_entity_link": "matches no entity in the knowledge source",
            "ambiguous_link": "matches several entities equally well",
        }.get(reason, f"could not be looked up ({reason.replace('_', ' ')})")
        return reason, f"“{text}” {why}."
    if resolution.entity.missing:
        return "entity_missing", f"The entity linked for “{text}” is missing from the source."
    return resolution.entity


def linked_person(claim: Claim, facts: Facts, name: str = "person") -> Entity | tuple[str, str]:
    """The human a claim's person field links to, or (reason code, sentence) why there is none:
    an entity that is not a person is `not_a_person`, never checked as one."""
    person = linked(claim, facts, name)
    if isinstance(person, Entity) and "human" not in person.types:
        shown = field_text(claim, name) or "the person"
        return "not_a_person", f"“{shown}” links to {person.label}, not a person."
    return person

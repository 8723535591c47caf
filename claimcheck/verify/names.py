"""Spelling of person names: a name that links with high confidence to a person whose label (or
alias) differs by a small edit is a likely misspelling ("Christianne Amanpour" → "Christiane
Amanpour"). Larger differences are left alone: they are more likely a different person."""

from __future__ import annotations

import datetime as dt

from rapidfuzz.distance import Levenshtein

from claimcheck.model import Claim, Entity, Evidence, Verdict
from claimcheck.verify.facts import Facts, field_text, linked
from claimcheck.verify.result import not_checked, source_name, verdict

MIN_LINK_SCORE = 0.8  # below this the link itself is too uncertain to judge a spelling by
MAX_EDITS = 2  # "small edit": a doubled or dropped letter, a swapped pair


def verify(claim: Claim, facts: Facts, as_of: dt.date | None) -> Verdict:
    name = field_text(claim, "name") or claim.text
    person = linked(claim, facts, "name")
    if not isinstance(person, Entity):
        return not_checked(person[0], person[1], as_of)
    if person.types and "human" not in person.types:
        return not_checked(
            "not_a_person", f"“{name}” links to {person.label}, not a person.", as_of
        )
    known = [n for n in (person.label, *person.aliases) if n]
    proof = [_entity_evidence(person)]
    if any(n.casefold() == name.casefold() for n in known):
        return verdict(
            "supported",
            "match",
            f"{source_name(person)} spells the name “{name}”.",
            proof,
            as_of=as_of,
        )
    resolution = facts.resolve(claim, "name")
    score = resolution.score if resolution else 0.0
    label = person.label or ""
    edits = Levenshtein.distance(name.casefold(), label.casefold())
    if score >= MIN_LINK_SCORE and 0 < edits <= MAX_EDITS:
        return verdict(
            "contradicted",
            "likely_misspelling",
            f"“{name}” is probably "
            f"{label}, as {source_name(person)} spells it ({edits} letter(s) differ).",
            proof,
            correction=label,
            as_of=as_of,
        )
    return not_checked(
        "name_differs",
        f"“{name}” linked to {label}, whose name differs by more than a small edit; not judged.",
        as_of,
        proof,
    )


def _entity_evidence(entity: Entity) -> Evidence:
    return Evidence(
        entity=entity.id,
        entity_label=entity.label,
        property="label",
        property_label="label",
        value=entity.label,
        provenance=entity.provenance,
    )

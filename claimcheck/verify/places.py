"""Membership ("the OSCE, of which the United States is a member") and location ("the Alliance
headquarters in Brussels").

The source is an open world: a missing member-of statement does not prove non-membership, so
absence is "not checked", never "contradicted". Contradictions come only from statements the
source does hold: a membership that starts after (or ended before) the date, a headquarters in
another place.
"""

from __future__ import annotations

import datetime as dt

from claimcheck.model import Claim, Entity, EntityRef, Statement, Verdict
from claimcheck.verify import words
from claimcheck.verify.facts import Facts, field_text, linked
from claimcheck.verify.result import evidence, not_checked, show, source_name, verdict, when
from claimcheck.verify.timeselect import select, usable, validity

NEGATIVE = ("negative", "not", "no", False)


def verify_membership(claim: Claim, facts: Facts, as_of: dt.date | None) -> Verdict:
    member = linked(claim, facts, "member")
    org = linked(claim, facts, "organization")
    for side in (member, org):
        if not isinstance(side, Entity):
            return not_checked(side[0], side[1], as_of)
    assert isinstance(member, Entity) and isinstance(org, Entity)
    polarity = claim.fields.get("polarity", "positive")
    if polarity not in ("positive", "negative", True, False, None) or polarity == "future":
        return not_checked(
            "not_checkable_kind", "Future or hypothetical membership is not checked.", as_of
        )
    # "left" says the membership had ended by the date: checked like a negative claim.
    negative = polarity in NEGATIVE or claim.fields.get("status") == "left"
    naming = [
        s
        for s in usable(member.statements.get("member_of", ()))
        if isinstance(s.mainsnak.value, EntityRef) and s.mainsnak.value.id == org.id
    ]
    if not naming:
        return not_checked(
            "no_statement_found",
            f"{source_name(member)} holds no membership of "
            f"{org.label} for {member.label} (absence is not proof).",
            as_of,
        )
    timed = [(s, True if as_of is None else validity(s, as_of)) for s in naming]
    valid = [s for s, v in timed if v is True]
    statement = valid[0] if valid else naming[0]
    proof = [evidence(member, statement, facts)]
    if not valid and any(v is None for _, v in timed):
        return not_checked(
            "date_too_coarse",
            f"The dates of {member.label}'s membership of {org.label} are too coarse for {as_of}.",
            as_of,
            proof,
        )
    member_then = bool(valid)
    said = (
        f"{source_name(member)} lists {member.label} as a member of {org.label} "
        f"({when(statement)}){'' if member_then else ', not valid on ' + str(as_of)}."
    )
    if member_then != negative:
        return verdict("supported", "match", said, proof, as_of=as_of)
    return verdict(
        "contradicted",
        "not_member_at_date" if not member_then else "mismatch",
        said,
        proof,
        as_of=as_of,
    )


def verify_location(claim: Claim, facts: Facts, as_of: dt.date | None) -> Verdict:
    if claim.fields.get("relation") == "event":
        return not_checked(
            "not_checkable_kind", "Where a meeting was held is not in the source.", as_of
        )
    subject = linked(claim, facts, "subject")
    if not isinstance(subject, Entity):
        return not_checked(subject[0], subject[1], as_of)
    place_text = field_text(claim, "place") or ""
    place = linked(claim, facts, "place")
    place_id = place.id if isinstance(place, Entity) else None
    for prop in ("headquarters", "location"):
        chosen = select(subject.statements.get(prop, ()), as_of)
        if chosen.statements:
            return _judge_place(
                claim, subject, prop, chosen.statements, place_text, place_id, facts, as_of
            )
    return not_checked(
        "property_not_in_source",
        f"{source_name(subject)} holds no headquarters or "
        f"location for {subject.label} valid on {as_of}.",
        as_of,
    )


def _judge_place(
    claim: Claim,
    subject: Entity,
    prop: str,
    chosen: tuple[Statement, ...],
    place_text: str,
    place_id: str | None,
    facts: Facts,
    as_of: dt.date | None,
) -> Verdict:
    for statement in chosen:
        ref = statement.mainsnak.value
        if isinstance(ref, EntityRef) and _is_or_within(ref, place_text, place_id, facts):
            said = (
                f"{source_name(subject)} lists {show(ref, facts)} as the {prop} of {subject.label} "
                f"({when(statement)}); the article says {place_text}."
            )
            return verdict(
                "supported", "match", said, [evidence(subject, statement, facts)], as_of=as_of
            )
    statement = chosen[0]
    if place_id is None:
        return not_checked(
            "no_entity_link",
            f"“{place_text}” was not linked, so it cannot be compared with "
            f"{show(statement.mainsnak.value, facts)}.",
            as_of,
            [evidence(subject, statement, facts)],
        )
    said = (
        f"{source_name(subject)} lists {show(statement.mainsnak.value, facts)} as the {prop} "
        f"of {subject.label} ({when(statement)}), not {place_text}."
    )
    return verdict(
        "contradicted",
        "mismatch",
        said,
        [evidence(subject, statement, facts)],
        correction=show(statement.mainsnak.value, facts),
        as_of=as_of,
    )


def _is_or_within(ref: EntityRef, text: str, place_id: str | None, facts: Facts) -> bool:
    """The place itself, or one step inside it (a headquarters in a district of the city)."""
    if ref.id == place_id or words.mentions(text, words.names(facts.entity(ref), ref)):
        return True
    entity = facts.entity(ref)
    if entity is None:
        return False
    around = [s.mainsnak.value for s in usable(entity.statements.get("location", ()))]
    return any(isinstance(r, EntityRef) and (r.id == place_id) for r in around)

"""Roles: "NATO Secretary General Jens Stoltenberg", "Texas GOP Senator Ted Cruz".

The person's position-held statements are matched by title words against the position's label and
aliases; the one valid on the as-of date must also agree with every qualifier the article states:
organization / country (in the position's name or its country), state (the electoral district
qualifier), party (the person's party statement valid on the date). A matching office held only at
other times contradicts the claim, naming who held it on the date when the source says.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from claimcheck.model import Claim, Entity, EntityRef, Evidence, Statement, TimeValue, Verdict
from claimcheck.verify import heads, words
from claimcheck.verify.facts import Facts, field_surface, field_text, linked
from claimcheck.verify.result import evidence, not_checked, show, source_name, verdict, when
from claimcheck.verify.timeselect import bounds, select, usable, validity

QUALIFIER_FIELDS = ("organization", "country", "state", "party")


def verify(claim: Claim, facts: Facts, as_of: dt.date | None) -> Verdict:
    person = linked(claim, facts, "person")
    if not isinstance(person, Entity):
        return not_checked(person[0], person[1], as_of)
    title = _title(claim)
    if not title:
        return not_checked("not_checkable_kind", "The role names no position.", as_of)
    by_organization = heads.verify(claim, person, facts, as_of)
    if by_organization is not None:
        return by_organization
    held = usable(person.statements.get("position_held", ()))
    if not held:
        return not_checked(
            "property_not_in_source",
            f"{source_name(person)} lists no positions held by {person.label}.",
            as_of,
        )
    matching = [s for s in held if words.mentions(title, _position_names(s, facts))]
    if not matching:
        return not_checked(
            "position_not_in_source",
            f"None of the positions {source_name(person)} "
            f"lists for {person.label} is called “{title}”.",
            as_of,
        )
    return _judge(claim, person, title, matching, facts, as_of)


def _title(claim: Claim) -> str:
    """The position words without the qualifier words the article put in them ("NATO Secretary
    General" → "Secretary General"): those are checked separately."""
    title = field_text(claim, "position") or ""
    qualifier_words = set()
    for name in QUALIFIER_FIELDS:
        for text in (field_text(claim, name), field_surface(claim, name)):
            qualifier_words.update(words.tokens(text or ""))
    kept = [t for t in words.tokens(title) if t not in qualifier_words]
    return " ".join(kept)


def _position_names(statement: Statement, facts: Facts) -> list[str]:
    ref = statement.mainsnak.value
    return words.names(facts.entity(ref), ref) if isinstance(ref, EntityRef) else []


def _judge(
    claim: Claim,
    person: Entity,
    title: str,
    matching: list[Statement],
    facts: Facts,
    as_of: dt.date | None,
) -> Verdict:
    temporal = claim.fields.get("temporal")
    negative = claim.fields.get("polarity") == "negative"
    why = _unchecked(temporal, negative, as_of)
    if why:
        return not_checked("not_checkable_kind", why, as_of)
    if negative and as_of is not None:
        return _negated(claim, person, matching, facts, as_of)
    if temporal in ("former", "ex") and as_of is not None:
        return _former(claim, person, matching, facts, as_of)
    if temporal == "then" and as_of is not None:
        return _then(claim, person, matching, facts, as_of)
    timed = [(s, True if as_of is None else validity(s, as_of)) for s in matching]
    valid = [s for s, v in timed if v is True]
    for statement in valid:
        checks = _qualifiers(claim, person, statement, facts, as_of)
        if all(ok for ok, _ in checks.values()):
            return _supported(claim, person, statement, checks, facts, as_of)
    if valid:
        statement = valid[0]
        checks = _qualifiers(claim, person, statement, facts, as_of)
        bad = [n for n, (ok, _) in checks.items() if ok is False]
        proof = [evidence(person, statement, facts)] + [e for _, (_, e) in checks.items() if e]
        if bad:
            return verdict(
                "contradicted",
                "qualifier_mismatch",
                f"{person.label} held "
                f"{show(statement.mainsnak.value, facts)} on {as_of}, but not with the "
                f"{' / '.join(bad)} the article gives.",
                proof,
                as_of=as_of,
            )
        unknown = [n for n, (ok, _) in checks.items() if ok is None]
        return not_checked(
            "qualifier_not_in_source",
            f"{person.label} held "
            f"{show(statement.mainsnak.value, facts)} on {as_of}; the source does not "
            f"say which {' / '.join(unknown)}.",
            as_of,
            proof,
        )
    if any(v is None for _, v in timed):
        return not_checked(
            "date_too_coarse",
            f"The dates of {person.label}'s "
            f"“{title}” position are too coarse to tell whether it held on {as_of}.",
            as_of,
        )
    return _not_held(claim, person, matching, facts, as_of)


def _supported(
    claim: Claim,
    person: Entity,
    statement: Statement,
    checks: dict,
    facts: Facts,
    as_of: dt.date | None,
) -> Verdict:
    proof = [evidence(person, statement, facts)] + [e for _, (_, e) in checks.items() if e]
    extra = [n for n in checks]
    said = (
        f"{source_name(person)} lists {person.label} as {show(statement.mainsnak.value, facts)} "
        f"on {as_of or 'the latest date it knows'} (position held, {when(statement)})"
        + (f", matching the {', '.join(extra)} the article gives" if extra else "")
        + f"; the article says “{claim.text}”."
    )
    note = None
    if as_of is not None and _ended(statement):
        note = f"has since changed: the position ended ({when(statement)})"
    return verdict("supported", "match", said, proof, note=note, as_of=as_of)


def _ended(statement: Statement) -> bool:
    return any(s.kind != "novalue" for s in statement.qualifiers.get("end_time", ()))


def _not_held(
    claim: Claim, person: Entity, matching: list[Statement], facts: Facts, as_of: dt.date | None
) -> Verdict:
    statement = matching[0]
    office = statement.mainsnak.value
    holder = _holder(office, facts, as_of) if isinstance(office, EntityRef) else None
    said = (
        f"{person.label} held {show(office, facts)} only at another time ({when(statement)}), "
        f"not on {as_of}"
    )
    proof = [evidence(person, statement, facts)]
    correction = None
    if holder is not None:
        entity, held = holder
        correction = show(held.mainsnak.value, facts)
        said += f"; {source_name(person)} lists {correction} in that office then"
        proof.append(evidence(entity, held, facts))
    return verdict(
        "contradicted", "not_held_at_date", said + ".", proof, correction=correction, as_of=as_of
    )


def _holder(
    office: EntityRef, facts: Facts, as_of: dt.date | None
) -> tuple[Entity, Statement] | None:
    entity = facts.entity(office)
    if entity is None or as_of is None:
        return None
    chosen = select(entity.statements.get("office_holder", ()), as_of).statements
    return (entity, chosen[0]) if chosen else None


def _qualifiers(
    claim: Claim, person: Entity, statement: Statement, facts: Facts, as_of: dt.date | None
) -> dict[str, tuple[bool | None, Evidence | None]]:
    """For each qualifier the article states: True (agrees), False (the source says otherwise),
    None (the source does not say); with the evidence used, if any beyond the statement."""
    out: dict[str, tuple[bool | None, Evidence | None]] = {}
    for name in QUALIFIER_FIELDS:
        if not field_text(claim, name):
            continue
        if name == "party":
            out[name] = _party(claim, person, facts, as_of)
        elif name == "state":
            out[name] = (_district(claim, statement, facts), None)
        else:
            out[name] = (_in_position(claim, name, statement, facts), None)
    return out


def _wanted(claim: Claim, name: str, facts: Facts) -> tuple[list[str], str | None]:
    """The names an article's qualifier may appear under, and its linked entity id."""
    texts = [t for t in (field_text(claim, name), field_surface(claim, name)) if t]
    resolution = facts.resolve(claim, name)
    entity = resolution.entity if resolution else None
    return texts + words.names(entity), entity.id if entity else None


def _in_position(claim: Claim, name: str, statement: Statement, facts: Facts) -> bool | None:
    """Organization or country: named in the position's label/aliases, or its country / 'of'
    qualifier is the linked entity. A different known country contradicts."""
    texts, wanted_id = _wanted(claim, name, facts)
    office = statement.mainsnak.value
    office_entity = facts.entity(office) if isinstance(office, EntityRef) else None
    labels = _position_names(statement, facts)
    if any(words.contains_words(t, label) for t in texts for label in labels):
        return True
    values = (
        [s.mainsnak.value for s in usable(office_entity.statements.get("country", ()))]
        if office_entity
        else []
    )
    values += [q.value for q in statement.qualifiers.get("of", ()) if q.kind == "value"]
    refs = [r for r in values if isinstance(r, EntityRef)]
    if wanted_id and any(r.id == wanted_id for r in refs):
        return True
    if any(words.mentions(t, words.names(facts.entity(r), r)) for t in texts for r in refs):
        return True
    # Only a linked country that differs from the one the source gives contradicts; unlinked words
    # ("Norwegian") that match no name are unknown, not wrong.
    return False if refs and wanted_id and name == "country" else None


def _district(claim: Claim, statement: Statement, facts: Facts) -> bool | None:
    texts, wanted_id = _wanted(claim, "state", facts)
    districts = [
        q.value
        for q in statement.qualifiers.get("electoral_district", ())
        if isinstance(q.value, EntityRef)
    ]
    if not districts:
        return None
    for ref in districts:
        if ref.id == wanted_id or any(
            words.mentions(t, words.names(facts.entity(ref), ref)) for t in texts
        ):
            return True
    return False


def _party(
    claim: Claim, person: Entity, facts: Facts, as_of: dt.date | None
) -> tuple[bool | None, Evidence | None]:
    texts, wanted_id = _wanted(claim, "party", facts)
    chosen = select(person.statements.get("party", ()), as_of).statements
    if not chosen:
        return None, None
    for statement in chosen:
        ref = statement.mainsnak.value
        if isinstance(ref, EntityRef) and (
            ref.id == wanted_id
            or any(words.mentions(t, words.names(facts.entity(ref), ref)) for t in texts)
        ):
            return True, evidence(person, statement, facts)
    return False, evidence(person, chosen[0], facts)


def _former(
    claim: Claim, person: Entity, matching: list[Statement], facts: Facts, as_of: dt.date
) -> Verdict:
    """ "former X": held before the date and no longer on it."""
    timed = [(s, validity(s, as_of)) for s in matching]
    current = [s for s, v in timed if v is True]
    if current:
        held = current[0]
        said = (
            f"{person.label} still held {show(held.mainsnak.value, facts)} on {as_of} "
            f"({when(held)}); the article calls it former."
        )
        return verdict(
            "contradicted", "still_held_at_date", said, [evidence(person, held, facts)], as_of=as_of
        )
    if any(v is None for _, v in timed):
        return not_checked(
            "date_too_coarse",
            f"The dates of {person.label}'s position are too "
            f"coarse to tell whether it had ended by {as_of}.",
            as_of,
        )
    ended = [s for s, _ in timed if _started_before(s, as_of)]
    if not ended:
        return _not_held(claim, person, matching, facts, as_of)
    held = ended[0]
    said = (
        f"{source_name(person)} lists {person.label} as {show(held.mainsnak.value, facts)} "
        f"before {as_of} ({when(held)}); the article says “{claim.text}”."
    )
    return verdict("supported", "match", said, [evidence(person, held, facts)], as_of=as_of)


# Title words whose time the article does not pin to its date: checking them as "held on the
# date" would contradict true claims ("the late President Kennedy", "incoming President Biden").
UNCHECKED_TEMPORAL = {
    "late": "A posthumous title (“the late ...”) is not checked.",
    "incoming": "An office not yet taken up (“incoming ...”) is not checked.",
}


def _unchecked(temporal: Any, negative: bool, as_of: dt.date | None) -> str | None:
    """Why a role's polarity / time word keeps it from being checked, or None."""
    if temporal in UNCHECKED_TEMPORAL:
        return UNCHECKED_TEMPORAL[temporal]
    if negative and temporal:
        return "A negated past or qualified role (“was not president”) names no date to check."
    if as_of is None and (negative or temporal in ("former", "ex", "then")):
        return "A negated or past role needs the article's date to be checked."
    return None


def _negated(
    claim: Claim, person: Entity, matching: list[Statement], facts: Facts, as_of: dt.date
) -> Verdict:
    """ "X is not the president": contradicted when the source lists X in that office (with
    every qualifier the article gives) on the date; supported when the matching positions the
    source holds were all held at other times, or not with the qualifiers given."""
    timed = [(s, validity(s, as_of)) for s in matching]
    valid = [s for s, v in timed if v is True]
    checked = [(s, _qualifiers(claim, person, s, facts, as_of)) for s in valid]
    for statement, checks in checked:
        if all(ok for ok, _ in checks.values()):
            said = (
                f"{source_name(person)} lists {person.label} as "
                f"{show(statement.mainsnak.value, facts)} on {as_of} ({when(statement)}); "
                f"the article says “{claim.text}”."
            )
            proof = [evidence(person, statement, facts)] + [e for _, e in checks.values() if e]
            return verdict("contradicted", "mismatch", said, proof, as_of=as_of)
    if any(ok is None for _, checks in checked for ok, _ in checks.values()):
        return not_checked(
            "qualifier_not_in_source",
            f"{person.label} held a “{claim.fields.get('position')}” position on {as_of}; the "
            "source does not say whether it is the one the article denies.",
            as_of,
        )
    if not valid and any(v is None for _, v in timed):
        return not_checked(
            "date_too_coarse",
            f"The dates of {person.label}'s position are too coarse to tell whether it held on "
            f"{as_of}.",
            as_of,
        )
    statement = valid[0] if valid else matching[0]
    said = (
        f"{source_name(person)} lists {person.label} as {show(statement.mainsnak.value, facts)} "
        + (
            "but not with the qualifiers the article gives"
            if valid
            else f"only at other times ({when(statement)}), not on {as_of}"
        )
        + f"; the article says “{claim.text}”."
    )
    return verdict("supported", "match", said, [evidence(person, statement, facts)], as_of=as_of)


def _then(
    claim: Claim, person: Entity, matching: list[Statement], facts: Facts, as_of: dt.date
) -> Verdict:
    """ "then-Prime Minister X": held at some time up to the date (the earlier moment the
    article speaks of); unlike "former", still holding it on the date is no contradiction."""
    current = [s for s in matching if validity(s, as_of) is True]
    if current:
        return _supported(claim, person, current[0], {}, facts, as_of)
    return _former(claim, person, matching, facts, as_of)


def _started_before(statement: Statement, as_of: dt.date) -> bool:
    for snak in statement.qualifiers.get("start_time", ()):
        span = bounds(snak.value) if isinstance(snak.value, TimeValue) else None
        return span is not None and span[1] < as_of
    return True  # no start: nothing says it began later

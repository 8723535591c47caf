"""Heads of an organization: "Arsenal manager X" against the club's head coach and director /
manager, "chairman X" against its chairperson, "chief executive X" against its CEO — statements
on the organization, valid on the article's date.

A different person in the post contradicts only when that statement is dated and valid on the
date: an undated statement says who holds it as the source last knew, not on the article's day.
A post whose property the organization lacks is not checked (captain has none): for chairman
and chief executive the caller then falls back to the person's positions held.
"""

from __future__ import annotations

import datetime as dt

from claimcheck.model import Claim, Entity, EntityRef, Statement, Verdict
from claimcheck.verify.facts import Facts, field_text
from claimcheck.verify.result import (
    evidence,
    not_checked,
    property_label,
    show,
    source_name,
    verdict,
    when,
)
from claimcheck.verify.timeselect import ended_before, usable, validity

PROPERTIES = {
    "manager": ("head_coach", "director_manager"),
    "boss": ("head_coach", "director_manager"),
    "coach": ("head_coach",),
    "head coach": ("head_coach",),
    "captain": (),  # no property of the team claimcheck reads
    "chairman": ("chairperson",),
    "chairwoman": ("chairperson",),
    "chair": ("chairperson",),
    "chairperson": ("chairperson",),
    "ceo": ("ceo",),
    # "X, head of the Bank of Russia": whichever of its heads the source names (below: LOOSE).
    "head": ("chairperson", "ceo", "director_manager"),
    "chief": ("chairperson", "ceo", "director_manager"),
    "chief executive": ("ceo",),
    "chief executive officer": ("ceo",),
    # Culture titles: a newspaper's editor, a film's or a museum's director. A conductor, an
    # artistic director, a dean or a principal has no property that says it: not checked.
    "editor": ("editor_in_chief",),
    "editor-in-chief": ("editor_in_chief",),
    "director": ("film_director", "director_manager"),
    "conductor": (),
    "music director": (),
    "artistic director": (),
    "curator": (),
    "dean": (),
    "principal": (),
}
# Heads the person's positions held answered before: they fall back to it.
FALLS_BACK = frozenset(
    {"chairman", "chairwoman", "chair", "chairperson", "ceo", "chief executive", "head", "chief"}
    | {"director"}  # "FBI Director X": the position held, as before, when the FBI names none
)
# A "head" may be the chair, the chief executive or the director: another person in one of those
# posts never contradicts, and a post the statements do not settle falls back to positions held.
LOOSE = frozenset({"head", "chief", "director"})


def verify(claim: Claim, person: Entity, facts: Facts, as_of: dt.date | None) -> Verdict | None:
    """The verdict from the organization's statements, or None to check positions held."""
    head = org_head(field_text(claim, "position") or "")
    if head is None:
        return None
    back = head in FALLS_BACK or head == "chief executive officer"
    if not field_text(claim, "organization"):
        country = field_text(claim, "country")
        why = (
            f"“{country}” names a country, whose national team is not linked without guessing,"
            if country
            else "The article names no organization"
        )
        return None if back else _unchecked(head, why, as_of)
    resolution = facts.resolve(claim, "organization")
    org = resolution.entity if resolution else None
    if org is None:
        reason = (resolution.reason if resolution else None) or "no_entity_link"
        return (
            None
            if back
            else not_checked(
                reason, f"“{field_text(claim, 'organization')}” is not linked to the source.", as_of
            )
        )
    props = PROPERTIES[head]
    held = [s for p in props for s in usable(org.statements.get(p, ()))]
    if not held:
        if back:
            return None
        said = (
            f"{source_name(org)} records no {head} for {org.label}"
            if props
            else f"claimcheck reads no property for a {head}"
        )
        return not_checked(
            "property_not_in_source", f"{said}; “{claim.text}” is not checked.", as_of
        )
    judged = _judge(claim, person, org, head, held, facts, as_of)
    return None if head in LOOSE and judged.verdict == "not_checked" else judged


def _unchecked(head: str, why: str, as_of: dt.date | None) -> Verdict:
    return not_checked("qualifier_not_in_source", f"{why} for the {head} to be checked.", as_of)


def _is(statement: Statement, person: Entity) -> bool:
    value = statement.mainsnak.value
    return isinstance(value, EntityRef) and value.id == person.id


def _dated(statement: Statement) -> bool:
    return bool(statement.qualifiers.get("start_time") or statement.qualifiers.get("end_time"))


def _judge(
    claim: Claim,
    person: Entity,
    org: Entity,
    head: str,
    held: list[Statement],
    facts: Facts,
    as_of: dt.date | None,
) -> Verdict:
    temporal = claim.fields.get("temporal")
    if claim.fields.get("polarity") == "negative" or temporal not in (None, "former", "ex"):
        return not_checked(
            "not_checkable_kind", f"A “{temporal or 'negated'}” {head} is not checked.", as_of
        )
    if as_of is None and temporal:
        return not_checked("not_checkable_kind", "A former post needs the article's date.", as_of)
    mine = [s for s in held if _is(s, person)]
    timed = [(s, True if as_of is None else validity(s, as_of)) for s in mine]
    now = [s for s, v in timed if v is True]
    if temporal in ("former", "ex"):
        return _former(claim, person, org, now, timed, facts, as_of)
    if now:
        s = now[0]
        said = (
            f"{source_name(org)} lists {person.label} as {org.label}'s {head} "
            f"({show_property(s)}, {when(s) or 'undated'}) "
            f"on {as_of or 'the latest date it knows'}; "
            f"the article says “{claim.text}”."
        )
        return verdict("supported", "match", said, [evidence(org, s, facts)], as_of=as_of)
    if any(v is None for _, v in timed):
        return not_checked(
            "date_too_coarse",
            f"The dates of {person.label}'s spell as {org.label}'s {head} "
            f"are too coarse for {as_of}.",
            as_of,
        )
    assert as_of is not None  # without a date every statement of the person is valid
    other = [s for s in held if not _is(s, person) and _dated(s) and validity(s, as_of) is True]
    if head in LOOSE:
        other = []
    if mine or other:
        proof = [evidence(org, s, facts) for s in (mine[:1] + other[:1])]
        correction = show(other[0].mainsnak.value, facts) if other else None
        said = f"{source_name(org)} does not list {person.label} as {org.label}'s {head} on {as_of}"
        if mine:
            said += f" (only {when(mine[0])})"
        if correction:
            said += f"; it lists {correction} ({when(other[0])})"
        reason = "not_held_at_date" if mine else "mismatch"
        return verdict(
            "contradicted", reason, said + ".", proof, correction=correction, as_of=as_of
        )
    return not_checked(
        "no_statement_at_date",
        f"{source_name(org)} lists no {head} of {org.label} dated to {as_of}, "
        f"and none that is {person.label}.",
        as_of,
    )


def _former(
    claim: Claim,
    person: Entity,
    org: Entity,
    now: list[Statement],
    timed: list[tuple[Statement, bool | None]],
    facts: Facts,
    as_of: dt.date | None,
) -> Verdict:
    """ "former Arsenal manager X": a spell that ended before the date, none valid on it."""
    dated_now = [s for s in now if _dated(s)]
    if dated_now:
        s = dated_now[0]
        said = (
            f"{person.label} was still {org.label}'s {head_of(claim)} on {as_of} "
            f"({when(s)}); the article calls it former."
        )
        return verdict(
            "contradicted", "still_held_at_date", said, [evidence(org, s, facts)], as_of=as_of
        )
    ended = [s for s, _ in timed if ended_before(s, as_of)] if as_of else []
    if ended and not now:
        s = ended[0]
        said = (
            f"{source_name(org)} lists {person.label} as {org.label}'s {head_of(claim)} "
            f"before {as_of} ({when(s)}); the article says “{claim.text}”."
        )
        return verdict("supported", "match", said, [evidence(org, s, facts)], as_of=as_of)
    return not_checked(
        "no_statement_at_date",
        f"{source_name(org)} gives no ended spell of {person.label} "
        f"as {org.label}'s {head_of(claim)}.",
        as_of,
    )


def head_of(claim: Claim) -> str:
    return org_head(field_text(claim, "position") or "") or "head"


def show_property(statement: Statement) -> str:
    return property_label(statement.property)


# A second in command is not the head the organization's statement names: "vice chairman X"
# against the chairperson would contradict a true claim.
SECONDS = frozenset({"vice", "deputy", "assistant", "associate", "co", "honorary", "joint"})


def org_head(position: str) -> str | None:
    """The head a position ends in ("Arsenal manager" → "manager"), or None (also for a
    deputy's title: "vice chairman", "assistant manager")."""
    low = position.lower().replace("-", " ").split()
    for n in (3, 2, 1):
        if len(low) >= n and " ".join(low[-n:]) in PROPERTIES:
            return None if SECONDS.intersection(low[:-n]) else " ".join(low[-n:])
    return None

"""Band and group membership against member of on the person and has part(s) on the group
(sources/wikidata_ids.py), with their start and end qualifiers, as of the article's date.
Either side may hold the membership (a band often lists its members, the members seldom list
the band).

"member": a statement valid on the date (an undated one counts, as for roles); contradicted
(`not_held_at_date`) when every statement for the pair ended before it. "former": a statement
that ended before the date and none valid on it; contradicted (`still_held_at_date`) only by a
*dated* statement still running, since a source often keeps an ex-member's membership with no
end. Statements naming other groups or other members never contradict: people belong to many
groups and bands have many members.
"""

from __future__ import annotations

import datetime as dt

from claimcheck.model import Claim, Entity, EntityRef, Statement, Verdict
from claimcheck.verify.facts import Facts, linked, linked_person
from claimcheck.verify.result import evidence, not_checked, source_name, verdict, when
from claimcheck.verify.timeselect import ended_before, usable, validity


def verify(claim: Claim, facts: Facts, as_of: dt.date | None) -> Verdict:
    person = linked_person(claim, facts)
    if not isinstance(person, Entity):
        return not_checked(*person, as_of)
    group = linked(claim, facts, "group")
    if not isinstance(group, Entity):
        return not_checked(group[0], group[1], as_of)
    if as_of is None:
        return not_checked("no_date", "The article has no date to check the membership at.")
    return judge(str(claim.value.get("status")), person, group, facts, as_of, claim.text)


def judge(
    status: str, member: Entity, group: Entity, facts: Facts, as_of: dt.date, text: str
) -> Verdict:
    """The verdict on `member` being (status "member") or having been ("former") in `group` on
    `as_of`, from the statements of either that name the other."""
    pairs = [(member, s) for s in _naming(member, "member_of", group.id)]
    pairs += [(group, s) for s in _naming(group, "has_part", member.id)]
    if not pairs:
        return _absent(member, group, as_of)
    proof = [evidence(e, s, facts) for e, s in pairs]
    spells = "; ".join(when(s) or "undated" for _, s in pairs)
    said = (
        f"{source_name(member)} lists {member.label} in {group.label}: {spells}; "
        f"the article ({as_of.isoformat()}) says “{text}”."
    )
    # Dated statements say when; an undated one beside them only says "at some time".
    weighed = [s for _, s in pairs if _dated(s)] or [s for _, s in pairs]
    on_date = [(s, validity(s, as_of)) for s in weighed]
    if any(v is None for _, v in on_date):
        return not_checked("date_too_coarse", said, as_of, proof)
    held_now = [s for s, v in on_date if v]
    ended = any(ended_before(s, as_of) for s, _ in on_date)
    if status == "former":
        if any(_dated(s) for s in held_now):
            return verdict("contradicted", "still_held_at_date", said, proof, as_of=as_of)
        if ended and not held_now:
            return verdict("supported", "match", said, proof, as_of=as_of)
    elif held_now:
        return verdict("supported", "match", said, proof, as_of=as_of)
    elif ended:
        return verdict("contradicted", "not_held_at_date", said, proof, as_of=as_of)
    return not_checked("no_statement_at_date", said, as_of, proof)


def _absent(member: Entity, group: Entity, as_of: dt.date) -> Verdict:
    if not member.statements.get("member_of") and not group.statements.get("has_part"):
        said = (
            f"{source_name(member)} lists no group for {member.label} "
            f"and no members of {group.label}."
        )
        return not_checked("no_statement", said, as_of)
    said = (
        f"Neither {member.label}'s groups nor {group.label}'s members in "
        f"{source_name(member)} name the other (absence is not proof)."
    )
    return not_checked("no_statement_at_date", said, as_of)


def _naming(entity: Entity, prop: str, other: str) -> list[Statement]:
    return [
        s
        for s in usable(entity.statements.get(prop, ()))
        if isinstance(s.mainsnak.value, EntityRef) and s.mainsnak.value.id == other
    ]


def _dated(statement: Statement) -> bool:
    return "start_time" in statement.qualifiers or "end_time" in statement.qualifiers

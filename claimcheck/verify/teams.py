"""Team membership against member of sports team (the source's statements with start and end
qualifiers) as of the article's date. "member" and "joined": a statement for the team valid on
the date. "former": one that ended before the date, and none valid on it. A team absent from
the person's statements is contradicted only when dated statements put the person at another
team on the date; otherwise it is not judged (a loan or a youth side the source may not hold).
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
    team = linked(claim, facts, "team")
    if not isinstance(team, Entity):
        return not_checked(team[0], team[1], as_of)
    if as_of is None:
        return not_checked("no_date", "The article has no date to check the team at.", as_of)
    statements = usable(person.statements.get("sports_team", ()))
    if not statements:
        said = f"{source_name(person)} lists no team for {person.label}."
        return not_checked("no_statement", said, as_of)
    return _judge(claim, person, team, statements, facts, as_of)


def _judge(
    claim: Claim,
    person: Entity,
    team: Entity,
    statements: list[Statement],
    facts: Facts,
    as_of: dt.date,
) -> Verdict:
    for_team = [s for s in statements if _team_of(s) == team.id]
    on_date = [validity(s, as_of) for s in for_team]
    proof = [evidence(person, s, facts) for s in (for_team or statements)]
    spells = "; ".join(when(s) for s in for_team) or "never"
    said = (
        f"{source_name(person)} lists {person.label} at {team.label}: {spells}; "
        f"the article ({as_of.isoformat()}) says “{claim.text}”."
    )
    if None in on_date:
        return not_checked("date_too_coarse", said, as_of, proof)
    held_now = True in on_date
    held_before = any(ended_before(s, as_of) for s in for_team)  # not: starts after the date
    if claim.value.get("status") == "former":
        if held_now:
            return verdict("contradicted", "still_held_at_date", said, proof, as_of=as_of)
        if held_before:
            return verdict("supported", "match", said, proof, as_of=as_of)
    elif held_now:
        return verdict("supported", "match", said, proof, as_of=as_of)
    elif held_before:
        return verdict("contradicted", "not_held_at_date", said, proof, as_of=as_of)
    elsewhere = [s for s in statements if _team_of(s) != team.id and _dated_valid(s, as_of)]
    if not for_team and elsewhere:
        names = ", ".join(facts.label(r) for s in elsewhere if (r := _ref(s)) is not None)
        said += f" On that date it lists {names}."
        return verdict("contradicted", "mismatch", said, proof, correction=names, as_of=as_of)
    return not_checked("no_statement_at_date", said, as_of, proof)


def _dated_valid(statement: Statement, as_of: dt.date) -> bool:
    return "start_time" in statement.qualifiers and validity(statement, as_of) is True


def _ref(statement: Statement) -> EntityRef | None:
    value = statement.mainsnak.value
    return value if isinstance(value, EntityRef) else None


def _team_of(statement: Statement) -> str | None:
    ref = _ref(statement)
    return ref.id if ref else None

"""Age claims against the date of birth as of the article's date, or as of the date of death
for "died aged 71". A birth date known only to the year allows two ages (before and after
that year's birthday) and one known to the month allows two near its end; the claim is supported
when its range meets the ages the source allows, contradicted only when it meets none of them.
"""

from __future__ import annotations

import datetime as dt

from claimcheck.model import Claim, Entity, Statement, TimeValue, Verdict
from claimcheck.verify.facts import Facts, linked_person
from claimcheck.verify.result import evidence, not_checked, source_name, verdict
from claimcheck.verify.timeselect import best_rank, usable

PRECISE = ("day", "month", "year")


def verify(claim: Claim, facts: Facts, as_of: dt.date | None) -> Verdict:
    if claim.value.get("at") == "past":
        return not_checked("not_at_article_date", "The age is for a time in the past.", as_of)
    person = linked_person(claim, facts)
    if not isinstance(person, Entity):
        return not_checked(*person, as_of)
    births = _dated(person, "date_of_birth")
    if not births:
        said = f"{source_name(person)} holds no date of birth for {person.label}."
        return not_checked("no_statement", said, as_of)
    at = _when(claim, person, as_of)
    if isinstance(at, Verdict):
        return at
    return _judge(claim, person, births, at, as_of)


def _when(claim: Claim, person: Entity, as_of: dt.date | None) -> dt.date | Verdict:
    """The day the age is claimed for: the death for "died aged", else the article's date."""
    if claim.value.get("at") == "death":
        deaths = _dated(person, "date_of_death")
        days = {b for s in deaths if (b := bounds(s.mainsnak.value)) is not None}
        if len(days) != 1 or next(iter(days))[0] != next(iter(days))[1]:
            return not_checked("no_statement", "No single day of death to count the age to.", as_of)
        return next(iter(days))[0]
    if as_of is None:
        return not_checked("no_date", "The article has no date to count the age to.", as_of)
    return as_of


def _judge(
    claim: Claim, person: Entity, births: list[Statement], at: dt.date, as_of: dt.date | None
) -> Verdict:
    low, high = int(claim.value["lower"]), int(claim.value["upper"])
    allowed: set[int] = set()
    for statement in births:
        span = bounds(statement.mainsnak.value)
        if span is not None:
            allowed |= set(range(age_on(span[1], at), age_on(span[0], at) + 1))
    if not allowed:
        return not_checked(
            "source_precision_too_coarse", "The date of birth is coarser than a year.", as_of
        )
    proof = [evidence(person, s) for s in births]
    ages = " or ".join(str(a) for a in sorted(allowed))
    said = (
        f"{source_name(person)} gives {person.label or person.id} a date of birth of "
        f"{_shown(births)}, so an age of {ages} on {at.isoformat()}; the article says "
        f"“{claim.text}”."
    )
    if any(low <= a <= high for a in allowed):
        return verdict("supported", "match", said, proof, as_of=as_of)
    return verdict("contradicted", "mismatch", said, proof, correction=ages, as_of=as_of)


def _dated(entity: Entity, prop: str) -> list[Statement]:
    return [
        s
        for s in best_rank(usable(entity.statements.get(prop, ())))
        if isinstance(s.mainsnak.value, TimeValue)
    ]


def _shown(births: list[Statement]) -> str:
    return " / ".join(
        f"{v.iso} ({v.precision} precision)"
        for s in births
        if isinstance((v := s.mainsnak.value), TimeValue)
    )


def bounds(value: object) -> tuple[dt.date, dt.date] | None:
    """The first and last day a day, month or year value can mean; coarser or BCE: None."""
    if not isinstance(value, TimeValue) or value.precision not in PRECISE:
        return None
    parts = value.iso.lstrip("+").split("-")
    if value.iso.startswith("-") or not parts[0].isdigit():
        return None
    year = int(parts[0])
    if value.precision == "year":
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = int(parts[1])
    if value.precision == "month":
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return dt.date(year, month, 1), following - dt.timedelta(days=1)
    day = dt.date(year, month, int(parts[2]))
    return day, day


def age_on(born: dt.date, day: dt.date) -> int:
    """Whole years from `born` to `day`: one more on the birthday itself (29 February counts
    as passed on 1 March in a common year)."""
    before_birthday = (day.month, day.day) < (born.month, born.day)
    return day.year - born.year - (1 if before_birthday else 0)

"""Counts and quantities with a subject: "NATO's 30 member states", "Bielefeld's population of
334,000", "an area of 103,000 square kilometres".

What is measured comes from a small map of predicate words to semantic properties (PREDICATES),
extended by `Settings.predicates`; the words are looked for in the claim's predicate, then in what
it counts (its unit), then in its sentence-free text. Nothing here guesses beyond the map.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from claimcheck.model import Claim, Entity, Quantity, Statement, TimeValue, Verdict
from claimcheck.normalize.measures import MEASURE_PROPERTIES, PERIOD_PROPERTIES
from claimcheck.verify import numeric, units
from claimcheck.verify.facts import Facts, field_surface, field_text, linked
from claimcheck.verify.result import (
    evidence,
    not_checked,
    property_label,
    show,
    source_name,
    verdict,
    when,
)
from claimcheck.verify.timeselect import select, validity

PREDICATES: dict[str, str] = {
    "member states": "member_count",
    "member countries": "member_count",
    "member nations": "member_count",
    "members": "member_count",
    "member count": "member_count",
    "allies": "member_count",
    "member": "member_count",
    "population": "population",
    "inhabitants": "population",
    "residents": "population",
    "people live": "population",
    "citizens": "population",
    "area": "area",
    "square kilometres": "area",
    "square miles": "area",
    "employees": "employees",
    "staff": "employees",
    "workers": "employees",
    "workforce": "employees",
    **MEASURE_PROPERTIES,
}
NUMERIC_KINDS = ("count", "quantity", "money", "percent", "membership_count")


def predicate_property(claim: Claim, extra: Mapping[str, str]) -> str | None:
    """The semantic property the claim's number is about, by the longest matching predicate
    words (config words first, so a newsroom can override)."""
    if claim.kind == "membership_count":
        return "member_count"
    table = {**PREDICATES, **{k.lower(): v for k, v in extra.items()}}
    texts = [
        field_text(claim, "predicate"),
        (claim.fields.get("predicate") or {}).get("measure"),
        field_surface(claim, "predicate"),
        field_text(claim, "counted"),
        claim.value.get("unit"),
    ]
    for text in texts:
        if not text:
            continue
        lowered = f" {str(text).lower()} "
        hits = [w for w in table if f" {w} " in lowered]
        if hits:
            return table[max(hits, key=len)]
    unit = units.canonical(claim.value.get("unit"))
    if unit and unit.startswith("square"):
        return "area"
    return None


def verify(claim: Claim, facts: Facts, as_of: dt.date | None) -> Verdict:
    prop = predicate_property(claim, facts.extra_predicates)
    if prop is None:
        return not_checked(
            "predicate_not_mapped",
            "What this number measures is not one the "
            "source is asked about (see the predicate map).",
            as_of,
        )
    subject = linked(
        claim, facts, "organization" if claim.kind == "membership_count" else "subject"
    )
    if not isinstance(subject, Entity):
        return not_checked(subject[0], subject[1], as_of)
    claim_reading = numeric.reading(claim.value, claim.text, claim.kind)
    if claim_reading is None:
        return not_checked("not_checkable_kind", "The claim carries no amount to compare.", as_of)
    statements = subject.statements.get(prop, ())
    period = period_year(claim)
    if prop in PERIOD_PROPERTIES and period is None:
        return not_checked(
            "no_period", "A figure of a period needs its year to be compared.", as_of
        )
    dated = period is not None and prop in PERIOD_PROPERTIES | {"market_cap", "total_assets"}
    if dated and period is not None:
        if statements and not of_year(statements, period):
            return not_checked(
                "no_statement_at_date",
                f"{source_name(subject)} holds no {property_label(prop)} of "
                f"{subject.label or subject.id} for {period}.",
                as_of,
            )
        statements = of_year(statements, period)
    if prop == "member_count" and not select(statements, as_of).statements:
        counted = _count_members(subject, facts, as_of)
        if counted is not None:
            return _judge_count(claim, claim_reading, subject, counted, as_of)
    chosen = select(statements, None if dated else as_of)
    if not chosen.statements:
        return not_checked(
            chosen.reason or "no_statement_at_date",
            _missing_sentence(subject, prop, chosen.reason, as_of),
            as_of,
        )
    return _judge(claim, claim_reading, subject, prop, chosen.statements, statements, facts, as_of)


def period_year(claim: Claim) -> int | None:
    """The year of the period the figure states ("in 2023", "fiscal 2023", "last year")."""
    period = claim.fields.get("period")
    if isinstance(period, Mapping) and period.get("resolved") and period.get("date"):
        return int(str(period["date"])[:4])
    return None


def of_year(statements: tuple[Statement, ...], year: int) -> tuple[Statement, ...]:
    """Statements of that year as the source dates them: a fiscal year ending 2024-03-31 is the
    source's 2024 when it says so, never converted."""
    out = []
    for statement in statements:
        snaks = statement.qualifiers.get("point_in_time", ())
        value = snaks[0].value if snaks else None
        if isinstance(value, TimeValue) and value.iso.lstrip("+")[:4] == f"{year:04d}":
            out.append(statement)
    return tuple(out)


def _missing_sentence(entity: Entity, prop: str, reason: str | None, as_of: dt.date | None) -> str:
    name = entity.label or entity.id
    if reason == "property_not_in_source":
        return f"{source_name(entity)} holds no {property_label(prop)} for {name}."
    if reason == "date_too_coarse":
        return f"The dates of {name}'s {property_label(prop)} are too coarse for {as_of}."
    return f"{source_name(entity)} holds no {property_label(prop)} for {name} valid on {as_of}."


def amount_in_claim_unit(
    claim: Claim, q: Quantity
) -> tuple[Decimal, Decimal | None, Decimal | None] | None:
    """The source amount (and bounds) in the claim's unit; None when the units cannot be
    reconciled. A count's unit is the counted noun, which matches a unitless source amount."""
    claim_unit = claim.value.get("unit")
    known = units.canonical(claim_unit) or (claim_unit if units.is_currency(claim_unit) else None)
    if q.unit is None:
        return (q.amount, q.lower, q.upper) if known is None else None
    if known is None:
        return None

    def conv(x: Decimal | None) -> Decimal | None:
        return None if x is None else units.convert(x, q.unit or "", known)

    amount = conv(q.amount)
    return None if amount is None else (amount, conv(q.lower), conv(q.upper))


def _judge(
    claim: Claim,
    reading: numeric.Reading,
    subject: Entity,
    prop: str,
    chosen: tuple[Statement, ...],
    every: tuple[Statement, ...],
    facts: Facts,
    as_of: dt.date | None,
) -> Verdict:
    outcomes = []
    for statement in chosen:
        q = statement.mainsnak.value
        if not isinstance(q, Quantity):
            continue
        converted = amount_in_claim_unit(claim, q)
        if converted is None:
            continue
        amount, low, high = converted
        outcomes.append(
            (numeric.compare(reading, amount, low, high, _claim_amount(claim)), statement, q)
        )
    if not outcomes:
        return not_checked(
            "unit_mismatch",
            f"The article's unit ({claim.value.get('unit')}) and "
            f"the source's ({show(chosen[0].mainsnak.value)}) cannot be compared.",
            as_of,
            [evidence(subject, s, facts) for s in chosen],
        )
    order = {"match": 0, "minor_mismatch": 1, "mismatch": 2}
    outcome, statement, q = min(outcomes, key=lambda o: order[o[0]])
    said = (
        f"{source_name(subject)} lists {show(q)} as the {property_label(prop)} of "
        f"{subject.label or subject.id} on {as_of or 'the latest date it knows'} "
        f"({property_label(prop)}, {when(statement)}); the article says “{claim.text}”."
    )
    proof = [evidence(subject, statement, facts)]
    if outcome == "match":
        return verdict(
            "supported",
            "match",
            said,
            proof,
            note=_since(subject, prop, q, every, as_of),
            as_of=as_of,
        )
    return verdict("contradicted", outcome, said, proof, correction=q.amount, as_of=as_of)


def _claim_amount(claim: Claim) -> Decimal | None:
    raw = claim.value.get("amount")
    return None if raw is None else Decimal(str(raw))


def _since(
    subject: Entity, prop: str, then: Quantity, every: tuple[Statement, ...], as_of: dt.date | None
) -> str | None:
    """ "Has since changed" when the latest value the source holds differs from the one used."""
    if as_of is None:
        return None
    latest = select(every, None).statements
    if not latest or any(s.mainsnak.value == then for s in latest):
        return None
    statement = latest[0]
    return (
        f"has since changed: {subject.label or subject.id} has a {property_label(prop)} of "
        f"{show(statement.mainsnak.value)} ({when(statement)})"
    )


def _count_members(
    org: Entity, facts: Facts, as_of: dt.date | None
) -> list[tuple[Entity, Statement]] | None:
    """Member-of statements naming `org` valid on the date, from the complete member list the
    source gave; None when it gave none, or when some membership's dates are too coarse to tell
    (an undercount would turn into a false contradiction)."""
    members = facts.members.get(org.id)
    if not members or as_of is None:
        return None
    found = []
    for member in members:
        naming = [
            s
            for s in member.statements.get("member_of", ())
            if s.rank != "deprecated" and getattr(s.mainsnak.value, "id", None) == org.id
        ]
        states = [validity(s, as_of) for s in naming]
        if True in states:
            found.append((member, naming[states.index(True)]))
        elif None in states:
            return None
    return found


def _judge_count(
    claim: Claim,
    reading: numeric.Reading,
    org: Entity,
    found: list[tuple[Entity, Statement]],
    as_of: dt.date | None,
) -> Verdict:
    count = Decimal(len(found))
    outcome = numeric.compare(reading, count, reference=_claim_amount(claim))
    said = (
        f"{len(found)} entities in {source_name(org)} are members of {org.label or org.id} on "
        f"{as_of} (counted from their member-of statements); the article says “{claim.text}”."
    )
    proof = [evidence(member, statement) for member, statement in found]
    if outcome == "match":
        return verdict("supported", "match", said, proof, as_of=as_of)
    return verdict("contradicted", outcome, said, proof, correction=count, as_of=as_of)

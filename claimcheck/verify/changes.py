"""A stated change against a source that holds its other end: "revenue grew 12% to $20.4bn in
2023" and the source's 2022 revenue. Pure: the stage hands in the claims and what it gathered.

The change's figure (`by`) is what is judged. Its stated end (`to`) and the change give the
other end as an interval from both figures' rounding ("12%" is 11.5–12.5%, "$20.4bn" is
$20.35–20.45bn); the source's value for the base period (the stated one, else the year before the
figure's) must fall inside it, with the same `minor_mismatch` slack as every number. Without a
base year, a subject, or an end, the change is `not_checked`: it is never compared with a level.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from claimcheck.model import Claim, Entity, Evidence, Quantity, Statement, Verdict
from claimcheck.verify import numeric
from claimcheck.verify.facts import Facts, linked
from claimcheck.verify.quantities import (
    amount_in_claim_unit,
    of_year,
    period_year,
    predicate_property,
)
from claimcheck.verify.result import (
    evidence,
    not_checked,
    property_label,
    source_name,
    verdict,
    when,
)
from claimcheck.verify.statistics import claim_reading, restyle

LEVEL_KINDS = frozenset({"money", "count", "quantity"})
_INF = Decimal("Infinity")
SourceAmount = tuple[Decimal, Decimal | None, Decimal | None]  # a value with its bounds


@dataclass(frozen=True)
class Stated:
    """A change told by one figure (`by`) with the end it reached (`end`)."""

    by: Claim
    end: Claim
    direction: str  # "up" or "down"
    base_period: Mapping[str, Any] | None


def role(claim: Claim) -> str | None:
    change = claim.fields.get("change")
    return str(change.get("role")) if isinstance(change, Mapping) else None


def ends_by_span(claims: Iterable[Claim]) -> dict[tuple[int, int], Claim]:
    return {(c.span.start, c.span.end): c for c in claims if role(c) in ("to", "from")}


def stated(claim: Claim, ends: Mapping[tuple[int, int], Claim]) -> Stated | Verdict | None:
    """The change `claim` states, a refusal when it states one that cannot be checked, or None
    when the claim is no change figure (`ends` from `ends_by_span` of its document)."""
    if role(claim) != "by":
        return None
    change: Mapping[str, Any] = claim.fields["change"]
    to = change.get("to")
    span = to.get("span") if isinstance(to, Mapping) else None
    end = ends.get(_key(span)) if span is not None else None
    if end is None or end.kind not in LEVEL_KINDS:
        return not_checked(
            "no_change_end",
            f"“{claim.text}” is a change; the article gives no level it reached to compare.",
        )
    return Stated(claim, end, str(change.get("direction")), change.get("base_period"))


def _key(span: Any) -> tuple[int, int]:
    if isinstance(span, Mapping):
        return int(span.get("start", -1)), int(span.get("end", -1))
    return int(getattr(span, "start", -1)), int(getattr(span, "end", -1))


def base_year(change: Stated | Claim) -> int | tuple[str, str]:
    """The year the other end belongs to: the stated base period ("a year earlier", "the
    previous year") or the year before the figure's; (reason, sentence) when there is none."""
    claim = change.end if isinstance(change, Stated) else change
    base = change.base_period if isinstance(change, Stated) else _base_of(claim)
    words = str((base or {}).get("text", "")).lower()
    if any(w in words for w in ("quarter", "month", "period")) and "year" not in words:
        return "no_base_period", f"The change is against “{words}”, not a year the source holds."
    period = claim.fields.get("period")
    year = period_year(claim)
    if year is None or str((period or {}).get("precision")) not in ("year", "fiscal year"):
        return "no_period", "The change needs the year of its figure to find the year before."
    return year - 1


def _base_of(claim: Claim) -> Mapping[str, Any] | None:
    change = claim.fields.get("change")
    return change.get("base_period") if isinstance(change, Mapping) else None


def as_base_figure(claim: Claim) -> Claim | Verdict:
    """A change's `from` figure is a value of the base year: the claim with that period."""
    year = base_year(claim)
    if isinstance(year, tuple):
        return not_checked(*year)
    period = {"text": f"{year}", "date": f"{year:04d}", "precision": "year", "resolved": True}
    return replace(claim, fields={**claim.fields, "period": period})


def implied_base(change: Stated, slack: Decimal = Decimal(0)) -> numeric.Reading | None:
    """The interval the other end must lie in, from both figures' rounding (the change widened
    by `slack` of itself); None when the two figures cannot be put together (units differ)."""
    end, by = claim_reading(change.end), claim_reading(change.by)
    stated_by = change.by.value.get("amount")
    if by is not None and slack and stated_by is not None:
        by = by.widened(slack, Decimal(str(stated_by)))
    relative = change.by.kind == "percent" and change.by.value.get("unit") == "percent"
    absolute = change.by.kind == change.end.kind and _same_unit(change.by, change.end)
    if end is None or by is None or not (relative or absolute):
        return None
    sign = 1 if change.direction == "up" else -1
    moves = sorted(sign * _bound(b, s) for b, s in ((by.lower, -1), (by.upper, 1)))
    low = _before(_bound(end.lower, -1), moves[1], relative)
    high = _before(_bound(end.upper, 1), moves[0], relative)
    return numeric.Reading(_finite(low), _finite(high), words="implied")


def _same_unit(a: Claim, b: Claim) -> bool:
    return a.value.get("unit") == b.value.get("unit")


def _bound(x: Decimal | None, side: int) -> Decimal:
    return x if x is not None else _INF * side


def _before(end: Decimal, move: Decimal, relative: bool) -> Decimal:
    """The value before a change of `move` (percent, or in the end's unit) that reached `end`."""
    if not relative:
        return end - move
    factor = 1 + move / 100
    return _INF if factor <= 0 else end / factor


def _finite(x: Decimal) -> Decimal | None:
    return x if x.is_finite() else None


def verify_change(change: Stated, facts: Facts, as_of: dt.date | None) -> Verdict:
    """The change against the knowledge source's value of the base year (a company's revenue)."""
    prop = predicate_property(change.end, facts.extra_predicates)
    if prop is None:
        return not_checked("predicate_not_mapped", "What the change measures is not mapped.", as_of)
    subject = linked(change.by, facts, "subject")
    if not isinstance(subject, Entity):
        return not_checked(subject[0], subject[1], as_of)
    year = base_year(change)
    if isinstance(year, tuple):
        return not_checked(*year, as_of)
    held = of_year(subject.statements.get(prop, ()), year)
    found = [(s, _in_unit(change.end, s)) for s in held]
    usable = [(s, amount) for s, amount in found if amount is not None]
    if not usable:
        return _no_base_value(change, subject, prop, year, facts, held, as_of)
    statement, amount = usable[0]
    holder = f"{source_name(subject)} lists {_number(change.end, amount[0])} as the "
    holder += f"{property_label(prop)} of {subject.label or subject.id} for {year} "
    holder += f"({when(statement)})"
    return judge(change, amount, holder, [evidence(subject, statement, facts)], as_of)


def _in_unit(end: Claim, statement: Statement) -> SourceAmount | None:
    value = statement.mainsnak.value
    return amount_in_claim_unit(end, value) if isinstance(value, Quantity) else None


def _no_base_value(
    change: Stated,
    subject: Entity,
    prop: str,
    year: int,
    facts: Facts,
    held: tuple[Statement, ...],
    as_of: dt.date | None,
) -> Verdict:
    if held:  # currencies compare only with themselves
        shown = [evidence(subject, s, facts) for s in held]
        why = f"“{change.end.text}” and {source_name(subject)}'s {year} value differ in unit."
        return not_checked("unit_mismatch", why, as_of, shown)
    name = subject.label or subject.id
    return not_checked(
        "no_statement_at_date",
        f"{source_name(subject)} holds no {property_label(prop)} of {name} for {year}.",
        as_of,
    )


def judge(
    change: Stated,
    amount: SourceAmount,
    holder: str,
    proof: Sequence[Evidence],
    as_of: dt.date | None,
) -> Verdict:
    """Supported when the source's base value (with its bounds) lies in the implied interval;
    a minor mismatch when it would with the change off by MINOR_TOLERANCE of itself ("7.2%" for
    6.9%), as any figure may be: the slack is the change's, not the level's, or "12%" for 6.9%
    would pass as a slip."""
    implied = implied_base(change)
    if implied is None:
        return not_checked(
            "unit_mismatch",
            f"“{change.by.text}” and “{change.end.text}” cannot be put together.",
            as_of,
            proof,
        )
    value = amount[0]
    outcome = "match" if _inside(implied, amount) else "mismatch"
    wider = implied_base(change, numeric.MINOR_TOLERANCE)
    if outcome != "match" and wider and _inside(wider, amount):
        outcome = "minor_mismatch"
    word = "up" if change.direction == "up" else "down"
    told = f"“{change.by.text}” {word} to “{change.end.text}”"
    said = f"{holder}; {told} implies {_span(change, implied)}."
    if outcome == "match":
        return verdict("supported", "match", said, proof, as_of=as_of)
    return verdict(
        "contradicted", outcome, said, proof, correction=_correction(change, value), as_of=as_of
    )


def _correction(change: Stated, base: Decimal) -> str | None:
    """The change the source's base value gives, written as the article wrote its own."""
    end = change.end.value.get("amount")
    if end is None or base == 0:
        return None
    reached = Decimal(str(end))
    sign = 1 if change.direction == "up" else -1
    relative = change.by.kind == "percent"
    moved = (reached / base - 1) * 100 if relative else reached - base
    return restyle(change.by, sign * moved, 1)


def _span(change: Stated, implied: numeric.Reading) -> str:
    low, high = implied.lower, implied.upper
    if low is None and high is None:
        return "any value"
    if low is None or high is None:
        bound = low if high is None else high
        return f"{'at least' if high is None else 'at most'} {_number(change.end, bound)}"
    return f"{_number(change.end, low)}–{_number(change.end, high)}"


def _number(end: Claim, x: Decimal | None) -> str:
    """A value written as the end figure is ("$20.4bn" → "$18.2bn")."""
    return "—" if x is None else restyle(end, x, 1)


def _inside(implied: numeric.Reading, amount: SourceAmount) -> bool:
    value, low, high = amount
    return numeric.compare(implied, value, low, high, Decimal(0)) == "match"

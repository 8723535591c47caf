"""Dates of events the source holds: birth, death, founding, dissolution.

Comparison is precision-aware: both dates are compared at the coarser of the two precisions. When
the article is more precise than the source ("born on 31 May 1162" against a source that knows only
the year) and they agree as far as the source goes, the claim is not checked — the source cannot
confirm the day — rather than supported.
"""

from __future__ import annotations

import datetime as dt
import re

from claimcheck.model import Claim, Entity, TimeValue, Verdict
from claimcheck.verify.facts import Facts, field_text, linked
from claimcheck.verify.result import (
    evidence,
    not_checked,
    property_label,
    show,
    source_name,
    verdict,
)
from claimcheck.verify.timeselect import best_rank, usable

DATE_PREDICATES: dict[str, str] = {
    "born": "date_of_birth",
    "birth": "date_of_birth",
    "died": "date_of_death",
    "death": "date_of_death",
    "killed": "date_of_death",
    "founded": "inception",
    "established": "inception",
    "created": "inception",
    "formed": "inception",
    "set up": "inception",
    "inception": "inception",
    "dissolved": "dissolved",
    "disbanded": "dissolved",
    "abolished": "dissolved",
}
ORDER = ("year", "month", "day")


def date_property(claim: Claim) -> str | None:
    """The event the date belongs to: the predicate's words, else the event word nearest before
    the date in its sentence ("born on March 11, 1952, died on May 11, 2001")."""
    predicate = f" {(field_text(claim, 'predicate') or '').lower()} "
    hits = [w for w in DATE_PREDICATES if f" {w} " in predicate]
    if hits:
        return DATE_PREDICATES[max(hits, key=len)]
    sentence = claim.sentence.lower()
    at = sentence.find(claim.text.lower())
    found = [(m.start(), w) for w in DATE_PREDICATES for m in re.finditer(rf"\b{w}\b", sentence)]
    before = [f for f in found if at < 0 or f[0] < at]
    if not before:
        return None
    return DATE_PREDICATES[max(before)[1]]


def truncate(iso: str, precision: str) -> str:
    parts = iso.lstrip("+").split("T")[0].split("-")
    return "-".join(parts[: ORDER.index(precision) + 1])


def verify(claim: Claim, facts: Facts, as_of: dt.date | None) -> Verdict:
    claimed, precision = claim.value.get("date"), claim.value.get("precision")
    if not claimed or precision not in ORDER:
        return not_checked(
            "not_checkable_kind",
            "The date is not a calendar date at day, month or year precision.",
            as_of,
        )
    has_subject = field_text(claim, "subject") or facts.implied_subjects.get(claim.id)
    prop = date_property(claim) if has_subject else None
    if prop is None:
        return not_checked(
            "not_checkable_kind",
            "The date is not tied to an event the source "
            "records (birth, death, founding, dissolution).",
            as_of,
        )
    subject = linked(claim, facts, "subject")
    if not isinstance(subject, Entity):
        return not_checked(subject[0], subject[1], as_of)
    chosen = best_rank(usable(subject.statements.get(prop, ())))
    if not chosen:
        return not_checked(
            "property_not_in_source",
            f"{source_name(subject)} holds no "
            f"{property_label(prop)} for {subject.label or subject.id}.",
            as_of,
        )
    return _judge(claim, str(claimed), precision, subject, prop, chosen, facts, as_of)


def _judge(
    claim: Claim,
    claimed: str,
    precision: str,
    subject: Entity,
    prop: str,
    chosen: tuple,
    facts: Facts,
    as_of: dt.date | None,
) -> Verdict:
    results = []
    for statement in chosen:
        value = statement.mainsnak.value
        if not isinstance(value, TimeValue) or value.precision not in ORDER:
            continue
        common = min(ORDER.index(precision), ORDER.index(value.precision))
        same = truncate(claimed, ORDER[common]) == truncate(value.iso, ORDER[common])
        coarse = ORDER.index(value.precision) < ORDER.index(precision)
        results.append(
            (
                "match" if same and not coarse else "too_coarse" if same else "mismatch",
                statement,
                value,
            )
        )
    if not results:
        return not_checked("date_too_coarse", "The source's date is coarser than a year.", as_of)
    rank = {"match": 0, "too_coarse": 1, "mismatch": 2}
    outcome, statement, value = min(results, key=lambda r: rank[r[0]])
    said = (
        f"{source_name(subject)} gives {show(value)} ({value.precision} precision) as the "
        f"{property_label(prop)} of {subject.label or subject.id}; the article says “{claim.text}”."
    )
    proof = [evidence(subject, statement, facts)]
    if outcome == "match":
        return verdict("supported", "match", said, proof, as_of=as_of)
    if outcome == "too_coarse":
        return not_checked("source_precision_too_coarse", said, as_of, proof)
    return verdict("contradicted", "mismatch", said, proof, correction=show(value), as_of=as_of)

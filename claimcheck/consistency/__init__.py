"""Internal consistency: what an article contradicts about itself, found without any network.

Each rule reads the document text and its extracted claims and returns findings naming every
span involved. `RULES` is the public table of codes other stages (rule selection, exit codes)
build on; the codes are stable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from claimcheck.consistency import (
    changes,
    clock,
    conversions,
    figures,
    lists,
    timeline,
    weekdays,
    wholes,
)
from claimcheck.consistency.context import Context
from claimcheck.model import Claim, Document, Finding

RULES: dict[str, tuple[str, str, str]] = {
    "CC501": (
        "weekday-vs-date",
        "error",
        "a weekday written next to (or resolved onto) a date it does not fall on",
    ),
    "CC502": (
        "relative-weekday-after",
        "warning",
        "a weekday told as past that cannot be placed before the document date",
    ),
    "CC503": ("conflicting-bounds", "warning", "bounds on the same quantity that cannot both hold"),
    "CC504": (
        "different-values",
        "warning",
        "the same figure stated with different values beyond its rounding",
    ),
    "CC505": ("parts-and-whole", "error", "parts that do not add up to the whole stated"),
    "CC506": ("ordinal-above-total", "error", "an ordinal above its own total"),
    "CC507": ("shares-over-100", "warning", "percentages of one whole adding up to over 100"),
    "CC508": ("count-vs-named", "error", "a stated count that differs from the items named"),
    "CC509": ("duration-vs-clock", "warning", "a duration the stated clock times do not allow"),
    "CC510": (
        "tense-vs-document-date",
        "warning",
        "past told after the document date, or future before it",
    ),
    "CC511": (
        "conversion-vs-rate",
        "warning",
        "a currency conversion the year's exchange rate does not allow (±10%)",
    ),
    "CC512": (
        "change-arithmetic",
        "warning",
        "a stated change that its own from / to / by figures do not add up to",
    ),
}

Rule = Callable[[Context], Iterable[Finding]]
CHECKS: dict[str, Rule] = {
    "CC501": weekdays.weekday_vs_date,
    "CC502": weekdays.relative_weekday_after,
    "CC503": figures.conflicting_bounds,
    "CC504": figures.different_values,
    "CC505": wholes.parts_and_whole,
    "CC506": wholes.ordinal_above_total,
    "CC507": wholes.shares_over_whole,
    "CC508": lists.count_vs_named,
    "CC509": clock.duration_vs_clock,
    "CC510": timeline.tense_vs_document_date,
    "CC511": conversions.conversion_vs_rate,
    "CC512": changes.change_arithmetic,
}


def find_inconsistencies(document: Document, claims: Sequence[Claim]) -> list[Finding]:
    """Every internal inconsistency in one document, in document order."""
    ctx = Context(document, tuple(claims))
    findings = {
        (f.span, f.rule, f.spans, f.claims): f for rule in CHECKS.values() for f in rule(ctx)
    }
    return [findings[key] for key in sorted(findings)]


def sort_key(finding: Finding) -> tuple:
    """The one order findings are written in: by position, then rule, then what they involve."""
    return (finding.span, finding.rule, finding.spans, finding.claims, finding.message)


__all__ = ["RULES", "CHECKS", "find_inconsistencies", "sort_key"]

"""The statistics verification stage: claims whose `statistic` names a measure a statistics
source serves, about a country (or an aggregate the article names), are asked of that source;
everything else goes to the knowledge source as before. One `verification` written per claim."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any

from claimcheck.errors import SourceUnavailable
from claimcheck.model import Area, Claim, Verdict
from claimcheck.sources.base import StatisticsSource
from claimcheck.verify.releases import judge
from claimcheck.verify.result import not_checked
from claimcheck.verify.statistics import question

# Measures Wikidata also answers for places that are not countries (a city's population).
ALSO_ENTITIES = frozenset({"population", "surface_area"})


def statistics_route(claim: Claim, source: StatisticsSource) -> tuple[str, Area | None] | None:
    """(measure, area) when the statistics source should answer the claim; None otherwise."""
    stat: Mapping[str, Any] = claim.fields.get("statistic") or {}
    measure = stat.get("measure")
    if not measure or source.indicator(str(measure)) is None:
        return None
    subject = stat.get("subject") or {}
    area = source.area(subject.get("canonical"), subject.get("text"))
    if area is None and measure in ALSO_ENTITIES:
        return None  # "Lisbon, home to half a million people": the knowledge source's to check
    return str(measure), area


def verify_statistic(claim: Claim, source: StatisticsSource, as_of: dt.date | None) -> Claim:
    route = statistics_route(claim, source)
    assert route is not None
    return dataclasses.replace(claim, verification=_verification(claim, route, source, as_of))


def _verification(
    claim: Claim,
    route: tuple[str, Area | None],
    source: StatisticsSource,
    as_of: dt.date | None,
) -> Verdict:
    measure, area = route
    indicator = source.indicator(measure)
    assert indicator is not None
    if area is None:
        return not_checked("no_subject", "The figure names no country it is about.", as_of)
    ask = question(claim, as_of)
    if ask.refusal is not None:
        return not_checked(*ask.refusal, as_of)
    try:
        found = source.observations(indicator.code, area.code, ask.years)
    except SourceUnavailable as err:
        reason = getattr(err, "reason", "source_unavailable")
        return not_checked(reason, f"The statistics source could not answer: {err}", as_of)
    return judge(claim, indicator, area, found, ask, as_of)

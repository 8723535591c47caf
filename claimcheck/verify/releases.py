"""Statistics as they were published: a figure about year Y in an article dated D is held against
the release in force on D — the latest release published on or before D that has a value for Y
— not against today's revised figure. Pure: the stage fetches the observations.

- matches the release in force → supported; the evidence says when today's figure differs;
- matches only a later release (or today's data) → supported, with a note that it was not yet
  published then;
- matches a release replaced before D → a warning (`superseded_release`);
- matches none: within the indicator's tolerance of the release in force → a warning
  (`minor_mismatch`), beyond it → contradicted;
- no release known: today's figure with the revision band of the indicator and economy group
  (verify/bands.py): inside the band a warning (`likely_revision`), outside contradicted.

Releases are dated to the month: one published in D's own month may or may not have been out on
D, so either it or the one before counts as in force.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from claimcheck.model import Area, Claim, Indicator, Observation, Verdict
from claimcheck.verify import numeric
from claimcheck.verify.bands import band, economy
from claimcheck.verify.result import not_checked, verdict
from claimcheck.verify.statistics import (
    Amount,
    Question,
    claim_amount,
    claim_reading,
    evidence,
    plain,
    restyle,
    unit_sentence,
)

# Reasons of a contradicted statistic that are warnings, not errors (policy/findings.py).
WARNING_REASONS = frozenset(
    {"minor_mismatch", "likely_revision", "superseded_release", "year_guessed"}
)
_MONTHS = "January February March April May June July August September October November December"


@dataclass(frozen=True)
class Figures:
    """What the sources hold for one year: each past release's value (oldest first) and the
    current data's."""

    year: int
    releases: tuple[Observation, ...]
    current: Observation | None
    unpublished: tuple[str, ...] = ()  # releases known to have had no value for the year yet

    @classmethod
    def of(cls, observations: Sequence[Observation], year: int) -> Figures:
        mine = [o for o in observations if o.year == year]
        valued = [o for o in mine if o.value is not None]
        by_release = {o.vintage: o for o in valued if o.vintage}
        current = next((o for o in valued if not o.vintage), None)
        empty = sorted({o.vintage for o in mine if o.vintage and o.vintage not in by_release})
        return cls(year, tuple(by_release[v] for v in sorted(by_release)), current, tuple(empty))

    @property
    def empty(self) -> bool:
        return not self.releases and self.current is None


Used = tuple[tuple[Observation, str], ...]  # (value, its role) for the evidence


@dataclass(frozen=True)
class Outcome:
    verdict: str
    reason: str
    said: str
    used: Used
    correction: Observation | None = None
    note: str | None = None


def month_name(vintage: str) -> str:
    """'2005-04' → 'April 2005'."""
    year, _, month = vintage.partition("-")
    return f"{_MONTHS.split()[int(month) - 1]} {year}" if month.isdigit() else vintage


class Judge:
    """One claim's reading against the figures of one year."""

    def __init__(self, claim: Claim, indicator: Indicator, area: Area, amount: Amount) -> None:
        self.claim, self.indicator, self.area, self.amount = claim, indicator, area, amount
        reading = claim_reading(claim)
        assert reading is not None
        self.reading = reading

    def _claimed(self, found: Observation) -> Decimal:
        assert found.value is not None
        return found.value * self.amount.sign / self.amount.scale

    def matches(self, found: Observation) -> bool:
        return self.reading.contains(self._claimed(found))

    def near(self, found: Observation, slack: Callable[[Decimal], Decimal]) -> bool:
        assert found.value is not None
        width = slack(found.value) / self.amount.scale
        low, high = self.reading.lower, self.reading.upper
        widened = numeric.Reading(
            None if low is None else low - width, None if high is None else high + width
        )
        return widened.contains(self._claimed(found))

    def band(self, value: Decimal) -> Decimal:
        return band(self.indicator, self.area.code, value)

    def figures(self, figures: Figures, as_of: dt.date | None) -> Outcome:
        if (figures.releases or figures.unpublished) and as_of is not None:
            return self._by_release(figures, as_of)
        today = figures.current or figures.releases[-1]
        return self._against_today(today, figures)

    def _against_today(self, today: Observation, figures: Figures) -> Outcome:
        said = self._said(today, None)
        if self.matches(today):
            return Outcome("supported", "match", said, ((today, "current"),))
        used = ((today, "current"),)
        if self.near(today, self.band):
            said += f" {self._band_sentence(today)}"
            return Outcome("contradicted", "likely_revision", said, used, today)
        return Outcome("contradicted", "mismatch", said, used, today)

    def _by_release(self, figures: Figures, as_of: dt.date) -> Outcome:
        month = f"{as_of.year:04d}-{as_of.month:02d}"
        before = [r for r in figures.releases if (r.vintage or "") < month]
        same = [r for r in figures.releases if r.vintage == month]
        later = [r for r in figures.releases if (r.vintage or "") > month]
        in_force = [*before[-1:], *same]
        newest = figures.current or figures.releases[-1]
        for found in in_force:
            if self.matches(found):
                return self._in_force_match(found, newest, as_of)
        for found in [*later, *([figures.current] if figures.current else [])]:
            if self.matches(found):
                return self._later_match(found, in_force, as_of)
        for found in reversed(before[:-1]):
            if self.matches(found):
                return self._superseded(found, in_force[0], as_of)
        if in_force:
            return self._against_in_force(in_force, newest, as_of)
        first = later[0] if later else newest
        outcome = self._against_today(first, figures)
        note = (
            f"No release published by {as_of} had a figure for {figures.year}; the first, in "
            f"{self._published(first)}, gave {plain(first.value)}."
        )
        return replace(outcome, note=note)

    def _in_force_match(self, found: Observation, newest: Observation, as_of: dt.date) -> Outcome:
        said = self._said(found, as_of)
        if newest is found or self.matches(newest):
            return Outcome("supported", "match", said, ((found, "in_force"),))
        note = (
            f"Published as {plain(found.value)} in {self._published(found)}; revised to "
            f"{plain(newest.value)} since ({self._published(newest)})."
        )
        used = ((found, "in_force"), (newest, _role(newest)))
        return Outcome("supported", "match", said, used, note=note)

    def _later_match(
        self, found: Observation, in_force: Sequence[Observation], as_of: dt.date
    ) -> Outcome:
        said = self._said(found, None)
        if in_force:
            then = in_force[-1]
            note = (
                f"The release in force on {as_of} ({self._published(then)}) gave "
                f"{plain(then.value)}; the article's figure is the one published in "
                f"{self._published(found)}: it was not yet published by the World Bank then."
            )
            used: Used = ((found, _role(found)), (then, "in_force"))
        else:
            note = (
                f"No World Bank release by {as_of} had a figure for {found.year}; the article's "
                f"figure matches the one published in {self._published(found)}."
            )
            used = ((found, _role(found)),)
        return Outcome("supported", "match_later_release", said, used, note=note)

    def _superseded(self, found: Observation, then: Observation, as_of: dt.date) -> Outcome:
        said = (
            f"The article's figure is the one the World Bank published in "
            f"{self._published(found)}; the release in force on {as_of} "
            f"({self._published(then)}) gives {self.area.name} {plain(then.value)} for "
            f"{found.year}; the article says “{self.claim.text}”."
        )
        used = ((then, "in_force"), (found, "earlier_release"))
        return Outcome("contradicted", "superseded_release", said, used, then)

    def _against_in_force(
        self, in_force: Sequence[Observation], newest: Observation, as_of: dt.date
    ) -> Outcome:
        """No release fits: held against the one in force (the later, when a release of the
        article's own month may have been out); within the tolerance of either, a warning."""
        then = in_force[-1]
        said = self._said(then, as_of)
        used: Used = ((then, "in_force"),)
        if newest is not then and plain(newest.value) != plain(then.value):
            used += ((newest, _role(newest)),)
            said = said.replace(
                "; the article",
                f" (revised to {plain(newest.value)} since); the article",
                1,
            )
        near = any(self.near(found, self.indicator.slack) for found in in_force)
        reason = "minor_mismatch" if near else "mismatch"
        return Outcome("contradicted", reason, said, used, then)

    def _published(self, found: Observation) -> str:
        if found.vintage:
            return f"the {month_name(found.vintage)} release"
        return (
            f"today's data (updated {found.lastupdated})" if found.lastupdated else "today's data"
        )

    def _said(self, found: Observation, as_of: dt.date | None) -> str:
        where = f"{found.indicator}, {found.indicator_title}"
        if found.vintage and as_of is not None:
            who = (
                f"The World Bank's {month_name(found.vintage)} release ({where}), the one in "
                f"force on {as_of}, gave"
            )
        elif found.vintage:
            who = f"The World Bank's {month_name(found.vintage)} release ({where}) gave"
        else:
            who = f"The World Bank ({where}) gives"
        return (
            f"{who} {found.country_name} {plain(found.value)} for {found.year}; the article says "
            f"“{self.claim.text}”."
        )

    def _band_sentence(self, today: Observation) -> str:
        assert today.value is not None
        group = economy(self.area.code).replace("_", "-")
        return (
            f"That is within how much first-published figures are revised in {group} economies "
            f"(±{plain(self.band(today.value))}{'' if self.indicator.relative else ' points'}), "
            "and no release of the article's time is known: possibly a revision, not an error."
        )


def _role(found: Observation) -> str:
    return "later_release" if found.vintage else "current"


def judge(
    claim: Claim,
    indicator: Indicator,
    area: Area,
    observations: Sequence[Observation],
    ask: Question,
    as_of: dt.date | None,
) -> Verdict:
    if ask.refusal is not None:
        return not_checked(*ask.refusal, as_of)
    years = _years(observations, ask)
    if not years:
        year = ask.year if ask.year is not None else "any year"
        return not_checked(
            "no_observation", f"No {indicator.title} for {area.name} in {year}.", as_of
        )
    amount = claim_amount(claim, indicator)
    if amount is None or claim_reading(claim) is None:
        return not_checked("unit_mismatch", unit_sentence(claim, indicator), as_of)
    judge_ = Judge(claim, indicator, area, amount)
    outcome = judge_.figures(years[0], as_of)
    if ask.guessed and outcome.reason != "match":
        outcome = _other_years(judge_, outcome, years, as_of)
    return _verdict(claim, indicator, amount, outcome, as_of)


def _years(observations: Sequence[Observation], ask: Question) -> list[Figures]:
    """The figures of the year asked, then (a guessed year) of the years before it, newest
    first; a year without any value is left out."""
    if ask.year is not None:
        first = [ask.year] + (
            list(range(ask.year - 1, ask.years[0] - 1, -1)) if ask.guessed else []
        )
        found = [Figures.of(observations, y) for y in first]
        if found[0].empty:
            return []
        return [f for f in found if not f.empty]
    latest = max((o.year for o in observations if o.value is not None), default=None)
    return [] if latest is None else [Figures.of(observations, latest)]


def _other_years(
    judge_: Judge, outcome: Outcome, years: Sequence[Figures], as_of: dt.date | None
) -> Outcome:
    """The article names no year, and the year taken (the latest that had ended) does not fit:
    if another recent year's figure does, the year is what is uncertain, not the figure."""
    others = [(figures, judge_.figures(figures, as_of)) for figures in years[1:]]
    fits = [pair for pair in others if pair[1].verdict == "supported"]
    fits += [pair for pair in others if pair[1].reason in WARNING_REASONS]
    if not fits:
        return outcome
    figures, other = fits[0]
    note = (
        f"The article names no year; {years[0].year}, the latest year that had ended, does not "
        f"fit, but {figures.year}'s figure does ({other.said})"
    )
    used = (*outcome.used, *((o, "other_year") for o, _ in other.used[:1]))
    said = f"{outcome.said} The article names no year, and {figures.year}'s figure fits."
    return Outcome("contradicted", "year_guessed", said, used, None, note)


def _verdict(
    claim: Claim, indicator: Indicator, amount: Amount, outcome: Outcome, as_of: dt.date | None
) -> Verdict:
    proof = [evidence(o, indicator, role) for o, role in outcome.used]
    fixed = None
    if outcome.correction is not None and outcome.correction.value is not None:
        fixed = restyle(claim, outcome.correction.value / amount.scale, amount.sign)
    return verdict(
        outcome.verdict,
        outcome.reason,
        outcome.said,
        proof,
        correction=fixed,
        note=outcome.note,
        as_of=as_of,
    )

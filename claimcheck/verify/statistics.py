"""Statistics claims against an annual series, the parts every verdict shares: which year the
claim is about (`question`), how its figure reads, and the evidence and correction it gets. The
verdict itself — against the release in force on the article's date — is verify/releases.py.

The figure is read as written ("6%" is 5.5–6.5, "28 million" is 27.5–28.5 million; "about",
"more than" as everywhere else); percentages compare in percentage points.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from claimcheck.model import (
    Claim,
    Evidence,
    Indicator,
    Observation,
    Provenance,
    SeriesNote,
)
from claimcheck.normalize.precision import written
from claimcheck.verify import numeric, units

UNITS_BY_KIND = {
    "percent": ("percent",),
    "money": ("USD",),
    "count": ("people", "births per woman"),
    "duration": ("years",),
    "quantity": ("square kilometre", "births per woman", "years"),
}


@dataclass(frozen=True)
class Question:
    """What to ask the series: the year the claim is about, or why it cannot be asked."""

    year: int | None
    years: tuple[int, int]
    refusal: tuple[str, str] | None = None
    guessed: bool = False  # no year written: the latest that had ended, and the years before


GUESSED_YEARS = 5  # a figure with no year may be a year or more old: the latest ended and 4 more
# A year the figure may be about: "in 1899", "by 2150", "since the year 2000" — a preposition
# right before it ("the 2001 default" names a year of something else).
_YEAR_WORD = re.compile(
    r"\b(?:in|of|by|since|for|during|until|before|after|from|to|as of)\s+(?:the\s+year\s+)?"
    r"(1[0-9]{3}|2[01][0-9]{2})\b(?![.,]?\d)(?!\s*(?:%|per))",
    re.IGNORECASE,
)


def question(claim: Claim, as_of: dt.date | None) -> Question:
    """The year rule: the year the sentence names ("in 2004", "last year" against the document
    date); none named, the latest year that had ended before the document date."""
    stat = claim.fields.get("statistic") or {}
    period = stat.get("period", "year")
    if period in ("month", "quarter"):
        return Question(None, (0, 0), ("not_annual_figure", _not_annual(period)))
    if period == "fiscal_year":
        return Question(None, (0, 0), ("fiscal_year", _FISCAL))
    if stat.get("outlook"):
        return Question(None, (0, 0), ("forecast", "The figure is a forecast or a target."))
    year = stat.get("year")
    if year is None and "year_offset" in stat:
        if as_of is None:
            return Question(None, (0, 0), ("no_document_date", _NO_DATE))
        year = as_of.year + int(stat["year_offset"])
    if year is None:
        if as_of is None:
            return Question(None, (1960, 2100))
        named = [y for y in _unread_years(claim) if int(y) != as_of.year - 1]
        if named:
            return Question(None, (0, 0), ("year_unclear", _unclear(named, as_of.year - 1)))
        latest = as_of.year - 1
        return Question(latest, (latest - GUESSED_YEARS + 1, latest), guessed=True)
    if as_of is not None and int(year) >= as_of.year:
        return Question(None, (0, 0), ("period_not_ended", _not_ended(int(year), as_of)))
    return _year(int(year))


def _unread_years(claim: Claim) -> list[str]:
    """Years the claim's sentence names that the statistics patterns did not read as its year
    ("a population of 44 million in 1899"): the figure may be about any of them."""
    sentence = claim.sentence or ""
    start = sentence.find(claim.text)
    if start >= 0:  # the figure's own digits are not a year
        sentence = sentence[:start] + " " * len(claim.text) + sentence[start + len(claim.text) :]
    return list(dict.fromkeys(m.group(1) for m in _YEAR_WORD.finditer(sentence)))


def _unclear(named: list[str], latest: int) -> str:
    return (
        f"The sentence names {', '.join(named)}, which the figure may be about; it is not held "
        f"against {latest}, the latest year that had ended."
    )


def _year(year: int) -> Question:
    return Question(year, (year, year))


_FISCAL = "A fiscal-year figure cannot be checked against calendar-year statistics."
_NO_DATE = "'Last year' needs the document's date (give one with --as-of)."


def _not_annual(period: str) -> str:
    return (
        f"A {'quarterly' if period == 'quarter' else 'monthly'} figure cannot be checked "
        "against annual statistics."
    )


def _not_ended(year: int, as_of: dt.date) -> str:
    return f"{year} had not ended on {as_of}: no annual figure for it existed yet."


@dataclass(frozen=True)
class Amount:
    """How the claim's number relates to the indicator's: its sign (shrank: -1) and the
    indicator's units per claim unit (2.59 square kilometres per square mile)."""

    sign: int
    scale: Decimal


def claim_amount(claim: Claim, indicator: Indicator) -> Amount | None:
    if indicator.unit not in UNITS_BY_KIND.get(claim.kind, ()):
        return None
    sign = int((claim.fields.get("statistic") or {}).get("sign", 1))
    unit = str(claim.value.get("unit") or "")
    if claim.kind == "money" and unit != "USD":
        return None
    if indicator.unit == "square kilometre":
        scale = units.convert(Decimal(1), unit, "square kilometre")
        return None if scale is None else Amount(sign, scale)
    return Amount(sign, Decimal(1))


def claim_reading(claim: Claim) -> numeric.Reading | None:
    """The claim's interval; a plain figure is rounded at its last written digit, as published
    statistics are ("6%" is 5.5–6.5)."""
    reading = numeric.reading(claim.value, claim.text, claim.kind)
    if reading is None or reading.words not in ("exactly", "rounded"):
        return reading
    amount = Decimal(str(claim.value.get("amount")))
    half = last_place(claim) / 2
    if (claim.fields.get("statistic") or {}).get("bound") == "above":
        return numeric.Reading(amount - half, None, words="more than")
    return numeric.Reading(amount - half, amount + half, words="rounded")


def last_place(claim: Claim) -> Decimal:
    """The place of the last written digit ("6.7%" 0.1, "20%" 1, "$1.9 trillion" 0.1
    trillion); in a large plain figure, of the last non-zero one ("47,800" 100, "four million"
    a million): published statistics are rounded."""
    form = written(claim.text, claim.kind)
    if form is not None and (form.decimals or form.scale):
        return form.last_place
    amount = abs(Decimal(str(claim.value.get("amount") or 0)))
    if amount < 1000:
        return Decimal(1)
    exponent = int(amount.to_integral_value().normalize().as_tuple().exponent)
    return Decimal(10) ** max(exponent, 0)


def outcome_of(
    reading: numeric.Reading, amount: Amount, value: Decimal, indicator: Indicator
) -> str:
    """'match', 'minor_mismatch' (within the revision tolerance) or 'mismatch'."""
    claimed = value * amount.sign / amount.scale
    if reading.contains(claimed):
        return "match"
    slack = indicator.slack(value) / amount.scale
    lower = None if reading.lower is None else reading.lower - slack
    upper = None if reading.upper is None else reading.upper + slack
    if numeric.Reading(lower, upper).contains(claimed):
        return "minor_mismatch"
    return "mismatch"


def evidence(found: Observation, indicator: Indicator, role: str | None = None) -> Evidence:
    provenance = Provenance(
        endpoint=found.endpoint or "",
        retrieved_at=found.lastupdated or "",
        from_cache=found.from_cache,
        url=found.url,
    )
    return Evidence(
        entity=found.country,
        entity_label=found.country_name,
        property=indicator.measure,
        property_label=found.indicator_title,
        value=found.value,
        source_property=found.indicator,
        unit=indicator.unit,
        precision="year",
        qualifiers={"year": (str(found.year),)},
        provenance=provenance,
        series=SeriesNote(
            found.indicator,
            found.indicator_title,
            found.year,
            found.lastupdated,
            _credit(found, indicator),
            found.vintage,
            role,
        ),
    )


ARCHIVES_CREDIT = "World Bank, World Development Indicators (WDI Database Archives)"


def _credit(found: Observation, indicator: Indicator) -> str:
    if found.vintage and indicator.credit == "World Bank, World Development Indicators":
        return ARCHIVES_CREDIT
    return indicator.credit


def unit_sentence(claim: Claim, indicator: Indicator) -> str:
    return (
        f"The article's figure ({claim.value.get('unit') or claim.kind}) cannot be compared with "
        f"{indicator.title}."
    )


def plain(value: Decimal | None) -> str:
    if value is None:
        return "no value"
    if abs(value) >= 1000:
        return f"{round(value):,}"
    shown = value.quantize(Decimal("0.01")) if value.as_tuple().exponent < -2 else value  # type: ignore[operator]
    return f"{shown.normalize():f}"


_NUMBER = re.compile(r"(?P<digits>\d[\d,]*(?:\.(?P<decimals>\d+))?)\s*(?P<scale>[a-z]+)?", re.I)
_SCALES: Mapping[str, int] = {
    "thousand": 3,
    "million": 6,
    "m": 6,
    "mn": 6,
    "billion": 9,
    "bn": 9,
    "b": 9,
    "trillion": 12,
    "tn": 12,
}


def restyle(claim: Claim, value: Decimal, sign: int) -> str:
    """The source's value written the way the claim wrote its own: "2.5%", "$1.9 trillion"."""
    shown = abs(value) if (value < 0) == (sign < 0) else value
    match = _NUMBER.search(claim.text)
    if match is None:
        return f"{plain(shown)}"
    scale = _SCALES.get((match.group("scale") or "").lower(), 0)
    decimals = len(match.group("decimals") or "")
    number = _fixed(shown / Decimal(10) ** scale, decimals, "," in match.group("digits"))
    if number == match.group("digits"):
        number = _fixed(shown / Decimal(10) ** scale, decimals + 1, "," in match.group("digits"))
    if sign < 0 and value > 0:
        number = "+" + number  # "shrank 0.3%" when it grew: the sign is the correction
    return claim.text[: match.start("digits")] + number + claim.text[match.end("digits") :]


def _fixed(x: Decimal, decimals: int, commas: bool) -> str:
    return f"{x:,.{decimals}f}" if commas or abs(x) >= 10000 else f"{x:.{decimals}f}"

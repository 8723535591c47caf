"""CC511: a currency conversion the year's exchange rate does not allow: "$2.3bn (£1,220bn)" (a
slip of scale), "£10m ($7.8m)" (the rate turned upside down), "€100m ($150m)" in 2024.

A pair is two money figures in different currencies, the second in brackets right after the first
(optionally "about", "some", "roughly"). The implied rate, with the rounding of both figures, is
held against the World Bank's official yearly average rate of the year (the period the figures
state, else the document's year) with a tolerance of ±10 %: a major currency pair moves about that
much within a year, and articles convert at the day's rate, not the year's.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterator
from decimal import Decimal
from importlib import resources

from claimcheck.consistency import amounts
from claimcheck.consistency.context import Context
from claimcheck.model import Claim, Finding

CODE = "CC511"
TOLERANCE = Decimal("0.10")
_BRACKET_GAP = re.compile(
    r"^\s*[(\[]\s*(?:(?:about|around|roughly|some|approximately|approx\.|nearly|almost|c\.|~)\s*)?$",
    re.IGNORECASE,
)
_CUT_SHORT = re.compile(r"[A-Za-z]")
# "¥" is the yen and the yuan: either reading may explain the pair.
_SYMBOL_READINGS = {"¥": ("JPY", "CNY")}
_LATEST_GAP = 1  # years a later document may reach past the last rate in the bundle


@functools.lru_cache(maxsize=1)
def rates() -> dict[tuple[str, int], Decimal]:
    """(currency, year) → units per US dollar, from the bundled World Bank table."""
    text = resources.files("claimcheck").joinpath("data/exchange_rates.csv").read_text("utf-8")
    rows = csv.DictReader(text.splitlines())
    return {(r["currency"], int(r["year"])): Decimal(r["per_usd"]) for r in rows}


def per_usd(currency: str, year: int) -> tuple[Decimal, bool] | None:
    """Units of `currency` per US dollar in `year`, and whether that year is in the bundle (a
    year just past it takes the last year's rate, with twice the tolerance)."""
    if currency == "USD":
        return Decimal(1), True
    table = rates()
    years = [y for (c, y) in table if c == currency]
    if years and max(years) < year <= max(years) + _LATEST_GAP:
        return table[(currency, max(years))], False
    found = table.get((currency, year))
    return (found, True) if found is not None else None


def conversion_vs_rate(ctx: Context) -> Iterator[Finding]:
    money = [c for c in ctx.claims if c.kind == "money" and not ctx.in_skipped(c.span)]
    for first, second in zip(money, money[1:], strict=False):
        gap = ctx.text[first.span.end : second.span.start]
        if first.value.get("unit") == second.value.get("unit") or not _BRACKET_GAP.match(gap):
            continue
        if _CUT_SHORT.match(ctx.text[second.span.end : second.span.end + 2]):
            continue  # "US$309M": a scale the extractor did not read, not a slip of scale
        finding = _check(ctx, first, second)
        if finding is not None:
            yield finding


def _year(ctx: Context, claims: tuple[Claim, ...]) -> int | None:
    """The document's year: articles convert at the rate of their day, even for a price paid
    long ago; the figures' own period only when the document has no date."""
    if ctx.document.date:
        return ctx.document.date.year
    for claim in claims:
        period = claim.fields.get("period") or {}
        if period.get("resolved") and period.get("date"):
            return int(str(period["date"])[:4])
    return None


def _currencies(claim: Claim) -> tuple[str, ...]:
    for symbol, readings in _SYMBOL_READINGS.items():
        if symbol in claim.text:
            return readings
    return (str(claim.value.get("unit")),)


def _check(ctx: Context, first: Claim, second: Claim) -> Finding | None:
    year = _year(ctx, (first, second))
    low_a, high_a = _bounds(first)
    low_b, high_b = _bounds(second)
    if year is None or low_a is None or high_a is None or low_b is None or high_b is None:
        return None
    low, high = low_b / high_a, high_b / low_a
    tried = []
    for a in _currencies(first):
        for b in _currencies(second):
            rate_a, rate_b = per_usd(a, year), per_usd(b, year)
            if rate_a is None or rate_b is None:
                return None
            official = rate_b[0] / rate_a[0]  # units of b per unit of a
            tolerance = TOLERANCE if rate_a[1] and rate_b[1] else 2 * TOLERANCE
            if _within(low, high, official, tolerance):
                return None
            tried.append((a, b, official, tolerance))
    a, b, official, tolerance = tried[0]
    message = (
        f"“{first.text}” converted to “{second.text}” implies {_show(low, high)} {b} per {a}; "
        f"the {year} average was {official:.4g} (World Bank), ±{int(tolerance * 100)}% allowed"
        f"{_why(low, high, official)}"
    )
    return ctx.finding(CODE, "warning", message, [first.span, second.span], [first, second], 0.9)


def _bounds(claim: Claim) -> tuple[Decimal | None, Decimal | None]:
    interval = amounts.interval(claim)
    if interval is None or interval.lo is None or interval.hi is None or interval.lo <= 0:
        return None, None
    return interval.lo, interval.hi


def _within(low: Decimal, high: Decimal, rate: Decimal, tolerance: Decimal = TOLERANCE) -> bool:
    return low <= rate * (1 + tolerance) and high >= rate * (1 - tolerance)


def _why(low: Decimal, high: Decimal, official: Decimal) -> str:
    if _within(low, high, 1 / official) and not _within(low, high, official):
        return ": the rate looks turned upside down"
    ratio = (low + high) / 2 / official
    if ratio >= 5 or ratio <= Decimal("0.2"):
        return f": {ratio:.3g} times the rate, a slip of scale"
    return ""


def _show(low: Decimal, high: Decimal) -> str:
    return f"{low:.4g}" if f"{low:.4g}" == f"{high:.4g}" else f"{low:.4g}–{high:.4g}"

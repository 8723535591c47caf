"""What a written figure allows: its interval from the modifier ("more than", "up to", "nearly")
and the rounding its written precision implies ("100,000" may be 104,000; "30" is 30)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from claimcheck.model import Claim
from claimcheck.normalize.precision import written

ABOVE = frozenset(
    "more than|over|above|exceeding|in excess of|upwards of|greater than|higher than|"
    "just over|well over|beyond|north of|longer than".split("|")
)
EXACT = frozenset(("exactly", "almost exactly", "precisely"))
AT_LEAST = frozenset(
    "at least|no fewer than|no less than|a minimum of|not less than|or more|"
    "and more|minimum|at minimum".split("|")
)
BELOW = frozenset(
    "fewer than|less than|under|below|short of|lower than|just under|nearly|almost|"
    "not quite|just shy of|shy of".split("|")
)
AT_MOST = frozenset(
    "up to|at most|no more than|a maximum of|as many as|not more than|or fewer|"
    "or less|maximum|as much as".split("|")
)
APPROXIMATE = frozenset(
    "about|around|roughly|approximately|some|close to|an estimated|estimated|"
    "circa|more or less|or so|approx.|approx".split("|")
)


@dataclass(frozen=True)
class Interval:
    lo: Decimal | None
    lo_open: bool
    hi: Decimal | None
    hi_open: bool

    def overlaps(self, other: Interval) -> bool:
        return _below(self, other) is False and _below(other, self) is False


def _below(a: Interval, b: Interval) -> bool:
    """True when every value of `a` lies below every value of `b`."""
    if a.hi is None or b.lo is None:
        return False
    if a.hi < b.lo:
        return True
    return a.hi == b.lo and (a.hi_open or b.lo_open)


def amount(claim: Claim) -> Decimal | None:
    return to_decimal(claim.value.get("amount"))


def to_decimal(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def modifier(claim: Claim) -> str | None:
    mod = claim.value.get("modifier")
    return " ".join(str(mod).lower().split()) if mod else None


def is_exact(claim: Claim) -> bool:
    """Stated as a plain figure: no modifier, not approximate, not a range."""
    value = claim.value
    if (modifier(claim) not in EXACT | {None}) or value.get("approximate"):
        return False
    lower, upper, amt = (to_decimal(value.get(k)) for k in ("lower", "upper", "amount"))
    return all(b is None or b == amt for b in (lower, upper))


def rounding_unit(claim: Claim) -> Decimal:
    """The place of the last written digit: 1 for "30", 100,000 for "100,000", 0.1bn for "$2.5bn".
    Plain integers with one trailing zero stay exact; news rounds to hundreds and above."""
    form = written(claim.text, claim.kind)
    if form is not None and (form.scale is not None or form.decimals):
        return form.last_place
    amt = amount(claim) or Decimal(0)
    if amt != amt.to_integral_value() or amt == 0:
        return Decimal(1)
    digits = str(abs(int(amt)))
    zeros = len(digits) - len(digits.rstrip("0"))
    return Decimal(10) ** zeros if zeros >= 2 else Decimal(1)


def interval(claim: Claim) -> Interval | None:
    """The values the figure allows; None when its wording is not understood."""
    amt = amount(claim)
    if amt is None:
        return None
    mod = modifier(claim)
    if mod in ABOVE:
        return Interval(amt, True, None, False)
    if mod in AT_LEAST:
        return Interval(amt, False, None, False)
    if mod in BELOW:
        return Interval(
            amt * Decimal("0.8") if mod in ("nearly", "almost") else None, False, amt, True
        )
    if mod in AT_MOST:
        return Interval(None, False, amt, False)
    if mod in EXACT:
        return Interval(amt, False, amt, False)
    approximate = mod is not None or bool(claim.value.get("approximate"))
    if mod is not None and mod not in APPROXIMATE:
        return _range(claim)  # "between", "thousands of": only the bounds the extractor gives
    return _plain(claim, amt, approximate)


def _range(claim: Claim) -> Interval | None:
    lower, upper = to_decimal(claim.value.get("lower")), to_decimal(claim.value.get("upper"))
    if lower is None and upper is None:
        return None
    return Interval(lower, False, upper, False)


def _plain(claim: Claim, amt: Decimal, approximate: bool) -> Interval:
    lower, upper = to_decimal(claim.value.get("lower")), to_decimal(claim.value.get("upper"))
    if lower is not None and upper is not None and lower != upper:
        return Interval(lower, False, upper, False)
    slack = rounding_unit(claim) / 2
    if approximate:
        slack = max(slack, abs(amt) * Decimal("0.15"))
    return Interval(amt - slack, False, amt + slack, False)


def same_when_rounded(a: Claim, b: Claim) -> bool:
    """Both exact figures agree once the finer is rounded to the coarser one's last digit."""
    amt_a, amt_b = amount(a), amount(b)
    if amt_a is None or amt_b is None:
        return True
    unit = max(rounding_unit(a), rounding_unit(b))
    return _round(amt_a, unit) == _round(amt_b, unit)


def _round(value: Decimal, unit: Decimal) -> Decimal:
    return (value / unit).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def describe(claim: Claim) -> str:
    mod = modifier(claim)
    text = " ".join(claim.text.split())
    return text if not mod or mod in text.lower() else f"{mod} {text}"

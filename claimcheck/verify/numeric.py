"""What a number in an article commits to, as an interval, and how a source value compares.

The reading, documented in the README ("Verification"):
- a plain figure is exact: "30" means 30, "100,000" means 100,000;
- a figure written with a scale word is rounded at its last written digit: "44 million" means
  43.5–44.5 million, "2.5 billion" 2.45–2.55 billion;
- "more than"/"over" and "fewer than"/"under" are open bounds, "at least"/"up to" closed ones;
- "about"/"around"/"roughly"/"some"/"approximately" widen by APPROX_TOLERANCE either side;
  "nearly"/"almost" allow up to APPROX_TOLERANCE below and nothing above;
- a source value outside that reading but within MINOR_TOLERANCE of it is a minor mismatch (still
  contradicted, with its own reason code) — the statcheck idea of telling rounding slips from
  wrong numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from claimcheck.normalize.precision import written

APPROX_TOLERANCE = Decimal("0.10")
MINOR_TOLERANCE = Decimal("0.05")

ABOVE_OPEN = ("more than", "over", "above", "greater than", "upwards of", "in excess of")
ABOVE_CLOSED = ("at least", "no fewer than", "no less than", "a minimum of")
BELOW_OPEN = ("fewer than", "less than", "under", "below")
BELOW_CLOSED = ("up to", "at most", "no more than", "a maximum of", "as many as")
APPROX = (
    "about",
    "around",
    "roughly",
    "some",
    "approximately",
    "an estimated",
    "estimated",
    "circa",
    "c.",
    "approx.",
)
NEARLY = ("nearly", "almost", "just under", "close to")


@dataclass(frozen=True)
class Reading:
    """The interval a claim commits to; None bounds are open-ended."""

    lower: Decimal | None
    upper: Decimal | None
    lower_open: bool = False
    upper_open: bool = False
    words: str = "exactly"

    def contains(self, x: Decimal) -> bool:
        if self.lower is not None and (x < self.lower or (self.lower_open and x == self.lower)):
            return False
        return not (
            self.upper is not None and (x > self.upper or (self.upper_open and x == self.upper))
        )

    def widened(self, fraction: Decimal, scale: Decimal) -> Reading:
        pad = abs(scale) * fraction
        return Reading(
            None if self.lower is None else self.lower - pad,
            None if self.upper is None else self.upper + pad,
            words=self.words,
        )


def _dec(x: Any) -> Decimal | None:
    if x is None or isinstance(x, bool):
        return None
    return x if isinstance(x, Decimal) else Decimal(str(x))


def _modifier(value: Mapping[str, Any], text: str) -> str:
    words = str(value.get("modifier") or "").lower().strip()
    if words:
        return words
    lowered = text.lower()
    for phrase in ABOVE_OPEN + ABOVE_CLOSED + BELOW_OPEN + BELOW_CLOSED + NEARLY + APPROX:
        if lowered.startswith(phrase + " "):
            return phrase
    return ""


def rounding(text: str, kind: str) -> Decimal:
    """Half a unit of the last written digit when the figure carries a scale word, else 0."""
    form = written(text, kind)
    if form is None or form.scale is None:
        return Decimal(0)
    return form.last_place / 2


def reading(value: Mapping[str, Any], text: str, kind: str) -> Reading | None:
    """The claim's interval from its normalized value (amount, lower/upper for ranges, modifier,
    approximate) and its text (for scale-word rounding). None when it has no amount."""
    amount = _dec(value.get("amount"))
    lower, upper = _dec(value.get("lower")), _dec(value.get("upper"))
    if amount is None and lower is None and upper is None:
        return None
    words = _modifier(value, text)
    if amount is None or (lower is not None and upper is not None and lower != upper):
        return Reading(lower, upper, words=words or "between")
    half = rounding(text, kind)
    tolerance = abs(amount) * APPROX_TOLERANCE
    if words in ABOVE_OPEN:
        return Reading(amount, None, lower_open=True, words=words)
    if words in ABOVE_CLOSED:
        return Reading(amount, None, words=words)
    if words in BELOW_OPEN:
        return Reading(None, amount, upper_open=True, words=words)
    if words in BELOW_CLOSED:
        return Reading(None, amount, words=words)
    if words in NEARLY:
        return Reading(amount - tolerance, amount, words=words)
    if words in APPROX or value.get("approximate"):
        pad = max(tolerance, half)
        return Reading(amount - pad, amount + pad, words=words or "about")
    return Reading(amount - half, amount + half, words="exactly" if not half else "rounded")


def compare(
    claim: Reading,
    amount: Decimal,
    low: Decimal | None = None,
    high: Decimal | None = None,
    reference: Decimal | None = None,
) -> str:
    """'match', 'minor_mismatch' or 'mismatch' of a source amount (with its optional bounds)
    against the claim's reading. `reference` scales the minor-mismatch slack (the claim amount)."""
    points = [amount] + [b for b in (low, high) if b is not None]
    if any(claim.contains(p) for p in points) or _straddles(claim, low, high):
        return "match"
    scale = reference if reference is not None else amount
    if claim.widened(MINOR_TOLERANCE, scale).contains(amount):
        return "minor_mismatch"
    return "mismatch"


def _straddles(claim: Reading, low: Decimal | None, high: Decimal | None) -> bool:
    """The source's own uncertainty interval overlaps the claim's reading."""
    if low is None or high is None:
        return False
    return not (claim.upper is not None and low > claim.upper) and not (
        claim.lower is not None and high < claim.lower
    )

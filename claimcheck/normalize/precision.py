"""How precisely a figure is written: the place value of its last written digit.

"44 million" allows 43.5 to 44.5 million and "$2.5bn" is rounded to the nearest 0.1bn. Internal
consistency and verification both ask this, so it is answered once, here, from the claim's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from claimcheck.normalize.numbers import SCALES, SHORT_SCALES

# Powers of ten a scale word stands for ("dozen" is no power of ten, "hundred" never rounds news).
_EXPONENTS = {
    word: len(str(value)) - 1
    for word, value in {**SCALES, **SHORT_SCALES}.items()
    if value >= 1000 and str(value).strip("0") == "1"
}
# One letter after a number is as often a unit ("5 m" wall, "3 k" run) as a scale: only where
# the figure is money or a count is "m" a million.
_SHORT = frozenset(SHORT_SCALES)
_SCALED_BY_SHORT = frozenset({"money", "count"})
_FIGURE = re.compile(
    r"\d[\d,]*(?:\.(?P<decimals>\d+))?(?:\s*-?\s*(?P<scale>"
    + "|".join(sorted(map(re.escape, _EXPONENTS), key=len, reverse=True))
    + r")\b)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Written:
    """The first figure of a claim's text, as written."""

    decimals: int  # digits after the decimal point
    scale: int | None  # the power of ten of the scale word after it ("million": 6), if any

    @property
    def last_place(self) -> Decimal:
        """The place value of the last written digit: 0.1bn for "$2.5bn", 0.01 for "3.25"."""
        return Decimal(10) ** ((self.scale or 0) - self.decimals)


def written(text: str, kind: str) -> Written | None:
    """How the first figure in `text` is written; None when it has no digits."""
    match = _FIGURE.search(text)
    if match is None:
        return None
    decimals = len(match.group("decimals") or "")
    word = (match.group("scale") or "").lower()
    if word in _SHORT and kind not in _SCALED_BY_SHORT:
        word = ""
    return Written(decimals, _EXPONENTS.get(word))

"""CC512: a stated change its own figures do not add up to. "rose from $5bn to $4bn" (the
direction), "fell from 9.1% to 6.3%, a drop of 3.5 points", "grew 20% from $10bn to $13bn".

Only changes that state both ends are checked: the extractor's `change` object names the from,
to and by figures. Every figure counts with its written rounding ("$13.1bn" is 13.05–13.15bn), so
a change passes whenever some reading of the rounded figures makes it true. A percentage change of
a percentage may be relative or in points: either reading passes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from claimcheck.consistency import amounts
from claimcheck.consistency.context import Context
from claimcheck.model import Claim, Finding, Span

CODE = "CC512"
_Range = tuple[Decimal, Decimal]


def change_arithmetic(ctx: Context) -> Iterator[Finding]:
    by_span = {(c.span.start, c.span.end): c for c in ctx.claims if "change" in c.fields}
    seen: set[tuple[str, ...]] = set()
    for claim in ctx.claims:
        change = claim.fields.get("change")
        if not isinstance(change, Mapping) or ctx.in_skipped(claim.span):
            continue
        parts = {r: by_span.get(_span_of(change.get(r))) for r in ("from", "to", "by")}
        key = tuple(sorted(c.id for c in parts.values() if c is not None))
        if key in seen or parts["from"] is None or parts["to"] is None:
            continue
        seen.add(key)
        message = _problem(change, parts["from"], parts["to"], parts["by"])
        if message:
            involved = [c for c in parts.values() if c is not None]
            yield ctx.finding(CODE, "warning", message, [c.span for c in involved], involved, 0.9)


def _span_of(ref: Any) -> tuple[int, int]:
    """The other figure of the change, by its span (a claim's id is not stable under re-wrapping
    of the text; its span is what the record gives)."""
    span = ref.get("span") if isinstance(ref, Mapping) else None
    if isinstance(span, Span):
        return span.start, span.end
    if isinstance(span, Mapping):
        return int(span.get("start", -1)), int(span.get("end", -1))
    return -1, -1


def _range(claim: Claim) -> _Range | None:
    interval = amounts.interval(claim)
    if interval is None or interval.lo is None or interval.hi is None:
        return None
    return interval.lo, interval.hi


def _problem(change: Mapping[str, Any], start: Claim, end: Claim, by: Claim | None) -> str | None:
    if start.value.get("unit") != end.value.get("unit"):
        return None
    a, b = _range(start), _range(end)
    if a is None or b is None or not (_unit_written(start) and _unit_written(end)):
        return None  # "drop from 3 to 5 per cent" is a range of the drop, not its two ends
    said = f"from “{start.text}” to “{end.text}”"
    direction = change.get("direction")
    if (direction == "up" and b[1] < a[0]) or (direction == "down" and b[0] > a[1]):
        word = "rise" if direction == "up" else "fall"
        return f"a {word} {said} goes the other way"
    if by is None:
        return None
    stated = _range(by)
    if stated is None:
        return None
    readings = _readings(start, by, a, b)
    if not readings or any(_overlap(r, stated) for r, _ in readings):
        return None
    shown = " or ".join(_show(_as_written(start, end, u) or r, u) for r, u in readings)
    return f"a change {said} is {shown}, not the “{by.text}” stated"


def _as_written(start: Claim, end: Claim, unit: str) -> _Range | None:
    """The change the figures state as written ("$1bn to $2bn": 100 %), which is what a reader
    sees; the rounding range only decides whether to warn (its midpoint, 200 % there, is a
    figure nobody wrote)."""
    a, b = amounts.amount(start), amounts.amount(end)
    if a is None or b is None:
        return None
    if unit == "%":
        return None if a <= 0 else _magnitude(b / a * 100 - 100, b / a * 100 - 100)
    return _magnitude(b - a, b - a)


def _unit_written(claim: Claim) -> bool:
    """The figure carries its own unit or scale ("9.1%", "$10bn"), not one borrowed from the
    next figure."""
    return claim.kind == "count" or any(not (ch.isdigit() or ch in " .,") for ch in claim.text)


def _readings(start: Claim, by: Claim, a: _Range, b: _Range) -> list[tuple[_Range, str]]:
    """What the stated change may mean: absolute in the figures' unit, relative in percent."""
    out = []
    unit, by_unit = start.value.get("unit"), by.value.get("unit")
    if by.kind == "percent" and by_unit == "percent" and a[0] > 0:
        out.append((_magnitude(b[0] / a[1] * 100 - 100, b[1] / a[0] * 100 - 100), "%"))
    points = by.kind == "percent" or str(by.fields.get("counted", "")).endswith("points")
    if by_unit == unit or (start.kind == "percent" and points):
        out.append((_magnitude(b[0] - a[1], b[1] - a[0]), "points" if points else ""))
    return out


def _magnitude(low: Decimal, high: Decimal) -> _Range:
    if low <= 0 <= high:
        return Decimal(0), max(-low, high)
    return min(abs(low), abs(high)), max(abs(low), abs(high))


def _overlap(a: _Range, b: _Range) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _show(r: _Range, unit: str) -> str:
    middle = (r[0] + r[1]) / 2
    text = f"{middle:.3g}" if abs(middle) < 1000 else f"{middle:,.0f}"
    return f"{text}{'%' if unit == '%' else ' ' + unit if unit else ''}".strip()

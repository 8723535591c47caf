"""CC509: a stated duration that the clock times given for the same event do not allow
("a four-hour meeting" that ran "from 10:00 to 12:00")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from claimcheck.consistency import amounts
from claimcheck.consistency.context import Context
from claimcheck.model import Claim, Finding, Span

_TIME = re.compile(
    r"\b(?:(?P<h>\d{1,2})(?:[:.](?P<m>[0-5]\d))?\s*(?P<mer>[ap]\.?\s?m\b\.?)"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b"
    r"|(?P<word>noon|midday|midnight))",
    re.IGNORECASE,
)
_JOIN = re.compile(
    r"^\s*(?:to|until|till|through|and|-|–|—)\s*(?:about|around)?\s*$", re.IGNORECASE
)
_START_END = re.compile(
    r"\b(?:began|started|opened|kicked off|convened)\b.*\b(?:ended|finished|closed|wrapped up|"
    r"broke up|concluded|adjourned)\b",
    re.IGNORECASE,
)
_EVENT = re.compile(
    r"\b(?:meeting|talks|session|summit|hearing|debate|negotiations?|interview|speech|flight|"
    r"trip|operation|match|game|vote|ceremony|conference|call|discussions?|sitting)\b",
    re.IGNORECASE,
)
# clock times in two places may be in two time zones: the elapsed time is unknown
_ZONE = re.compile(
    r"\blocal time\b|\btime zones?\b|\b(?:GMT|UTC|ET|EST|EDT|CET|CEST|BST|PT|PST|PDT|MSK)\b"
)
_UNIT_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}


def duration_vs_clock(ctx: Context) -> Iterator[Finding]:
    ranges = [r for s in ctx.sentences if (r := _clock_range(ctx, s)) is not None]
    durations = [c for c in ctx.claims if c.kind == "duration" and _seconds_per_unit(c)]
    for claim in durations:
        for span, minutes in ranges:
            confidence = _pairing(ctx, claim, span, len(ranges))
            if confidence is None or _allows(claim, minutes):
                continue
            hours = Decimal(minutes) / 60
            message = (
                f'"{amounts.describe(claim)}" does not fit the clock times given '
                f"({ctx.text[span.start : span.end]}: {hours.normalize():f} hours)"
            )
            yield ctx.finding("CC509", "warning", message, [claim.span, span], [claim], confidence)


def _clock_range(ctx: Context, sentence: Span) -> tuple[Span, int] | None:
    text = ctx.text[sentence.start : sentence.end]
    times = list(_TIME.finditer(text))
    if len(times) != 2 or _ZONE.search(text):
        return None
    first, second = times
    joined = _JOIN.match(text[first.end() : second.start()]) or _START_END.search(text)
    if not joined:
        return None
    start, end = _minutes(first), _minutes(second)
    elapsed = end - start
    if elapsed <= 0 and not (first["mer"] and second["mer"]) and end < 12 * 60:
        elapsed += 12 * 60
    if elapsed <= 0:
        elapsed += 24 * 60
    return Span(sentence.start + first.start(), sentence.start + second.end()), elapsed


def _minutes(match: re.Match[str]) -> int:
    word = (match["word"] or "").lower()
    if word:
        return 0 if word == "midnight" else 12 * 60
    if match["h24"]:
        return int(match["h24"]) * 60 + int(match["m24"])
    hour = int(match["h"]) % 12
    if match["mer"].lower().startswith("p"):
        hour += 12
    return hour * 60 + int(match["m"] or 0)


def _pairing(ctx: Context, claim: Claim, span: Span, ranges: int) -> float | None:
    """Same sentence: sure enough. Elsewhere only when the article gives one clock range and both
    sentences name the same kind of event."""
    if ctx.same_sentence(claim.span, span):
        return 0.8
    if ranges != 1:
        return None
    events_a = {e.lower().rstrip("s") for e in _EVENT.findall(ctx.sentence_text(claim.span.start))}
    events_b = {e.lower().rstrip("s") for e in _EVENT.findall(ctx.sentence_text(span.start))}
    return 0.6 if events_a & events_b else None


def _seconds_per_unit(claim: Claim) -> Decimal | None:
    amt = amounts.amount(claim)
    seconds = amounts.to_decimal(claim.value.get("seconds"))
    if amt and seconds:
        return seconds / amt
    unit = str(claim.value.get("unit") or "").lower().rstrip("s")
    return Decimal(_UNIT_SECONDS[unit]) if unit in _UNIT_SECONDS else None


def _allows(claim: Claim, minutes: int) -> bool:
    bounds = amounts.interval(claim)
    per_unit = _seconds_per_unit(claim)
    if bounds is None or per_unit is None:
        return True
    elapsed = Decimal(minutes * 60) / per_unit
    # clock times and durations are both told loosely; a tenth either way is not a contradiction
    probe = amounts.Interval(elapsed * Decimal("0.9"), False, elapsed * Decimal("1.1"), False)
    return bounds.overlaps(probe)

"""CC501 and CC502: weekday names that disagree with the calendar."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from claimcheck.consistency import tense
from claimcheck.consistency.context import Context
from claimcheck.consistency.words import MONTHS, WEEKDAYS, month_index, weekday_index
from claimcheck.model import Claim, Finding, Span

_WEEKDAY = r"(?P<wd>(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?)"
_MONTH = rf"(?P<mon>(?:{'|'.join(m[:3] for m in MONTHS)})[a-z]*\.?)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_GAP = r"\s*[,(]?\s*(?:the\s+)?"
_MONTH_DAY = (rf"{_MONTH}\s+{_DAY}", rf"{_DAY}(?:\s+of)?\s+{_MONTH}")
_WRITTEN_DATES = tuple(
    re.compile(pattern, re.IGNORECASE)
    for date in _MONTH_DAY
    for pattern in (
        rf"\b{_WEEKDAY}{_GAP}{date}{_YEAR}\b",
        rf"\b{date}{_YEAR}\s*(?:\(|,\s*a\s+){_WEEKDAY}",
    )
)
_DAY_WORD = {"yesterday": -1, "today": 0, "tonight": 0, "this morning": 0, "tomorrow": 1}
_DAY_WORDS = "|".join(_DAY_WORD)
_NEAR_WEEKDAY = (
    re.compile(rf"\b(?P<rel>{_DAY_WORDS})\s*[,(]\s*{_WEEKDAY}", re.IGNORECASE),
    re.compile(rf"\b{_WEEKDAY}\s*[,(]\s*(?P<rel>{_DAY_WORDS})\b", re.IGNORECASE),
)
_NAMES = "|".join(w.capitalize() for w in WEEKDAYS)
_BARE_WEEKDAY = re.compile(rf"(?:\b(?P<lead>(?i:next|this coming|this))\s+)?\b(?P<wd>{_NAMES})\b")
_THIS_WEEK = re.compile(r"\b(?:earlier|already) this week\b", re.IGNORECASE)


def weekday_vs_date(ctx: Context) -> Iterator[Finding]:
    """CC501: "Tuesday, January 12, 2022" when January 12, 2022 is a Wednesday; also
    "yesterday (Monday)" when the day before the document date is a Tuesday."""
    for pattern in _WRITTEN_DATES:
        for match in pattern.finditer(ctx.text):
            finding = _check_written_date(ctx, match)
            if finding is not None:
                yield finding
    if ctx.document.date is not None:
        for match in (m for p in _NEAR_WEEKDAY for m in p.finditer(ctx.text)):
            finding = _check_day_word(ctx, match, ctx.document.date)
            if finding is not None:
                yield finding


def _check_written_date(ctx: Context, match: re.Match[str]) -> Finding | None:
    weekday = weekday_index(match["wd"])
    month = month_index(match["mon"][:3])
    if weekday is None or month is None or not match["wd"][0].isupper():
        return None
    day = int(match["day"])
    date, year_written = _date_for(ctx, month, day, match["year"])
    if not year_written:
        date = _claimed_date(ctx, match, month, day) or date
    if date is None or date.weekday() == weekday:
        return None
    span = Span(match.start(), match.end())
    if ctx.in_skipped(span):
        return None
    message = (
        f"{match['wd'].rstrip('.')} is written next to {date:%B} {day}, {date.year}, "
        f"which is a {WEEKDAYS[date.weekday()].capitalize()}"
    )
    if year_written:
        return ctx.finding("CC501", "error", message, [span], confidence=1.0)
    return ctx.finding(
        "CC501", "warning", message + " (year taken from the document date)", [span], confidence=0.7
    )


def _claimed_date(ctx: Context, match: re.Match[str], month: int, day: int) -> dt.date | None:
    """The date the date claim written here resolved to: one calendar for the claim and the
    rule, so a year-less "Saturday 20 November" the extractor placed in 2004 (a Saturday) is not
    read again as November 20 of the document's year."""
    for claim in ctx.claims:
        if claim.kind != "date" or not _overlaps(claim.span, match):
            continue
        try:
            date = dt.date.fromisoformat(str(claim.value.get("date") or ""))
        except ValueError:
            continue
        if (date.month, date.day) == (month, day):
            return date
    return None


def _overlaps(span: Span, match: re.Match[str]) -> bool:
    return span.start < match.end() and match.start() < span.end


def _date_for(ctx: Context, month: int, day: int, year: str | None) -> tuple[dt.date | None, bool]:
    anchor = ctx.document.date
    if year is not None:
        return _safe_date(int(year), month, day), True
    if anchor is None:
        return None, False
    # without a year, the reading closest to the document date is the one a reader takes
    options = [
        d
        for y in (anchor.year - 1, anchor.year, anchor.year + 1)
        if (d := _safe_date(y, month, day)) is not None
    ]
    if not options:
        return None, False
    return min(options, key=lambda d: abs((d - anchor).days)), False


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _check_day_word(ctx: Context, match: re.Match[str], anchor: dt.date) -> Finding | None:
    word = match["rel"].lower()
    weekday = weekday_index(match["wd"])
    date = anchor + dt.timedelta(days=_DAY_WORD[word])
    if weekday is None or date.weekday() == weekday:
        return None
    span = Span(match.start(), match.end())
    message = (
        f"{word!r} is {date:%A} {date.isoformat()} by the document date "
        f"({anchor.isoformat()}), but the text calls it {match['wd'].rstrip('.')}"
    )
    confidence = 0.9 if ctx.document.date_source != "inferred" else 0.7
    return ctx.finding("CC501", "error", message, [span], confidence=confidence)


def relative_weekday_after(ctx: Context) -> Iterator[Finding]:
    """CC502: the text says it happened "next Tuesday", or "earlier this week, on Friday" in an
    article dated on a Wednesday."""
    anchor = ctx.document.date
    if anchor is None:
        return
    for match in _BARE_WEEKDAY.finditer(ctx.text):
        weekday = weekday_index(match["wd"])
        span = Span(match.start("wd"), match.end("wd"))
        if weekday is None or ctx.in_skipped(span):
            continue
        # the "next" of "next Tuesday" is the contradiction itself, not a sign of future tense
        clause = ctx.clause_at(span).replace(match.group(0), match["wd"])
        if not tense.is_past(clause):
            continue
        reason = _why_not_before(match, ctx.sentence_text(span.start), weekday, anchor)
        if reason:
            message = f"{match['wd']} is told as past, but {reason}"
            yield ctx.finding("CC502", "warning", message, [span], _claims_at(ctx, span), 0.7)


def _why_not_before(
    match: re.Match[str], sentence: str, weekday: int, anchor: dt.date
) -> str | None:
    """A bare past weekday is last week's when this week's has not come (news style: within
    seven days), so only "next", "this", or "earlier this week" pin it after the document date."""
    lead = (match["lead"] or "").lower()
    if lead in ("next", "this coming"):
        return f"'{lead} {match['wd']}' lies after the document date {anchor.isoformat()}"
    this_week = lead == "this" or _THIS_WEEK.search(sentence)
    if this_week and weekday > anchor.weekday():
        return (
            f"the document date {anchor.isoformat()} is a {anchor:%A}, so this week's "
            f"{match['wd']} has not come yet"
        )
    return None


def _claims_at(ctx: Context, span: Span) -> list[Claim]:
    return [
        c
        for c in ctx.claims
        if c.kind == "date" and c.span.start <= span.start and span.end <= c.span.end
    ]

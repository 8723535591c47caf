"""CC510: an event told in the past but dated after the document date, or told as still to come
but dated before it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from claimcheck.consistency import tense
from claimcheck.consistency.context import Context
from claimcheck.model import Claim, Finding


def tense_vs_document_date(ctx: Context) -> Iterator[Finding]:
    anchor = ctx.document.date
    if anchor is None:
        return
    for claim in ctx.claims:
        if claim.kind != "date" or claim.value.get("relative") or ctx.in_skipped(claim.span):
            continue
        order = _compare(str(claim.value.get("date") or ""), anchor)
        if order is None or order == 0:
            continue
        # only the verb the date hangs on counts: a clause may hold other tenses and dates
        before = ctx.text[
            max(ctx.sentence_at(claim.span.start).start, claim.span.start - 60) : claim.span.start
        ]
        if order > 0 and tense.past_verb_before(before):
            yield _finding(ctx, claim, anchor, "is told as past but dated after")
        elif order < 0 and tense.future_verb_before(before):
            yield _finding(ctx, claim, anchor, "is told as still to come but dated before")


def _compare(iso: str, anchor: dt.date) -> int | None:
    """-1, 0 or 1: the date against the document date at the date's own precision."""
    parts = iso.split("-")
    if not parts[0].isdigit() or len(parts[0]) != 4:
        return None
    mine = tuple(int(p) for p in parts if p.isdigit())
    theirs = (anchor.year, anchor.month, anchor.day)[: len(mine)]
    return (mine > theirs) - (mine < theirs)


def _finding(ctx: Context, claim: Claim, anchor: dt.date, how: str) -> Finding:
    message = f'"{claim.text}" {how} the document date {anchor.isoformat()}'
    confidence = 0.7 if ctx.document.date_source != "inferred" else 0.5
    return ctx.finding("CC510", "warning", message, [claim.span], [claim], confidence)

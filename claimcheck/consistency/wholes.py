"""CC505, CC506, CC507: parts that do not add up to their whole, an ordinal above its total,
shares of one whole summing over 100%."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from claimcheck.consistency import amounts
from claimcheck.consistency.context import Context
from claimcheck.consistency.words import NUMBER, ORDINALS, parse_number
from claimcheck.model import Claim, Finding, Span

_NUM = rf"(?i:{NUMBER})"
_NOUN = r"(?:[A-Za-z-]+\s+){0,2}(?:[a-z-]+s|people|children|men|women|personnel|staff|police)\b"
_NAMEWORD = r"(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'.-]*)*"
_FORUM = re.compile(
    rf"\b(?P<n>{_NUM})\s+(?P<noun>{_NOUN})\s+(?:and|plus)\s+"
    rf"(?P<extra>{_NAMEWORD}(?:(?:,\s*|,?\s+and\s+){_NAMEWORD})*)"
    rf".{{0,120}}?(?:\b(?:an?|the)\s+(?:\w+\s+)?(?:forum|group|total|body|gathering|meeting|"
    rf"council|bloc|panel|table|grouping|committee|delegation|team|summit)\s+of\s+(?P<m>{_NUM})"
    rf"|\b(?P<m2>{_NUM})\s+(?:[a-z]+\s+)?(?:in all|in total|altogether)"
    rf"|\btotal (?:of|to)\s+(?P<m3>{_NUM}))\b"
)
_MODIFIED = re.compile(
    r"(?:more than|over|at least|about|around|some|nearly|almost|up to|roughly|approximately|"
    r"fewer than|less than|under|an estimated|estimated)\s*$",
    re.IGNORECASE,
)
_WHOLE = re.compile(
    rf"\b(?P<w>{_NUM})\s+(?P<noun>{_NOUN})\b(?P<verb>(?:\s+[a-z]+){{0,4}}?)"
    r"(?P<sep>\s*:\s*|\s+[—–]\s+|,\s+including\s+|,\s+among them\s+|\s*\(\s*)"
)
_PART = re.compile(rf"^\s*(?P<n>{_NUM})\s+(?P<noun>[a-z][\w-]*)")
_ITEM_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def parts_and_whole(ctx: Context) -> Iterator[Finding]:
    """CC505: "30 member states and Russia ... in a forum of 32"; "12 people were killed:
    seven soldiers and four civilians"."""
    for sentence in ctx.sentences:
        text = ctx.text[sentence.start : sentence.end]
        for match in _FORUM.finditer(text):
            finding = _forum(ctx, sentence.start, match)
            if finding is not None:
                yield finding
        for match in _WHOLE.finditer(text):
            finding = _breakdown(ctx, sentence.start, text, match)
            if finding is not None:
                yield finding


def _forum(ctx: Context, offset: int, match: re.Match[str]) -> Finding | None:
    members, total = (
        parse_number(match["n"]),
        parse_number(match["m"] or match["m2"] or match["m3"]),
    )
    if members is None or total is None or _MODIFIED.search(match.string[: match.start()]):
        return None
    extras = len(_ITEM_SPLIT.split(match["extra"]))
    if members + extras == total:
        return None
    whole = (
        match.start("m") if match["m"] else match.start("m2") if match["m2"] else match.start("m3")
    )
    spans = [
        Span(offset + match.start("n"), offset + match.end("noun")),
        Span(offset + whole, offset + match.end()),
    ]
    message = (
        f"{match['n']} {match['noun']} and {match['extra']} make {members + extras}, "
        f"but the whole is given as {total}"
    )
    return ctx.finding("CC505", "error", message, spans, _claims_in(ctx, spans), 0.8)


def _breakdown(ctx: Context, offset: int, text: str, match: re.Match[str]) -> Finding | None:
    whole = parse_number(match["w"])
    if whole is None or _MODIFIED.search(text[: match.start()]):
        return None
    tail = re.split(r"[)]|[.;!?](?:\s|$)", text[match.end() :])[0]
    items = [i for i in _ITEM_SPLIT.split(tail) if i.strip()]
    parts = [_PART.match(i) for i in items]
    if len(items) < 2 or not all(parts) or any(_partitive(i) for i in items):
        return None
    total = sum((parse_number(p["n"]) or Decimal(0)) for p in parts if p)
    including = "including" in match["sep"] or "among" in match["sep"]
    if total == whole or (including and total < whole):
        return None
    spans = [
        Span(offset + match.start("w"), offset + match.end("noun")),
        Span(offset + match.end(), offset + match.end() + len(tail.rstrip())),
    ]
    if total > whole:
        message = (
            f"the parts listed add up to {total}, more than the {whole} {match['noun']} stated"
        )
        return ctx.finding("CC505", "error", message, spans, _claims_in(ctx, spans), 0.8)
    message = f"the parts listed add up to {total}, not the {whole} {match['noun']} stated"
    return ctx.finding("CC505", "warning", message, spans, _claims_in(ctx, spans), 0.6)


def _partitive(item: str) -> bool:
    return bool(re.match(rf"^\s*{_NUM}\s+of\b", item))


_ORDINAL_OF = re.compile(
    rf"\b(?P<ord>(?i:{'|'.join(ORDINALS)})|\d+(?:st|nd|rd|th))\s+of\s+(?:the\s+)?(?P<tot>{_NUM})\b"
)
_FRACTION = re.compile(rf"\b(?:a|an|one|{NUMBER})[\s-]*$", re.IGNORECASE)


def ordinal_above_total(ctx: Context) -> Iterator[Finding]:
    """CC506: "the fourth of three meetings"."""
    seen: list[Span] = []
    for claim in ctx.claims:
        if claim.kind != "ordinal":
            continue
        rank = amounts.amount(claim)
        total = amounts.to_decimal(claim.fields.get("total") or claim.value.get("total"))
        seen.append(claim.span)
        if rank is not None and total is not None and rank > total:
            yield _ordinal_finding(ctx, claim.span, rank, total, [claim])
    for match in _ORDINAL_OF.finditer(ctx.text):
        span = Span(match.start(), match.end())
        if any(s.start < span.end and span.start < s.end for s in seen) or ctx.in_skipped(span):
            continue
        if _FRACTION.search(ctx.text[max(0, span.start - 12) : span.start]):
            continue
        word = match["ord"].lower()
        rank = Decimal(ORDINALS[word]) if word in ORDINALS else Decimal(re.sub(r"\D", "", word))
        total = parse_number(match["tot"])
        if total is not None and rank > total:
            yield _ordinal_finding(ctx, span, rank, total, [])


def _ordinal_finding(
    ctx: Context, span: Span, rank: Decimal, total: Decimal, claims: list[Claim]
) -> Finding:
    message = f"ordinal {rank} is above its stated total of {total}"
    return ctx.finding("CC506", "error", message, [span], claims, 1.0)


# shares of one whole show themselves by naming both sides, or a side and the rest
_FOR = re.compile(
    r"\b(?:in favou?r|voted for|yes|support(?:s|ed)?|backed|approved?|approves)\b", re.IGNORECASE
)
_AGAINST = re.compile(
    r"\b(?:against|voted no|said no|opposed?|opposes|disapproved?|disapproves|rejected)\b",
    re.IGNORECASE,
)
_REST = re.compile(r"\b(?:undecided|the rest|remaining|remainder|did not answer)\b", re.IGNORECASE)
_OF_THE_VOTE = re.compile(r"\bof (?:the )?votes?\b", re.IGNORECASE)


def _one_whole(text: str) -> bool:
    sides = [bool(p.search(text)) for p in (_FOR, _AGAINST, _REST)]
    return sum(sides) >= 2 or len(_OF_THE_VOTE.findall(text)) >= 2


_SHARE_CHANGE = re.compile(
    r"\b(?:rose|risen|grew|grown|increased?|decreased?|fell|fallen|dropped|declined|climbed|up|down|"
    r"points?|compared|from|last year|growth|inflation|rate|each|respectively)\b|\b(?:19|20)\d\d\b",
    re.IGNORECASE,
)


def shares_over_whole(ctx: Context) -> Iterator[Finding]:
    """CC507: "56% voted in favour and 48% against": shares of one whole over 100%."""
    by_sentence: dict[Span, list[Claim]] = {}
    for claim in ctx.claims:
        if claim.kind == "percent" and amounts.amount(claim) is not None:
            by_sentence.setdefault(ctx.sentence_at(claim.span.start), []).append(claim)
    for sentence, claims in sorted(by_sentence.items()):
        text = ctx.text[sentence.start : sentence.end]
        if len(claims) < 2 or not _one_whole(text) or _SHARE_CHANGE.search(text):
            continue
        total = sum((_least(c) for c in claims), Decimal(0))
        slack = sum((amounts.rounding_unit(c) / 2 for c in claims), Decimal(0))
        if total > 100 + slack:
            message = f"shares of one whole add up to {total}%, over 100%"
            yield ctx.finding("CC507", "warning", message, [c.span for c in claims], claims, 0.7)


def _least(claim: Claim) -> Decimal:
    bound = amounts.interval(claim)
    if bound is None or bound.lo is None:
        return Decimal(0)
    return amounts.amount(claim) if amounts.is_exact(claim) else bound.lo  # type: ignore[return-value]


def _claims_in(ctx: Context, spans: list[Span]) -> list[Claim]:
    return [
        c for c in ctx.claims if any(s.start <= c.span.start and c.span.end <= s.end for s in spans)
    ]

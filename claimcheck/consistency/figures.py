"""CC503 and CC504: two mentions of the same figure (same counted noun, compatible subject, same
unit) whose bounds cannot both hold, or whose plain values differ beyond rounding."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal

from claimcheck.consistency import amounts
from claimcheck.consistency.context import Context
from claimcheck.consistency.words import MONTHS, WEEKDAYS, singular
from claimcheck.model import Claim, Finding, Span

PAIRED_KINDS = ("count", "money", "quantity")
_STOP = frozenset(
    "a an the of in for to on at by with worth from and or its their his her this that these "
    "those was were is are has have had be been some about around nearly over more than up "
    "million billion thousand trillion bn m k".split()
)
_CAPITALISED_STOP = (
    frozenset(
        "the a an but however in on at as and or he she it they we i this that there after before "
        "when while if about more up during".split()
    )
    | frozenset(MONTHS)
    | frozenset(WEEKDAYS)
)
# words too common to show that two sentences speak of the same thing
_FUNCTION = frozenset(
    "with after before near said says told there then than will would could also which who whom "
    "what when where while how why because according into onto under less most such other others "
    "all each per not but yet just only very them they their its it he she his her we our you "
    "your this that these those has have had was were is are be been being and for the are out "
    "off one two three four five six seven eight nine ten dozen hundred least".split()
)
# counted nouns so common that the words around them must agree more before two figures pair
_GENERIC = frozenset("people person other thing time year day month week hour case member".split())
_LIST_ITEM = re.compile(r"^[ \t]*(?:[*+-]|\d+[.)])\s", re.MULTILINE)
_WINDOW_WORDS = 15
_WINDOW_CHARS = 1000  # more than any _WINDOW_WORDS words of prose take
_Facts = tuple[frozenset[str], frozenset[str], bool]  # a sentence's names, anchors, changing
_MAX_RATIO = Decimal("1.5")
_MAX_EARLIER = 50
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")
_NAME = re.compile(r"\b[A-Z][A-Za-z’'-]+")
_RATE = re.compile(
    r"^\W*(?:\w+\s+){0,2}(?:a|per|each|every)\s+(?:day|week|month|year|hour)\b"
    r"|^\W*(?:daily|weekly|monthly|annually|a year|a day)\b",
    re.IGNORECASE,
)
_INCREMENT_BEFORE = re.compile(r"\b(?:another|additional|extra|further|other)\s*$", re.IGNORECASE)
_INCREMENT_AFTER = re.compile(r"^\s*(?:more|additional|extra|new|of\b)", re.IGNORECASE)
_CHANGE = re.compile(
    r"\b(?:rose|risen|rising|grew|grown|increased|decreased|fell|fallen|dropped|declined|doubled|"
    r"tripled|halved|climbed|surged|jumped|slumped|reduced|cut|boosted|up from|down from|"
    r"compared (?:with|to)|from\s+\S*\d\S*\s+to)\b",
    re.IGNORECASE,
)
_ANCHOR = re.compile(
    r"\b(?:(?:19|20)\d\d|last (?:year|month|week)|a year ago|initially|originally|previously|"
    r"at first|at the start|now|currently|today|since|by then|at the time|planned|proposed|"
    r"target|goal|aims?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mention:
    claim: Claim
    key: str
    from_counted: bool
    unit: str | None
    subject: str | None
    names: frozenset[str]
    sentence: Span
    anchors: frozenset[str]
    changing: bool
    context: frozenset[str]
    item: int | None


def conflicting_bounds(ctx: Context) -> Iterator[Finding]:
    """CC503: "more than 100,000 Russian troops" ... "up to 100,000 troops"."""
    for early, late, confidence in _pairs(ctx):
        if amounts.is_exact(early.claim) and amounts.is_exact(late.claim):
            continue
        a, b = amounts.interval(early.claim), amounts.interval(late.claim)
        if a is None or b is None or a.overlaps(b):
            continue
        message = (
            f"bounds on the same {_noun(early)} cannot both hold: "
            f'"{amounts.describe(early.claim)}" ({ctx.where(early.claim.span)}) vs '
            f'"{amounts.describe(late.claim)}"'
        )
        yield _report(ctx, "CC503", message, early, late, confidence)


def different_values(ctx: Context) -> Iterator[Finding]:
    """CC504: "$2bn" in the headline, "$2.5 billion" in the body, for the same thing."""
    for early, late, confidence in _pairs(ctx):
        if not (amounts.is_exact(early.claim) and amounts.is_exact(late.claim)):
            continue
        if amounts.same_when_rounded(early.claim, late.claim):
            continue
        message = (
            f'the same {_noun(early)} is given as "{amounts.describe(early.claim)}" '
            f'({ctx.where(early.claim.span)}) and "{amounts.describe(late.claim)}"'
        )
        yield _report(ctx, "CC504", message, early, late, confidence)


def _noun(mention: Mention) -> str:
    counted = mention.claim.fields.get("counted")
    return f"number of {counted}" if isinstance(counted, str) else f"{mention.key} figure"


def _report(
    ctx: Context, rule: str, message: str, early: Mention, late: Mention, confidence: float
) -> Finding:
    spans = [early.claim.span, late.claim.span]
    return ctx.finding(rule, "warning", message, spans, [early.claim, late.claim], confidence)


def _pairs(ctx: Context) -> Iterator[tuple[Mention, Mention, float]]:
    """Each later mention with every earlier mention of the same figure it can be paired to, and
    how sure the pairing is. Only mentions of one noun are compared, and only the nearest
    _MAX_EARLIER of them, so a huge input stays linear."""
    groups: dict[tuple[str, str, str | None], list[Mention]] = {}
    sentences: dict[tuple[int, int], _Facts] = {}
    for claim in sorted(ctx.claims, key=lambda c: c.span):
        if (mention := _mention(ctx, claim, sentences)) is not None:
            groups.setdefault((claim.kind, mention.key, mention.unit), []).append(mention)
    for found in groups.values():
        for i, late in enumerate(found):
            yield from _paired_with(found[max(0, i - _MAX_EARLIER) : i], late)


def _paired_with(earlier: list[Mention], late: Mention) -> Iterator[tuple[Mention, Mention, float]]:
    for early in earlier:
        confidence = _pairing(early, late)
        if confidence is not None:
            yield early, late, confidence


def _mention(
    ctx: Context, claim: Claim, sentences: dict[tuple[int, int], _Facts]
) -> Mention | None:
    if (
        claim.kind not in PAIRED_KINDS
        or amounts.amount(claim) is None
        or ctx.in_skipped(claim.span)
    ):
        return None
    before = ctx.text[max(0, claim.span.start - 40) : claim.span.start]
    after = ctx.text[claim.span.end : claim.span.end + 40]
    if _RATE.search(after) or _INCREMENT_BEFORE.search(before) or _INCREMENT_AFTER.search(after):
        return None
    counted = claim.fields.get("counted") or (claim.kind == "count" and claim.value.get("unit"))
    key = _head(str(counted)) if counted else _context_noun(before, after)
    if not key:
        return None
    sentence = ctx.sentence_at(claim.span.start)
    names, anchors, changing = _sentence_facts(ctx, sentence, sentences)
    subject = _name_of(claim.fields.get("subject") or claim.fields.get("of"))
    return Mention(
        claim=claim,
        key=key,
        from_counted=bool(counted),
        unit=None if claim.kind == "count" else str(claim.value.get("unit") or ""),
        subject=subject,
        names=names,
        sentence=sentence,
        anchors=anchors,
        changing=changing,
        context=_context(  # the window is words; a bounded slice keeps a huge sentence linear
            ctx.text[max(sentence.start, claim.span.start - _WINDOW_CHARS) : claim.span.start],
            ctx.text[claim.span.end : min(sentence.end, claim.span.end + _WINDOW_CHARS)],
            key,
        ),
        item=_list_item(ctx, claim.span.start),
    )


def _sentence_facts(ctx: Context, sentence: Span, seen: dict[tuple[int, int], _Facts]) -> _Facts:
    """The names, time anchors and change words of a sentence, read once per sentence: one
    sentence with thousands of figures (a table flattened into a line) stays linear."""
    key = (sentence.start, sentence.end)
    if key not in seen:
        text = ctx.text[sentence.start : sentence.end]
        seen[key] = (
            frozenset(_stem(n) for n in _NAME.findall(text) if n.lower() not in _CAPITALISED_STOP),
            frozenset(a.lower() for a in _ANCHOR.findall(text)),
            bool(_CHANGE.search(text)),
        )
    return seen[key]


def _context(before: str, after: str, key: str) -> frozenset[str]:
    """Stems of the content words within a few words of the figure, its own noun left out."""
    words = _WORD.findall(before)[-_WINDOW_WORDS:] + _WORD.findall(after)[:_WINDOW_WORDS]
    stems = {_stem(w) for w in words if len(w) >= 3 and w.lower() not in _FUNCTION | _STOP}
    return frozenset(stems - {key[:5]} - {w[:5] for w in _CAPITALISED_STOP})


def _list_item(ctx: Context, offset: int) -> int | None:
    """Where the Markdown list item holding `offset` starts; None outside lists. Items of a list
    are separate stories (a news digest), so figures in two items are never paired."""
    line_start = ctx.line_start(offset)
    return line_start if _LIST_ITEM.match(ctx.text, line_start) else None


def _name_of(value: object) -> str | None:
    """A subject field is a plain string or an entity mention {text, canonical, ...}."""
    if isinstance(value, Mapping):
        value = value.get("canonical") or value.get("text")
    return str(value) if value else None


def _stem(name: str) -> str:
    """Enough of a name to meet its other forms: NATO's ~ NATO, Russian ~ Russia."""
    return re.sub(r"[’']s?$", "", name).lower()[:5]


def _head(phrase: str) -> str | None:
    words = _WORD.findall(phrase)
    return singular(words[-1]) if words else None


def _context_noun(before: str, after: str) -> str | None:
    """The noun a money or quantity figure belongs to, only where the wording ties it: the word
    right after ("$2bn aid package" → aid) or before "worth"/"of" ("a deal worth $2.5bn")."""
    following = _WORD.findall(after[:30])
    if following and after[:1] in " -" and following[0].lower() not in _STOP | _FUNCTION:
        return singular(following[0])
    tied = re.search(r"([A-Za-z]+)\s+(?:worth|of|totalling|totaling|valued at)\s*$", before)
    if tied and tied.group(1).lower() not in _STOP | _FUNCTION:
        return singular(tied.group(1))
    return None


def _close(a: Claim, b: Claim) -> bool:
    """Figures far apart (13 and 4, 100 million and 2) are different figures, not one misstated."""
    x, y = amounts.amount(a), amounts.amount(b)
    if x is None or y is None or x <= 0 or y <= 0:
        return False
    return max(x, y) / min(x, y) <= _MAX_RATIO


def _pairing(early: Mention, late: Mention) -> float | None:
    """How sure we are that two mentions state the same figure; None when they may not."""
    a, b = early.claim, late.claim
    if a.kind != b.kind or early.key != late.key or early.unit != late.unit:
        return None
    if early.sentence == late.sentence or early.changing or late.changing:
        return None
    if early.anchors != late.anchors or not _close(a, b):
        return None
    if (early.item is not None or late.item is not None) and early.item != late.item:
        return None
    shared = early.context & late.context
    if len(shared) < (3 if early.key in _GENERIC else 2):
        return None
    confidence = 0.5 + 0.05 * min(len(shared) - 2, 2)
    confidence += 0.1 if early.from_counted and late.from_counted else 0
    if early.subject and late.subject:
        if _stem(early.subject) != _stem(late.subject):
            return None
        confidence += 0.2
    if early.names and late.names:
        if not early.names & late.names:
            return None
        confidence += 0.1
    return min(confidence, 0.9)

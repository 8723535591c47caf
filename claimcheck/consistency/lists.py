"""CC508: a stated count that differs from the number of items named after it
("three countries: Norway, Qatar")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from claimcheck.consistency.context import Context
from claimcheck.consistency.words import NUMBER, parse_number
from claimcheck.model import Finding, Span

_INTRO = re.compile(
    rf"\b(?P<n>(?i:{NUMBER}))\s+(?P<noun>(?:[a-z-]+\s+){{0,2}}[a-z-]+s)"
    r"(?:(?P<gap>(?:\s+[a-z]+){1,4}?)(?=\s*:))?"
    r"(?P<sep>\s*:\s*|\s+[—–]\s+|\s*\(\s*|,\s+namely\s+)"
)
# lists that say they are incomplete, or item names that carry their own "and"
_PARTIAL = re.compile(
    r"\b(?:among others|and others|etc|including|such as|for example|e\.g|among them|and more)\b",
    re.IGNORECASE,
)
_SCALE_NOUN = re.compile(r"(?:hundred|thousand|million|billion|trillion|percent|per cent)\b")
_TOP_AND = re.compile(r",\s*(?:and|or)\s+|,\s*|\s+(?:and|or)\s+")
_COMPOUND = re.compile(
    r"\b(?:Bosnia and Herzegovina|Trinidad and Tobago|Antigua and Barbuda|Saint Kitts and Nevis|"
    r"S[aã]o Tom[eé] and Pr[ií]ncipe|Saint Vincent and the Grenadines|Turks and Caicos|"
    r"Heard Island and McDonald)",
)
_MAX_ITEM_WORDS = 6
_NAME_PARTICLES = frozenset("the of de al van von bin der".split())
# an item holding one of these is a clause, not a name: "(to be matched by States and cities)"
_CLAUSE_WORD = re.compile(
    r"\b(?:to|be|is|are|was|were|will|would|has|have|had|that|which|who|it|they|not)\b",
    re.IGNORECASE,
)
# "five soldiers (two wounded, three dead)" is a breakdown (CC505), not a list of names
_NUMBER_FIRST = re.compile(rf"\s*(?i:{NUMBER})\b")


def count_vs_named(ctx: Context) -> Iterator[Finding]:
    for sentence in ctx.sentences:
        text = ctx.text[sentence.start : sentence.end]
        for match in _INTRO.finditer(text):
            finding = _check(ctx, sentence.start, text, match)
            if finding is not None:
                yield finding


def _check(ctx: Context, offset: int, text: str, match: re.Match[str]) -> Finding | None:
    stated = parse_number(match["n"])
    closer = r"\)" if "(" in match["sep"] else r"[;)]|\s[—–]\s"
    tail = re.split(closer, text[match.end() :])[0].strip().rstrip(".,!?")
    if stated is None or not tail or _PARTIAL.search(tail) or _SCALE_NOUN.match(match["noun"]):
        return None
    if match["gap"] and not all(_is_name(i) for i in _TOP_AND.split(tail) if i.strip()):
        return None  # words between the count and the list: only a list of names is read
    fewest, most = _item_counts(tail)
    if fewest is None or most is None or fewest <= stated <= most:
        return None
    named = most if stated > most else fewest
    spans = [
        Span(offset + match.start("n"), offset + match.end("noun")),
        Span(offset + match.end(), offset + match.end() + len(tail)),
    ]
    message = f"{match['n']} {match['noun']} are announced but {named} are named: {tail}"
    return ctx.finding("CC508", "error", message, spans, _claims_in(ctx, spans), 0.9)


def _is_name(item: str) -> bool:
    words = item.split()
    return bool(words) and all(w[0].isupper() or w in _NAME_PARTICLES for w in words)


def _item_counts(tail: str) -> tuple[int | None, int | None]:
    """Fewest and most items the list can hold: an "and" may join two items or sit inside one
    name ("Bosnia and Herzegovina"); commas always separate."""
    items = [i for i in _TOP_AND.split(tail) if i.strip()]
    if any(
        len(i.split()) > _MAX_ITEM_WORDS or _NUMBER_FIRST.match(i) or _CLAUSE_WORD.search(i)
        for i in items
    ):
        return None, None
    by_comma = [i for i in re.split(r",\s*(?:and\s+|or\s+)?", tail) if i.strip()]
    if len(by_comma) == 1 and len(items) == 1:
        return None, None  # a sentence, not a list
    fewest = len(by_comma)
    # after commas, the last "and" joins the last two items unless it sits inside a known name
    last = by_comma[-1]
    if fewest > 1 and re.search(r"\s(?:and|or)\s", last) and not _COMPOUND.search(last):
        fewest += 1
    return fewest, len(items)


def _claims_in(ctx: Context, spans: list[Span]) -> list:
    return [
        c for c in ctx.claims if any(s.start <= c.span.start and c.span.end <= s.end for s in spans)
    ]

"""National statistics in numeric claims: which measure a figure states ("the economy grew 6%" →
gdp_growth), whose it is ("Chile's", "the Chilean economy", "in Britain", "the EU"), its sign
(shrank, contracted), the year it is for ("in 2004", "last year") and whether it is an annual
figure at all ("0.9% in October", "in the third quarter" are not).

The phrasings are data (statistics_patterns.py): each family lists the words that may come
before the figure and after it. A claim gains a `statistic` field; a population claim also gains
`subject`/`predicate` when it had none, so a city's population is checked against Wikidata.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from claimcheck.extract.mentions import Mention
from claimcheck.extract.statistics_patterns import (
    AGGREGATE_NAMES,
    AT_LEAST,
    BOUNDARY,
    FAMILIES,
    FISCAL,
    MONTHLY,
    NAME,
    NEGATIVE,
    NOT_NAMES,
    OUTLOOK,
    QUARTERLY,
    RELATIVE_YEARS,
    TARGET_YEAR,
    YEAR,
    Family,
)
from claimcheck.model import Claim, Span

SUBJECT_TYPES = frozenset({"GPE", "NORP", "LOC", "ORG"})
WINDOW = 90  # characters before the figure searched for forecast words
# A clause is looked for this far either side of the figure: a pasted table is one "sentence"
# of thousands of figures, and each must cost the same.
REACH = 160


def with_statistic(claim: Claim, sentence: str, offset: int, mentions: list[Mention]) -> Claim:
    """`claim` with a `statistic` field when a family's phrasing surrounds its figure."""
    start, end = claim.span.start - offset, claim.span.end - offset
    if start < 0 or end > len(sentence):
        return claim
    before = _clause_before(sentence[max(0, start - REACH) : start])
    after = _clause_after(sentence[end : end + REACH])
    for family in FAMILIES:
        cue = family.match(claim, before, after)
        if cue is None:
            continue
        found = _statistic(family, cue, claim, sentence, offset, before, after, mentions)
        return _attach(claim, family, found)
    return claim


def _statistic(
    family: Family,
    cue: re.Match[str],
    claim: Claim,
    sentence: str,
    offset: int,
    before: str,
    after: str,
    mentions: list[Mention],
) -> dict[str, Any]:
    found: dict[str, Any] = {"measure": family.measure, "cue": cue.group(0).strip()}
    if family.signed and NEGATIVE.search(cue.group(0)) and not _negative(claim):
        found["sign"] = -1
    found.update(_period(before, after))
    if OUTLOOK.search(before[-WINDOW:]) or OUTLOOK.search(after[:40]) or TARGET_YEAR.search(after):
        found["outlook"] = True
    if AT_LEAST.search(before):
        found["bound"] = "above"  # "surpassed the line of 10 million inhabitants"
    subject = _subject(claim, sentence, offset, mentions)
    if subject is not None:
        found["subject"] = subject
    return found


def _attach(claim: Claim, family: Family, found: dict[str, Any]) -> Claim:
    extra: dict[str, Any] = {"statistic": found}
    if family.measure == "population" and "subject" in found:
        said = claim.fields.get("predicate") or {"text": found["cue"]}
        extra["predicate"] = {**said, "measure": "population"}  # "people" measure population
        if "subject" not in claim.fields:
            extra["subject"] = found["subject"]
    return replace(claim, fields={**claim.fields, **extra})


def _negative(claim: Claim) -> bool:
    amount = claim.value.get("amount")
    return amount is not None and float(amount) < 0


def _clause_before(text: str) -> str:
    """The text before the figure back to the start of its clause ("…, while inflation was")."""
    cut = [m.end() for m in BOUNDARY.finditer(text)]
    return text[cut[-1] :] if cut else text


def _clause_after(text: str) -> str:
    match = BOUNDARY.search(text)
    return text[: match.start()] if match else text


def _period(before: str, after: str) -> dict[str, Any]:
    """The year the clause names, or that it is a quarter's or a month's figure. After the
    figure, only up to a comma: "Peru, a country of 28 million people, votes next year"."""
    after = after.split(",", 1)[0]
    near = f"{before} … {after}"
    if FISCAL.search(near):
        return {"period": "fiscal_year"}
    year = YEAR.search(after) or YEAR.search(before)
    if year is not None:
        return {"period": "year", "year": int(year.group("year"))}
    for pattern, offset in RELATIVE_YEARS:
        if pattern.search(near):
            return {"period": "year", "year_offset": offset}
    if QUARTERLY.search(near):
        return {"period": "quarter"}
    if MONTHLY.search(near):
        return {"period": "month"}
    return {"period": "year"}


def _subject(
    claim: Claim, sentence: str, offset: int, mentions: list[Mention]
) -> dict[str, Any] | None:
    """Whose figure: an aggregate the sentence names, else the nearest place or people named
    before the figure in the sentence, else the first one after it."""
    start = claim.span.start
    clause = _clause_span(sentence, start - offset, claim.span.end - offset)
    aggregate = _aggregate(sentence, offset, clause)
    places = [m for m in mentions if m.type in SUBJECT_TYPES and m.end <= start]
    later = [m for m in mentions if m.type in SUBJECT_TYPES and m.start >= claim.span.end]
    nearest = max(places, key=lambda m: m.end) if places else (later[0] if later else None)
    if aggregate is not None and (
        nearest is None or (aggregate["span"].end <= start and aggregate["span"].end >= nearest.end)
    ):
        return aggregate
    if nearest is not None:
        return nearest.as_field()
    return aggregate or _named(sentence, offset, clause[0], start - offset)


def _named(sentence: str, offset: int, begin: int, figure: int) -> dict[str, Any] | None:
    """The last capitalized name before the figure in its clause, when the model tagged none
    ("Chile covers 756,000 square kilometres"): the source decides whether it is a country."""
    found = [m for m in NAME.finditer(sentence, begin, figure) if m.group(0) not in NOT_NAMES]
    if not found:
        return None
    last = found[-1]
    span = Span(offset + last.start(), offset + last.end())
    return {"text": last.group(0), "span": span, "type": "NAME"}


def _clause_span(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause holding the figure, as sentence offsets."""
    before = _clause_before(sentence[max(0, start - REACH) : start])
    return start - len(before), end + len(_clause_after(sentence[end : end + REACH]))


def _aggregate(sentence: str, offset: int, clause: tuple[int, int]) -> dict[str, Any] | None:
    """A World Bank aggregate ("the EU", "the world economy") named in the figure's clause."""
    match = AGGREGATE_NAMES.search(sentence, *clause)
    if match is None:
        return None
    span = Span(offset + match.start(), offset + match.end())
    return {"text": match.group(0), "span": span, "type": "AGGREGATE"}

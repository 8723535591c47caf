"""Age claims: "Vladimir Putin, 69, said", "the 26-year-old striker Kylian Mbappé", "Douglas
Adams, aged 49", "in his early 60s", "about 40". Each names its person (a PERSON mention the
screen keeps), the age as a range (a decade or "about" is read with its own rounding) and when
the age is claimed for: the article's date, or the death ("died aged 71"). An age in the past
("when he was 26", "at the age of 26") is not claimed for any date the article gives: none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from claimcheck.extract.claims import make_claim
from claimcheck.extract.people.screen import screen
from claimcheck.extract.sentence import Mention, sentence_of, text_of
from claimcheck.model import Claim, Document, Span

OLDEST = 120
_DECADE_WORDS = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50,
    "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90,
}  # fmt: skip
_PART = {"early": (0, 3), "mid": (4, 6), "mid-": (4, 6), "late": (7, 9)}
APPOSITION = re.compile(r"^,\s+(?:(about|around|roughly)\s+)?(\d{1,3}),|^\s+\((\d{1,3})\)")
YEAR_OLD = re.compile(r"\b(\d{1,3})[- ]year[- ]old\b")
AGED = re.compile(r"\baged\s+(\d{1,3})\b")
DECADE = re.compile(
    r"\bin\s+(?:his|her|their)\s+(?:(early|mid-?|late)\s*)?"
    r"((?:[2-9]0)s|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
    re.IGNORECASE,
)
PAST = re.compile(
    r"\b(?:when|while|as)\s+(?:he|she|they)\s+(?:was|were)\b|\bat\s+the\s+age\s+of\b",
    re.IGNORECASE,
)
DIED = re.compile(r"\b(?:died|dies|dead|death|killed|passed away)\b")


@dataclass(frozen=True)
class Age:
    start: int  # in the sentence text
    end: int
    lower: int
    upper: int
    approximate: bool
    cue: str
    person: Mention


def age_claims(document: Document, sdoc: Any, offset: int, mentions: list[Mention]) -> list[Claim]:
    people = [p for m in mentions if m.type == "PERSON" and (p := screen(sdoc, offset, m))]
    if not people:
        return []
    text = text_of(sdoc)
    ages = [a for a in _ages(text, offset, people) if plausible(a.lower, a.upper)]
    return [_claim(document, sdoc, offset, age, text) for age in ages]


def _ages(text: str, offset: int, people: list[Mention]) -> Iterator[Age]:
    for person in people:
        end = person.end - offset
        m = APPOSITION.match(text[end:])
        if m is not None:
            years = int(m.group(2) or m.group(3))
            about = m.group(1) is not None
            low, high = (years - 2, years + 2) if about else (years, years)
            number = m.start(2) if m.group(2) else m.start(3)
            at = end + number
            yield Age(at, at + len(str(years)), low, high, about, "apposition", person)
    for pattern, cue in ((YEAR_OLD, "year_old"), (AGED, "aged")):
        for m in pattern.finditer(text):
            near = _person_near(text, offset, m.start(), m.end(), people)
            if near is not None:
                years = int(m.group(1))
                yield Age(m.start(), m.end(), years, years, False, cue, near)
    for m in DECADE.finditer(text):
        only = _only_person_before(offset, m.start(), people)
        if only is not None:
            low, high = _decade(m.group(1), m.group(2))
            yield Age(m.start(), m.end(), low, high, True, "decade", only)


def _decade(part: str | None, word: str) -> tuple[int, int]:
    base = _DECADE_WORDS.get(word.lower()) or int(word[:2])
    first, last = _PART.get((part or "").lower(), (0, 9))
    return base + first, base + last


def _person_near(
    text: str, offset: int, start: int, end: int, people: list[Mention]
) -> Mention | None:
    """ "the 26-year-old striker Kylian Mbappé": the name right after the noun phrase; "Mbappé,
    26-year-old ..." or "X, aged 71": the name right before it."""
    for person in people:
        gap = text[end : person.start - offset]
        if 0 <= len(gap) <= 40 and re.fullmatch(r"(?:\s+[a-z][\w-]*){0,3}\s+", gap):
            return person
    for person in people:
        gap = text[person.end - offset : start]
        if 0 <= len(gap) <= 30 and re.fullmatch(
            r",?\s+(?:(?:is|was|a|an|the|who\s+is|who\s+died|died|dies|has\s+died)\s+)*", gap
        ):
            return person
    return None


def _only_person_before(offset: int, start: int, people: list[Mention]) -> Mention | None:
    before = [p for p in people if p.end - offset <= start]
    return before[0] if len({p.text for p in before}) == 1 else None


def _claim(document: Document, sdoc: Any, offset: int, age: Age, text: str) -> Claim:
    span = Span(offset + age.start, offset + age.end)
    clause = text[max(0, age.start - 60) : age.end + 40]
    at = "death" if DIED.search(clause) else "article"
    past = PAST.search(text[max(0, age.start - 40) : age.start]) is not None
    value = {
        "years": age.lower if age.lower == age.upper else None,
        "lower": age.lower,
        "upper": age.upper,
        "approximate": age.approximate,
        "at": "past" if past else at,
    }
    fields = {"person": age.person.as_field(), "cue": age.cue}
    return make_claim(document, "age", span, sentence_of(sdoc, age.person.first), value, fields)


def plausible(lower: int, upper: int) -> bool:
    return 0 < lower <= upper <= OLDEST

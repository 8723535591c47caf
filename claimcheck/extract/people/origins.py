"""Nationality and birthplace claims: "the Dutch manager Erik ten Hag", "American rapper
Kendrick Lamar", "Soviet citizen X" (nationality); "the South African-born centre X",
"Calgary-born Ted Cruz", "X, who was born in Calgary," (birthplace). A demonym before a
political title ("Russian President Vladimir Putin") names the office's country, a role claim's
business, not the person's citizenship: no nationality claim.
"""

from __future__ import annotations

import re
from typing import Any

from claimcheck.extract.claims import make_claim
from claimcheck.extract.lexicon import is_title_word
from claimcheck.extract.people.places import country_id, country_of, is_country
from claimcheck.extract.people.screen import people
from claimcheck.extract.sentence import Mention, sentence_of, text_of
from claimcheck.model import Claim, Document, Span

# "(the) Dutch (national team) manager " right before the name; "-born" makes it a birthplace.
BEFORE = re.compile(
    r"(?:^|[\s(])(?:(?:The|A|An)\s)?(?P<place>[A-Z][\w'’]+(?:\s[A-Z][\w'’]+)?)(?P<born>-born)?"
    r"(?P<words>(?:\s+[a-z][\w-]*){0,3})\s+$"
)
BORN_IN = re.compile(
    r"^,?\s+(?:\d{1,3},\s+)?(?:who\s+)?was\s+born\s+in\s+"
    r"(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})(?:,\s+(?P<country>[A-Z][\w'’ -]+))?"
)
NOT_NATIONALITY = frozenset({"ambassador", "envoy", "team", "national", "league", "club"})


def origin_claims(
    document: Document, sdoc: Any, offset: int, mentions: list[Mention]
) -> list[Claim]:
    text = text_of(sdoc)
    out = []
    for person in people(sdoc, offset, mentions):
        out += _before(document, sdoc, offset, text, person)
        out += _born_in(document, sdoc, offset, text, person)
    return out


def _before(document: Document, sdoc: Any, offset: int, text: str, person: Mention) -> list[Claim]:
    start = person.start - offset
    m = BEFORE.search(text, max(0, start - 80), start)
    if m is None:
        return []
    words = m.group("words").split()
    place = m.group("place")
    if m.group("born"):
        country = country_of(place)
        canonical, ner = (country, "GPE") if country else (place, "GPE")
        return [_claim(document, sdoc, offset, "birthplace", m, person, canonical, ner)]
    country = country_of(place)
    if country is None or any(is_title_word(w) or w in NOT_NATIONALITY for w in words):
        return []
    return [_claim(document, sdoc, offset, "nationality", m, person, country, "GPE")]


def _born_in(document: Document, sdoc: Any, offset: int, text: str, person: Mention) -> list[Claim]:
    end = person.end - offset
    m = BORN_IN.match(text[end:])
    if m is None:
        return []
    groups = ["place"]
    country = m.group("country")
    if country and is_country(country.strip()):
        groups.append("country")  # "born in Calgary, Canada": the city, and the country named
    out = []
    for group in groups:
        place = m.group(group).strip()
        at = end + m.start(group)
        span = Span(offset + at, offset + at + len(place))
        field = {"text": place, "span": span, "type": "GPE", "canonical": place}
        fields = {"person": person.as_field(), "place": field}
        value = {"person": person.text, "place": place}
        sentence = sentence_of(sdoc, person.first)
        claim_span = Span(person.start, span.end)
        out.append(make_claim(document, "birthplace", claim_span, sentence, value, fields))
    return out


def _claim(
    document: Document,
    sdoc: Any,
    offset: int,
    kind: str,
    m: re.Match[str],
    person: Mention,
    canonical: str,
    ner: str,
) -> Claim:
    place = m.group("place")
    at = m.start("place")
    place_span = Span(offset + at, offset + at + len(place))
    field = {"text": place, "span": place_span, "type": ner, "canonical": canonical}
    qid = country_id(canonical)
    if qid is not None:  # a country: its item is known, no search needed
        field["wikidata"] = qid
    span = Span(place_span.start, person.end)
    fields = {"person": person.as_field(), "place": field}
    value = {"person": person.text, "place": canonical}
    return make_claim(document, kind, span, sentence_of(sdoc, person.first), value, fields)

"""Culture titles with their organization: "Guardian editor X", "X, editor of the Guardian",
"Berlin Philharmonic conductor X", "X, chief conductor of the Berlin Philharmonic", "Royal Opera
House artistic director X", "X, director of the British Museum", "X, dean of the Law School".
These words are no titles to the role reader (an "editor" of what?); with the organization
written beside them they are. What the organization is — a newspaper, a film, a museum — is
left to the source: verification reads the property the linked item has (verify/heads.py).
"""

from __future__ import annotations

import re
from typing import Any

from claimcheck.extract.claims import make_claim
from claimcheck.extract.people.heads import ORG_NAME
from claimcheck.extract.people.heads_of import ENDED, ORG_WORDS
from claimcheck.extract.people.places import is_country, is_demonym
from claimcheck.extract.people.screen import people
from claimcheck.extract.people.teams import NOT_CLUBS
from claimcheck.extract.sentence import Mention, sentence_of, text_of
from claimcheck.model import Claim, Document, Span

TITLES = (
    r"editor-in-chief|editor|chief\s+conductor|principal\s+conductor|music\s+director"
    r"|conductor|artistic\s+director|director|curator|dean|principal"
)
_FORMER = r"(?:(?P<former>[Ff]ormer)\s+)?"
BEFORE = re.compile(  # right before the name
    rf"{_FORMER}(?:[Tt]he\s+)?(?P<org>{ORG_NAME})(?:['’]s)?\s+(?P<title>{TITLES})\s+$"
)
AFTER = re.compile(  # right after the name
    rf",\s+(?:the\s+)?{_FORMER}(?P<title>{TITLES})\s+(?:of|at)\s+(?:the\s+)?(?P<org>{ORG_NAME})"
)
_LEADING = re.compile(r"^(?:(?:The|Then|Acting|Interim|Former|Yesterday|Today)\s+)+")


def culture_claims(
    document: Document, sdoc: Any, offset: int, mentions: list[Mention], roles: list[Claim]
) -> list[Claim]:
    """Role claims for the people `roles` gives no role with an organization (or a country),
    where a culture
    title and its organization stand beside the name."""
    text = text_of(sdoc)
    have = {
        c.fields["person"]["span"]
        for c in roles
        if isinstance(c.fields.get("person"), dict)
        and ("organization" in c.fields or "country" in c.fields)
    }
    out = []
    for person in people(sdoc, offset, mentions):
        if Span(person.start, person.end) in have:
            continue
        start, end = person.start - offset, person.end - offset
        m = AFTER.match(text, end)
        if m is not None and not ENDED.match(text, m.end()):
            m = None
        m = m or BEFORE.search(text, max(0, start - 100), start)
        if m is not None and _org(m) and not ORG_WORDS.intersection(person.text.split()[:1]):
            out.append(_claim(document, sdoc, offset, person, m))
    return out


def _org(m: re.Match[str]) -> str | None:
    org = _LEADING.sub("", m.group("org")).rstrip(".")
    if not org or org in NOT_CLUBS or is_demonym(org) or is_country(org):
        return None  # "Israeli conductor X": a nationality, not an orchestra
    return org


def _claim(document: Document, sdoc: Any, offset: int, person: Mention, m: re.Match[str]) -> Claim:
    org = _org(m) or ""
    at = offset + m.start("org") + m.group("org").index(org)
    title = re.sub(r"\s+", " ", m.group("title"))
    fields: dict[str, Any] = {"person": person.as_field(), "position": title}
    fields["organization"] = {
        "text": org, "span": Span(at, at + len(org)), "type": "ORG", "canonical": org,
    }  # fmt: skip
    if m.group("former") or re.match(r"[Ff]ormer\s", m.group("org")):
        fields["temporal"] = "former"
    span = Span(min(at, person.start), max(offset + m.end(), person.end))
    value = {"person": person.canonical, "position": title}
    return make_claim(document, "role", span, sentence_of(sdoc, person.first), value, fields)

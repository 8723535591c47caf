"""Heads written with "of": "Elvira Nabiullina, head of the Bank of Russia,", "the head of the
Bank of Russia, Elvira Nabiullina", "the head of the central bank Elvira Nabiullina". A bare
"head" or "chief" is no title the role reader takes on its own ("head" of what?); with "of" and a
named organization it is one. "the central bank" names no bank (which country's is not guessed):
the role keeps it in its position words and links no organization.
"""

from __future__ import annotations

import re
from typing import Any

from claimcheck.extract.claims import make_claim
from claimcheck.extract.people.groups import INSTITUTIONS
from claimcheck.extract.people.heads import ORG_NAME
from claimcheck.extract.people.screen import people
from claimcheck.extract.people.teams import NOT_CLUBS
from claimcheck.extract.sentence import Mention, sentence_of, text_of
from claimcheck.model import Claim, Document, Span

_ORG = rf"(?:the\s+)?(?:(?P<org>{ORG_NAME})|(?P<generic>central\s+bank))"
AFTER = re.compile(  # right after the name
    rf",\s+(?:the\s+)?(?:(?P<former>former|ex-)\s*)?(?P<head>head|chief)\s+of\s+{_ORG}"
)
# After the organization's name, what may follow when the name is whole: not "the Hamas police
# force" (a part of Hamas), not "the FIFA World Cup 2026 Task Force" (a longer name).
ENDED = re.compile(
    r"\s*(?:$|[,.;:)]|\s(?:said|says|and|who|which|in|on|at|is|was|has|had|will|would|for|to"
    r"|from|since|until|told|announced)\b)"
)
BEFORE = re.compile(  # right before the name
    rf"(?:(?P<former>[Ff]ormer)\s+)?(?:[Tt]he\s+)?(?P<head>[Hh]ead|[Cc]hief)\s+of\s+{_ORG},?\s+$"
)

# A "person" the model cut from the organization's own name: "Chief of the Russian General" +
# "Staff Valery Gerasimov", "head of the Special State" + "Protection Service".
ORG_WORDS = INSTITUTIONS | {"Staff", "Service", "Office", "Forces", "Force", "Command", "Bureau"}


def head_of_claims(
    document: Document, sdoc: Any, offset: int, mentions: list[Mention], roles: list[Claim]
) -> list[Claim]:
    """Role claims for the people `roles` gives no role, where "head of" names their post."""
    text = text_of(sdoc)
    have = {c.fields["person"]["span"] for c in roles if isinstance(c.fields.get("person"), dict)}
    out = []
    for person in people(sdoc, offset, mentions):
        if Span(person.start, person.end) in have:
            continue
        start, end = person.start - offset, person.end - offset
        if ORG_WORDS.intersection(person.text.split()):
            continue
        m = AFTER.match(text, end)
        if m is not None and not ENDED.match(text, m.end()):
            m = None
        m = m or BEFORE.search(text, max(0, start - 100), start)
        if m is not None and (m.group("generic") or _names_the_org(m.group("org"))):
            out.append(_claim(document, sdoc, offset, person, m))
    return out


def _names_the_org(org: str) -> bool:
    """Not "the head of Hamas's political bureau" (a part of it) nor a pronoun's word."""
    return org not in NOT_CLUBS and not org.endswith(("'s", "’s", "'", "’"))


def _claim(document: Document, sdoc: Any, offset: int, person: Mention, m: re.Match[str]) -> Claim:
    head = m.group("head").lower()
    fields: dict[str, Any] = {"person": person.as_field()}
    if m.group("org"):
        org = m.group("org").rstrip(".")
        at = offset + m.start("org")
        fields["position"] = head
        fields["organization"] = {
            "text": org, "span": Span(at, at + len(org)), "type": "ORG", "canonical": org,
        }  # fmt: skip
    else:
        fields["position"] = f"{head} of the central bank"
    if m.group("former"):
        fields["temporal"] = "former"
    span = Span(min(offset + m.start(), person.start), max(offset + m.end(), person.end))
    while document.text[span.start] in ", ":
        span = Span(span.start + 1, span.end)
    value = {"person": person.canonical, "position": fields["position"]}
    return make_claim(document, "role", span, sentence_of(sdoc, person.first), value, fields)

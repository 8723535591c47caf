"""Team membership claims: "Chelsea striker Nicolas Jackson", "former Arsenal defender X",
"ex-Liverpool midfielder X" (a club, a playing position, the player), and "X joined Y from Z"
(Y at the article's date, Z before it). The club is read from the words, not the model's tags
(which call "Arsenal" nothing and "Ajax" a person). A manager or coach is the club's head
coach, not its member: not claimed here.
"""

from __future__ import annotations

import re
from typing import Any

from claimcheck.extract.claims import make_claim
from claimcheck.extract.people.screen import people
from claimcheck.extract.sentence import Mention, sentence_of, text_of
from claimcheck.model import Claim, Document, Span

POSITIONS = (
    "striker|midfielder|defender|goalkeeper|keeper|winger|forward|centre-back|full-back"
    "|left-back|right-back|playmaker|footballer"
)
_CLUB = r"[A-Z][\w.'’&-]*(?:\s(?:[A-Z][\w.'’&-]*|de|del|di))*"
BEFORE = re.compile(
    rf"(?:(?P<former>[Ff]ormer|[Ee]x)[\s-]+)?(?P<team>{_CLUB})\s+(?:{POSITIONS})\s+$"
)
JOINED = re.compile(  # matched at the end of the name
    rf"\s+(?:has\s+|have\s+)?joined\s+(?P<team>{_CLUB})(?:\s+from\s+(?P<old>{_CLUB}))?"
)
NOT_CLUBS = frozenset({"The", "A", "An", "His", "Her", "Their", "Star", "Veteran", "Young"})


def team_claims(document: Document, sdoc: Any, offset: int, mentions: list[Mention]) -> list[Claim]:
    text = text_of(sdoc)
    out = []
    for person in people(sdoc, offset, mentions):
        start, end = person.start - offset, person.end - offset
        m = BEFORE.search(text, max(0, start - 80), start)
        if m is not None and m.group("team") not in NOT_CLUBS:
            status = "former" if m.group("former") else "member"
            out.append(_claim(document, sdoc, offset, person, m, "team", status))
        j = JOINED.match(text, end)
        if j is not None:
            out.append(_claim(document, sdoc, offset, person, j, "team", "joined"))
            if j.group("old"):
                out.append(_claim(document, sdoc, offset, person, j, "old", "former"))
    return out


def _claim(
    document: Document,
    sdoc: Any,
    offset: int,
    person: Mention,
    m: re.Match[str],
    group: str,
    status: str,
) -> Claim:
    name = m.group(group)
    if name.endswith(".") and not re.search(r"\b[A-Z]\.$", name):
        name = name[:-1]  # the sentence's full stop, not "F.C."
    at = offset + m.start(group)
    team = {"text": name, "span": Span(at, at + len(name)), "type": "ORG", "canonical": name}
    span = Span(min(at, person.start), max(at + len(name), person.end))
    fields = {"person": person.as_field(), "team": team, "status": status}
    value = {"person": person.text, "team": name, "status": status}
    sentence = sentence_of(sdoc, person.first)
    return make_claim(document, "team_membership", span, sentence, value, fields)

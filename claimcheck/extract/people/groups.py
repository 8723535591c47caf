"""Band and group membership claims: "Take That singer Gary Barlow", "former Oasis guitarist X",
"X, a former member of Take That,", "X, the Beatles' drummer,", "X, the drummer of the Who",
"Mick Jagger of the Rolling Stones". The group is read from the words around the name, as team
membership reads its club (the model seldom tags a band). "former" / "ex-" make the claim one
about the past (`status: former`); otherwise it is claimed for the article's date (`member`).
"""

from __future__ import annotations

import re
from typing import Any

from claimcheck.extract.claims import make_claim
from claimcheck.extract.people.places import is_country, is_demonym
from claimcheck.extract.people.screen import people
from claimcheck.extract.sentence import Mention, sentence_of, text_of
from claimcheck.model import Claim, Document, Span

# The parts a member plays ("co-founder" is left out: companies have more than bands).
ROLES = (
    r"lead\s+singer|lead\s+vocalist|lead\s+guitarist|bass\s+player|founding\s+member"
    r"|singer|vocalist|drummer|guitarist|bassist|keyboardist|frontman|frontwoman|rapper"
    r"|member|songwriter|pianist|violinist|cellist"
)
# A group's name: capitalized words ("Take That", "Arctic Monkeys", "AC/DC", "Earth, Wind"
# stays out), the possessive after it taken off.
_GROUP = r"[A-Z][\w.&!+/-]*(?:\s(?:[A-Z0-9][\w.&!+/-]*|&))*"
_POSS = r"(?:['’]s?)?"
_FORMER = r"(?P<former>[Ff]ormer|[Ee]x)[\s-]+"
BEFORE = re.compile(  # "(former) (the) Take That singer " right before the name
    rf"(?:{_FORMER})?(?:[Tt]he\s+)?(?P<group>{_GROUP}){_POSS}\s+(?P<role>{ROLES})\s+$"
)
AFTER = (  # matched right after the name
    re.compile(  # ", a (former) member of (the) Take That"
        rf",\s+(?:an?|the)\s+(?:{_FORMER})?(?:founding\s+|original\s+|longtime\s+)?"
        rf"(?P<role>member)\s+of\s+(?:the\s+)?(?P<group>{_GROUP})"
    ),
    re.compile(  # ", the (former) Beatles' drummer"
        rf",\s+(?:(?:an?|the)\s+)?(?:{_FORMER})?(?:[Tt]he\s+)?(?P<group>{_GROUP}){_POSS}"
        rf"\s+(?P<role>{ROLES})\b"
    ),
    re.compile(  # ", the (former) drummer of / with the Who"
        rf",\s+(?:(?:an?|the)\s+)?(?:{_FORMER})?(?P<role>{ROLES})\s+(?:of|for|with|in)\s+"
        rf"(?:the\s+)?(?P<group>{_GROUP})"
    ),
    re.compile(r"\s+of\s+the\s+(?P<group>" + _GROUP + r"s)\b"),  # " of the Rolling Stones"
)
# Words that make the capitalized words a genre, a description or an institution, not a group:
# "Pop singer X", "British singer X", "a member of Parliament", "X of the United States".
NOT_GROUPS = frozenset(
    """The A An His Her Their Its This That Star Veteran Young Legendary Famous Late Pop Rock
    Folk Country Jazz Soul Punk Opera Gospel Blues Rap Metal Indie Session Grammy Former Then
    Singer Drummer Guitarist Band Group""".split()
)
# Words a sentence may start with before the group: "Yesterday Coldplay singer X".
LEADING = frozenset(
    """Yesterday Today Tonight Meanwhile However But And When After Before Then Now Also Earlier
    Later Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split()
)
INSTITUTIONS = frozenset(
    """Parliament Congress Representatives Politburo Senate House Assembly Committee Party
    Council Commission Court Board Cabinet Government Knesset Duma Bundestag Lords Commons
    Nations States Emirates Islands
    Netherlands Philippines Bahamas Maldives Seychelles Comoros Games Olympics Forces Affairs
    Times Democrats Republicans Conservatives Liberals Greens Americas Kingdom Union Academy
    Society Institute University College School Club League Association Federation Department
    Ministry Police Army Navy Guard Guards Republic Church Authority Agency Bank Group
    Corps""".split()
)


def group_claims(
    document: Document, sdoc: Any, offset: int, mentions: list[Mention]
) -> list[Claim]:
    text = text_of(sdoc)
    out = []
    for person in people(sdoc, offset, mentions):
        start, end = person.start - offset, person.end - offset
        m = BEFORE.search(text, max(0, start - 80), start)
        if m is not None and _is_group(_name(m)[0]):
            out.append(_claim(document, sdoc, offset, person, m))
            continue
        for pattern in AFTER:
            m = pattern.match(text, end)
            if m is not None and _is_group(_name(m)[0]):
                out.append(_claim(document, sdoc, offset, person, m))
                break
    return out


def _is_group(name: str) -> bool:
    words = name.split()
    if words[0] in NOT_GROUPS or any(w in INSTITUTIONS for w in words):
        return False
    if re.search(r"-[a-z]+$", words[-1]):  # "Grammy-winning", "Oscar-nominated"
        return False
    return not (is_country(name) or is_demonym(name) or is_demonym(words[0]))


def _name(m: re.Match[str]) -> tuple[str, int]:
    """The group's words and where they start in the chunk, a leading time word and the
    sentence's full stop left out."""
    name, at = m.group("group").rstrip("."), m.start("group")
    while " " in name and name.split()[0] in LEADING:
        cut = len(name.split()[0]) + 1
        name, at = name[cut:], at + cut
    return name, at


def covered(claims: list[Claim]) -> list[Claim]:
    """`claims` without the plain membership claims a group membership says better: "X, a
    former member of Coldplay" is no claim that X is a member."""
    pairs = {
        (c.value["person"].lower(), c.value["group"].lower())
        for c in claims
        if c.kind == "group_membership"
    }
    return [
        c
        for c in claims
        if c.kind != "membership"
        or (str(c.value.get("member")).lower(), str(c.value.get("organization")).lower())
        not in pairs
    ]


def _claim(document: Document, sdoc: Any, offset: int, person: Mention, m: re.Match[str]) -> Claim:
    name, at = _name(m)
    at += offset
    group = {"text": name, "span": Span(at, at + len(name)), "type": "ORG", "canonical": name}
    status = "former" if m.groupdict().get("former") else "member"
    role = re.sub(r"\s+", " ", m.group("role")) if m.groupdict().get("role") else None
    span = Span(min(at, person.start), max(offset + m.end(), person.end))
    fields: dict[str, Any] = {"person": person.as_field(), "group": group, "status": status}
    value: dict[str, Any] = {"person": person.text, "group": name, "status": status}
    if role:
        fields["role"] = value["role"] = role
    sentence = sentence_of(sdoc, person.first)
    return make_claim(document, "group_membership", span, sentence, value, fields)

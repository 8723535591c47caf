"""The organization a club or company head leads: "Arsenal manager Arsène Wenger", "Liverpool
boss X", "YouTube chief executive X", "Chelsea captain X". The model seldom tags the club
("Arsenal" is nothing, "Manchester United" a person), so the capitalized words right before the
title are read as the organization, as team membership reads its club."""

from __future__ import annotations

import re
from typing import Any

from claimcheck.extract.people.places import is_country
from claimcheck.extract.people.teams import _CLUB, NOT_CLUBS
from claimcheck.model import Document, Span

# Title heads whose organization holds the statement (head coach, chairperson, CEO), keyed by
# the title's last words as written, lowercased.
ORG_HEADS = frozenset(
    {
        "manager", "boss", "coach", "head coach", "captain",
        "chairman", "chairwoman", "chair", "chairperson",
        "ceo", "chief executive", "chief executive officer",
        "director", "artistic director",
    }
)  # fmt: skip
# The nations of the United Kingdom field national teams of their own: "England coach X".
HOME_NATIONS = frozenset({"England", "Scotland", "Wales", "Northern Ireland"})
# An organization's name after "of" may hold "of" itself: "the Bank of England".
ORG_NAME = r"[A-Z][\w.&'’-]*(?:\s+(?:(?:of|for|on|de|du)\s+(?:the\s+)?)?[A-Z][\w.&-]*)*"
# "CEO Tim Cook of Apple": the organization after the name, when none is before the title.
_OF_AFTER = re.compile(rf"\s+of\s+(?:the\s+)?(?P<org>{ORG_NAME})")
_LEADING = re.compile(r"^(?:(?:[Ff]ormer|[Ee]x|[Tt]he|[Tt]hen|[Aa]cting|[Ii]nterim)[\s-]+)+")


def org_head(position: str) -> str | None:
    """The head the position ends in ("Arsenal manager" → "manager"), or None."""
    low = position.lower().split()
    for n in (3, 2, 1):
        if len(low) >= n and " ".join(low[-n:]) in ORG_HEADS:
            return " ".join(low[-n:])
    return None


def read_organization(
    document: Document, person_start: int, position: str
) -> dict[str, Any] | None:
    """The organization field for a title written right before the name, or None."""
    before = document.text[max(0, person_start - 120) : person_start]
    m = re.search(rf"(?P<org>{_CLUB})\s+{re.escape(position)}\s+$", before)
    if m is None:
        return None
    org = _LEADING.sub("", m.group("org"))
    if not org or org in NOT_CLUBS or org.split()[0] in NOT_CLUBS:
        return None
    at = person_start - len(before) + m.end("org") - len(org)
    return {"text": org, "span": Span(at, at + len(org)), "type": "ORG", "canonical": org}


def read_organization_after(document: Document, person_end: int) -> dict[str, Any] | None:
    """The organization of "CEO Tim Cook of Apple": " of <name>" right after the person."""
    m = _OF_AFTER.match(document.text, person_end)
    if m is None or m.group("org") in NOT_CLUBS:
        return None
    org = m.group("org").rstrip(".")
    at = m.start("org")
    return {"text": org, "span": Span(at, at + len(org)), "type": "ORG", "canonical": org}


def with_organization(document: Document, fields: dict[str, Any], person_start: int) -> None:
    """Give an organization head with no organization and no country the one written before
    its title (or after the name, "CEO X of Apple"); a qualifier the model mis-tagged with the
    same words gives way to it. A country's name there is its national team: `country`."""
    position = fields.get("position", "")
    if org_head(position) is None or "country" in fields:
        return
    org = fields.get("organization")
    if org is None:
        org = read_organization(document, person_start, position)
    if org is None:
        person = fields.get("person") or {}
        span = person.get("span") if isinstance(person, dict) else None
        org = read_organization_after(document, span.end) if span is not None else None
    if org is None:
        return
    for slot in ("principal", "jurisdiction"):
        if slot in fields and fields[slot].get("text") == org["text"]:
            del fields[slot]
    if org["text"] in HOME_NATIONS or is_country(org["text"]):
        fields.pop("organization", None)
        fields["country"] = {**org, "type": "GPE"}
    else:
        fields["organization"] = org

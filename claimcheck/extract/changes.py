"""Figures told as a change, and the period of every figure.

"revenue rose by $7bn to $212.5bn" → by $7bn, to $212.5bn, direction up; "fell from 9.1% to
6.3%" → from, to; "a profit of $1.2bn, up 12% from a year earlier" → to $1.2bn, by 12%, base
period "a year earlier"; "grew 8.2% to $13.1bn" → by, to. Every figure of one change carries the
same `change` object (with its own `role`), and figures of one change share what they measure and
whose figure it is when only one of them says so.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from claimcheck.extract.periods import base_in, clause, period_in
from claimcheck.model import Claim, Document
from claimcheck.normalize.measures import FALL_WORDS, RISE_WORDS

CHANGE_KINDS = frozenset({"money", "percent", "count", "quantity"})
_WORDS = "|".join(sorted(RISE_WORDS | FALL_WORDS, key=len, reverse=True))
_SOFT = r"(?:(?:about|around|some|nearly|almost|roughly|more\s+than|over)\s+)?"
_VERB_BEFORE = re.compile(rf"\b(?P<verb>{_WORDS})\s+(?P<prep>by\s+|from\s+|to\s+)?{_SOFT}$", re.I)
_TO_GAP = re.compile(rf"^\s*(?:to|,?\s+to)\s+{_SOFT}$", re.IGNORECASE)
_FROM_GAP = re.compile(rf"^\s*,?\s+(?:from|up\s+from|down\s+from)\s+{_SOFT}$", re.IGNORECASE)
_BY_GAP = re.compile(
    rf"^\s*,?\s+(?:(?:or|an?)\s+)?(?P<verb>up|down|(?:an?\s+)?(?:increase|decrease|rise|fall|"
    rf"drop|gain|decline)(?:\s+of)?)\s+(?:by\s+)?{_SOFT}$",
    re.IGNORECASE,
)


def with_changes(
    document: Document, sentence: str, offset: int, claims: list[Claim]
) -> list[Claim]:
    """`claims` of one parsed chunk, each numeric one with its `period`, and with `change` for
    those told as a change."""
    figures = sorted((c for c in claims if c.kind in CHANGE_KINDS), key=lambda c: c.span)
    groups = _groups(sentence, offset, figures)
    updated = {}
    for group in groups:
        for claim in _apply(group, sentence, offset).values():
            updated[claim.id] = claim
    out = []
    for claim in claims:
        claim = updated.get(claim.id, claim)
        if claim.kind in CHANGE_KINDS and "period" not in claim.fields:
            claim = _with_period(claim, document, sentence, offset)
        out.append(claim)
    return out


def _groups(sentence: str, offset: int, figures: list[Claim]) -> list[dict[str, Any]]:
    groups: list[dict[str, Any]] = []
    i = 0
    while i < len(figures):
        group = _group_at(sentence, offset, figures[i : i + 4])  # a change has ≤ 3 figures
        if group is None:
            i += 1
            continue
        groups.append(group)
        i += len(group["roles"])
    return groups


def _group_at(sentence: str, offset: int, figures: list[Claim]) -> dict[str, Any] | None:
    """The change starting at figures[0]: its first role from the words before it ("rose by",
    "fell from", "climbed to"), the next ones from the words between the figures."""
    first = figures[0]
    start = first.span.start - offset
    before = _VERB_BEFORE.search(sentence[max(0, start - 40) : start])
    direction = _direction(before["verb"]) if before else None
    roles: dict[str, Claim] = {}
    if before is not None:
        roles[(before["prep"] or "by").strip().lower()] = first
    for previous, claim in zip(figures, figures[1:], strict=False):
        gap = sentence[previous.span.end - offset : claim.span.start - offset]
        role, word = _gap_role(gap)
        if role is None or role in roles or (not roles and role != "by"):
            break
        if not roles:  # "a profit of $1.2bn, up 12%": the first figure is where it got to
            roles["to"] = previous
        roles[role] = claim
        direction = direction or (_direction(word) if word else None)
    if direction is None or (len(roles) == 1 and "by" not in roles):
        return None
    return {"roles": roles, "direction": direction}


def _gap_role(gap: str) -> tuple[str | None, str | None]:
    if _TO_GAP.match(gap):
        return "to", None
    if _FROM_GAP.match(gap):
        return "from", None
    by = _BY_GAP.match(gap)
    return ("by", by["verb"].split()[-1]) if by else (None, None)


def _direction(word: str) -> str | None:
    word = word.lower()
    if word in RISE_WORDS or word in ("increase", "rise", "gain"):
        return "up"
    if word in FALL_WORDS or word in ("decrease", "fall", "drop", "decline"):
        return "down"
    return None


def _apply(group: dict[str, Any], sentence: str, offset: int) -> dict[str, Claim]:
    roles: dict[str, Claim] = group["roles"]
    last = max(c.span.end for c in roles.values()) - offset
    _, clause_end = clause(sentence, last)
    base = base_in(sentence, offset, last, clause_end)
    refs = {role: _ref(c) for role, c in roles.items()}
    shared = _shared(list(roles.values()))
    out = {}
    for role, claim in roles.items():
        change = {
            "direction": group["direction"],
            "role": role,
            "by": refs.get("by"),
            "from": refs.get("from"),
            "to": refs.get("to"),
            "base_period": base,
        }
        extra = {k: v for k, v in shared.items() if k not in claim.fields}
        out[role] = replace(claim, fields={**claim.fields, **extra, "change": change})
    return out


def _shared(claims: list[Claim]) -> dict[str, Any]:
    """What one figure of a change says for all: its measure and subject."""
    out: dict[str, Any] = {}
    for name in ("predicate", "subject"):
        found = [c.fields[name] for c in claims if c.fields.get(name)]
        if found:
            out[name] = found[0]
    return out


def _ref(claim: Claim) -> dict[str, Any]:
    return {"text": claim.text, "span": claim.span}


def _with_period(claim: Claim, document: Document, sentence: str, offset: int) -> Claim:
    base = (claim.fields.get("change") or {}).get("base_period")
    avoid = (base["span"].start - offset, base["span"].end - offset) if base else (0, 0)
    period = period_in(sentence, offset, claim.span.start - offset, document.date, avoid)
    if period is None:
        return claim
    return replace(claim, fields={**claim.fields, "period": period})

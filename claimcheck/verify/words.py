"""Matching article words against entity labels and aliases, loosely enough for news titles
("Senator" ~ "United States Senator", "Russian" ~ "Russia", "defence" ~ "defense")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from claimcheck.model import Entity, EntityRef

STOPWORDS = frozenset({"of", "the", "to", "for", "and", "in", "a", "an", "on", "at", "'s", "s"})
SPELLING = {
    "defence": "defense",
    "organisation": "organization",
    "programme": "program",
    "secretary-general": "secretary general",
    "u.s.": "us",
    "u.s": "us",
}
TOKEN = re.compile(r"[\w.]+(?:-\w+)*", re.UNICODE)


def tokens(text: str) -> list[str]:
    lowered = text.lower().replace("’", "'")
    for a, b in SPELLING.items():
        lowered = lowered.replace(a, b)
    return [
        t.strip(".")
        for t in TOKEN.findall(lowered.replace("-", " "))
        if t.strip(".") not in STOPWORDS
    ]


def same_word(a: str, b: str) -> bool:
    """Equal, or one a demonym-like extension of the other ("russia"/"russian")."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 3


def contains_words(needle: str, haystack: str) -> bool:
    """Every content word of `needle` appears in `haystack`."""
    hay = tokens(haystack)
    wanted = tokens(needle)
    return bool(wanted) and all(any(same_word(w, h) for h in hay) for w in wanted)


def names(entity: Entity | None, ref: EntityRef | None = None) -> list[str]:
    """Label and aliases of an entity (or just the label a reference carries)."""
    out: list[str] = []
    if entity is not None:
        out += [n for n in (entity.label, *entity.aliases) if n]
    if ref is not None and ref.label:
        out.append(ref.label)
    return out


def mentions(text: str, candidates: Iterable[str]) -> bool:
    """`text` is named by one of the candidate names (all its words appear in that name)."""
    return any(contains_words(text, c) for c in candidates)

"""What only a parse can settle about a candidate: what a count counts, and whether a bare
year-shaped number is a year or a count ('2000 troops')."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from claimcheck.extract.found import Found
from claimcheck.extract.lemmas import lemma
from claimcheck.normalize import bounds

# Skipped between a figure and its noun: 'more than 100,000 Russian troops', '30 new cases'.
_SKIP_POS = {"ADJ", "ADV", "PUNCT"}
_BEFORE_A_COUNT = {"VERB", "AUX", "CCONJ", "PUNCT"}
_COUNT_WORDS = {"than", "to", "about", "around", "some", "over", "under", "nearly", "almost"}


def refine(found: Found, sdoc: Any, offset: int) -> Found | None:
    """The candidate as the parse confirms it, or None when it is not a claim after all."""
    if found.needs == "year":
        return _year_or_count(found, sdoc, offset)
    if found.needs == "counted":
        return _with_counted(found, sdoc, offset)
    return found


def _tokens_in(sdoc: Any, start: int, end: int) -> list[Any]:
    return [t for t in sdoc if t.idx < end and t.idx + len(t.text) > start]


def _with_counted(found: Found, sdoc: Any, offset: int) -> Found | None:
    core_start, core_end = found.core or (found.start, found.end)
    inside = _tokens_in(sdoc, core_start - offset, found.end - offset)
    if not inside:
        return None
    after = inside[-1].i + 1
    counted = _noun_after(sdoc, after)
    if counted is None and inside[0].lower_ not in ("one", "a", "an"):
        counted = _noun_before_of(sdoc, inside[0].i)
    if counted is None or counted.lower().split()[0] in _NOT_COUNTED:
        return None
    if counted.lower() == "times" and _comparing(sdoc, after):
        return None  # 'three times as high': a ratio, not three occasions
    # The counted noun is a count's unit: "30 member states" counts in member states.
    return Found(
        found.kind,
        found.start,
        found.end,
        {**found.value, "unit": counted},
        {**found.fields, "counted": counted},
        core=found.core,
    )


# Nouns a figure before "of" measures rather than counts.
_MEASURES = frozenset(
    "age rate score height length temperature speed price cost value level margin size depth "
    "weight total average sum maximum minimum scale magnitude index ratio".split()
)
# What "one ..." or a figure may stand before without counting anything a source could check.
_NOT_COUNTED = frozenset("thing things way ways reason indication example point".split())


def _comparing(sdoc: Any, i: int) -> bool:
    """'times as high', 'times more', 'times the size': the figure multiplies."""
    j = i + 1  # past 'times'
    return j < len(sdoc) and (
        sdoc[j].lower_ in ("as", "more", "less", "fewer", "the", "that", "over")
        or sdoc[j].tag_ in ("JJR", "RBR")
    )


def _noun_after(sdoc: Any, i: int) -> str | None:
    if i < len(sdoc) and sdoc[i].lower_ == "of":  # 'tens of thousands of people'
        i += 1
        while i < len(sdoc) and sdoc[i].pos_ == "DET":
            i += 1
    while (
        i < len(sdoc)
        and (sdoc[i].pos_ in _SKIP_POS or sdoc[i].ent_type_ == "NORP" or _participle(sdoc[i]))
        and (sdoc[i].text not in (",", ".", ";", ":", ")"))
    ):
        i += 1
    nouns = []
    while i < len(sdoc) and sdoc[i].pos_ in ("NOUN", "PROPN") and sdoc[i].ent_type_ != "NORP":
        nouns.append(sdoc[i])
        i += 1
        if nouns[-1].dep_ != "compound":
            break
    while nouns and nouns[0].pos_ == "PROPN" and len(nouns) > 1:
        nouns = nouns[1:]
    if not nouns or nouns[-1].pos_ != "NOUN":
        return None
    if nouns[-1].ent_type_ == "DATE" and nouns[-1].tag_ == "NN":
        return None  # 'hit 2.3bn last year' counts no years; '13 consecutive nights' counts
    return " ".join(t.text for t in nouns)


def _participle(token: Any) -> bool:
    """'150 elected members', '40 injured passengers': a participle before the noun."""
    return token.dep_ == "amod" and token.tag_ in ("VBN", "VBG")


def _modifying(token: Any) -> bool:
    """'about', 'more than', 'nearly': a modifier between 'of' and the figure."""
    return token.dep_ in ("quantmod", "advmod") or token.lower_ in _COUNT_WORDS | _COMPARING


_COMPARING = {"more", "less", "fewer", "just", "well", "approximately", "roughly"}


def _noun_before_of(sdoc: Any, i: int) -> str | None:
    """'a forum of 31' → 'forum'; 'a population of about 600,000' → 'population'."""
    first = i
    while i > 0 and first - i < 3 and _modifying(sdoc[i - 1]):
        i -= 1
    if i < 2 or sdoc[i - 1].lower_ != "of" or sdoc[i - 2].pos_ != "NOUN":
        return None
    if lemma(sdoc[i - 2]).lower() in _MEASURES:
        return None  # 'the ages of 55 and 65', 'a rate of 5': a measure, not what is counted
    head = sdoc[i - 2]
    parts = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "NOUN"] + [head]
    return " ".join(t.text for t in parts)


def _year_or_count(found: Found, sdoc: Any, offset: int) -> Found | None:
    tokens = _tokens_in(sdoc, found.start - offset, found.end - offset)
    if not tokens:
        return found
    token = tokens[0]
    after = sdoc[token.i + 1] if token.i + 1 < len(sdoc) else None
    before = sdoc[token.i - 1] if token.i > 0 else None
    plural_noun = after is not None and after.tag_ == "NNS"
    # "killed 2000 people" is a count; "the disputed 2024 elections" names a year.
    counted_verb = before is None or before.pos_ in _BEFORE_A_COUNT or before.lower_ in _COUNT_WORDS
    if _names_a_year(sdoc, token.i, after):
        counted_verb = False
    # A token wider than the year ('2023–2024 floods', spaCy keeps an en-dash range whole) is a
    # span of years, not a count.
    whole = token.idx == found.start - offset and token.idx + len(token.text) == found.end - offset
    if not plural_noun or not counted_verb or not whole:
        return Found(found.kind, found.start, found.end, found.value, found.fields, core=found.core)
    amount = bounds.bounded(Decimal(token.text), None)
    count = Found(
        "count", found.start, found.end, {**amount, "unit": None}, needs="counted", core=found.core
    )
    return _with_counted(count, sdoc, offset)


# Plural nouns a year names more often than a figure counts: "the 2024 elections".
_YEAR_EVENTS = frozenset(
    "elections polls midterms primaries games olympics championships playoffs protests riots "
    "attacks floods wildfires fires earthquakes strikes talks negotiations".split()
)


def _names_a_year(sdoc: Any, i: int, after: Any) -> bool:
    """'the disputed 2024 elections', 'the 2022 floods': a year-shaped number after "the" (past
    any adjectives) or before an event's plural names the year."""
    before = sdoc[i - 1] if i > 0 else None
    counting = before is not None and (
        before.pos_ in ("VERB", "AUX", "NUM") or before.lower_ in _COUNT_WORDS
    )
    if after is not None and after.lower_ in _YEAR_EVENTS and not counting:
        return True  # 'after 2024 elections'; but 'launched 2000 strikes' counts
    j = i - 1
    while j >= 0 and sdoc[j].tag_ in ("JJ", "VBN", "VBD") and i - j <= 2:
        j -= 1
    return j >= 0 and j < i - 1 and sdoc[j].lower_ in ("the", "this", "that", "its", "their")

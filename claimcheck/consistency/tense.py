"""Is a clause told in the past or in the future? A few closed word lists, no parser: the rules
that use this fire only when one reading is present and the other absent."""

from __future__ import annotations

import re

_FUTURE = re.compile(
    r"\b(?:will|shall|won[’']t|going to|due to|set to|scheduled|slated|expected|planned|plans? to"
    r"|intends? to|aims? to|next|upcoming|coming|would|could|may|might|should|hopes? to"
    r"|is to|are to)\b|[’']ll\b",
    re.IGNORECASE,
)
_PAST_WORDS = (
    "was were had did said met held took told signed announced agreed voted visited arrived left "
    "began ended won lost killed died launched opened closed spoke made came went sat gave saw "
    "wrote sent struck attacked fired flew rejected approved passed elected resigned declared "
    "published released reported confirmed denied claimed warned called urged insisted added "
    "noted ran broke fell rose grew shot hit paid sold bought built led chose became"
).split()
_PAST = re.compile(
    rf"\b(?:{'|'.join(_PAST_WORDS)}|ago|yesterday|last night|earlier this)\b", re.IGNORECASE
)
_ED_VERB = re.compile(r"\b(?:[a-z]{3,}ed)\b")
# participles that describe the future or a plan, not a completed event
_NOT_PAST_ED = frozenset(
    "scheduled expected planned slated proposed intended supposed anticipated predicted "
    "forecasted estimated needed required red based alleged bed".split()
)


def is_future(clause: str) -> bool:
    return bool(_FUTURE.search(clause))


def is_past(clause: str) -> bool:
    if is_future(clause):
        return False
    if _PAST.search(clause):
        return True
    return any(w not in _NOT_PAST_ED for w in _ED_VERB.findall(clause))


_LEAD = r"(?:on|in|by|since|during)\s+(?:early|late|mid-?)?\s*"
_PAST_VERB = rf"(?:{'|'.join(_PAST_WORDS)}|[a-z]{{3,}}ed)"
# the verb right before the date, as in "was signed on March 3, 2023" or "died in 2027"
_PAST_ATTACHED = re.compile(rf"\b(?P<verb>{_PAST_VERB})\s+{_LEAD}$", re.IGNORECASE)
_NOT_PAST_BEFORE = re.compile(
    r"\b(?:to|be|will|would|could|may|might|should|must|shall|can|is|are|am)\s+$", re.IGNORECASE
)
_FUTURE_ATTACHED = re.compile(
    rf"(?:\b(?:will|shall)|[’']ll)\s+(?:not\s+)?(?:be\s+)?[a-z]+\s+{_LEAD}$"
    rf"|\b(?:is|are)\s+(?:scheduled|due|set|slated|planned)\s+(?:to\s+[a-z]+\s+)?"
    rf"(?:for|{_LEAD})\s*$",
    re.IGNORECASE,
)


def past_verb_before(text: str) -> bool:
    """The text ends with a past-tense verb and its preposition: "... was signed on "."""
    match = _PAST_ATTACHED.search(text)
    if not match or match["verb"].lower() in _NOT_PAST_ED:
        return False
    return not _NOT_PAST_BEFORE.search(text[: match.start()])


def future_verb_before(text: str) -> bool:
    """The text ends with a future verb and its preposition: "... will be held on "."""
    return bool(_FUTURE_ATTACHED.search(text))

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


_DEFINITE_FUTURE = re.compile(
    r"\b(?:will|shall|won[’']t|(?:is|are) (?:due|set|scheduled|slated|expected|planned) (?:to|for)"
    r"|(?:is|are) scheduled|upcoming|plans? to)\b|[’']ll\b",
    re.IGNORECASE,
)
_PAST_AUX = re.compile(r"\b(?:was|were|had|did|ago|yesterday)\b", re.IGNORECASE)


def is_definite_future(clause: str) -> bool:
    """Told as still to come: "will", "is scheduled to"..., with no past auxiliary beside it."""
    return bool(_DEFINITE_FUTURE.search(clause)) and not _PAST_AUX.search(clause)

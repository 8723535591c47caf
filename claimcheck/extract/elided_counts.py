"""Counts whose noun was said once, and figures that look like counts but are thresholds.

"sold 300 cars in May and 450 in June": the 450 counts cars too, though the noun is not
repeated. "cut staff by more than 2,000 and the agency by almost 5,000": both figures count
staff, the object of the verb before "by". "children under 12", "voters aged 16 or over": an
age threshold of a group, not a count of 12 children (and not a person's age claim: those are
`extract/people/ages.py`'s).

A figure inherits only from a count already kept in the same sentence, and only across a
coordination ("and", "or", "but", "while", a comma) or "including", with no other figure, no
clause-ending punctuation and no finite verb of its own between them; whatever scan already
made a year, a score, a time or money never reaches here (only `needs="counted"` candidates do).
"""

from __future__ import annotations

import re
from typing import Any

from claimcheck.extract.found import Found
from claimcheck.extract.lemmas import lemma
from claimcheck.extract.refine import refine
from claimcheck.extract.sentence import text_of
from claimcheck.normalize.measures import FALL_WORDS, RISE_WORDS

# The gap between the kept count's end and the bare figure: 'cars in May and ', 'goals,
# including ', ' and the agency by almost '. No digits (another figure), no ; : . ( ).
_GAP = re.compile(
    r"^[^\d;:.()!?]*?(?:\band\b|\bor\b|\bbut\b|\bwhile\b|\bincluding\b|,)[^\d;:.()!?]*$",
    re.IGNORECASE,
)
_GAP_WORDS = 8
# Nouns a figure after "by" changes rather than counts: 'raised prices by 5' is no count of prices.
_NOT_COUNTED_OBJECTS = frozenset(
    "price rate cost value level tax fee tariff wage salary pay rent share stake output "
    "production spending budget target forecast estimate margin".split()
)
_THRESHOLD_WORDS = {"under", "over", "above", "below"}


def threshold(found: Found, sdoc: Any, offset: int) -> bool:
    """'children under 12', 'adults over 70', 'voters aged 16 or over', 'people aged 65 and
    older': a bound on the age of a group, never a count of that group."""
    before = [t for t in sdoc if t.idx + len(t.text) <= found.start - offset]
    if before and before[-1].lower_ == "aged":
        return True
    core_start = (found.core or (found.start, found.end))[0] - offset
    words = [t for t in sdoc if found.start - offset <= t.idx < core_start]
    return bool(
        words
        and words[0].lower_ in _THRESHOLD_WORDS
        and before
        and before[-1].tag_ == "NNS"
        and not _counted_after(sdoc, words[-1].i + 2)
    )


def _counted_after(sdoc: Any, i: int) -> bool:
    """A plural noun after the figure, past adjectives ('over 70 villages', 'over 50 Mexican
    individuals'): then it is a count after all."""
    while i < len(sdoc) and (sdoc[i].pos_ == "ADJ" or sdoc[i].ent_type_ == "NORP"):
        i += 1
    return i < len(sdoc) and sdoc[i].tag_ in ("NNS", "NNPS")


def inherited(found: Found, sdoc: Any, offset: int, kept: list[Found]) -> Found | None:
    """The bare count `found` with the noun of the count kept before it in the sentence, or of
    the object before "cut … by"; None when neither applies."""
    if found.kind != "count" or found.needs != "counted":
        return None
    if not _bare(found, sdoc, offset):
        return None
    counted = _from_earlier(found, sdoc, offset, kept) or _object_before_by(found, sdoc, offset)
    if counted is None:
        return None
    return _counting(found, counted, "earlier in the sentence")


# Between a bare figure and the figure whose noun it shares: '40 or 50 people', '30, 40 or 50
# protesters', 'two or three soldiers' (a range 'between 40 and 50' is scan's already).
_ALTERNATIVE = re.compile(r"^\s*(?:,\s*)?(?:or|and|,)?\s*(?:(?:possibly|perhaps|maybe)\s+)?$", re.I)


def named_after(found: Found, sdoc: Any, offset: int, candidates: list[Found]) -> Found | None:
    """The bare count `found` with the noun of an alternative figure after it: '40' of 'some
    40 or 50 people' counts people. Only across 'or', 'and' or commas with nothing else between,
    bare figures chained ('30, 40 or 50 protesters')."""
    if found.kind != "count" or found.needs != "counted" or not _bare(found, sdoc, offset):
        return None
    text, end = text_of(sdoc), found.end
    for later in sorted((c for c in candidates if c.start >= found.end), key=lambda c: c.start):
        gap = text[end - offset : later.start - offset]
        if later.kind != "count" or not _ALTERNATIVE.match(gap):
            return None
        counted = refine(later, sdoc, offset)
        noun = counted.fields.get("counted") if counted is not None else None
        if counted is not None and noun:
            if not text.startswith(" " + str(noun), counted.end - offset):
                return None  # the noun is not the next word: 'four or five of the goals'
            return _counting(found, str(noun), "later in the sentence")
        end = later.end
    return None


def _counting(found: Found, counted: str, where: str) -> Found:
    return Found(
        found.kind,
        found.start,
        found.end,
        {**found.value, "unit": counted},
        {**found.fields, "counted": counted, "counted_from": where},
        core=found.core,
    )


# After the figure: the end, a preposition, a conjunction, punctuation or 'more' ('wounding
# 124 more'). A word of its own after it ('one generation', 'nearly 7 times as many', 'thirty
# new projects') means the parse rejected a noun, and nothing is to be inherited.
_AFTER_BARE = {"ADP", "CCONJ", "PUNCT", "SCONJ"}
_TIME_OF_DAY = re.compile(
    r"^\s*(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night|o'clock|[ap]\.?m\b)", re.I
)
# Nouns of time never pass on: 'the hours of 3 in the afternoon and 8 at night'.
_TIME_NOUNS = frozenset("second minute hour day night week month year decade century".split())


def _bare(found: Found, sdoc: Any, offset: int) -> bool:
    end = found.end - offset
    if _TIME_OF_DAY.match(text_of(sdoc)[end:]):
        return False
    after = [t for t in sdoc if t.idx >= end]
    return not after or after[0].pos_ in _AFTER_BARE or after[0].lower_ in ("more", "others")


def _from_earlier(found: Found, sdoc: Any, offset: int, kept: list[Found]) -> str | None:
    earlier = [
        f for f in kept if f.kind == "count" and f.fields.get("counted") and f.end <= found.start
    ]
    if not earlier:
        return None
    nearest = max(earlier, key=lambda f: f.end)
    parallel = _parallel(found, sdoc, offset, earlier, nearest)
    last = parallel or nearest
    # Another figure between them: the noun is not the nearest one's. In a parallel, the count
    # in the slot of the figure's own preposition ('one vessel') may sit there.
    between = [f for f in kept if last.end <= f.start < found.start and f.kind != "date"]
    if any(not (parallel and f is nearest) for f in between):
        return None
    gap = text_of(sdoc)[last.end - offset : found.start - offset]
    if len(gap.split()) > _GAP_WORDS or not _GAP.match(gap) or _own_verb(sdoc, last, found, offset):
        return None
    counted = str(last.fields["counted"])
    if counted.lower().split()[-1].rstrip("s") in _TIME_NOUNS:
        return None
    return counted


def _parallel(
    found: Found, sdoc: Any, offset: int, earlier: list[Found], nearest: Found
) -> Found | None:
    """'rescue 26 people from one vessel and 38 from another': the same preposition after both
    figures says the 38 parallels the 26 people, not the one vessel nearest to it."""
    text = text_of(sdoc)
    after = _PREPOSITION.match(text, found.end - offset)
    if after is None:
        return None
    word = after["p"].lower()
    if not text[: nearest.start - offset].rstrip().lower().endswith(" " + word):
        return None
    before = [f for f in earlier if f.end <= nearest.start]
    for f in sorted(before, key=lambda f: f.end, reverse=True):
        told = _PREPOSITION.match(text, _past_noun(text, f, offset))
        if told is not None and told["p"].lower() == word:
            return f
    return None


def _past_noun(text: str, count: Found, offset: int) -> int:
    """Where the words after a count's noun start: after 'people' in '26 people from'."""
    end = count.end - offset
    noun = " " + str(count.fields.get("counted", ""))
    return end + len(noun) if text.startswith(noun, end) else end


_PREPOSITION = re.compile(
    r"\s+(?P<p>from|in|to|at|on|for|into|onto|of|with|among|across|inside)\b", re.IGNORECASE
)


def _own_verb(sdoc: Any, last: Found, found: Found, offset: int) -> bool:
    """'11 goals and won 3 …': a finite verb between starts a predicate of its own."""
    between = [t for t in sdoc if last.end - offset <= t.idx < found.start - offset]
    return any(t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in between)


def _object_before_by(found: Found, sdoc: Any, offset: int) -> str | None:
    """'cut staff by more than 2,000', 'reduced its workforce by 500': the figure after "by"
    counts the object of a verb of changing."""
    before = [t for t in sdoc if t.idx + len(t.text) <= found.start - offset]
    if len(before) < 3 or before[-1].lower_ != "by":
        return None
    noun = before[-2]
    if noun.pos_ != "NOUN" or lemma(noun).lower() in _NOT_COUNTED_OBJECTS:
        return None
    # The verb by its word, not its parse: spaCy often tags 'cut' in 'cut staff by' a noun.
    j = noun.i - 1
    while j >= 0 and noun.i - j <= 3 and sdoc[j].pos_ in ("DET", "PRON", "ADJ"):
        j -= 1
    if j < 0 or sdoc[j].lower_ not in RISE_WORDS | FALL_WORDS:
        return None
    return str(noun.text)

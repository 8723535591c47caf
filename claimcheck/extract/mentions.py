"""Entity mentions in a parsed sentence: NER type plus a canonical surface form.

The small English model mislabels names often enough (a long organization name split at "in
Europe", a journalist's name tagged WORK_OF_ART) that mentions are repaired here with what the
article itself says: acronym definitions, and names in slots only a person can fill. Canonical
forms come from ordered, named strategies; the tables they use are plain data in lexicon.py.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from claimcheck.extract.lexicon import ALIASES, DEMONYMS, is_title_word
from claimcheck.extract.names import person_slots
from claimcheck.extract.people.slots import NAME_PARTICLES
from claimcheck.extract.sentence import Mention, text_of, tokens_with
from claimcheck.model import Document
from claimcheck.normalize.dates import WEEKDAYS

# A generic noun resolves to a named organization only when exactly one organization of that
# sort has been named earlier in the article ("the alliance" after NATO).
GENERIC_REFERENTS: dict[str, tuple[str, ...]] = {
    "alliance": ("NATO", "North Atlantic Treaty Organization", "AUKUS"),
    "bloc": ("European Union", "EU", "ASEAN", "Mercosur"),
}

TYPED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"})
DETERMINERS = ("the ", "The ")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_WORD = r"(?:[A-Z][\w-]*|of|for|and|the|in|on|de|&)"
# "Organization for Security and Co-operation in Europe (OSCE)" and "OSCE (Organization ...)".
_ACRONYM_AFTER = re.compile(
    rf"({_WORD}(?:[ \t]+{_WORD}){{0,11}})[ \t]*\(([A-Z][A-Za-z&.]{{1,9}})\)"
)
_ACRONYM_BEFORE = re.compile(rf"\b([A-Z][A-Z&.]{{1,9}})[ \t]*\(([A-Z][\w-]*(?:[ \t]+{_WORD})*)\)")
_OPENING = re.compile(r"\((?=[A-Z])")
_MINOR_WORDS = frozenset({"of", "for", "and", "the", "in", "on", "de", "&"})


@dataclass(frozen=True)
class ArticleContext:
    """What the whole article says that a single sentence needs: acronym definitions.

    The hooks ask for it once per sentence, so it is built once per text and every lookup is
    indexed: rescanning the article per sentence made one long document quadratic."""

    text: str
    acronyms: dict[str, str] = field(default_factory=dict)
    long_forms: tuple[tuple[re.Pattern[str], str], ...] = ()
    _first_seen: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, document: Document) -> ArticleContext:
        return _article_context(document.text)

    def named_before(self, names: Iterable[str], offset: int) -> list[str]:
        return [n for n in names if self._first_end(n) <= offset]

    def long_forms_in(self, sentence: str) -> list[tuple[re.Pattern[str], str]]:
        """The long forms whose first word the sentence has (the only ones that can match)."""
        if not self.long_forms:
            return []
        words = {_word_key(w) for w in _WORDS.findall(sentence)}
        index = self._by_first_word
        return [entry for w in sorted(words & index.keys()) for entry in index[w]]

    def long_form_of(self, surface: str) -> str | None:
        """The defined long form this surface spells out (case, spacing and hyphens aside)."""
        return self._by_squashed.get(squash(surface))

    @functools.cached_property
    def _by_first_word(self) -> dict[str, list[tuple[re.Pattern[str], str]]]:
        index: dict[str, list[tuple[re.Pattern[str], str]]] = {}
        for pattern, long in self.long_forms:
            index.setdefault(_word_key(long.split()[0]), []).append((pattern, long))
        return index

    @functools.cached_property
    def _by_squashed(self) -> dict[str, str]:
        index: dict[str, str] = {}
        for _, long in self.long_forms:
            index.setdefault(squash(long), long)
        return index

    def _first_end(self, name: str) -> int | float:
        if name not in self._first_seen:
            found = re.search(rf"\b{re.escape(name)}\b", self.text)
            self._first_seen[name] = found.end() if found else -1
        end = self._first_seen[name]
        return end if end >= 0 else float("inf")


@functools.lru_cache(maxsize=2)
def _article_context(text: str) -> ArticleContext:
    acronyms = defined_acronyms(text)
    long_forms = tuple((long_form_pattern(long), long) for long in sorted(set(acronyms.values())))
    return ArticleContext(text, acronyms, long_forms)


_WORDS = re.compile(r"[\w\u2010\u2011-]+")


def _word_key(word: str) -> str:
    return "".join(ch for ch in word.casefold() if ch.isalnum())


def defined_acronyms(text: str) -> dict[str, str]:
    """Acronym → long form for "Long Form (LF)" and "LF (Long Form)" where the initials agree."""
    found: dict[str, str] = {}
    for window in bracket_windows(text):
        for match in _ACRONYM_AFTER.finditer(window):
            long = fit_long_form(match.group(1).split(), match.group(2))
            if long:
                found.setdefault(match.group(2), long)
        for match in _ACRONYM_BEFORE.finditer(window):
            words = match.group(2).split()
            if initials(words) == letters(match.group(1)):
                found.setdefault(match.group(1), " ".join(words))
    return found


def bracket_windows(text: str, reach: int = 160) -> list[str]:
    """The text around each "(": the hooks run once per sentence, so the whole article is
    never scanned with the (slower) definition patterns."""
    return [text[max(m.start() - reach, 0) : m.start() + reach] for m in _OPENING.finditer(text)]


def fit_long_form(words: list[str], acronym: str) -> str | None:
    """The shortest tail of `words` whose capitalized initials spell the acronym."""
    for begin in range(len(words) - 1, -1, -1):
        tail = words[begin:]
        if tail[0].lower() in _MINOR_WORDS:
            continue
        if initials(tail) == letters(acronym):
            return " ".join(tail)
    return None


def initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w.lower() not in _MINOR_WORDS).upper()


def letters(acronym: str) -> str:
    return "".join(ch for ch in acronym if ch.isalpha()).upper()


def long_form_pattern(long: str) -> re.Pattern[str]:
    """Matches the long form with or without its hyphens ("Co-operation" / "Cooperation")."""
    parts = [
        re.escape(w).replace(r"\-", "[-\u2010\u2011]?") for w in long.replace("-", "-").split()
    ]
    return re.compile(r"\b" + r"\s+".join(parts) + r"\b", re.IGNORECASE)


def squash(text: str) -> str:
    """Comparison key: letters and digits only, case-folded."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


# --- canonical forms: ordered, named strategies -------------------------------------------------


def _by_acronym(surface: str, label: str, ctx: ArticleContext, offset: int) -> str | None:
    return ctx.acronyms.get(surface)


def _by_long_form(surface: str, label: str, ctx: ArticleContext, offset: int) -> str | None:
    return ctx.long_form_of(surface)


def _by_alias(surface: str, label: str, ctx: ArticleContext, offset: int) -> str | None:
    return ALIASES.get(surface)


def _by_demonym(surface: str, label: str, ctx: ArticleContext, offset: int) -> str | None:
    return DEMONYMS.get(surface) if label in {"NORP", ""} else None


def _by_generic_referent(surface: str, label: str, ctx: ArticleContext, offset: int) -> str | None:
    words = surface.lower().split()
    if not words or words[-1] not in GENERIC_REFERENTS:
        return None
    if any(w[:1].isupper() for w in surface.split()[:-1]):
        return None  # "the BRICS trade bloc" names its bloc: it is not "the bloc" named before
    named = ctx.named_before(GENERIC_REFERENTS[words[-1]], offset)
    distinct = {ALIASES.get(n, ctx.acronyms.get(n, n)) for n in named}
    return named[0] if len(distinct) == 1 else None


CANONICAL_STRATEGIES: tuple[Callable[[str, str, ArticleContext, int], str | None], ...] = (
    _by_acronym,
    _by_long_form,
    _by_alias,
    _by_demonym,
    _by_generic_referent,
)


def bare(surface: str) -> str:
    """The surface without a leading article or trailing possessive."""
    for det in DETERMINERS:
        if surface.startswith(det):
            surface = surface[len(det) :]
    return _POSSESSIVE.sub("", surface).strip()


def canonical(surface: str, label: str, ctx: ArticleContext, offset: int) -> str:
    plain = bare(surface)
    for strategy in CANONICAL_STRATEGIES:
        found = strategy(plain, label, ctx, offset)
        if found:
            return found
    return plain


# --- mentions of one sentence ----------------------------------------------------------------


def sentence_mentions(ctx: ArticleContext, sdoc: Any, offset: int) -> list[Mention]:
    """NER mentions of `sdoc`, repaired with the article's acronym definitions and person slots."""
    defined = defined_name_spans(ctx, sdoc)
    mentions = [m for m in (ner_mention(ctx, ent, offset) for ent in sdoc.ents) if m]
    mentions = [m for m in mentions if not any(overlaps(m, d) for d in defined)]
    mentions += [make_mention(ctx, sdoc[a:b], "ORG", offset) for a, b in defined]
    mentions += acronym_mentions(ctx, sdoc, offset, mentions)
    mentions += generic_mentions(ctx, sdoc, offset, mentions)
    people = repaired_people(ctx, sdoc, offset, mentions)
    people += [m for m in mentions if m.type == "PERSON"]
    mentions = [m for m in mentions if m.type != "PERSON"]
    mentions = [m for m in mentions if not any(overlaps(m, (p.first, p.last)) for p in people)]
    return sorted(mentions + people, key=lambda m: m.start)


def overlaps(mention: Mention, tokens: tuple[int, int]) -> bool:
    return mention.first < tokens[1] and tokens[0] < mention.last


def ner_mention(ctx: ArticleContext, ent: Any, offset: int) -> Mention | None:
    if ent.label_ not in TYPED_LABELS:
        return None
    span = ent
    if ent.label_ == "PERSON":
        span = person_core(ent)
    elif len(ent) > 1 and ent[0].lower_ == "the":
        span = ent[1:]
    if span is None or len(span) == 0:
        return None
    return make_mention(ctx, span, ent.label_, offset)


def person_core(ent: Any) -> Any | None:
    """A PERSON entity without leading nationality adjectives or titles ("Russian Vladimir
    Putin" → "Vladimir Putin") and without a trailing possessive."""
    begin = 0
    while begin < len(ent) - 1 and (ent[begin].text in DEMONYMS or is_title_word(ent[begin].text)):
        begin += 1
    end = len(ent)
    while end > begin and (
        ent[end - 1].tag_ in {"POS", "PRP$"}
        or ent[end - 1].is_punct
        # "Antony Blinken Tuesday urged": the model runs the name on into the day it is dated
        or ent[end - 1].lower_ in WEEKDAYS
    ):
        end -= 1
    if end < len(ent):
        return ent[begin:end] if end > begin else None
    return with_particles(ent.doc, ent.start + begin, ent.end) if end > begin else None


def with_particles(doc: Any, first: int, last: int) -> Any:
    """ "Ursula von der" + "Leyen": a name the model cut at its particles runs on to the
    capitalized word after them."""
    end = last
    while end < len(doc) and doc[end].lower_ in NAME_PARTICLES:
        end += 1
    if end < len(doc) and end > last and doc[end].text[:1].isupper():
        return doc[first : end + 1]
    if doc[last - 1].lower_ in NAME_PARTICLES and last < len(doc) and doc[last].text[:1].isupper():
        return doc[first : last + 1]
    return doc[first:last]


def make_mention(ctx: ArticleContext, span: Any, label: str, offset: int) -> Mention:
    start = offset + span.start_char
    return Mention(
        text=span.text,
        start=start,
        end=offset + span.end_char,
        type=label,
        canonical=canonical(span.text, label, ctx, start),
        first=span.start,
        last=span.end,
    )


def defined_name_spans(ctx: ArticleContext, sdoc: Any) -> list[tuple[int, int]]:
    """Token ranges of long forms the article defines an acronym for, wherever they occur."""
    found = []
    text = text_of(sdoc)
    for pattern, _ in ctx.long_forms_in(text):
        for match in pattern.finditer(text):
            span = sdoc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None:
                found.append((span.start, span.end))
    return found


def acronym_mentions(
    ctx: ArticleContext, sdoc: Any, offset: int, known: list[Mention]
) -> list[Mention]:
    if not ctx.acronyms:
        return []
    taken = {i for m in known for i in range(m.first, m.last)}
    return [
        make_mention(ctx, sdoc[t.i : t.i + 1], "ORG", offset)
        for t in sdoc
        if t.text in ctx.acronyms and t.i not in taken
    ]


def generic_mentions(
    ctx: ArticleContext, sdoc: Any, offset: int, known: list[Mention]
) -> list[Mention]:
    """'the alliance' when the article makes plain which alliance it is."""
    taken = {i for m in known for i in range(m.first, m.last)}
    found = []
    for token in tokens_with(sdoc, "LOWER", GENERIC_REFERENTS):
        if token.i in taken:
            continue
        start = token.i
        while (
            start > 0 and sdoc[start - 1].pos_ in {"ADJ", "DET"} and sdoc[start - 1].lower_ != "a"
        ):
            start -= 1
        if _names_its_own(sdoc, start):
            continue  # "the BRICS trade bloc": a bloc with its name on it, not the one before
        mention = make_mention(ctx, sdoc[start : token.i + 1], "ORG", offset)
        if mention.canonical != bare(mention.text):
            found.append(mention)
    return found


_NAME_PARTS = {"compound", "amod", "nmod"}


def _names_its_own(sdoc: Any, start: int) -> bool:
    """Whether a proper name stands in the words just before a generic referent."""
    i = start - 1
    while i >= 0 and sdoc[i].pos_ in {"NOUN", "PROPN", "ADJ"} and sdoc[i].dep_ in _NAME_PARTS:
        if sdoc[i].pos_ == "PROPN" or sdoc[i].ent_type_:
            return True
        i -= 1
    return i >= 0 and sdoc[i].pos_ == "PROPN"


def repaired_people(
    ctx: ArticleContext, sdoc: Any, offset: int, known: list[Mention]
) -> list[Mention]:
    """Names the model missed or mislabelled in slots only a person fills: after "CNN's", after
    a title, or in a list alongside recognised people."""
    # A slot inside a person the model found is that person cut short ("Rahim Al" of
    # "Rahim Al-Hussaini"), not a second one.
    people = [(m.first, m.last) for m in known if m.type == "PERSON"]
    return [
        make_mention(ctx, sdoc[a:b], "PERSON", offset)
        for a, b in person_slots(sdoc, known)
        if not any(first <= a and b <= last for first, last in people)
    ]

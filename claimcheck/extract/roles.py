"""`role` claims: a person with a title, in the three forms newsrooms write —
title before the name ("Russian Deputy Foreign Minister Alexander Grushko"), name then an
appositive title ("Jens Stoltenberg, NATO's secretary general,"), and a definite description
answered by a name fragment ("... the US ambassador to NATO told CNN on Tuesday. Julianne Smith.").

A title needs a head word from TITLE_HEADS; qualifiers before it (or after "of"/"to") that are
named entities become organization / country / party / state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from claimcheck.extract.claims import make_claim
from claimcheck.extract.lemmas import lemma
from claimcheck.extract.lexicon import (
    APPOINTING,
    KNOWN_COUNTRIES,
    PARTIES,
    US_STATES,
    WEAK_HEADS,
    is_title_head,
    is_title_word,
)
from claimcheck.extract.memberships import hedged
from claimcheck.extract.names import names_something_else
from claimcheck.extract.people.heads import with_organization
from claimcheck.extract.sentence import Mention, sentence_of, text_of, tokens_with
from claimcheck.model import Claim, Document, Span

TEMPORAL = frozenset({"former", "acting", "outgoing", "incoming", "then", "ex", "late"})
COPULAS = frozenset({"be", "become", "remain"})
STATE_TITLES = frozenset(
    {
        "senator",
        "sen.",
        "governor",
        "gov.",
        "representative",
        "rep.",
        "congressman",
        "congresswoman",
        "lawmaker",
        "attorney",
    }
)
SPEECH_VERBS = frozenset(
    {"say", "tell", "add", "warn", "note", "write", "announce", "insist", "argue", "claim", "state"}
)


@dataclass(frozen=True)
class Title:
    """A title phrase: its token range, the position words, and the qualifier mentions."""

    first: int
    last: int
    position: str
    qualifiers: tuple[Mention, ...]
    temporal: str | None
    polarity: str = "positive"


def role_claims(document: Document, sdoc: Any, offset: int, mentions: list[Mention]) -> list[Claim]:
    people = [m for m in mentions if m.type == "PERSON"]
    claims: list[Claim] = []
    for person in people:
        if names_something_else(sdoc, person):
            continue
        title = (
            title_before(sdoc, person, mentions)
            or title_after(sdoc, person, mentions)
            or title_answered(sdoc, person, mentions)
            or title_predicated(sdoc, person, mentions)
        )
        if title is not None:
            claims.append(role_claim(document, sdoc, offset, person, title))
    claims += described_roles(document, sdoc, offset, mentions, people)
    return claims


def role_claim(document: Document, sdoc: Any, offset: int, person: Mention, title: Title) -> Claim:
    title_start = offset + sdoc[title.first].idx
    title_end = offset + sdoc[title.last - 1].idx + len(sdoc[title.last - 1])
    span = Span(min(title_start, person.start), max(title_end, person.end))
    first = title.first
    fields: dict[str, Any] = {"person": person.as_field(), "position": title.position}
    fields.update(qualifier_fields(title))
    with_organization(document, fields, person.start)
    if title.temporal:
        fields["temporal"] = title.temporal
    if title.polarity != "positive":
        fields["polarity"] = title.polarity
    value = {"person": person.canonical, "position": title.position}
    return make_claim(document, "role", span, sentence_of(sdoc, first), value, fields)


def qualifier_fields(title: Title) -> dict[str, Any]:
    """organization / country / party / state, each a mention: the words as written ("GOP",
    "Russian") and the canonical form the linker should search ("Republican Party", "Russia")."""
    head = title.position.lower().split()
    has_party = any(q.text in PARTIES for q in title.qualifiers)
    fields: dict[str, Any] = {}
    for q in title.qualifiers:
        fields.setdefault(qualifier_slot(q, head, has_party), q.as_field())
    return fields


def qualifier_slot(q: Mention, head: list[str], has_party: bool) -> str:
    if q.type == "PERSON":
        return "principal"
    if q.text in PARTIES and q.type in {"ORG", "NORP", ""}:
        return "party"
    if q.text in US_STATES:  # "Georgia's Secretary of State": never read as the country
        return "state" if has_party or STATE_TITLES.intersection(head) else "jurisdiction"
    if q.type == "NORP" or (q.type == "GPE" and q.canonical in KNOWN_COUNTRIES):
        return "country"
    # A city or region ("Kyiv Mayor Vitali Klitschko") is not a country; nothing checks it yet.
    return "jurisdiction" if q.type == "GPE" else "organization"


# --- title before the name -------------------------------------------------------------------


def title_before(sdoc: Any, person: Mention, mentions: list[Mention]) -> Title | None:
    by_token = {i: m for m in mentions for i in range(m.first, m.last)}
    i = person.first - 1
    words: list[int] = []
    qualifiers: list[Mention] = []
    temporal = None
    while i >= 0:
        token = sdoc[i]
        low = token.lower_
        mention = by_token.get(i)
        if is_title_word(token.text) and _all_title_words(sdoc, mention):
            words.insert(0, i)
        elif low in {"of", "for", "-"} and words and i > 0 and is_title_word(sdoc[i - 1].text):
            words.insert(0, i)
        elif mention is not None and mention.type in {"ORG", "GPE", "NORP"}:
            qualifiers.insert(0, mention)
            i = mention.first - 1
            continue
        elif mention is not None and mention.type == "PERSON" and words and not qualifiers:
            qualifiers.insert(0, mention)  # whose adviser: "Trump adviser Steve Bannon"
            i = mention.first - 1
            break
        elif token.tag_ == "POS" and (i - 1) in by_token:
            pass
        elif low in TEMPORAL:
            temporal = low
            break
        elif token.text in PARTIES or token.text in US_STATES:
            qualifiers.insert(0, _pseudo(token, person))
        else:
            break
        i -= 1
    if not words or not (has_head(sdoc, words) or owned_chief(sdoc, words, qualifiers)):
        return None
    if words[-1] != person.first - 1:
        return None
    first = min([words[0], *[q.first for q in qualifiers]])
    if temporal:
        first -= 1
    else:  # "former Trump adviser Steve Bannon": the word may stand before a qualifier
        temporal = next(
            (t.lower_ for t in sdoc[max(first - 3, 0) : first] if t.lower_ in TEMPORAL), None
        )
    position = sdoc[words[0] : words[-1] + 1].text
    return Title(
        first, person.first, position, tuple(q for q in qualifiers if q.first < words[0]), temporal
    )


def has_head(sdoc: Any, words: list[int]) -> bool:
    return any(is_title_head(sdoc[w].text) or _head_after_title(sdoc, w, words) for w in words)


def owned_chief(sdoc: Any, words: list[int], qualifiers: list[Mention]) -> bool:
    """ "IAEA chief Rafael Grossi", "Republican leader Mitch McConnell": a bare "chief", "head" or
    "leader" right after the organization or party it leads."""
    owner = [q for q in qualifiers if q.type in {"ORG", "NORP"} and q.last == words[0]]
    owner = [q for q in owner if q.type == "ORG" or q.text in PARTIES]
    bare_head = sdoc[words[0]].lower_ in {"chief", "head", "leader"}
    return len(words) == 1 and bare_head and bool(owner)


def _all_title_words(sdoc: Any, mention: Mention | None) -> bool:
    """A one-word 'organization' such as "Defense" in "Deputy Defense Minister" is title text."""
    return mention is None or all(is_title_word(t.text) for t in sdoc[mention.first : mention.last])


def _head_after_title(sdoc: Any, w: int, words: list[int]) -> bool:
    return sdoc[w].lower_ in WEAK_HEADS and w - 1 in words


def _pseudo(token: Any, person: Mention) -> Mention:
    """A qualifier the model did not tag (a party or state name inside a title); its document
    offset follows from the person's, as both sit in the same sentence doc."""
    label = "ORG" if token.text in PARTIES else "GPE"
    canonical = PARTIES.get(token.text, token.text)
    start = person.start - (token.doc[person.first].idx - token.idx)
    return Mention(token.text, start, start + len(token), label, canonical, token.i, token.i + 1)


# --- name, then an appositive title ----------------------------------------------------------


def title_after(sdoc: Any, person: Mention, mentions: list[Mention]) -> Title | None:
    """ "Jens Stoltenberg, NATO's secretary general," / "Ted Cruz, the Republican senator from
    Texas," — the appositive must close with a comma, a verb or the sentence end."""
    if person.last >= len(sdoc) or sdoc[person.last].text != ",":
        return None
    walk = _Appositive(sdoc, person, {t: m for m in mentions for t in range(m.first, m.last)})
    j = person.last + 1
    while j < len(sdoc):
        step = walk.step(j)
        if step is None:
            break
        j = step
    if not walk.words or not has_head(sdoc, walk.words) or not _closed(sdoc, j):
        return None
    position = sdoc[walk.words[0] : walk.words[-1] + 1].text
    return Title(person.last + 1, j, position, tuple(walk.qualifiers), walk.temporal)


def _closed(sdoc: Any, j: int) -> bool:
    return (
        j >= len(sdoc)
        or sdoc[j].text in {",", ".", ";", "–", "—"}
        or sdoc[j].pos_ in {"VERB", "AUX"}
    )


@dataclass
class _Appositive:
    """Reads an appositive title one token at a time: articles, qualifiers (with their
    possessive), a temporal word, title words, "of State", and "of / to / from <entity>"."""

    sdoc: Any
    person: Mention
    by_token: dict[int, Mention]
    words: list[int] = field(default_factory=list)
    qualifiers: list[Mention] = field(default_factory=list)
    temporal: str | None = None

    def step(self, j: int) -> int | None:
        """The index after what token j starts, or None where the appositive ends."""
        token, named = self.sdoc[j], self._named(j)
        if token.lower_ in {"the", "a", "an"} and not self.words and not self.qualifiers:
            return j + 1
        if named is not None:
            self.qualifiers.append(named)
            after = named.last
            return after + 1 if after < len(self.sdoc) and self.sdoc[after].tag_ == "POS" else after
        if token.lower_ in TEMPORAL and not self.words:
            self.temporal = token.lower_
            return j + 1
        if token.text in PARTIES:
            self.qualifiers.append(_pseudo(token, self.person))
            return j + 1
        if is_title_word(token.text):
            self.words.append(j)
            return j + 1
        return self._complement(token, j) if self.words else None

    def _complement(self, token: Any, j: int) -> int | None:
        nxt = j + 1
        if nxt >= len(self.sdoc):
            return None
        if token.lower_ in {"of", "-"} and is_title_word(self.sdoc[nxt].text):
            self.words += [j, nxt]  # "secretary of state"
            return nxt + 1
        if token.lower_ in {"of", "to", "from", "for"}:
            k = nxt + 1 if self.sdoc[nxt].lower_ == "the" else nxt
            named = self._named(k) if k < len(self.sdoc) else None
            if named is not None:
                self.qualifiers.append(named)
                return named.last
        return None

    def _named(self, j: int) -> Mention | None:
        mention = self.by_token.get(j)
        return mention if mention is not None and mention.type in {"ORG", "GPE", "NORP"} else None


# --- a description, then the name in apposition ----------------------------------------------


def title_answered(sdoc: Any, person: Mention, mentions: list[Mention]) -> Title | None:
    """ "Lithuania's foreign minister, Gabrielius Landsbergis," / "The senator from Ohio,
    Sherrod Brown," — the name is the parser's apposition to a title noun, after a comma."""
    name = sdoc[person.last - 1]
    head = name.head
    if name.dep_ != "appos" or not is_title_head(head.text) or head.i >= person.first:
        return None
    if person.first < 1 or sdoc[person.first - 1].text != ",":
        return None
    words = [head.i]
    while words[0] > 0 and is_title_word(sdoc[words[0] - 1].text):
        words.insert(0, words[0] - 1)
    first = head.left_edge.i
    if sdoc[first].lower_ in {"the", "a", "an"}:
        first += 1
    last = person.first - 1
    inside = [m for m in mentions if first <= m.first and m.last <= last and m.type != "PERSON"]
    temporal = next((t.lower_ for t in sdoc[first:last] if t.lower_ in TEMPORAL), None)
    position = sdoc[words[0] : words[-1] + 1].text
    return Title(first, last, position, tuple(inside), temporal)


# --- a title as the predicate: "Scholz became chancellor", "Smith, who is not the ambassador"


def title_predicated(sdoc: Any, person: Mention, mentions: list[Mention]) -> Title | None:
    """ "X is (not) the president of Y", "X, who became chancellor", "X was appointed
    ambassador to NATO", "X was sworn in as chancellor"."""
    name = sdoc[person.last - 1]
    verb = name.head if name.dep_ == "nsubj" and lemma(name.head) in COPULAS else None
    if name.dep_ == "nsubjpass" and lemma(name.head) in APPOINTING:
        verb = name.head
    for child in name.children:
        if verb is None and child.dep_ == "relcl" and lemma(child) in COPULAS:
            if any(c.dep_ == "nsubj" and c.lower_ == "who" for c in child.children):
                verb = child
    attr = predicated_title(verb) if verb is not None else None
    if verb is None or attr is None or not is_title_head(attr.text):
        return None
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children) or hedged(verb):
        return None  # "X could become chancellor", "they falsely claim X is president"
    words = [attr.i]
    while words[0] > 0 and is_title_word(sdoc[words[0] - 1].text):
        words.insert(0, words[0] - 1)
    first, last = attr.left_edge.i, attr.right_edge.i + 1
    inside = [m for m in mentions if first <= m.first and m.last <= last and m.type != "PERSON"]
    temporal = next((t.lower_ for t in sdoc[first:last] if t.lower_ in TEMPORAL), None)
    if temporal is None and lemma(verb) == "be" and verb.tag_ == "VBD":
        temporal = "former"  # "Obama was president"
    polarity = "negative" if any(c.dep_ == "neg" for c in verb.children) else "positive"
    if any(c.lower_ == "longer" and c.dep_ == "advmod" for c in verb.children):
        temporal, polarity = "former", "positive"  # "is no longer / not ... any longer chancellor"
    position = sdoc[words[0] : words[-1] + 1].text
    return Title(first, last, position, tuple(inside), temporal, polarity)


def predicated_title(verb: Any) -> Any | None:
    for child in verb.children:
        if child.dep_ in {"attr", "oprd"}:
            return child
        if child.dep_ == "prep" and child.lower_ == "as" and lemma(verb) in APPOINTING:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


# --- a definite description answered by a name fragment -------------------------------------

_FRAGMENT = re.compile(r"\s*([A-Z][a-z]+(?:[ \t]+[A-Z][a-z'’-]+){1,2})\.[ \t]*(?:\r?\n|$)")


def described_roles(
    document: Document, sdoc: Any, offset: int, mentions: list[Mention], people: list[Mention]
) -> list[Claim]:
    """ "..., the US ambassador to NATO told CNN on Tuesday. Julianne Smith." — a subject that is
    a bare title, of a speech verb, with a name standing alone as the next sentence."""
    claims = []
    for token in tokens_with(sdoc, "DEP", ("nsubj",)):
        if lemma(token.head) not in SPEECH_VERBS or not is_title_head(token.text):
            continue
        first = token.left_edge.i
        if sdoc[first].lower_ != "the":
            continue
        last = token.right_edge.i + 1
        fragment = name_fragment(document, sdoc, offset, token.head)
        if fragment is None:
            continue
        title = description_title(sdoc, first, last, mentions)
        claims.append(role_claim(document, sdoc, offset, fragment, title))
    return claims


def name_fragment(document: Document, sdoc: Any, offset: int, verb: Any) -> Mention | None:
    sentence = verb.sent
    after = offset + sentence.end_char
    match = _FRAGMENT.match(document.text, after) if after < len(document.text) else None
    if match is None:
        return None
    start, end = match.start(1), match.end(1)
    if start - offset < len(text_of(sdoc)):
        span = sdoc.char_span(start - offset, end - offset)
        if span is None or not any(t.ent_type_ in {"PERSON", ""} for t in span):
            return None
        first, last = span.start, span.end
    else:
        first = last = len(sdoc)
    text = document.text[start:end]
    return Mention(text, start, end, "PERSON", text, first, last)


def description_title(sdoc: Any, first: int, last: int, mentions: list[Mention]) -> Title:
    """The description as written, without its article, is the position."""
    inner = [m for m in mentions if first <= m.first and m.last <= last and m.type != "PERSON"]
    words = sdoc[first + 1 : last].text
    return Title(first, last, words, tuple(inner), None)

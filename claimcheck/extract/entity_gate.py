"""Which chunks sent only for the entity stage need the full parse: the one place that decides.

A chunk with no numeric or temporal candidate is parsed only for the entity extractors
(extract/entities.py). The entity recognizer runs on it first and alone (in the English
pipelines it embeds the words itself, so it needs neither the shared tok2vec, the tagger nor the
parser; extract/parsing.py), and the tagger and parser run only where `needs_parse` says a claim
can follow. Every entity extractor builds its claims from the chunk's mentions
(mentions.sentence_mentions), and every claim needs one of:

- a person: the recognizer's PERSON, or a name the recognizer missed standing in a slot only a
  person fills (names.person_slots: after an organization's possessive, a title or an
  occupation, before ", who", alone as the sentence, with an appointing verb; beside a person;
  after a person's event, "Trial of X"; before a verb only a person does, "X resigns"; before
  ", the <title>"; after an office "of" a body, "Governor of the Bank of England X"),
  or a name fragment on the line after the chunk (roles.described_roles);
- two named things (a member and an organization, a subject and a place, an event's holder and
  its place): the recognizer's entities of the mention labels, names the article defines an
  acronym for, their acronyms, and generic referents ("the alliance");
- one named thing and a number (the size of an organization: "NATO's 32 members").

The test reads only what the recognizer leaves: entity labels and the tokens' letters; it is
looser than the extractors (a false "parse it" costs time, a false "skip it" a claim).
An extractor that can make a claim from a chunk with none of the above (say, from a common noun
alone) must add its cue here, or its claims are lost on chunks without a numeric candidate;
`benchmarks/parse_equivalence.py --staged` and the corpus claim diff show what changed.
"""

from __future__ import annotations

import re
from typing import Any

from claimcheck.extract.lexicon import APPOINTING, is_title_head, is_title_word
from claimcheck.extract.mentions import GENERIC_REFERENTS, TYPED_LABELS, ArticleContext
from claimcheck.extract.names import NOT_PERSON, OF_OFFICES, PERSON_VERBS
from claimcheck.extract.people.slots import OCCUPATIONS, PERSON_EVENTS
from claimcheck.model import Document

_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_WHO = frozenset({"who", "whose"})
# An appointing verb in any inflection ("named", "sworn", "reelected"), by its letters.
_STEMS = {w[:-1] if w.endswith("e") else w for w in APPOINTING} | {"swor"}
_APPOINTING = re.compile(r"\b(?:" + "|".join(sorted(_STEMS)) + r")", re.IGNORECASE)
# "... the US ambassador told CNN. Julianne Smith." — a 2-3 word name alone, ending a line.
_FRAGMENT = re.compile(r"\s*[A-Z][a-z]+(?:[ \t]+[A-Z][a-z'’-]+){1,2}\.[ \t]*(?:\r?\n|$)")
_FRAGMENT_AT_END = re.compile(r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z'’-]+){1,2}\.[ \t]*$")
# A verb only a person does, in its inflections ("resigns", "died", "testified").
_PERSON_VERB_FORMS = frozenset(
    form
    for v in PERSON_VERBS
    for form in (
        v,
        v + "s",
        v + "ed",
        v + "ing",
        v + "d",
        v[:-1] + "ing",
        v[:-1] + "ies",
        v[:-1] + "ied",
        v[:-2] + "ying",
    )
)


def needs_parse(document: Document, doc: Any, offset: int) -> bool:
    """Whether `doc` (the recognizer's alone: entities and tokens, no tags or arcs), the chunk
    at `offset` of `document`, could give an entity claim once fully parsed."""
    labels = [ent.label_ for ent in doc.ents]
    if "PERSON" in labels:
        return True
    named = sum(label in TYPED_LABELS for label in labels) + _article_names(document, doc)
    if named >= 2 or (named and any(_number(token) for token in doc)):
        return True
    return _person_slot(doc) or _fragment_after(document, doc, offset)


def _article_names(document: Document, doc: Any) -> int:
    """Mentions that do not come from the recognizer: defined names, acronyms, referents."""
    context = ArticleContext.of(document)
    text = doc.text
    found = len(context.long_forms_in(text)) if context.long_forms else 0
    words = {token.text for token in doc}
    found += len(words & context.acronyms.keys())
    return found + sum(token.lower_ in GENERIC_REFERENTS for token in doc)


def _number(token: Any) -> bool:
    return bool(token.like_num) or token.text.replace(",", "").isdigit()


def _person_slot(doc: Any) -> bool:
    """A run of two or more capitalized words outside a place, nationality or event, in one of
    the slots where the extractors take a name for a person's."""
    blocked = {i for ent in doc.ents if ent.label_ in NOT_PERSON for i in range(ent.start, ent.end)}
    runs, start = [], None
    for token in [*doc, None]:
        if token is not None and _name_shaped(token) and token.i not in blocked:
            start = token.i if start is None else start
            continue
        end = token.i if token is not None else len(doc)
        if start is not None and end - start >= 2:
            runs.append((start, end))
        start = None
    return any(_in_slot(doc, first, last) for first, last in runs) or _of_title(doc)


def _of_title(doc: Any) -> bool:
    """ "Governor of the Bank of England Andrew Bailey", "Recorder of London X": an office
    "of" a body or place, whose holder's name the model tags as part of the body."""
    return any(
        token.text[:1].isupper()
        and (is_title_head(token.text) or token.lower_ in OF_OFFICES)
        and token.i + 1 < len(doc)
        and doc[token.i + 1].lower_ == "of"
        for token in doc
    )


def _name_shaped(token: Any) -> bool:
    text = token.text
    return text[:1].isupper() and any(c.islower() for c in text) and not is_title_word(text)


def _in_slot(doc: Any, first: int, last: int) -> bool:
    before = doc[first - 1].text if first else ""
    if before in _POSSESSIVE or before in OCCUPATIONS or (before and is_title_word(before)):
        return True
    if last + 1 < len(doc) and doc[last].text == "," and doc[last + 1].lower_ in _WHO:
        return True
    if first >= 2 and before == "of" and doc[first - 2].lower_ in PERSON_EVENTS:
        return True  # "Impeachment of Sara Duterte"
    if last < len(doc) and doc[last].lower_ in _PERSON_VERB_FORMS:
        return True  # "Justin Welby resigns"
    after = [t.text for t in doc[last : last + 5]]
    if after[:2] == [",", "the"] and any(is_title_head(w) for w in after[2:]):
        return True  # "Özgür Özel, the leader of the party"
    alone = all(t.is_punct for t in doc if not first <= t.i < last)
    return alone or _APPOINTING.search(doc.text) is not None


def _fragment_after(document: Document, doc: Any, offset: int) -> bool:
    """A name standing alone as the next sentence: in the chunk's last words or the next line."""
    end = offset + len(doc.text)
    return bool(_FRAGMENT_AT_END.search(doc.text) or _FRAGMENT.match(document.text, end))

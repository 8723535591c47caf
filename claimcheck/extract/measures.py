"""What money and percentages measure, read off the parse around the figure: "a profit of $1.2bn"
→ profit; "revenues grew 5% to $20.4bn" → revenues (both figures); "a 5% stake" → stake;
"turnout was 61%" → turnout; "Labour won 34% of the vote" → vote.

The measure is a noun of the sentence outside the figure, never a piece of it ("m", "%", "1.7bn"):
the parser often makes the figure's scale or sign the head noun, which is what the generic
counted-noun walk used to report. Nouns told only through a verb ("revenues grew 5%") must be in
the measure vocabulary (normalize/measures.py); nouns the figure is written into ("a fine of
$5m", "a $2bn aid package") are measures as written, unless they name an agent ("the carmaker").
"""

from __future__ import annotations

from typing import Any

from claimcheck.extract.lemmas import lemma
from claimcheck.extract.sentence import Mention
from claimcheck.model import Claim, Span
from claimcheck.normalize.measures import MEASURE_NOUNS, NOT_MEASURES, measure_of

MEASURED_KINDS = frozenset({"money", "percent"})
# Nouns that name who has the figure, not what it is.
AGENTS = frozenset(
    "company firm group carmaker automaker maker bank lender government country state city "
    "retailer giant business insurer airline club team side party player investor buyer "
    "seller owner person people".split()
)
_OF_PREPS = frozenset({"of", "at", "worth", "totalling", "totaling"})
_VERB_PREPS = frozenset({"by", "to", "from", "at", "for", "of"})
_PHRASE_MODIFIERS = frozenset(
    "net operating pre-tax pretax gross annual total market interest approval box".split()
)
_SUBJECT_TYPES = frozenset({"ORG", "GPE", "NORP", "PERSON"})


def figure_head(claim: Claim, sdoc: Any, offset: int) -> Any | None:
    """The token of the figure that attaches it to the rest of the sentence."""
    inside = [t for t in sdoc if claim.span.start <= offset + t.idx < claim.span.end]
    ids = {t.i for t in inside}
    heads = [t for t in inside if t.head.i not in ids or t.head is t]
    return heads[-1] if heads else None


def measured(claim: Claim, sdoc: Any, offset: int) -> tuple[Any | None, Any | None]:
    """(the measure noun, the verb the figure or its noun hangs on) for a money or percent
    figure; either may be None."""
    head = figure_head(claim, sdoc, offset)
    if head is None:
        return None, None
    inside = {t.i for t in sdoc if claim.span.start <= offset + t.idx < claim.span.end}
    noun, verb = _attached(head, inside)
    if noun is None and verb is not None:
        noun = _verb_measure(verb)
    return noun, verb


def _attached(head: Any, inside: set[int]) -> tuple[Any | None, Any | None]:
    share = _share_of(head, inside)
    if share is not None:
        return share, None
    parent, dep = head.head, head.dep_
    if parent is head:
        return None, None
    if dep in {"compound", "nmod", "amod", "nummod", "quantmod"} and parent.pos_ == "NOUN":
        return (parent if _writable(parent) else None), _governing_verb(parent)
    if dep == "appos" and parent.pos_ == "NOUN":
        return (parent if _writable(parent) else None), _governing_verb(parent)
    if dep == "pobj" and parent.dep_ == "prep":
        holder = parent.head
        if parent.lower_ in _OF_PREPS and holder.pos_ == "NOUN":
            return (holder if _writable(holder) else None), _governing_verb(holder)
        if parent.lower_ in _VERB_PREPS and holder.pos_ in {"VERB", "AUX", "ADV", "ADJ"}:
            return None, _verb_of(holder)
        return None, None
    if dep in {"attr", "acomp", "dobj", "npadvmod", "advmod", "oprd", "nsubj"}:
        return None, _verb_of(parent)
    return None, None


def _share_of(head: Any, inside: set[int]) -> Any | None:
    """ "34% of the vote", "a 5 per cent share of the market" → vote, market."""
    for token in (head, *(t for t in head.children if t.i in inside)):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i not in inside:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ == "NOUN" and _writable(pobj):
                    return pobj
    return None


def _verb_of(token: Any) -> Any | None:
    """The verb a figure's attachment point belongs to: "were up 18%" → were."""
    node, hops = token, 0
    while node.pos_ not in {"VERB", "AUX"} and node.head is not node and hops < 2:
        node, hops = node.head, hops + 1
    return node if node.pos_ in {"VERB", "AUX"} else None


def _governing_verb(noun: Any) -> Any | None:
    return noun.head if noun.dep_ in {"dobj", "nsubj", "nsubjpass", "attr"} else None


def _verb_measure(verb: Any) -> Any | None:
    """The verb's subject when the vocabulary knows it as a measure: "revenues grew 5%"."""
    for child in verb.children:
        # A capitalised "Revenue" opening a sentence is often tagged PROPN; a named entity is not.
        if child.dep_ in {"nsubj", "nsubjpass"} and child.pos_ in {"NOUN", "PROPN"}:
            named = bool(child.ent_type_) and child.i != child.sent.start
            return child if not named and _known(child) else None
    return None


def _writable(noun: Any) -> bool:
    base = lemma(noun).lower()
    return noun.pos_ in {"NOUN", "PROPN"} and base not in NOT_MEASURES and base not in AGENTS


def _known(noun: Any) -> bool:
    lemmas = " ".join(lemma(t).lower() for t in _phrase(noun))
    return _writable(noun) and measure_of(lemmas) is not None


def _phrase(noun: Any) -> list[Any]:
    """The noun with the compound nouns and measure adjectives right before it."""
    first = noun.i
    for child in sorted(noun.children, key=lambda c: -c.i):
        if child.i != first - 1:
            continue
        if child.dep_ == "compound" and child.pos_ == "NOUN" and _writable(child):
            first = child.i
        elif child.dep_ in {"amod", "compound"} and child.lower_ in _PHRASE_MODIFIERS:
            first = child.i
    return list(noun.doc[first : noun.i + 1])


def predicate_for(noun: Any, offset: int) -> dict[str, Any]:
    words = _phrase(noun)
    lemmas = " ".join(lemma(t).lower() for t in words)
    text = noun.doc[words[0].i : noun.i + 1]
    return {
        "text": text.text,
        "span": Span(offset + text.start_char, offset + text.end_char),
        # The vocabulary names a whole phrase it knows; a longer phrase stays as written.
        "measure": MEASURE_NOUNS.get(lemmas) or text.text.lower(),
    }


def holder(noun: Any | None, verb: Any | None, by_token: dict[int, Mention]) -> Mention | None:
    """Who posted the figure when the noun names no one: the named subject of the verb
    ("Acme Corp posted a profit of $1.2bn", "Acme paid $2.3bn")."""
    if verb is None or (noun is not None and noun.dep_ in {"nsubj", "nsubjpass"}):
        return None
    for child in verb.children:
        mention = by_token.get(child.i)
        if child.dep_ in {"nsubj", "nsubjpass"} and mention is not None:
            return mention if mention.type in _SUBJECT_TYPES else None
    return None

"""`membership` claims (X is / is not / joined / will join / left Y) and `membership_count`
claims ("NATO's 30 member states", "the 27-member bloc").

Both ends must be named entities — "some Republican members of Congress" names no member — and
the organization must be an ORG mention or a generic noun the article resolves ("the alliance").
"""

from __future__ import annotations

from typing import Any

from claimcheck.extract.claims import make_claim
from claimcheck.extract.lemmas import lemma
from claimcheck.extract.sentence import Mention, sentence_of, tokens_with
from claimcheck.model import Claim, Document, Span

MEMBER_NOUNS = frozenset({"member", "ally", "signatory"})
COUNTED_NOUNS = frozenset({"state", "country", "nation", "government", "party"})
JOIN_VERBS = {
    "join": "joined",
    "enter": "joined",
    "accede": "joined",
    "admit": "joined",
    "leave": "left",
    "quit": "left",
    "exit": "left",
}
DOUBTING = frozenset({"claim", "allege", "deny", "dispute", "rumor", "rumour", "speculate"})
DISPUTING = frozenset({"falsely", "wrongly", "baselessly", "incorrectly", "erroneously"})
BECOME_VERBS = frozenset({"be", "become", "remain"})
FUTURE = frozenset({"prospective", "leaving"})
MEMBER_TYPES = frozenset({"GPE", "ORG", "PERSON"})
NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50}


def membership_claims(
    document: Document, sdoc: Any, offset: int, mentions: list[Mention]
) -> list[Claim]:
    by_token = {i: m for m in mentions for i in range(m.first, m.last)}
    claims = []
    for token in tokens_with(sdoc, "POS", ("NOUN", "VERB")):
        found = None
        pos = token.pos_
        if pos == "NOUN" and lemma(token) == "member":
            found = copular_membership(sdoc, token, by_token, mentions)
        elif pos == "VERB" and lemma(token) in JOIN_VERBS:
            found = joining(sdoc, token, by_token)
        if found is not None and not hedged(token):
            member, org, status, first, last = found
            claims.append(
                membership_claim(
                    document, sdoc, offset, member, org, status, negated(token), first, last
                )
            )
            for other_org in conjoined(sdoc, org, by_token):
                claims.append(
                    membership_claim(
                        document,
                        sdoc,
                        offset,
                        member,
                        other_org,
                        status,
                        negated(token),
                        first,
                        max(last, other_org.last),
                    )
                )
            for other in conjoined(sdoc, member, by_token):
                span_first, span_last = min(other.first, first), last
                claims.append(
                    membership_claim(
                        document,
                        sdoc,
                        offset,
                        other,
                        org,
                        status,
                        negated(token),
                        span_first,
                        span_last,
                    )
                )
    return claims


def membership_claim(
    document: Document,
    sdoc: Any,
    offset: int,
    member: Mention,
    org: Mention,
    status: str,
    negative: bool,
    first: int,
    last: int,
) -> Claim:
    span = Span(offset + sdoc[first].idx, offset + sdoc[last - 1].idx + len(sdoc[last - 1]))
    # A membership still to come (or to end) cannot be checked against the article's date.
    polarity = (
        "future"
        if status in FUTURE
        else ("negative" if negative != (status == "left") else "positive")
    )
    value = {
        "member": member.canonical,
        "organization": org.canonical,
        "status": status,
        "polarity": polarity,
    }
    fields: dict[str, Any] = {
        "member": member.as_field(),
        "organization": org.as_field(),
        "status": status,
        "polarity": polarity,
    }
    if negative:
        fields["negated"] = True
    return make_claim(document, "membership", span, sentence_of(sdoc, first), value, fields)


def copular_membership(
    sdoc: Any, member_tok: Any, by_token: dict[int, Mention], mentions: list[Mention]
) -> tuple[Mention, Mention, str, int, int] | None:
    """ "X is (not) a member of Y", "X is one of the members of Y", "X, a member of Y,", "of
    which X is a member"."""
    verb = copula_of(member_tok)
    if verb is not None and lemma(verb) in BECOME_VERBS:
        member = subject_mention(verb, by_token)
        org, of_tok = of_object(member_tok, by_token), None
        if org is None:
            of_tok = relative_of_which(sdoc, verb)
            org = antecedent_org(of_tok, mentions) if of_tok is not None else None
        if member is None or org is None or member.canonical == org.canonical:
            return None
        first = of_tok.i if of_tok is not None else min(member.first, org.first)
        last = max(member_tok.i + 1, org.last if of_tok is None else member_tok.i + 1)
        return member, org, status_of(verb), first, last
    if member_tok.dep_ == "appos" and member_tok.head.i in by_token:
        member, org = by_token[member_tok.head.i], of_object(member_tok, by_token)
        if org is not None and member.type in MEMBER_TYPES and member.canonical != org.canonical:
            return member, org, "member", member.first, max(org.last, member_tok.i + 1)
    return None


def copula_of(member_tok: Any) -> Any | None:
    """The verb a member noun is predicated by: "is a member", "is one of the members", "is
    among the members"."""
    head = member_tok.head
    if member_tok.dep_ == "attr":
        return head
    if member_tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "one":
        return head.head.head if head.head.dep_ == "attr" else None
    if member_tok.dep_ == "pobj" and head.lower_ == "among" and head.dep_ == "prep":
        return head.head
    return None


def subject_mention(verb: Any, by_token: dict[int, Mention]) -> Mention | None:
    """The verb's subject as a mention; "which"/"who" resolve to the noun the clause hangs on,
    and "Ukraine wants to join" lends its subject to "join"."""
    if verb.dep_ == "xcomp" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return subject_mention(verb.head, by_token)
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            mention = by_token.get(child.i)
            if (
                mention is None
                and child.lower_ in {"which", "who", "that"}
                and verb.dep_ == "relcl"
            ):
                mention = by_token.get(verb.head.i)
            return mention if mention is not None and mention.type in MEMBER_TYPES else None
    return None


def of_object(noun: Any, by_token: dict[int, Mention]) -> Mention | None:
    """ "member of NATO", "an EU member", "NATO's 31st member"."""
    for child in noun.children:
        mention = by_token.get(child.i)
        if child.dep_ in {"compound", "poss"} and mention is not None and mention.type == "ORG":
            return mention
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            named = [pobj] if pobj is not None else []
            if pobj is not None:
                named += [t for t in pobj.subtree if t.i < pobj.i and t.dep_ == "compound"]
            for token in named:  # "of NATO", "of the USMCA trade pact"
                mention = by_token.get(token.i)
                if mention is not None and mention.type == "ORG":
                    return mention
    return None


def relative_of_which(sdoc: Any, verb: Any) -> Any | None:
    """The "of" of "of which ... is a member", wherever the parser attached it."""
    for token in sdoc[max(verb.i - 8, 0) : verb.i]:
        if token.lower_ == "of" and token.i + 1 < len(sdoc) and sdoc[token.i + 1].lower_ == "which":
            return token
    return None


def antecedent_org(of_tok: Any, mentions: list[Mention]) -> Mention | None:
    """The organization "which" points back to: the nearest ORG before it, skipping an
    acronym in brackets that restates the same organization."""
    before = [m for m in mentions if m.last <= of_tok.i and m.type == "ORG"]
    return before[-1] if before and of_tok.i - before[-1].last <= 3 else None


def joining(
    sdoc: Any, verb: Any, by_token: dict[int, Mention]
) -> tuple[Mention, Mention, str, int, int] | None:
    """ "X joined Y", "allow X to join Y", "X will leave Y"."""
    member = subject_mention(verb, by_token)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        # "withdrew from", "entered into", "was admitted to", "acceded to"
        preps = {"from", "into"} | ({"to"} if lemma(verb) in {"admit", "accede"} else set())
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps), None)
        obj = (
            next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        )
    org = by_token.get(obj.i) if obj is not None else None
    if member is None or org is None or org.type != "ORG" or member.canonical == org.canonical:
        return None
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    past_aux = any(lemma(a) in {"do", "have"} and a.tag_ in {"VBD", "VBZ", "VBP"} for a in auxes)
    done = (verb.tag_ in {"VBD", "VBN"} or past_aux) and not any(a.tag_ == "MD" for a in auxes)
    status = (
        JOIN_VERBS[lemma(verb)]
        if done
        else ("prospective" if lemma(verb) in {"join", "enter", "accede", "admit"} else "leaving")
    )
    return member, org, status, min(member.first, verb.i), max(org.last, verb.i + 1)


def conjoined(sdoc: Any, member: Mention, by_token: dict[int, Mention]) -> list[Mention]:
    """ "Poland and Lithuania are members" — the other members of a coordinated subject."""
    head = sdoc[member.last - 1]
    found = [
        by_token[t.i]
        for t in head.conjuncts
        if t.i in by_token and by_token[t.i].type in MEMBER_TYPES
    ]
    return [m for m in found if m != member]


def status_of(verb: Any) -> str:
    """ "is a member" / "became a member"; a modal ("should be", "could become", "will be")
    makes it a membership not (yet) stated as fact."""
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return "prospective"
    if lemma(verb) == "become":
        return "joined" if verb.tag_ in {"VBD", "VBN"} else "prospective"
    return "member"


def hedged(token: Any) -> bool:
    """ "Russia falsely claims Ukraine is a member": a statement the article disputes or only
    reports as an allegation is not the article's claim."""
    node, hops = token, 0
    while hops < 4 and node.head is not node:
        node, hops = node.head, hops + 1
        if lemma(node) in DOUBTING or any(c.lower_ in DISPUTING for c in node.children):
            return True
    return False


def negated(token: Any) -> bool:
    """A negation on the claim word or on the verbs that govern it (two levels up)."""
    node, hops = token, 0
    while hops < 3:
        if any(c.dep_ == "neg" for c in node.children):
            return True
        if node.head is node:
            break
        node, hops = node.head, hops + 1
    return False


# --- membership_count ------------------------------------------------------------------------


_COUNT_ARCS = ("nummod", "npadvmod", "compound", "amod")  # how a count hangs on what it counts


def membership_count_claims(
    document: Document, sdoc: Any, offset: int, mentions: list[Mention]
) -> list[Claim]:
    by_token = {i: m for m in mentions for i in range(m.first, m.last)}
    claims = []
    for token in tokens_with(sdoc, "DEP", _COUNT_ARCS):
        amount = number_value(token)
        if amount is None:
            continue
        noun = token.head
        counted = counted_phrase(sdoc, token, noun) or hyphenated_size(sdoc, token, noun)
        org = owner(noun, by_token) if counted else None
        if org is None:
            continue
        sized = lemma(noun) in COUNTED_NOUNS | {"member"} and noun.dep_ in {"compound", "amod"}
        end = noun.head if sized and noun.head.i in by_token else noun
        span = Span(offset + token.idx, offset + end.idx + len(end))
        fields = {"organization": org.as_field(), "counted": counted}
        claims.append(
            make_claim(
                document,
                "membership_count",
                span,
                sentence_of(sdoc, token.i),
                {"amount": amount},
                fields,
            )
        )
    return claims


def number_value(token: Any) -> int | None:
    text = token.text.replace(",", "")
    if text.isascii() and text.isdigit():  # int() refuses superscripts that isdigit() accepts
        return int(text)
    return NUMBER_WORDS.get(token.lower_) if token.like_num else None


def counted_phrase(sdoc: Any, number: Any, noun: Any) -> str | None:
    """ "member states", "members", "allies" — what a membership count counts."""
    if lemma(noun) in MEMBER_NOUNS:
        return sdoc[number.i + 1 : noun.i + 1].text
    marker = next((c for c in noun.children if member_marker(c)), None)
    if lemma(noun) in COUNTED_NOUNS and marker is not None:
        return sdoc[marker.i : noun.i + 1].text
    return None


def hyphenated_size(sdoc: Any, number: Any, noun: Any) -> str | None:
    """ "the 32-nation alliance": a size written into a modifier of the organization."""
    hyphen = number.i + 1 < noun.i and sdoc[number.i + 1].text == "-"
    if hyphen and lemma(noun) in COUNTED_NOUNS and noun.dep_ in {"compound", "amod"}:
        return str(noun.text)
    return None


def member_marker(token: Any) -> bool:
    """ "member states", "participating states" (the OSCE's word for its members)."""
    return token.dep_ in {"compound", "amod"} and lemma(token) in {
        "member",
        "participate",
        "participating",
    }


def owner(noun: Any, by_token: dict[int, Mention]) -> Mention | None:
    """NATO's 30 member states / the 30 members of NATO / NATO, which has 30 members / the
    27-member bloc."""
    if lemma(noun) in COUNTED_NOUNS | {"member"} and noun.dep_ in {"compound", "amod"}:
        org = by_token.get(noun.head.i)
        return org if org is not None and org.type == "ORG" else None
    for child in noun.children:
        if child.dep_ == "poss" and child.i in by_token and by_token[child.i].type == "ORG":
            return by_token[child.i]
    found = of_object(noun, by_token)
    for marker in (c for c in noun.children if member_marker(c)):
        found = found or of_object(marker, by_token)  # "the 27 EU member states"
    if found is not None:
        return found
    verb = noun.head
    if noun.dep_ == "dobj" and lemma(verb) in {"have", "count", "comprise", "include"}:
        subject = subject_mention(verb, by_token)
        return subject if subject is not None and subject.type == "ORG" else None
    return None

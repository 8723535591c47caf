"""Person names: slots only a person can fill (to repair the model's misses), and one
`person_name` claim per distinct name in the article, carrying every span it occurs at."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from claimcheck.extract.claims import make_claim
from claimcheck.extract.lemmas import lemma
from claimcheck.extract.lexicon import APPOINTING, is_title_head, is_title_word
from claimcheck.extract.people.screen import STYLES, screen
from claimcheck.extract.people.slots import NAME_PARTICLES, PERSON_EVENTS, after_occupation
from claimcheck.extract.sentence import Mention, sentence_of, tokens_with
from claimcheck.model import Claim, Document, Span
from claimcheck.normalize.dates import MONTHS, WEEKDAYS

# Capitalized words that stand before a surname without being a first name.
NOT_FIRST_NAMES = frozenset(
    """the a an but and or as if so when while then after before asked said told says mr mrs ms dr
    sir lady lord dame mister miss according by for with of to from in on at former late ex
    acting outgoing incoming""".split()
)
# Last words of the names of bodies and places, never of people.
INSTITUTION_HEADS = frozenset(
    """Center Centre Institute Foundation Fund Award Prize Hospital University College School
    Airport Station Street Avenue Square Bridge Stadium Museum Library Agency Council Committee
    Commission Company Corporation Group Party Movement Ministry Department Day Week Memorial
    Trophy Medal Doctrine""".split()
)
NOT_PERSON = frozenset({"GPE", "NORP", "LOC", "FAC", "EVENT"})
# What only a person does, as the verb of a headline: "X resigns", "X dies in prison".
PERSON_VERBS = frozenset(
    """resign die testify retire abdicate defect marry plead confess apologise apologize""".split()
)
# Latin letters with their accents too: "Kateřina Siniaková", "Jeļena Ostapenko".
_UPPER, _LOWER = "A-ZÀ-ÖØ-ÞĀ-Ž", "a-zß-öø-ÿā-ž"
_NAME_TOKEN = re.compile(
    rf"^[{_UPPER}][{_LOWER}]+(?:[{_UPPER}][{_LOWER}]+)?(?:[-'’][{_UPPER}]?[{_LOWER}]+)?$"
)


def person_slots(sdoc: Any, known: list[Mention]) -> list[tuple[int, int]]:
    """Token ranges of 2-3 word names standing where only a person can: after a news
    organization's possessive ("CNN's Christianne Amanpour"), right after a title, or in a list
    beside a recognised person."""
    blocked = {i for m in known if m.type in NOT_PERSON for i in range(m.first, m.last)}
    runs = [r for r in name_runs(sdoc) if not any(i in blocked for i in range(*r))]
    orgs = {i for m in known if m.type == "ORG" for i in range(m.first, m.last)}
    people = {(m.first, m.last) for m in known if m.type == "PERSON"}
    slots = [
        r
        for r in runs
        if after_org_possessive(sdoc, r[0], orgs)
        or after_title(sdoc, r[0])
        or after_occupation(sdoc, r[0])
        or before_who(sdoc, r[1])
        or stands_alone(sdoc, r)
        or appointed(sdoc, r[1])
        or after_event_of(sdoc, r[0])
        or does_what_people_do(sdoc, r[1])
        or before_age(sdoc, r[1])
        or before_title_apposition(sdoc, r[1])
    ]
    slots += [
        r
        for r in name_runs(sdoc)
        if (after_lower_title(sdoc, r[0]) or after_occupation(sdoc, r[0])) and r not in slots
    ]
    slots += [
        r
        for r in after_of_title(sdoc)
        if not any(i in blocked for i in range(*r)) and r not in slots
    ]
    slots += lone_with_age(sdoc)
    found = slots + listed_beside(sdoc, runs, people | set(slots))
    return [r for r in (_through_hyphens(sdoc, _bare(sdoc, r)) for r in found) if r[1] - r[0] > 0]


def _bare(sdoc: Any, run: tuple[int, int]) -> tuple[int, int]:
    """The run without a leading honorific, party or demonym ("Sir Keir Starmer", "incumbent
    Republican Susan Collins")."""
    first = run[0]
    while first < run[1] - 1 and (
        sdoc[first].lower_ in NOT_FIRST_NAMES or sdoc[first].ent_type_ in ("NORP", "GPE")
    ):
        first += 1
    return first, run[1]


def _through_hyphens(sdoc: Any, run: tuple[int, int]) -> tuple[int, int]:
    """ "Isabelle Berro" + "-Amadeï": a run the tokenizer cut at a surname's hyphen."""
    end = run[1]
    while (
        end + 1 < len(sdoc)
        and sdoc[end].text == "-"
        and not sdoc[end - 1].whitespace_
        and not sdoc[end].whitespace_
        and sdoc[end + 1].pos_ == "PROPN"
    ):
        end += 2
    return run[0], end


def name_runs(sdoc: Any) -> list[tuple[int, int]]:
    """Runs of 2-3 consecutive name-shaped proper nouns (only PROPN tokens are looked at)."""
    runs, start, last = [], -1, -2
    for token in [*tokens_with(sdoc, "POS", ("PROPN",)), None]:
        if token is not None and token.i == last + 1 and _fits_name(token):
            start, last = (start if start >= 0 else token.i), token.i
            continue
        if start >= 0 and 2 <= last + 1 - start <= 3:
            runs.append((start, last + 1))
        start, last = -1, -2
        if token is not None and _fits_name(token):
            start = last = token.i
    return runs


def _fits_name(token: Any) -> bool:
    return (
        _NAME_TOKEN.match(token.text) is not None
        and token.ent_type_ not in ("DATE", "TIME")  # "Antony Blinken Tuesday urged"
        and not is_title_word(token.text)
    )


def after_org_possessive(sdoc: Any, first: int, orgs: set[int]) -> bool:
    return first >= 2 and sdoc[first - 1].tag_ == "POS" and (first - 2) in orgs


def after_title(sdoc: Any, first: int) -> bool:
    """Right after a capitalized title that has a head word ("Director of National
    Intelligence Avril Haines")."""
    i, head = first - 1, False
    while i >= 0 and (is_title_word(sdoc[i].text) or sdoc[i].lower_ == "of") and i > first - 6:
        head = head or is_title_head(sdoc[i].text)
        i -= 1
    return head and first >= 1 and sdoc[first - 1].text[:1].isupper()


def after_lower_title(sdoc: Any, first: int) -> bool:
    """ "Chad president Mahamat Déby", "commander-in-chief Oleksandr Syrskyi", "UN
    secretary-general X": a title written in lowercase right before the name. The model often
    tags such a name ORG or GPE, so the run counts even across those tags."""
    i, head = first - 1, False
    while (
        i >= 0
        and i > first - 6
        and (is_title_word(sdoc[i].text) or sdoc[i].text in ("-", "in", "of"))
    ):
        head = head or is_title_head(sdoc[i].text)
        i -= 1
    before = sdoc[first - 1] if first >= 1 else None
    return head and before is not None and before.text.islower() and is_title_word(before.text)


def before_title_apposition(sdoc: Any, last: int) -> bool:
    """ "Özgür Özel, the leader of the party, announces": the name, then its title."""
    after = sdoc[last : last + 5]
    if len(after) < 3 or after[0].text != "," or after[1].lower_ != "the":
        return False
    for token in after[2:]:
        if is_title_head(token.text):
            return True
        if not is_title_word(token.text):
            return False
    return False


def after_event_of(sdoc: Any, first: int) -> bool:
    """ "Impeachment of Sara Duterte", "Trial of Jair Bolsonaro": a headline's event of a person
    (the model tags such a lone line nothing)."""
    return first >= 2 and sdoc[first - 1].lower_ == "of" and sdoc[first - 2].lower_ in PERSON_EVENTS


def does_what_people_do(sdoc: Any, last: int) -> bool:
    """ "Jagdeep Dhankhar resigns", "X dies in prison", "X testifies": the name is the subject
    of a verb only a person is."""
    name = sdoc[last - 1]
    return name.dep_ in ("nsubj", "nsubjpass") and lemma(name.head) in PERSON_VERBS


def before_age(sdoc: Any, last: int) -> bool:
    """ "Kim Ki-duk, 59, is found dead": an age in apposition."""
    after = [t.text for t in sdoc[last : last + 3]]
    age = len(after) == 3 and after[1].isdigit() and len(after[1]) <= 3
    return age and after[0] == after[2] == ","


# Words that go on a title's "of" before the name: "Governor of the Bank of England".
_OF_TITLE_GAP = frozenset({"of", "the", "and", "&"})
# Offices named with "of" the lexicon's titles lack: "Recorder of London", "Coroner of X".
OF_OFFICES = frozenset(
    """recorder coroner ombudsman auditor comptroller commissioner speaker archbishop bishop
    patriarch mufti rector provost dean""".split()
)


def after_of_title(sdoc: Any) -> list[tuple[int, int]]:
    """ "Governor of the Bank of England Andrew Bailey", "Recorder of London Mark Lucraft": after
    a title and the place or body it is "of", the two name-shaped words that close the run of
    capitals are the person (the model tags the whole run ORG or splits it)."""
    found = []
    for token in sdoc[:-3]:
        office = is_title_head(token.text) or token.lower_ in OF_OFFICES
        if not (token.text[:1].isupper() and office):
            continue
        if sdoc[token.i + 1].lower_ != "of":
            continue
        end = token.i + 2
        while end < len(sdoc) and (sdoc[end].lower_ in _OF_TITLE_GAP or _capital_propn(sdoc[end])):
            end += 1
        if end - (token.i + 2) < 3 or sdoc[end - 3].lower_ in _OF_TITLE_GAP:
            continue  # no place or body between the title and the name
        first, last = end - 2, end
        if end < len(sdoc) and sdoc[end].lower_ in NAME_PARTICLES:
            first = end - 1  # "European Commission Ursula von der Leyen": the particles follow
            while last < len(sdoc) and sdoc[last].lower_ in NAME_PARTICLES:
                last += 1
            if last == len(sdoc) or not sdoc[last].text[:1].isupper():
                continue
            last += 1
        name = [t for t in sdoc[first:last] if t.lower_ not in NAME_PARTICLES]
        if all(_fits_name(t) and t.pos_ == "PROPN" for t in name):
            if not any(t.ent_type_ == "PERSON" for t in sdoc[token.i : first]):
                found.append((first, last))
    return found


def lone_with_age(sdoc: Any) -> list[tuple[int, int]]:
    """A lone name the model tags nothing, before an age ("Milei, 54, says"). Not the subject
    of a speech verb alone: on the corpus that was "Europol says", "Komeito announces"."""
    found = []
    for token in tokens_with(sdoc, "POS", ("PROPN",)):
        if token.ent_type_ or not _fits_name(token) or _beside_capital(sdoc, token.i):
            continue
        if before_age(sdoc, token.i + 1):
            found.append((token.i, token.i + 1))
    return found


def _beside_capital(sdoc: Any, i: int) -> bool:
    return any(0 <= j < len(sdoc) and _capital_propn(sdoc[j]) for j in (i - 1, i + 1))


def _capital_propn(token: Any) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper()


def before_who(sdoc: Any, last: int) -> bool:
    """ "Olaf Scholz, who ..." — "who" refers to people."""
    return (
        last + 1 < len(sdoc)
        and sdoc[last].text == ","
        and sdoc[last + 1].lower_ in {"who", "whose"}
    )


def appointed(sdoc: Any, last: int) -> bool:
    """ "Olaf Scholz was sworn in": only people are appointed, elected or sworn in."""
    name = sdoc[last - 1]
    return name.dep_ == "nsubjpass" and lemma(name.head) in APPOINTING


def stands_alone(sdoc: Any, run: tuple[int, int]) -> bool:
    """A sentence that is nothing but a two- or three-word name (a name fragment after a quote)."""
    if run[0] != 0:
        return False
    rest = [t for t in sdoc if not (run[0] <= t.i < run[1])]
    return bool(rest) and all(t.is_punct for t in rest)


def listed_beside(
    sdoc: Any, runs: list[tuple[int, int]], people: set[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Runs separated from a known person only by a comma or "and" — a list of names."""
    found: list[tuple[int, int]] = []
    ordered = sorted(set(runs) | people)
    changed = True
    while changed:
        changed = False
        for left, right in zip(ordered, ordered[1:], strict=False):
            between = [t.text for t in sdoc[left[1] : right[0]]]
            if between not in ([","], ["and"], [",", "and"]):
                continue
            for run, other in ((left, right), (right, left)):
                if (
                    run in runs
                    and run not in people
                    and run not in found
                    and (other in people or other in found)
                ):
                    found.append(run)
                    changed = True
    return found


def names_something_else(sdoc: Any, person: Mention) -> bool:
    """ "King Salman Humanitarian Aid and Relief Centre": a person's name that runs on into more
    capitalized words names an organization, a prize or a building after them, not the person."""
    if person.text.split()[-1] in INSTITUTION_HEADS:
        return True  # "Relief Center", "Nobel Institute": the model's PERSON is a place or body
    if person.last >= len(sdoc):
        return False
    after = sdoc[person.last]
    return (
        after.pos_ in ("PROPN", "ADJ", "NOUN")
        and after.text[:1].isupper()
        and after.text.lower() not in MONTHS
        and after.text.lower() not in WEEKDAYS
        and after.ent_type_ not in ("DATE", "TIME", "GPE", "NORP")
    )


def person_name_claims(
    document: Document, sdoc: Any, offset: int, mentions: list[Mention]
) -> list[Claim]:
    """A `person_name` claim for each person first named in this sentence, with all its spans.

    Stateless across sentences: a name is claimed where its first occurrence in the article is,
    and a bare surname is folded into the full name it shortens."""
    claims, seen = [], set()
    for found in mentions:
        mention = screen(sdoc, offset, found) if found.type == "PERSON" else None
        if mention is None:
            continue  # not a person, or a name the story credits rather than reports on
        name = mention.text
        if name in seen or not first_said_at(document, name, mention):
            continue
        if shortens_fuller_name(document.text, name) or names_something_else(sdoc, mention):
            continue
        spans = name_spans(document, name)
        seen.add(name)
        fields = {
            "name": name,
            "type": "PERSON",
            "canonical": name,
            "spans": spans,
            "mentions": len(spans),
        }
        span = Span(mention.start, mention.end)
        claims.append(
            make_claim(
                document,
                "person_name",
                span,
                sentence_of(sdoc, mention.first),
                {"name": name},
                fields,
            )
        )
    return claims


def first_said_at(document: Document, name: str, mention: Mention) -> bool:
    """Is this mention the article's first use of the name, spelled just so (front matter and
    code blocks, which are never mined, do not count)?"""
    starts = [at for at in occurrences(document.text, name) if mined(document, at)]
    # "Cesar Chavez Day ... activist Cesar Chavez": an occurrence that runs on into another
    # capitalized word names an eponym, not the person, and is not the first use of the name.
    alone = [at for at in starts if not _eponym(document.text, at + len(name))]
    first = (alone or starts)[:1]
    return first == [mention.start]


def _eponym(text: str, end: int) -> bool:
    """ "Cesar Chavez Day", "Simón Bolívar International Bridge": the name runs on into the
    head of a thing named after it (not "Yoon Suk Yeol" after "Yoon")."""
    m = _NEXT_WORDS.match(text, end)
    return m is not None and m.group(1).split()[-1] in INSTITUTION_HEADS


_NEXT_WORDS = re.compile(r"((?: [A-Z][a-z]+){1,3})\b")


def mined(document: Document, at: int) -> bool:
    return at >= document.body_start and not document.skip_reaching(at + 1, at)


def shortens_fuller_name(text: str, name: str) -> bool:
    """ "Grushko" when the article also says "Alexander Grushko" (not "But Grushko", "Minister
    Grushko")."""
    if " " in name:
        return False
    for at in occurrences(text, name):
        before = _WORD_BEFORE.search(text, max(at - _LONGEST_WORD, 0), at)
        if before is None:
            continue
        word = before.group(1)
        if word.lower() not in NOT_FIRST_NAMES and not is_title_word(word) and word not in STYLES:
            return True
    return False


def name_spans(document: Document, name: str) -> list[Span]:
    """Every occurrence of the full name, plus its surname standing alone."""
    text = document.text
    spans = [Span(at, at + len(name)) for at in occurrences(text, name)]
    if " " in name:
        first, surname = name.rsplit(" ", 1)
        for at in occurrences(text, surname):
            if text[max(at - len(first) - 1, 0) : at] != first + " ":
                spans.append(Span(at, at + len(surname)))
    return sorted(s for s in spans if mined(document, s.start))


# "Word Name": the capitalized word standing right before a name (searched backwards from it).
_WORD_BEFORE = re.compile(r"\b([A-Z][\w'’-]+) \Z")
_LONGEST_WORD = 64


def occurrences(text: str, name: str) -> list[int]:
    """Start offsets of the whole-word occurrences of `name` in `text`, in order."""
    return _NameIndex.of(text).occurrences(name)


class _NameIndex:
    """Where each capitalized word of a text starts, built once per text.

    A long article names thousands of people and asks about each several times; scanning the
    whole text for every question made one long document quadratic."""

    # Any capital, not only A-Z: a name spelled with none ("Ólafur Grímsson") fell back to a
    # scan of the whole text, which made one long document quadratic again.
    _CAPITAL_LIKE = re.compile(r"\b[^\W\da-z_]\w*")  # A-Z or any non-ASCII letter first

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: dict[str, list[int]] | None = None
        self._found: dict[str, list[int]] = {}

    @staticmethod
    @functools.lru_cache(maxsize=2)
    def of(text: str) -> _NameIndex:
        return _NameIndex(text)

    def occurrences(self, name: str) -> list[int]:
        if name not in self._found:
            self._found[name] = self._search(name)
        return self._found[name]

    @classmethod
    def _capitalized(cls, text: str) -> Iterator[re.Match[str]]:
        return (m for m in cls._CAPITAL_LIKE.finditer(text) if m.group()[0].isupper())

    def _search(self, name: str) -> list[int]:
        pattern = re.compile(rf"\b{re.escape(name)}\b")
        # A capitalized word of the name anchors it ("Ahmad" in "al-Ahmad"): an occurrence of the
        # name holds that word at the same distance from its start. The rarest word is cheapest.
        anchors = list(self._capitalized(name))
        if not anchors:  # no capitalized word: the index cannot help
            return [m.start() for m in pattern.finditer(self.text)]
        if self._starts is None:
            self._starts = {}
            for m in self._capitalized(self.text):
                self._starts.setdefault(m.group(), []).append(m.start())
        starts = self._starts
        anchor = min(anchors, key=lambda a: len(starts.get(a.group(), ())))
        shift = anchor.start()
        return [
            at - shift
            for at in starts.get(anchor.group(), [])
            if at >= shift and pattern.match(self.text, at - shift)
        ]

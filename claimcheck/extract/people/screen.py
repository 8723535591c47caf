"""Which PERSON mentions name a person: the model tags places, teams, newspapers, pipelines and
the names in credit lines as people. A person_name claim is made only of a mention this module
keeps, cut to the name itself (not "Philip Larkin - battled", "Kateřina Siniaková 6–4",
"Representatives Walter Capps").

Each rule reads the words around the mention in the sentence; none needs the knowledge source.
Measured on tests/data/people/person_names.jsonl (benchmarks/person_names.py)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

from claimcheck.extract.lexicon import is_title_word
from claimcheck.extract.people.clubs import a_club_here
from claimcheck.extract.people.places import is_country, is_demonym
from claimcheck.extract.people.slots import PERSON_EVENTS
from claimcheck.extract.sentence import Mention, text_of

# Lines that credit the people who made the story, not people it is about.
CREDIT_LINE = re.compile(
    r"\bcontribut(?:ed|ing)\s+(?:reporting|to\s+(?:this|the)\s+(?:report|story|article))\b"
    r"|^\W*(?:additional\s+)?(?:reporting|writing|editing|edited|written|compiled|produced)"
    r"\s+by\b|;\s*(?:additional\s+)?(?:editing|writing|reporting)\s+by\b",
    re.IGNORECASE,
)
# A photograph's credit: "(Photo: X / AFP)", "Photograph: X/Reuters", "X/Getty Images".
PHOTO_CREDIT = re.compile(
    r"\((?:photo|photograph|picture|image)s?(?:\s+by)?\s*:?[^)]*\)"
    r"|\b(?:photo|photograph|picture|image)s?(?:\s+by|:)[^\n]*$",
    re.IGNORECASE,
)
_CUT = re.compile(r"\s+[-–—/]|[–—/]|\n|\s+\S*\d")  # a name stops at a dash, slash, line end, digit
# Last words of places, bodies, competitions and documents, never of a person's name.
NOT_NAME_ENDS = frozenset(
    """Oblast Raion Province District Region County State Governorate Prefecture Municipality
    Valley Valleys Mountains Strait Sea River Island Islands Peninsula Desert Corridor League Cup
    Open Championship Championships Games Festival Sport Sports News Times Post Law Act Decree
    Treaty Accord Airlines Airways Bank Tobacco Motors Group Brigade Brigades Forces Army Base
    Airbase Airport Station Square Street Road Avenue Hospital University Front Force Party
    Movement Republic Kingdom Federation Emirates Council Assembly Committee Commission Corps
    Guard Authority Alliance Coalition City Territory Park Rainforest Forest Reservation
    Reserve Organization Organisation Church Government Congress Parliament Senate Home""".split()
)
# First words of the same: "Brigade N'Hamedu", "Strait of Hormuz", "Port of Shahid Rajaee".
NOT_NAME_STARTS = frozenset(
    """The Brigade Port Strait Lake Mount Cape Fort Camp Operation Radio Club Helmet Battle
    Siege Hurricane Typhoon Cyclone Storm Tropical""".split()
)
# "Hayat Tahrir al-Sham", "Partido Popular": the word for a body, a party, a front or an army
# that opens an organization's name in another language.
ORG_FIRST_WORDS = frozenset(
    """Hayat Hay'at Hayʼat Harakat Jabhat Hizb Jaish Liwa Kataib Kata'ib Partido Parti Partei
    Partito Frente Fronte Movimiento""".split()
)
NOT_NAME_STARTS |= ORG_FIRST_WORDS
# A lowercase word right after the name that makes it a place or a thing's name.
THING_AFTER = frozenset(
    """pipeline pipelines attack attacks crisis bombing bombings explosion explosions helicopter
    aircraft plane building valley valleys insurgency ethnic group office ship vessel tanker
    river mountains airport district province village city town region state county
    municipality governorate oblast raion museum stadium prize award festival crash fire
    flood floods earthquake massacre offensive campaign strike strikes airstrike airstrikes
    shelling clashes unrest""".split()
)
# A role a party or a place qualifies: "Fine Gael candidate X", "Chihuahua governor X". The
# words before it, and before another name, are the party or the place, not a person.
QUALIFIED_ROLES = frozenset(
    """candidate candidates councillor councilor lawmaker legislator politician governor premier
    mayor senator mp td mep deputy""".split()
)
_QUALIFIER_OF = re.compile(r"^\s+(\w+)\s+(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]*)")
# "cities such as X and Y", "villages including X, Y and Z": every member of the list.
_PLACE_LIST = re.compile(
    r"\b(?:cities|towns|villages|provinces|regions|areas|districts|states|islands|places"
    r"|settlements|communities)\s+(?:such\s+as|including|like)\s+"
    r"(?:[A-ZÀ-ÞĀ-ʯ][\w'’-]*(?:\s[A-ZÀ-ÞĀ-ʯ][\w'’-]*)*(?:,\s*|,?\s+and\s+))*$"
)
_ON_A_PLACE = re.compile(r"^\s+in\s+((?:[A-Z][\w'’-]*\s?){1,3})")
PLACE_NOUNS = frozenset(
    """city town village province region district state port strait island islands area areas
    municipality county capital suburb outskirts neighbourhood neighborhood helmet""".split()
)
PLACE_BEFORE = frozenset({"in", "into", "near", "outside", "across"})
PLACE_ARRIVAL = PLACE_BEFORE | {"on", "at", "to", "from"}
HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady".split())
# Religious and military styles the model keeps in the name ("Sheikh" is often the name's own).
STYLES = frozenset(
    """Ayatollah Imam Rabbi Cardinal Archbishop Bishop Reverend Rev Pastor Sgt Sergeant Cpl
    Corporal Pte Private Lt Lieutenant Capt Col Colonel Maj Major Gen""".split()
)
# A kind of organization right before a name: "the criminal organization Golden Dawn".
ORG_NOUNS = frozenset(
    """organization organisation group party movement militia faction front coalition alliance
    company firm band network gang cartel outfit broadcaster newspaper channel""".split()
)
# "Siege of Khan Younis", "Battle of Bakhmut": events of a place.
PLACE_EVENTS = frozenset("siege battle fall sack occupation evacuation liberation blockade".split())
SPEECH = frozenset(
    """said says told added warned wrote argued insisted announced replied asked tweeted
    stated claimed noted""".split()
)
OWNED = frozenset(
    """rule government administration presidency campaign wife husband son daughter party office
    spokesman spokeswoman lawyer lawyers team aides allies visit comments remarks decision death
    career successor predecessor""".split()
)
# "Ahmed al-Sharaa-headed": a hyphenated word that is not part of the name.
COMPOUNDS = frozenset(
    """headed led backed born based era style like owned run linked allied aligned affiliated
    appointed supporting era""".split()
)
FOLLOWERS = frozenset(
    """administration ally allies aide aides loyalist loyalists critic critics supporters
    government regime camp presidency premiership""".split()
)
_POSSESSIVE = re.compile(r"^['’]s\s+(\w+)")
# "the leader of the opposition party X", "the head of the group, X": the head, a person.
_HEAD_OF = re.compile(
    r"\b(?:leader|head|chief|founder|chair(?:man|woman)?|president|member|secretary|spokes"
    r"(?:man|woman|person)|commander)\s+of\s+(?:the\s+|a\s+|an\s+|its\s+|his\s+|her\s+)?"
    r"(?:[\w'’-]+\s+){0,4}?[\w'’-]+,?\s+$",
    re.IGNORECASE,
)
AGE_AFTER = re.compile(r"^,\s*\d{1,3},")  # "Milei, 54, says"
_SEASON = re.compile(r"\b\d{4}(?:[–-]\d{2,4})?\s+$")


def people(sdoc: Any, offset: int, mentions: list[Mention]) -> Iterator[Mention]:
    """The PERSON mentions that pass the screen, each cut to its name: what every extractor of
    facts about people (ages aside) starts from."""
    for found in mentions:
        if found.type == "PERSON" and (person := screen(sdoc, offset, found)) is not None:
            yield person


def screen(sdoc: Any, offset: int, mention: Mention) -> Mention | None:
    """The mention cut to the name, or None when it is not a person (or is credited, not
    reported on)."""
    text = text_of(sdoc)
    cut = trimmed(sdoc, offset, mention, text)
    if cut is None:
        return None
    start, end = cut.start - offset, cut.end - offset
    if credited(text, start):
        return None
    if not_a_name(cut.text) or not_a_person_here(text, start, end, cut.text):
        return None
    if listed_with_a_place(sdoc, cut.first):
        return None
    if " " not in cut.text and not _person_cue(text[:start], text[end:], sdoc[cut.last - 1]):
        return None  # a lone word: "Malawi", "Houthis", "Cartel", a heading's "Law"
    return cut


def trimmed(sdoc: Any, offset: int, mention: Mention, text: str) -> Mention | None:
    start, end = mention.start - offset, mention.end - offset
    name = text[start:end]
    cut = _CUT.search(name)
    if cut is not None:
        name = name[: cut.start()]
    name = name.rstrip(" ,.;:'’")
    marked = name[:1] in ("*", "_")
    while name[:1] in ("*", "_", " "):  # "* Obama says": a list item's marker the model took in
        start, name = start + 1, name[1:]
    if marked and " " not in name:
        return None  # "* Europol says": a list item's first word, tagged with its marker
    words = name.split(" ")
    while len(words) > 1 and words[0][:1].islower():  # "defender Sam Example": no name's start
        start += len(words[0]) + 1
        words = words[1:]
    name = " ".join(words)
    if len(words) > 2 and (
        is_title_word(words[0].rstrip("s")) or words[0].rstrip(".") in STYLES
    ):  # "Representatives Walter Capps", "Ayatollah Ali Sistani"
        start += len(words[0]) + 1
        name = " ".join(words[1:])
    joined = re.match(r"-([a-z]+)\b", text[start + len(name) :])  # "Han Duck" + "-soo"
    if joined is not None and len(name) == end - start and joined.group(1) not in COMPOUNDS:
        name += joined.group()
    if not name:
        return None
    start, name = _whole_name(sdoc, start, name)
    span = sdoc.char_span(start, start + len(name), alignment_mode="expand")
    first, last = (span.start, span.end) if span is not None else (mention.first, mention.last)
    return dataclasses.replace(
        mention,
        text=name,
        start=offset + start,
        end=offset + start + len(name),
        canonical=name if mention.canonical == mention.text else mention.canonical,
        first=first,
        last=last,
    )


def _whole_name(sdoc: Any, start: int, name: str) -> tuple[int, str]:
    """A one-word PERSON the model cut from the rest of the name ("Arrest of Imran" + "Khan",
    "Hun" + "Sen"): the capitalized proper noun beside it, tagged nothing else, joins it."""
    if " " in name:
        return _long_name(sdoc, start, name)
    span = sdoc.char_span(start, start + len(name))
    if span is None or any(t.whitespace_ for t in span[:-1]):
        return start, name
    token, end = span[0], span[-1]  # one word, or a hyphenated one: "Berro-Amadeï"
    if token.i > 0 and _loose_name_part(sdoc[token.i - 1]):
        before = sdoc[token.i - 1]
        return before.idx, before.text + " " + name if before.whitespace_ else name
    if end.i + 1 < len(sdoc) and _loose_name_part(sdoc[end.i + 1]) and end.whitespace_:
        return start, name + " " + sdoc[end.i + 1].text
    return start, name


def _long_name(sdoc: Any, start: int, name: str) -> tuple[int, str]:
    """A name of three or more words the model cut ("Denis Sassou" + "Nguesso", "Teodoro
    Obiang" + "Nguema Mbasogo"): untagged proper nouns right beside it join it, two at most
    each side, and none across the sentence's first word (a heading's or a verb's capital)."""
    span = sdoc.char_span(start, start + len(name))
    if span is None:
        return start, name
    first, last = span.start, span.end
    while first > 1 and span.start - first < 2 and _joins(sdoc[first - 1], sdoc[first - 1]):
        first -= 1
    if first < span.start and _of_an_office(sdoc, first - 1):
        first = span.start  # "Mayor of Greater Manchester Andy Burnham": the place of a title
    while last < len(sdoc) and last - span.end < 2 and _joins(sdoc[last - 1], sdoc[last]):
        last += 1
    run = sdoc[max(first - 1, 0) : min(last + 1, len(sdoc))]
    if (first, last) == (span.start, span.end) or any(_place_word(t.text) for t in run):
        return start, name  # "Osman Digna Air Base", "Dnipropetrovsk Oblast Serhiy Lysak"
    joined = sdoc[first:last]
    return joined.start_char, joined.text


def _of_an_office(sdoc: Any, of: int) -> bool:
    """ "Mayor of", "Chief Justice of": what follows is the office's place or body. Not a
    headline's event of a person ("Trial of Sheikh Hasina")."""
    if of < 1 or sdoc[of].lower_ != "of":
        return False
    word = sdoc[of - 1]
    return word.text[:1].isupper() and word.lower_ not in PERSON_EVENTS


def _place_word(word: str) -> bool:
    return word in NOT_NAME_ENDS or word in NOT_NAME_STARTS


def _joins(left: Any, token: Any) -> bool:
    """A loose name part, written with a space beside the name and not a sentence's start."""
    return (
        _loose_name_part(token)
        and not token.is_sent_start
        and bool(left.whitespace_ or left is token)
    )


def _loose_name_part(token: Any) -> bool:
    return (
        token.pos_ == "PROPN"
        and not token.ent_type_
        and re.fullmatch(r"[A-Z][a-zà-ÿ'’-]+", token.text) is not None
        and not is_title_word(token.text)
        and token.lower_.rstrip(".") not in HONORIFICS
        and token.text not in NOT_NAME_STARTS
        and token.text not in STYLES  # "Cardinal" + "Louis Sako"
    )


def listed_with_a_place(sdoc: Any, first: int) -> bool:
    """ "strikes on Jabalia and Deir al-Balah": after a place that follows a place's preposition
    and "and", the name is another place (not after a comma: "the senator from Ohio, Sherrod
    Brown")."""
    if first < 3 or sdoc[first - 1].lower_ != "and":
        return False
    place = sdoc[first - 2]
    return place.ent_type_ in ("GPE", "LOC", "FAC") and sdoc[first - 3].lower_ in PLACE_ARRIVAL


def credited(text: str, start: int) -> bool:
    if CREDIT_LINE.search(text):
        return True
    return any(m.start() <= start < m.end() for m in PHOTO_CREDIT.finditer(text))


def not_a_name(name: str) -> bool:
    """The words themselves: a title word, a country or demonym, a place or body's last word."""
    words = name.split()
    if is_title_word(name) or is_country(name) or is_demonym(name):
        return True
    if words[0] in NOT_NAME_STARTS or words[-1].split("-")[0] in NOT_NAME_ENDS:
        return True  # "... Liberation Movement-North" too
    # "AEK Larnaca", "ETO Győr": an acronym before a name is a club's ("BILL CLINTON" is not).
    return len(words) > 1 and words[0].isupper() and len(words[0]) > 1 and not name.isupper()


def not_a_person_here(text: str, start: int, end: int, name: str) -> bool:
    """The words around the name make it a place, a team, a title or a one-word non-name."""
    before, after = text[:start], text[end:]
    word_before = _last_word(before)
    next_word = _first_word(after)
    if before.endswith(("*", "_")) and after.startswith(("*", "_")):
        return True  # *Enab Baladi*: an italic title, a newspaper, a film, a ship
    if before.rstrip().endswith("(") and re.match(r"^(?:\s+in\s+[A-Z]\w+)?\)", after):
        return True  # "(Polsat Sport in Polish)": the source cited
    if after.lstrip().startswith("/"):
        return True  # "Ludovic Marin/Getty Images"
    if next_word in THING_AFTER or (next_word == "" and _first_word(after[1:]) in THING_AFTER):
        return True
    if _preceded_by_of(before):
        return True
    if word_before.lower() == "the" and " " not in name and after.startswith(" of "):
        return True  # "The Bulletin of the Atomic Scientists", "The Government of Spain"
    if word_before in ORG_FIRST_WORDS and before[-1:] == " ":
        return True  # "Hayat" + "Tahrir al-Sham": the rest of an organization's name
    if word_before.lower() in ORG_NOUNS and before[-1:] == " " and not _HEAD_OF.search(before):
        return True  # "the militant group Lashkar-e-Taiba", "the far-right party Vox"
    place_word = word_before.lower() in PLACE_BEFORE or before.endswith(" in to ")
    if place_word and not _POSSESSIVE.match(after):
        return True
    if _SEASON.search(before) and next_word[:1].islower():
        return True  # "2025 Garissa attack", "2025 Bat Yam bus bombings"
    if _in_place_chain(after):
        return True  # "Bat Yam, Israel", "Rio Grande do Sul, Brazil"
    qualifier = _QUALIFIER_OF.match(after)
    if qualifier is not None and qualifier.group(1).lower() in QUALIFIED_ROLES:
        return True  # "Fine Gael candidate Heather Humphreys": the party, not a person
    if _PLACE_LIST.search(before):
        return True
    on_place = _ON_A_PLACE.match(after)
    if word_before.lower() in {"on", "at"} and on_place and is_country(on_place.group(1).strip()):
        return True  # "on Jengish Chokusu in Kyrgyzstan": a mountain, a site
    if a_club_here(text, start, end):
        return True  # "Real Madrid beat Bayern Munich 2-1", "Aston Villa v X", "signed for X"
    return re.match(r"^\s+wins?\s+their\b", after) is not None  # "Lech Poznań wins their"


def _person_cue(before: str, after: str, token: Any) -> bool:
    """What makes a lone word a person's name: a title or honorific before it; a speech verb,
    ", who", a title ("Trump adviser") or a person's possessions after it; or standing as the
    subject of a verb ("Putin met Xi Jinping")."""
    word_before = _last_word(before)
    if is_title_word(word_before) or word_before.lower().rstrip(".") in HONORIFICS:
        return True
    if word_before.rstrip(".") in STYLES:
        return True  # "Colonel Qadhafi", "Reverend Cherry"
    following = _first_word(after)
    owned = _POSSESSIVE.match(after)
    return (
        AGE_AFTER.match(after) is not None
        or following in SPEECH
        or following in FOLLOWERS
        or is_title_word(following)
        or after.startswith((", who", ", whose"))
        or (owned is not None and owned.group(1) in OWNED)
        or (token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ == "VERB")
    )


def _preceded_by_of(before: str) -> bool:
    """ "the governor of Taiz", "the city of Goma", "Strait of Hormuz": a place after "of"."""
    m = re.search(r"(\w+)\s+of\s+$", before)
    if m is None:
        return False
    word = m.group(1)
    return word.lower() in PLACE_NOUNS or word.lower() in PLACE_EVENTS or is_title_word(word)


def _in_place_chain(after: str) -> bool:
    segment = re.split(r"[.;()\n]", after, maxsplit=1)[0]
    pieces = [p.strip() for p in segment.split(",")]
    # Only right after the name ("Bat Yam, Israel"; "Rio Grande do Sul, Brazil"), not a country
    # named further on in the sentence.
    near = len(pieces[0].split()) <= 2
    return near and len(pieces) > 1 and is_country(pieces[1])


def _last_word(text: str) -> str:
    m = re.search(r"([\w.'’-]+)\W*$", text)
    return m.group(1) if m else ""


def _first_word(text: str) -> str:
    m = re.match(r"^\s+([\w'’-]+)", text)
    return m.group(1) if m else ""

"""Figures in text: counts, quantities, money, percentages, durations, ordinals out of a total.

A figure is found by one core pattern (digits or number words); what is around it (modifier,
currency, scale, unit, range) decides its kind. Figures inside names and identifiers
("Nord Stream 2", "G7", "COVID-19"), times of day, phone numbers and pronominal "one" are not
claims.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from typing import Any

from claimcheck.extract.found import Found, overlaps
from claimcheck.extract.loose_durations import scan_loose_durations
from claimcheck.extract.money import CODE_BEFORE, GLUED_CODE, currency_after, word_before
from claimcheck.extract.shares import scan_shares
from claimcheck.normalize import bounds, durations
from claimcheck.normalize.dates import MONTHS, WEEKDAYS
from claimcheck.normalize.measures import FALL_WORDS, RISE_WORDS
from claimcheck.normalize.numbers import (
    ORDINALS,
    PLURAL_SCALES,
    SCALES,
    SHORT_SCALES,
    UNITS,
    exact,
    parse_number,
    parse_ordinal,
)
from claimcheck.normalize.numbers import TENS as TEN_WORDS
from claimcheck.normalize.units import (
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    DURATION_ALIASES,
    DURATION_UNITS,
    PERCENT_WORDS,
    QUANTITY_ALIASES,
)
from claimcheck.normalize.units import alternation as _alternation

_SMALL = _alternation(w for w in UNITS if w not in ("a", "an", "zero"))
_TENS = _alternation(TEN_WORDS)
_SCALE_WORDS = _alternation(SCALES)
WORD_ATOM = rf"(?:(?:{_TENS})(?:[-\s](?:{_SMALL}))?|{_SMALL})"
WORD_NUMBER = (
    rf"(?:(?:half\s+)?(?:an?|{WORD_ATOM})\s+(?:{_SCALE_WORDS})"
    rf"(?:\s+(?:and\s+)?{WORD_ATOM}(?:\s+(?:{_SCALE_WORDS}))?)*|{WORD_ATOM})"
)
# 'a quarter million', 'two-thirds of a billion', 'a half million'.
FRACTION_OF_SCALE = (
    r"(?:(?:a\s+)?half|a\s+quarter|three[\s-]quarters|a\s+third|two[\s-]thirds)(?:\s+of)?(?:\s+an?)?"
    r"\s+(?:thousand|million|billion|trillion)"
)
# A half or a quarter after a whole number: '3 1/2 hours', '4½ months', 'two and a half years'.
FRACTION_TAIL = r"(?:[\s-]?(?:1/2|1/4|3/4|[½¼¾])(?![\d/])|\s+and\s+a\s+half\b)"
FRACTIONS = {"1/2": "0.5", "1/4": "0.25", "3/4": "0.75", "½": "0.5", "¼": "0.25", "¾": "0.75"}
# Thousands separated by commas, or by the no-break and thin spaces of typeset copy.
# Indian copy groups by lakh and crore: '23,45,678' is 2,345,678.
DIGITS = (
    r"\d{1,2},(?:\d\d,)+\d{3}(?!\d|,\d)(?:\.\d+)?"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+"
    r"|\d{1,3}(?: \d{3})*(?: 0\d\d)(?!\d|[,.]\d)"  # plain spaces: see normalize/numbers.py
    r"|\d+(?:\.\d+)?"
)
# Zero-width characters turn up between figure and scale in copy-pasted text.
BIG_SCALE = (
    r"(?:(?:[\s\u200b-\u200d\u2060]+|-)(?:million|billion|trillion|thousand|crore|lakh)\b"
    r"|\s?(?:bn|mn|mln|tn)\b)"
)
# Digits glued to more digits by an invisible or narrow space ("3\u200b0", "1\u2009000") are one
# number this pattern cannot read: no figure rather than two wrong ones ("3" and "0").
_GLUE = "[\u00a0\u2009\u202f\u200b-\u200d\u2060]"
_FIGURE = (
    rf"(?:(?P<digits>(?>{DIGITS}))(?!{_GLUE}[\d.,])(?P<frac>{FRACTION_TAIL})?(?P<scale>{BIG_SCALE})?"
    rf"|(?P<words>{FRACTION_OF_SCALE}|{WORD_NUMBER})\b(?P<wfrac>{FRACTION_TAIL}(?P<wscale>{BIG_SCALE})?)?)"
)
CORE = re.compile(rf"(?<![\w.,/:#@-])(?<![\d.,]{_GLUE}){_FIGURE}", re.IGNORECASE)
# A figure glued after a currency code ('USD250', 'EUR5bn'), which CORE's look-behind refuses.
CODE_THEN_FIGURE = re.compile(rf"(?<![A-Za-z])(?:{'|'.join(CURRENCY_CODES)})(?=\d)")
GLUED_FIGURE = re.compile(_FIGURE, re.IGNORECASE)
CURRENCY_BEFORE = re.compile(
    rf"(?:(?P<symbol>{_alternation(CURRENCY_SYMBOLS)})|(?P<code>\b(?:{'|'.join(CURRENCY_CODES)}))\s?)"
    r"\s?$"
)
MODIFIER_BEFORE = re.compile(rf"\b(?P<mod>{bounds.MODIFIER_PATTERN})\s+$", re.IGNORECASE)
BETWEEN_BEFORE = re.compile(r"\b(?P<mod>between|from)\s+$", re.IGNORECASE)
# "rose by $7bn to $212.5bn", "fell from 12.4 to 3.2 percent": a change, never a range.
CHANGE_BEFORE = re.compile(
    rf"\b(?:{_alternation(RISE_WORDS | FALL_WORDS)})\s+(?:by\s+)?"
    r"(?:\S*\d\S*(?:\s+(?:per\s?cent|percent))?,?\s+)?(?:(?:by|from)\s+)?"
    r"(?:(?:about|around|some|nearly|almost|roughly)\s+)?$",
    re.IGNORECASE,
)
# 'upped its target from £35 to £36.20', 'cut the forecast from 3% to 2%': a change told of an
# object between the verb and its figures.
CHANGED_OBJECT = re.compile(
    r"\b(?:upped|raised|lifted|hiked|lowered|trimmed|revised|cut|increased|reduced|boosted"
    r"|changed|moved|slashed|doubled|halved)\s+(?:(?:its|their|his|her|the|a|our)\s+)?"
    r"(?:[a-z]+\s+){0,2}(?:from\s+)?$"
)
# A glued 'm' is a million for a count only where the figure reads as one: with a modifier or
# a decimal ('almost 7m handsets', '2.5m people'), and not a distance run ('the 100m sprint').
M_COUNT_AFTER = re.compile(
    r"m\b(?=\s+[a-z])(?!\s+(?:sprint|hurdles|race|final|heats?|freestyle|relay|butterfly"
    r"|backstroke|breaststroke|dash|medley|run|swim|event|record|title)\b)"
)
SHORT_SCALE_AFTER = re.compile(r"(?P<short>bn|mn|tn|m|b|k)\b")
PERCENT_AFTER = re.compile(rf"\s?(?P<pct>%|(?:{_alternation(PERCENT_WORDS)})\b)", re.IGNORECASE)
RANGE_AFTER = re.compile(
    rf"\s?(?P<sep>-|–|—|\s+to\s+|\s+and\s+)(?:{_alternation(CURRENCY_SYMBOLS)})?"
    rf"(?P<upper>{DIGITS}|{WORD_NUMBER})(?P<scale>{BIG_SCALE})?(?![\w.,]\d)",
    re.IGNORECASE,
)
_UNITS = _alternation([*DURATION_ALIASES, *QUANTITY_ALIASES])
HYPHEN_UNIT = re.compile(
    rf"-(?P<unit>{_UNITS})\b(?!-old)",
    re.IGNORECASE,
)
UNIT_AFTER = re.compile(
    rf"\s?(?P<unit>{_UNITS})(?![\w/²³])",
    re.IGNORECASE,
)
# 'three more weeks', 'five straight days', 'three consecutive quarters'.
DURATION_GAP = re.compile(
    r"\s+(?:more|additional|extra|further|straight|consecutive|successive|full|short|long)\s+"
    rf"(?P<unit>{_alternation([*DURATION_ALIASES, *durations.IN_OTHER_UNITS])})\b",
    re.IGNORECASE,
)
# The smaller unit of a height or weight: '6 ft 1 in', '5 feet 9 inches', '3 pounds 4 ounces'.
SMALLER_PART = {
    "foot": (
        re.compile(r"(?:\s*,?\s+and)?\s*(?P<n>\d{1,2}(?:\.\d+)?)\s?(?:inches|inch|in\b|″|\")"),
        "inch",
        12,
    ),
    "pound": (re.compile(r"\s*(?P<n>\d{1,2}(?:\.\d+)?)\s?(?:ounces|ounce|oz\b)"), "ounce", 16),
}
# Physical things a glued 'm' measures: 'a 1.9m wall', 'waves 4m high' ('5m people' is no metre).
_METRE_CONTEXT = re.compile(
    r"m[\s-]+(?:high|tall|long|wide|deep|thick|in\s+(?:height|length|diameter)|walls?|fences?"
    r"|barriers?|statues?|towers?|waves?|drop|swell|sinkhole|jump|poles?|tunnel|bridge|hole)\b"
)
# Quarters are a span of time only where a period is spoken of: 'the next two quarters'; 'three
# quarters would go to individuals' is a share.
_QUARTERS_AFTER = re.compile(r"\s+(?P<unit>quarters?)\b(?!\s+of\b)", re.IGNORECASE)
_PERIOD_BEFORE = re.compile(
    r"\b(?:next|past|last|previous|coming|following|first|final|for|over|within)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_K_AFTER = re.compile(r"[kK]\b(?!\s+(?:runs?|races?|plans?|accounts?)\b)")  # not '401k plans'
AGE_AFTER = re.compile(r"[-\s]+(?:years?|months?|weeks?|days?)[-\s]+old\b|\s+ago\b", re.IGNORECASE)
COMPOUND_AFTER = re.compile(
    rf"(?:\s*,\s*|\s+)(?:and\s+)?(?P<n>{DIGITS}|{WORD_ATOM}|an?)\s+"
    rf"(?P<unit>{_alternation(DURATION_ALIASES)})\b",
    re.IGNORECASE,
)
ORDINAL = re.compile(
    rf"\b(?P<ord>{_alternation(k for k in ORDINALS if k != 'last')}|\d+(?:st|nd|rd|th))\s+of\s+"
    rf"(?:the\s+)?(?P<total>{DIGITS}|{WORD_ATOM})\b(?!\s*(?:{_alternation(PLURAL_SCALES)}))",
    re.IGNORECASE,
)
PLURAL = re.compile(
    rf"\b(?P<phrase>(?:(?P<tens>tens|hundreds)\s+of\s+)?(?P<scale>{_alternation(PLURAL_SCALES)}))"
    r"\s+of\b",
    re.IGNORECASE,
)
TIME_24 = (
    r"\b[0-2]\d[0-5]\d\s*(?:GMT|UTC|Z|EST|EDT|CST|CDT|PST|PDT|CET|CEST|BST|IST|JST|local\s+time"
    r"|hours|hrs)\b"
)
# Never claims: clock times, phone numbers, scores and fractions, numbered things.
NOT_FIGURES = re.compile(
    r"\b\d{1,2}:\d\d(?:\s*[ap]\.?m\.?\b)?|\b\d{1,2}\.\d\d\s*[ap]\.?m\.?\b"
    r"|\b\d{1,2}\s*[ap]\.m\.|\b\d{1,2}\s*(?:am|pm)\b"
    r"|\b\d{1,2}\s+o['’]clock\b"
    r"|(?<!\w)\+?\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}(?:[\s.-]\d{2,4})?\b"
    r"|(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}\b"
    r"|(?<!\d\s)(?<!\d-)\b\d+/\d+\b|\b\d+-\d+\s+(?:vote|win|victory|defeat|loss|lead|score|draw)\b"
    r"|(?:No\.|#|Nos?\s)\s?\d+|\bhttps?://\S+|\S+@\S+"
    # An earthquake's magnitude is a measure on a scale, not a count of earthquakes.
    r"|\b(?:M[wWsSbBlL]|[Mm]agnitude)[\s-]?\d+(?:\.\d+)?\b"
    r"|\b\d+(?:\.\d+)?[\s-]?magnitude\b"
    # A time on the 24-hour clock: '1500 GMT', '2300 hours'.
    rf"|{TIME_24}",
)
_ANY_DIGIT = re.compile(r"\d")
SCORE = re.compile(r"(?<![\d,.])(?P<first>\d{1,4})\s?[-–—]\s?(?P<second>\d{1,4})(?![\d,.%])")
# Abbreviated units whose case matters, with the spellings accepted.
CASE_SENSITIVE_UNITS = {
    "m": ("m",),  # "a 5 m wall"; glued to the figure or capitalized, "m" is no metre
    "t": ("t",),
    "mw": ("MW",),
    "gw": ("GW",),
    "kw": ("kW", "KW"),
    "gb": ("GB",),
    "mb": ("MB",),
    "tb": ("TB",),
    "ml": ("ml", "mL"),
    "mg": ("mg",),
    "mi": ("mi",),
    "ft": ("ft",),
    "oz": ("oz",),
}
# Capitalized words that may precede a figure without making it part of a name.
NOT_NAME_WORDS = frozenset(
    "the a an in on at of for by with about around over nearly almost some more less fewer up to "
    "from between than and but or only just all another roughly approximately those these its "
    "their his her our your my since after before during until last next each every least most "
    "exactly under below above within estimated total only another some were was are is had have "
    "has killed injured wounded said says reported including among another while when where if "
    "as so yet nor both either neither then there here this that what which who whom whose".split()
)
_NAME_BEFORE = re.compile(r"(?:^|[\s(\"“‘'])(?P<word>[A-Z][\w&.'’-]*)\s$")
_GLUED_BEFORE = re.compile(r"[A-Za-z]-?$")
_FRACTION_AFTER = re.compile(r"[\s-]?(?:\d/\d\b|[½¼¾⅓⅔])")  # the ones FRACTION_TAIL cannot read
_PRONOMINAL_ONE_BEFORE = re.compile(
    r"\b(?:no|any|every|the|this|that|which|each|some|someone|anyone|no\s+other|the\s+only)\s+$",
    re.IGNORECASE,
)


# After these verbs 'about' and 'over' are prepositions, not approximators: 'talked about four
# weeks of training', 'payments spread over four years'.
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:talk|talked|talking|think|thought|thinking|worry|worried|worrying|speak|spoke|spoken"
    r"|hear|heard|know|knew|care|cared|complain|complained|learn|learned|read|write|wrote"
    r"|written|ask|asked|argue|argued|joke|joked|dream|dreamed|concerned|bring|brought|forget"
    r"|spread|spreads|spanned|spans|span|stretched|stretches|phased|staggered|split"
    r"|amortised|amortized"
    # Spent over a period, not more than it: the sum is what was spent ('the money will be
    # spent over four years', 'the state spent $2bn over four years'); 'spent over four years
    # in jail' keeps 'more than', the years being what was spent.
    r"|(?:be|been|being|is|are|was|were)\s+spent"
    r"|(?:spent|spends|spend|paid|pays|pay|raised|raises|raise|invested|invests|invest)\s+"
    r"(?:[$£€¥]|[A-Z]{2,3}\$)\s?\d[\d,.]*(?:\s*(?:million|billion|trillion|bn|mn|m|k)\b)?)\s+$",
    re.IGNORECASE,
)


def scan_figures(text: str, taken: list[tuple[int, int]]) -> list[Found]:
    """Every figure in `text` not overlapping `taken` (which grows with what is found)."""
    if _ANY_DIGIT.search(text) or "@" in text or "://" in text:  # what NOT_FIGURES needs
        taken.extend((m.start(), m.end()) for m in NOT_FIGURES.finditer(text))
    taken.extend(_scores(text))
    found = scan_shares(text, taken) + _ordinals(text, taken) + _plurals(text, taken)
    for m in _figures(text):
        if overlaps(m.start(), m.end(), taken) or _in_name(text, m):
            continue
        item = _figure(text, m)
        if item is not None and not overlaps(item.start, item.end, taken):
            taken.append((item.start, item.end))
            found.append(item)
    return found + scan_loose_durations(text, taken)


def _figures(text: str) -> list[re.Match[str]]:
    """Every figure CORE finds, and those glued after a currency code, in order."""
    glued = [GLUED_FIGURE.match(text, c.end()) for c in CODE_THEN_FIGURE.finditer(text)]
    figures = list(CORE.finditer(text)) + [m for m in glued if m is not None]
    return sorted(figures, key=lambda m: m.start()) if glued else figures


def _scores(text: str) -> list[tuple[int, int]]:
    """'votes 85–5', 'won 3-2', 'the 2014-15 season': a pair falling from the first to the
    second number is a score or a span of years, never a range."""
    return [
        (m.start(), m.end()) for m in SCORE.finditer(text) if int(m["second"]) < int(m["first"])
    ]


def _ordinals(text: str, taken: list[tuple[int, int]]) -> list[Found]:
    out = []
    for m in ORDINAL.finditer(text):
        position = parse_ordinal(m["ord"])
        total = parse_number(m["total"])
        if position is None or total is None or overlaps(m.start(), m.end(), taken):
            continue
        if Decimal(position) > total:
            continue
        taken.append((m.start(), m.end()))
        value = {
            "amount": Decimal(position),
            "unit": None,
            "lower": Decimal(position),
            "upper": Decimal(position),
            "approximate": False,
            "modifier": None,
        }
        out.append(
            Found(
                "ordinal",
                m.start(),
                m.end(),
                value,
                {"total": total},
                core=(m.start("ord"), m.end("ord")),
            )
        )
    return out


def _plurals(text: str, taken: list[tuple[int, int]]) -> list[Found]:
    out = []
    for m in PLURAL.finditer(text):
        if overlaps(m.start(), m.end("phrase"), taken):
            continue
        low = Decimal(PLURAL_SCALES[m["scale"].lower()]) * (10 if m["tens"] else 1)
        if m["tens"] and m["tens"].lower() == "hundreds":
            low = Decimal(PLURAL_SCALES[m["scale"].lower()]) * 100
        taken.append((m.start(), m.end("phrase")))
        value = {"unit": None, **bounds.plural_scale(low, m["phrase"])}
        out.append(
            Found(
                "count",
                m.start(),
                m.end("phrase"),
                value,
                needs="counted",
                core=(m.start(), m.end("phrase")),
            )
        )
    return out


def _in_name(text: str, m: re.Match[str]) -> bool:
    """'Nord Stream 2', 'Boeing 737', 'Section 230', 'COVID-19', 'G7'."""
    if not m["digits"]:
        return False
    before = text[max(0, m.start() - 40) : m.start()]
    if _GLUED_BEFORE.search(before):
        return not CODE_BEFORE.search(before)  # 'USD250' is money, 'G7' a name
    name = _NAME_BEFORE.search(before)
    if name is None or "," in m["digits"] or "." in m["digits"]:
        return False
    word = name["word"].rstrip(".").lower()
    if name["word"] in CURRENCY_CODES or name["word"] in CURRENCY_SYMBOLS:
        return False
    if word.endswith(("'s", "’s", "s'", "s’")):
        return False  # "NATO's 30 member states": a possessive owns the figure, it is no name
    return word not in NOT_NAME_WORDS and word not in MONTHS and word not in WEEKDAYS


def _amount(m: re.Match[str]) -> Decimal | None:
    """The figure's value, a half or a quarter after a whole number included."""
    tail = m["frac"] or m["wfrac"]
    if not tail:
        return parse_number(m.group(0).replace("-", " "))  # '$1-million' is a million
    whole = parse_number(m["digits"] or m["words"])
    if whole is None:
        return None
    fraction = Decimal(FRACTIONS.get(tail.strip(" -"), "0.5"))  # else 'and a half'
    written_scale = m["scale"] or m["wscale"]
    scale = parse_number("1" + written_scale) if written_scale else Decimal(1)
    if scale is None:
        return None
    if m["wscale"]:
        tail = tail[: -len(m["wscale"])]
        fraction = Decimal(FRACTIONS.get(tail.strip(" -"), "0.5"))
    # 'a million and a half' is half of its largest scale more: 1,500,000.
    step = max((s for s in SCALES.values() if s >= 1000 and whole % s == 0), default=1)
    return exact((whole + fraction * step) * scale)


def _figure(text: str, m: re.Match[str]) -> Found | None:
    amount = _amount(m)
    if amount is None or len(m.group(0)) > 40:
        return None
    start, end = m.start(), m.end()
    rest = text[end : end + 60]
    if m["words"] and m["words"].lower() == "one" and _pronominal_one(text, start, rest):
        return None
    if m["digits"] and re.match(r"[A-Za-z]", rest) and not SHORT_SCALE_AFTER.match(rest):
        if not (UNIT_AFTER.match(rest) or PERCENT_AFTER.match(rest) or GLUED_CODE.match(rest)):
            return None  # '737s', '19th', '5G': part of a word, not a figure
    if AGE_AFTER.match(rest):
        return None
    if m["digits"] and _FRACTION_AFTER.match(rest):
        return None  # '$5 1/2 billion': read as $5 it would be wrong by a billion
    currency, start = _currency_before(text, start)
    if currency is None and (m["scale"] or m["wscale"]):
        worded = word_before(text[max(0, start - 20) : start])
        if worded is not None:
            currency, start = worded[0], start - worded[1]
    if currency == "":
        return None  # 'Mex$96': a dollar we cannot name is no money claim, nor a count
    plain_start = start
    modifier, start = _modifier_before(text, start)
    found = _classify(text, m, amount, start, end, currency, modifier)
    if found is not None and modifier and modifier.lower() in ("between", "from"):
        if found.value["modifier"] not in ("between", "range"):  # 'from 1,178 dollars to 45'
            found = dataclasses.replace(found, start=plain_start)
    return found


def _pronominal_one(text: str, start: int, rest: str) -> bool:
    if HYPHEN_UNIT.match(rest):
        return False  # 'a one-day strike'
    if (
        re.match(
            r"\s+(?:of|another|and|or|who|that|which|is|was|has|had|said|says)\b|\s*[^\w\s]",
            rest,
            re.IGNORECASE,
        )
        or not rest.strip()
    ):
        return True
    return bool(_PRONOMINAL_ONE_BEFORE.search(text[max(0, start - 20) : start]))


def _currency_before(text: str, start: int) -> tuple[str | None, int]:
    cm = CURRENCY_BEFORE.search(text[max(0, start - 6) : start])
    if cm is None:
        return None, start
    iso = CURRENCY_SYMBOLS.get(cm["symbol"]) if cm["symbol"] else cm["code"].strip()
    begin = start - len(cm.group(0))
    if cm["symbol"] and begin > 0 and text[begin - 1].isalpha():
        if cm["symbol"][0].isalpha():
            return None, start  # 'FORM 5' is no ringgit
        return "", start  # glued to letters we do not know: 'Z$' and the like
    return iso, begin


def _modifier_before(text: str, start: int) -> tuple[str | None, int]:
    before = text[max(0, start - 30) : start]
    mm = MODIFIER_BEFORE.search(before) or BETWEEN_BEFORE.search(before)
    if mm is None or _PREPOSITION_BEFORE.search(before, 0, mm.start("mod")):
        return None, start
    return mm["mod"], start - (len(before) - mm.start("mod"))


def _classify(
    text: str,
    m: re.Match[str],
    amount: Decimal,
    start: int,
    end: int,
    currency: str | None,
    modifier: str | None,
) -> Found | None:
    core = (m.start(), m.end())
    rest = text[end:]
    if m["digits"] and not m["scale"]:
        short = SHORT_SCALE_AFTER.match(rest) if currency else _K_AFTER.match(rest)
        if short is None and not currency and (modifier or "." in m["digits"]):
            short = None if _METRE_CONTEXT.match(rest) else M_COUNT_AFTER.match(rest)
        if short:
            multiplied = amount * SHORT_SCALES[short.group(0).lower()]
            amount = multiplied if currency else exact(multiplied)  # money keeps its written digits
            end += short.end()
            rest = text[end:]
    before = text[max(0, start - 40) : start]
    changing = CHANGE_BEFORE.search(before) is not None or CHANGED_OBJECT.search(before) is not None
    value, end, unit_from = _with_range(text, amount, end, modifier, changing)
    if value is None:
        return None
    rest = text[unit_from:]
    # The unit joins the span only when it follows this figure, not the next one.
    joined = unit_from == end
    if currency is None:
        scaled = bool(m["scale"]) or bool(re.search(r"\s(?:million|billion|trillion)", m[0]))
        after = currency_after(text, unit_from, value, scaled, text[max(0, start - 40) : start])
        if after:
            currency, value, taken = after
            end += taken if joined else 0
            if currency == "":
                return None  # 'kroner', 'dinars': a currency no one can name
    if currency:
        return Found("money", start, end, {**value, "unit": currency}, core=core)
    pct = PERCENT_AFTER.match(rest)
    if pct:
        unit = PERCENT_WORDS[" ".join(pct["pct"].lower().split())]
        end += pct.end() if joined else 0
        return Found("percent", start, end, {**value, "unit": unit}, core=core)
    unit_match = _unit_after(text, start, rest)
    if unit_match and not _unit_as_written(unit_match["unit"], rest):
        return None
    if unit_match:
        end += unit_match.end() if joined else 0
        found = _with_unit(start, end, value, unit_match["unit"], core)
        if not joined:
            return found
        return _compound(text, found) if found.kind == "duration" else _smaller_part(text, found)
    if re.match(r"-[^\W\d_]", rest):
        return None  # 'a four-story building', 'six-time champion': an attribute, not a count
    if value["modifier"] in ("range",) and m["words"]:
        return None  # 'one or two', 'five to six': loose talk, not a figure
    return Found("count", start, end, {**value, "unit": None}, needs="counted", core=core)


def _unit_after(text: str, start: int, rest: str) -> re.Match[str] | None:
    """The unit after a figure: '-hour', ' km', ' more weeks', ' quarters' after 'next'."""
    found = HYPHEN_UNIT.match(rest) or UNIT_AFTER.match(rest) or DURATION_GAP.match(rest)
    if found is None and _PERIOD_BEFORE.search(text, max(0, start - 30), start):
        found = _QUARTERS_AFTER.match(rest)
    return found


def _unit_as_written(written: str, rest: str) -> bool:
    """Abbreviations keep their case ('Mw' is a magnitude, not megawatts); a Title-Case unit
    after a hyphen names something ('the Six-Day War')."""
    key = " ".join(written.lower().split())
    if key in CASE_SENSITIVE_UNITS and written not in CASE_SENSITIVE_UNITS[key]:
        return False
    if key == "m" and not rest[:1].isspace():
        return bool(_METRE_CONTEXT.match(rest))  # '5m people' is five million, '1.9m wall' not
    if key in ("cup", "cups") and not re.match(r"\w+\s+of\b", rest.lstrip()):
        return False  # '1 cup of flour'; 'won two cups' is trophies
    if key == "t" and rest[:1].isspace():
        return False  # glued only: 'a 40t truck'; '40 t' is no unit
    return not (rest.startswith("-") and written[:1].isupper())


def _with_range(
    text: str, amount: Decimal, end: int, modifier: str | None, changing: bool = False
) -> tuple[dict[str, Any] | None, int, int]:
    """The figure's value, where it ends, and where its unit is to be looked for (after the
    second figure of 'from 12.4 to 3.2 percent', which is a change, not a range)."""
    rest = text[end:]
    rm = RANGE_AFTER.match(rest)
    if rm:
        sep = rm["sep"].strip().lower()
        if (sep == "and") != (modifier is not None and modifier.lower() == "between"):
            rm = None
    if rm is None:
        return bounds.bounded(amount, modifier), end, end
    upper = parse_number(rm["upper"] + (rm["scale"] or ""))
    if upper is None:
        return bounds.bounded(amount, modifier), end, end
    if changing and rm["sep"].strip().lower() == "to":
        return _change_end(text, amount, end, rm)
    if upper <= amount:
        scale = re.search(BIG_SCALE, rm["scale"] or "", re.IGNORECASE)
        if scale is None and rm["sep"].strip().lower() == "to":
            return bounds.bounded(amount, None), end, end + rm.end()
        if scale is None:
            return None, end, end  # '3-2', '2014-15': a score or a season, not a range
        amount = parse_number(f"{amount} {rm['scale'].strip()}") or amount
    label = "between" if modifier and modifier.lower() in ("between", "from") else "range"
    return bounds.ranged(amount, upper, label), end + rm.end(), end + rm.end()


def _change_end(
    text: str, amount: Decimal, end: int, rm: re.Match[str]
) -> tuple[dict[str, Any] | None, int, int]:
    """The first figure of 'rose from 5 to 10 percent' or 'rose by $7bn to $212.5bn': the unit
    may come after the second figure, and so may the scale ('from 5 to 10 million')."""
    scaled = re.match(BIG_SCALE, text[end:], re.IGNORECASE) or re.match(
        r"(?:bn|mn|tn|m|b|k)\b", text[end:]
    )
    if rm["scale"] and not scaled and not re.search(r"[a-z]$", text[max(0, end - 3) : end]):
        amount = parse_number(f"{amount} {rm['scale'].strip()}") or amount
    return bounds.bounded(amount, None), end, end + rm.end()


def _compound(text: str, found: Found) -> Found:
    """'two years and eight months', '1 hour 30 minutes': one duration, parts in falling units."""
    parts = [(found.value["amount"], found.value["unit"])]
    end = found.end
    while (more := COMPOUND_AFTER.match(text, end)) is not None:
        amount = parse_number(more["n"])
        unit = DURATION_ALIASES[" ".join(more["unit"].lower().split())]
        if amount is None or DURATION_UNITS[unit][2] >= DURATION_UNITS[parts[-1][1]][2]:
            break
        parts.append((amount, unit))
        end = more.end()
    if len(parts) == 1 or found.value["modifier"] in ("range", "between"):
        return found
    value = {**found.value, **durations.compound(parts)}
    exact = value["lower"] is not None and value["lower"] == value["upper"]
    for bound in ("lower", "upper"):
        if value[bound] is not None or exact:
            value[bound] = value["amount"]
    return dataclasses.replace(found, end=end, value=value)


def _smaller_part(text: str, found: Found) -> Found:
    """'5 feet 9 inches' is one height, counted in the smaller unit (69 inches)."""
    part = SMALLER_PART.get(found.value["unit"])
    more = part[0].match(text, found.end) if part else None
    if part is None or more is None or found.value["modifier"] in ("range", "between"):
        return found
    _, unit, factor = part
    whole = found.value["amount"] * factor + Decimal(more["n"])
    value = {**found.value, "amount": whole, "unit": unit}
    for bound in ("lower", "upper"):
        value[bound] = whole if value[bound] is not None else None
    return dataclasses.replace(found, end=more.end(), value=value)


def _with_unit(
    start: int, end: int, value: dict[str, Any], written: str, core: tuple[int, int]
) -> Found:
    key = " ".join(written.lower().split())
    if key in DURATION_ALIASES or key in durations.IN_OTHER_UNITS:
        return Found("duration", start, end, durations.duration_value(value, key), core=core)
    unit = QUANTITY_ALIASES.get(key) or QUANTITY_ALIASES.get(written) or key
    return Found("quantity", start, end, {**value, "unit": unit}, core=core)

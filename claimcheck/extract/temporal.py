"""Dates in text, absolute and relative, found by ordered named patterns (patterns are data)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from claimcheck.extract.found import Found, overlaps
from claimcheck.normalize import dates
from claimcheck.normalize.numbers import parse_number

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
FULL_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\b"
YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
# Digits never start inside a figure: '3,000 years ago' is three thousand years, not '000'.
NUMBER_WORDS = (
    r"(?:(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|\d+)"
    r"|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|forty|fifty|a few|several)"
)
YEAR_CUES = (
    r"in|since|by|until|till|from|before|after|during|of|through|throughout|between|and|to|"
    r"early|late|mid|fiscal|year|summer|winter|spring|autumn|fall|around|circa|as of"
)
# After a date, the future: "will", "is scheduled", "is due to", "plans to".
_FUTURE = re.compile(
    r"\b(?:will|won['’]t|shall|scheduled|due to|set to|going to|plans? to|planned for|"
    r"expected to|to be held|upcoming|next|(?:planned|intends?|aims?|hopes?) to|payable|"
    r"(?:postponed|delayed|adjourned|deferred|pushed back|put off|moved) (?:until|till|to)"
    # A date decided in the past for days ahead: 'was pushed to Feb. 3', 'set for March 10';
    # the future in the past ('would resume'); plans told as 'is to', 'as soon as'.
    r"|(?:pushed|brought forward|rescheduled|reset|slated|set|called|fixed|penciled|pencilled)"
    r" (?:back )?(?:to|for|until)|would(?! have)|could(?! have)|as soon as|(?:is|are) to"
    r"|(?:is|are) due)\b"
    r"|['’]ll\b",
    re.IGNORECASE,
)
# A scheduled present: 'ministers meet again Thursday', 'the talks begin on Monday'; weaker than
# the cues above, it counts only in a clause with no past verb ('won 50 votes on Tuesday').
_SCHEDULED = re.compile(
    r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bhis )(?<!\bher )(?<!\bits )(?<!\btheir )(?<!\bour )"
    r"(?<!\bon )\b(?:(?:meet|gather|begin|start|(?:re)?open|close|resume|reconvene|convene|vote"
    r"|travel|visit|return|arrive|leave|depart|head|play|face|host|kick off|take place|tour|land"
    r"|go to the polls|launch|unveil|decide|rule|sign|debate|hear|sit|attend|compete|race)s?"
    r"|flies|fly|goes|go)\b",
    re.IGNORECASE,
)
# A deadline just before a weekday: 'must leave by Friday', 'by noon Saturday', 'by 0800 GMT on
# Friday'. The future unless its clause tells a past ('the strike had ended by Tuesday').
_DEADLINE_BEFORE = re.compile(
    r"\bby\s+(?:(?:noon|midday|midnight|dawn|nightfall|\d{3,4}\s*(?:[A-Z]{3}|hours?|hrs)?"
    r"|\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?(?:\s+[A-Z]{3})?)\s+(?:on\s+)?)?$",
    re.IGNORECASE,
)
# Written just before a month-day, the past: 'slid since the March 9 crash'.
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|last\s+)?$", re.I)
# Told as past: a past form in the date's clause ('fell', 'was', 'reported'; lower case, so
# names like 'Ahmed' are not verbs).
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|told|went|came|fell|rose|grew|began|took|made|won|lost|left|met"
    r"|saw|gave|held|paid|sold|bought|became|brought|kept|stood|spent|struck|hit|sank|shrank"
    r"|fought|slid|ran|led|sent|spoke|wrote|drove|flew|broke|chose|froze|hid|rode|shook|stole"
    r"|swore|threw|woke|wore|beat|bit|built|caught|dealt|drew|drank|ate|fed|felt|fled|forgot"
    r"|got|heard|hung|knew|laid|lent|lit|meant|sought|shot|sang|slept|stuck|swept|swam|swung"
    r"|taught|tore|thought|understood|wept|withdrew|overtook|undertook|upheld|withheld|found"
    r"|began|sprang|rang|arose|awoke|forbade|forgave|overcame|oversaw|foresaw|strode|strove"
    r"|(?<!\bbe )(?<!\bis )(?<!\bare )(?<!\bbeen )(?<!\bbeing )(?<!\bnot )(?!hundred\b)"
    # After a determiner an -ed word is an adjective: 'the proposed spending', 'the revised plan'.
    r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!\btheir )(?<!\bhis )(?<!\bher )(?<!\bour )"
    r"[a-z]{2,}[a-df-z]ed)\b"
)
# A verb of telling between the date and a future cue: the future is what was told, not when
# ('the release of bodies on Monday, Israel notifies the UN it will not open the crossing'); not
# a parenthetical 'he said,'.
_REPORTED = re.compile(
    r"\b(?:says?|said|notif(?:y|ies|ied)|announc(?:es|ed)|tells?|told|warns?|warned|insists?"
    r"|insisted|confirms?|confirmed|reports?|reported)\b(?!\s*,)",
    re.IGNORECASE,
)
_TITLE_BEFORE = re.compile(r"\b[A-Z][\w.&'’-]*\s$")
_CLAUSE_START = re.compile(r"[;:!?()—–]|[,.](?!\d)|\band\b|\bbut\b|\bwhile\b|\bwhereas\b")

Builder = Callable[[re.Match[str], str, dt.date | None], dict[str, Any] | None]


def _full(m: re.Match[str], text: str, anchor: dt.date | None) -> dict[str, Any] | None:
    return dates.absolute(int(m["year"]), _month(m["month"]), int(m["day"]))


def _day_range(m: re.Match[str], text: str, anchor: dt.date | None) -> dict[str, Any] | None:
    """'April 1–3, 2025', '12–14 June 2023': the first day, with the last as `end`."""
    first, last = int(m["day"]), int(m["day2"])
    if not 1 <= first < last <= 31:
        return None
    month = _month(m["month"])
    if m["year"]:
        start, end = (
            dates.absolute(int(m["year"]), month, first),
            dates.absolute(int(m["year"]), month, last),
        )
    else:
        start = dates.month_day(month, first, anchor, direction(text, m.start(), m.end()))
        if start is None:
            return None
        year = int(start["date"][:4]) if start["date"] else None
        end = dates.absolute(year, month, last) if year else start
    if start is None or end is None:
        return None
    return {**start, "end": end["date"]}


def _iso(m: re.Match[str], text: str, anchor: dt.date | None) -> dict[str, Any] | None:
    return dates.absolute(int(m["year"]), int(m["month"]), int(m["day"]))


def _month_year(m: re.Match[str], text: str, anchor: dt.date | None) -> dict[str, Any] | None:
    return dates.absolute(int(m["year"]), _month(m["month"]))


def _month_day(m: re.Match[str], text: str, anchor: dt.date | None) -> dict[str, Any] | None:
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    return dates.month_day(_month(m["month"]), day, anchor, direction(text, m.start(), m.end()))


def _named_month(m: re.Match[str], text: str, anchor: dt.date | None) -> dict[str, Any] | None:
    which = (m["which"] or "in").lower()
    if which not in ("last", "next", "this"):
        which = "past" if which == "since" else direction(text, m.start(), m.end())
    return dates.named_month(_month(m["month"]), anchor, which)


# A weekday named by the word before it is an event, often years away: 'Bloody Sunday' (1972),
# 'Black Monday', 'Super Tuesday'. Church feasts ('Palm Sunday', 'Easter Monday') stay dates:
# news names them in their own week (three in the shared corpus, all right).
_NAMED_WEEKDAY_BEFORE = re.compile(r"\b(?:Bloody|Black|Super|Cyber|Blue|Giving)\s$")


def _weekday(m: re.Match[str], text: str, anchor: dt.date | None) -> dict[str, Any] | None:
    if not m["pod"] and not m["rel"] and _NAMED_WEEKDAY_BEFORE.search(text, 0, m.start()):
        return None
    rel = (m["rel"] or "").lower()
    if rel.startswith("last") or rel in ("this past", "the previous"):
        direction = "previous"
    elif rel.startswith("next") or rel in ("this coming", "the following"):
        direction = "next"
    else:
        direction = tense(text, m.start(), m.end(), scheduled=True)
    return dates.weekday(m["weekday"], anchor, direction)


def _weekday_date(m: re.Match[str], text: str, anchor: dt.date | None) -> dict[str, Any] | None:
    """'Tuesday, March 3', 'Friday 5 June 2020': one date, the weekday picking the year."""
    month, day = _month(m["month"] or m["dmonth"]), int(m["day"] or m["dday"])
    if m["year"]:
        return dates.absolute(int(m["year"]), month, day)
    if not 1 <= day <= 31:
        return None
    return dates.weekday_date(m["weekday"], month, day, anchor, direction(text, m.start(), m.end()))


def _holiday(m: re.Match[str], text: str, anchor: dt.date | None) -> dict[str, Any] | None:
    if m["holiday"].lower() in _CUED_HOLIDAYS and not (m["cue"] or m["year"]):
        return None  # 'Christmas tree sales', 'Thanksgiving dinner': no day is told
    year = int(m["year"]) if m["year"] else None
    which = {"last": "past", "next": "future"}.get((m["which"] or "").lower())
    told = which or direction(text, m.start(), m.end())
    return dates.holiday(m["holiday"].replace("Jr. ", "").replace("Jr ", ""), anchor, told, year)


def _year_end(m: re.Match[str], text: str, anchor: dt.date | None) -> dict[str, Any] | None:
    return dates.year_end(anchor, direction(text, m.start(), m.end()))


def _day_word(m: re.Match[str], text: str, anchor: dt.date | None) -> dict[str, Any] | None:
    if m["word"][0].isupper() and _TITLE_BEFORE.search(text, 0, m.start()):
        return None  # 'USA Today', 'Türkiye Today': a name
    if _GENERIC_AFTER.match(text, m.end()):
        return None  # "today's teenagers": the present age, not a day
    steps = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m["word"].lower()]
    return dates.shifted("day", steps, anchor)


def _this_next_last(m: re.Match[str], text: str, anchor: dt.date | None) -> dict[str, Any] | None:
    steps = {"last": -1, "this": 0, "next": 1}[m["which"].lower()]
    return dates.shifted(m["unit"].lower(), steps, anchor)


def _ago(m: re.Match[str], text: str, anchor: dt.date | None) -> dict[str, Any] | None:
    count = parse_number(m["n"])
    if count is None or count != count.to_integral_value():
        return None
    unit = m["unit"].lower().rstrip("s")
    return dates.shifted(unit, -int(count), anchor)


# A part of the day is part of the date: 'early Saturday', 'around midday Tuesday', 'Sunday
# night'.
_DAY_PART_BEFORE = (
    r"(?:[Ee]arly|[Ll]ate|(?:[Aa]round|[Aa]bout|[Bb]efore|[Aa]fter)\s+(?:midday|noon|midnight|dawn)"
    r"|[Mm]idday|[Aa]round)"
)
_DAY_PART_AFTER = r"morning|afternoon|evening|night|overnight|lunchtime|midday|noon"
_CUED_HOLIDAYS = ("christmas", "thanksgiving", "halloween")
_HOLIDAY = (
    r"Christmas\s+Eve|Christmas\s+Day|Boxing\s+Day|New\s+Year['’]s\s+(?:Day|Eve)"
    r"|Valentine['’]s\s+Day|Election\s+Day|Thanksgiving(?:\s+Day)?|Halloween|Christmas"
    # Only holidays one country's name fixes: every country has an Independence Day, and many a
    # Remembrance, Mother's or Labour Day of their own.
    r"|Labor\s+Day|Memorial\s+Day|the\s+Fourth\s+of\s+July|Veterans\s+Day|Bastille\s+Day"
    r"|St\.?\s+Patrick['’]s\s+Day|Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day"
    r"|Presidents['’]?\s+Day|Columbus\s+Day"
)
_GENERIC_AFTER = re.compile(
    r"['’]s\s+(?:\w+\s+)?(?:world|society|teenagers|teens|youth|young|children|kids|generation"
    r"|students|parents|families|politics|economy|standards|technology|culture|media|market"
    r"|workers|consumers|voters|standards|age|times|climate|businesses|companies)\b",
    re.IGNORECASE,
)
# Makes (and "model") after a year-shaped number: the model year of a car.
_MODEL_AFTER = re.compile(
    r"\s+(?:Ford|Toyota|Honda|Chevrolet|Chevy|BMW|Mercedes|Volkswagen|VW|Nissan|Buick|Cadillac"
    r"|Dodge|Jeep|Pontiac|Audi|Porsche|Volvo|Subaru|Mazda|Hyundai|Kia|Lexus|Chrysler|Oldsmobile"
    r"|Plymouth|Lincoln|Mercury|Saab|Jaguar|Ferrari|Tesla|Fiat|Peugeot|Renault|model)\b"
)


# Products whose versions are years.
_PRODUCT_BEFORE = re.compile(
    r"\b(?:Windows|Office|Word|Excel|Outlook|Exchange|Server|Studio|Photoshop|AutoCAD|Works"
    r"|Vista|Access|Project|Visio|SharePoint|Dynamics|FIFA|Madden|NBA\s+2K)\s$"
)
# A 24-hour clock time: '1500 GMT', '2300 hours'.
_CLOCK_AFTER = (
    r"\s*(?-i:(?:GMT|UTC|Z|EST|EDT|CST|CDT|PST|PDT|CET|CEST|BST|IST|JST)\b)|\s*(?:local\s+time"
    r"|hours|hrs)\b"
)


def _year(m: re.Match[str], text: str, anchor: dt.date | None) -> dict[str, Any] | None:
    if not m["cue"] and _MODEL_AFTER.match(text, m.end()):
        return None  # 'his 1994 Ford': a model year names the car, not a time
    if not m["cue"] and _PRODUCT_BEFORE.search(text, 0, m.start()):
        return None  # 'Windows 2000', 'Office 2010': a version in a product's name
    return dates.absolute(int(m["year"]))


def _month(name: str) -> int:
    return dates.MONTHS[name.rstrip(".").lower()]


# (name, pattern, builder, flags): tried in this order; an earlier match wins the text it covers.
PATTERNS: tuple[tuple[str, str, Builder, int], ...] = (
    ("iso_date", r"\b(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)\b", _iso, 0),
    (
        "weekday_date",
        rf"\b(?P<weekday>{WEEKDAY}),?\s+(?:the\s+)?(?:(?P<month>{MONTH})\s+{DAY}"
        rf"|(?P<dday>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmonth>{MONTH}))"
        rf"(?:,?\s+{YEAR})?\b(?![,.]?\d|:\d)",
        _weekday_date,
        0,
    ),
    (
        "holiday",
        rf"(?:\b(?P<cue>on|at|over|before|after|until|since|by|for|from|of)\s+(?:the\s+)?)?"
        rf"(?:\b(?P<which>last|next|this)\s+)?"
        rf"\b(?P<holiday>{_HOLIDAY})\b(?:,?\s+{YEAR}\b)?",
        _holiday,
        0,
    ),
    (
        "year_end",
        r"\b(?:year[-\s]end|the\s+end\s+of\s+(?:the|this)\s+year|year['’]s\s+end)\b",
        _year_end,
        re.IGNORECASE,
    ),
    (
        "month_day_range",
        rf"\b(?P<month>{MONTH})\s+{DAY}\s*(?:[-–—]|\bto\b|\bthrough\b)\s*{DAY2}"
        rf"(?:,?\s+{YEAR}\b|(?![,.]?\d|:))",
        _day_range,
        0,
    ),
    (
        "day_range_month",
        rf"\b{DAY}\s*(?:[-–—]|\bto\b)\s*{DAY2}\s+(?:of\s+)?(?P<month>{MONTH})(?:,?\s+{YEAR}\b)?",
        _day_range,
        0,
    ),
    ("month_day_year", rf"\b(?P<month>{MONTH})\s+{DAY},?\s+{YEAR}\b", _full, 0),
    ("day_month_year", rf"\b{DAY}(?:\s+of)?\s+(?P<month>{MONTH}),?\s+{YEAR}\b", _full, 0),
    ("month_year", rf"\b(?P<month>{MONTH})(?:\s+of)?,?\s+{YEAR}\b", _month_year, 0),
    ("month_day", rf"\b(?P<month>{MONTH})\s+{DAY}\b(?![,.]?\d|:\d)", _month_day, 0),
    ("day_month", rf"\b{DAY}\s+(?:of\s+)?(?P<month>{MONTH})\b", _month_day, 0),
    (
        "named_month",
        rf"\b(?:(?P<which>last|next|this|[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ee]arly|[Ll]ate|mid-)\s*)"
        rf"(?P<month>{FULL_MONTH})\b",
        _named_month,
        0,
    ),
    (
        "weekday",
        rf"(?:\b(?P<pod>{_DAY_PART_BEFORE})\s+(?:on\s+)?)?"
        rf"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his past|[Tt]his coming|[Tt]his|the previous"
        rf"|the following)\s+)?(?P<weekday>{WEEKDAY})\b(?!s\b)"
        rf"(?:\s+(?P<part>{_DAY_PART_AFTER})\b)?",
        _weekday,
        0,
    ),
    ("day_word", r"\b(?P<word>today|tonight|yesterday|tomorrow)\b", _day_word, re.IGNORECASE),
    (
        "this_next_last",
        r"\b(?P<which>last|this|next)\s+(?P<unit>year|month)\b(?![-\s]+old)",
        _this_next_last,
        re.IGNORECASE,
    ),
    (
        "ago",
        rf"\b(?P<n>{NUMBER_WORDS})\s+(?P<unit>days?|weeks?|months?|years?)(?:\s+or\s+so)?"
        r"\s+(?:ago|earlier)\b",
        _ago,
        re.IGNORECASE,
    ),
    (
        "year",
        rf"(?:(?<![\w$£€¥.,-])(?P<cue>{YEAR_CUES})[\s-]+|(?<![\w$£€¥.,:/-])){YEAR}"
        rf"(?![\w%/:]|[.,]\d|\s*(?:per\s?cent|percent)|{_CLOCK_AFTER})",
        _year,
        re.IGNORECASE,
    ),
)
COMPILED = tuple((name, re.compile(p, flags), build) for name, p, build, flags in PATTERNS)
# A date that heads a name is part of the name: the movement, bridge or square it names.
_NAMES_AFTER = re.compile(
    r"\s+(?:Movement|Party|Brigade|Front|Revolution|Bridge|Street|Square|Stadium|Avenue|Group"
    r"|Coalition|Alliance|Uprising|Declaration|Accords?|Agreement)\b"
)


# Patterns tried only on text holding one of these words (lower case): most text holds none.
_WORDS_NEEDED = {
    "weekday_date": tuple(dates.WEEKDAYS),
    "holiday": (
        "christmas",
        "year",
        "boxing",
        "valentine",
        "election",
        "thanksgiving",
        "halloween",
        " day",
        "fourth of july",
    ),
    "year_end": ("end",),
}


def scan_dates(text: str, anchor: dt.date | None, taken: list[tuple[int, int]]) -> list[Found]:
    """Every date in `text` not overlapping `taken` (which grows with what is found)."""
    found: list[Found] = []
    lowered = text.lower()
    for name, regex, build in COMPILED:
        if name in _WORDS_NEEDED and not any(w in lowered for w in _WORDS_NEEDED[name]):
            continue  # a cheap look for the words the pattern cannot match without
        for m in regex.finditer(text):
            start, end = _claim_span(name, m)
            if overlaps(start, end, taken):
                continue
            if _NAMES_AFTER.match(text, end):
                taken.append((start, end))  # 'the March 23 Movement', 'the 6th October Bridge'
                continue
            value = build(m, text, anchor)
            if value is None:
                taken.append((m.start(), m.end()))  # 'February 30, 2022': no date, no year either
                continue
            needs = "year" if name == "year" and not m["cue"] else None
            taken.append((start, end))
            found.append(Found("date", start, end, value, needs=needs, core=_core(name, m)))
            if name == "month_day":
                found += _and_day(m, text, anchor, value, taken)
    return found


def _core(name: str, m: re.Match[str]) -> tuple[int, int]:
    """The date without its part of the day: 'Sunday' of 'late Sunday night'."""
    if name == "weekday" and (m["pod"] or m["part"]):
        return m.start("rel") if m["rel"] else m.start("weekday"), m.end("weekday")
    return _claim_span(name, m)


# 'June 4 and 5': the second day is a date of its own, in the first one's month and year.
_AND_DAY = re.compile(r"\s+(?:and|&)\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?![,.]?\d|:|\s*[%-])")
_AND_DAY_END = re.compile(r"\s*(?:[,.;:)]|$|(?:in|at|to|and|when|after|before|as|the|this|last)\b)")


def _and_day(
    m: re.Match[str], text: str, anchor: dt.date | None, first: dict[str, Any], taken: list
) -> list[Found]:
    more = _AND_DAY.match(text, m.end())
    if more is None or first.get("date") is None or not _AND_DAY_END.match(text, more.end()):
        return []
    day = int(more["day"])
    if not int(m["day"]) < day <= 31 or overlaps(more.start("day"), more.end(), taken):
        return []
    value = dates.absolute(int(first["date"][:4]), _month(m["month"]), day)
    if value is None:
        return []
    value = {**value, "relative": True, "anchor": first.get("anchor"), "resolved": True}
    span = (more.start("day"), more.end())
    taken.append(span)
    return [Found("date", *span, value, core=span)]


def _claim_span(name: str, m: re.Match[str]) -> tuple[int, int]:
    """The claim is the date itself: 'in 2014' → '2014', 'on Monday' → 'Monday'."""
    if name == "year":
        return m.start("year"), m.end("year")
    if name == "holiday":
        return m.start("which") if m["which"] else m.start("holiday"), m.end()
    if name == "named_month" and (m["which"] or "").lower() not in ("last", "next", "this"):
        return m.start("month"), m.end("month")
    return m.start(), m.end()


def direction(text: str, start: int, end: int) -> str:
    """For a date written without its year: 'future' or 'past' where the clause says so, else
    'nearest'."""
    if _SINCE_BEFORE.search(text, max(0, start - 30), start):
        return "past"  # 'since' looks back, whatever the clause's verbs
    told = tense(text, start, end)
    if told == "future":
        return told
    return "past" if any(_PAST.search(part) for part in _clause(text, start, end)) else "nearest"


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    """The date's clause before and after it. An 'and' between capitals is inside a name
    ('Trinidad and Tobago'), no clause break."""
    before = text[max(0, start - 160) : start]
    cuts = [c for c in _CLAUSE_START.finditer(before) if not _in_name(before, c)]
    head = before[cuts[-1].end() :] if cuts else before
    after = text[end : end + 100]
    cut = next((c for c in _CLAUSE_START.finditer(after) if not _in_name(after, c)), None)
    # Past a comma straight after the date only when the date opens its sentence ('By March,
    # prices had doubled') or nothing before it is told as past ('if Hamas does not release
    # them by Saturday, the ceasefire will end'); not 'approved it Monday, saying taxes will'.
    opening = not head.strip() or head.strip().lower() in _OPENERS or not _PAST.search(head)
    if cut is not None and not after[: cut.start()].strip() and cut.group(0) == "," and opening:
        cut = _CLAUSE_START.search(after, cut.end())  # 'By March, prices had doubled'
    return head, (after[: cut.start()] if cut else after)


_SUBJECTS = frozenset(
    "the a an this that these those he she it they we i you his her its their our".split()
)


def _coordinated_future(text: str, start: int) -> bool:
    """'will end all protests and disband by April 26': a verb with no subject after 'and'
    or 'or' shares the future of the verb before it."""
    before = text[max(0, start - 160) : start]
    cuts = [c for c in _CLAUSE_START.finditer(before) if not _in_name(before, c)]
    if not cuts or cuts[-1].group(0) not in ("and", "or"):
        return False
    head = before[cuts[-1].end() :].split()
    if not head or not head[0].isalpha() or not head[0].islower():
        return False
    if head[0] in _SUBJECTS or head[0].endswith("s") or _PAST.search(" ".join(head)):
        return False
    previous = before[cuts[-2].end() if len(cuts) > 1 else 0 : cuts[-1].start()]
    return bool(_FUTURE.search(previous)) and not _PAST.search(previous)


_OPENERS = frozenset("by on in until till from since after before at as of".split())
_CAPITAL_AROUND = re.compile(r"[A-Z][\w.'’-]*\s+and\s+[A-Z]")


def _in_name(text: str, cut: re.Match[str]) -> bool:
    if cut.group(0) != "and":
        return False
    word_start = text.rfind(" ", 0, max(0, cut.start() - 1)) + 1
    return _CAPITAL_AROUND.match(text, word_start) is not None


def tense(text: str, start: int, end: int, scheduled: bool = False) -> str:
    """'future' when the date's clause speaks of what will happen, else 'past' (news reports
    mostly what has happened; 'today' counts as past). A past verb before the date, or before
    the future cue after it, outweighs that cue: 'approved it Monday, saying taxes will rise',
    'In September we were hopeful that prices would fall'. `scheduled`: a scheduled present
    counts too ('ministers meet again Thursday'); only weekdays ask, as a present tense told of
    a month is as often the headline present of what has happened."""
    clause_before, clause_after = _clause(text, start, end)
    if _FUTURE.search(clause_before) or _coordinated_future(text, start):
        return "future"
    future_after = _FUTURE.search(clause_after)
    if future_after and _REPORTED.search(clause_after, 0, future_after.start()):
        future_after = None  # 'on Monday, Israel notifies the UN it will not open': told of later
    if future_after and not _PAST.search(clause_before):
        if not _PAST.search(clause_after, 0, future_after.start()):
            return "future"
    if not scheduled:
        return "past"
    if _DEADLINE_BEFORE.search(text, max(0, start - 30), start):
        told = _PAST.search(clause_before) or _PAST.search(clause_after)
        return "past" if told else "future"
    # Within the date's own words, never past a comma: 'Following the decision on Monday, the
    # Luftwaffe begins air drops' has its present in another clause.
    own = clause_after.split(",")[0]  # 'ministers meet again Thursday, officials said'
    planned = _SCHEDULED.search(clause_before) or _SCHEDULED.search(own)
    if planned and not (_PAST.search(clause_before) or _PAST.search(own)):
        return "future"
    return "past"

"""The phrasings of national statistics, as data: for each measure, the words that may stand
before a figure (matched at the end of its clause up to the figure) or after it (matched from the
figure on). The measure names are the keys of sources/worldbank_indicators.py."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_F = re.IGNORECASE
# Between a cue and its figure: no other figure, no other clause.
GAP = r"[^.;,%\d$€£¥]{0,30}?"
MOD = (
    r"(?:(?:about|around|some|roughly|nearly|almost|just|more than|over|under|less than|"
    r"an estimated|an annual|a record|a|an|by|only|a mere|at least|close to|approximately)\s+)*"
)
_UP = r"grew|grow|grows|growing|grown|expanded|expand|expands|expanding|rose|increased|jumped"
_DOWN = (
    r"shrank|shrink|shrinks|shrinking|shrunk|contracted|contract|contracts|contracting|fell|"
    r"declined|slumped|dropped"
)
_CHANGE = (
    r"rose|risen|rise|rises|fell|fallen|fall|falls|increased|increase|increases|decreased|"
    r"decrease|decreases|climbed|dropped|jumped|declined|edged|doubled"
)
NEGATIVE = re.compile(rf"\b(?:{_DOWN}|contraction)\b", _F)
_ECONOMY = r"(?:economy|economies|gdp|gross domestic product|economic output)"
_OF_GDP = (
    r"\s*of\s+(?:its\s+|their\s+|the\s+country's\s+)?"
    r"(?:gdp|gross domestic product|national output|(?:the\s+)?economy)\b"
)
_LEVEL = (
    r"(?:of|was|is|were|at|stood at|stands at|reached|hit|to|totalled|totaled|amounted to|"
    r"equal to|worth|valued at)"
)
# Words that make a rate the subject of a change ("inflation rose 0.2%"), not a level.
_CHANGED = rf"(?![^.;,%\d]*\b(?:{_CHANGE})\s+(?:by\s+)?$)"
_NOT_HEADLINE = (
    r"(?<!core )(?<!for )(?<!against )(?<!retail price )(?<!producer price )(?<!wholesale )"
)


@dataclass(frozen=True)
class Family:
    measure: str
    kinds: frozenset[str]
    before: tuple[re.Pattern[str], ...] = ()
    after: tuple[re.Pattern[str], ...] = ()
    signed: bool = False  # shrank / contracted make the figure negative
    needs_after: re.Pattern[str] | None = None  # "of GDP" for shares of output
    unit_prefix: str | None = None  # "square" for areas

    def match(self, claim: Any, before: str, after: str) -> re.Match[str] | None:
        if claim.kind not in self.kinds:
            return None
        unit = str(claim.value.get("unit") or "")
        if self.unit_prefix and not unit.lower().startswith(self.unit_prefix):
            return None
        if self.needs_after is not None and not self.needs_after.match(after):
            return None
        if CHANGE_START.search(before):
            return None
        for pattern in self.before:
            found = pattern.search(before)
            if found:
                return found
        for pattern in self.after:
            found = pattern.match(after)
            if found:
                return found
        return None


def _before(*patterns: str, gap: str = GAP) -> tuple[re.Pattern[str], ...]:
    """Cues before the figure, with at most `gap` between them and the figure's modifiers."""
    return tuple(re.compile(rf"{p}{gap}{MOD}$", _F) for p in patterns)


# "from 12 percent in 1980 to under 4": the start of a change, not a level.
CHANGE_START = re.compile(r"\bfrom\s+$", _F)


def _after(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rf"^\s*{p}", _F) for p in patterns)


_PCT = frozenset({"percent"})
FAMILIES: tuple[Family, ...] = (
    Family(
        "population_growth",
        _PCT,
        _before(rf"\bpopulation\s+(?:growth|{_UP}|{_DOWN})\b"),
        signed=True,
    ),
    Family(
        "gdp_growth",
        _PCT,
        _before(
            rf"\b{_ECONOMY},?\s+(?:(?:which|that)\s+)?(?:(?:has|had|have|was|is)\s+)?"
            rf"(?:{_UP}|{_DOWN})\b(?!\s+to\b)",
            r"^\s*(?:economic\s+|annual\s+)?growth\s+in\s+[^.;,%\d]{2,30}?\s+"
            r"(?:was|is|reached|hit|slowed to|accelerated to|picked up to|averaged)\b",
            r"\b(?:economic|gdp|economy's|real|global|world)\s+growth(?:\s+rate)?\b",
            rf"\b{_ECONOMY}\s+(?:[a-z]+\s+){{1,3}}(?:grow|expand|shrink|contract)\b",
        ),
        _after(
            r"(?:economic\s+|gdp\s+|annual\s+)?(?:growth|expansion|contraction)\s+in\s+"
            r"(?:its\s+)?(?:gdp|economic output|the economy)\b"
        ),
        signed=True,
    ),
    Family(  # "the economy slowed to 5.4% growth"
        "gdp_growth",
        _PCT,
        _before(rf"\b{_ECONOMY}\b", gap=r"[^.;,%\d$€£¥]{0,40}?"),
        needs_after=re.compile(r"\s*(?:annual\s+|economic\s+)?growth\b", _F),
    ),
    Family(
        "inflation",
        _PCT,
        _before(
            rf"{_NOT_HEADLINE}\b(?:inflation|consumer price inflation)(?:\s+rates?)?\b"
            rf"(?!\s+(?:target|forecast|expectations?)){_CHANGED}",
            r"\bconsumer prices\b[^.;%\d]{0,25}?\b"
            r"(?:rose|increased|climbed|were up|went up|jumped)\b",
            r"\brate of inflation\b",
        ),
        _after(r"(?:annual\s+|consumer[- ]price\s+)?inflation\b(?!\s+(?:target|forecast))"),
    ),
    Family(
        "unemployment",
        _PCT,
        _before(
            rf"(?<!youth )(?<!long-term )\b(?:unemployment|jobless(?:ness)?)(?:\s+rates?)?\b"
            rf"{_CHANGED}",
            r"\bjobless rate\b",
            r"\brate of unemployment\b",
        ),
        _after(
            r"(?:unemployment|jobless rate)\b(?!\s+(?:benefit|insurance))",
            r"of\s+(?:the\s+)?(?:work\s*force|labou?r\s+force)\s+(?:(?:is|are|was|were)\s+)?"
            r"(?:unemployed|out of work|jobless)",
        ),
    ),
    Family(
        "government_debt",
        _PCT,
        _before(rf"\b(?:public|government|national|state|sovereign)\s+debt\b\s*(?:{_LEVEL})?"),
        needs_after=re.compile(_OF_GDP, _F),
    ),
    Family(
        "military_spending",
        _PCT,
        _before(
            r"\b(?:military|defen[cs]e)\s+(?:spending|expenditure|budget|outlays?)\b",
            r"\bspends?\b",
        ),
        needs_after=re.compile(
            rf"{_OF_GDP}(?:\s+on\s+(?:defen[cs]e|the military|its military|arms))?", _F
        ),
    ),
    Family("exports", _PCT, _before(r"\bexports\b"), needs_after=re.compile(_OF_GDP, _F)),
    Family("imports", _PCT, _before(r"\bimports\b"), needs_after=re.compile(_OF_GDP, _F)),
    Family(
        "gdp_per_capita",
        frozenset({"money"}),
        _before(
            rf"\b(?:gdp|gross domestic product|income|output)\s+per\s+(?:capita|head|person)\b"
            rf"\s*(?:{_LEVEL})?",
            gap=r"\s*",
        ),
        _after(r"(?:in\s+)?(?:gdp|income|output)\s+(?:per\s+(?:capita|head|person)|a head)\b"),
    ),
    Family(
        "gdp",
        frozenset({"money"}),
        _before(rf"\b{_ECONOMY},?\s+(?:(?:is|was)\s+)?{_LEVEL}", gap=r"\s*"),
        _after(r"(?:-a-year\s+)?(?:economy|gdp|gross domestic product)\b"),
    ),
    Family(
        "life_expectancy",
        frozenset({"duration", "count", "quantity"}),
        _before(r"\blife expectancy\b"),
    ),
    Family(
        "fertility_rate",
        frozenset({"count", "quantity", "percent"}) - {"percent"},
        _before(r"\bfertility(?:\s+rate)?\b"),
        _after(r"(?:children|babies|births)\s+(?:per|a|for each|for every)\s+woman\b"),
    ),
    Family(
        "surface_area",
        frozenset({"quantity"}),
        _before(r"\b(?:area|covers|covering|spans|spanning|territory)\b"),
        unit_prefix="square",
    ),
    Family(
        "population",
        frozenset({"count"}),
        _before(
            r"\b(?:a|an)\s+(?:\w+\s+)?(?:country|nation|state|city|island|region)\s+of\b",
            r"\bhome\s+to\b",
            r"\bpopulations?\b\s*(?:{_LEVEL}|(?:has|had)\s+(?:grown|risen|fallen)\s+to)?".replace(
                "{_LEVEL}", _LEVEL
            ),
            r"\binhabited\s+by\b",
            gap=r"\s*",
        ),
        _after(r"(?:inhabitants|people\s+live\b|people\s+living\s+there)"),
    ),
    Family(  # "Canada's 32 million people"
        "population",
        frozenset({"count"}),
        _before(r"\b[A-Z][\w-]+['’]s", gap=r"\s*"),
        needs_after=re.compile(r"\s*(?:people|inhabitants|citizens|residents)\b", _F),
    ),
)

# A clause ends at ';', at 'while'/'whereas'/'but', and at a comma before 'and'/'compared'.
BOUNDARY = re.compile(
    r";|\bwhile\b|\bwhereas\b|\bbut\b|,\s+(?:and|compared|against|up from|down from|from)\b"
    r"|\bcompared\s+with\b|\bup\s+from\b|\bdown\s+from\b|\bafter\b|\bagainst\b",
    _F,
)
YEAR = re.compile(
    r"\b(?:in|during|for|over|throughout|of)\s+(?:(?:the\s+)?(?:whole|full|calendar)\s+(?:year\s+)?(?:of\s+)?)?"
    r"(?P<year>(?:19|20)\d\d)\b(?!\s*[-–/]\d)",
    _F,
)
RELATIVE_YEARS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"\b(?:last|the previous|the past)\s+year\b|\ba year earlier\b", _F), -1),
    (re.compile(r"\bthis\s+year\b", _F), 0),
    (re.compile(r"\bnext\s+year\b", _F), 1),
)
_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
)
# "in 2004-05", "in fiscal 2004", "the financial year to March": not a calendar year.
FISCAL = re.compile(
    r"\b(?:19|20)\d\d\s*[-–/]\s*\d{2,4}\b|\bfiscal\b|\bfinancial\s+year\b|\bFY\s?\d", _F
)
QUARTERLY = re.compile(r"\bquarter(?:ly)?\b|\bq[1-4]\b|\bthree months\b|\bquarter-on-quarter\b", _F)
MONTHLY = re.compile(
    rf"\b(?:in|for|to|during|of|since)\s+(?:{_MONTHS})\b\.?|\b(?:{_MONTHS})'s\b"
    r"|\bmonth(?:ly|-on-month)?\b|\b12 months\b|\btwelve months\b",
    _F,
)
# "to 2.5% of GDP by 2027": a target year.
TARGET_YEAR = re.compile(r"^[^.;]{0,40}?\bby\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b", _F)
# "surpassed the line of 10 million": a lower bound, whatever the figure's own modifier.
AT_LEAST = re.compile(
    r"\b(?:surpass\w*|exceed\w*|topp\w*|top|tops|pass\w*|cross\w*)\b[^.;,\d]{0,25}$", _F
)
OUTLOOK = re.compile(
    r"\b(?:expect(?!ancy)\w*|announc\w*|forecast\w*|predict\w*|project\w*|target\w*|aim\w*|goal|will|would|could|"
    r"might|should|plan\w*|likely|outlook|set to|on course|on track|ceiling|limit|hopes?|"
    r"seeks?|wants?|promised?|pledged?|if)\b",
    _F,
)
AGGREGATE_NAMES = re.compile(
    r"\b(?:world(?:'s)?\s+(?:economy|population|gdp|output)|global\s+(?:economy|economic growth|"
    r"growth|population|gdp|output|inflation)|worldwide|"
    r"european\s+union|EU|euro\s*zone|eurozone|euro\s+area|"
    r"sub-saharan\s+africa|latin\s+america(?:\s+and\s+the\s+caribbean)?|OECD)\b",
    _F,
)
# A name the model did not tag: capitalized words (not the sentence's function words).
NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*(?=['’]s\b|\b)")
NOT_NAMES = frozenset(
    "The A An In On At Last This Next But And While Its It Their Exports Imports Inflation "
    "Unemployment Growth Population Consumer Life Public Government Military Defence "
    "Defense".split()
)

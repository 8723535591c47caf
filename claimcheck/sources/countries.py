"""Countries by the names news gives them, for statistics sources: "Britain", "the US", "USA",
"Chilean", "the EU". Every World Bank series is keyed by an ISO 3166 alpha-3 code; the World
Bank's aggregates (WLD, EUU, ...) are reachable only by the names of the aggregates themselves, so
a claim about "the world" uses world figures and a claim about a country never does.

data/countries.csv (from datasets/country-codes, ODC-PDDL, and the World Bank's own names; see
scripts/country_names.py) lists the countries; the aliases and demonyms below are ours.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from importlib import resources

from claimcheck.model import Area

ALIASES = {
    "britain": "GBR",
    "great britain": "GBR",
    "u.k.": "GBR",
    "america": "USA",
    "u.s.": "USA",
    "u.s.a.": "USA",
    "the states": "USA",
    "russia": "RUS",
    "south korea": "KOR",
    "korea": "KOR",
    "north korea": "PRK",
    "iran": "IRN",
    "syria": "SYR",
    "vietnam": "VNM",
    "laos": "LAO",
    "bolivia": "BOL",
    "venezuela": "VEN",
    "tanzania": "TZA",
    "czech republic": "CZE",
    "holland": "NLD",
    "ivory coast": "CIV",
    "burma": "MMR",
    "turkey": "TUR",
    "moldova": "MDA",
    "macedonia": "MKD",
    "swaziland": "SWZ",
    "cape verde": "CPV",
    "east timor": "TLS",
    "congo": "COD",
    "drc": "COD",
    "the gambia": "GMB",
    "the philippines": "PHL",
    "the netherlands": "NLD",
    "uae": "ARE",
    "mainland china": "CHN",
}
# Adjectives and peoples: "the Chilean economy", "Irish inflation", "Germans".
DEMONYMS = {
    "ARG": "argentine|argentinian|argentinean",
    "AUS": "australian",
    "AUT": "austrian",
    "BEL": "belgian",
    "BRA": "brazilian",
    "BGR": "bulgarian",
    "CAN": "canadian",
    "CHL": "chilean",
    "CHN": "chinese",
    "COL": "colombian",
    "HRV": "croatian",
    "CUB": "cuban",
    "CZE": "czech",
    "DNK": "danish",
    "EGY": "egyptian",
    "EST": "estonian",
    "ETH": "ethiopian",
    "FIN": "finnish",
    "FRA": "french",
    "DEU": "german",
    "GRC": "greek",
    "HUN": "hungarian",
    "ISL": "icelandic",
    "IND": "indian",
    "IDN": "indonesian",
    "IRN": "iranian",
    "IRQ": "iraqi",
    "IRL": "irish",
    "ISR": "israeli",
    "ITA": "italian",
    "JPN": "japanese",
    "KEN": "kenyan",
    "LVA": "latvian",
    "LTU": "lithuanian",
    "MYS": "malaysian",
    "MEX": "mexican",
    "MAR": "moroccan",
    "NLD": "dutch",
    "NZL": "new zealand",
    "NGA": "nigerian",
    "NOR": "norwegian",
    "PAK": "pakistani",
    "PER": "peruvian",
    "PHL": "philippine|filipino",
    "POL": "polish",
    "PRT": "portuguese",
    "ROU": "romanian",
    "RUS": "russian",
    "SAU": "saudi",
    "SRB": "serbian",
    "SGP": "singaporean",
    "SVK": "slovak",
    "SVN": "slovenian|slovene",
    "ZAF": "south african",
    "KOR": "south korean",
    "ESP": "spanish",
    "SWE": "swedish",
    "CHE": "swiss",
    "TWN": "taiwanese",
    "THA": "thai",
    "TUR": "turkish",
    "UKR": "ukrainian",
    "GBR": "british",
    "USA": "american",
    "URY": "uruguayan",
    "VEN": "venezuelan",
    "VNM": "vietnamese",
    "ZWE": "zimbabwean",
}
AGGREGATES = {
    "WLD": ("World", "world|the world|global|worldwide|world economy|global economy"),
    "EUU": ("European Union", "european union|eu|the eu|eu's"),
    "EMU": ("Euro area", "euro zone|eurozone|euro area|euro-zone|single currency area"),
    "SSF": ("Sub-Saharan Africa", "sub-saharan africa"),
    "LCN": ("Latin America & Caribbean", "latin america|latin america and the caribbean"),
    "OED": ("OECD members", "oecd"),
}
_NOISE = re.compile(
    r"['’]s$|^the\s+|\s+(?:economy|economies|population|gdp|output|growth|inflation|economic)$"
)


def key(text: str) -> str:
    """A name as looked up: case, accents, "the", a possessive and "economy" dropped."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c)).replace("’", "'")
    folded = " ".join(folded.replace("-", " ").split())
    for _ in range(3):
        folded = _NOISE.sub("", folded).strip()
    return folded


class Countries:
    """Names → areas. Built once from the bundled table (`Countries.bundled()`)."""

    def __init__(self, names: dict[str, list[str]]) -> None:
        self.names = {code: variants[0] for code, variants in names.items()}
        self._index: dict[str, Area] = {}
        for code, variants in names.items():
            area = Area(code, self._label(code, variants))
            for name in [*variants, code]:
                self._index.setdefault(key(name), area)
        for name, code in ALIASES.items():
            self._index[key(name)] = Area(code, self.area_name(code))
        for code, adjectives in DEMONYMS.items():
            for adjective in adjectives.split("|"):
                self._index.setdefault(key(adjective), Area(code, self.area_name(code)))
        for code, (label, spellings) in AGGREGATES.items():
            for spelling in spellings.split("|"):
                self._index[key(spelling)] = Area(code, label, aggregate=True)

    @staticmethod
    def _label(code: str, variants: list[str]) -> str:
        plain = [v for v in variants if "," not in v and "(" not in v and len(v) > 3]
        return min(plain, key=len) if plain else variants[0]

    def area_name(self, code: str) -> str:
        area = self._index.get(key(code))
        return area.name if area is not None else code

    @classmethod
    @functools.cache
    def bundled(cls) -> Countries:
        text = resources.files("claimcheck").joinpath("data/countries.csv").read_text("utf-8")
        rows = list(csv.DictReader(text.splitlines()))
        return cls({row["iso3"]: row["names"].split("|") for row in rows})

    def resolve(self, *texts: str | None) -> Area | None:
        """The first of `texts` that names a country or aggregate."""
        for text in texts:
            if not text:
                continue
            found = self._index.get(key(text))
            if found is not None:
                return found
        return None

"""The currency of a name several countries share ('kroner', 'dinars', 'pesos'), from the one
country its sentence names: "Denmark announces 50 billion kroner" is Danish kroner, "Jordan will
pay 10 million dinars" Jordanian dinars.

Only when exactly one country is named in the sentence (by its name or its adjective, any
country in claimcheck/data/countries.csv) and that country uses the currency: "Denmark and
Norway each gave 5 billion kroner" or "in Copenhagen, tickets cost 40 kroner" stay no claim,
as a guessed currency could be checked against the wrong country's statistics.
"""

from __future__ import annotations

import csv
import functools
import re
from importlib import resources

# Shared name (singular and plural) → the countries (ISO 3166 alpha-3) that use it → ISO 4217.
_USERS = {
    ("kroner", "krone"): {"DNK": "DKK", "NOR": "NOK"},
    ("kronor", "krona"): {"SWE": "SEK", "ISL": "ISK"},
    ("dinars", "dinar"): {
        "IRQ": "IQD",
        "JOR": "JOD",
        "KWT": "KWD",
        "BHR": "BHD",
        "LBY": "LYD",
        "TUN": "TND",
        "DZA": "DZD",
        "SRB": "RSD",
    },
    ("pesos", "peso"): {
        "MEX": "MXN",
        "ARG": "ARS",
        "CHL": "CLP",
        "COL": "COP",
        "PHL": "PHP",
        "URY": "UYU",
        "CUB": "CUP",
        "DOM": "DOP",
    },
    ("riyals", "riyal", "rials", "rial"): {
        "SAU": "SAR",
        "QAT": "QAR",
        "OMN": "OMR",
        "YEM": "YER",
        "IRN": "IRR",
    },
    ("dirhams", "dirham"): {"ARE": "AED", "MAR": "MAD"},
    ("shillings", "shilling"): {"KEN": "KES", "UGA": "UGX", "TZA": "TZS", "SOM": "SOS"},
}
# A sentence ends at . ! ? before a capital or a quote, or at a line break.
_SENTENCE_END = re.compile(r"[.!?](?=\s+[\"'“‘(]?[A-Z])|\n")


def shared_currency(word: str, text: str, at: int) -> str:
    """The ISO code of the shared currency `word` written at text[at], or '' when the sentence
    names no country, more than one, or one that does not use it."""
    users = next((u for words, u in _USERS.items() if word.lower() in words), {})
    named = _countries_named(_sentence(text, at))
    if len(named) != 1:
        return ""
    return users.get(next(iter(named)), "")


def _sentence(text: str, at: int) -> str:
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, at)), default=0)
    end = _SENTENCE_END.search(text, at)
    return text[start : end.start() if end else len(text)]


def _countries_named(sentence: str) -> set[str]:
    names, pattern = _table()
    return {names[m.group(0)] for m in pattern.finditer(sentence)}


@functools.lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], re.Pattern[str]]:
    """Every name and adjective of a country → its alpha-3 code, and one pattern finding them."""
    names: dict[str, str] = {}
    with resources.files("claimcheck.data").joinpath("countries.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for form in row["names"].split("|") + (row.get("demonyms") or "").split("|"):
                if form and "," not in form and "(" not in form:
                    names.setdefault(form, row["iso3"])
    forms = sorted(names, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w])")
    return names, pattern

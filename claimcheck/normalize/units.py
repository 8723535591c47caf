"""Units as data: currencies (ISO 4217), quantity units, duration units and percent words.

Aliases are matched case-insensitively except where a key is marked case-sensitive (currency
codes), and longer aliases win over shorter ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[object]) -> str:
    """A regex alternation of written forms, longest first, any run of spaces matching one."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


# Symbols written before the amount. "$" alone is read as US dollars: say so in the README.
CURRENCY_SYMBOLS = {
    "US$": "USD",
    "CAN$": "CAD",
    "Can$": "CAD",
    "AUD$": "AUD",
    "U.S.$": "USD",
    "$": "USD",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "S$": "SGD",
    "R$": "BRL",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "₹": "INR",
    "₽": "RUB",
    "₩": "KRW",
    "₺": "TRY",
    "₴": "UAH",
    "₪": "ILS",
    "Rs": "INR",
    "Rs.": "INR",
    "CHF": "CHF",
    "Mex$": "MXN",
    "MX$": "MXN",
    "NT$": "TWD",
    "₱": "PHP",
    "₦": "NGN",
    "₫": "VND",
    "฿": "THB",
    "RM": "MYR",
}
# ISO codes may come before ("USD 5m") or after ("5m USD") the amount; only in capitals.
CURRENCY_CODES = frozenset(
    "USD EUR GBP JPY CNY RMB INR RUB CHF CAD AUD NZD HKD SGD BRL KRW TRY UAH ILS ZAR MXN SEK NOK"
    " DKK PLN".split()
)
CURRENCY_WORDS = {
    "dollars": "USD",
    "dollar": "USD",
    "us dollars": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupees": "INR",
    "rupee": "INR",
    "roubles": "RUB",
    "rubles": "RUB",
    "rouble": "RUB",
    "ruble": "RUB",
    "hryvnias": "UAH",
    "hryvnia": "UAH",
    "swiss francs": "CHF",
    "shekels": "ILS",
    "rand": "ZAR",
    "australian dollars": "AUD",
    "canadian dollars": "CAD",
    # Bare francs are Swiss: the French and Belgian ones are gone (say so in the README).
    "francs": "CHF",
    "franc": "CHF",
    "french francs": "FRF",
    "cfa francs": "XOF",
    "kronor": "SEK",
    "zlotys": "PLN",
    "zloty": "PLN",
    "pence": "GBP",
    "penny": "GBP",
    "cents": "USD",
    "cent": "USD",
    "euro cents": "EUR",
}
# Words for a hundredth of a currency: "12 pence" is £0.12.
HUNDREDTHS = frozenset({"pence", "penny", "cents", "cent", "euro cents"})
# Symbols that may also follow the amount ("25 €", "10$").
SYMBOLS_AFTER = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB"}

# Canonical unit name ← written forms.
QUANTITY_UNITS = {
    "kilometre": ("km", "kilometres", "kilometers", "kilometre", "kilometer"),
    "mile": ("miles", "mile", "mi"),
    "metre": ("metres", "meters", "metre", "meter", "m"),
    "centimetre": ("cm", "centimetres", "centimeters"),
    "millimetre": ("mm", "millimetres", "millimeters"),
    "foot": ("feet", "foot", "ft"),
    "inch": ("inches", "inch"),
    "yard": ("yards", "yard"),
    "square kilometre": (
        "square kilometres",
        "square kilometers",
        "square kilometre",
        "square kilometer",
        "sq km",
        "km2",
        "km²",
    ),
    "square mile": ("square miles", "square mile", "sq miles", "sq mi"),
    "square metre": (
        "square metres",
        "square meters",
        "square metre",
        "square meter",
        "sq m",
        "m²",
    ),
    "square foot": ("square feet", "square foot", "sq ft"),
    "cubic foot": ("cubic feet", "cubic foot"),
    "hectare": ("hectares", "hectare"),
    "acre": ("acres", "acre"),
    "kilogram": ("kg", "kilograms", "kilogrammes", "kilos", "kilogram"),
    "gram": ("grams", "grammes", "gram"),
    "tonne": ("tonnes", "tonne", "metric tons", "metric tonnes", "tons", "ton", "t"),
    "pound": ("pounds", "pound", "lbs", "lb"),
    "ounce": ("ounces", "ounce", "oz"),
    "litre": ("litres", "liters", "litre", "liter"),
    "gallon": ("gallons", "gallon"),
    "barrel": ("barrels", "barrel", "bbl"),
    "barrels per day": ("barrels per day", "barrels a day", "bpd"),
    "cubic metre": ("cubic metres", "cubic meters", "cubic metre", "m3", "m³"),
    "billion cubic metres": ("bcm",),
    "degree Celsius": ("°c", "degrees celsius", "degrees c"),
    "degree Fahrenheit": ("°f", "degrees fahrenheit", "degrees f"),
    "kilometre per hour": (
        "km/h",
        "kph",
        "kilometres per hour",
        "kilometers per hour",
        "kilometres an hour",
        "kilometers an hour",
        "km an hour",
        "km per hour",
    ),
    "mile per hour": ("mph", "miles per hour", "miles an hour"),
    "knot": ("knots",),
    "megawatt": ("mw", "megawatts", "megawatt"),
    "gigawatt": ("gw", "gigawatts", "gigawatt"),
    "kilowatt": ("kw", "kilowatts"),
    "kilowatt hour": ("kwh", "kilowatt hours", "kilowatt-hours"),
    "terawatt hour": ("twh", "terawatt hours", "terawatt-hours"),
    "gigabyte": ("gb", "gigabytes"),
    "megaton": ("megatons", "megatonnes"),
}

# Duration unit → (ISO 8601 designator, in the time part?, seconds). Months and years use the
# Gregorian averages (30.436875 and 365.2425 days) so seconds stay exact and comparable.
DURATION_UNITS = {
    "second": ("S", True, 1),
    "minute": ("M", True, 60),
    "hour": ("H", True, 3600),
    "day": ("D", False, 86400),
    "week": ("W", False, 604800),
    "fortnight": ("D", False, 1209600),
    "month": ("M", False, 2629746),
    "year": ("Y", False, 31556952),
    "decade": ("Y", False, 315569520),
    "century": ("Y", False, 3155695200),
}
DURATION_WORDS = {
    "second": ("seconds", "second", "secs", "sec"),
    "minute": ("minutes", "minute", "mins", "min"),
    "hour": ("hours", "hour", "hrs", "hr"),
    "day": ("days", "day"),
    "week": ("weeks", "week"),
    "fortnight": ("fortnights", "fortnight"),
    "month": ("months", "month"),
    "year": ("years", "year", "yrs"),
    "decade": ("decades", "decade"),
    "century": ("centuries", "century"),
}
# How many of the base ISO unit one of these is (a fortnight is written as 14 days).
DURATION_ISO_FACTOR = {"fortnight": 14, "decade": 10, "century": 100}

PERCENT_WORDS = {
    "%": "percent",
    "per cent": "percent",
    "percent": "percent",
    "pct": "percent",
    "percentage points": "percentage point",
    "percentage point": "percentage point",
}


def alias_table(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """written form → canonical name."""
    return {alias: name for name, aliases in table.items() for alias in aliases}


QUANTITY_ALIASES = alias_table(QUANTITY_UNITS)
DURATION_ALIASES = alias_table(DURATION_WORDS)

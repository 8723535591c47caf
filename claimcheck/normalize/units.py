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
    # A code fused with its symbol ('USD$5 million', 'nzd$40').
    "USD$": "USD",
    "usd$": "USD",
    "NZD$": "NZD",
    "nzd$": "NZD",
    "aud$": "AUD",
    "CAD$": "CAD",
    "cad$": "CAD",
    "HKD$": "HKD",
    "hkd$": "HKD",
    "SGD$": "SGD",
    "sgd$": "SGD",
    "₡": "CRC",
    "₾": "GEL",
    "₭": "LAK",
    "₲": "PYG",
    "₮": "MNT",
    "₸": "KZT",
    "₼": "AZN",
    "₵": "GHS",
}
# ISO codes may come before ("USD 5m") or after ("5m USD") the amount; only in capitals.
CURRENCY_CODES = frozenset(
    "USD EUR GBP JPY CNY RMB INR RUB CHF CAD AUD NZD HKD SGD BRL KRW TRY UAH ILS ZAR MXN SEK NOK"
    " DKK PLN THB MYR IDR VND TWD AED QAR KWD EGP NGN KES PKR BDT CZK HUF BGN ARS CLP IRR IQD ISK"
    " KZT".split()  # not COP (the climate conference, COP30) nor SAR (Hong Kong SAR)
)
# Codes that are not ISO 4217 but name one: 'RMB' is the renminbi, CNY.
CODE_ISO = {"RMB": "CNY"}
# Codes written in lower case after a figure ('30 rmb', '20 usd'): only those no English word
# spells ('try', 'all', 'mad', 'top' stay words).
LOWER_CODES = frozenset("usd eur gbp rmb cny jpy inr aud cad nzd hkd sgd chf sek nok dkk".split())
# Codes after a one-letter scale, as Nordic and engineering copy writes them: '40 MUSD', '3 kEUR'.
PREFIXED_CODES = frozenset("USD EUR GBP SEK NOK DKK CHF".split())
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


def _with_singulars(table: dict[str, str]) -> dict[str, str]:
    """'guilders' and 'guilder', 'Iraqi dinars' and 'Iraqi dinar'."""
    out = dict(table)
    for word, code in table.items():
        if word.endswith("s") and not word.endswith("ss"):
            out.setdefault(word[:-1], code)
    return out


# Currencies gone into the euro and the others news names in words; a country's adjective picks
# the currency where the name alone is shared (dinars, pesos, riyals, kroner, rupees, pounds).
CURRENCY_WORDS |= _with_singulars(
    {
        "markkaa": "FIM",
        "markka": "FIM",
        "finnish marks": "FIM",
        "pesetas": "ESP",
        "guilders": "NLG",
        "dutch guilders": "NLG",
        "lire": "ITL",
        "italian lire": "ITL",
        "turkish lira": "TRY",
        "turkish liras": "TRY",
        "lira": "TRY",  # bare lira is Turkish; the Italian plural is 'lire'
        "deutsche marks": "DEM",
        "deutschmarks": "DEM",
        "german marks": "DEM",
        "belgian francs": "BEF",
        "austrian schillings": "ATS",
        "drachmas": "GRD",
        "drachmae": "GRD",
        "escudos": "PTE",
        "irish punts": "IEP",
        "danish kroner": "DKK",
        "danish krone": "DKK",
        "norwegian kroner": "NOK",
        "norwegian krone": "NOK",
        "swedish kronor": "SEK",
        "swedish krona": "SEK",
        "icelandic kronur": "ISK",
        "icelandic krona": "ISK",
        "czech korunas": "CZK",
        "czech koruna": "CZK",
        "korunas": "CZK",
        "baht": "THB",
        "thai baht": "THB",
        "ringgit": "MYR",
        "malaysian ringgit": "MYR",
        "rupiah": "IDR",
        "indonesian rupiah": "IDR",
        "dong": "VND",
        "naira": "NGN",
        "cedis": "GHS",
        "kenyan shillings": "KES",
        "ugandan shillings": "UGX",
        "tanzanian shillings": "TZS",
        "forints": "HUF",
        "hungarian forints": "HUF",
        "polish zloty": "PLN",
        "polish zlotys": "PLN",
        "lei": "RON",
        "romanian lei": "RON",
        "leva": "BGN",
        "kuna": "HRK",
        "tenge": "KZT",
        "lari": "GEL",
        "iraqi dinars": "IQD",
        "kuwaiti dinars": "KWD",
        "jordanian dinars": "JOD",
        "bahraini dinars": "BHD",
        "libyan dinars": "LYD",
        "algerian dinars": "DZD",
        "tunisian dinars": "TND",
        "serbian dinars": "RSD",
        "saudi riyals": "SAR",
        "qatari riyals": "QAR",
        "iranian rials": "IRR",
        "omani rials": "OMR",
        "yemeni rials": "YER",
        "uae dirhams": "AED",
        "emirati dirhams": "AED",
        "moroccan dirhams": "MAD",
        "egyptian pounds": "EGP",
        "lebanese pounds": "LBP",
        "syrian pounds": "SYP",
        "sudanese pounds": "SDG",
        "british pounds": "GBP",
        "mexican pesos": "MXN",
        "argentine pesos": "ARS",
        "argentinian pesos": "ARS",
        "chilean pesos": "CLP",
        "colombian pesos": "COP",
        "philippine pesos": "PHP",
        "cuban pesos": "CUP",
        "brazilian reais": "BRL",
        "reais": "BRL",
        "bolivars": "VES",
        "bolivares": "VES",
        "colones": "CRC",
        "quetzales": "GTQ",
        "taka": "BDT",
        "kyat": "MMK",
        "riel": "KHR",
        "kip": "LAK",
        "indian rupees": "INR",
        "pakistani rupees": "PKR",
        "sri lankan rupees": "LKR",
        "nepalese rupees": "NPR",
        "russian roubles": "RUB",
        "russian rubles": "RUB",
        "south african rand": "ZAR",
        "chinese yuan": "CNY",
        "yuan renminbi": "CNY",
        "rmb": "CNY",
        "japanese yen": "JPY",
        "south korean won": "KRW",
        "korean won": "KRW",
        "us dollar": "USD",
        "u.s. dollars": "USD",
        "american dollars": "USD",
        "hong kong dollars": "HKD",
        "singapore dollars": "SGD",
        "new zealand dollars": "NZD",
        "taiwan dollars": "TWD",
        "new taiwan dollars": "TWD",
        "canadian dollar": "CAD",
        "australian dollar": "AUD",
        "ukrainian hryvnias": "UAH",
        "israeli shekels": "ILS",
        "new shekels": "ILS",
        "swiss franc": "CHF",
        "cfa franc": "XOF",
    }
)
# Names several currencies share: with no country before them a figure is no money claim (and
# no count of kroner either), rather than a guess at the currency.
SHARED_CURRENCY_WORDS = frozenset(
    """kroner krone kronor krona dinars dinar pesos peso riyals riyal rials rial dirhams dirham
    shillings shilling""".split()
)
# Words for a hundredth of a currency: "12 pence" is £0.12.
HUNDREDTHS = frozenset({"pence", "penny", "cents", "cent", "euro cents"})
# Symbols that may also follow the amount ("25 €", "10$").
SYMBOLS_AFTER = {
    "€": "EUR",
    "$": "USD",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₽": "RUB",
    "元": "CNY",
}

# Canonical unit name ← written forms.
QUANTITY_UNITS = {
    "kilometre": ("km", "kilometres", "kilometers", "kilometre", "kilometer"),
    "mile": ("miles", "mile", "mi"),
    "metre": ("metres", "meters", "metre", "meter", "m"),
    "centimetre": ("cm", "centimetres", "centimeters"),
    "millimetre": ("mm", "millimetres", "millimeters"),
    "decimetre": ("decimetres", "decimeters", "decimetre", "decimeter"),
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
        "m2",
    ),
    "square foot": ("square feet", "square foot", "sq ft"),
    "cubic foot": ("cubic feet", "cubic foot"),
    "hectare": ("hectares", "hectare"),
    "acre": ("acres", "acre"),
    "kilogram": ("kg", "kilograms", "kilogrammes", "kilos", "kilogram"),
    "gram": ("grams", "grammes", "gram"),
    "milligram": ("mg", "milligrams", "milligram"),
    "microgram": ("μg", "µg", "mcg", "micrograms", "microgram"),
    "tonne": ("tonnes", "tonne", "metric tons", "metric tonnes", "tons", "ton", "t"),
    "pound": ("pounds", "pound", "lbs", "lb"),
    "ounce": ("ounces", "ounce", "oz"),
    "litre": ("litres", "liters", "litre", "liter"),
    "millilitre": ("ml", "millilitres", "milliliters", "millilitre", "milliliter"),
    "tablespoon": ("tablespoons", "tablespoon", "tbsp"),
    "teaspoon": ("teaspoons", "teaspoon", "tsp"),
    "cup": ("cups", "cup"),
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
        "kmph",
        "kmh",
        "km/hr",
    ),
    "mile per hour": ("mph", "miles per hour", "miles an hour"),
    "metre per second": ("m/s", "m/sec", "metres per second", "meters per second"),
    "centimetre per second": ("cm/s", "cm/sec", "centimetres per second", "centimeters per second"),
    "kilometre per second": (
        "km/s",
        "km/sec",
        "kilometres per second",
        "kilometers per second",
    ),
    "centimetre per millisecond": ("cm/ms",),
    "knot": ("knots",),
    "megawatt": ("mw", "megawatts", "megawatt"),
    "gigawatt": ("gw", "gigawatts", "gigawatt"),
    "kilowatt": ("kw", "kilowatts"),
    "kilowatt hour": ("kwh", "kilowatt hours", "kilowatt-hours"),
    "terawatt hour": ("twh", "terawatt hours", "terawatt-hours"),
    "gigabyte": ("gb", "gigabytes", "gigabyte"),
    "megabyte": ("mb", "megabytes", "megabyte"),
    "terabyte": ("tb", "terabytes", "terabyte"),
    "bit": ("bits", "bit"),
    # Bare 'degrees' may be an angle or a temperature: the unit says no more than was written.
    "degree": ("degrees",),
    "radian": ("radians", "radian", "rad"),
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

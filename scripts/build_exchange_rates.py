"""Build claimcheck/data/exchange_rates.csv from the World Bank's official exchange rates
(PA.NUS.FCRF, local currency units per US$, yearly average), World Development Indicators,
CC BY 4.0. Usage: python scripts/build_exchange_rates.py ../shared/statistics/world-bank-wdi
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

# ISO 4217 code → World Bank country code whose local currency it is (EMU: the euro area).
CURRENCIES = {
    "EUR": "EMU",
    "GBP": "GBR",
    "JPY": "JPN",
    "CHF": "CHE",
    "CNY": "CHN",
    "INR": "IND",
    "CAD": "CAN",
    "AUD": "AUS",
    "NZD": "NZL",
    "SEK": "SWE",
    "NOK": "NOR",
    "DKK": "DNK",
    "RUB": "RUS",
    "KRW": "KOR",
    "BRL": "BRA",
    "MXN": "MEX",
    "ZAR": "ZAF",
    "TRY": "TUR",
    "HKD": "HKG",
    "SGD": "SGP",
    "PLN": "POL",
    "ILS": "ISR",
    "NGN": "NGA",
    "PKR": "PAK",
}
FIRST_YEAR = 1999  # the euro's first year; the ruble was redenominated in 1998


def main(folder: str) -> None:
    wanted = {wb: iso for iso, wb in CURRENCIES.items()}
    rows = []
    with open(Path(folder) / "pa.nus.fcrf" / "data.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            iso = wanted.get(row["Country Code"])
            if iso and int(row["Year"]) >= FIRST_YEAR and row["Value"]:
                rows.append((iso, int(row["Year"]), f"{float(row['Value']):.6g}"))
    out = Path(__file__).resolve().parent.parent / "claimcheck" / "data" / "exchange_rates.csv"
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["currency", "year", "per_usd"])
        writer.writerows(sorted(rows))


if __name__ == "__main__":
    main(sys.argv[1])

"""Write claimcheck/data/countries.csv: each country's ISO 3166 alpha-3 code and the names it
goes by, from datasets/country-codes (ODC-PDDL) and the World Bank's own country names.

    python scripts/country_names.py ../shared/statistics/world-bank-wdi \
        claimcheck/data/countries.csv
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

COLUMNS = (
    "CLDR display name",
    "official_name_en",
    "UNTERM English Short",
    "ISO4217-currency_country_name",
)


def clean(name: str, column: str) -> str:
    name = re.sub(r"\s*\((?:the)\)\s*\*?$", "", name.strip()).strip(" *")
    return "" if column.startswith("ISO4217") and name.isupper() else name  # all capitals there


def main(wdi: Path, out: Path) -> None:
    names: dict[str, list[str]] = {}
    for row in csv.DictReader((wdi / "country-codes.csv").open(encoding="utf-8")):
        code = row["ISO3166-1-Alpha-3"].strip()
        if len(code) == 3:
            names[code] = [n for n in (clean(row[c], c) for c in COLUMNS) if n]
    for row in csv.DictReader((wdi / "sp.pop.totl" / "data.csv").open(encoding="utf-8")):
        if row["Country Code"] in names:
            names[row["Country Code"]].append(row["Country Name"])
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["iso3", "names"])
        for code in sorted(names):
            writer.writerow([code, "|".join(dict.fromkeys(names[code]))])


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))

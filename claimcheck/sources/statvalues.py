"""Which statistics values a snapshot may hold: finite decimal numbers within what the measure can
physically be. A value outside is a broken file, never evidence: a population of -127.8 million
would otherwise be the "correction" of a true claim, and NaN or 1e999999999 would end the run.

Checked once where every series enters a snapshot (snapshot_build.build_from, whatever reader made
it) and again where a snapshot is loaded (a file from an older build, or edited by hand).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from claimcheck.sources.worldbank_indicators import BY_CODE

_D = Decimal
# unit (or indicator code) → (lowest, highest) a value can be. Growth rates stay within ±1000 %;
# consumer prices fall at most 100 % and hyperinflation is real (WDI holds 23,773 %); shares of
# GDP above 1000 % (exports of an entrepot are ~200 %) are not an economy.
BOUNDS: Mapping[str, tuple[Decimal, Decimal]] = {
    "people": (_D(0), _D("1e11")),
    "USD": (_D(0), _D("1e16")),
    "years": (_D(0), _D(150)),
    "births per woman": (_D(0), _D(20)),
    "square kilometre": (_D(0), _D("5.1e8")),  # the Earth's whole surface
    "percent": (_D(-1000), _D(1000)),
    "FP.CPI.TOTL.ZG": (_D(-100), _D("1e6")),
    "SL.UEM.TOTL.ZS": (_D(0), _D(100)),
    "GC.DOD.TOTL.GD.ZS": (_D(0), _D(1000)),
    "MS.MIL.XPND.GD.ZS": (_D(0), _D(1000)),
    "NE.EXP.GNFS.ZS": (_D(0), _D(1000)),
    "NE.IMP.GNFS.ZS": (_D(0), _D(1000)),
}


def value_problem(code: str, raw: Any) -> str | None:
    """Why `raw` cannot be a value of indicator `code`, or None when it can."""
    if isinstance(raw, bool) or not isinstance(raw, str | int):
        return f"{raw!r:.40} is not a decimal number"
    try:
        value = Decimal(str(raw).strip())
    except (InvalidOperation, ValueError):
        return f"{str(raw)!r:.40} is not a decimal number"
    if not value.is_finite():
        return f"{str(raw)!r:.40} is not a finite number"
    indicator = BY_CODE.get(code)
    bounds = BOUNDS.get(code) or BOUNDS.get(indicator.unit if indicator else "")
    if bounds is not None and not bounds[0] <= value <= bounds[1]:
        low, high = bounds
        return f"{str(raw)!r:.40} is outside what it can be ({low} to {high})"
    return None


def series_problem(doc: Mapping[str, Any]) -> str | None:
    """Why a series document is not one (its fields' types), or None."""
    if not isinstance(doc.get("series"), str) or not isinstance(doc.get("country"), str):
        return "a series without a string 'series' and 'country'"
    values = doc.get("values")
    if not isinstance(values, dict) or not all(isinstance(k, str) and k.isdigit() for k in values):
        return f"series {doc['series']} {doc['country']}: 'values' must map years to numbers"
    vintage = doc.get("vintage")
    if vintage is not None and not (isinstance(vintage, str) and _VINTAGE.match(vintage)):
        return f"series {doc['series']} {doc['country']}: 'vintage' must be a month like 2005-04"
    return None


_VINTAGE = re.compile(r"^[12][0-9]{3}-(?:0[1-9]|1[0-2])$")


def plausible(doc: Mapping[str, Any], dropped: Callable[[str], None]) -> Mapping[str, Any]:
    """The series with every value that cannot be left out, each said through `dropped`."""
    values = doc.get("values")
    if "series" not in doc or not isinstance(values, dict):
        return doc
    kept = {}
    for year, raw in values.items():
        problem = value_problem(str(doc["series"]), raw)
        if problem is None:
            kept[year] = raw
        else:
            dropped(f"{doc['series']} {doc.get('country')} {year}: {problem}")
    return doc if len(kept) == len(values) else {**doc, "values": kept}

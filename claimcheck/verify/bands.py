"""Revision bands: how far today's figure for a year may lie from the one first published, by
indicator and economy group. Used only when no past release is known: then a difference inside
the band is most likely a revision (a warning), never an error.

The bands are 2.5 times the mean absolute revision measured on real vintages (first published
figure, in the spring IMF World Economic Outlook of the following year, against the October 2025
WEO; `../shared/statistics/world-bank-archives/PROVENANCE.md`) — three times the median where the
mean is dominated by hyperinflation years. Under a normal spread about 95 % of revisions would fall
inside; real revisions have heavier tails (medians well under the means), so somewhat fewer do.
Singapore's 2004 growth, 8.1 % in the first estimates and 9.94 % today, lies inside. GDP
levels also allow for rebasings, which move them by 25–89 % in emerging and low-income economies.
An indicator without measured revisions keeps its own tolerance; no band is narrower than that.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from claimcheck.model import Indicator

# The IMF's advanced economies (World Economic Outlook, April 2024 classification).
ADVANCED = frozenset(
    "AND AUS AUT BEL CAN CHE CYP CZE DEU DNK ESP EST FIN FRA GBR GRC HKG HRV IRL ISL ISR ITA JPN "
    "KOR LTU LUX LVA MAC MLT NLD NOR NZL PRI PRT SGP SMR SVK SVN SWE TWN USA".split()
)
# The UN's least developed countries (the LDC column of the WDI folder's country-codes.csv), as
# the nearest published list to the IMF's low-income developing countries.
LOW_INCOME = frozenset(
    "AFG AGO BDI BEN BFA BGD CAF COD COM DJI ERI ETH GIN GMB GNB HTI KHM KIR LAO LBR LSO MDG "
    "MLI MMR MOZ MRT MWI NER NPL RWA SDN SEN SLB SLE SOM SSD STP TCD TGO TLS TUV TZA UGA YEM "
    "ZMB".split()
)
# Aggregates the World Bank publishes for these groups.
_AGGREGATE_GROUPS = {"HIC": "advanced", "OED": "advanced", "EUU": "advanced", "EMU": "advanced"}
_AGGREGATE_GROUPS |= {"LIC": "low_income", "LDC": "low_income"}


def economy(code: str) -> str:
    """'advanced', 'emerging' or 'low_income': the group whose revisions a figure can expect.
    Everything else, the world and mixed aggregates included, counts as emerging."""
    if code in ADVANCED:
        return "advanced"
    if code in LOW_INCOME:
        return "low_income"
    return _AGGREGATE_GROUPS.get(code, "emerging")


@dataclass(frozen=True)
class Band:
    """The band per economy group, in the indicator's unit, or a fraction of the value."""

    advanced: Decimal
    emerging: Decimal
    low_income: Decimal
    relative: bool
    basis: str

    def of(self, group: str) -> Decimal:
        return {"advanced": self.advanced, "low_income": self.low_income}.get(group, self.emerging)


_D = Decimal
_GDP_LEVEL = Band(
    _D("0.06"),
    _D("0.5"),
    _D("0.5"),
    True,
    "GDP in US dollars: mean revisions 1.9 / 4.9 / 17.1 %; rebasings 25–89 %",
)
BANDS: dict[str, Band] = {
    "gdp_growth": Band(
        _D("1.9"), _D("4.7"), _D("5.0"), False, "real GDP growth: 0.77 / 1.88 / 2.01 points"
    ),
    "inflation": Band(
        _D("0.2"), _D("1.45"), _D("1.0"), False, "CPI inflation: 0.09 / 0.58 / (median) 0.34 points"
    ),
    "unemployment": Band(
        _D("0.25"), _D("0.9"), _D("1.5"), False, "unemployment: 0.10 / 0.36 / 0.61 points"
    ),
    "population": Band(
        _D("0.009"), _D("0.039"), _D("0.13"), True, "population: 0.35 / 1.55 / 5.22 %"
    ),
    "gdp": _GDP_LEVEL,
    "gdp_per_capita": _GDP_LEVEL,
}


def band(indicator: Indicator, area: str, value: Decimal) -> Decimal:
    """The revision band around `value`, in the indicator's unit: never narrower than the
    indicator's own tolerance."""
    own = indicator.slack(value)
    found = BANDS.get(indicator.measure)
    if found is None:
        return own
    width = found.of(economy(area))
    return max(own, abs(value) * width if found.relative else width)

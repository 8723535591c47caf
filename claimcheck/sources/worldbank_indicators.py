"""The statistics measures claimcheck checks, and the World Bank indicator each one is read from.

One row per measure: the indicator code (World Development Indicators), its title, how its values
are written, and the revision tolerance. Statistics are revised after publication: a value read
today for 2004 is not what a 2005 article could have read, so a difference within the claim's
rounding plus this tolerance is a minor mismatch (a warning), never an error-level contradiction.
A tolerance is in the indicator's own unit (percentage points for rates) unless `relative`, when
it is a fraction of the value. The README's "Statistics" section lists the same table.
"""

from __future__ import annotations

from decimal import Decimal

from claimcheck.model import Area, Indicator

_D = Decimal
INDICATORS: tuple[Indicator, ...] = (
    Indicator("population", "SP.POP.TOTL", "Population, total", "people", _D("0.03"), True),
    Indicator("gdp", "NY.GDP.MKTP.CD", "GDP (current US$)", "USD", _D("0.05"), True),
    # First estimates of growth are often revised by half a point or more (France 2004: 2.3%
    # then, 2.9% now; China: 9.5% then, 10.1% now).
    Indicator("gdp_growth", "NY.GDP.MKTP.KD.ZG", "GDP growth (annual %)", "percent", _D("1.0")),
    Indicator(
        "inflation", "FP.CPI.TOTL.ZG", "Inflation, consumer prices (annual %)", "percent", _D("0.3")
    ),
    # Modelled ILO estimates differ from the national rates news quotes by up to a point or so.
    Indicator(
        "unemployment",
        "SL.UEM.TOTL.ZS",
        "Unemployment, total (% of total labor force) (modeled ILO estimate)",
        "percent",
        _D("1.0"),
    ),
    Indicator(
        "gdp_per_capita", "NY.GDP.PCAP.CD", "GDP per capita (current US$)", "USD", _D("0.05"), True
    ),
    Indicator(
        "life_expectancy",
        "SP.DYN.LE00.IN",
        "Life expectancy at birth, total (years)",
        "years",
        _D("0.5"),
    ),
    Indicator(
        "population_growth", "SP.POP.GROW", "Population growth (annual %)", "percent", _D("0.2")
    ),
    # Central government debt: general-government figures (what news usually quotes) run higher
    # or lower by several points of GDP, so only a gross difference is reported as wrong.
    Indicator(
        "government_debt",
        "GC.DOD.TOTL.GD.ZS",
        "Central government debt, total (% of GDP)",
        "percent",
        _D("10"),
    ),
    Indicator(
        "military_spending",
        "MS.MIL.XPND.GD.ZS",
        "Military expenditure (% of GDP)",
        "percent",
        _D("0.3"),
    ),
    Indicator(
        "exports", "NE.EXP.GNFS.ZS", "Exports of goods and services (% of GDP)", "percent", _D("2")
    ),
    Indicator(
        "imports", "NE.IMP.GNFS.ZS", "Imports of goods and services (% of GDP)", "percent", _D("2")
    ),
    Indicator(
        "fertility_rate",
        "SP.DYN.TFRT.IN",
        "Fertility rate, total (births per woman)",
        "births per woman",
        _D("0.1"),
    ),
    Indicator(
        "surface_area",
        "AG.SRF.TOTL.K2",
        "Surface area (sq. km)",
        "square kilometre",
        _D("0.01"),
        True,
    ),
)
BY_MEASURE: dict[str, Indicator] = {i.measure: i for i in INDICATORS}
BY_CODE: dict[str, Indicator] = {i.code: i for i in INDICATORS}
CREDIT = INDICATORS[0].credit
LICENCE = "CC BY 4.0"


def indicator_for(measure: str) -> Indicator | None:
    return BY_MEASURE.get(measure)


class WdiLookups:
    """What every World Bank source answers the same way: the indicator for a measure and the
    country (or named aggregate) for a name."""

    def indicator(self, measure: str) -> Indicator | None:
        return indicator_for(measure)

    def area(self, *names: str | None) -> Area | None:
        from claimcheck.sources.countries import Countries

        return Countries.bundled().resolve(*names)

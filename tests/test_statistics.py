"""Statistics checks without a parse: the year rule, percentage points, revision tolerance, sign,
the correction's style, country names and aggregates, the WDI snapshot, several sources at once."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from claimcheck.__main__ import main
from claimcheck.errors import ExitStatus
from claimcheck.model import Area, Claim, Observation, Span, Verdict
from claimcheck.sources.countries import Countries
from claimcheck.sources.snapshot import load_snapshot
from claimcheck.sources.snapshot_build import build_snapshot
from claimcheck.sources.worldbank_indicators import BY_MEASURE, INDICATORS
from claimcheck.verify.releases import judge
from claimcheck.verify.statistics import question

MARCH_2005 = dt.date(2005, 3, 15)


def claim(text: str, kind: str, amount, unit: str, **statistic) -> Claim:
    value = {"amount": amount, "lower": amount, "upper": amount, "unit": unit}
    fields = {"statistic": {"period": "year", **statistic}}
    return Claim("c1", "d", kind, text, Span(0, len(text)), 1, 1, text, value, fields)


def series(code: str, country: str = "CHL", **values: str) -> list[Observation]:
    return [
        Observation(code, code, country, country, int(y[1:]), Decimal(v), "2026-07-13", "u")
        for y, v in values.items()
    ]


def check(c: Claim, measure: str, as_of=MARCH_2005, area="CHL", **values: str) -> Verdict:
    indicator = BY_MEASURE[measure]
    found = series(indicator.code, area, **values)
    return judge(c, indicator, Area(area, area), found, question(c, as_of), as_of)


@pytest.mark.parametrize(
    ("statistic", "as_of", "year", "refusal"),
    [
        ({"year": 2004}, MARCH_2005, 2004, None),
        ({"year_offset": -1}, MARCH_2005, 2004, None),
        ({}, MARCH_2005, 2004, None),  # none named: the latest year ended before the date
        ({}, dt.date(2005, 1, 1), 2004, None),
        ({"year": 2005}, MARCH_2005, None, "period_not_ended"),
        ({"year_offset": 0}, MARCH_2005, None, "period_not_ended"),
        ({"year_offset": -1}, None, None, "no_document_date"),
        ({"period": "month"}, MARCH_2005, None, "not_annual_figure"),
        ({"period": "quarter", "year": 2004}, MARCH_2005, None, "not_annual_figure"),
        ({"outlook": True}, MARCH_2005, None, "forecast"),
    ],
)
def test_the_year_rule(statistic, as_of, year, refusal):
    ask = question(claim("6%", "percent", 6, "percent", **statistic), as_of)
    assert (ask.year, ask.refusal[0] if ask.refusal else None) == (year, refusal)


def test_a_monthly_figure_is_never_contradicted_even_when_far_off():
    c = claim("0.9%", "percent", Decimal("0.9"), "percent", period="month")
    assert check(c, "inflation", y2004="9.5").verdict == "not_checked"


@pytest.mark.parametrize(
    ("text", "amount", "value", "outcome"),
    [
        ("6%", 6, "6.4", "match"),  # read as written: 5.5–6.5
        ("6.7%", Decimal("6.7"), "6.67", "match"),
        # no release of the time known: France's growth band is 1.9 points (revisions of
        # first-published growth in advanced economies: 0.77 points on average)
        ("6.7%", Decimal("6.7"), "6.9", "likely_revision"),
        ("6.7%", Decimal("6.7"), "8.6", "likely_revision"),
        ("6.7%", Decimal("6.7"), "8.7", "mismatch"),
        ("6%", 6, "3.6", "likely_revision"),
        ("6%", 6, "3.5", "mismatch"),
    ],
)
def test_growth_compares_in_percentage_points_with_its_revision_band(text, amount, value, outcome):
    stated = claim(text, "percent", amount, "percent", year=2004)
    result = check(stated, "gdp_growth", area="FRA", y2004=value)
    assert result.reason == outcome
    assert result.verdict == ("supported" if outcome == "match" else "contradicted")


@pytest.mark.parametrize(
    ("area", "value", "outcome"),
    [
        ("FRA", "9.0", "mismatch"),  # advanced: 1.9 points
        ("CHL", "9.0", "likely_revision"),  # emerging: 4.7 points
        ("CHL", "11.5", "mismatch"),
        ("ETH", "11.5", "likely_revision"),  # least developed: 5.0 points
    ],
)
def test_the_band_depends_on_the_economy(area, value, outcome):
    stated = claim("6.7%", "percent", Decimal("6.7"), "percent", year=2004)
    assert check(stated, "gdp_growth", area=area, y2004=value).reason == outcome


def test_each_indicator_has_its_own_band():
    # 0.4 points off in France: within growth's band, outside inflation's 0.3.
    two = claim("2.0%", "percent", Decimal("2.0"), "percent", year=2004)
    growth = check(two, "gdp_growth", area="FRA", y2004="2.45")
    prices = check(two, "inflation", area="FRA", y2004="2.45")
    assert (growth.reason, prices.reason) == ("likely_revision", "mismatch")


def test_shrank_is_negative_and_the_correction_keeps_the_claims_style():
    shrank = claim("0.3%", "percent", Decimal("0.3"), "percent", sign=-1)
    assert check(shrank, "gdp_growth", y2004="-0.31").verdict == "supported"
    grew = check(shrank, "gdp_growth", area="FRA", y2004="2.5")
    assert (grew.reason, grew.correction) == ("mismatch", "+2.5%")  # 2.75 points off


@pytest.mark.parametrize(
    ("text", "kind", "amount", "unit", "measure", "value", "correction"),
    [
        ("$1.5 trillion", "money", Decimal("1.5e12"), "USD", "gdp", "1.9e12", "$1.9 trillion"),
        ("2.9%", "percent", Decimal("2.9"), "percent", "inflation", "2.46", "2.5%"),
        ("19 million", "count", 19000000, "people", "population", "16187322", "16 million"),
        ("7.4 percent", "percent", Decimal("7.4"), "percent", "gdp_growth", "3.57", "3.6 percent"),
    ],
)
def test_the_correction_is_written_like_the_claim(
    text, kind, amount, unit, measure, value, correction
):
    result = check(claim(text, kind, amount, unit), measure, y2004=value)
    assert (result.verdict, result.correction) == ("contradicted", correction)


def test_evidence_names_indicator_country_year_value_release_and_query():
    result = check(claim("6.7%", "percent", Decimal("6.7"), "percent"), "gdp_growth", y2004="6.67")
    (item,) = [e.to_dict() for e in result.evidence]
    assert (item["indicator"], item["indicator_title"], item["entity"], item["year"]) == (
        "NY.GDP.MKTP.KD.ZG",
        "NY.GDP.MKTP.KD.ZG",
        "CHL",
        2004,
    )
    assert (item["value"], item["lastupdated"], item["url"]) == (6.67, "2026-07-13", "u")
    assert item["credit"] == "World Bank, World Development Indicators"


def test_gdp_in_another_currency_is_not_compared():
    result = check(claim("£2 trillion", "money", Decimal("2e12"), "GBP"), "gdp", y2004="2.4e12")
    assert (result.verdict, result.reason) == ("not_checked", "unit_mismatch")


def test_square_miles_are_converted():
    area = claim("292,000 square miles", "quantity", 292000, "square mile")
    assert check(area, "surface_area", y2004="756096").verdict == "supported"


@pytest.mark.parametrize(
    ("name", "code", "aggregate"),
    [
        ("Britain", "GBR", False),
        ("the UK", "GBR", False),
        ("the US", "USA", False),
        ("U.S.", "USA", False),
        ("USA", "USA", False),
        ("Chilean", "CHL", False),
        ("Chile's", "CHL", False),
        ("Côte d'Ivoire", "CIV", False),
        ("Korea, Rep.", "KOR", False),
        ("the EU", "EUU", True),
        ("the euro zone", "EMU", True),
        ("world economy", "WLD", True),
    ],
)
def test_countries_by_the_names_news_uses(name, code, aggregate):
    area = Countries.bundled().resolve(name)
    assert area is not None and (area.code, area.aggregate) == (code, aggregate)


@pytest.mark.parametrize("name", ["Lisbon", "Reuters", "Europe", "Tonight"])
def test_a_city_or_anything_else_is_no_country(name):
    assert Countries.bundled().resolve(name) is None


def test_every_mapped_indicator_has_a_tolerance_and_a_title():
    assert len(INDICATORS) == 14
    assert all(i.tolerance > 0 and i.title and i.code.isupper() for i in INDICATORS)


def wdi_folder(root: Path) -> Path:
    for code, title, rows in (
        ("sp.pop.totl", "Population, total", "Chile,CHL,2004,16187322\nWorld,WLD,2004,6492354000"),
        ("si.pov.gini", "Gini index", "Chile,CHL,2003,51.5"),  # not mapped: left out
    ):
        folder = root / code
        folder.mkdir(parents=True)
        package = {"title": title, "licenses": [{"name": "CC-BY-4.0"}]}
        (folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
        header = "Country Name,Country Code,Year,Value\n"
        (folder / "data.csv").write_text(header + rows + "\nPeru,PER,2004,\n", encoding="utf-8")
    return root


def test_snapshot_build_reads_a_wdi_folder_whole_and_keeps_mapped_indicators(tmp_path):
    out = tmp_path / "wdi.jsonl"
    report = build_snapshot([wdi_folder(tmp_path / "wdi")], out)
    first = out.read_bytes()
    build_snapshot([tmp_path / "wdi"], out)
    assert out.read_bytes() == first and report.series == 2
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert lines[0]["indicator"] == "SP.POP.TOTL" and lines[0]["credit"].startswith("World Bank")
    assert {line.get("country") for line in lines[1:]} == {"CHL", "WLD"}
    built = load_snapshot(out)
    assert built.knowledge is None and built.statistics is not None
    (found,) = built.statistics.observations("SP.POP.TOTL", "CHL", (2004, 2004))
    assert found.value == Decimal("16187322")


ARTICLE = "---\ndate: 2005-03-15\n---\nChile, home to 19 million people, mines copper.\n"


@pytest.mark.parametrize("suffix", ["jsonl", "sqlite"])
def test_source_may_be_given_twice(tmp_path, capsys, suffix):
    """Both snapshot formats hold series and entities alike."""
    stats = tmp_path / f"wdi.{suffix}"
    build_snapshot([wdi_folder(tmp_path / "wdi")], stats)
    entities = Path(__file__).resolve().parent.parent / "examples" / "wikidata-snapshot.jsonl"
    if suffix == "sqlite":
        build_snapshot([entities], tmp_path / "facts.sqlite")
        entities = tmp_path / "facts.sqlite"
    article = tmp_path / "story.md"
    article.write_text(ARTICLE, encoding="utf-8")
    args = ["check", str(article), "--format", "jsonl", "--exit-zero"]
    sources = ["--source", f"snapshot:{entities}", "--source", f"snapshot:{stats}"]
    assert main([*args, *sources]) == ExitStatus.OK
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    (population,) = [r for r in records if r.get("text") == "19 million"]
    assert population["verification"]["reason"] == "mismatch"
    assert population["verification"]["evidence"][0]["source_property"] == "SP.POP.TOTL"


def test_the_config_file_takes_a_list_of_sources(tmp_path, capsys, monkeypatch):
    stats = tmp_path / "wdi.jsonl"
    build_snapshot([wdi_folder(tmp_path / "wdi")], stats)
    (tmp_path / "story.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".claimcheck.toml").write_text(
        f'[source]\nsource = ["snapshot:{stats}"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check", "story.md", "--format", "jsonl", "--exit-zero"]) == ExitStatus.OK
    out = capsys.readouterr().out
    assert '"source_property":"SP.POP.TOTL"' in out

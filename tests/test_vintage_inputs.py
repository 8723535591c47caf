"""`snapshot build` from past releases: saved WDI Database Archives answers (the real ones in
examples/world-bank-archives) and vintage CSVs, into JSON-lines and SQLite snapshots that answer
today's values and every release's; malformed or empty inputs are errors naming file and line."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import EXAMPLES
from test_statistics import wdi_folder

from claimcheck.__main__ import main
from claimcheck.errors import ExitStatus, InputError
from claimcheck.sources.snapshot import load_snapshot
from claimcheck.sources.snapshot_build import build_snapshot
from claimcheck.sources.snapshot_sqlite import load_sqlite

ARCHIVES = EXAMPLES / "world-bank-archives"
GDPPC = ARCHIVES / "countryatlas_NY.GDP.PCAP.KD_2015-2016_version-202407.json"
CPI = "asteria_FP.CPI.TOTL.ZG_GRC-ROU-POL-ITA-IRL-BGR_2020-2023_version-202403.json"
VERSIONS = ARCHIVES / "countryatlas_versions.json"
HEADER = "indicator,country,year,value,vintage\n"
# Singapore's 2004 growth as first published (the example), and a later revision.
GOOD = HEADER + (
    "NY.GDP.MKTP.KD.ZG,SGP,2004,8.4,2005-04\n"
    "NY.GDP.MKTP.KD.ZG,SGP,2004,9.94,2026-07\n"
    "NY.GDP.MKTP.KD.ZG,SGP,2003,,2005-04\n"  # no value published: left out, not an error
    "SP.POP.TOTL,CHL,2004,16093000,2005-04\n"
    "SI.POV.GINI,CHL,2003,54.9,2005-04\n"  # not an indicator claimcheck checks: left out
)


def lines_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def csv_file(tmp_path: Path, text: str, name: str = "releases.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_folder_of_source_57_answers_gives_the_releases_series(tmp_path):
    out = tmp_path / "vintages.jsonl"
    report = build_snapshot([ARCHIVES], out)
    first = out.read_bytes()
    build_snapshot([ARCHIVES], out)
    assert out.read_bytes() == first  # deterministic
    header, *series = lines_of(out)
    assert header == {
        "indicator": "FP.CPI.TOTL.ZG",
        "title": "Inflation, consumer prices (annual %)",
        "credit": "World Bank, World Development Indicators (WDI Database Archives)",
        "licence": "CC BY 4.0",
        "url": "https://api.worldbank.org/v2/sources/57",
        "vintages": True,
    }
    # only the mapped CPI: the GDP per capita answer is NY.GDP.PCAP.KD, the version list no data
    assert report.series == 6 and [s["country"] for s in series] == sorted(
        s["country"] for s in series
    )
    greece = next(s for s in series if s["country"] == "GRC")
    assert greece == {
        "series": "FP.CPI.TOTL.ZG",
        "country": "GRC",
        "name": "Greece",
        "vintage": "2024-03",
        "values": {
            "2020": "-1.24798355581405",
            "2021": "1.22382501019854",
            "2022": "9.64525981280632",
        },
    }  # 2023 is null in the March 2024 release: no value


def test_the_snapshot_answers_each_release_with_its_vintage(tmp_path):
    out = tmp_path / "vintages.jsonl"
    build_snapshot([ARCHIVES], out)
    stats = load_snapshot(out).statistics
    assert stats is not None
    found = stats.observations("FP.CPI.TOTL.ZG", "GRC", (2022, 2023))
    assert [(o.year, o.value, o.vintage) for o in found] == [
        (2022, Decimal("9.64525981280632"), "2024-03"),
        (2023, None, "2024-03"),  # the March 2024 release had no 2023 figure yet
    ]
    assert found[0].indicator_title == "Inflation, consumer prices (annual %)"


@pytest.mark.parametrize("alone", [GDPPC, VERSIONS])
def test_a_source_57_answer_that_yields_nothing_is_an_error_not_wrote_0(tmp_path, capsys, alone):
    out = tmp_path / "out.jsonl"
    assert main(["snapshot", "build", str(out), str(alone)]) == ExitStatus.ERROR
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("claimcheck: error: [CC902] ") and str(alone) in line
    assert "nothing to build" in line and not out.exists()


def test_the_error_says_which_indicator_the_answer_held(tmp_path):
    with pytest.raises(InputError, match="it holds NY.GDP.PCAP.KD only; those are AG.SRF"):
        build_snapshot([GDPPC], tmp_path / "out.jsonl")


def test_an_answer_saved_pretty_and_with_sorted_keys_is_recognised_by_content(tmp_path):
    # 'data' then sorts before the source's id and name: the concept names still show it
    data = json.loads((ARCHIVES / CPI).read_text("utf-8"))
    saved = tmp_path / "cpi-march-2024.json"
    saved.write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")
    build_snapshot([saved], tmp_path / "a.jsonl")
    build_snapshot([ARCHIVES / CPI], tmp_path / "b.jsonl")
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()


def test_an_answer_of_the_wrong_shape_is_an_error_naming_the_file(tmp_path):
    data = json.loads((ARCHIVES / CPI).read_text("utf-8"))
    data["source"]["data"][5]["variable"][3]["id"] = "2022"
    saved = tmp_path / "broken.json"
    saved.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match=f"{saved}: .* row 6: time '2022' is not YRnnnn"):
        build_snapshot([saved], tmp_path / "out.jsonl")


def test_a_folder_whose_answers_yield_nothing_is_an_error(tmp_path):
    folder = tmp_path / "answers"
    folder.mkdir()
    shutil.copy(GDPPC, folder)
    shutil.copy(VERSIONS, folder)
    with pytest.raises(InputError, match=f"{folder}: no source-57 value"):
        build_snapshot([folder], tmp_path / "out.jsonl")


def test_a_vintage_csv_with_todays_data_keeps_both_and_both_headers(tmp_path):
    out = tmp_path / "all.jsonl"
    build_snapshot([wdi_folder(tmp_path / "wdi"), csv_file(tmp_path, GOOD)], out)
    lines = lines_of(out)
    headers = [line for line in lines if "indicator" in line]
    assert [(h["indicator"], h["credit"], h.get("vintages")) for h in headers] == [
        ("NY.GDP.MKTP.KD.ZG", "vintage CSV releases.csv", True),
        ("SP.POP.TOTL", "World Bank, World Development Indicators", None),  # today's stays
        ("SP.POP.TOTL", "vintage CSV releases.csv", True),
    ]
    stats = load_snapshot(out).statistics
    assert stats is not None
    chile = stats.observations("SP.POP.TOTL", "CHL", (2004, 2004))
    assert [(o.value, o.vintage) for o in chile] == [
        (Decimal("16187322"), None),
        (Decimal("16093000"), "2005-04"),
    ]
    singapore = stats.observations("NY.GDP.MKTP.KD.ZG", "SGP", (2003, 2004))
    assert [(o.year, o.value, o.vintage, o.country_name) for o in singapore] == [
        (2004, Decimal("8.4"), "2005-04", "Singapore"),
        (2004, Decimal("9.94"), "2026-07", "Singapore"),
    ]
    assert not any("SI.POV.GINI" in json.dumps(line) for line in lines)


def test_the_sqlite_snapshot_holds_and_serves_the_same_releases(tmp_path):
    inputs = [wdi_folder(tmp_path / "wdi"), csv_file(tmp_path, GOOD), ARCHIVES]
    build_snapshot(inputs, tmp_path / "all.jsonl")
    build_snapshot(inputs, tmp_path / "all.sqlite")
    from_lines = load_snapshot(tmp_path / "all.jsonl").statistics
    from_sqlite = load_sqlite(tmp_path / "all.sqlite").statistics
    assert from_lines is not None and from_sqlite is not None
    for ask in (
        ("SP.POP.TOTL", "CHL", (2004, 2004)),
        ("NY.GDP.MKTP.KD.ZG", "SGP", (2004, 2004)),
        ("FP.CPI.TOTL.ZG", "POL", (2020, 2023)),
    ):
        sqlite_found = [(o.year, o.value, o.vintage) for o in from_sqlite.observations(*ask)]
        assert sqlite_found == [(o.year, o.value, o.vintage) for o in from_lines.observations(*ask)]
        assert any(vintage for _, _, vintage in sqlite_found)
    assert from_sqlite.describe()["series"] == from_lines.describe()["series"] == 2 + 2 + 6 + 1


def test_a_folder_may_mix_answers_csvs_and_entity_documents(tmp_path):
    folder = tmp_path / "inputs"
    shutil.copytree(ARCHIVES, folder)
    csv_file(folder, GOOD)
    entity = (EXAMPLES / "wikidata-snapshot.jsonl").read_text("utf-8").splitlines()[0]
    (folder / "entity.json").write_text(entity, encoding="utf-8")
    report = build_snapshot([folder], tmp_path / "out.jsonl")
    assert (report.entities, report.series) == (1, 6 + 3)


@pytest.mark.parametrize(
    ("text", "line", "said"),
    [
        ("indicator,country,year,value\nSP.POP.TOTL,CHL,2004,1\n", 1, "columns must be exactly"),
        (
            "indicator,country,year,value,vintage,note\n",
            1,
            "found indicator,country,year,value,vintage,note",
        ),
        (HEADER + "SP.POP.TOTL,CHL,2004,1,2005-04,x\n", 2, "6 fields, expected 5"),
        (HEADER + "SP.POP.TOTL,CHL,2004,1\n", 2, "4 fields, expected 5"),
        (HEADER + "SP.POP.TOTL,CHL,2004,1,2005-04\nSP.POP.TOTL,CHL,04,1,2005-04\n", 3, "year '04'"),
        (HEADER + "SP.POP.TOTL,CHL,2004.0,1,2005-04\n", 2, "year '2004.0'"),
        (HEADER + 'SP.POP.TOTL,CHL,2004,"16,093,000",2005-04\n', 2, "value '16,093,000'"),
        (HEADER + "SP.POP.TOTL,CHL,2004,about 16m,2005-04\n", 2, "value 'about 16m'"),
        (HEADER + "SP.POP.TOTL,CHL,2004,NaN,2005-04\n", 2, "value 'NaN' is not a finite"),
        (HEADER + "SP.POP.TOTL,CHL,2004,Infinity,2005-04\n", 2, "value 'Infinity' is not a finite"),
        (HEADER + "SP.POP.TOTL,CHL,2004,1,2005-13\n", 2, "vintage '2005-13'"),
        (HEADER + "SP.POP.TOTL,CHL,2004,1,April 2005\n", 2, "vintage 'April 2005'"),
        (HEADER + "SP.POP.TOTL,CHL,2004,1,200504\n", 2, "vintage '200504'"),
        (HEADER + "SP.POP.TOTL,CHL,2004,1,2004-10\n", 2, "not after 2004 ended: a forecast"),
        (HEADER + "SP.POP.TOTL,Chile,2004,1,2005-04\n", 2, "country 'Chile'"),
        (HEADER + "population,CHL,2004,1,2005-04\n", 2, "indicator 'population'"),
        (
            HEADER + "SP.POP.TOTL,CHL,2004,1,2005-04\n\nSP.POP.TOTL,CHL,2004,2,2005-04\n",
            4,
            "is 2, but 1 at ",
        ),
    ],
)
def test_a_malformed_vintage_csv_names_the_file_and_the_line(tmp_path, capsys, text, line, said):
    path = csv_file(tmp_path, text)
    out = tmp_path / "out.jsonl"
    assert main(["snapshot", "build", str(out), str(path)]) == ExitStatus.ERROR
    (message,) = capsys.readouterr().err.splitlines()
    assert message.startswith(f"claimcheck: error: [CC902] {path}, line {line}: ")
    assert said in message and not out.exists()


def test_a_conflicting_value_names_both_places(tmp_path):
    text = HEADER + "SP.POP.TOTL,CHL,2004,1,2005-04\nSP.POP.TOTL,CHL,2004,2,2005-04\n"
    path = csv_file(tmp_path, text)
    with pytest.raises(InputError) as raised:
        build_snapshot([path], tmp_path / "out.jsonl")
    assert str(raised.value).endswith(f"is 2, but 1 at {path}, line 2")


def test_the_same_value_twice_is_no_conflict_and_a_bom_is_read(tmp_path):
    text = "\ufeff" + HEADER + "SP.POP.TOTL,CHL,2004,16093000,2005-04\n" * 2
    report = build_snapshot([csv_file(tmp_path, text)], tmp_path / "out.jsonl")
    assert report.series == 1


@pytest.mark.parametrize(
    "text",
    [
        HEADER,
        HEADER + "SI.POV.GINI,CHL,2003,54.9,2005-04\n",
        HEADER + "SP.POP.TOTL,CHL,2004,,2005-04\n",
    ],
)
def test_a_vintage_csv_that_yields_nothing_is_an_error(tmp_path, capsys, text):
    path = csv_file(tmp_path, text)
    out = tmp_path / "out.jsonl"
    assert main(["snapshot", "build", str(out), str(path)]) == ExitStatus.ERROR
    (message,) = capsys.readouterr().err.splitlines()
    assert message.startswith(f"claimcheck: error: [CC902] {path}: no row of an indicator")
    assert not out.exists()


def test_a_vintage_csv_in_a_folder_must_yield_too(tmp_path):
    folder = tmp_path / "inputs"
    shutil.copytree(ARCHIVES, folder)
    empty = csv_file(folder, HEADER, "empty.csv")
    with pytest.raises(InputError, match=f"{empty}: no row"):
        build_snapshot([folder], tmp_path / "out.jsonl")


def test_a_csv_that_is_not_a_vintage_csv_is_left_to_the_other_readers(tmp_path):
    other = csv_file(tmp_path, "name,born\nDouglas Adams,1952\n", "people.csv")
    report = build_snapshot([other, ARCHIVES], tmp_path / "out.jsonl")
    assert report.skipped_inputs == (str(other),) and report.series == 6

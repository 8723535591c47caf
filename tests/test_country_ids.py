"""The countries table's Wikidata ids and demonyms (claimcheck/data/countries.csv), and their use:
a nationality or a country of birth links to the country's item without a search.

The ids of 12 countries are held by REAL captures (their ISO 3166-1 alpha-3 code, P298, on the
item): the 2017 dump head, Portugal and Hong Kong (Special:EntityData), the United States and
Canada (wbgetentities and REST cassettes). The rest were written from knowledge; every id a
capture holds is checked against it here."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
import yaml

from claimcheck.extract import extract_claims
from claimcheck.extract.people.places import country_id, country_of
from claimcheck.model import Document
from claimcheck.sources.snapshot import SnapshotSource
from claimcheck.verify.stage import verify_claims
from tests.test_link import _item_statement, doc

HERE = Path(__file__).parent
SAMPLES = HERE.parents[1] / "shared" / "wikidata-samples"
BELGIUM = HERE / "data" / "wikidata" / "dump2017_Q31-belgium.json"


def rows() -> list[dict[str, str]]:
    table = resources.files("claimcheck.data").joinpath("countries.csv")
    with table.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_every_country_has_one_wikidata_id_of_its_own():
    ids = [r["wikidata"] for r in rows()]
    assert all(re.fullmatch(r"Q[1-9][0-9]*", i) for i in ids), [i for i in ids if not i]
    assert len(set(ids)) == len(ids)


def iso_codes(data: object) -> Iterator[tuple[str, str]]:
    """(alpha-3 code, item id) of every item in a Wikidata JSON body (Action API, dump line,
    Special:EntityData or REST v0) that states P298."""
    if isinstance(data, dict):
        claims = data.get("claims") or data.get("statements")
        if isinstance(claims, dict) and isinstance(data.get("id"), str):
            for s in claims.get("P298") or ():
                value = (s.get("mainsnak") or {}).get("datavalue", {}).get("value")
                value = value or (s.get("value") or {}).get("content")
                if isinstance(value, str):
                    yield value, data["id"]
        for v in data.values():
            yield from iso_codes(v)
    elif isinstance(data, list):
        for v in data:
            yield from iso_codes(v)


def bodies(path: Path) -> Iterator[object]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        try:
            yield json.loads(text)
        except json.JSONDecodeError:  # a dump: one entity a line
            for line in text.splitlines():
                if line.startswith("{"):
                    yield json.loads(line.rstrip(","))
    elif path.suffix in (".yml", ".yaml"):
        cassette = yaml.safe_load(text) or {}
        for interaction in cassette.get("interactions") or cassette.get("http_interactions") or ():
            body = (interaction.get("response") or {}).get("body")
            body = body.get("string") if isinstance(body, dict) else body
            body = body or (interaction.get("response") or {}).get("content")
            if isinstance(body, str) and body.lstrip().startswith("{"):
                yield json.loads(body)


def captured(paths: list[Path]) -> dict[str, str]:
    return {code: qid for p in paths for body in bodies(p) for code, qid in iso_codes(body)}


def test_the_id_of_a_country_in_the_bundled_capture_agrees():
    assert captured([BELGIUM]) == {"BEL": "Q31"}
    assert {r["iso3"]: r["wikidata"] for r in rows()}["BEL"] == "Q31"


@pytest.mark.skipif(not SAMPLES.exists(), reason="needs ../shared/wikidata-samples")
def test_every_id_a_shared_capture_holds_agrees_with_the_table():
    paths = [p for p in SAMPLES.rglob("*") if p.suffix in (".json", ".yml", ".yaml")]
    found = captured(paths)
    table = {r["iso3"]: r["wikidata"] for r in rows()}
    assert len(found) >= 12  # BEL DNK FRA GBR EST KAZ DZA BLZ PRT HKG USA CAN
    assert {code: table.get(code) for code in found} == found


@pytest.mark.parametrize(
    "demonym,country",
    [
        ("Dutch", "Netherlands"), ("Burkinabé", "Burkina Faso"), ("Malagasy", "Madagascar"),
        ("Cypriot", "Cyprus"), ("Salvadoran", "El Salvador"), ("Bahamian", "Bahamas"),
        ("Seychellois", "Seychelles"), ("Togolese", "Togo"), ("Nigerien", "Niger"),
        ("Nigerian", "Nigeria"), ("Dominican", "Dominican Republic"), ("Turkmen", "Turkmenistan"),
        ("Congolese", "Democratic Republic of the Congo"),  # not also the Republic of the Congo
        ("Emirati", "United Arab Emirates"), ("Ugandan", "Uganda"),
    ],
)  # fmt: skip
def test_irregular_demonyms_resolve_to_their_country(demonym, country):
    assert country_of(demonym) is not None
    assert country_id(country_of(demonym) or "") == country_id(country)


def test_no_demonym_names_two_countries():
    listed = [d for r in rows() for d in r["demonyms"].split("|") if d]
    assert len(listed) == len(set(listed))


HUMAN = "Q5"


def _nationality(nlp, source: SnapshotSource, text: str):
    date = dt.date(2020, 3, 1)
    _, claims = next(extract_claims([Document(id="t", text=text, date=date)], nlp))
    (claim,) = [c for c in claims if c.kind == "nationality"]
    (checked,) = verify_claims([claim], source, date)
    return checked


def test_a_demonym_links_to_the_country_item_without_a_search(nlp):
    person = doc("Q1501", "Anna Example", types=[HUMAN])
    person["claims"]["P27"] = [_item_statement("P27", "Q183")]
    # A search for "Germany" finds a band first; the table's id is the country's item.
    source = SnapshotSource(
        [
            person,
            doc("Q1502", "Germany", types=["Q215380"], description="a band"),
            doc("Q183", "Germany", aliases=["Deutschland"], types=["Q6256"]),
        ]
    )
    checked = _nationality(nlp, source, "German striker Anna Example scored twice.")
    assert checked.fields["place"]["wikidata"] == "Q183"
    assert (checked.verification.verdict, checked.verification.reason) == ("supported", "match")


def test_an_item_the_table_names_under_another_name_is_not_trusted(nlp):
    """A wrong id in the table (here Q183 is a band) must not set the person's citizenship
    against the wrong item: the mention is searched by its name instead."""
    person = doc("Q1501", "Anna Example", types=[HUMAN])
    person["claims"]["P27"] = [_item_statement("P27", "Q1600")]
    source = SnapshotSource(
        [
            person,
            doc("Q183", "Die Prinzen", types=["Q215380"], description="a band"),
            doc("Q1600", "Germany", types=["Q6256"]),
        ]
    )
    checked = _nationality(nlp, source, "German striker Anna Example scored twice.")
    assert (checked.verification.verdict, checked.verification.reason) == ("supported", "match")


def test_a_country_the_source_lacks_by_id_is_searched_by_its_name(nlp):
    person = doc("Q1501", "Anna Example", types=[HUMAN])
    person["claims"]["P27"] = [_item_statement("P27", "Q1600")]
    source = SnapshotSource([person, doc("Q1600", "Germany", types=["Q6256"])])
    checked = _nationality(nlp, source, "German striker Anna Example scored twice.")
    assert (checked.verification.verdict, checked.verification.reason) == ("supported", "match")

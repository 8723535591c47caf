"""Band and group membership: "Take That singer X", "former Take That singer X", "X, a former
member of Take That,", "X, the Beatles' drummer,", "X of the Rolling Stones" give
`group_membership` claims, checked against member of (P463) on the person and has part (P527) on
the group, with their start and end qualifiers, as of the article's date.

No captured Wikidata response holds a band or a musician, so the bands and people of the first
tables are written by hand in Wikidata's JSON (in memory), after their real histories (Robbie
Williams left Take That in 1995 and was back 2010–2012). The qualifier logic itself is also run
on a REAL capture: Belgium (Q31) as the 2017 dump head holds it, a member of the European Union
since 1957-03-25 and of the European Coal and Steel Community from 1951 to 2002 (year precision).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from claimcheck.extract import extract_claims
from claimcheck.model import Document
from claimcheck.sources.snapshot import SnapshotSource
from claimcheck.verify.stage import verify_claims
from tests.test_link import _item_statement, doc
from tests.test_teams import _time

HUMAN, BAND = "Q5", "Q215380"  # human, musical group
BELGIUM = Path(__file__).parent / "data" / "wikidata" / "dump2017_Q31-belgium.json"


def _spell(pid: str, item: str, start: str | None = None, end: str | None = None) -> dict:
    statement = _item_statement(pid, item)
    statement["qualifiers"] = {}
    if start:
        statement["qualifiers"]["P580"] = [_time(start)]
    if end:
        statement["qualifiers"]["P582"] = [{**_time(end), "property": "P582"}]
    return statement


@pytest.fixture(scope="module")
def world() -> SnapshotSource:
    robbie = doc("Q1201", "Robbie Williams", types=[HUMAN])
    robbie["claims"]["P463"] = [
        _spell("P463", "Q1210", "1990-07-01", "1995-07-17"),
        _spell("P463", "Q1210", "2010-07-15", "2012-12-31"),
    ]
    gary = doc("Q1202", "Gary Barlow", types=[HUMAN])
    gary["claims"]["P463"] = [_spell("P463", "Q1210", "1990-07-01")]
    howard = doc("Q1203", "Howard Donald", types=[HUMAN])
    howard["claims"]["P463"] = [_spell("P463", "Q1210")]  # undated: says nothing of when
    mark = doc("Q1204", "Mark Owen", types=[HUMAN])  # no statement at all
    take_that = doc("Q1210", "Take That", types=[BAND])
    ringo = doc("Q1221", "Ringo Starr", types=[HUMAN])  # the band holds him, he holds nothing
    john = doc("Q1222", "John Lennon", types=[HUMAN])
    beatles = doc("Q1220", "The Beatles", aliases=["Beatles"], types=[BAND])
    beatles["claims"]["P527"] = [
        _spell("P527", "Q1221", "1962-08-18", "1970-04-10"),
        _spell("P527", "Q1222", "1960-08-01", "1970-04-10"),
    ]
    mick = doc("Q1231", "Mick Jagger", types=[HUMAN])
    mick["claims"]["P463"] = [_spell("P463", "Q1230", "1962-07-12")]
    stones = doc("Q1230", "The Rolling Stones", aliases=["Rolling Stones"], types=[BAND])
    people = [robbie, gary, howard, mark, ringo, john, mick]
    return SnapshotSource([*people, take_that, beatles, stones])


def group_claims(nlp, text: str, date: dt.date):
    _, claims = next(extract_claims([Document(id="t", text=text, date=date)], nlp))
    return [c for c in claims if c.kind == "group_membership"]


def verdicts(nlp, world, text: str, date: dt.date) -> dict[str, tuple[str, str]]:
    checked = verify_claims(group_claims(nlp, text, date), world, date)
    return {
        f"{c.fields['person']['text']}: {c.fields['status']} {c.fields['group']['text']}": (
            c.verification.verdict,
            c.verification.reason,
        )
        for c in checked
    }


TUNE = [
    # "<Group> <role> X"
    ("Take That singer Gary Barlow said the tour would go ahead.", dt.date(2020, 3, 1),
     {"Gary Barlow: member Take That": ("supported", "match")}),
    ("Former Take That singer Robbie Williams released a new album.", dt.date(2005, 3, 1),
     {"Robbie Williams: former Take That": ("supported", "match")}),
    ("Former Take That singer Robbie Williams released a new album.", dt.date(2011, 3, 1),
     {"Robbie Williams: former Take That": ("contradicted", "still_held_at_date")}),
    ("Beatles drummer Ringo Starr played in Hamburg.", dt.date(1965, 3, 1),
     {"Ringo Starr: member Beatles": ("supported", "match")}),
    # "X, a (former) member of <Group>,"
    ("Robbie Williams, a former member of Take That, said he was happy.", dt.date(2000, 3, 1),
     {"Robbie Williams: former Take That": ("supported", "match")}),
    ("Robbie Williams, a member of Take That, said he was happy.", dt.date(2000, 3, 1),
     {"Robbie Williams: member Take That": ("contradicted", "not_held_at_date")}),
    ("Robbie Williams, a member of Take That, said he was happy.", dt.date(2011, 3, 1),
     {"Robbie Williams: member Take That": ("supported", "match")}),
    # "X, the <Group>'s <role>,"
    ("Ringo Starr, the Beatles' drummer, said the album was finished.", dt.date(1965, 3, 1),
     {"Ringo Starr: member Beatles": ("supported", "match")}),
    ("Ringo Starr, the Beatles' drummer, said the album was finished.", dt.date(1980, 3, 1),
     {"Ringo Starr: member Beatles": ("contradicted", "not_held_at_date")}),
    ("Ringo Starr, the former Beatles drummer, said he would tour.", dt.date(1980, 3, 1),
     {"Ringo Starr: former Beatles": ("supported", "match")}),
    # "X of the <Group>"
    ("Mick Jagger of the Rolling Stones said the band would tour.", dt.date(2019, 3, 1),
     {"Mick Jagger: member Rolling Stones": ("supported", "match")}),
    ("John Lennon of the Beatles said the band would not tour.", dt.date(1966, 8, 1),
     {"John Lennon: member Beatles": ("supported", "match")}),
    ("John Lennon of the Beatles said the band would not tour.", dt.date(1975, 8, 1),
     {"John Lennon: member Beatles": ("contradicted", "not_held_at_date")}),
    # honest abstentions
    ("Take That singer Mark Owen said the tour would go ahead.", dt.date(2020, 3, 1),
     {"Mark Owen: member Take That": ("not_checked", "no_statement")}),
    ("Former Take That singer Howard Donald said he was happy.", dt.date(2020, 3, 1),
     {"Howard Donald: former Take That": ("not_checked", "no_statement_at_date")}),
    ("Take That singer Howard Donald said he was happy.", dt.date(2020, 3, 1),
     {"Howard Donald: member Take That": ("supported", "match")}),  # undated counts, as roles
    ("Mick Jagger, a member of Take That, said he was happy.", dt.date(2020, 3, 1),
     {"Mick Jagger: member Take That": ("not_checked", "no_statement_at_date")}),  # never "no"
    ("Gary Barlow, a member of Westlife, said he was happy.", dt.date(2020, 3, 1),
     {"Gary Barlow: member Westlife": ("not_checked", "no_entity_link")}),
]  # fmt: skip


@pytest.mark.parametrize("text,date,expected", TUNE)
def test_group_membership_as_of_the_article_date(nlp, world, text, date, expected):
    assert verdicts(nlp, world, text, date) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Arsenal manager Mikel Arteta said the team was tired.",  # a club's head, not a band
        "Antonio Guterres of the United Nations said the talks would go on.",
        "Joe Biden of the United States met leaders.",
        "Take That played Wembley, Gary Barlow said.",  # no role word, no "of"
        "Grammy-winning singer Adele said she would tour.",  # a description, not a band
        "British singer Adele said she would tour.",  # a nationality
    ],
)
def test_no_group_membership_without_a_band_phrase(nlp, text):
    assert group_claims(nlp, text, dt.date(2020, 3, 1)) == []


def test_a_former_member_is_no_plain_membership_claim(nlp):
    # The model tags "Coldplay" ORG; the membership reader alone made "X is a member" of it.
    text = "Chris Martin, a former member of Coldplay, said he was happy."
    _, claims = next(extract_claims([Document(id="t", text=text, date=dt.date(2020, 1, 1))], nlp))
    kinds = {(c.kind, c.value.get("status")) for c in claims if "member" in c.kind}
    assert kinds == {("group_membership", "former")}


def test_the_claim_says_the_person_the_group_and_the_role(nlp):
    text = "Former Take That singer Robbie Williams sang."
    (claim,) = group_claims(nlp, text, dt.date(2005, 1, 1))
    assert claim.value == {
        "person": "Robbie Williams",
        "group": "Take That",
        "status": "former",
        "role": "singer",
    }
    assert claim.text == "Take That singer Robbie Williams"


# --- the qualifier logic on a REAL capture: Belgium's memberships in the 2017 dump head ---


@pytest.fixture(scope="module")
def belgium():
    source = SnapshotSource(
        [
            json.loads(BELGIUM.read_text(encoding="utf-8")),
            # the organizations' own items are not in the capture: labels only, by hand
            doc("Q458", "European Union", types=["Q43229"]),
            doc("Q161549", "European Coal and Steel Community", types=["Q43229"]),
        ]
    )
    return source.entities(["Q31", "Q458", "Q161549"])


@pytest.mark.parametrize(
    "group,status,date,expected",
    [
        ("Q458", "member", dt.date(2010, 1, 1), ("supported", "match")),
        ("Q458", "former", dt.date(2010, 1, 1), ("contradicted", "still_held_at_date")),
        ("Q161549", "member", dt.date(1990, 1, 1), ("supported", "match")),
        ("Q161549", "member", dt.date(2010, 1, 1), ("contradicted", "not_held_at_date")),
        ("Q161549", "former", dt.date(2010, 1, 1), ("supported", "match")),
        ("Q161549", "former", dt.date(1990, 1, 1), ("contradicted", "still_held_at_date")),
        ("Q161549", "former", dt.date(2002, 6, 1), ("not_checked", "date_too_coarse")),
    ],
)
def test_member_of_qualifiers_on_a_real_capture(belgium, group, status, date, expected):
    from claimcheck.verify.facts import Facts
    from claimcheck.verify.groups import judge

    got = judge(status, belgium["Q31"], belgium[group], Facts(entities=belgium), date, "the claim")
    assert (got.verdict, got.reason) == expected


# --- held-out: written after the rules above, never tuned on (docs/people.md reports both) ---


@pytest.fixture(scope="module")
def held_world() -> SnapshotSource:
    noel = doc("Q1301", "Noel Gallagher", types=[HUMAN])
    noel["claims"]["P463"] = [_spell("P463", "Q1310", "1991-10-01", "2009-08-28")]
    dave = doc("Q1302", "Dave Grohl", types=[HUMAN])
    dave["claims"]["P463"] = [_spell("P463", "Q1320", "1990-09-01", "1994-04-05")]
    daniel = doc("Q1303", "Daniel Williams", types=[HUMAN])
    chris = doc("Q1304", "Chris Martin", types=[HUMAN])
    oasis = doc("Q1310", "Oasis", types=[BAND])
    nirvana = doc("Q1320", "Nirvana", types=[BAND])
    prada = doc("Q1330", "The Devil Wears Prada", types=[BAND])
    prada["claims"]["P527"] = [_spell("P527", "Q1303", "2005-01-01", "2016-07-01")]
    coldplay = doc("Q1340", "Coldplay", types=[BAND])
    coldplay["claims"]["P527"] = [_spell("P527", "Q1304", "1996-01-01")]
    return SnapshotSource([noel, dave, daniel, chris, oasis, nirvana, prada, coldplay])


MISSED = pytest.mark.xfail(strict=True, reason="phrasing not read yet")
HELD_OUT = [
    ("Oasis guitarist Noel Gallagher walked out of the tour.", dt.date(2005, 3, 1),
     {"Noel Gallagher: member Oasis": ("supported", "match")}),
    ("Ex-Oasis guitarist Noel Gallagher released a solo album.", dt.date(2012, 3, 1),
     {"Noel Gallagher: former Oasis": ("supported", "match")}),
    ("Noel Gallagher, Oasis's lead guitarist, said the band was over.", dt.date(2012, 3, 1),
     {"Noel Gallagher: member Oasis": ("contradicted", "not_held_at_date")}),
    ("Dave Grohl, the former drummer of Nirvana, said he was happy.", dt.date(2000, 3, 1),
     {"Dave Grohl: former Nirvana": ("supported", "match")}),
    ("Nirvana drummer Dave Grohl played in Seattle.", dt.date(1992, 3, 1),
     {"Dave Grohl: member Nirvana": ("supported", "match")}),
    ("Former Nirvana drummer Dave Grohl played in Seattle.", dt.date(1993, 3, 1),
     {"Dave Grohl: former Nirvana": ("contradicted", "still_held_at_date")}),
    ("Chris Martin, Coldplay's frontman, said the tour would go on.", dt.date(2020, 3, 1),
     {"Chris Martin: member Coldplay": ("supported", "match")}),
    pytest.param(
        "Dave Grohl, formerly of Nirvana, said he was happy.", dt.date(2000, 3, 1),
        {"Dave Grohl: former Nirvana": ("supported", "match")}, marks=MISSED),
    pytest.param(  # the shared corpus's sentence (wpce 2025): a genre word before the band
        "Six people are presumed dead, including Daniel Williams, former drummer of metalcore "
        "band The Devil Wears Prada.", dt.date(2025, 5, 22),
        {"Daniel Williams: former The Devil Wears Prada": ("supported", "match")}, marks=MISSED),
    pytest.param(
        "Coldplay's Chris Martin said the tour would go on.", dt.date(2020, 3, 1),
        {"Chris Martin: member Coldplay": ("supported", "match")}, marks=MISSED),
]  # fmt: skip


@pytest.mark.parametrize("text,date,expected", HELD_OUT)
def test_held_out_group_membership(nlp, held_world, text, date, expected):
    assert verdicts(nlp, held_world, text, date) == expected


def test_the_new_kinds_write_records_the_schema_accepts(nlp, world):
    from claimcheck.render import schema

    text = (
        "Former Take That singer Robbie Williams met German striker Anna Example and "
        "Tate director Maria Balshaw. Sergey Ignatyev, head of the Bank of Russia, spoke."
    )
    date = dt.date(2005, 3, 1)
    _, claims = next(extract_claims([Document(id="t", text=text, date=date)], nlp))
    checked = verify_claims(claims, world, date)
    kinds = {c.kind for c in checked}
    assert {"group_membership", "nationality", "role"} <= kinds
    for claim in checked:
        assert schema.errors(json.loads(json.dumps(claim.to_dict(), default=str))) == []

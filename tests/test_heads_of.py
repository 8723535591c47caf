"""Heads "of" an organization and national coaches: "X, head of the Bank of Russia", "the head of
the Bank of Russia, X", "CEO X of Y", "Chairman X of the Federal Reserve" (the organization after
the name), "England coach X" and "national coach X" (a national team: not linked, not checked).

No captured Wikidata response holds a central bank's or a company's heads with dates, so the
organizations below are written by hand in Wikidata's JSON (in memory), after real histories
(Elvira Nabiullina chairs the Bank of Russia from 2013-06-24, Sergey Ignatyev before her;
Jerome Powell chairs the Federal Reserve from 2018-02-05, Janet Yellen 2014-02-03 – 2018-02-03).
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.extract import extract_claims
from claimcheck.model import Document
from claimcheck.sources.snapshot import SnapshotSource
from claimcheck.verify.stage import verify_claims
from tests.test_groups import _spell
from tests.test_link import doc

HUMAN, BANK, BUSINESS = "Q5", "Q66344", "Q4830453"  # human, central bank, business


@pytest.fixture(scope="module")
def world() -> SnapshotSource:
    bank = doc("Q1400", "Bank of Russia", types=[BANK])
    bank["claims"]["P488"] = [
        _spell("P488", "Q1402", "2002-03-20", "2013-06-23"),  # Sergey Ignatyev
        _spell("P488", "Q1401", "2013-06-24"),  # Elvira Nabiullina
    ]
    fed = doc("Q1420", "Federal Reserve", types=[BANK])
    fed["claims"]["P488"] = [
        _spell("P488", "Q1422", "2014-02-03", "2018-02-03"),  # Janet Yellen
        _spell("P488", "Q1421", "2018-02-05"),  # Jerome Powell
    ]
    acme = doc("Q1410", "Acme Motors", types=[BUSINESS])
    acme["claims"]["P169"] = [
        _spell("P169", "Q1412", "2010-09-01", "2014-01-14"),  # Dan Akerson
        _spell("P169", "Q1411", "2014-01-15"),  # Mary Barra
    ]
    people = [
        doc("Q1401", "Elvira Nabiullina", types=[HUMAN]),
        doc("Q1402", "Sergey Ignatyev", types=[HUMAN]),
        doc("Q1411", "Mary Barra", types=[HUMAN]),
        doc("Q1412", "Dan Akerson", types=[HUMAN]),
        doc("Q1421", "Jerome Powell", types=[HUMAN]),
        doc("Q1422", "Janet Yellen", types=[HUMAN]),
        doc("Q1431", "Gareth Southgate", types=[HUMAN]),
        doc("Q1432", "Lee Example", types=[HUMAN]),
    ]
    return SnapshotSource([bank, fed, acme, *people])


NOT_BUILT = pytest.mark.xfail(strict=True, reason="not built yet")
UNBUILT: set[str] = set()  # the phrasings no rule reads yet


def marked(rows):
    return [pytest.param(*r, marks=NOT_BUILT) if r[0] in UNBUILT else r for r in rows]


def roles(nlp, text: str, date: dt.date | None = None):
    _, claims = next(extract_claims([Document(id="t", text=text, date=date)], nlp))
    return [c for c in claims if c.kind == "role"]


def _text(claim, name: str) -> str | None:
    value = claim.fields.get(name)
    return value.get("text") if isinstance(value, dict) else value


@pytest.mark.parametrize(
    "text,position,slot,named",
    marked([
        ("Elvira Nabiullina, head of the Bank of Russia, said rates would rise.",
         "head", "organization", "Bank of Russia"),
        ("The head of the Bank of Russia, Elvira Nabiullina, said rates would rise.",
         "head", "organization", "Bank of Russia"),
        ("CEO Mary Barra of Acme Motors said the company would grow.",
         "CEO", "organization", "Acme Motors"),
        ("Chairman Jerome Powell of the Federal Reserve said rates would stay.",
         "Chairman", "organization", "Federal Reserve"),
        ("Mark Carney, governor of the Bank of England, said rates would rise.",
         "governor", "organization", "Bank of England"),
        ("Sundar Pichai, chief executive of Google, said the company would grow.",
         "chief executive", "organization", "Google"),
        ("The England coach Gareth Southgate named his squad.", "coach", "country", "England"),
        ("Scotland manager Steve Clarke named his squad.", "manager", "country", "Scotland"),
    ]),
)  # fmt: skip
def test_the_organization_after_the_title_or_the_name(nlp, text, position, slot, named):
    (claim,) = roles(nlp, text)
    assert (claim.fields["position"], _text(claim, slot)) == (position, named)
    assert slot == "organization" or "organization" not in claim.fields


def test_head_of_the_central_bank_names_no_organization_to_link(nlp):
    (claim,) = roles(nlp, "The head of the central bank Elvira Nabiullina said rates would rise.")
    assert claim.fields["person"]["text"] == "Elvira Nabiullina"
    assert "organization" not in claim.fields  # which country's bank: not guessed


def verdicts(nlp, world, text: str, date: dt.date):
    checked = verify_claims(roles(nlp, text, date), world, date)
    return [(c.verification.verdict, c.verification.reason) for c in checked]


TUNE = [
    ("Elvira Nabiullina, head of the Bank of Russia, said rates would rise.", dt.date(2020, 3, 1),
     ("supported", "match")),
    ("Elvira Nabiullina, head of the Bank of Russia, said rates would rise.", dt.date(2010, 3, 1),
     ("contradicted", "not_held_at_date")),  # her spell came later
    ("The head of the Bank of Russia, Elvira Nabiullina, said rates would rise.",
     dt.date(2020, 3, 1), ("supported", "match")),
    ("Sergey Ignatyev, head of the Bank of Russia, said rates would rise.", dt.date(2020, 3, 1),
     ("contradicted", "not_held_at_date")),
    ("CEO Mary Barra of Acme Motors said the company would grow.", dt.date(2020, 3, 1),
     ("supported", "match")),
    ("CEO Mary Barra of Acme Motors said the company would grow.", dt.date(2012, 3, 1),
     ("contradicted", "not_held_at_date")),
    ("Chief executive Dan Akerson of Acme Motors said the company would grow.",
     dt.date(2012, 3, 1), ("supported", "match")),
    ("Chairman Jerome Powell of the Federal Reserve said rates would stay.", dt.date(2019, 3, 1),
     ("supported", "match")),
    ("Chairman Jerome Powell of the Federal Reserve said rates would stay.", dt.date(2015, 3, 1),
     ("contradicted", "not_held_at_date")),
    ("Janet Yellen, chair of the Federal Reserve, said rates would stay.", dt.date(2015, 3, 1),
     ("supported", "match")),
    # a "head" may hold another post than the chair: someone else's chair never contradicts
    ("Lee Example, head of the Bank of Russia, said rates would rise.", dt.date(2020, 3, 1),
     ("not_checked", "property_not_in_source")),
    # a national team is not linked from the country's name: never checked
    ("The England coach Gareth Southgate named his squad.", dt.date(2020, 3, 1),
     ("not_checked", "qualifier_not_in_source")),
    ("National coach Gareth Southgate named his squad.", dt.date(2020, 3, 1),
     ("not_checked", "qualifier_not_in_source")),
]  # fmt: skip


@pytest.mark.parametrize("text,date,expected", marked(TUNE))
def test_heads_of_an_organization_as_of_the_article_date(nlp, world, text, date, expected):
    assert verdicts(nlp, world, text, date) == [expected]


@pytest.mark.parametrize(
    "text",
    [  # from the shared corpus's lines: a part of the organization, a longer name, a cut name
        "An airstrike kills Abdel-Nasser Al-Maqadma, the head of the Hamas police force in Gaza.",
        "Andrew Giuliani, head of the FIFA World Cup 2026 Task Force, says the team must wait.",
        "Sami Odeh, the head of Hamas's political bureau, said the talks would go on.",
    ],
)
def test_no_head_of_a_part_or_a_longer_name(nlp, text):
    assert [c for c in roles(nlp, text) if c.fields["position"] in ("head", "chief")] == []


# --- held-out: written after the rules above, never tuned on (docs/people.md reports both) ---

MISSED = pytest.mark.xfail(strict=True, reason="held-out phrasing not read (no role claim)")
HELD_OUT = [
    ("Mary Barra, the head of Acme Motors, said the company would grow.", dt.date(2020, 3, 1),
     ("supported", "match")),
    pytest.param("Former head of the Bank of Russia Sergey Ignatyev said rates would rise.",
     dt.date(2020, 3, 1), ("supported", "match"), marks=MISSED),
    ("Chairwoman Janet Yellen of the Federal Reserve said rates would stay.",
     dt.date(2020, 3, 1), ("contradicted", "not_held_at_date")),
    pytest.param("Chief executive officer Dan Akerson of Acme Motors said it would grow.",
     dt.date(2020, 3, 1), ("contradicted", "not_held_at_date"), marks=MISSED),
    ("Wales manager Gareth Southgate named his squad.", dt.date(2020, 3, 1),
     ("not_checked", "qualifier_not_in_source")),
]  # fmt: skip


@pytest.mark.parametrize("text,date,expected", HELD_OUT)
def test_held_out_heads_of(nlp, world, text, date, expected):
    assert verdicts(nlp, world, text, date) == [expected]

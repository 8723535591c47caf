"""Internal-consistency rules on claims built by hand, so each rule is tested apart from the
extractor: the values below are what the extraction issue promises a claim carries."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.consistency import CHECKS, RULES, find_inconsistencies
from claimcheck.extract.claims import make_claim
from claimcheck.model import Claim, Document, Span
from claimcheck.render.schema import errors

DATA = Path(__file__).resolve().parent / "data"
SEED = Path(__file__).resolve().parent.parent / "examples" / "nato-russia-council.txt"

WEDNESDAY = dt.date(2022, 1, 12)


def doc(text: str, date: dt.date | None = WEDNESDAY) -> Document:
    return Document(id="t", text=text, date=date, date_source="option" if date else "none")


def claim(
    document: Document,
    kind: str,
    text: str,
    value: dict[str, Any],
    nth: int = 0,
    line: int | None = None,
    **fields: Any,
) -> Claim:
    """A claim over the nth occurrence of `text` (on `line`, when given)."""
    starts = [i for i in range(len(document.text)) if document.text.startswith(text, i)]
    if line is not None:
        starts = [i for i in starts if document.text.count("\n", 0, i) + 1 == line]
    start = starts[nth]
    line_start = document.text.rfind("\n", 0, start) + 1
    line_end = document.text.find("\n", start)
    sentence = document.text[line_start : line_end if line_end >= 0 else None]
    return make_claim(document, kind, Span(start, start + len(text)), sentence, value, fields)


def rules(document: Document, claims: list[Claim] = ()) -> list[str]:
    return [f.rule for f in find_inconsistencies(document, claims)]


# --- the seed article, with the claims its expected file lists -------------------------------


def seed_claims(document: Document) -> list[Claim]:
    claims = []
    for line in (DATA / "nato-russia-council.expected.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        if (
            row.get("negative")
            or "line" not in row
            or row["kind"] not in ("count", "duration", "date", "ordinal")
        ):
            continue
        fields = {k: row[k] for k in ("counted", "subject", "total", "place") if k in row}
        claims.append(
            claim(document, row["kind"], row["contains"], row["value"], line=row["line"], **fields)
        )
    return claims


@pytest.fixture(scope="module")
def seed() -> tuple[Document, list[Claim]]:
    document = doc(SEED.read_text("utf-8"))
    return document, seed_claims(document)


def test_seed_reports_the_troop_bounds_and_nothing_else(seed):
    document, claims = seed
    findings = find_inconsistencies(document, claims)
    assert [f.rule for f in findings] == ["CC503"]
    (finding,) = findings
    assert finding.line == 72
    assert [document.text[s.start : s.end] for s in finding.spans] == ["100,000", "100,000"]
    assert [document.text.count("\n", 0, s.start) + 1 for s in finding.spans] == [6, 72]
    assert "more than 100,000" in finding.message and "up to 100,000" in finding.message
    assert finding.severity == "warning" and 0.5 <= finding.confidence < 1


def test_seed_without_claims_has_no_text_finding(seed):
    document, _ = seed
    assert rules(document) == []


def test_findings_validate_against_the_schema(seed):
    document, claims = seed
    for finding in find_inconsistencies(document, claims):
        assert errors(finding.to_dict(), "finding") == []


def test_every_rule_has_a_registry_entry():
    assert set(CHECKS) == set(RULES)
    for code, (name, severity, summary) in RULES.items():
        assert code.startswith("CC5") and name and summary
        assert severity in ("error", "warning")


# --- CC503 / CC504: the same figure twice ----------------------------------------------------


def count(document, text, amount, modifier=None, nth=0, lower=None, upper=None, **fields):
    value = {"amount": amount, "modifier": modifier, "lower": lower, "upper": upper}
    return claim(document, "count", text, value, nth=nth, **fields)


TWO_PARAGRAPHS = "{a} Russian troops are near the border.\n\nRussia has {b} troops at the border."


@pytest.mark.parametrize(
    ("a", "mod_a", "b", "mod_b", "expected"),
    [
        ("more than 100,000", "more than", "up to 100,000", "up to", ["CC503"]),
        ("nearly 300", "nearly", "more than 300", "more than", ["CC503"]),
        ("more than 100,000", "more than", "about 110,000", "about", []),
        ("more than 100,000", "more than", "100,000", None, []),  # a round figure may be 104,000
        ("at least 300", "at least", "up to 300", "up to", []),  # both allow exactly 300
        ("30", None, "31", None, ["CC504"]),
        ("100,000", None, "104,000", None, []),
        ("100,000", None, "150,000", None, ["CC504"]),
    ],
)
def test_bounds_and_values_of_one_figure(a, mod_a, b, mod_b, expected):
    document = doc(TWO_PARAGRAPHS.format(a=a, b=b))
    number = lambda t: int(t.split()[-1].replace(",", ""))  # noqa: E731
    claims = [
        count(document, a, number(a), mod_a, counted="troops", subject="Russian"),
        count(document, b, number(b), mod_b, counted="troops"),
    ]
    assert rules(document, claims) == expected


def test_different_subjects_are_not_paired():
    document = doc(
        "More than 100,000 Russian troops are near the border.\n\n"
        "Belarus has deployed up to 30,000 troops for drills."
    )
    claims = [
        count(document, "More than 100,000", 100000, "more than", counted="troops"),
        count(document, "up to 30,000", 30000, "up to", counted="troops"),
    ]
    assert rules(document, claims) == []


def test_figures_told_as_a_change_are_not_paired():
    document = doc(
        "In March, fewer than 10,000 troops were near the border.\n\n"
        "The number has since grown to more than 100,000 troops."
    )
    claims = [
        count(document, "fewer than 10,000", 10000, "fewer than", counted="troops"),
        count(document, "more than 100,000", 100000, "more than", counted="troops"),
    ]
    assert rules(document, claims) == []


def test_figures_in_two_list_items_are_not_paired():
    """A news digest: each bullet is another story."""
    document = doc(
        "* More than 100,000 Russian troops are near the border.\n"
        "* Russia has up to 100,000 troops at the border."
    )
    claims = [
        count(document, "More than 100,000", 100000, "more than", counted="troops"),
        count(document, "up to 100,000", 100000, "up to", counted="troops"),
    ]
    assert rules(document, claims) == []


def test_figures_far_apart_are_different_figures():
    document = doc(
        "At least 13 people were killed in the strike on the city, officials said.\n\n"
        "Officials said four people were killed in the strike on the city."
    )
    claims = [
        count(document, "At least 13", 13, "at least", counted="people"),
        count(document, "four", 4, counted="people"),
    ]
    assert rules(document, claims) == []


def test_partitive_figures_are_not_paired():
    document = doc("Police held 300 protesters.\n\nUp to 100 of the protesters were charged.")
    claims = [
        count(document, "300", 300, counted="protesters"),
        count(document, "Up to 100", 100, "up to", counted="protesters"),
    ]
    assert rules(document, claims) == []


@pytest.mark.parametrize(
    ("body", "amount", "expected"),
    [
        ("$2.5 billion", "2500000000", ["CC504"]),
        ("$2.04 billion", "2040000000", []),
        ("$2 billion", "2000000000", []),
    ],
)
def test_money_headline_against_body(body, amount, expected):
    document = doc(
        f"EU approves $2bn aid package\n\nThe EU approved a {body} aid package on Tuesday."
    )
    claims = [
        claim(document, "money", "$2bn", {"amount": 2000000000, "unit": "USD"}),
        claim(document, "money", body, {"amount": amount, "unit": "USD"}),
    ]
    assert rules(document, claims) == expected


def test_money_in_other_currencies_is_not_compared():
    document = doc("EU approves €2bn aid package\n\nThe US approved a $2.5 billion aid package.")
    claims = [
        claim(document, "money", "€2bn", {"amount": 2000000000, "unit": "EUR"}),
        claim(document, "money", "$2.5 billion", {"amount": 2500000000, "unit": "USD"}),
    ]
    assert rules(document, claims) == []


# --- CC506 / CC507 / CC509 / CC510 / CC502 on claims ----------------------------------------


def test_ordinal_claim_above_its_total():
    document = doc("It was the fourth of three meetings.")
    bad = claim(document, "ordinal", "fourth of three", {"amount": 4}, total=3)
    assert rules(document, [bad]) == ["CC506"]
    assert find_inconsistencies(document, [bad])[0].claims == (bad.id,)


def test_ordinal_claim_within_its_total():
    document = doc("It was the second of three meetings.")
    assert (
        rules(document, [claim(document, "ordinal", "second of three", {"amount": 2}, total=3)])
        == []
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In the referendum, 56% voted in favour and 48% voted against.", ["CC507"]),
        ("In the referendum, 56% voted in favour and 44% voted against.", []),
        ("In the referendum, 50.4% voted in favour and 49.8% voted against.", ["CC507"]),
        ("Some 60% of respondents use Facebook and 70% use YouTube.", []),
        ("Support rose to 60% from 45% last year, while opposition fell to 50%.", []),
    ],
)
def test_shares_of_one_whole(text, expected):
    document = doc(text)
    percents = [m for m in text.replace(",", " ").split() if m.endswith("%")]
    claims = [
        claim(document, "percent", p, {"amount": p[:-1], "unit": "percent"}) for p in percents
    ]
    assert rules(document, claims) == expected


def duration(document, text, hours, modifier=None, approximate=False):
    value = {
        "amount": hours,
        "unit": "hour",
        "seconds": hours * 3600,
        "iso": f"PT{hours}H",
        "modifier": modifier,
        "approximate": approximate,
    }
    return claim(document, "duration", text, value)


@pytest.mark.parametrize(
    ("text", "phrase", "hours", "modifier", "expected"),
    [
        ("The four-hour meeting ran from 10:00 to 12:00.", "four-hour", 4, None, ["CC509"]),
        ("The four-hour meeting ran from 10:00 to 13:45.", "four-hour", 4, None, []),
        ("The four-hour meeting ran from 10 a.m. to 2 p.m.", "four-hour", 4, None, []),
        # two places, maybe two time zones: the clock times cannot be subtracted
        (
            "The eight-hour flight took off at 9 a.m. and landed at noon local time.",
            "eight-hour",
            8,
            None,
            [],
        ),
        (
            "The eight-hour session opened at 9 a.m. and closed at noon.",
            "eight-hour",
            8,
            None,
            ["CC509"],
        ),
        (
            "The talks lasted more than seven hours. The talks began at 9 a.m. and ended at 1 p.m.",
            "more than seven hours",
            7,
            "more than",
            ["CC509"],
        ),
        (
            "The two-hour meeting began at 9 a.m. Voting ran from 3 p.m. to 4 p.m.",
            "two-hour",
            2,
            None,
            [],
        ),
    ],
)
def test_duration_against_clock_times(text, phrase, hours, modifier, expected):
    document = doc(text)
    assert rules(document, [duration(document, phrase, hours, modifier)]) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "iso", "expected"),
    [
        (
            "The treaty was signed on March 3, 2023, after years of talks.",
            "March 3, 2023",
            "2023-03-03",
            ["CC510"],
        ),
        (
            "The treaty was signed on March 3, 2021, after years of talks.",
            "March 3, 2021",
            "2021-03-03",
            [],
        ),
        (
            "Elections will be held on May 5, 2021, the commission said.",
            "May 5, 2021",
            "2021-05-05",
            ["CC510"],
        ),
        (
            "Elections will be held on May 5, 2022, the commission said.",
            "May 5, 2022",
            "2022-05-05",
            [],
        ),
        ("The deal could be signed in 2023, officials said.", "2023", "2023", []),
        ("Talks resumed in January 2022.", "January 2022", "2022-01", []),
    ],
)
def test_tense_against_document_date(text, phrase, iso, expected):
    document = doc(text)
    precision = {4: "year", 7: "month", 10: "day"}[len(iso)]
    value = {"date": iso, "precision": precision, "relative": False}
    assert rules(document, [claim(document, "date", phrase, value)]) == expected


def test_tense_needs_a_document_date():
    document = doc("The treaty was signed on March 3, 2023.", date=None)
    value = {"date": "2023-03-03", "precision": "day", "relative": False}
    assert rules(document, [claim(document, "date", "March 3, 2023", value)]) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministers met this Friday in Vienna.", ["CC502"]),
        ("The ministers met next Tuesday in Vienna.", ["CC502"]),
        ("Earlier this week, on Friday, the ministers met in Vienna.", ["CC502"]),
        ("Earlier this week, on Monday, the ministers met in Vienna.", []),
        # news style: a bare past weekday is within the last seven days, here last Thursday
        ("The ministers met on Thursday in Vienna.", []),
        ("The ministers will meet on Friday in Vienna.", []),
        ("The ministers will meet next Tuesday in Vienna.", []),
    ],
)
def test_relative_weekday_told_as_past(text, expected):
    document = doc(text)  # a Wednesday
    value = {"date": "2022-01-13", "precision": "day", "relative": True}
    claims = [claim(document, "date", w, value) for w in ("Thursday",) if w in text]
    assert rules(document, claims) == expected


# --- ordering ---------------------------------------------------------------------------------


def test_findings_come_in_document_order_and_repeat_exactly():
    text = (
        "It was the fourth of three meetings. Gas came from three countries: Norway, Qatar. "
        "They met on Tuesday, January 12, 2022."
    )
    first = find_inconsistencies(doc(text), [])
    assert [f.rule for f in first] == ["CC506", "CC508", "CC501"]
    assert first == find_inconsistencies(doc(text), [])


# words the rules look for, so that random texts reach deep into every pattern
WORDS = (
    "Tuesday, Wed. January 12, 2022 (Monday) yesterday next this Earlier week three two countries: "
    "Norway, Qatar and Bosnia Herzegovina fourth 5th of 31 30 member states Russia in a forum "
    "people were killed: seven soldiers including from 10:00 to 12:00 10 a.m. noon 1:30 p.m. - — "
    "( ) . ; 56% voted favour against 0 00"
).split()


@settings(max_examples=150, deadline=None)
@given(st.text() | st.lists(st.sampled_from([*WORDS, "\n", "\n\n"])).map(" ".join))
def test_any_text_gives_findings_inside_it(text):
    document = doc(text)
    for finding in find_inconsistencies(document, []):
        assert all(0 <= s.start <= s.end <= len(text) for s in finding.spans)
        assert finding.rule in RULES

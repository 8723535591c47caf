"""The seed article's role, membership, membership_count, location and person_name lines hold,
and its numbers carry the right subject and place (the expected.jsonl next to it)."""

from __future__ import annotations

import json

import pytest
from conftest import DATA, SEED
from test_entities import EVAL

from claimcheck.extract.claims import make_claim
from claimcheck.extract.entities import attach_context, entity_claims, might_hold_entities
from claimcheck.model import Claim, Document, Span

ENTITY_KINDS = ("role", "membership", "membership_count", "location", "person_name")
CONTEXT_FIELDS = ("subject", "place")
ENTITY_FIELDS = (
    "person",
    "position",
    "organization",
    "country",
    "party",
    "state",
    "member",
    "place",
)
EXPECTED = [
    json.loads(line)
    for line in (DATA / "nato-russia-council.expected.jsonl").read_text("utf-8").splitlines()
    if line.strip()
]


@pytest.fixture(scope="module")
def seed() -> Document:
    return Document(id="seed", text=SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def parsed(nlp, seed: Document) -> list[tuple[int, object]]:
    """Sentences as the extractor would hand them over: only those the pre-filter lets through."""
    return [(o, s) for o, s in EVAL.sentences(nlp, seed.text) if might_hold_entities(s.text)]


@pytest.fixture(scope="module")
def claims(seed: Document, parsed) -> list[Claim]:
    return [c for offset, sdoc in parsed for c in entity_claims(seed, sdoc, offset)]


def _fields(expected: dict) -> dict:
    return {k: v for k, v in expected.items() if k not in EVAL.META_KEYS and k != "value"}


def _holds(claim: Claim, expected: dict) -> bool:
    if claim.kind != expected["kind"] or claim.line != expected["line"]:
        return False
    if expected["contains"] not in claim.text:
        return False
    value_ok = all(claim.value.get(k) == v for k, v in expected.get("value", {}).items())
    return value_ok and all(
        EVAL.field_matches(claim.fields.get(k), v) for k, v in _fields(expected).items()
    )


@pytest.mark.parametrize(
    "expected",
    [e for e in EXPECTED if e.get("kind") in ENTITY_KINDS],
    ids=lambda e: f"{e['kind']}-line{e['line']}-{e['contains'][:24]}",
)
def test_seed_entity_line_holds(claims: list[Claim], expected: dict) -> None:
    near = [
        c.to_dict() for c in claims if c.kind == expected["kind"] and c.line == expected["line"]
    ]
    assert any(_holds(c, expected) for c in claims), near


def test_amanpour_is_one_name_with_its_span(claims: list[Claim], seed: Document) -> None:
    names = [
        c for c in claims if c.kind == "person_name" and c.fields["name"] == "Christianne Amanpour"
    ]
    assert len(names) == 1
    assert [seed.text[s.start : s.end] for s in names[0].fields["spans"]] == [
        "Christianne Amanpour"
    ]


def test_each_person_is_named_once_with_every_mention(claims: list[Claim], seed: Document) -> None:
    names = [c.fields["name"] for c in claims if c.kind == "person_name"]
    assert len(names) == len(set(names))
    grushko = next(
        c for c in claims if c.kind == "person_name" and c.fields["name"] == "Alexander Grushko"
    )
    said = {seed.text[s.start : s.end] for s in grushko.fields["spans"]}
    assert said == {"Alexander Grushko", "Grushko"} and grushko.fields["mentions"] >= 3


def test_no_membership_for_unnamed_members_of_congress(claims: list[Claim]) -> None:
    assert not [c for c in claims if c.kind == "membership" and c.line == 64]


@pytest.mark.parametrize(
    "expected",
    [
        e
        for e in EXPECTED
        if e.get("kind") in {"count", "duration"} and set(e) & set(CONTEXT_FIELDS)
    ],
    ids=lambda e: f"{e['kind']}-line{e['line']}-{e['contains']}",
)
def test_seed_numbers_carry_subject_and_place(seed: Document, parsed, expected: dict) -> None:
    line_start = sum(
        len(line) for line in seed.text.splitlines(keepends=True)[: expected["line"] - 1]
    )
    start = seed.text.index(expected["contains"], line_start)
    span = Span(start, start + len(expected["contains"]))
    offset, sdoc = next((o, s) for o, s in parsed if o <= start < o + len(s.text))
    claim = attach_context(
        seed, sdoc, offset, [make_claim(seed, expected["kind"], span, sdoc.text)]
    )[0]
    for name in CONTEXT_FIELDS:
        if name in expected:
            assert EVAL.field_matches(claim.fields.get(name), expected[name]), claim.fields


@pytest.fixture(scope="module")
def extracted(nlp, seed: Document) -> list[Claim]:
    """The seed through the real pipeline: the extractor's chunking calls the three hooks."""
    from claimcheck import pipeline
    from claimcheck.config import Settings
    from claimcheck.read import docdate

    document = docdate.resolve(seed, None)
    (result,) = list(pipeline.extract([document], nlp, Settings()))
    return list(result.claims)


@pytest.mark.parametrize(
    "expected",
    [e for e in EXPECTED if e.get("kind") in ENTITY_KINDS]
    + [
        e
        for e in EXPECTED
        if e.get("kind") in {"count", "duration"} and set(e) & set(CONTEXT_FIELDS)
    ],
    ids=lambda e: f"{e['kind']}-line{e['line']}-{e['contains'][:24]}",
)
def test_seed_line_holds_through_the_pipeline(extracted: list[Claim], expected: dict) -> None:
    keys = [k for k in _fields(expected) if k in ENTITY_FIELDS or k in CONTEXT_FIELDS]
    wanted = {k: expected[k] for k in keys}
    near = [
        c.to_dict() for c in extracted if c.kind == expected["kind"] and c.line == expected["line"]
    ]
    assert any(
        c.kind == expected["kind"]
        and c.line == expected["line"]
        and expected["contains"] in c.text
        and all(EVAL.field_matches(c.fields.get(k), v) for k, v in wanted.items())
        for c in extracted
    ), near

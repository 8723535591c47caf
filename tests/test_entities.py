"""The entity case table (tests/data/entity_cases.jsonl), plus the pieces that need no parse."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from claimcheck.extract.entities import attach_context, entity_claims, might_hold_entities
from claimcheck.extract.mentions import ArticleContext, canonical, defined_acronyms
from claimcheck.model import Document
from claimcheck.render.schema import errors

ROOT = Path(__file__).resolve().parent.parent
CONTEXT = {"subject", "predicate", "place"}


def _load_eval():
    spec = importlib.util.spec_from_file_location(
        "entities_eval", ROOT / "benchmarks" / "entities_eval.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["entities_eval"] = module  # dataclasses look their module up while decorating
    spec.loader.exec_module(module)
    return module


EVAL = _load_eval()
CASES = EVAL.load_cases()


def _param(case: dict) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
    return pytest.param(case, id=case["id"], marks=marks)


def test_table_is_large_and_ids_are_unique() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) >= 60 and len(set(ids)) == len(ids)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_case(nlp, case: dict) -> None:
    outcome = EVAL.evaluate(nlp, case)
    assert outcome.ok, "\n".join(EVAL.report_lines([outcome]))


@pytest.mark.parametrize("case", [_param(c) for c in CASES if not c.get("xfail")][:40])
def test_claims_index_the_text_and_validate(nlp, case: dict) -> None:
    document = Document(id=case["id"], text=case["text"])
    for claim in EVAL.run_entities(nlp, case):
        assert document.text[claim.span.start : claim.span.end] == claim.text
        record = json.loads(json.dumps(claim.to_dict()))
        assert errors(record, "claim") == [], record


def test_acronym_defined_in_the_article_becomes_its_long_form() -> None:
    text = "Talks with the Organization for Security and Co-operation in Europe (OSCE) resume."
    assert defined_acronyms(text) == {
        "OSCE": "Organization for Security and Co-operation in Europe"
    }
    ctx = ArticleContext.of(Document(id="d", text=text + " The OSCE said so."))
    assert (
        canonical("OSCE", "ORG", ctx, len(text))
        == "Organization for Security and Co-operation in Europe"
    )
    spelled = "Organization for Security and Cooperation in Europe"
    assert (
        canonical(spelled, "ORG", ctx, 0) == "Organization for Security and Co-operation in Europe"
    )


def test_brackets_that_do_not_spell_the_acronym_define_nothing() -> None:
    assert defined_acronyms("He met the ambassador (NATO) on Monday.") == {}
    assert defined_acronyms("NATO (North Atlantic Treaty Organization) met.") == {
        "NATO": "North Atlantic Treaty Organization"
    }


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("NATO leaders met on Monday. ", "NATO"),
        ("Leaders met on Monday. ", "alliance"),
        ("NATO and AUKUS leaders met on Monday. ", "alliance"),
    ],
)
def test_the_alliance_resolves_only_when_one_alliance_was_named(before: str, expected: str) -> None:
    ctx = ArticleContext.of(Document(id="d", text=before + "The alliance said so."))
    assert canonical("the alliance", "ORG", ctx, len(before)) == expected


@pytest.mark.parametrize(
    ("surface", "label", "expected"),
    [
        ("GOP", "ORG", "Republican Party"),
        ("Russian", "NORP", "Russia"),
        ("the United States", "GPE", "United States"),
        ("US", "GPE", "United States"),
    ],
)
def test_canonical_forms_from_the_tables(surface: str, label: str, expected: str) -> None:
    ctx = ArticleContext.of(Document(id="d", text=surface))
    assert canonical(surface, label, ctx, 0) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("German Chancellor Olaf Scholz arrived.", True),
        ("Finland is a member of the EU.", True),
        ("The talks took place in Geneva.", True),
        ("Sherman said no.", True),
        ("the price rose by 4 percent over the year.", False),
        ("it was not an easy discussion, he said.", False),
    ],
)
def test_prefilter_is_selective(sentence: str, expected: bool) -> None:
    assert might_hold_entities(sentence) is expected


def test_schema_rejects_a_role_without_its_person(nlp) -> None:
    case = next(c for c in CASES if c["id"] == "role-norp-title")
    role = next(c for c in EVAL.run_entities(nlp, case) if c.kind == "role").to_dict()
    assert errors(json.loads(json.dumps(role)), "claim") == []
    del role["person"]
    assert any("person" in e for e in errors(json.loads(json.dumps(role)), "claim"))


@pytest.mark.parametrize(
    "case", [_param(c) for c in CASES if c.get("numbers") and not c.get("xfail")]
)
def test_numbers_with_context_validate(nlp, case: dict) -> None:
    """The subject / predicate / place this module adds fit the schema (the claims here are
    hand-built, so their numeric `value` is left to the extractor's own tests)."""
    for expected in case["numbers"]:
        record = json.loads(json.dumps(EVAL.run_number(nlp, case, expected).to_dict()))
        ours = [e for e in errors(record, "claim") if e.split(":")[0].split("/")[0] in CONTEXT]
        assert ours == [], record


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n ",
        "(((( OSCE ))))",
        "A " * 2000 + "(",
        "Secretary, General, Minister, .",
        "“.” – Julianne Smith.",
        "The OSCE (OSCE) is the OSCE (Organization for Security) of the OSCE.",
        "President\u200b Joe\u00a0Biden said ١٢٣ members joined NATO.",
    ],
    ids=[
        "empty",
        "blank",
        "brackets",
        "long-run",
        "titles-only",
        "fragment-only",
        "self-acronym",
        "odd-chars",
    ],
)
def test_hooks_survive_odd_text(nlp, text: str) -> None:
    document = Document(id="odd", text=text)
    sdoc = nlp(text)
    claims = entity_claims(document, sdoc, 0)
    for claim in claims:
        assert text[claim.span.start : claim.span.end] == claim.text
    assert attach_context(document, sdoc, 0, []) == []


def test_a_name_first_seen_in_front_matter_is_claimed_in_the_body(nlp) -> None:
    front = "---\nauthor: Julianne Smith\n---\n"
    text = front + "US ambassador Julianne Smith spoke to Julianne Smith's staff."
    document = Document(id="fm", text=text, format="markdown", body_start=len(front))
    sdoc = nlp(text[len(front) :])
    names = [c for c in entity_claims(document, sdoc, len(front)) if c.kind == "person_name"]
    assert [(c.text, c.fields["mentions"], c.span.start) for c in names] == [
        ("Julianne Smith", 2, text.index("Julianne Smith", len(front)))
    ]


def test_prefilter_keeps_every_sentence_the_table_expects_a_claim_from(nlp) -> None:
    dropped = []
    for case in CASES:
        for _, sdoc in EVAL.sentences(nlp, case["text"]):
            wanted = [e for e in case["claims"] if e["contains"] in sdoc.text]
            if wanted and not might_hold_entities(sdoc.text):
                dropped.append((case["id"], sdoc.text))
    assert dropped == []


def test_context_keeps_what_the_extractor_said_and_leaves_dates_alone(nlp) -> None:
    from claimcheck.extract.claims import make_claim
    from claimcheck.model import Span

    text = "On Monday, NATO's 30 member states met in Brussels."
    document, sdoc = Document(id="ctx", text=text), nlp(text)
    at = text.index("30")
    count = make_claim(document, "count", Span(at, at + 2), text, {"amount": 30}, {"subject": "x"})
    date = make_claim(document, "date", Span(3, 9), text, {"date": "2022-01-10"})
    counted, dated = attach_context(document, sdoc, 0, [count, date])
    assert (
        counted.fields["subject"] == "x"
        and counted.fields["predicate"]["measure"] == "member count"
    )
    assert dated == date


@pytest.mark.parametrize(
    ("text", "organization"),
    [
        ("The European Union met. Croatia joined the bloc in 2013.", "European Union"),
        ("The European Union imposed tariffs. Indonesia has joined the BRICS trade bloc.", None),
    ],
    ids=["the-bloc-named-before", "a-bloc-with-its-own-name"],
)
def test_a_generic_referent_with_its_own_name_is_not_the_one_named_before(
    nlp, text: str, organization: str | None
) -> None:
    claims = EVAL.run_entities(nlp, {"id": "g", "text": text})
    orgs = [c.value["organization"] for c in claims if c.kind == "membership"]
    assert "European Union" not in orgs if organization is None else orgs == [organization]

"""A chunk only the entity stage wants is read by the entity recognizer alone first, and parsed
whole only where its entities could give a claim (extract/entity_gate.py, Plan.staged). The
parse of a chosen chunk is the whole pipeline's, token for token, and no claim is lost."""

from __future__ import annotations

import dataclasses

import pytest
from conftest import EXAMPLES

from claimcheck.extract import Hooks, extract_claims
from claimcheck.extract.entity_gate import needs_parse
from claimcheck.extract.lemmas import lemma
from claimcheck.extract.parsing import Plan
from claimcheck.model import Document

# The parser starts a sentence inside an entity the recognizer finds when it runs alone: the
# whole pipeline's recognizer never crosses a sentence start, so this one is recognized again.
CROSSING = (
    "* Iranian semi-official news agency Mehr News Agency reports that the former royal"
    " residence and UNESCO World Heritage Site Golestan Palace is damaged by an airstrike."
)


def _tokens(doc, read_lemma) -> list[tuple]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
        + (read_lemma(t), t.is_sent_start)
        for t in doc
    ]


def _paragraphs() -> list[str]:
    texts = [p.read_text("utf-8") for p in sorted(EXAMPLES.glob("*.md"))]
    return [line for text in texts for line in text.splitlines() if line.strip()] + [CROSSING]


def test_the_recognizer_first_then_the_parse_gives_the_whole_pipelines_tokens(nlp):
    plan = Plan.of(nlp)
    assert plan.deferred == ("tok2vec", "tagger", "parser")
    texts = _paragraphs()
    whole = list(nlp.pipe(texts))
    staged = list(plan.staged(nlp, ((t, i) for i, t in enumerate(texts)), lambda d, c: True, 16))
    assert [c for _, c, _ in staged] == list(range(len(texts)))  # in order, every one parsed
    assert all(parsed for _, _, parsed in staged)
    for a, (b, _, _) in zip(whole, staged, strict=True):
        assert _tokens(plan.finish(b), lemma) == _tokens(a, lambda t: t.lemma_)
    alone = next(nlp.pipe([CROSSING], disable=[*plan.skipped, *plan.deferred]))
    assert [e.text for e in alone.ents] != [e.text for e in whole[-1].ents]  # the case is real


def test_a_chunk_not_chosen_keeps_the_recognizers_entities_only(nlp):
    plan = Plan.of(nlp)
    texts = ["Emmanuel Macron met Joe Biden in Paris.", "The talks went well."]
    tasks = ((t, i) for i, t in enumerate(texts))
    (first, _, parsed_first), (second, _, parsed_second) = plan.staged(
        nlp, tasks, lambda doc, i: i == 0, 8
    )
    assert (parsed_first, parsed_second) == (True, False)
    assert first.has_annotation("DEP") and not second.has_annotation("DEP")
    assert [e.label_ for e in first.ents] == ["PERSON", "PERSON", "GPE"]


@pytest.mark.parametrize(
    ("text", "parse"),
    [
        # a person the recognizer finds
        ("Emmanuel Macron spoke to reporters on the plane.", True),
        # two named things: a member and an organization, a holder and a place
        ("Finland joined NATO after years of neutrality.", True),
        ("Japan and China meet in Tokyo to discuss cooperation.", True),
        # a named thing and a number: the size of an organization
        ("NATO has 32 members now.", True),
        # a name in a person's slot, whatever the recognizer made of it
        ("The paper's Jane Doe wrote the story.", True),
        ("President Gustavo Petro rejects the result.", True),
        # nothing a claim could be built from
        ("The talks went on late into the night.", False),
        ("Ukraine protested.", False),
        ("The Ministry said it was hopeful.", False),
    ],
)
def test_the_gate_parses_what_an_entity_claim_could_come_from(nlp, text, parse):
    plan = Plan.of(nlp)
    alone = next(nlp.pipe([text], disable=[*plan.skipped, *plan.deferred]))
    assert needs_parse(Document(id="t", text=text), alone, 0) is parse


def test_a_name_alone_on_the_next_line_is_a_reason_to_parse(nlp):
    text = "The ambassador told reporters the talks went well.\nJulianne Smith.\n"
    first = text.split("\n")[0]
    plan = Plan.of(nlp)
    alone = next(nlp.pipe([first], disable=[*plan.skipped, *plan.deferred]))
    assert needs_parse(Document(id="t", text=text), alone, 0)
    assert not needs_parse(Document(id="t", text=first), alone, 0)


def test_the_gate_loses_no_claim_of_the_examples(nlp):
    documents = [
        Document(id=p.name, text=p.read_text("utf-8"))
        for p in sorted(EXAMPLES.glob("*.md")) + [EXAMPLES / "nato-russia-council.txt"]
    ]
    hooks = Hooks.load()
    assert hooks is not None and hooks.needs_parse is not None
    asked: list[bool] = []

    def counted(document, doc, offset):
        asked.append(needs_parse(document, doc, offset))
        return asked[-1]

    gated = list(
        extract_claims(documents, nlp, hooks=dataclasses.replace(hooks, needs_parse=counted))
    )
    whole = list(extract_claims(documents, nlp, hooks=dataclasses.replace(hooks, needs_parse=None)))
    assert gated == whole
    assert sum(len(claims) for _, claims in whole) > 50
    assert True in asked and False in asked  # some chunks were parsed, some skipped

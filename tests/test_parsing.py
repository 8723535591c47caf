"""The parse claimcheck runs (extract/parsing.py) leaves every token as the whole pipeline does:
the attribute ruler replaced by a table, the lemmatizer asked only for the lemmas read. Where
that cannot be exact, the pipeline runs whole and the claims are the same."""

from __future__ import annotations

import pytest
import spacy
from conftest import EXAMPLES
from spacy.tokens import Doc

from claimcheck.extract import extract_claims
from claimcheck.extract.attributes import AttributeTable, Unsupported
from claimcheck.extract.lemmas import lemma
from claimcheck.extract.parsing import Plan
from claimcheck.model import Document
from claimcheck.nlp import DEFAULT_PIPELINE


def _paragraphs() -> list[str]:
    texts = [
        p.read_text("utf-8")
        for p in sorted(EXAMPLES.glob("*.md")) + [EXAMPLES / "nato-russia-council.txt"]
    ]
    return [line for text in texts for line in text.splitlines() if line.strip()]


def _tokens(doc: Doc, read_lemma) -> list[tuple]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.dep_, t.head.i, t.ent_type_, read_lemma(t))
        for t in doc
    ]


def test_the_parse_without_ruler_and_lemmatizer_gives_the_whole_pipelines_tokens(nlp):
    plan = Plan.of(nlp)
    assert plan.skipped == ("attribute_ruler", "lemmatizer")
    texts = _paragraphs()
    whole = list(nlp.pipe(texts))
    ours = [plan.finish(doc) for doc in nlp.pipe(texts, disable=plan.skipped)]
    assert sum(len(d) for d in whole) > 2_500
    for a, b in zip(whole, ours, strict=True):
        assert _tokens(b, lemma) == _tokens(a, lambda t: t.lemma_)


def test_lemmas_asked_for_are_the_lemmatizers_own(nlp):
    plan = Plan.of(nlp)
    (doc,) = [
        plan.finish(d)
        for d in nlp.pipe(["Finland joined; its members were sworn in."], disable=plan.skipped)
    ]
    assert all(t.lemma == 0 for t in doc if t.lower_ in {"joined", "members", "sworn"})
    assert [lemma(t) for t in doc if t.lower_ in {"joined", "members", "were", "sworn"}] == [
        "join",
        "member",
        "be",
        "swear",
    ]


def _ruled(patterns: list[dict]) -> tuple[Doc, Doc]:
    """A tagged, parsed doc with the patterns applied by the ruler, and by the table."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    words = ["We", "are", "gon", "na", "see", "the", "members", "\n", "in", "Oslo", "."]
    tags = ["PRP", "VBP", "VBG", "TO", "VB", "DT", "NNS", "_SP", "IN", "NNP", "."]
    heads = [1, 1, 4, 4, 1, 6, 4, 6, 4, 8, 1]
    deps = ["nsubj", "ROOT", "aux", "aux", "xcomp", "det", "dobj", "dep", "prep", "pobj", "punct"]
    doc = Doc(nlp.vocab, words=words, tags=tags, heads=heads, deps=deps)
    return ruler(doc.copy()), AttributeTable(ruler)(doc.copy())


def test_the_table_applies_patterns_as_the_ruler_does_a_later_one_winning():
    by_ruler, by_table = _ruled(
        [
            {"patterns": [[{"TAG": "NNS"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Plur"}},
            {"patterns": [[{"TAG": "NNS", "LOWER": "members"}]], "attrs": {"POS": "PROPN"}},
            {"patterns": [[{"LOWER": {"REGEX": "^mem"}}]], "attrs": {"LEMMA": "member"}},
            {"patterns": [[{"TAG": {"IN": ["VBP", "VB"]}}]], "attrs": {"POS": "VERB"}},
            {
                "patterns": [[{"TAG": {"NOT_IN": ["VBP", "VB"]}, "DEP": "aux"}]],
                "attrs": {"POS": "AUX"},
            },
            {
                "patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]],
                "attrs": {"LEMMA": "to"},
                "index": 1,
            },
            {
                "patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]],
                "attrs": {"LEMMA": "go"},
                "index": -2,
            },
            {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}},
            {"patterns": [[{"TAG": "_SP", "IS_SPACE": False}]], "attrs": {"POS": "X"}},
            {"patterns": [[{"DEP": "pobj"}], [{"DEP": "nsubj"}]], "attrs": {"MORPH": "Case=Acc"}},
            {"patterns": [[{"TAG": "VB"}]], "attrs": {"POS": "AUX"}},  # later: wins over VERB
        ]
    )
    seen = [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_) for t in by_table]
    assert seen == [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_) for t in by_ruler]
    assert [t.pos_ for t in by_table][4:7] == ["AUX", "", "PROPN"]
    assert [t.lemma_ for t in by_table][2:4] == ["go", "to"]


@pytest.mark.parametrize(
    "pattern",
    [
        [{"POS": "NOUN"}],  # set by a component the table may run after
        [{"TAG": "NN", "OP": "?"}, {"LOWER": "x"}],
        [{"LOWER": {"FUZZY": "members"}}],
    ],
)
def test_a_pattern_the_table_cannot_reproduce_is_refused(pattern):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([pattern], {"POS": "NOUN"})
    with pytest.raises(Unsupported):
        AttributeTable(ruler)


def test_a_pipeline_the_plan_cannot_reorder_runs_whole_with_the_same_claims(nlp, seed_text):
    other = spacy.load(DEFAULT_PIPELINE)
    ruler = other.add_pipe("entity_ruler")  # nothing may move past a component it cannot vet
    ruler.add_patterns([{"label": "ORG", "pattern": "Zzyzx Qorp"}])  # matches nothing here
    assert Plan.of(other).skipped == ()
    document = Document(id="seed", text=seed_text)
    ((_, ours),) = extract_claims([document], nlp)
    ((_, whole),) = extract_claims([document], other)
    assert len(ours) > 20
    assert ours == whole

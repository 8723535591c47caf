"""Large and endless inputs: chunks stay small and keep their offsets, output streams, and no
module under normalize/ reads the clock."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

import spacy

from claimcheck.extract import Hooks, extract_claims
from claimcheck.extract.chunks import MAX_CHUNK, chunks
from claimcheck.model import Document

NO_ENTITIES = Hooks(lambda text: False, lambda *args: [], lambda doc, sdoc, offset, claims: claims)


def test_a_huge_line_is_cut_into_bounded_chunks_that_keep_offsets():
    text = ("word " * 400_000) + "On Monday 5 km.\n"
    document = Document(id="big", text=text)
    pieces = list(chunks(document))
    assert all(0 < end - start <= MAX_CHUNK for start, end in pieces)
    assert "".join(text[s:e] for s, e in pieces).replace(" ", "") == text.replace(" ", "").strip()


def test_a_document_longer_than_spacys_limit_is_extracted():
    nlp = spacy.blank("en")
    nlp.max_length = 5_000
    text = "Ministers met on Monday.\n" * 2_000  # 50,000 characters
    document = Document(id="long", text=text, date=dt.date(2022, 1, 12))
    ((_, claims),) = list(extract_claims([document], nlp, hooks=NO_ENTITIES))
    assert len(claims) == 2_000
    assert {c.value["date"] for c in claims} == {"2022-01-10"}
    assert claims[-1].line == 2_000 and text[claims[-1].span.start :].startswith("Monday")


def test_results_stream_before_the_input_ends():
    nlp = spacy.blank("en")
    endless = (Document(id=str(i), text=f"It took {i + 1} hours.") for i in itertools.count())
    first = list(itertools.islice(extract_claims(endless, nlp, hooks=NO_ENTITIES), 3))
    assert [doc.id for doc, _ in first] == ["0", "1", "2"]
    assert [claims[0].value["iso"] for _, claims in first] == ["PT1H", "PT2H", "PT3H"]


def test_documents_without_candidates_keep_their_place():
    nlp = spacy.blank("en")
    docs = [
        Document(id="a", text="Nothing here."),
        Document(id="b", text="It took 3 hours."),
        Document(id="c", text="Still nothing."),
    ]
    out = list(extract_claims(docs, nlp, hooks=NO_ENTITIES))
    assert [(d.id, len(c)) for d, c in out] == [("a", 0), ("b", 1), ("c", 0)]


def test_nothing_under_normalize_reads_the_clock():
    root = Path(__file__).resolve().parent.parent / "claimcheck" / "normalize"
    clock = re.compile(r"\b(?:now|today|utcnow|time\.time|localtime)\s*\(")
    offenders = [p.name for p in root.glob("*.py") if clock.search(p.read_text("utf-8"))]
    assert offenders == []


def test_bylines_and_datelines_are_not_mined():
    nlp = spacy.blank("en")
    text = (
        "By Jane Doe and 2 others, CNN\nUpdated 10:42 AM ET, Wed January 12, 2022\n"
        "Published 3 hours ago\nTalks lasted 7 hours.\n"
    )
    document = Document(id="b", text=text, date=dt.date(2022, 1, 12))
    ((_, claims),) = list(extract_claims([document], nlp, hooks=NO_ENTITIES))
    assert [c.text for c in claims] == ["7 hours"]

"""Properties over arbitrary text: extraction never raises, every span slices back to its text,
every record validates, and a second run gives identical output."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.extract import extract_claims
from claimcheck.extract.chunks import chunks
from claimcheck.extract.scan import scan
from claimcheck.model import Document
from claimcheck.render.schema import errors

# Words that reach every pattern, mixed with arbitrary characters so the patterns also meet
# what they were not written for.
WORDS = st.sampled_from(
    "more than up to between and about roughly nearly some one two seven dozen hundred "
    "thousand million bn m k % per cent percent hours hour-long -hour days years ago last next "
    "Monday Wednesday January March May 12, 2022 in 2014 since of the second three $ £ € US$ "
    "km tonnes troops member states NATO Nord Stream 2 COVID-19 G7 10:30 a.m. 555-123-4567 "
    ". , ; - – ( ) \n \r\n \r \u00a0 \ufeff 1,000 2.5 0 99999999999999999999 1e9".split(" ")
)
TEXT = st.lists(st.one_of(WORDS, st.text(max_size=6)), min_size=0, max_size=40).map(" ".join)
ANCHORS = st.one_of(
    st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1))
)
FAST = settings(max_examples=300, deadline=None)
# Derandomized: the same 40 texts every run, so the suite is reproducible in CI; known crashes
# found by wider runs are pinned below as regression cases.
PARSED = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)


@FAST
@given(text=TEXT, anchor=ANCHORS)
def test_scan_spans_stay_inside_their_chunk(text, anchor):
    document = Document(id="h", text=text, date=anchor)
    for start, end in chunks(document):
        assert 0 <= start < end <= len(text)
        chunk = text[start:end]
        for found in scan(chunk, anchor):
            assert 0 <= found.start < found.end <= len(chunk)


def _run(nlp, text: str, anchor: dt.date | None) -> list[dict]:
    document = Document(id="h", text=text, date=anchor)
    ((_, claims),) = list(extract_claims([document], nlp))
    return [claim.to_dict() for claim in claims]


@pytest.mark.slow
@PARSED
@given(text=TEXT, anchor=ANCHORS)
def test_extraction_is_total_exact_and_repeatable(nlp, text, anchor):
    first = _run(nlp, text, anchor)
    for record in first:
        assert text[record["span"]["start"] : record["span"]["end"]] == record["text"]
        assert errors(record, "claim") == []
    assert _run(nlp, text, anchor) == first


# Superscript digits pass str.isdigit() but not int(): a footnote marker once crashed extraction.


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "member ¹",
        "It covers 5 km² and 3 m³ in ¹2 days.",
        "It covers 5 km² and 3 m³.",
    ],
)
def test_found_by_hypothesis(nlp, text):
    for record in _run(nlp, text, None):
        assert text[record["span"]["start"] : record["span"]["end"]] == record["text"]

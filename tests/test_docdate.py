"""The document date: --as-of, then metadata, then inferred from the text — or none, said so."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.model import Document
from claimcheck.read import docdate


def resolve(text: str, *, as_of: dt.date | None = None, date: dt.date | None = None) -> Document:
    source = "front_matter" if date else "none"
    return docdate.resolve(Document(id="d", text=text, date=date, date_source=source), as_of)


@pytest.mark.parametrize(
    ("text", "expected", "note"),
    [
        (
            "ADDRESS ON THE STATE OF THE UNION\n\nApril 16, 1945\n\nMr. Speaker...",
            "1945-04-16",
            "dateline",
        ),
        ("Talks end\nPublished January 12, 2022\nThe talks ended.", "2022-01-12", "dateline"),
        (
            "Wednesday's talks ended. Photo: Brussels, January 12, 2022.",
            "2022-01-12",
            "is a Wednesday",
        ),
        (
            "On Monday, 3 March 2014, troops moved. On Tuesday, 4 March 2014, they left.",
            "2014-03-04",
            "the latest full date",
        ),
    ],
    ids=["dateline", "published-line", "weekday", "latest-confirmed"],
)
def test_inferred_from_the_text(text, expected, note):
    document = resolve(text)
    assert document.date == dt.date.fromisoformat(expected)
    assert document.date_source == "inferred" and note in document.date_note


@pytest.mark.parametrize(
    "text",
    [
        "The attacks of September 11, 2001 changed everything.",  # no weekday named
        "They met on Monday. The treaty dates from March 3, 1999.",  # a Wednesday, not named
        "Officials met on Monday and will meet again next month.",
    ],
    ids=["historic-date", "weekday-mismatch", "no-date"],
)
def test_never_guessed(text):
    document = resolve(text)
    assert document.date is None and document.date_source == "none"
    assert "unresolved" in document.date_note


def test_as_of_wins_and_metadata_beats_inference():
    text = "Published January 12, 2022\nbody"
    assert resolve(text, as_of=dt.date(2020, 1, 1)).date_source == "option"
    kept = resolve(text, date=dt.date(2021, 5, 5))
    assert kept.date == dt.date(2021, 5, 5) and kept.date_source == "front_matter"

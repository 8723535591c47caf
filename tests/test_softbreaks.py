"""Hard-wrapped articles read like the unwrapped ones (issue 16, point 1).

Newsrooms wrap Markdown and plain text at 72-80 columns. A soft line break inside a paragraph is
a space to the extractor: every paragraph below is wrapped at every word boundary (and wrapped
whole with LF, CRLF and as an indented list item) and must give the same claims, values,
verdicts (against the in-memory fake source) and findings as the unwrapped text, with spans,
lines and columns into the wrapped original. A blank line, a list item or a heading still ends
the sentence.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from typing import Any

import pytest
from ci_support import settings
from fakes import FakeSource

from claimcheck import pipeline
from claimcheck.extract.unwrap import unwrapped
from claimcheck.model import Document, DocumentResult, Span, jsonable, position, prose_text
from claimcheck.read.documents import markdown_document
from claimcheck.read.softbreaks import with_soft_breaks

DATE = dt.date(2022, 1, 12)
FRONT = "---\ndate: 2022-01-12\n---\n"

# family, phrasing: one paragraph each. Verdicts come from tests/fakes.py; the findings noted are
# what the unwrapped paragraph gives, which every wrapping must keep.
PARAGRAPHS = {
    # dates: the year on the next line is still the date's year
    "date-died": "The former president died on May 11, 2001, in a Moscow hospital, officials said.",
    "date-day-first": "NATO was founded on 4 April 1949 in Washington by twelve countries.",
    "date-weekday": "The ministers met on Monday, March 15, 2022, in Brussels.",  # CC501
    "date-past-future": "The treaty was signed on March 3, 2023, the ministry said.",  # CC510
    # titles: a title cut by a line break is still the person's title
    "title-prime-minister": "Talks were led by Prime Minister Mark Rutte of the Netherlands.",
    "title-secretary-general": (
        "NATO was founded in 1949, Secretary General Jens Stoltenberg told the council."
    ),
    "title-senator": "Senator Ted Cruz of Texas spoke to reporters after the vote.",
    "misspelt-name": "Christiane Amanpur asked the minister about the talks.",  # CC402
    # figures: counts, money, percentages and wholes with their parts
    "figure-members": "NATO, headquartered in Brussels, has 28 member states.",  # CC302
    "figure-money-percent": "Turnout was 48% and the budget rose by $2.5 billion last year.",
    "figure-parts-whole": (
        "NATO's 30 member states and Russia met in a forum of 32 on January 12, 2022."  # CC505
    ),
    # ranges: both ends on either side of the break
    "range-between": "Between 100,000 and 130,000 Russian troops are massed at the border.",
    "range-clock": "The talks ran from 10:00 to 12:00 on Wednesday, a four-hour meeting.",  # CC509
    "range-years": "Jens Stoltenberg led NATO from 2014 to 2024 and was born on March 16, 1959.",
}


def _portable(value: Any, text: str) -> Any:
    """A value with every span replaced by the words it covers, white space folded: comparable
    between the wrapped and the unwrapped text."""
    if isinstance(value, Span):
        return _fold(text[value.start : value.end])
    if isinstance(value, dict):
        return {k: _portable(v, text) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_portable(v, text) for v in value]
    return jsonable(value)


def _fold(text: str) -> str:
    return " ".join(text.split())


def _claims(result: DocumentResult) -> list[tuple[Any, ...]]:
    text = result.document.text
    rows = []
    for c in result.claims:
        verdict = c.verification.verdict if c.verification else None
        portable = _portable({"value": c.value, "fields": c.fields}, text)
        rows.append((c.kind, _fold(text[c.span.start : c.span.end]), portable, verdict))
    return sorted(rows, key=repr)


def _findings(result: DocumentResult) -> list[tuple[Any, ...]]:
    text = result.document.text
    return sorted(
        (
            f.rule,
            f.severity,
            re.sub(r"line \d+", "line N", _fold(f.message)),
            _portable(f.spans, text),
        )
        for f in result.findings
    )


def _assert_placed(result: DocumentResult) -> None:
    """Spans, lines and columns point into the text as written; the claim's text is what a
    reader sees there (one space per soft break)."""
    text = result.document.text
    for c in result.claims:
        assert (c.line, c.column) == position(text, c.span.start)
        assert c.text == _fold(text[c.span.start : c.span.end]), c
    for f in result.findings:
        assert (f.line, f.column) == position(text, f.span.start)


def _wrappings(paragraph: str) -> dict[str, tuple[str, str, str]]:
    """name → (format, text as written, the unwrapped text it must read like): a break at every
    word boundary, then whole wrappings."""
    plain, item = FRONT + paragraph + "\n", FRONT + "- " + paragraph + "\n"
    out = {}
    for m in re.finditer(" ", paragraph):
        at = m.start()
        wrapped = FRONT + paragraph[:at] + "\n" + paragraph[at + 1 :]
        out[f"lf-at-{at}"] = ("markdown", wrapped, plain)
    lines = textwrap.wrap(paragraph, 24)
    crlf = (FRONT + "\n".join(lines)).replace("\n", "\r\n") + "\r\n"
    out["crlf-24"] = ("markdown", crlf, plain)
    out["list-item-24"] = ("markdown", FRONT + "- " + "\n  ".join(lines) + "\n", item)
    out["text-24"] = ("text", "\n".join(lines) + "\n", plain)
    out["text-trailing-blanks"] = ("text", " \n".join(lines) + "\n", plain)
    return out


def _document(name: str, fmt: str, text: str) -> Document:
    if fmt == "markdown":
        return markdown_document(f"{name}.md", text)
    doc = Document(id=f"{name}.txt", text=text, path=f"{name}.txt", format="text", date=DATE)
    return with_soft_breaks(doc)


def _check(nlp, documents: list[Document]) -> list[DocumentResult]:
    return list(pipeline.check(documents, nlp, settings(), source=FakeSource()))


@pytest.mark.parametrize("name", sorted(PARAGRAPHS))
def test_a_wrapped_paragraph_gives_what_the_unwrapped_one_gives(nlp, name):
    wrappings = _wrappings(PARAGRAPHS[name])
    unwrapped_texts = sorted({plain for _, _, plain in wrappings.values()})
    docs = [_document(name, "markdown", text) for text in unwrapped_texts]
    docs += [_document(name, fmt, text) for fmt, text, _ in wrappings.values()]
    results = _check(nlp, docs)
    expected = dict(zip(unwrapped_texts, results[: len(unwrapped_texts)], strict=True))
    assert expected[FRONT + PARAGRAPHS[name] + "\n"].claims, "the case must give claims"
    wrapped = results[len(unwrapped_texts) :]
    for (label, (_, _, plain)), result in zip(wrappings.items(), wrapped, strict=True):
        _assert_placed(result)
        assert _claims(result) == _claims(expected[plain]), label
        assert _findings(result) == _findings(expected[plain]), label


def test_the_reported_date_is_one_date_and_keeps_its_place(nlp):
    text = FRONT + "The former president died on May 11,\n2001, officials said.\n"
    (result,) = _check(nlp, [markdown_document("news/obit.md", text)])
    (date,) = [c for c in result.claims if c.kind == "date"]
    assert date.value["date"] == "2001-05-11"
    assert (date.line, date.column) == (4, 30)
    assert text[date.span.start : date.span.end] == "May 11,\n2001"
    assert date.text == "May 11, 2001"


# What still ends a line: the date on the first line must not take the year from the second.
BLOCK_ENDS = {
    "blank-line": "The vote took place on May 11\n\n2001 delegates attended.",
    "list-item": "The vote took place on May 11\n- 2001 delegates attended.",
    "ordered-item": "The vote took place on May 11\n1. 2001 delegates attended.",
    "heading": "The vote took place on May 11\n# 2001 delegates attended",
    "block-quote": "The vote took place on May 11\n> 2001 delegates attended.",
    "hard-break": "The vote took place on May 11  \n2001 delegates attended.",
    "backslash-break": "The vote took place on May 11\\\n2001 delegates attended.",
    "code-fence": "The vote took place on May 11\n```\n2001 delegates attended.\n```",
}


@pytest.mark.parametrize("name", sorted(BLOCK_ENDS))
def test_a_block_boundary_still_ends_the_sentence(nlp, name):
    text = FRONT + BLOCK_ENDS[name] + "\n"
    (result,) = _check(nlp, [markdown_document(f"{name}.md", text)])
    dates = [c.value["date"] for c in result.claims if c.kind == "date"]
    # "2001" on the next line is not part of the date: "took place on May 11" is told as past in
    # a January article, so it is the May 11 before the document date
    assert "2021-05-11" in dates and "2001-05-11" not in dates


# The reader's view, without spaCy: which line breaks are soft.
SOFT = {
    "paragraph": ("one\ntwo\nthree", "one two three"),
    "crlf": ("one\r\ntwo", "one  two"),
    "blank-line": ("one\n\ntwo", "one\n\ntwo"),
    "bullet": ("one\n- two\n  three", "one\n- two   three"),
    "star-bullet-and-plus": ("one\n* two\n+ three", "one\n* two\n+ three"),
    "ordered-not-at-1": ("died on May 11,\n2001. He was", "died on May 11, 2001. He was"),
    "ordered-at-1": ("one\n1. two", "one\n1. two"),
    "ordered-in-list": ("1. one\n2. two\n   more", "1. one\n2. two    more"),
    "heading-after": ("one\n## two\nthree", "one\n## two\nthree"),
    "setext-underline": ("Title\n=====\nbody", "Title\n=====\nbody"),
    "thematic-break": ("one\n***\ntwo", "one\n***\ntwo"),
    "table": ("| a |\n| b |", "| a |\n| b |"),
    "html-block": ("one\n<div>\ntwo", "one\n<div>\ntwo"),
    "comment-line": ("one\n<!-- ignore -->\ntwo", "one\n<!-- ignore -->\ntwo"),
    "byline-opens": ("By Jane Doe\nThe talks", "By Jane Doe\nThe talks"),
    "byline-under-headline": ("Talks end\nBy Jane Doe", "Talks end\nBy Jane Doe"),
    "sentence-starting-by": ("It grew.\nBy 2004 it had 26", "It grew. By 2004 it had 26"),
    "block-quote": ("> one\n> two", "> one   two"),
    "block-quote-ends": ("> one\ntwo", "> one\ntwo"),
    "trailing-blank": ("one \ntwo", "one  two"),
    "hard-break-two-spaces": ("one  \ntwo", "one  \ntwo"),
}


@pytest.mark.parametrize("name", sorted(SOFT))
def test_which_line_breaks_are_soft(name):
    body, expected = SOFT[name]
    doc = markdown_document("a.md", FRONT + body)
    assert prose_text(doc) == FRONT + expected
    view = unwrapped(doc)
    assert _fold(view.document.text) == _fold(prose_text(doc))
    for i, ch in enumerate(view.document.text):
        if not ch.isspace():
            assert doc.text[view.to_original(i)] == ch


def _text(text: str, fmt: str = "text") -> str:
    return prose_text(with_soft_breaks(Document(id="a.txt", text=text, format=fmt)))


def test_plain_text_joins_wrapped_lines_but_keeps_one_paragraph_per_line():
    assert _text("one  \ntwo") == "one   two"  # no hard break in plain text
    assert _text("It grew.\nIt said\nso.") == "It grew.\nIt said so."
    assert _text("“It grew.”\nIt said") == "“It grew.”\nIt said"
    assert _text("Members of the Congress:\nIt is") == "Members of the Congress: It is"
    assert _text("It grew.\nIt said", "jsonl") == "It grew.\nIt said"
    assert _text("one\ntwo", "html") == "one\ntwo"  # the extracted text: a paragraph a line


@pytest.mark.xfail(
    strict=True,
    reason="plain text: a line ending in an abbreviation ('Sen.') is taken for a sentence end, so "
    "the break stays (the rule that keeps one-paragraph-per-line text as it was)",
)
def test_plain_text_line_ending_in_an_abbreviation(nlp):
    text = "Reporters met Sen.\nTed Cruz of Texas after the vote.\n"
    (result,) = _check(nlp, [_document("abbreviation", "text", text)])
    assert "role" in [c.kind for c in result.claims]


def test_front_matter_and_code_are_never_joined():
    doc = markdown_document("a.md", FRONT + "one\n```\ncode\nmore\n```\ntwo `x`\nthree\n")
    assert prose_text(doc) == FRONT + "one\n```\ncode\nmore\n```\ntwo `x` three\n"
    view = unwrapped(doc)
    skipped = [view.document.text[s.start : s.end] for s in view.document.skip]
    assert sorted(skipped) == sorted(["```\ncode\nmore\n```", "`x`"])

"""Where a document's soft line breaks are: the line breaks inside a paragraph.

Many newsrooms hard-wrap Markdown and plain text at 72-80 columns. A renderer joins the lines of
a paragraph with a space, so the extractor must too: "died on May 11,⏎2001" is one date, and
"Prime⏎Minister Vladimir Putin" one title. The reader records each soft break (with the blanks
around it) on the Document; the extractor reads the text with each folded to one space
(claimcheck.extract.unwrap) and the consistency rules read it with each a run of spaces
(claimcheck.model.prose_text). Offsets, lines and columns stay those of the text as written.

A line break is soft when it joins two lines of one paragraph or block quote (CommonMark's rule,
also for plain text and JSON lines, whose paragraphs are also separated by blank lines): a blank
line, a heading, a list item, the start or end of a block quote, a table row, a fence, an HTML
block, a Markdown hard break (two trailing spaces or a backslash) or a byline still ends the
line, and in plain text so does a line that ends a sentence. HTML articles are read from the
extracted main text, whose every line is a paragraph; their line breaks are never soft.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import NamedTuple

from claimcheck.model import Document, Span

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
# Lines that are a block of their own: headings, table rows, HTML, rules and setext underlines.
_ALONE = r"#{1,6}(?:[ \t]|$)|\||<[A-Za-z/!?]|(?:=+|-+|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})[ \t]*$"
_SINGLE_LINE = re.compile(rf"[ \t]{{0,3}}(?:{_ALONE})")
# A line that opens a block (CommonMark's blocks that may interrupt a paragraph).
_OPENS_BLOCK = re.compile(rf"[ \t]{{0,3}}(?:[-*+][ \t]|[-*+]$|>|```|~~~|{_ALONE})")
# Lines of one block quote join like those of a paragraph, markers and all.
_QUOTE = re.compile(r"[ \t]{0,3}>[ \t]?[ \t]*")
_ORDERED_ITEM = re.compile(r"[ \t]{0,3}(?P<number>\d{1,9})[.)](?:[ \t]|$)")
_LIST_ITEM = re.compile(r"[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_HARD_BREAK = re.compile(r"(?: {2,}|\\)$")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*[ \t]*$")
_ENDS = re.compile(r"[.!?…:;,][\"'”’)\]]*[ \t]*$")
_WRAPPED_FORMATS = ("text", "markdown", "jsonl")


def with_soft_breaks(document: Document) -> Document:
    """The document with its soft breaks found (none for HTML's extracted text)."""
    if document.format not in _WRAPPED_FORMATS:
        return document
    markdown = document.format == "markdown"
    found = _soft_breaks(document.text, document.body_start, document.skip, markdown)
    return replace(document, soft_breaks=tuple(Span(start, end) for start, end in found))


class _Line(NamedTuple):
    text: str  # without its line break and its block-quote marker
    start: int  # offset of the first character that is neither a blank nor the quote marker
    end: int  # offset after the last character that is not a blank
    at: int  # offset of the line
    quoted: bool  # the line is in a block quote ("> ...")

    @classmethod
    def of(cls, match: re.Match[str]) -> _Line:
        text = match.group().rstrip("\r\n")
        marker = _QUOTE.match(text)
        lead = marker.end() if marker else len(text) - len(text.lstrip(" \t"))
        end = match.start() + len(text.rstrip(" \t"))
        return cls(text[lead:], match.start() + lead, end, match.start(), marker is not None)


def _soft_breaks(
    text: str, body_start: int, skip: tuple[Span, ...], markdown: bool
) -> Iterator[tuple[int, int]]:
    """(start, end) of every soft break: the blanks that end one line, its line break and the
    blanks that open the next."""
    lines = (_Line.of(m) for m in _LINE.finditer(text, body_start) if m.end() > m.start())
    covered = _Covered(skip)
    in_list, opens = False, True  # in a list item; the line opens its paragraph
    for line, following in itertools.pairwise(lines):
        in_list = _LIST_ITEM.match(line.text) is not None or (in_list and line.end > line.start)
        soft = line.quoted == following.quoted and not (
            # a break inside a code block or comment, or beside a line all code or comment
            covered.reaches(following.at - 1, following.at + 1)
            or covered.reaches(line.start, line.end)
            or covered.reaches(following.start, following.end)
        )
        soft = soft and _joins(line.text, following.text, in_list, opens, markdown)
        if soft:
            yield line.end, following.start
        opens = not soft


def _joins(line: str, following: str, in_list: bool, opens: bool, markdown: bool) -> bool:
    """Do the two lines belong to one paragraph?"""
    if not line.strip() or not following.strip():
        return False
    if markdown and _HARD_BREAK.search(line):
        return False
    # Plain text often holds one paragraph per line with no blank line between (copied from a
    # page; the corpus's speeches): a line that ends a sentence ends its paragraph there.
    if not markdown and _SENTENCE_END.search(line):
        return False
    if _SINGLE_LINE.match(line) or _OPENS_BLOCK.match(following):
        return False
    # A byline opening a paragraph stands alone, and so does one under a headline; a wrapped
    # sentence that starts "By 2004, ..." is no byline.
    byline = _byline()
    if (opens and byline.match(line)) or (byline.match(following) and not _ENDS.search(line)):
        return False
    ordered = _ORDERED_ITEM.match(following)
    # An ordered item interrupts a paragraph only when it starts at 1 (CommonMark), so a wrapped
    # "2001. He was..." stays in its sentence; inside a list every number starts an item.
    return ordered is None or not (in_list or ordered["number"] == "1")


@functools.cache
def _byline() -> re.Pattern[str]:
    """The chunker's byline pattern, imported when first needed: importing the extract package
    (its scan patterns, its parse planning) is not for `--help`."""
    from claimcheck.extract.chunks import BYLINE

    return BYLINE


class _Covered:
    """Is a stretch of text wholly inside one skipped region? Answered by bisection: a document
    can hold thousands of code spans and lines."""

    def __init__(self, skip: tuple[Span, ...]) -> None:
        ordered = sorted(skip)
        self.starts = [s.start for s in ordered]
        self.reach = list(itertools.accumulate((s.end for s in ordered), max))

    def reaches(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and self.reach[i] >= end

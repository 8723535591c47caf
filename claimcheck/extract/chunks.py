"""Sentence-ish chunks of a document, with their offsets, cut cheaply by regex so that only the
chunks that hold a candidate are handed to spaCy. Chunks never cross a line break and never
exceed MAX_CHUNK characters, so a huge input streams through in small pieces. The document given
is unwrapped (claimcheck.extract.unwrap): a soft line break is a space there, not a line break."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator

from claimcheck.model import Document, Span

MAX_CHUNK = 2000
# A sentence ends at . ! ? (and closing quotes/brackets) before a space and a capital, digit or
# opening quote — unless the word before the stop is a known abbreviation or an initial.
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Maj|Adm|Cmdr|Jr|Sr|Rev|Hon|"
    r"Pres|Sec|Amb|No|Nos|Vol|Fig|vs|etc|Inc|Ltd|Corp|Co|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|"
    r"Oct|Nov|Dec|Mt|Ft|approx|ca|cf|al|U\.S|U\.K|U\.N|E\.U)|\b[A-Z])\.$"
)
_LINE = re.compile(r"[^\r\n]+")
# Bylines and datelines carry names and times, not claims (each is a line of its own: the reader
# never joins one to the next, see claimcheck.read.softbreaks); 'By 2030, ...' is a sentence.
BYLINE = re.compile(
    r"^\s*(?:By(?!\s+(?:\d|the\b|then\b|now\b|(?:January|February|March|April|May|June|July"
    r"|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday)\b))|Updated|Published|Posted|Last updated|Photo|Image|Credit)\b"
    r"[^\n]{0,150}$"
)


def chunks(document: Document) -> Iterator[tuple[int, int]]:
    """(start, end) of every chunk of the body, in order, skipping bylines and code."""
    text = document.text
    skipped = _Covered(document.skip)
    for line in _LINE.finditer(text, document.body_start):
        if BYLINE.match(line.group(0)) or skipped(line.start(), line.end()):
            continue
        yield from _sentences(text, line.start(), line.end())


class _Covered:
    """Whether one of the spans covers start..end, in log time: thousands of code blocks, each
    rescanned for every line, made a long Markdown file quadratic."""

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted(spans)
        self.starts = [s.start for s in ordered]
        self.reach = list(itertools.accumulate((s.end for s in ordered), max))

    def __call__(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self.starts, start) - 1
        return index >= 0 and self.reach[index] >= end


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    begin = start
    for m in _BOUNDARY.finditer(text, start, end):
        if _ABBREVIATION.search(text, max(begin, m.start() - 6), m.start() + 1):
            continue
        yield from _bounded(text, begin, m.end())
        begin = m.end()
    yield from _bounded(text, begin, end)


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Strip the chunk; cut one longer than MAX_CHUNK at whitespace (or hard, if it has none)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_CHUNK:
        cut = text.rfind(" ", start + MAX_CHUNK // 2, start + MAX_CHUNK)
        cut = cut if cut > start else start + MAX_CHUNK
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end

"""The parts of a Markdown body that hold no claims: fenced code, inline code and HTML comments,
found in time linear in the text. A regex with a lazy `.*?` up to a closer rescans the rest of
the text from every opener that is never closed: 400 KB of unclosed fences took three minutes."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from claimcheck.model import Span

_INLINE_CODE = re.compile(r"`[^`\n]+`")
_MARKERS = ("```", "~~~")


def skipped(text: str, start: int) -> tuple[Span, ...]:
    """Every span from `start` on that claims are never taken from, sorted."""
    spans = [*fences(text, start), *_inline_code(text, start), *comments(text, start)]
    return tuple(sorted(spans))


def comments(text: str, start: int) -> Iterator[Span]:
    """`<!-- … -->`. An opener with no closer after it means no later opener has one either."""
    at = text.find("<!--", start)
    while at != -1:
        end = text.find("-->", at + 4)
        if end == -1:
            return
        yield Span(at, end + 3)
        at = text.find("<!--", end + 3)


def fences(text: str, start: int) -> Iterator[Span]:
    """A line opening with ``` or ~~~ up to the next line that is that marker alone (trailing
    blanks allowed); an opener never closed is plain text."""
    lines = _lines(text, start)
    closers = {m: [i for i, (a, b) in enumerate(lines) if _closes(text, a, b, m)] for m in _MARKERS}
    index = 0
    while index < len(lines):
        begin, end = lines[index]
        marker = text[begin : begin + 3]
        if marker in _MARKERS and end < len(text):  # the opener needs a line after it
            found = bisect.bisect_right(closers[marker], index)
            if found < len(closers[marker]):
                close = closers[marker][found]
                yield Span(begin, lines[close][1])
                index = close + 1
                continue
        index += 1


def _lines(text: str, start: int) -> list[tuple[int, int]]:
    """(start, end) of each line from the first line start at or after `start`; end excludes the
    newline."""
    if start > 0 and text[start - 1] != "\n":
        newline = text.find("\n", start)
        start = len(text) + 1 if newline == -1 else newline + 1
    spans = []
    while start <= len(text):
        newline = text.find("\n", start)
        end = len(text) if newline == -1 else newline
        spans.append((start, end))
        start = end + 1
    return spans


def _closes(text: str, begin: int, end: int, marker: str) -> bool:
    return text.startswith(marker, begin) and not text[begin + 3 : end].strip(" \t")


def _inline_code(text: str, start: int) -> Iterator[Span]:
    return (Span(m.start(), m.end()) for m in _INLINE_CODE.finditer(text, start))

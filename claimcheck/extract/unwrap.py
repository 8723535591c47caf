"""The text the extractor reads: the document with each soft line break (found by the reader,
Document.soft_breaks) folded to one space, and the way back to the offsets of the original.

One space, not a run of them: spaCy makes a token of every extra space, so the blanks of a CRLF
or of an indented continuation line would split a title ("Prime   Minister") that one space keeps
whole.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, replace

from claimcheck.model import Document, Span


@dataclass(frozen=True)
class Unwrapped:
    """`document` is `original` with its soft breaks folded to one space each."""

    document: Document
    original: Document
    # (offset of a break's one space in the unwrapped text, characters removed up to and with it)
    _removed: tuple[tuple[int, int], ...] = ()

    def to_original(self, offset: int) -> int:
        """An offset of the unwrapped text in the original; an end offset at a soft break maps
        to the end of the line's content."""
        i = bisect.bisect_left(self._removed, (offset, -1)) - 1
        return offset + (self._removed[i][1] if i >= 0 else 0)

    def span(self, span: Span) -> Span:
        return Span(self.to_original(span.start), self.to_original(span.end))


def unwrapped(document: Document) -> Unwrapped:
    """The document with its soft breaks folded to one space (itself when it has none)."""
    breaks = document.soft_breaks
    if not breaks:
        return Unwrapped(document, document)
    removed, total, pieces, at = [], 0, [], 0
    for b in breaks:
        removed.append((b.start - total, total + b.end - b.start - 1))
        total = removed[-1][1]
        pieces += [document.text[at : b.start], " "]
        at = b.end
    text = "".join([*pieces, document.text[at:]])
    inward = _Inward(breaks)
    skip = tuple(Span(inward(s.start), inward(s.end)) for s in document.skip)
    folded = replace(document, text=text, skip=skip, soft_breaks=())
    return Unwrapped(folded, document, tuple(removed))


class _Inward:
    """Original offsets → unwrapped offsets (for the skipped regions, which never hold a soft
    break but may follow many)."""

    def __init__(self, breaks: tuple[Span, ...]) -> None:
        self.ends = [b.end for b in breaks]
        self.removed = list(itertools.accumulate(b.end - b.start - 1 for b in breaks))

    def __call__(self, offset: int) -> int:
        i = bisect.bisect_right(self.ends, offset) - 1
        return offset - (self.removed[i] if i >= 0 else 0)

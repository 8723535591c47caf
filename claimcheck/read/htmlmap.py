"""Where a passage of an HTML article's extracted text stands in the page's source.

Claims in an HTML article are found in the main text trafilatura extracts, so their lines are
lines of that text. A pull-request annotation needs the line in the file: the passage is looked
up in the page's visible text (tags dropped, entities decoded, white space folded), whose every
character remembers its offset in the source. Where the passage cannot be placed without
guessing, the answer is None and the finding names the file only.
"""

from __future__ import annotations

import array
import functools
import html
import re

from claimcheck.model import Document, Span, position

_TOKENS = re.compile(
    r"(?P<hidden><!--.*?-->|<(script|style|title|template)\b.*?</\2\s*>|<!\[CDATA\[.*?\]\]>)"
    r"|(?P<tag><[^>]*>)"
    r"|(?P<entity>&(?:#\d+|#[xX][0-9a-fA-F]+|\w+);)"
    r"|(?P<space>\s+)"
    r"|(?P<text>[^<&\s]+|[<&])",
    re.DOTALL | re.IGNORECASE,
)


class _Visible:
    """The page's visible text, white space folded, with each character's source offsets."""

    def __init__(self, source: str) -> None:
        chars: list[str] = []
        # Arrays, not lists: one pair of offsets per visible character of a page adds up.
        starts = array.array("q")
        ends = array.array("q")
        for m in _TOKENS.finditer(source):
            kind = m.lastgroup
            if kind in ("hidden", "tag"):
                continue
            decoded = html.unescape(m.group()) if kind == "entity" else m.group()
            for i, ch in enumerate(decoded):
                # An entity's characters all stand for the whole entity.
                start, end = (m.start(), m.end()) if kind == "entity" else (m.start() + i,) * 2
                if ch.isspace():
                    if not chars or chars[-1] == " ":
                        continue
                    ch = " "
                chars.append(ch)
                starts.append(start)
                ends.append(end if kind == "entity" else end + 1)
        self.text = "".join(chars)
        self.starts = starts
        self.ends = ends

    def find_all(self, needle: str) -> list[int]:
        found, at = [], self.text.find(needle)
        while at >= 0:
            found.append(at)
            at = self.text.find(needle, at + 1)
        return found


@functools.lru_cache(maxsize=4)
def _visible(source: str) -> _Visible:
    return _Visible(source)


def source_span(document: Document, span: Span) -> Span | None:
    """The source offsets of `span` of the document's extracted text, or None."""
    if document.source is None or span.end <= span.start:
        return None
    needle = _fold(document.text[span.start : span.end])
    if not needle:
        return None
    visible = _visible(document.source)
    places = visible.find_all(needle)
    # Which occurrence this is in the extracted text decides which one it is in the page, when
    # the page shows the passage as often as the text holds it; one place needs no such count.
    if len(places) != 1:
        said = _occurrences(document.text, needle)
        nth = sum(1 for at in said if at < span.start)
        if len(places) != len(said) or nth >= len(places):
            return None
        places = [places[nth]]
    first = places[0]
    return Span(visible.starts[first], visible.ends[first + len(needle) - 1])


def source_lines(document: Document, span: Span) -> range | None:
    """The source lines (1-based) `span` of the extracted text stands on, or None."""
    placed = source_span(document, span)
    if placed is None or document.source is None:
        return None
    first = position(document.source, placed.start)[0]
    last = position(document.source, max(placed.end - 1, placed.start))[0]
    return range(first, last + 1)


@functools.lru_cache(maxsize=64)
def _occurrences(text: str, needle: str) -> list[int]:
    """Where the folded needle starts in text, as offsets of text itself."""
    pattern = r"\s+".join(map(re.escape, needle.split(" ")))
    return [m.start() for m in re.finditer(pattern, text)]


def _fold(text: str) -> str:
    return " ".join(text.split())

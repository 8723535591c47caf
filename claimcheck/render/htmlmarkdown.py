"""A Markdown article rendered as it reads (headings, emphasis, lists, quotes, tables, code), with
every claim and finding mark kept on the rendered words.

markdown-it-py parses the text (raw HTML disabled: a tag in an article is shown as text, never
obeyed). Its tokens carry the words but not their offsets, so each piece of text is found again
in the article, in order, from where the last one ended: what lies between two pieces must be
Markdown's own marks (`*`, `#`, `>`, a link's address). Where that does not hold the article is
given back as None and the caller shows it as written: a mark must never land on other words."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimcheck.model import Document
from claimcheck.render.htmlmarks import Mark, fits, piece, tag_order

if TYPE_CHECKING:  # imported when a Markdown article is rendered, not with the package
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# What may lie between two pieces of text in the source: Markdown's punctuation and spaces.
_MARKUP = re.compile(r"[\s*_`#>\[\]()!|~=+:\-\d.\\]*")
_INLINE_TAGS = {
    "em_open": "<em>",
    "em_close": "</em>",
    "strong_open": "<strong>",
    "strong_close": "</strong>",
    "s_open": "<s>",
    "s_close": "</s>",
    # A link's words only: its address is not the article's to send the reader to, and a claim
    # mark (itself a link) cannot sit inside another link.
    "link_open": '<span class="link">',
    "link_close": "</span>",
    "hardbreak": "<br>",
}


class Unmapped(Exception):
    """A rendered piece could not be found where it must be in the source."""


@dataclass(frozen=True)
class _Html:
    html: str


@dataclass(frozen=True)
class _Source:
    start: int
    end: int
    shown: str | None = None  # what it renders as, where that is not the source (an entity)


@functools.cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    # Escapes and entities stay tokens of their own, so every text token is the source's words.
    md.disable("text_join")
    return md


def render(doc: Document, marks: Sequence[Mark]) -> str | None:
    """The article's body as HTML with the marks, or None where it cannot be mapped."""
    try:
        pieces = list(_pieces(doc.text, doc.body_start))
    except Unmapped:
        return None
    return _weave(doc.text, pieces, [m for m in marks if fits(m, doc.text, doc.body_start)])


def _pieces(text: str, start: int) -> Iterator[_Html | _Source]:
    body = text[start:]
    lines = [start + m.start() for m in re.finditer(r"^", body, re.M)]
    at = start
    for token in _parser().parse(body):
        if token.map and token.type != "inline":
            at = max(at, lines[token.map[0]])
        if token.type == "inline":
            for item in _inline(text, token.children or (), at):
                if isinstance(item, int):
                    at = item
                else:
                    yield item
        elif token.type in ("fence", "code_block"):
            yield _Html("<pre><code>")
            if token.content:
                found = text.find(token.content.rstrip("\n"), at)
                if found < 0:
                    raise Unmapped(token.content[:40])
                at = found + len(token.content.rstrip("\n"))
                yield _Source(found, at)
            yield _Html("</code></pre>")
        elif token.type == "hr":
            yield _Html("<hr>")
        elif not token.hidden and token.tag:
            yield _Html(_block_tag(token.type, token.tag, token.nesting))


def _block_tag(kind: str, tag: str, nesting: int) -> str:
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):  # below the report's own h3 "Article"
        tag = f"h{min(int(tag[1]) + 3, 6)}"
    if nesting == -1:
        return f"</{tag}>\n"  # a line break between blocks, for whoever reads the source
    return f'<{tag} class="md-heading">' if kind == "heading_open" else f"<{tag}>"


def _inline(text: str, children: Sequence[Token], at: int) -> Iterator[_Html | _Source | int]:
    """The pieces of one inline token; an int moves the caller's cursor."""
    for child in children:
        kind = child.type
        if kind == "text" and child.content:
            found = _find(text, child.content, at)
            at = found + len(child.content)
            yield _Source(found, at)
        elif kind == "text_special":
            found = _find(text, child.markup, at)
            at = found + len(child.markup)
            yield _Source(found, at, child.content)
        elif kind == "softbreak":
            found = text.find("\n", at)
            if found < 0:
                raise Unmapped("soft break")
            at = found + 1
            yield _Source(found, at, " ")
        elif kind == "code_inline":
            at = _find(text, child.markup, at) + len(child.markup)
            found = _find(text, child.content, at) if child.content else at
            yield _Html("<code>")
            at = found + len(child.content)
            yield _Source(found, at, None if text[found:at] == child.content else child.content)
            yield _Html("</code>")
        elif kind == "image":
            yield _Html('<span class="link">')
            for item in _inline(text, child.children or (), at):
                if isinstance(item, int):
                    at = item
                else:
                    yield item
            at = _past_destination(text, at)
            yield _Html("</span>")
        elif kind == "link_close":
            at = _past_destination(text, at)
            yield _Html(_INLINE_TAGS[kind])
        elif kind in _INLINE_TAGS:
            yield _Html(_INLINE_TAGS[kind])
        yield at


def _find(text: str, words: str, at: int) -> int:
    found = text.find(words, at)
    if found < 0 or not _MARKUP.fullmatch(text, at, found):
        raise Unmapped(words[:40])
    return found


def _past_destination(text: str, at: int) -> int:
    """After a link's or an image's words: past `](address "title")` or `][reference]`."""
    if text.startswith("](", at):
        depth, i = 0, at + 1
        while i < len(text):
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            i += 1
            if depth == 0:
                return i
        raise Unmapped("link address")
    if text.startswith("][", at):
        end = text.find("]", at + 2)
        return end + 1 if end >= 0 else at
    return at + 1 if text.startswith("]", at) else at


def _weave(text: str, pieces: Sequence[_Html | _Source], marks: Sequence[Mark]) -> str:
    """The pieces as HTML: source text cut at every mark boundary and wrapped by what covers it
    (as htmlmarks.annotate does for plain text), each mark's tag after its last rendered words —
    a mark ending in Markdown's punctuation gets it after the words before."""
    sources = [p for p in pieces if isinstance(p, _Source)]
    next_start = {id(s): n.start for s, n in zip(sources, sources[1:], strict=False)}
    by_end = sorted(range(len(marks)), key=lambda i: (marks[i].end, tag_order(marks[i])))
    ends = [marks[i].end for i in by_end]
    by_start = sorted(marks, key=lambda m: m.start)
    opened = 0
    active: list[Mark] = []
    emitted = 0
    out: list[str] = []

    def tags_upto(position: int) -> None:
        nonlocal emitted
        stop = bisect.bisect_right(ends, position)
        out.extend(marks[i].tag for i in by_end[emitted:stop])
        emitted = max(emitted, stop)

    for p in pieces:
        if isinstance(p, _Html):
            out.append(p.html)
            continue
        # A sweep: pieces come in source order, so the marks covering one are those opened so far
        # (starting before its end) that have not ended before its start.
        while opened < len(by_start) and by_start[opened].start < p.end:
            active.append(by_start[opened])
            opened += 1
        active = [m for m in active if m.end > p.start]
        covering = active
        if p.shown is not None:
            out.append(piece(p.shown, covering))
            tags_upto(p.end)
        else:
            cuts = sorted({p.start, p.end, *_inside(covering, p.start, p.end)})
            for a, b in zip(cuts, cuts[1:], strict=False):
                out.append(piece(text[a:b], [m for m in covering if m.start <= a and m.end >= b]))
                tags_upto(b)
        tags_upto(next_start.get(id(p), len(text)))
    out.extend(marks[i].tag for i in by_end[emitted:])
    return "".join(out)


def _inside(marks: Sequence[Mark], a: int, b: int) -> list[int]:
    return [x for m in marks for x in (m.start, m.end) if a < x < b]

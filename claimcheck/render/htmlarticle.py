"""The article as it reads, with its marks: Markdown rendered (claimcheck.render.htmlmarkdown),
plain text and the text extracted from an HTML page as written, their line breaks kept, a plain
text's first line (its headline, and the report's title for it) shown as a heading."""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimcheck.model import Document
from claimcheck.render import htmlmarkdown
from claimcheck.render.htmlmarks import Mark, annotate

_FIRST_LINE = re.compile(r"\s*([^\n]{1,200})\n")


def article(doc: Document, marks: Sequence[Mark]) -> str:
    if doc.format == "markdown":
        rendered = htmlmarkdown.render(doc, marks)
        if rendered is not None:
            return f'<div class="article md">{rendered}</div>\n'
    return f'<div class="article">{_plain(doc, marks)}</div>\n'


def _plain(doc: Document, marks: Sequence[Mark]) -> str:
    first = _FIRST_LINE.match(doc.text, doc.body_start) if doc.format == "text" else None
    if first is None or doc.title or any(m.start < first.end(1) < m.end for m in marks):
        return annotate(doc.text, doc.body_start, marks)
    # The same characters, the first line inside a heading: the text still reads back whole.
    cut = first.end(1)
    head = annotate(doc.text[:cut], doc.body_start, [m for m in marks if m.end <= cut])
    rest = annotate(doc.text, cut, [m for m in marks if m.start >= cut])
    return f'<span class="headline" role="heading" aria-level="4">{head}</span>{rest}'

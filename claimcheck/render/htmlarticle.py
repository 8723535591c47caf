"""The article as it reads, with its marks: Markdown rendered (claimcheck.render.htmlmarkdown),
plain text and the text extracted from an HTML page as written, their line breaks kept."""

from __future__ import annotations

from collections.abc import Sequence

from claimcheck.model import Document
from claimcheck.render import htmlmarkdown
from claimcheck.render.htmlmarks import Mark, annotate


def article(doc: Document, marks: Sequence[Mark]) -> str:
    if doc.format == "markdown":
        rendered = htmlmarkdown.render(doc, marks)
        if rendered is not None:
            return f'<div class="article md">{rendered}</div>\n'
    return f'<div class="article">{annotate(doc.text, doc.body_start, marks)}</div>\n'

"""The article as it reads, with its marks: Markdown rendered (claimcheck.render.htmlmarkdown),
plain text and extracted HTML text as written, the first line of a plain-text article shown as its
headline."""

from __future__ import annotations

from collections.abc import Sequence

from claimcheck.model import Document
from claimcheck.render.htmlmarks import Mark, annotate


def article(doc: Document, marks: Sequence[Mark]) -> str:
    return f'<div class="article">{annotate(doc.text, doc.body_start, marks)}</div>\n'

"""The document date: from an explicit option, the document's metadata, or inferred from its text.

Placeholder until inference from the text lands.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from .models import Document


def infer_from_text(document: Document) -> tuple[dt.date | None, str]:
    return None, "no document date given and none could be inferred from the text"


def resolve(document: Document, as_of: dt.date | None) -> Document:
    if as_of is not None:
        return dataclasses.replace(
            document, date=as_of, date_source="option", date_note="--as-of on the command line"
        )
    if document.date is not None:
        return document
    date, note = infer_from_text(document)
    source = "inferred" if date is not None else "none"
    return dataclasses.replace(document, date=date, date_source=source, date_note=note)

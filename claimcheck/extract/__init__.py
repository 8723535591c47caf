"""Claim extraction: documents in, (document, claims) out.

Placeholder until the numeric and temporal extractors land.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..models import Claim, Document

if TYPE_CHECKING:
    from spacy.language import Language

    from ..config import Settings


def extract_claims(
    documents: Iterable[Document], nlp: Language, settings: Settings
) -> Iterator[tuple[Document, list[Claim]]]:
    for document in documents:
        yield document, []

"""Lemmas on demand. The rule lemmatizer costs a sixth of the parse when run over every token,
and claimcheck reads the lemma of a few dozen tokens a sentence, so the parse may skip it
(parsing.py) and leave the pipeline's own lemmatizer on the doc: `lemma(token)` asks it then for
that token alone. Its rule reads the token's text, part of speech and morphology, all final by
then, and caches by those, so the answer is the one the full pipeline writes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_DEFERRED = "claimcheck.lemmatizer"  # Doc.user_data key: the lemmatizer the parse skipped


def defer(doc: Doc, lemmatizer: Any) -> None:
    """Mark `doc` as parsed without `lemmatizer`, which `lemma` is to ask instead."""
    doc.user_data[_DEFERRED] = lemmatizer


def lemma(token: Token) -> str:
    """token.lemma_ as the whole pipeline would have set it. A lemma the attribute ruler wrote
    stays, as the lemmatizer (unless told to overwrite) keeps it."""
    lemmatizer = token.doc.user_data.get(_DEFERRED)
    if lemmatizer is not None and (token.lemma == 0 or lemmatizer.overwrite):
        token.lemma_ = lemmatizer.lemmatize(token)[0]
    return token.lemma_

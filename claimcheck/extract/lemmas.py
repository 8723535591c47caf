"""Lemmas on demand. The rule lemmatizer costs a tenth of the parse when run over every token,
and claimcheck reads the lemma of a few dozen tokens a sentence, so the parse may skip it
(parsing.py) and leave the pipeline's own lemmatizer on the doc: `lemma(token)` asks it then for
that token alone. Its rule reads the token's text, part of speech and morphology, all final by
then, and caches by those, so the answer is the one the full pipeline writes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_DEFERRED = "claimcheck.lemmatizer"  # Doc.user_data key: the lemmatizer the parse skipped
_KNOWN = 200_000


class Deferred:
    """The lemmatizer a parse skipped, asked token by token. Its own cache keeps only the
    lemmas its rules derive, so the answers are kept here too, by what the rule reads."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.known: dict[tuple[int, int, int], str] = {}

    def mark(self, doc: Doc) -> None:
        """Mark `doc` as parsed without the lemmatizer, which `lemma` is to ask instead."""
        doc.user_data[_DEFERRED] = self

    def __call__(self, token: Token) -> str:
        if token.lemma and not self.lemmatizer.overwrite:
            return token.lemma_  # written by the attribute ruler; the lemmatizer keeps it
        key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]
        found = self.known.get(key)
        if found is None:
            found = self.lemmatizer.lemmatize(token)[0]
            if len(self.known) < _KNOWN:  # an archive's vocabulary must not grow it without end
                self.known[key] = found
        token.lemma_ = found
        return found


def lemma(token: Token) -> str:
    """token.lemma_ as the whole pipeline would have set it."""
    deferred = token.doc.user_data.get(_DEFERRED)
    return token.lemma_ if deferred is None else deferred(token)

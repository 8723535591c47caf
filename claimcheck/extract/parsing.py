"""How the chunks are parsed: the named pipeline, minus the work only done faster afterwards.

Two components of the English pipelines cost a fifth of their parse and are replaced by exact
equivalents: the attribute ruler by a table (attributes.py) applied when the doc comes back, the
rule lemmatizer by lemmas asked for when read (lemmas.py). Moving them after the components that
follow them is exact only when those read nothing they write: the entity recognizer of a spaCy
pipeline embeds the token's letters (NORM, PREFIX, SUFFIX, SHAPE) and nothing else. Any other
pipeline, or patterns the table cannot reproduce, is parsed as it is.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claimcheck.extract.attributes import AttributeTable, Unsupported
from claimcheck.extract.lemmas import Deferred

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Token attributes a model may embed that neither the ruler nor the lemmatizer writes.
_LEXICAL = {"ORTH", "LOWER", "NORM", "PREFIX", "SUFFIX", "SHAPE"}


@dataclass(frozen=True)
class Plan:
    """Which components nlp.pipe skips, and what stands in for them on each parsed doc."""

    skipped: tuple[str, ...] = ()
    table: AttributeTable | None = None
    lemmas: Deferred | None = None

    @classmethod
    def of(cls, nlp: Language) -> Plan:
        """The plan for `nlp` as its components stand, made once per pipeline and process:
        the table and the lemmas learn as they go (a cold start costs some 40 ms)."""
        return _planned(nlp, tuple(nlp.pipe_names))

    @classmethod
    def make(cls, nlp: Language) -> Plan:
        ruler, table = _ruler(nlp)
        lemmatizer = _lemmatizer(nlp)
        for names in ((ruler, lemmatizer), (None, lemmatizer)):
            skipped = tuple(n for n in names if n is not None)
            if skipped and _movable(nlp, skipped):
                return cls(
                    skipped,
                    table if ruler in skipped else None,
                    Deferred(nlp.get_pipe(lemmatizer)) if lemmatizer in skipped else None,
                )
        return cls()

    def finish(self, doc: Doc) -> Doc:
        """The doc as the whole pipeline leaves it (its lemmas read through lemmas.lemma)."""
        if self.table is not None:
            self.table(doc)
        if self.lemmas is not None:
            self.lemmas.mark(doc)
        return doc


@functools.lru_cache(maxsize=4)
def _planned(nlp: Language, names: tuple[str, ...]) -> Plan:
    return Plan.make(nlp)  # `names` is in the key only: a pipeline changed since gets a new one


def _ruler(nlp: Language) -> tuple[str | None, AttributeTable | None]:
    from spacy.pipeline import AttributeRuler

    for name, component in nlp.pipeline:
        if isinstance(component, AttributeRuler):
            try:
                return name, AttributeTable(component)
            except (Unsupported, ImportError):
                return None, None
    return None, None


def _lemmatizer(nlp: Language) -> str | None:
    """The rule lemmatizer, if it may be asked token by token (lookup mode: left to run)."""
    from spacy.pipeline import Lemmatizer

    for name, component in nlp.pipeline:
        if isinstance(component, Lemmatizer) and component.mode == "rule":
            try:
                component._validate_tables()  # what its first call checks; may raise
            except (ValueError, AttributeError):  # tables missing, or another spaCy: run it
                return None
            return name
    return None


def _movable(nlp: Language, skipped: tuple[str, ...]) -> bool:
    """Whether every component after the first skipped one reads nothing the skipped write."""
    names = list(nlp.pipe_names)
    first = min(names.index(n) for n in skipped)
    return all(_lexical(nlp, name) for name in names[first + 1 :] if name not in skipped)


def _lexical(nlp: Language, name: str) -> bool:
    config = nlp.get_pipe_config(name)
    return config.get("factory") == "ner" and set(_attrs(config)) <= _LEXICAL


def _attrs(config: Any) -> Iterator[str]:
    """Every token attribute named in a component's config (its embeddings' `attrs`)."""
    if isinstance(config, Mapping):
        for key, value in config.items():
            yield from value if key == "attrs" and isinstance(value, list) else _attrs(value)
    elif isinstance(config, list):
        for value in config:
            yield from _attrs(value)

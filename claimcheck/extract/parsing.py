"""How the chunks are parsed: the named pipeline, minus the work only done faster afterwards.

Two components of the English pipelines cost a fifth of their parse and are replaced by exact
equivalents: the attribute ruler by a table (attributes.py) applied when the doc comes back, the
rule lemmatizer by lemmas asked for when read (lemmas.py). Moving them after the components that
follow them is exact only when those read nothing they write: the entity recognizer of a spaCy
pipeline embeds the token's letters (NORM, PREFIX, SUFFIX, SHAPE) and nothing else. Any other
pipeline, or patterns the table cannot reproduce, is parsed as it is.

The entity recognizer, which embeds the words itself, can also run first and alone: the
components before it (tok2vec, tagger, parser) then run only on the chunks a caller chooses
(`Plan.staged`; extract/entity_gate.py chooses for the chunks only the entity stage reads). The
one thing the recognizer reads from them is where the parser starts sentences (it never lets an
entity cross one): a chunk whose entities, found first, cross a sentence the parser then starts
is recognized again, from its text, in the pipeline's own order.
"""

from __future__ import annotations

import functools
import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claimcheck.extract.attributes import AttributeTable, Unsupported
from claimcheck.extract.lemmas import Deferred

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Token attributes a model may embed that neither the ruler nor the lemmatizer writes.
_LEXICAL = {"ORTH", "LOWER", "NORM", "PREFIX", "SUFFIX", "SHAPE"}
# Components that read no entity, so they may run after the recognizer instead of before it.
_BLIND = {"tok2vec", "tagger", "parser", "morphologizer", "senter"}


@dataclass(frozen=True)
class Plan:
    """Which components nlp.pipe skips, and what stands in for them on each parsed doc."""

    skipped: tuple[str, ...] = ()
    table: AttributeTable | None = None
    lemmas: Deferred | None = None
    deferred: tuple[str, ...] = ()  # run after the recognizer, on the chunks chosen (staged)

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
                    _deferrable(nlp, skipped),
                )
        return cls(deferred=_deferrable(nlp, ()))

    def staged(
        self,
        nlp: Language,
        tasks: Iterable[tuple[str, Any]],
        wanted: Callable[[Doc, Any], bool],
        batch_size: int,
    ) -> Iterator[tuple[Doc, Any, bool]]:
        """(doc, context, parsed) for every (text, context), in order: the recognizer runs on
        all, the deferred components on the docs `wanted(doc, context)` chooses (parsed True,
        the doc as the whole pipeline leaves it). The others keep the recognizer's entities
        and tokens only, and `finish` is not for them."""
        disable = (*self.skipped, *self.deferred)
        first = iter(nlp.pipe(tasks, as_tuples=True, batch_size=batch_size, disable=disable))
        while batch := list(itertools.islice(first, batch_size)):
            chosen = [i for i, (doc, context) in enumerate(batch) if wanted(doc, context)]
            docs = self._complete(nlp, [batch[i][0] for i in chosen], batch_size)
            done = dict(zip(chosen, docs, strict=True))
            for i, (doc, context) in enumerate(batch):
                yield done.get(i, doc), context, i in done

    def _complete(self, nlp: Language, docs: list[Doc], batch_size: int) -> list[Doc]:
        for name in self.deferred:
            component: Any = nlp.get_pipe(name)  # every _BLIND factory's component has pipe()
            docs = list(component.pipe(docs, batch_size=batch_size))
        again = [i for i, doc in enumerate(docs) if _crossing(doc)]
        if again:
            texts = [docs[i].text for i in again]
            for i, doc in zip(again, nlp.pipe(texts, disable=self.skipped), strict=True):
                docs[i] = doc
        return docs

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


def _deferrable(nlp: Language, skipped: tuple[str, ...]) -> tuple[str, ...]:
    """The components before the recognizer, when it comes last (the skipped aside), embeds
    only the words' letters itself (no listener) and they read no entity; else none."""
    names = [n for n in nlp.pipe_names if n not in skipped]
    if len(names) < 2 or not _lexical(nlp, names[-1]):
        return ()
    if "Listener" in json.dumps(nlp.get_pipe_config(names[-1]), default=str):
        return ()  # it reads a shared tok2vec: that must run first
    before = names[:-1]
    if all(nlp.get_pipe_config(n).get("factory") in _BLIND for n in before):
        return tuple(before)
    return ()


def _crossing(doc: Doc) -> bool:
    """Whether an entity found before the parse crosses a sentence start the parse set."""
    starts = [t.is_sent_start for t in doc]
    return any(any(starts[ent.start + 1 : ent.end]) for ent in doc.ents if len(ent) > 1)


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

"""Several sources of one sort, consulted in the order they were named: two entity snapshots, a
snapshot before the live Wikidata, a WDI archive beside today's statistics. What the first cannot
answer, the next may.

- Entities: each id from the first source that holds it; a property the first lacks is taken
  from the next that has it. Search: the first source with candidates.
- Statistics: every source's values together (the releases of an archive and today's data are
  judged side by side); the indicator and country of the first that knows them.

A source that cannot answer (SourceUnavailable) is passed over when another answers; when none
does, the first one's error stands.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from claimcheck.errors import SourceUnavailable
from claimcheck.model import Area, Candidate, Entity, Indicator, Observation
from claimcheck.sources.base import KnowledgeSource, StatisticsSource

T = TypeVar("T")
S = TypeVar("S")


def _each(sources: Sequence[S], ask: Callable[[S], T], done: Callable[[T], bool]) -> list[T]:
    """What each source answers, up to the first whose answer is `done`."""
    answers: list[T] = []
    failure: SourceUnavailable | None = None
    for source in sources:
        try:
            answer = ask(source)
        except SourceUnavailable as err:
            failure = failure or err
            continue
        answers.append(answer)
        if done(answer):
            break
    if not answers and failure is not None:
        raise failure
    return answers


class KnowledgeChain:
    name = "chain"

    def __init__(self, sources: Sequence[KnowledgeSource]) -> None:
        self.sources = tuple(sources)
        self.members_complete = any(getattr(s, "members_complete", False) for s in sources)

    def describe(self) -> Mapping[str, Any]:
        return {"name": "sources", "sources": [s.describe() for s in self.sources]}

    def search(self, mention: str, *, language: str = "en", limit: int = 10) -> Sequence[Candidate]:
        answers = _each(
            self.sources, lambda s: s.search(mention, language=language, limit=limit), bool
        )
        return next((a for a in answers if a), ())

    def entities(self, ids: Sequence[str]) -> Mapping[str, Entity]:
        found: dict[str, Entity] = {}
        wanted = list(dict.fromkeys(ids))
        answers = _each(self.sources, lambda s: s.entities(wanted), lambda a: False)
        for answer in answers:
            for key, entity in answer.items():
                found[key] = _merged(found.get(key), entity)
        return found

    def members(self, organization_id: str) -> Sequence[Entity]:
        for source in self.sources:
            lister = getattr(source, "members", None)
            if lister is not None and getattr(source, "members_complete", False):
                return tuple(lister(organization_id))
        return ()


def _merged(first: Entity | None, later: Entity) -> Entity:
    if first is None or first.missing:
        return later
    if later.missing:
        return first
    extra = {p: s for p, s in later.statements.items() if p not in first.statements}
    return replace(first, statements={**first.statements, **extra}) if extra else first


class StatisticsChain:
    name = "statistics"

    def __init__(self, sources: Sequence[StatisticsSource]) -> None:
        self.sources = tuple(sources)

    def describe(self) -> Mapping[str, Any]:
        return {"name": "statistics", "sources": [s.describe() for s in self.sources]}

    def indicator(self, measure: str) -> Indicator | None:
        return next((i for s in self.sources if (i := s.indicator(measure)) is not None), None)

    def area(self, *names: str | None) -> Area | None:
        return next((a for s in self.sources if (a := s.area(*names)) is not None), None)

    def observations(
        self, indicator: str, country: str, years: tuple[int, int]
    ) -> Sequence[Observation]:
        answers = _each(
            self.sources, lambda s: s.observations(indicator, country, years), lambda a: False
        )
        return [o for answer in answers for o in answer]


def chained(first: Any, then: Any) -> Any:
    """`first` and `then` (of one sort) as one source, in that order."""
    if isinstance(first, StatisticsSource) and isinstance(then, StatisticsSource):
        stats = first.sources if isinstance(first, StatisticsChain) else (first,)
        return StatisticsChain((*stats, then))
    known = first.sources if isinstance(first, KnowledgeChain) else (first,)
    return KnowledgeChain((*known, then))

"""The only place that composes the stages: read → extract → (check) → results."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, BinaryIO

from claimcheck.model import Document, DocumentResult
from claimcheck.read import docdate
from claimcheck.read.documents import Unreadable, read_inputs

if TYPE_CHECKING:
    from claimcheck.config import Settings
    from claimcheck.nlp import Language
    from claimcheck.sources.base import KnowledgeSource

OnUnreadable = Callable[[Unreadable], None]


def read_documents(
    paths: Iterable[str],
    settings: Settings,
    on_unreadable: OnUnreadable,
    stdin: BinaryIO | None = None,
) -> Iterator[Document]:
    for item in read_inputs(paths, settings.read, stdin):
        if isinstance(item, Unreadable):
            on_unreadable(item)
        else:
            yield docdate.resolve(item, settings.as_of)


def extract(
    documents: Iterable[Document], nlp: Language, settings: Settings
) -> Iterator[DocumentResult]:
    from claimcheck.extract import extract_claims

    for document, claims in extract_claims(documents, nlp, settings.jobs):
        yield DocumentResult(document=document, claims=tuple(claims))


def check(
    documents: Iterable[Document],
    nlp: Language,
    settings: Settings,
    source: KnowledgeSource | None = None,
) -> Iterator[DocumentResult]:
    """Extract, then look for internal inconsistencies, then (unless --no-verify) verify against
    the knowledge source. Later stages land with their issues."""
    from claimcheck.policy.apply import apply_rules

    verifier = verifier_for(settings, source)
    for result in extract(documents, nlp, settings):
        yield apply_rules(verifier(add_inconsistencies(result)), settings)  # apply_rules stays last


def verify(
    results: Iterable[DocumentResult], settings: Settings, source: KnowledgeSource | None = None
) -> Iterator[DocumentResult]:
    """Already-extracted results (e.g. read back from `extract`'s JSON lines) → verified, with
    the same verification and rules `check` applies."""
    from claimcheck.policy.apply import apply_rules

    verifier = verifier_for(settings, source)
    for result in results:
        yield apply_rules(verifier(result), settings)


def verifier_for(
    settings: Settings, source: KnowledgeSource | None
) -> Callable[[DocumentResult], DocumentResult]:
    """The verification stage for this run, or the identity when --no-verify. The source is
    built lazily from settings unless one is injected (tests pass a fake)."""
    if not settings.verify:
        return lambda result: result
    from claimcheck.sources import get_source
    from claimcheck.verify.stage import verify_result

    built: list[KnowledgeSource] = []

    def run(result: DocumentResult) -> DocumentResult:
        if not built:
            built.append(source if source is not None else get_source(settings.sources))
        return verify_result(result, built[0], settings.as_of, dict(settings.predicates))

    return run


def add_inconsistencies(result: DocumentResult) -> DocumentResult:
    """The internal-consistency findings (no network) beside any findings already there."""
    from dataclasses import replace

    from claimcheck.consistency import find_inconsistencies, sort_key

    found = find_inconsistencies(result.document, result.claims)
    return replace(result, findings=tuple(sorted((*result.findings, *found), key=sort_key)))

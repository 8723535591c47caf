"""The only place that composes the stages:
read → date → extract → consistency → link and verify → policy → (the caller renders).

Each stage is a module of its own; this file only wires them in order, so a change of order or a
new stage shows here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, BinaryIO

from claimcheck.model import Document, DocumentResult
from claimcheck.read import docdate
from claimcheck.read.documents import Unreadable, read_inputs

if TYPE_CHECKING:
    from claimcheck.config import Settings
    from claimcheck.nlp import Language
    from claimcheck.sources.base import KnowledgeSource, Sources

OnUnreadable = Callable[[Unreadable], None]
OnProgress = Callable[[Document, int, int], None]
Warn = Callable[[str], None]


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
    documents: Iterable[Document],
    nlp: Language,
    settings: Settings,
    on_progress: OnProgress | None = None,
) -> Iterator[DocumentResult]:
    """`on_progress(document, done, total)` is told how many characters of a document are done
    as its chunks come back from the parser (a long one takes minutes)."""
    from claimcheck.extract import extract_claims

    chunked = extract_claims(documents, nlp, settings.jobs, on_progress=on_progress)
    for document, claims in chunked:
        yield DocumentResult(document=document, claims=tuple(claims))


def check(
    documents: Iterable[Document],
    nlp: Language,
    settings: Settings,
    source: KnowledgeSource | Sources | None = None,
    on_progress: OnProgress | None = None,
) -> Iterator[DocumentResult]:
    """Extract, then look for internal inconsistencies, then (unless --no-verify) verify against
    the knowledge source, then apply the rule policy (always last)."""
    from claimcheck.policy.apply import apply_rules

    verifier = verifier_for(settings, source)
    for result in extract(documents, nlp, settings, on_progress):
        yield apply_rules(verifier(add_inconsistencies(result)), settings)


def verify(
    results: Iterable[DocumentResult],
    settings: Settings,
    source: KnowledgeSource | Sources | None = None,
) -> Iterator[DocumentResult]:
    """Already-extracted results (e.g. read back from `extract`'s JSON lines) → verified, with
    the same date rule, verification and policy `check` applies."""
    from claimcheck.policy.apply import apply_rules

    verifier = verifier_for(settings, source)
    for result in results:
        dated = replace(result, document=docdate.override(result.document, settings.as_of))
        yield apply_rules(verifier(dated), settings)


def source_for(settings: Settings, warn: Warn = lambda message: None) -> Sources | None:
    """The sources a run asked for (None with --no-verify): the one place sources are built.
    `warn` receives what a source has to say (an unusable cache, no contact, a wait)."""
    if not settings.verify:
        return None
    from claimcheck.sources import Environment, get_sources

    return get_sources(settings.sources, Environment(warn=warn))


def verifier_for(
    settings: Settings, source: KnowledgeSource | Sources | None
) -> Callable[[DocumentResult], DocumentResult]:
    """The verification stage for this run, or the identity when --no-verify. The source is
    built on first use unless one is injected (the CLI passes its own, tests a fake)."""
    if not settings.verify:
        return lambda result: result
    from claimcheck.verify.stage import verify_result

    built: list[KnowledgeSource | Sources] = [source] if source is not None else []

    def run(result: DocumentResult) -> DocumentResult:
        if not built:
            made = source_for(settings)
            assert made is not None  # settings.verify holds
            built.append(made)
        return verify_result(result, built[0], dict(settings.predicates))

    return run


def add_inconsistencies(result: DocumentResult) -> DocumentResult:
    """The internal-consistency findings (no network) beside any findings already there."""
    from claimcheck.consistency import find_inconsistencies, sort_key

    found = find_inconsistencies(result.document, result.claims)
    return replace(result, findings=tuple(sorted((*result.findings, *found), key=sort_key)))

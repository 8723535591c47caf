"""Claim extraction: documents in, (document, claims) out.

Each document is cut into sentence-ish chunks (chunks.py); a cheap regex pass (scan.py) finds
the numeric and temporal candidates of each chunk; only chunks with a candidate, or that the
entity extractor wants to see, go through spaCy, batched with nlp.pipe. The parse settles what a
count counts and lets the entity hooks add their claims and the context of ours. A chunk only
the entity hooks want is first seen by the entity recognizer alone, and parsed whole only if its
entities could give a claim (extract/entity_gate.py). Everything reads
the document unwrapped, a soft line break one space; claims are mapped back to the original.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from claimcheck.extract.chunks import chunks
from claimcheck.extract.claims import make_claim, restored
from claimcheck.extract.elided_counts import inherited, named_after, threshold
from claimcheck.extract.found import Found
from claimcheck.extract.parsing import Plan
from claimcheck.extract.refine import refine
from claimcheck.extract.sentence import text_of, with_text
from claimcheck.extract.unwrap import Unwrapped, unwrapped
from claimcheck.model import Claim, Document, Span

if TYPE_CHECKING:
    from spacy.language import Language


BATCH_SIZE = 128
_KIND_ORDER = ("count", "quantity", "money", "percent", "duration", "date", "ordinal")


@dataclass
class _Pending:
    """A document whose parsed chunks are still coming back from nlp.pipe."""

    view: Unwrapped  # the chunks are cut from view.document, soft breaks folded
    expected: int = 0
    claims: list[Claim] = field(default_factory=list)
    done: bool = False  # every chunk has been handed to nlp.pipe


@dataclass(frozen=True)
class Hooks:
    """The entity extractor's three hooks (claimcheck.extract.entities), or none."""

    might_hold_entities: Callable[[str], bool]
    entity_claims: Callable[[Document, Any, int], list[Claim]]
    attach_context: Callable[[Document, Any, int, list[Claim]], list[Claim]]
    # Given the recognizer's doc alone of a chunk without candidates: parse it? (None: always.)
    needs_parse: Callable[[Document, Any, int], bool] | None = None

    @classmethod
    def load(cls) -> Hooks | None:
        try:
            from claimcheck.extract import entities, entity_gate
        except ImportError:
            return None
        return cls(
            entities.might_hold_entities,
            entities.entity_claims,
            entities.attach_context,
            entity_gate.needs_parse,
        )


# Told, as each parsed chunk comes back, how far into the document (its characters) the work is.
OnProgress = Callable[[Document, int, int], None]


def extract_claims(
    documents: Iterable[Document],
    nlp: Language,
    jobs: int = 1,
    hooks: Hooks | None = None,
    on_progress: OnProgress | None = None,
) -> Iterator[tuple[Document, list[Claim]]]:
    """(document, claims) for every document, in input order; claims ordered by span, kind.
    `jobs` is how many processes spaCy parses with; `on_progress(document, done, total)`."""
    hooks = hooks if hooks is not None else Hooks.load()
    pending: deque[_Pending] = deque()
    candidates: dict[tuple[int, int], tuple[str, list[Found], Document]] = {}
    tasks = _tasks(documents, hooks, pending, candidates)
    plan = Plan.of(nlp)
    for sdoc, (serial, offset), whole in _parsed(nlp, plan, tasks, jobs, hooks, candidates):
        if whole:
            plan.finish(sdoc)
        while pending[0].expected == 0 and pending[0].done:
            yield _finish(pending.popleft())
        entry = pending[0]
        text, found, _ = candidates.pop((serial, offset))
        if whole:  # else the entity gate found nothing a claim could come from
            with_text(sdoc, text)
            entry.claims.extend(_chunk_claims(entry.view.document, sdoc, offset, found, hooks))
        entry.expected -= 1
        if on_progress is not None:
            view = entry.view.document
            on_progress(entry.view.original, offset + len(text), len(view.text))
    while pending:
        yield _finish(pending.popleft())


def _parsed(
    nlp: Language,
    plan: Plan,
    tasks: Iterator[tuple[str, tuple[int, int]]],
    jobs: int,
    hooks: Hooks | None,
    candidates: dict[tuple[int, int], tuple[str, list[Found], Document]],
) -> Iterator[tuple[Any, tuple[int, int], bool]]:
    """(doc, (serial, offset), parsed whole) for every task, in order. A chunk with a candidate
    is always parsed whole; one only the entity hooks want, when the hooks say so."""
    gate = hooks.needs_parse if hooks is not None else None
    if gate is None or not plan.deferred or jobs != 1:
        parsed = nlp.pipe(
            tasks, as_tuples=True, batch_size=BATCH_SIZE, n_process=jobs, disable=plan.skipped
        )
        return ((doc, key, True) for doc, key in parsed)

    def wanted(doc: Any, key: tuple[int, int]) -> bool:
        _, found, document = candidates[key]
        return bool(found) or gate(document, doc, key[1])

    return plan.staged(nlp, tasks, wanted, BATCH_SIZE)


def _tasks(
    documents: Iterable[Document],
    hooks: Hooks | None,
    pending: deque[_Pending],
    candidates: dict[tuple[int, int], tuple[str, list[Found], Document]],
) -> Iterator[tuple[str, tuple[int, int]]]:
    """(chunk text, (document serial, chunk offset)) for every chunk worth parsing."""
    from claimcheck.extract.scan import scan  # its patterns take 0.1 s to compile: not for --help

    for serial, original in enumerate(documents):
        view = unwrapped(original)
        document = view.document
        entry = _Pending(view)
        pending.append(entry)
        for start, end in chunks(document):
            text = document.text[start:end]
            found = [_shifted(f, start) for f in scan(text, document.date)]
            found = [f for f in found if not _skipped(document, f)]
            if found or (hooks is not None and hooks.might_hold_entities(text)):
                candidates[(serial, start)] = text, found, document
                entry.expected += 1
                yield text, (serial, start)
        entry.done = True


def _claim(document: Document, found: Found, sentence: str) -> Claim:
    span = Span(found.start, found.end)
    return make_claim(document, found.kind, span, sentence, found.value, _with_core(found))


def _with_core(found: Found) -> dict[str, Any]:
    """The claim's fields, with `core` (the figure alone: '100,000' of 'more than 100,000
    troops', 'Sunday' of 'late Sunday night') where it is narrower than the whole span."""
    if found.core is None or found.core == (found.start, found.end):
        return dict(found.fields)
    start, end = max(found.core[0], found.start), min(found.core[1], found.end)
    if not found.start <= start < end <= found.end:
        return dict(found.fields)
    return {**found.fields, "core": Span(start, end)}


def _shifted(found: Found, offset: int) -> Found:
    core = (found.core[0] + offset, found.core[1] + offset) if found.core else None
    return dataclasses.replace(found, start=found.start + offset, end=found.end + offset, core=core)


def _skipped(document: Document, found: Found) -> bool:
    return document.skip_reaching(found.end, found.start)


def _in_skip(document: Document, claim: Claim) -> bool:
    """Code spans and comments are never mined, whoever found the claim."""
    return document.skip_reaching(claim.span.end, claim.span.start)


def _chunk_claims(
    document: Document, sdoc: Any, offset: int, found: list[Found], hooks: Hooks | None
) -> list[Claim]:
    sentence = text_of(sdoc)
    ours = []
    kept_found: list[Found] = []
    for candidate in found:
        if candidate.needs == "counted" and threshold(candidate, sdoc, offset):
            continue  # 'children under 12': an age bound, no count of children
        kept = refine(candidate, sdoc, offset)
        if kept is None:
            kept = inherited(candidate, sdoc, offset, kept_found)
        if kept is None:
            kept = named_after(candidate, sdoc, offset, found)
        if kept is not None:
            kept_found.append(kept)
            ours.append(_claim(document, kept, sentence))
    if hooks is None:
        return ours
    theirs = [c for c in hooks.entity_claims(document, sdoc, offset) if not _in_skip(document, c)]
    return hooks.attach_context(document, sdoc, offset, ours) + theirs


def _finish(entry: _Pending) -> tuple[Document, list[Claim]]:
    view = entry.view
    claims = entry.claims
    if view.document is not view.original:
        claims = [restored(claim, view) for claim in claims]
    return view.original, sorted(claims, key=_order)


def _order(claim: Claim) -> tuple[int, int, int, str, str]:
    rank = _KIND_ORDER.index(claim.kind) if claim.kind in _KIND_ORDER else len(_KIND_ORDER)
    return (claim.span.start, claim.span.end, rank, claim.kind, claim.id)

"""The one entry point every engine runs: input records (`id`, `text`, `date`, `title`) in, output
records (the JSON-lines records of `--format jsonl`) out, for a given Settings.

The CLI runs it in one process (`--jobs` parallelises the parse inside it), a Dask worker runs it
on each partition, a Spark executor in `mapPartitions`. The language pipeline is loaded once per
process and kept; a record that cannot be read or processed becomes an `error` record and the
others go on.
"""

from __future__ import annotations

import dataclasses
import functools
import os
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from claimcheck import pipeline
from claimcheck.engine import pool
from claimcheck.errors import ClaimcheckError, InputError
from claimcheck.model import Document, DocumentResult
from claimcheck.read import docdate
from claimcheck.read.documents import jsonl_document, record_document
from claimcheck.render.records import result_records

if TYPE_CHECKING:
    from claimcheck.config import Settings
    from claimcheck.nlp import Language
    from claimcheck.sources.base import KnowledgeSource, Sources

COMMANDS = ("extract", "check")
CHUNK = 500  # records held at once: spaCy's batches stay full, memory stays flat
# Where a record came from when it says nothing itself (a list handed to the library).
DEFAULT_ORIGIN = "<records>"


@functools.cache
def language(name: str) -> Language:
    """The spaCy pipeline `name`, loaded at most once in this process."""
    from claimcheck.nlp import load_pipeline

    return load_pipeline(name)


def process_records(
    records: Iterable[Mapping[str, Any]],
    settings: Settings,
    command: str = "extract",
    source: KnowledgeSource | Sources | None = None,
) -> Iterator[dict[str, Any]]:
    """Output records for input records, in input order: per document its `document` record,
    claims and findings; an `error` record for a record that cannot be read or processed.

    A record may carry `_origin` and `_number` (the file, and line or row, it was read from) so a
    document's `path` and `date_note` are what a local run of that file reports, and `_line`
    instead of the fields (a JSON line as read, parsed here so its errors are a local run's)."""
    for item in process(records, settings, command, source):
        yield from (item,) if isinstance(item, dict) else result_records(item)


def process(
    records: Iterable[Mapping[str, Any]],
    settings: Settings,
    command: str = "extract",
    source: KnowledgeSource | Sources | None = None,
) -> Iterator[DocumentResult | dict[str, Any]]:
    """process_records, with each document's result still a DocumentResult. Records are taken
    CHUNK at a time, so memory stays flat however long the iterable."""
    numbered = enumerate(records, start=1)
    while chunk := list(islice(numbered, CHUNK)):
        yield from _process_chunk(chunk, settings, command, source)


def _process_chunk(
    chunk: list[tuple[int, Mapping[str, Any]]],
    settings: Settings,
    command: str,
    source: KnowledgeSource | Sources | None,
) -> Iterator[DocumentResult | dict[str, Any]]:
    documents: list[Document] = []
    errors: list[dict[str, Any]] = []
    for number, record in chunk:
        origin = str(record.get("_origin") or DEFAULT_ORIGIN)
        line = int(record.get("_number") or number)
        try:
            documents.append(to_document(record, origin, line, settings))
        except ClaimcheckError as err:
            errors.append(error_record(f"{origin}:{line}", record.get("id"), str(err)))
    yield from errors
    yield from isolated(documents, settings, command, source)


def to_document(record: Mapping[str, Any], origin: str, line: int, settings: Settings) -> Document:
    # The archive reader's records (engine/archive.py) carry `_origin` and one of `_error`,
    # `_line` or `_row`; any other caller's record is the row itself.
    ours = "_origin" in record
    if ours and "_error" in record:
        raise InputError(str(record["_error"]))
    if ours and "_line" in record:
        document = jsonl_document(origin, line, str(record["_line"]))
    elif ours and isinstance(record.get("_row"), Mapping):
        document = record_document(dict(record["_row"]), origin, line)
    else:
        fields = {k: v for k, v in record.items() if k not in ("_origin", "_number")}
        document = record_document(fields, origin, line)
    return docdate.resolve(document, settings.as_of)


def error_record(where: str, doc_id: Any, message: str) -> dict[str, Any]:
    """A record that could not be processed: the driver reports it on stderr (CC902)."""
    return {"record": "error", "source": where, "id": doc_id, "message": message}


def isolated(
    documents: list[Document],
    settings: Settings,
    command: str,
    source: KnowledgeSource | Sources | None,
) -> Iterator[DocumentResult | dict[str, Any]]:
    """Results in one batch; when the batch fails, the documents not yet done one by one, so a
    document that breaks the extractor fails its own record (an error record) and no other."""
    done = 0
    try:
        for result in run_documents(documents, settings, command, source):
            done += 1
            yield result
        return
    except ClaimcheckError:
        raise  # the pipeline or the source cannot work at all: no document would fare better
    except Exception:  # noqa: BLE001 - isolate the document, report it, go on
        pass
    for document in documents[done:]:
        try:
            yield from list(run_documents([document], settings, command, source))
        except ClaimcheckError:
            raise
        except Exception as err:  # noqa: BLE001
            message = f"{document.id}: cannot be processed ({type(err).__name__}: {err})"
            yield error_record(document.path or DEFAULT_ORIGIN, document.id, message)


def run_documents(
    documents: Iterable[Document],
    settings: Settings,
    command: str = "extract",
    source: KnowledgeSource | Sources | None = None,
    nlp: Language | None = None,
    on_progress: pipeline.OnProgress | None = None,
) -> Iterator[DocumentResult]:
    """Documents → results, extracting (and with `check`, checking) them, in this process or,
    with jobs > 1, whole documents in that many worker processes (engine/pool.py).
    `settings.jobs == 0` means: every core when there is more than one document.
    `on_progress` is told how far into each document the parse is (pipeline.extract), in this
    process only: a worker's progress would interleave with the others' on the terminal."""
    if command not in COMMANDS:
        raise ValueError(f"unknown command {command!r}; choose one of {COMMANDS}")
    documents, jobs = jobs_for(documents, settings.jobs)
    settings = dataclasses.replace(settings, jobs=1)  # a worker, or this process, parses alone
    nlp = nlp if nlp is not None else language(settings.pipeline)
    work = functools.partial(
        _in_process, settings=settings, command=command, source=source, nlp=nlp
    )
    if jobs > 1 and pool.can_fork():
        return pool.run_in_workers(documents, work, jobs)
    return work(documents, on_progress=on_progress)


def _in_process(
    documents: Iterable[Document],
    settings: Settings,
    command: str,
    source: KnowledgeSource | Sources | None,
    nlp: Language,
    on_progress: pipeline.OnProgress | None = None,
) -> Iterator[DocumentResult]:
    if command == "extract":
        return pipeline.extract(documents, nlp, settings, on_progress)
    return pipeline.check(documents, nlp, settings, source, on_progress)


def jobs_for(documents: Iterable[Document], jobs: int) -> tuple[Iterable[Document], int]:
    """The worker count: as asked, else (0) all cores for two documents or more and one
    for a single document, as ruff does. Peeks at two documents without losing them."""
    if jobs > 0:
        return documents, jobs
    iterator = iter(documents)
    head = list(islice(iterator, 2))
    jobs = (os.cpu_count() or 1) if len(head) > 1 else 1
    return chain(head, iterator), jobs

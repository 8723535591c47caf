"""`--jobs N`: whole documents in N worker processes, results in input order.

Each worker runs everything a document goes through (extract, consistency, verify, policy) with
one spaCy process of its own, so only documents go out and results come back: far less to ship
than parsed sentences, which made spaCy's own `n_process` slower than one process here.

Workers are forked, so they start with the pipeline and the run's source already in memory (no
reload, nothing pickled on the way in); the source opens its connections (HTTP, the SQLite
cache) lazily, so each worker opens its own. Documents go out in chunks of about CHUNK_CHARS
characters (finer at the end), at most AHEAD chunks per worker at a time: memory stays flat and
results stream.
Ctrl-C, SIGTERM and an unwritable stdout stop the workers from `__main__` (they are ordinary
multiprocessing children); nothing here waits for a worker once the run has failed.
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from claimcheck.errors import WorkerLost
from claimcheck.model import Document, DocumentResult

Done = tuple[list[DocumentResult], str]
Work = Callable[[list[Document]], Iterable[DocumentResult]]

CHUNK_CHARS = 20_000  # some 3,500 words: a second of parsing, against milliseconds of shipping
AHEAD = 2  # chunks per worker in flight: one being parsed, one waiting, so no worker idles
TAIL_CHARS = 2_000  # the smallest chunk at the end: some 0.05 s of parsing, still far more than
# the cost of a chunk (measured: 28 or 71 chunks of the same 111 documents take the same CPU)

_work: list[Work] = []  # a worker's own copy, set by _start


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def run_in_workers(
    documents: Iterable[Document], work: Work, jobs: int
) -> Iterator[DocumentResult]:
    """work(chunk) for every chunk of `documents`, in `jobs` forked workers; results in order."""
    pool = ProcessPoolExecutor(
        jobs, mp_context=multiprocessing.get_context("fork"), initializer=_start, initargs=(work,)
    )
    finished = False
    try:
        pending: deque[Future[Done]] = deque()
        for chunk in chunked(documents, CHUNK_CHARS, jobs):
            pending.append(pool.submit(_run, chunk))
            if len(pending) >= AHEAD * jobs:
                yield from _relayed(pending.popleft())
        while pending:
            yield from _relayed(pending.popleft())
        finished = True
    finally:
        _stop(pool, finished)


def _stop(pool: ProcessPoolExecutor, finished: bool) -> None:
    """Done: let the workers end. Failed or abandoned: stop them now, never wait on one (it may
    be stopped already, or busy on a result nobody wants)."""
    workers = list((pool._processes or {}).values())  # noqa: SLF001 - no public handle on them
    pool.shutdown(wait=finished, cancel_futures=not finished)
    if not finished:
        for worker in workers:
            worker.terminate()
        for worker in workers:  # a worker that outlives SIGTERM (its mask inherited) is killed
            worker.join(timeout=2)
            if worker.is_alive():
                worker.kill()


def chunked(documents: Iterable[Document], size: int, workers: int = 1) -> Iterator[list[Document]]:
    """Consecutive documents, a chunk closed once its texts reach `size` characters.

    With several workers the last stretch is cut finer: a worker given the last full chunk
    would go on alone for a second while the others idle (a few % of a 2-worker run). So
    `size` characters per worker are read ahead, and once the input ends, what is left goes
    out in chunks of a 2*workers-th of it, down to TAIL_CHARS: the workers finish together."""
    ahead = size * workers if workers > 1 else 0
    buffer: deque[Document] = deque()
    held = 0
    for document in documents:
        buffer.append(document)
        held += len(document.text)
        while held >= size + ahead:
            chunk, taken = _take(buffer, size)
            held -= taken
            yield chunk
    while buffer:
        step = size if workers == 1 else max(TAIL_CHARS, min(size, held // (2 * workers)))
        chunk, taken = _take(buffer, step)
        held -= taken
        yield chunk


def _take(buffer: deque[Document], size: int) -> tuple[list[Document], int]:
    """Documents off the front of `buffer` until their texts reach `size` characters."""
    chunk: list[Document] = []
    taken = 0
    while buffer and taken < size:
        document = buffer.popleft()
        chunk.append(document)
        taken += len(document.text)
    return chunk, taken


def _start(work: Work) -> None:
    _work[:] = [work]


def _run(chunk: list[Document]) -> Done:
    """The chunk's results and what the work said on stderr (a source's warnings), which the
    parent writes where its own stderr goes, in order with the results."""
    with contextlib.redirect_stderr(io.StringIO()) as said:
        results = list(_work[0](chunk))
    return results, said.getvalue()


def _relayed(future: Future[Done]) -> list[DocumentResult]:
    try:
        results, said = future.result()
    except BrokenProcessPool:
        raise WorkerLost(
            "a --jobs worker process died mid-run (killed: out of memory?); nothing more can be "
            "checked in this run: run again with fewer --jobs or smaller inputs"
        ) from None
    if said:
        sys.stderr.write(said)
    return results

"""--jobs N runs whole documents in N worker processes (claimcheck.engine.pool): the output is
byte-identical to one process, for extract, check and check with verification; results stream
in input order with a bounded number of documents in flight."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import EXAMPLES, ROOT

from claimcheck.__main__ import main
from claimcheck.config import Settings
from claimcheck.engine import pool
from claimcheck.engine.records import run_documents
from claimcheck.model import Document

CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"
pytestmark = pytest.mark.slow


def corpus_slice(tmp_path, count: int):
    if not CORPUS.exists():
        pytest.skip("needs ../shared/corpus")
    with CORPUS.open(encoding="utf-8") as handle:
        lines = [line for _, line in zip(range(count), handle, strict=False)]
    path = tmp_path / "slice.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def outputs(capsys, args: list[str]) -> list[str]:
    got = []
    for jobs in ("1", "2"):
        status = main([*args, "--format", "jsonl", "--jobs", jobs])
        captured = capsys.readouterr()
        assert status in (0, 1), captured.err
        got.append(captured.out)
    return got


@pytest.mark.parametrize("command", ["extract", "check"])
def test_a_corpus_slice_gives_byte_identical_output_with_two_workers(
    tmp_path, capsys, monkeypatch, command
):
    monkeypatch.setattr(pool, "CHUNK_CHARS", 6000)  # many chunks: both workers, out of order
    path = corpus_slice(tmp_path, 24)
    args = [command, str(path), "--input-format", "jsonl"]
    one, two = outputs(capsys, args + (["--no-verify"] if command == "check" else []))
    assert one == two
    records = [json.loads(line) for line in one.splitlines()]
    assert sum(r["record"] == "document" for r in records) == 24


def test_verification_in_the_workers_gives_what_one_process_gives(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(pool, "CHUNK_CHARS", 1)  # one document a chunk
    stories = [EXAMPLES / name for name in ("anniversaries.md", "nato-russia-council.txt")]
    sources = [
        f"snapshot:{EXAMPLES / 'wikidata-snapshot.jsonl'}",
        f"snapshot:{EXAMPLES / 'statistics-snapshot.jsonl'}",
    ]
    args = ["check", *map(str, stories)]
    for source in sources:
        args += ["--source", source]
    one, two = outputs(capsys, args)
    assert one == two
    verdicts = [json.loads(line).get("verification") for line in one.splitlines()]
    assert {"supported", "contradicted"} <= {v["verdict"] for v in verdicts if v}


def test_results_stream_with_few_documents_in_flight(monkeypatch):
    monkeypatch.setattr(pool, "CHUNK_CHARS", 200)
    taken = []

    def documents():
        for number in range(400):
            taken.append(number)
            yield Document(
                id=f"d{number}", text=f"In {1900 + number} the club had {number} members."
            )

    results = run_documents(documents(), Settings(verify=False, jobs=2), "extract")
    first = next(iter(results))
    assert first.document.id == "d0" and first.claims
    assert len(taken) < 60  # 2 workers x 2 chunks x some 5 documents, not all 400
    ids = [first.document.id] + [r.document.id for r in results]
    assert ids == [f"d{n}" for n in range(400)]


def test_stopping_early_leaves_no_worker_behind(monkeypatch):
    import multiprocessing

    monkeypatch.setattr(pool, "CHUNK_CHARS", 200)
    before = set(multiprocessing.active_children())  # other tests' processes are not ours
    many = (Document(id=f"d{n}", text=f"{n} members met.") for n in range(2000))
    results = run_documents(many, Settings(verify=False, jobs=2), "extract")
    assert next(iter(results)).document.id == "d0"
    ours = set(multiprocessing.active_children()) - before
    assert len(ours) == 2
    results.close()  # type: ignore[attr-defined]
    for child in ours:
        child.join(timeout=30)
    assert not any(_running(child) for child in ours)


def _running(child: Any) -> bool:
    """Still running: not reaped, and not a zombie. Process.is_alive() alone can say True for a
    child the executor's own thread reaped in the same instant (its waitpid then fails), which
    made this test fail once in a loaded run."""
    if not child.is_alive():
        return False
    try:
        with open(f"/proc/{child.pid}/stat", encoding="ascii") as stat:
            state = stat.read().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    except OSError:
        return True
    return state not in ("Z", "X")


def test_chunks_keep_order_and_close_at_the_size():
    documents = [Document(id=str(n), text="x" * n) for n in (5, 5, 10, 1, 30, 2)]
    chunks = list(pool.chunked(documents, 10))
    assert [[d.id for d in chunk] for chunk in chunks] == [["5", "5"], ["10"], ["1", "30"], ["2"]]


def test_the_last_chunks_are_finer_so_the_workers_finish_together():
    documents = [Document(id=str(n), text="x" * 1000) for n in range(100)]
    sizes = [len(chunk) for chunk in pool.chunked(documents, 10_000)]
    assert sizes == [10] * 10  # one worker: nothing to balance
    chunks = list(pool.chunked(documents, 10_000, workers=2))
    assert [d for chunk in chunks for d in chunk] == documents
    sizes = [len(chunk) for chunk in chunks]
    assert sizes[:6] == [10] * 6 and sizes[-1] * 1000 == pool.TAIL_CHARS
    assert sizes[6:] == sorted(sizes[6:], reverse=True) and len(sizes) > 10

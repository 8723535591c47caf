"""`--engine dask` on a local cluster of 2 worker processes: the whole shared corpus, and a slice
of it with a bad line, give the records of a local run; a bad line fails its record, not the job;
--output DIR holds the same records as partitioned JSON lines or Parquet; a Parquet archive reads
too."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from claimcheck.__main__ import main

CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"
pytestmark = pytest.mark.slow
dask_distributed = pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def scheduler():
    cluster = dask_distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    yield cluster.scheduler_address
    cluster.close()


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """The first six short articles of the shared corpus (a slice of it: CI time), with a line
    that is no record in the middle."""
    if not CORPUS.exists():
        pytest.skip("needs ../shared/corpus")
    with CORPUS.open(encoding="utf-8") as handle:
        lines = [line for line in handle if len(json.loads(line)["text"]) < 3000][:6]
    path = tmp_path_factory.mktemp("archive") / "slice.jsonl"
    path.write_text("".join(lines[:3]) + '{"id": "broken"}\n' + "".join(lines[3:]), "utf-8")
    return path


def run(capsys, *argv: str) -> tuple[int, list[str], str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), captured.err


def on_dask(capsys, scheduler: str, command: str, path, *more: str):
    return run(capsys, command, str(path), "--engine", "dask", "--scheduler", scheduler, *more)


@pytest.mark.parametrize("command", ["extract", "check"])
def test_dask_records_sorted_equal_a_single_process_run(capsys, scheduler, archive, command):
    more = ["--no-verify"] if command == "check" else []
    local = run(capsys, command, str(archive), "--format", "jsonl", "--jobs", "1", *more)
    dask = on_dask(capsys, scheduler, command, archive, "--format", "jsonl", *more)
    assert dask[0] == local[0] == 2  # the broken line: exit 2, as a local run
    assert sorted(dask[1]) == sorted(local[1]) and len(local[1]) > 50
    assert dask[1] == local[1]  # and in input order
    assert "[CC902]" in dask[2] and f"{archive}:4: needs a non-empty string field" in dask[2]


def test_output_dir_holds_the_records_as_jsonl_or_parquet(capsys, scheduler, archive, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    _, expected, _ = on_dask(capsys, scheduler, "extract", archive)
    for fmt in ("jsonl", "parquet"):
        out = tmp_path / fmt
        status, stdout, err = on_dask(
            capsys, scheduler, "extract", archive, "--format", fmt, "--output", str(out)
        )
        assert status == 2 and stdout == [] and "wrote 6 documents" in err
        parts = sorted(out.glob(f"part-*.{fmt}"))
        assert len(parts) > 1  # partitioned
        if fmt == "jsonl":
            got = [line for part in parts for line in part.read_text("utf-8").splitlines()]
        else:
            got = [row for part in parts for row in pq.read_table(part).column("json").to_pylist()]
        assert got == expected
    status, _, err = on_dask(
        capsys, scheduler, "extract", archive, "--output", str(tmp_path / "jsonl")
    )
    assert status == 2 and "not empty" in err  # never mixes two runs


def test_a_parquet_archive_gives_the_records_of_its_jsonl_twin(
    capsys, scheduler, archive, tmp_path
):
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [json.loads(line) for line in archive.read_text("utf-8").splitlines()]
    rows = [r for r in rows if "text" in r]
    folder = tmp_path / "parquet"
    folder.mkdir()
    pq.write_table(pa.Table.from_pylist(rows[:3]), folder / "a.parquet")
    pq.write_table(pa.Table.from_pylist(rows[3:]), folder / "b.parquet")
    status, lines, _ = on_dask(capsys, scheduler, "extract", folder)
    records = [json.loads(line) for line in lines]
    documents = [r for r in records if r["record"] == "document"]
    assert status == 0 and [d["id"] for d in documents] == [r["id"] for r in rows]
    assert {d["path"] for d in documents} == {str(folder / "a.parquet"), str(folder / "b.parquet")}
    claims = sum(r["record"] == "claim" for r in records)
    _, jsonl, _ = on_dask(capsys, scheduler, "extract", archive)
    assert claims == sum('"record":"claim"' in line for line in jsonl)


def test_a_second_local_cluster_run_prints_no_port_warning(archive):
    """Another run (or anything) holding Dask's dashboard port 8787 must not put Dask's
    four-line "Port 8787 is already in use" warning into this run's stderr."""
    import socket

    holder = socket.socket()
    try:
        holder.bind(("127.0.0.1", 8787))
        holder.listen()
    except OSError:
        pass  # already held by something else: the condition the test wants
    try:
        exe = Path(sys.executable).with_name("claimcheck")
        done = subprocess.run(
            [str(exe), "extract", str(archive), "--engine", "dask", "--jobs", "1", "-f", "jsonl"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=600,
        )
    finally:
        holder.close()
    assert "8787" not in done.stderr and "Port" not in done.stderr, done.stderr
    assert sum(line.startswith('{"record":"document"') for line in done.stdout.splitlines()) == 6


def test_dask_refuses_stdin_and_table_format(capsys, archive):
    assert run(capsys, "extract", "-", "--engine", "dask")[0] == 2
    status, _, err = run(capsys, "extract", str(archive), "--engine", "dask", "--format", "table")
    assert status == 2 and "jsonl or parquet" in err
    status, _, err = run(capsys, "check", str(archive), "--engine", "dask", "--update-baseline")
    assert status == 2 and "baseline is written by a local run" in err
    status, _, err = run(capsys, "extract", str(archive), "--scheduler", "tcp://x:1")
    assert status == 2 and "--scheduler needs --engine dask" in err


@pytest.mark.corpus
def test_the_whole_shared_corpus_on_dask_gives_the_records_of_a_local_run(capsys, scheduler):
    """Every document of the shared corpus goes through the Dask run and its records are
    compared with what the local entry point gives for it. The local run uses `--jobs 2` so
    that both runs use both cores (some 2.5 minutes each in one process); it runs as its own
    process because forking this one, which holds the cluster's threads, is not safe."""
    if not CORPUS.exists():
        pytest.skip("needs ../shared/corpus")
    with CORPUS.open(encoding="utf-8") as handle:
        ids = [json.loads(line)["id"] for line in handle if line.strip()]
    status, dask, err = on_dask(capsys, scheduler, "extract", CORPUS, "--format", "jsonl")
    exe = Path(sys.executable).with_name("claimcheck")
    local = subprocess.run(
        [str(exe), "extract", str(CORPUS), "--format", "jsonl", "--jobs", "2"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert status == local.returncode == 0, err + local.stderr
    documents = [json.loads(line) for line in dask if line.startswith('{"record":"document"')]
    assert [d["id"] for d in documents] == ids and len(ids) == 664
    expected = local.stdout.splitlines()
    first_difference = next(
        (i for i, pair in enumerate(zip(dask, expected, strict=False)) if pair[0] != pair[1]),
        None,
    )
    assert first_difference is None, f"first differing record: {dask[first_difference]}"
    assert len(dask) == len(expected) and sum('"record":"claim"' in line for line in dask) > 5000

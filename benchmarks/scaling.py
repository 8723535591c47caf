"""Scaling from 1 to 2 workers: `claimcheck extract --jobs 1|2` (spaCy worker processes) and
`--engine dask --jobs 1|2` (a local Dask cluster of 1 or 2 worker processes), on the same sample
of the shared corpus, each a whole CLI run in its own process (start-up and model loading
included, as a user sees it). Output is checked to be identical across the four runs.

    .venv/bin/python benchmarks/scaling.py [CORPUS.jsonl] [--max-words 60000]

Figures on a shared machine are noisy: run it when the machine is quiet, and read the speed-up
against `nproc` (2 here) and the load average printed with it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"
RUNS = {
    "--jobs 1": ["--jobs", "1"],
    "--jobs 2": ["--jobs", "2"],
    "dask, 1 worker": ["--engine", "dask", "--jobs", "1"],
    "dask, 2 workers": ["--engine", "dask", "--jobs", "2"],
}


def sample(corpus: Path, max_words: int) -> list[str]:
    """Lines at an even stride until max_words."""
    lines = [line for line in corpus.read_text("utf-8").splitlines() if line.strip()]
    words = [len(json.loads(line)["text"].split()) for line in lines]
    stride = max(1, sum(words) // max_words)
    picked, total = [], 0
    for line, count in list(zip(lines, words, strict=True))[::stride]:
        if total >= max_words:
            break
        picked.append(line)
        total += count
    return picked


def timed(batch: Path, extra: list[str]) -> tuple[float, bytes]:
    exe = str(Path(sys.executable).with_name("claimcheck"))
    command = [exe, "extract", str(batch), "--input-format", "jsonl", "--format", "jsonl", *extra]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=True)
    return time.perf_counter() - start, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--max-words", type=int, default=60000)
    args = parser.parse_args()
    lines = sample(Path(args.corpus), args.max_words)
    words = sum(len(json.loads(line)["text"].split()) for line in lines)
    print(f"{len(lines)} documents, {words} words; {os.cpu_count()} cores; load {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as folder:
        batch = Path(folder) / "sample.jsonl"
        batch.write_text("\n".join(lines) + "\n", "utf-8")
        seconds, outputs = {}, set()
        for name, extra in RUNS.items():
            seconds[name], out = timed(batch, extra)
            outputs.add(out)
            print(f"{name:<16} {seconds[name]:7.1f} s  {words / seconds[name]:8,.0f} words/s")
    print(f"speed-up --jobs 1 -> 2: {seconds['--jobs 1'] / seconds['--jobs 2']:.2f}x")
    print(f"speed-up dask 1 -> 2:   {seconds['dask, 1 worker'] / seconds['dask, 2 workers']:.2f}x")
    print(f"outputs identical: {len(outputs) == 1}")
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()

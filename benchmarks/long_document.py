"""How `claimcheck extract` scales with the length of ONE document: wall time, throughput and
peak memory for growing single-document inputs, and the growth exponent between sizes (1.0 is
linear; 2.0 would mean the time grows with the square of the length).

    .venv/bin/python benchmarks/long_document.py [CORPUS.jsonl] [--sizes 0.25,0.5,1,2] [--jobs N]

Each input is the corpus's texts, in a fixed shuffled order, joined end to end and cut at SIZE
megabytes (of characters), so every size holds the same mix of prose. CORPUS defaults to
../shared/corpus/articles.jsonl.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"


def joined_text(corpus: Path, chars: int) -> str:
    records = [json.loads(line) for line in corpus.read_text("utf-8").splitlines() if line.strip()]
    # A fixed shuffle, so every prefix holds the same mix of the corpus's sources: otherwise a
    # longer cut also reaches denser prose, and the figure mixes length with density.
    random.Random(0).shuffle(records)
    text = "\n\n".join(r["text"] for r in records)
    if len(text) < chars:
        sys.exit(f"benchmark: the corpus holds only {len(text):,} characters")
    return text[:chars]


def run_once(path: Path, jobs: int) -> tuple[float, float, int]:
    """Wall seconds, peak resident MB (of this child alone) and the JSON lines written."""
    exe = str(Path(sys.executable).with_name("claimcheck"))
    # A fresh interpreter per size, so each peak is its own: RUSAGE_CHILDREN keeps the maximum.
    probe = (
        "import resource, subprocess, sys;"
        "done = subprocess.run(sys.argv[1:], capture_output=True, text=True);"
        "sys.stderr.write(done.stderr);"
        "print(done.returncode, done.stdout.count('\\n'),"
        " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    command = [exe, "extract", str(path), "--format", "jsonl", "--as-of", "2022-01-01"]
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", probe, *command, "--jobs", str(jobs)],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.perf_counter() - start
    status, lines, peak_kb = (int(x) for x in done.stdout.split())
    if status != 0:
        sys.exit(f"benchmark: claimcheck exited {status}: {done.stderr.strip()}")
    return seconds, peak_kb / 1024, lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", default="0.25,0.5,1,2", help="megabytes, comma-separated")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"benchmark: no corpus at {args.corpus}; pass its path")
    sizes = sorted(float(s) for s in args.sizes.split(","))

    print(f"one document cut from {args.corpus.name}, --jobs {args.jobs}")
    print(f"{'size':>8} {'seconds':>9} {'KB/s':>8} {'peak MB':>8} {'records':>8} {'growth':>7}")
    previous: tuple[float, float] | None = None
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path = Path(tmp, f"long-{size}MB.txt")
            path.write_text(joined_text(args.corpus, int(size * 1_000_000)), "utf-8")
            seconds, peak_mb, claims = run_once(path, args.jobs)
            growth = ""
            if previous is not None:
                growth = f"{math.log(seconds / previous[1]) / math.log(size / previous[0]):7.2f}"
            rate = size * 1000 / seconds
            print(f"{size:>6} MB {seconds:9.1f} {rate:8.1f} {peak_mb:8.0f} {claims:8,} {growth:>7}")
            previous = (size, seconds)
    print("growth: the exponent k in time ~ size^k between a row and the one above it")


if __name__ == "__main__":
    main()

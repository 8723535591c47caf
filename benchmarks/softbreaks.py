"""What reading hard-wrapped text costs: the time to find the soft line breaks of the corpus (the
reader) and to build the unwrapped view the extractor reads, as it is and hard-wrapped at 72.

    .venv/bin/python benchmarks/softbreaks.py [CORPUS.jsonl]

CORPUS defaults to ../shared/corpus/articles.jsonl. Compare the figures with the extraction
throughput of benchmarks/extract.py: the view is built once per document, before spaCy.
"""

from __future__ import annotations

import json
import sys
import textwrap
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent)]

from claimcheck.extract.unwrap import unwrapped  # noqa: E402
from claimcheck.model import Document  # noqa: E402
from claimcheck.read.softbreaks import with_soft_breaks  # noqa: E402

DEFAULT_CORPUS = (
    Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "articles.jsonl"
)


def wrapped(text: str, width: int = 72) -> str:
    """Every paragraph (a line of the text) hard-wrapped, paragraphs separated by blank lines."""
    return "\n\n".join(textwrap.fill(p, width) for p in text.splitlines() if p.strip()) + "\n"


def measure(label: str, documents: list[Document]) -> None:
    started = time.perf_counter()
    views = [unwrapped(with_soft_breaks(d)) for d in documents]
    seconds = time.perf_counter() - started
    chars = sum(len(d.text) for d in documents)
    joined = sum(v.original.text.count("\n") - v.document.text.count("\n") for v in views)
    print(
        f"{label}: {len(documents)} documents, {chars:,} characters, {seconds:.2f} s "
        f"({chars / seconds / 1e6:.1f} M characters/s), {joined:,} soft line breaks joined"
    )


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS
    records = [json.loads(line) for line in corpus.read_text("utf-8").splitlines() if line.strip()]
    as_is = [Document(id=r["id"], text=r["text"], format="jsonl") for r in records]
    measure("as it is (jsonl)", as_is)
    wraps = [Document(id=r["id"], text=wrapped(r["text"]), format="markdown") for r in records]
    measure("wrapped at 72 (markdown)", wraps)


if __name__ == "__main__":
    main()

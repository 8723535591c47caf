"""Proof that claimcheck's parse (extract/parsing.py: the attribute ruler as a table, lemmas on
demand) leaves every token as the whole spaCy pipeline does: tag, part of speech, morphology,
lemma, dependency, head and entity, on every paragraph of a corpus; and how long each takes.

    .venv/bin/python benchmarks/parse_equivalence.py [CORPUS.jsonl] [--max-docs N] [--staged]

--staged parses as claimcheck does a chunk only the entity stage wants (Plan.staged): the entity
recognizer alone first, then tok2vec, tagger and parser, every paragraph chosen, so that every
token shows the order changes nothing.

CORPUS defaults to ../shared/corpus/articles.jsonl next to the repository. Exits 1 on the first
difference, naming the token.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"
FIELDS = ("tag_", "pos_", "morph", "dep_", "ent_iob_", "ent_type_")


def paragraphs(corpus: Path, max_docs: int) -> list[str]:
    lines = [line for line in corpus.read_text("utf-8").splitlines() if line.strip()]
    texts = [json.loads(line)["text"] for line in lines[: max_docs or None]]
    return [p for text in texts for p in text.split("\n") if p.strip()]


def compare(whole: list, ours: list, lemma) -> int:
    """How many tokens were compared; exits naming the first that differs."""
    tokens = 0
    for a, b in zip(whole, ours, strict=True):
        for x, y in zip(a, b, strict=True):
            tokens += 1
            want = [*(str(getattr(x, f)) for f in FIELDS), str(x.head.i), x.lemma_]
            got = [*(str(getattr(y, f)) for f in FIELDS), str(y.head.i), lemma(y)]
            if want != got:
                sys.exit(f"differs at {x.text!r} in {a.text[:80]!r}: {want} != {got}")
    return tokens


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--max-docs", type=int, default=0, help="0: every document")
    parser.add_argument("--staged", action="store_true", help="the recognizer first (Plan.staged)")
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"benchmark: no corpus at {args.corpus}; pass its path")

    from claimcheck.extract.lemmas import lemma
    from claimcheck.extract.parsing import Plan
    from claimcheck.nlp import load_pipeline

    nlp = load_pipeline()
    plan = Plan.of(nlp)
    texts = paragraphs(args.corpus, args.max_docs)
    whole_s = ours_s = 0.0
    tokens = 0
    for at in range(0, len(texts), 1000):  # a slice at a time: memory stays flat
        part = texts[at : at + 1000]
        start = time.perf_counter()
        whole = list(nlp.pipe(part, batch_size=128))
        whole_s += time.perf_counter() - start
        start = time.perf_counter()
        if args.staged:
            tasks = ((text, None) for text in part)
            docs = [doc for doc, _, _ in plan.staged(nlp, tasks, lambda doc, _: True, 128)]
        else:
            docs = list(nlp.pipe(part, batch_size=128, disable=plan.skipped))
        ours = [plan.finish(doc) for doc in docs]
        ours_s += time.perf_counter() - start
        tokens += compare(whole, ours, lemma)
    print(f"pipeline     {nlp.meta['name']} {nlp.meta['version']}: {', '.join(nlp.pipe_names)}")
    print(f"skipped      {', '.join(plan.skipped) or 'nothing'} (done after the parse instead)")
    if args.staged:
        print(f"staged       entity recognizer first, then {', '.join(plan.deferred) or 'nothing'}")
    print(f"compared     {len(texts):,} paragraphs, {tokens:,} tokens: all identical in")
    print(f"             {', '.join(FIELDS)}, head, lemma_")
    print(f"whole        {whole_s:6.1f} s   ours {ours_s:6.1f} s (lemmas not counted: on demand)")


if __name__ == "__main__":
    main()

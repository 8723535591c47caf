"""How the HTML report's rendering scales with the number of claims in one document: wall time,
output size and the growth exponent between sizes (1.0 is linear). No spaCy and no source: the
results are built in memory, a claim on every number of a repeated paragraph, nested claims and a
finding every tenth sentence, half the claims contradicted with one evidence item.

    .venv/bin/python benchmarks/html_report.py [--sizes 1000,4000,16000]
"""

from __future__ import annotations

import argparse
import math
import time

from claimcheck.model import Claim, Document, DocumentResult, Finding, Span
from claimcheck.render import html

SENTENCE = "Senator Ted Cruz said {n} people came on Tuesday. "
EVIDENCE = {"entity": "x", "entity_label": "X", "property": "population", "value": 1, "url": None}


def results(count: int) -> list[DocumentResult]:
    text = "".join(SENTENCE.format(n=n) for n in range(count))
    claims, findings, at = [], [], 0
    for n in range(count):
        sentence = SENTENCE.format(n=n)
        number = at + sentence.index(str(n))
        role = Span(at, at + len("Senator Ted Cruz"))
        claims.append(_claim(n, "count", Span(number, number + len(str(n))), text, n % 2 == 0))
        claims.append(_claim(n, "role", role, text, False))
        if n % 10 == 0:
            findings.append(Finding("CC503", "warning", "bounds", "doc", role, 1, 1, spans=(role,)))
        at += len(sentence)
    doc = Document(id="doc", text=text, path="doc.md")
    return [DocumentResult(doc, tuple(claims), tuple(findings))]


def _claim(n: int, kind: str, span: Span, text: str, contradicted: bool) -> Claim:
    verdict = "contradicted" if contradicted else "not_checked"
    verification = {"verdict": verdict, "reason": "mismatch", "explanation": "because"}
    if contradicted:
        verification["evidence"] = [EVIDENCE]
    return Claim(
        id=f"c{kind}{n}",
        doc="doc",
        kind=kind,
        text=text[span.start : span.end],
        span=span,
        line=1,
        column=span.start + 1,
        sentence="",
        value={"amount": n},
        verification=verification,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,4000,16000")
    sizes = [int(x) for x in parser.parse_args().sizes.split(",")]
    previous: tuple[int, float] | None = None
    print(f"{'sentences':>10} {'claims':>8} {'seconds':>8} {'MB out':>7} {'exponent':>8}")
    for size in sizes:
        data = results(size)
        start = time.perf_counter()
        page = "".join(html.render(data))
        took = time.perf_counter() - start
        growth = ""
        if previous:
            growth = f"{math.log(took / previous[1]) / math.log(size / previous[0]):.2f}"
        claims = len(data[0].claims)
        print(f"{size:>10} {claims:>8} {took:>8.2f} {len(page) / 1e6:>7.1f} {growth:>8}")
        previous = (size, took)


if __name__ == "__main__":
    main()

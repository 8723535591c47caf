"""HTTP requests per linked entity for a cold run on the example article, and for a warm re-run.

The Wikidata API is played by benchmarks/fake_wikidata.py from a snapshot (no network), so the
figures count the requests claimcheck's own client sends: the aim is at most one search per
distinct mention and one wbgetentities call per 50 ids.

    .venv/bin/python benchmarks/http_requests.py [ARTICLE] [--snapshot PATH]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# This file shares its name with the requests library: keep its folder off the import path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "benchmarks"]


def _load_fake():  # type: ignore[no-untyped-def]
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "fake_wikidata", ROOT / "benchmarks" / "fake_wikidata.py"
    )
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.SnapshotTransport


SnapshotTransport = _load_fake()

from claimcheck.cache import Cache  # noqa: E402
from claimcheck.config import Settings, SourceSettings  # noqa: E402
from claimcheck.http import HttpClient, new_session  # noqa: E402
from claimcheck.link import Mention, link_mentions, search_term  # noqa: E402
from claimcheck.sources.snapshot import SnapshotSource  # noqa: E402
from claimcheck.sources.snapshot_build import build_snapshot  # noqa: E402
from claimcheck.sources.wikidata import WikidataSource  # noqa: E402

NER_TYPES = ("PERSON", "GPE", "ORG", "LOC", "NORP")


def mentions_of(article: Path) -> tuple[list[Mention], str]:
    """The mentions verification would link (from extracted claims); the article's named
    entities when the extractor yields none."""
    from claimcheck import pipeline
    from claimcheck.nlp import load_pipeline
    from claimcheck.verify.stage import gather

    nlp, settings = load_pipeline(), Settings()
    documents = list(pipeline.read_documents([str(article)], settings, lambda item: None))
    claims = [c for result in pipeline.extract(documents, nlp, settings) for c in result.claims]
    captured: list[Mention] = []

    def capture(mentions, source):
        captured.extend(mentions)
        return {}

    gather(claims, SnapshotSource([]), linker=capture)
    if captured:
        return captured, "claims"
    doc = nlp(documents[0].text)
    ents = [Mention(e.text, e.label_, None, e.sent.text) for e in doc.ents if e.label_ in NER_TYPES]
    return ents, "named entities"


def snapshot(path: Path | None) -> SnapshotSource:
    if path is not None:
        return SnapshotSource.load(path)
    example = ROOT / "examples" / "wikidata-snapshot.jsonl"
    if example.exists():
        return SnapshotSource.load(example)
    out = Path(tempfile.mkdtemp()) / "snapshot.jsonl"
    build_snapshot(
        sorted((ROOT / "cassettes").glob("*.yaml"))
        + sorted((ROOT / "tests/data/wikidata").glob("*")),
        out,
    )
    return SnapshotSource.load(out)


def run(mentions: list[Mention], transport, cache_dir: Path) -> tuple[int, int]:
    session = new_session()
    session.mount("https://", transport)
    http = HttpClient(session, contact="benchmark@example.org", cache=Cache(cache_dir))
    links = link_mentions(mentions, WikidataSource(SourceSettings(), http))
    return http.requests_sent, len(
        {link.entity.id for link in links.values() if link.entity is not None}
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "article", nargs="?", default=str(ROOT / "examples" / "nato-russia-council.txt")
    )
    parser.add_argument("--snapshot", type=Path)
    args = parser.parse_args()
    mentions, origin = mentions_of(Path(args.article))
    distinct = len({search_term(m) for m in mentions})
    transport = SnapshotTransport(snapshot(args.snapshot))
    with tempfile.TemporaryDirectory() as cache_dir:
        cold, linked = run(mentions, transport, Path(cache_dir))
        counts = dict(transport.counts)
        warm, _ = run(mentions, SnapshotTransport(transport.snapshot), Path(cache_dir))
    print(f"article: {args.article}")
    print(f"mentions: {len(mentions)} ({distinct} distinct search terms), from {origin}")
    print(f"snapshot entities served: {len(transport.snapshot.docs)}")
    print(
        f"cold run: {cold} HTTP requests ({counts.get('wbsearchentities', 0)} wbsearchentities, "
        f"{counts.get('wbgetentities', 0)} wbgetentities for {transport.ids_requested} ids)"
    )
    print(f"distinct linked entities: {linked}")
    print(
        f"requests per linked entity: {cold / linked:.2f}"
        if linked
        else "requests per linked entity: n/a (none linked)"
    )
    print(
        f"searches per distinct mention: {counts.get('wbsearchentities', 0) / max(distinct, 1):.2f}"
    )
    print(f"warm re-run: {warm} HTTP requests")


if __name__ == "__main__":
    main()

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import vcr

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"
SEED = EXAMPLES / "nato-russia-council.txt"
CASSETTES = ROOT / "cassettes"
FAULTS = CASSETTES / "synthetic-faults"
MATCH_ON = ("method", "scheme", "host", "port", "path", "query")


def replayer(folder: Path = CASSETTES, **options: Any) -> vcr.VCR:
    """The one way tests replay HTTP: cassettes from `folder`, matched on the whole URL, and
    record_mode "none", so a request no cassette holds fails the test instead of reaching the
    network. `options` are further vcr.VCR settings (a request hook, say)."""
    return vcr.VCR(
        cassette_library_dir=str(folder), record_mode="none", match_on=list(MATCH_ON), **options
    )


@pytest.fixture(scope="session")
def nlp():
    """The real English pipeline, loaded once for the whole run (the copy the CLI uses too)."""
    from claimcheck.engine.records import language
    from claimcheck.nlp import DEFAULT_PIPELINE

    return language(DEFAULT_PIPELINE)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"
SEED = EXAMPLES / "nato-russia-council.txt"


@pytest.fixture(scope="session")
def nlp():
    """The real English pipeline, loaded once for the whole run (the copy the CLI uses too)."""
    from claimcheck.engine.records import language
    from claimcheck.nlp import DEFAULT_PIPELINE

    return language(DEFAULT_PIPELINE)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")

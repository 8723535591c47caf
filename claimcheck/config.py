"""Settings: the frozen, validated options one run works with.

The CLI builds a Settings from flags (and, later, config files); the library receives it and
never reads flags or the environment itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .nlp import DEFAULT_PIPELINE
from .reader import DEFAULT_MAX_BYTES, ReadOptions


@dataclass(frozen=True)
class Settings:
    as_of: dt.date | None = None
    pipeline: str = DEFAULT_PIPELINE
    jobs: int = 1
    read: ReadOptions = field(default_factory=ReadOptions)
    max_bytes: int = DEFAULT_MAX_BYTES

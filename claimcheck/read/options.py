"""How inputs are read, as the command line gives it: kept apart from the readers so that the CLI
can build its options (and answer --help) without importing them."""

from __future__ import annotations

from dataclasses import dataclass

FORMATS = ("auto", "text", "markdown", "html", "jsonl")
DEFAULT_MAX_BYTES = 100 * 1024 * 1024


@dataclass(frozen=True)
class ReadOptions:
    input_format: str = "auto"
    glob: str | None = None
    stdin_filename: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES

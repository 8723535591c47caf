"""What the regex scanners find in a piece of text before any parse: kind, offsets, value."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Found:
    """A candidate claim at text[start:end]. `needs` names the check a parse must still make:
    'counted' (a count keeps only if a counted noun is found) or 'year' (a bare year that may be
    a count after all)."""

    kind: str
    start: int
    end: int
    value: dict[str, Any]
    fields: dict[str, Any] = field(default_factory=dict)
    needs: str | None = None
    core: tuple[int, int] | None = None  # the figure itself, without modifier or unit


def overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < t_end and t_start < end for t_start, t_end in taken)

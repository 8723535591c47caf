"""The CI flags as the command line gives them, apart from what applies them (runconfig.py), so
that the CLI can declare its options (and answer --help) without importing the policy stage."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class CiOptions:
    """The flags as given; None (or empty) where not given, so the config file can fill them."""

    config: str | None = None
    select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    fail_on: Sequence[str] = ()
    exit_zero: bool = False
    baseline: str | None = None
    changed_since: str | None = None
    color: str | None = None
    quiet: bool = False
    extend_select: Sequence[str] = ()
    min_severity: str | None = None

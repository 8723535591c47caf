"""Terminal manners: whether to colour, and progress on stderr only when a person watches it.

Precedence for colour: --color always/never, then NO_COLOR (any non-empty value: never), then
FORCE_COLOR (non-empty: always), then TERM=dumb (never), then whether the stream is a terminal.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping
from typing import TextIO, TypeVar

T = TypeVar("T")


def use_color(choice: str, env: Mapping[str, str], isatty: bool) -> bool:
    if choice in ("always", "never"):
        return choice == "always"
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    if env.get("TERM") == "dumb":
        return False
    return isatty


def show_progress(stderr: TextIO, quiet: bool, env: Mapping[str, str]) -> bool:
    return not quiet and env.get("TERM") != "dumb" and _isatty(stderr)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def progress(
    items: Iterable[T],
    enabled: bool,
    stderr: TextIO,
    label: str = "checking",
    unit: str = "document",
) -> Iterator[T]:
    """Yield the items; with `enabled`, a rich spinner with a count on stderr meanwhile."""
    if not enabled:
        yield from items
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn

    console = Console(file=stderr, stderr=True)
    with contextlib.ExitStack() as stack:
        bar = stack.enter_context(
            Progress(
                SpinnerColumn(), TextColumn("{task.description}"), console=console, transient=True
            )
        )
        task = bar.add_task(label, total=None)
        for count, item in enumerate(items, start=1):
            bar.update(task, description=f"{label}: {count} {unit}{'s' if count != 1 else ''}")
            yield item

"""Terminal manners: whether to colour, and progress on stderr only when a person watches it.

Precedence for colour: --color always/never, then NO_COLOR (any non-empty value: never), then
FORCE_COLOR (non-empty: always), then TERM=dumb (never), then whether the stream is a terminal.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TextIO, TypeVar

from claimcheck.model import Document

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
    return Progress(enabled, stderr, label, unit).documents(items)


# Characters: a shorter document is done before progress inside it would help anyone.
LONG_DOCUMENT = 200_000


class Progress:
    """A rich spinner on stderr while a person watches: documents done and, inside a long
    document, how far into it the work is (one 10 MB line otherwise showed nothing for minutes).
    Disabled, it only passes the documents through."""

    def __init__(
        self, enabled: bool, stderr: TextIO, label: str = "checking", unit: str = "document"
    ) -> None:
        self.enabled = enabled
        self.stderr = stderr
        self.label = label
        self.unit = unit
        self._update: Callable[[str], None] | None = None
        self._count = 0
        self._percent = -1

    def documents(self, items: Iterable[T]) -> Iterator[T]:
        """Yield the items, counting them on the spinner meanwhile."""
        if not self.enabled:
            yield from items
            return
        with self._spinner():
            for self._count, item in enumerate(items, start=1):
                self._percent = -1
                self._show(self._counted())
                yield item

    def within(self, document: Document, done: int, total: int) -> None:
        """How far into `document` (characters `done` of `total`) the work is; a long document's
        share is shown whenever its whole percent changes."""
        percent = done * 100 // total if total else 100
        if self._update is None or total < LONG_DOCUMENT or percent == self._percent:
            return
        self._percent = percent
        # The name last: a narrow terminal cuts a long path, never the figure.
        where = f"{percent}% of {total:,} characters in {document.id}"
        self._show(f"{self._counted()}, {where}" if self._count else f"{self.label}: {where}")

    def _counted(self) -> str:
        return f"{self.label}: {self._count} {self.unit}{'s' if self._count != 1 else ''}"

    def _show(self, description: str) -> None:
        if self._update is not None:
            self._update(description)

    @contextlib.contextmanager
    def _spinner(self) -> Iterator[None]:
        from rich.console import Console
        from rich.progress import Progress as Bar
        from rich.progress import SpinnerColumn, TextColumn

        console = Console(file=self.stderr, stderr=True)
        columns = (SpinnerColumn(), TextColumn("{task.description}"))
        with Bar(*columns, console=console, transient=True) as bar:
            task = bar.add_task(self.label, total=None)
            self._update = lambda text: bar.update(task, description=text, refresh=True)
            try:
                yield
            finally:
                self._update = None

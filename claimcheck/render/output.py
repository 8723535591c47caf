"""Where rendered text goes: stdout as it streams, or a file replaced atomically so an
interrupted or failed run never leaves a half-written file behind."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from claimcheck.errors import OutputError, UsageError


class ReaderGone(Exception):
    """Whoever reads stdout closed the pipe (`claimcheck ... | head -1`).

    Deliberately not an OSError: click turns a broken pipe into its own exit 1 before our entry
    point sees it, and a closed pipe is the reader's choice, not a failure of the run.
    """


def refuse_input_as_output(path: str | None, inputs: Iterable[str]) -> None:
    """--output naming an article being read would replace the article with its report."""
    if path is None or path == "-" or not os.path.isfile(path):
        return
    for given in inputs:
        if given != "-" and os.path.isfile(given) and os.path.samefile(given, path):
            raise UsageError(f"--output {path} is one of the inputs; the report would replace it")


def write(chunks: Iterable[str], path: str | None, stream: TextIO | None = None) -> None:
    if path is None or path == "-":
        out = stream or sys.stdout
        try:
            for chunk in chunks:
                out.write(chunk)
            out.flush()
        except BrokenPipeError:
            raise ReaderGone() from None
        return
    with _atomic(Path(path)) as handle:
        for chunk in chunks:
            handle.write(chunk)


@contextlib.contextmanager
def _atomic(target: Path) -> Iterator[TextIO]:
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise OutputError(f"{target}: cannot write here ({err.strerror or err})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            os.fchmod(fd, _mode_for(target))  # mkstemp makes 0600; keep what the file had
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as err:
        _unlink(tmp)
        raise OutputError(f"{target}: cannot write ({err.strerror or err})") from None
    except BaseException:
        _unlink(tmp)
        raise


def _mode_for(target: Path) -> int:
    """The permissions the replaced file had, or what a plain new file gets under the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _unlink(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)

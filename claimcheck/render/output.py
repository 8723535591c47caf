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
    """--output naming an article being read, or a file inside a folder being read, would replace
    the article with its report."""
    if path is None or path == "-" or not os.path.isfile(path):
        return
    target = os.path.realpath(path)
    for given in inputs:
        if given == "-":
            continue
        if os.path.isfile(given) and os.path.samefile(given, path):
            raise UsageError(f"--output {path} is one of the inputs; the report would replace it")
        if os.path.isdir(given) and _inside(target, os.path.realpath(given)):
            raise UsageError(
                f"--output {path} is a file inside the input folder {given}; the report would "
                "replace it"
            )


def _inside(path: str, folder: str) -> bool:
    return os.path.commonpath([path, folder]) == folder


def write(chunks: Iterable[str], path: str | None, stream: TextIO | None = None) -> None:
    if path is None or path == "-":
        _to_stream(chunks, stream or sys.stdout)
        return
    # A symlink is followed: the link stays, its target gets the report.
    target = Path(os.path.realpath(path))
    if target.exists() and not target.is_file():
        _write_through(chunks, Path(path), target)
        return
    with _atomic(target, shown=path) as handle:
        for chunk in chunks:
            handle.write(chunk)


def _to_stream(chunks: Iterable[str], out: TextIO | None) -> None:
    # sys.stdout is None when the process started with descriptor 1 closed (`>&-`).
    if out is None:
        raise OutputError("standard output: cannot write (it is closed)")
    try:
        for chunk in chunks:
            out.write(chunk)
        out.flush()
    except BrokenPipeError:
        raise ReaderGone() from None
    except (OSError, ValueError) as err:
        reason = getattr(err, "strerror", None) or "it is closed"
        raise OutputError(f"standard output: cannot write ({reason})") from None


def _write_through(chunks: Iterable[str], shown: Path, target: Path) -> None:
    """A device or a FIFO (`--output /dev/stdout`, `/dev/null`) is written to as it is: renaming
    a file over it would destroy the node. A folder is refused."""
    if target.is_dir():
        raise OutputError(f"{shown}: cannot write (Is a directory)")
    try:
        with open(target, "w", encoding="utf-8", newline="\n") as handle:
            for chunk in chunks:
                handle.write(chunk)
    except OSError as err:
        raise OutputError(f"{shown}: cannot write ({err.strerror or err})") from None


@contextlib.contextmanager
def _atomic(target: Path, shown: str) -> Iterator[TextIO]:
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise OutputError(f"{shown}: cannot write here ({err.strerror or err})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            os.fchmod(fd, _mode_for(target))  # mkstemp makes 0600; keep what the file had
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as err:
        _unlink(tmp)
        raise OutputError(f"{shown}: cannot write ({err.strerror or err})") from None
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

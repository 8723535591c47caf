"""Where rendered text goes: stdout as it streams, or a file replaced atomically so an
interrupted or failed run never leaves a half-written file behind."""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TextIO

from claimcheck.errors import OutputError, UsageError

# The --output files this process has put in place, whole. A signal that arrives after that
# cannot leave the file "as it was": the exit message says the report is complete instead.
WRITTEN: list[str] = []
_HELD = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait while the report is put in place and recorded as written, so a
    signal lands either before (the old file stays) or after (the new one is complete)."""
    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    except (AttributeError, ValueError, OSError):  # not the main thread, or no such call here
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


class ReaderGone(Exception):
    """Whoever reads stdout closed the pipe (`claimcheck ... | head -1`).

    Deliberately not an OSError: click turns a broken pipe into its own exit 1 before our entry
    point sees it, and a closed pipe is the reader's choice, not a failure of the run.
    """


def refuse_input_as_output(
    path: str | None,
    inputs: Iterable[str],
    reads: Iterable[tuple[str, str]] = (),
    glob: str | None = None,
) -> None:
    """--output naming an article being read, a file the walk of an input folder reads (existing
    or not: a report written there on one run would be an input of the next; a name the walk
    passes over is fine), or any other file the run reads (`reads`: what it is, its path: a
    snapshot, the baseline, the config file) would replace it with the report."""
    if path is None or path == "-" or os.path.isdir(path):
        return
    target = os.path.realpath(path)
    for what, given in reads:
        if _same(path, given):
            raise UsageError(f"--output {path} is the {what}; the report would replace it")
    for given in inputs:
        if given == "-":
            continue
        if os.path.isfile(given) and _same(path, given):
            raise UsageError(f"--output {path} is one of the inputs; the report would replace it")
        folder = os.path.realpath(given)
        if os.path.isdir(given) and _inside(target, folder) and _picked(folder, target, glob):
            raise UsageError(
                f"--output {path} is a file inside the input folder {given}; the report would "
                "replace it"
            )


def _same(path: str, other: str) -> bool:
    try:
        return os.path.samefile(path, other)
    except (OSError, ValueError):
        return False


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
        for chunk in chunks:  # produced outside the guard: only the write is a CC907
            _put(handle.write, chunk, path)


def _to_stream(chunks: Iterable[str], out: TextIO | None) -> None:
    # sys.stdout is None when the process started with descriptor 1 closed (`>&-`).
    if out is None:
        raise OutputError("standard output: cannot write (it is closed)")
    # Only the write is guarded: an OSError or ValueError raised while a chunk is produced (a
    # scheduler unreachable, a corrupt Parquet page) keeps its own message.
    for chunk in chunks:
        _put(out.write, chunk, "standard output")
    _put(lambda _: out.flush(), "", "standard output")


def _put(write: Callable[[str], object], chunk: str, shown: str) -> None:
    try:
        write(chunk)
    except BrokenPipeError:
        if shown != "standard output":
            raise OutputError(f"{shown}: cannot write (the reader closed it)") from None
        raise ReaderGone() from None
    except (OSError, ValueError) as err:
        reason = getattr(err, "strerror", None) or _reason(err)
        raise OutputError(f"{shown}: cannot write ({reason})") from None


def _reason(err: Exception) -> str:
    if isinstance(err, UnicodeEncodeError):
        return f"the {err.encoding} encoding cannot hold {err.object[err.start : err.end]!a}"
    return "it is closed"


def _write_through(chunks: Iterable[str], shown: Path, target: Path) -> None:
    """A device or a FIFO (`--output /dev/stdout`, `/dev/null`) is written to as it is: renaming
    a file over it would destroy the node. A folder is refused."""
    if target.is_dir():
        raise OutputError(f"{shown}: cannot write (Is a directory)")
    try:
        handle = open(target, "w", encoding="utf-8", newline="\n", errors="backslashreplace")
    except OSError as err:
        raise OutputError(f"{shown}: cannot write ({err.strerror or err})") from None
    with handle:
        for chunk in chunks:
            _put(handle.write, chunk, str(shown))
        _put(lambda _: handle.close(), "", str(shown))


@contextlib.contextmanager
def _atomic(target: Path, shown: str) -> Iterator[TextIO]:
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise OutputError(f"{shown}: cannot write here ({err.strerror or err})") from None
    try:
        os.fchmod(fd, _mode_for(target))  # mkstemp makes 0600; keep what the file had
    except OSError as err:
        os.close(fd)
        _unlink(tmp)
        raise OutputError(f"{shown}: cannot write here ({err.strerror or err})") from None
    # backslashreplace: a lone surrogate from an input must not end the run mid-report
    handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n", errors="backslashreplace")
    try:
        yield handle  # what the body raises (not a write) passes through with its own message
        _put(lambda _: handle.flush(), "", shown)
        _put(lambda _: os.fsync(handle.fileno()), "", shown)
        _put(lambda _: handle.close(), "", shown)
        with _signals_held():
            _put(lambda _: os.replace(tmp, target), "", shown)
            WRITTEN.append(shown)
    except BaseException:
        with contextlib.suppress(OSError, ValueError):
            handle.close()
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


def _picked(folder: str, target: str, glob: str | None) -> bool:
    # Imported here: the entry point imports this module for every run, --help included.
    from claimcheck.read.documents import walk_would_pick

    return walk_would_pick(folder, target, glob)

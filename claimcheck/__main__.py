"""Entry point: run the CLI and turn every outcome into an exit status, in one place."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Sequence

from claimcheck.errors import ClaimcheckError, ExitStatus, Terminated


def main(argv: Sequence[str] | None = None) -> int:
    from claimcheck.cli.app import app_command, click_exceptions
    from claimcheck.render.output import WRITTEN, ReaderGone

    WRITTEN.clear()  # one run's outputs (tests call main() many times in one process)
    cx = click_exceptions()
    _any_locale()

    args = list(sys.argv[1:] if argv is None else argv)
    try:
        result = app_command().main(args, prog_name="claimcheck", standalone_mode=False)
        status = int(result) if isinstance(result, int) else ExitStatus.OK
        if status == ExitStatus.INTERRUPTED and _after_output():  # Ctrl-C, as typer returns it
            _error(f"interrupted{_after_output()}")
    except ClaimcheckError as err:
        _stop_workers()  # before the traceback goes: spaCy's clean-up joins workers nobody reads
        _error(f"[{err.code}] {err}")
        status = err.exit_status
    except cx.Exit as exit_:
        status = exit_.exit_code
    except cx.Abort:  # click's form of Ctrl-C
        if _after_output():
            _error(f"interrupted{_after_output()}")
        status = ExitStatus.INTERRUPTED
    except cx.ClickException as err:
        if cx.NoArgsIsHelpError is not None and isinstance(err, cx.NoArgsIsHelpError):
            print(err.format_message(), file=sys.stderr)
        else:
            _error(_usage_line(err))
        status = ExitStatus.ERROR
    except KeyboardInterrupt:
        _error(f"interrupted{_after_output()}")
        status = ExitStatus.INTERRUPTED
    except Terminated:
        _error(f"terminated{_after_output()}")
        status = ExitStatus.TERMINATED
    except (BrokenPipeError, ReaderGone):
        _stop_workers()
        status = _quiet_broken_pipe()
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        status = _quiet_broken_pipe()
    except (OSError, ValueError):
        _quiet_broken_pipe()  # already reported as CC907; the buffered rest cannot go anywhere
    return int(status)


def _any_locale() -> None:
    """Under LC_ALL=C with UTF-8 mode off, Python writes ASCII and dies on the first "é" of a
    report. The C locale names no encoding at all, so stdout becomes UTF-8 (what PEP 538 would
    have chosen, and what every JSON format must be anyway); another legacy encoding is kept,
    with what it cannot hold escaped rather than fatal. stderr already escapes."""
    import codecs

    stream = sys.stdout
    encoding = getattr(stream, "encoding", None)
    if stream is None or not encoding or not hasattr(stream, "reconfigure"):
        return
    name = codecs.lookup(encoding).name
    if name.startswith("utf"):
        return
    try:
        if name == "ascii":
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
        else:
            stream.reconfigure(errors="backslashreplace")
    except (OSError, ValueError):
        pass  # already written to, or closed: the write itself will say so


def _after_output() -> str:
    """A signal after the report was put in place: the file is the new, complete report."""
    from claimcheck.render.output import WRITTEN

    if not WRITTEN:
        return ""
    return f" after the report was written whole to {', '.join(WRITTEN)}"


def _usage_line(err: Exception) -> str:
    message = err.format_message()  # type: ignore[attr-defined]
    ctx = getattr(err, "ctx", None)
    where = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
    return f"[CC901] {message}{where}"


def _error(message: str) -> None:
    # One line, whatever a library put in the text (PyYAML's errors quote the document).
    message = " ".join(part.strip() for part in message.splitlines() if part.strip())
    try:
        print(f"claimcheck: error: {message}", file=sys.stderr)
    except (BrokenPipeError, ValueError):
        pass


def _quiet_broken_pipe() -> int:
    # The reader went away (`claimcheck ... | head -1`): stop quietly, and point stdout at devnull
    # so the interpreter's own flush at exit does not complain.
    try:
        fileno = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return ExitStatus.OK  # no descriptor behind it (closed, or a test's capture)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fileno)
    return ExitStatus.OK


def run() -> None:
    _hold_closed_stdout()
    _interruptible_workers()
    status = main()
    if status in (ExitStatus.INTERRUPTED, ExitStatus.TERMINATED) or _workers_left():
        _stop_now(status)
    sys.exit(status)


def _hold_closed_stdout() -> None:
    """Started with descriptor 1 closed (`>&-`), Python sets sys.stdout to None and the next file
    opened would get descriptor 1. Keep it on /dev/null so nothing lands in a file by accident;
    sys.stdout stays None, and writing the report there is a CC907."""
    if sys.stdout is not None:
        return
    fd = os.open(os.devnull, os.O_WRONLY)
    if fd != 1:
        os.dup2(fd, 1)
        os.close(fd)


def _interruptible_workers() -> None:
    """Ctrl-C and SIGTERM unwind, so an --output file is left as it was. With --jobs a worker
    process just ends (a KeyboardInterrupt traceback from each would clutter the terminal), and
    the parent first stops the workers still running (spaCy's clean-up waits for them, for ever
    when the signal reached the parent alone)."""
    import multiprocessing.util

    multiprocessing.util.register_after_fork(_worker_on_signals, _worker_on_signals)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _parent_on_signal)
    # Ignored or someone else's (a background job ignores SIGINT): leave it so.
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _parent_on_signal)


def _worker_on_signals(_: object) -> None:
    if signal.getsignal(signal.SIGINT) is _parent_on_signal:
        signal.signal(signal.SIGINT, lambda *_: os._exit(0))
    if signal.getsignal(signal.SIGTERM) is _parent_on_signal:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent stops workers with SIGTERM


def _parent_on_signal(signum: int, frame: object) -> None:
    import multiprocessing
    import warnings

    warnings.filterwarnings("ignore", message=r"\[W127\]")  # spaCy: workers stopped, not failed
    for child in multiprocessing.active_children():
        child.terminate()
    if signum == signal.SIGTERM:
        raise Terminated
    raise KeyboardInterrupt


def _stop_workers() -> None:
    import warnings

    warnings.filterwarnings("ignore", message=r"\[W127\]")  # spaCy: workers stopped, not failed
    multiprocessing = sys.modules.get("multiprocessing")
    for child in multiprocessing.active_children() if multiprocessing is not None else ():
        child.terminate()


def _workers_left() -> bool:
    """--jobs workers still running after main returned: an error (an unwritable stdout) ended
    the run while they were busy, and multiprocessing's exit handlers would wait on them."""
    multiprocessing = sys.modules.get("multiprocessing")
    return multiprocessing is not None and bool(multiprocessing.active_children())


def _stop_now(status: int) -> None:
    """Ctrl-C: end at once. --jobs workers still running are stopped, and multiprocessing's exit
    handlers are skipped: they wait for worker queues nobody reads any more, for ever."""
    _stop_workers()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(status)


if __name__ == "__main__":
    run()

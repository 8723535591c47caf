"""Entry point: run the CLI and turn every outcome into an exit status, in one place."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from .errors import ClaimcheckError, ExitStatus


def main(argv: Sequence[str] | None = None) -> int:
    from .cli import app_command, click_exceptions
    from .output import ReaderGone

    cx = click_exceptions()

    args = list(sys.argv[1:] if argv is None else argv)
    try:
        result = app_command().main(args, prog_name="claimcheck", standalone_mode=False)
        status = int(result) if isinstance(result, int) else ExitStatus.OK
    except ClaimcheckError as err:
        _error(f"[{err.code}] {err}")
        status = err.exit_status
    except cx.Exit as exit_:
        status = exit_.exit_code
    except cx.Abort:
        status = ExitStatus.INTERRUPTED
    except cx.ClickException as err:
        if cx.NoArgsIsHelpError is not None and isinstance(err, cx.NoArgsIsHelpError):
            print(err.format_message(), file=sys.stderr)
        else:
            _error(_usage_line(err))
        status = ExitStatus.ERROR
    except KeyboardInterrupt:
        _error("interrupted")
        status = ExitStatus.INTERRUPTED
    except (BrokenPipeError, ReaderGone):
        status = _quiet_broken_pipe()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        status = _quiet_broken_pipe()
    return int(status)


def _usage_line(err: Exception) -> str:
    message = err.format_message()  # type: ignore[attr-defined]
    ctx = getattr(err, "ctx", None)
    where = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
    return f"[CC901] {message}{where}"


def _error(message: str) -> None:
    try:
        print(f"claimcheck: error: {message}", file=sys.stderr)
    except (BrokenPipeError, ValueError):
        pass


def _quiet_broken_pipe() -> int:
    # The reader went away (`claimcheck ... | head -1`): stop quietly, and point stdout at devnull
    # so the interpreter's own flush at exit does not complain.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return ExitStatus.OK


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()

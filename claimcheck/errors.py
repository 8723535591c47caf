"""The errors claimcheck raises, and the exit statuses they map to.

Every error a user can meet is a ClaimcheckError with a stable code; the CLI turns it into one line
on stderr and an exit status. Nothing else in the package decides exit statuses.
"""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """The process exit statuses, documented in the README."""

    OK = 0
    FINDINGS = 1
    ERROR = 2
    UNVERIFIED = 3
    INTERRUPTED = 130
    TERMINATED = 143  # 128 + SIGTERM, as a shell reports a process the signal ended


class Terminated(BaseException):
    """SIGTERM (a CI job cancelled, `timeout`, a container stopping): unwind like Ctrl-C so no
    temporary file is left behind. A BaseException, so no `except Exception` swallows it."""


class ClaimcheckError(Exception):
    """Base of every error claimcheck reports to a user."""

    code = "CC900"
    exit_status = ExitStatus.ERROR

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.args[0] if self.args else self.__class__.__name__


class UsageError(ClaimcheckError):
    """The command line asks for something that cannot be done."""

    code = "CC901"


class InputError(ClaimcheckError):
    """An input cannot be read as a document."""

    code = "CC902"


class ConfigError(ClaimcheckError):
    """A configuration file or value is invalid."""

    code = "CC903"


class PipelineError(ClaimcheckError):
    """The spaCy pipeline cannot be loaded."""

    code = "CC904"


class SourceError(ClaimcheckError):
    """The knowledge source failed in a way no retry will mend."""

    code = "CC905"


class SourceUnavailable(SourceError):
    """The knowledge source could not be reached within the retry budget."""

    code = "CC906"
    reason = "source_unavailable"  # the reason code a claim that could not be checked carries


class SourceMalformed(SourceUnavailable):
    """The knowledge source answered, but not in the shape its API promises: a broken source,
    never a verdict and never a finding."""

    code = "CC905"
    reason = "source_unavailable"


class OfflineCacheMiss(SourceUnavailable):
    """--offline was given and the cache does not hold the answer."""

    code = "CC908"
    reason = "offline_cache_miss"


class OutputError(ClaimcheckError):
    """The output cannot be written."""

    code = "CC907"


class WorkerLost(ClaimcheckError):
    """A worker process died under the run (the OOM killer's SIGKILL, a crash in a native
    library): what it held is lost, so the run stops; no partial report is passed off as whole."""

    code = "CC900"

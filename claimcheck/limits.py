"""Bounded reads of the files a run loads whole besides its articles (a snapshot, a baseline):
`--source snapshot:/dev/zero` must be refused at once, not read until the OOM killer comes."""

from __future__ import annotations

import errno
import os
import stat

SNAPSHOT_BYTES = 4 * 2**30  # a JSON-lines snapshot is held in memory; bigger ones: .sqlite
BASELINE_BYTES = 256 * 2**20  # a million accepted findings is about 200 MB


def read_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; else an OSError whose strerror says
    why (a device, a pipe or a socket has no end to read to, and a pipe blocks on open)."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise OSError(errno.EINVAL, "not a regular file")
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"over the limit of {limit} bytes")
    return data

"""Bounded reads of the files a run loads whole besides its articles (a snapshot, a baseline):
`--source snapshot:/dev/zero` must be refused at once, not read until the OOM killer comes."""

from __future__ import annotations

import errno
import os
import stat

SNAPSHOT_BYTES = 4 * 2**30  # a JSON-lines snapshot is held in memory; bigger ones: .sqlite
BASELINE_BYTES = 256 * 2**20  # a million accepted findings is about 200 MB
STREAM_BYTES = 64 * 2**20  # a device or a pipe has no size to check first: /dev/zero never ends


def read_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a file of at most `limit` bytes (a device or a pipe: at most STREAM_BYTES);
    else an OSError whose strerror says why. A regular file too large is refused unread."""
    info = os.stat(path)
    regular = stat.S_ISREG(info.st_mode)
    bound = limit if regular else min(limit, STREAM_BYTES)
    if regular and info.st_size > bound:
        raise OSError(errno.EFBIG, f"{info.st_size} bytes is over the limit of {bound}")
    with open(path, "rb") as handle:
        data = handle.read(bound + 1)
    if len(data) > bound:
        what = "" if regular else " for a device or a pipe"
        raise OSError(errno.EFBIG, f"over the limit of {bound} bytes{what}")
    return data

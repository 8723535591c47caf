"""`path:line:col: severity CODE message`, one finding per line (suppressed findings left out)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from claimcheck.model import DocumentResult
from claimcheck.policy.findings import summarise_unavailable
from claimcheck.render.base import active, display_path, file_region, one_line

_COLORS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_BOLD, _RESET = "\x1b[1m", "\x1b[0m"
# A newline (or any control character) in a file name would split one finding over two lines.
_CONTROL = re.compile("[\x00-\x1f\x7f]")


def render(results: Iterable[DocumentResult], color: bool = False) -> Iterator[str]:
    for result in results:
        path = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", display_path(result))
        for f in summarise_unavailable(active(result)):
            region = file_region(result, f)
            line, column = (region.line, region.column) if region else (f.line, f.column)
            severity = f"{_COLORS.get(f.severity, '')}{f.severity}{_RESET}" if color else f.severity
            where = (
                f"{_BOLD}{path}:{line}:{column}:{_RESET}" if color else f"{path}:{line}:{column}:"
            )
            yield f"{where} {severity} {f.rule} {one_line(f.message)}\n"

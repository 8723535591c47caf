"""The regex pass over one chunk: dates first, then durations anchored to the document date,
then figures, each claiming its text."""

from __future__ import annotations

import datetime as dt

from claimcheck.extract.anchored_durations import scan_anchored
from claimcheck.extract.bare_ordinals import scan_bare_ordinals
from claimcheck.extract.found import Found
from claimcheck.extract.numeric import scan_figures
from claimcheck.extract.temporal import scan_dates


def scan(text: str, anchor: dt.date | None) -> list[Found]:
    """Every candidate in `text`, ordered by position; offsets are into `text`."""
    taken: list[tuple[int, int]] = []
    found = scan_dates(text, anchor, taken) + scan_anchored(text, anchor, taken)
    found += scan_bare_ordinals(text, taken) + scan_figures(text, taken)
    return sorted(found, key=lambda f: (f.start, f.end, f.kind))

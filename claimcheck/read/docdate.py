"""The document date: from an explicit option, the document's metadata, or inferred from its text.

Inference tries ordered, named strategies and never guesses: a dateline at the top of the text,
else a full date whose weekday the text itself names ("the meeting on Wednesday" next to the
only full date, January 12, 2022, a Wednesday). When neither holds, relative dates stay
unresolved and the note says so.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from claimcheck.model import Document, position

_FULL_DATE_PATTERNS = ("iso_date", "month_day_year", "day_month_year")
_DATELINE = re.compile(
    r"^\s*(?:(?:Published|Updated|Posted|Last updated|Date)\s*:?\s*(?:on\s+)?)?"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?P<date>[^\n]{6,40}?)\s*$",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!s\b)")
HEAD_LINES = 5
NONE_NOTE = (
    "no document date given and none could be inferred from the text;"
    " relative dates stay unresolved (give one with --as-of)"
)

FullDate = tuple[dt.date, int, str]  # the date, its offset, its text


def full_dates(text: str) -> list[FullDate]:
    """Every date written with day, month and year, in text order."""
    from claimcheck.extract.temporal import COMPILED

    out = []
    for name, regex, build in COMPILED:
        if name not in _FULL_DATE_PATTERNS:
            continue
        for m in regex.finditer(text):
            value = build(m, text, None)
            if value is not None:
                out.append((dt.date.fromisoformat(value["date"]), m.start(), m.group(0)))
    return sorted(out, key=lambda d: d[1])


def from_dateline(document: Document, found: list[FullDate]) -> tuple[dt.date, str] | None:
    """A line near the top that is nothing but a date (or 'Published ...' and a date)."""
    text = document.text
    head_lines = [m for m in re.finditer(r"[^\r\n]*\S[^\r\n]*", text[document.body_start :])]
    head_lines = head_lines[:HEAD_LINES]
    for date, offset, written in found:
        for line in head_lines:
            start = document.body_start + line.start()
            end = document.body_start + line.end()
            if start <= offset < end and _is_dateline(line.group(0), written):
                row = position(text, offset)[0]
                return date, f"a dateline near the top of the text: '{written}' (line {row})"
    return None


def _is_dateline(line: str, written: str) -> bool:
    match = _DATELINE.match(line)
    return match is not None and match["date"].strip().rstrip(".") == written


def from_weekday(document: Document, found: list[FullDate]) -> tuple[dt.date, str] | None:
    """The latest full date whose weekday the text names, as news does for its own day."""
    text = document.text
    named = {m.group(1) for m in _WEEKDAY.finditer(text, document.body_start)}
    confirmed = [(d, o, w) for d, o, w in found if d.strftime("%A") in named]
    if not confirmed:
        return None
    date, offset, written = max(confirmed, key=lambda item: (item[0], -item[1]))
    which = "the only full date" if len({d for d, _, _ in found}) == 1 else "the latest full date"
    weekday = date.strftime("%A")
    row = position(text, offset)[0]
    return date, (
        f"{which}, {written} (line {row}), is a {weekday} and the text calls its day {weekday}"
    )


STRATEGIES: tuple[
    tuple[str, Callable[[Document, list[FullDate]], tuple[dt.date, str] | None]], ...
] = (
    ("dateline", from_dateline),
    ("weekday", from_weekday),
)


def infer_from_text(document: Document) -> tuple[dt.date | None, str]:
    found = [d for d in full_dates(document.text) if d[1] >= document.body_start]
    for _name, strategy in STRATEGIES:
        result = strategy(document, found)
        if result is not None:
            return result
    return None, NONE_NOTE


def override(document: Document, as_of: dt.date | None) -> Document:
    """--as-of beats whatever the document says: the one place that rule lives."""
    if as_of is None:
        return document
    return dataclasses.replace(
        document, date=as_of, date_source="option", date_note="--as-of on the command line"
    )


def resolve(document: Document, as_of: dt.date | None) -> Document:
    if as_of is not None:
        return override(document, as_of)
    if document.date is not None:
        return document
    date, note = infer_from_text(document)
    source = "inferred" if date is not None else "none"
    return dataclasses.replace(document, date=date, date_source=source, date_note=note)

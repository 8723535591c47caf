"""What to do next, for the inputs a newcomer gives by mistake: a URL, a Word or PDF file, a
folder of them. Each function returns the message, or None when the mistake is not this one;
read/documents.py asks them only after it has failed to read an input."""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

# What a folder yields when no --glob is given (documents._readable_by_default).
ARTICLE_TYPES = ".txt, .text, .md, .markdown, .mdx, .html, .htm"
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)
_OFFICE = {
    ".docx": "a Word document",
    ".doc": "a Word document",
    ".odt": "an OpenDocument text",
    ".rtf": "a rich-text document",
    ".pages": "a Pages document",
}
_SAVE_AS = "save it as plain text, Markdown or HTML (File > Save As) and check that file"


def missing(given: str) -> str | None:
    """A path that does not exist but names a web page."""
    if _URL.match(given):
        return (
            f"{given}: claimcheck reads files, not web addresses; save the page first "
            f"(curl -o page.html '{given}') and check page.html"
        )
    return None


def binary(name: str, data: bytes) -> str | None:
    """A binary input that is a document of another program: what to turn it into."""
    suffix = Path(name).suffix.lower()
    if data.startswith(b"%PDF") or suffix == ".pdf":
        stem = Path(name).stem or "story"
        return (
            f"{name}: a PDF, not text; extract its text first "
            f"(pdftotext '{name}' '{stem}.txt') and check that file"
        )
    if suffix in _OFFICE:
        return f"{name}: {_OFFICE[suffix]}, not text; {_SAVE_AS}"
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:4096]:
        return f"{name}: a Word document, not text; {_SAVE_AS}"
    return None


def empty_folder(given: str) -> str:
    """A folder with nothing claimcheck reads by default: which types it reads, and which it
    holds instead."""
    found: Counter[str] = Counter()
    for _, dirnames, filenames in os.walk(given):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found.update(Path(n).suffix.lower() or n for n in filenames if not n.startswith("."))
        if sum(found.values()) > 10_000:
            break
    message = f"{given}: no files to check in this folder (a folder yields {ARTICLE_TYPES} files"
    message += "; --glob chooses others)"
    if not found:
        return message
    held = ", ".join(f"{n} {s} file{'s' * (n > 1)}" for s, n in found.most_common(3))
    office = [s for s in found if s in _OFFICE or s == ".pdf"]
    advice = "; save them as plain text, Markdown or HTML" if office else ""
    return f"{message}; it holds {held}{advice}"

"""Escaping for the HTML report: every piece of article text and every value from a source goes
through here. Markup characters are escaped, and characters that could change how the rest of the
page reads (bidirectional overrides, other invisible controls) are shown as visible code points
instead of being obeyed."""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Any

# Bidi embeddings/overrides/isolates and marks, plus C0/C1 controls other than tab and newlines:
# an RLO in an article would otherwise reverse the report's own text after it.
_INVISIBLE = re.compile(
    "[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f"
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
_SAFE_SCHEMES = ("https://", "http://")


def text(value: Any) -> str:
    """Any value as HTML text: escaped (quotes too, so it is safe in attributes as well), with
    invisible controls made visible."""
    return _INVISIBLE.sub(_shown, html.escape(str(value), quote=True))


def _shown(match: re.Match[str]) -> str:
    char = match.group()
    name = unicodedata.name(char, "CONTROL CHARACTER")
    return f'<span class="ctl" title="{name}">[U+{ord(char):04X}]</span>'


def attr(value: Any) -> str:
    """A value for inside a double-quoted attribute: escaped, with controls dropped (an attribute
    holds no markup, so they cannot be shown there)."""
    return html.escape(_INVISIBLE.sub("", str(value)), quote=True)


def link_target(url: Any) -> str | None:
    """The URL when it is a plain web address a reader may follow; None for anything else
    (javascript:, data:, relative paths, values with spaces or controls)."""
    if not isinstance(url, str) or not url.lower().startswith(_SAFE_SCHEMES):
        return None
    if any(c.isspace() or _INVISIBLE.match(c) for c in url):
        return None
    return url


def link(url: Any, label: str) -> str:
    """`label` (already HTML) as a link to `url` where it is a safe web address, else as is."""
    target = link_target(url)
    if target is None:
        return label
    return f'<a class="ext" href="{attr(target)}" rel="noopener noreferrer">{label}</a>'

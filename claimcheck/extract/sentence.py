"""A parsed sentence as the entity extractors see it: the Mention of a named thing in it, and the
text of the sentence holding a token."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from claimcheck.model import Span


@dataclass(frozen=True)
class Mention:
    """A named thing in a sentence: document offsets, sentence token range, type, canonical."""

    text: str
    start: int
    end: int
    type: str
    canonical: str
    first: int
    last: int  # exclusive token index in the sentence doc

    def as_field(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text,
            "span": Span(self.start, self.end),
            "type": self.type,
        }
        out["canonical"] = self.canonical
        return out


_TEXT = "claimcheck.text"  # Doc.user_data key: the chunk's text, read once
_STARTS = "claimcheck.starts"  # ... and where each of its tokens starts


def text_of(sdoc: Any) -> str:
    """sdoc.text, which spaCy joins from the tokens at every read, joined once per chunk."""
    text = sdoc.user_data.get(_TEXT)
    if text is None:
        text = sdoc.user_data[_TEXT] = sdoc.text
    return str(text)


def with_text(sdoc: Any, text: str) -> None:
    """Tell text_of the chunk's text, which spaCy keeps exactly (the parse's input)."""
    sdoc.user_data[_TEXT] = text


def tokens_starting_in(sdoc: Any, start: int, end: int) -> list[Any]:
    """The tokens whose first character lies in [start, end) of the chunk, found by bisection."""
    starts = sdoc.user_data.get(_STARTS)
    if starts is None:
        starts = sdoc.user_data[_STARTS] = sdoc.to_array("IDX").tolist() if len(sdoc) else []
    return [sdoc[i] for i in range(bisect_left(starts, start), bisect_left(starts, end))]


def tokens_with(sdoc: Any, attr: str, values: Iterable[str]) -> list[Any]:
    """The tokens whose `attr` (POS, DEP, LOWER...) is one of `values`, in order, found in one
    array read rather than by making a Token object of every token of the chunk."""
    wanted = {sdoc.vocab.strings[v] for v in values}
    column = sdoc.to_array(attr).tolist() if len(sdoc) else []
    return [sdoc[i] for i, value in enumerate(column) if value in wanted]


def sentence_of(sdoc: Any, token: int) -> str:
    """The text of the sentence holding a token (the whole doc when it is not split)."""
    if not len(sdoc):
        return ""
    if sdoc.has_annotation("SENT_START") or sdoc.has_annotation("DEP"):
        return sdoc[min(token, len(sdoc) - 1)].sent.text.strip()
    return text_of(sdoc).strip()

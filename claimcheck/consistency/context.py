"""What every rule reads: the document, its claims, sentence boundaries of its text, and one
way to build a finding. Sentences are split here (not taken from the extractor) so the rules that
read text directly and those that read claims agree on what "the same sentence" means."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from claimcheck.model import Claim, Document, Finding, Span, position, prose_text

# a full stop after these is not the end of a sentence
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen sen rep gov lt col sgt capt prof inc ltd co corp vs no jan feb mar apr "
    "jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun a.m p.m e.g "
    "i.e etc u.s u.k u.n approx est".split()
)
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n\s*\n|\n")
_CLAUSE_BREAK = re.compile(r";|\s[—–]\s|,\s+(?:and|but|while|whereas|although|though)\s|\.\s")


@dataclass(frozen=True)
class Context:
    document: Document
    claims: Sequence[Claim]

    @cached_property
    def text(self) -> str:
        """The prose view: a soft line break inside a paragraph is a space, as it is to the
        extractor (lines and columns are counted in document.text)."""
        return prose_text(self.document)

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        return tuple(split_sentences(self.text, self.document.body_start))

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _newlines(self) -> list[int]:
        return [m.start() for m in re.finditer("\n", self.text)]

    def line_start(self, offset: int) -> int:
        """Where the line holding `offset` starts (after the last "\\n" before it), in log time:
        searching back from every claim made a one-line document quadratic."""
        before = bisect_right(self._newlines, offset - 1)
        return self._newlines[before - 1] + 1 if before else 0

    def sentence_at(self, offset: int) -> Span:
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return Span(offset, offset)

    def sentence_text(self, offset: int) -> str:
        span = self.sentence_at(offset)
        return self.text[span.start : span.end]

    def clause_at(self, span: Span) -> str:
        """The part of the sentence around `span` between clause breaks (";", " — ", ", and")."""
        sentence = self.sentence_at(span.start)
        text = self.text[sentence.start : sentence.end]
        at = span.start - sentence.start
        start, end = 0, len(text)
        for match in _CLAUSE_BREAK.finditer(text):
            if match.end() <= at:
                start = match.end()
            elif match.start() >= at + (span.end - span.start) and end == len(text):
                end = match.start()
        return text[start:end]

    def same_sentence(self, a: Span, b: Span) -> bool:
        return self.sentence_at(a.start) == self.sentence_at(b.start)

    def in_skipped(self, span: Span) -> bool:
        if span.start < self.document.body_start:
            return True
        return self.document.skip_reaching(span.start + 1, span.start)

    def finding(
        self,
        rule: str,
        severity: str,
        message: str,
        spans: Sequence[Span],
        claims: Sequence[Claim] = (),
        confidence: float = 1.0,
    ) -> Finding:
        """A finding located at the last of `spans` (the mention that contradicts the earlier)."""
        ordered = tuple(sorted(set(spans)))
        primary = ordered[-1]
        line, column = position(self.document.text, primary.start)
        return Finding(
            rule=rule,
            severity=severity,
            message=message,
            doc=self.document.id,
            span=primary,
            line=line,
            column=column,
            claims=tuple(c.id for c in sorted(claims, key=lambda c: c.span)),
            spans=ordered,
            confidence=round(confidence, 2),
        )

    def where(self, span: Span) -> str:
        line, _ = position(self.document.text, span.start)
        return f"line {line}"


def split_sentences(text: str, start: int = 0) -> list[Span]:
    spans: list[Span] = []
    begin = start
    for match in _END.finditer(text, start):
        if _after_abbreviation(text, match.start()):
            continue
        _add(spans, text, begin, match.end())
        begin = match.end()
    _add(spans, text, begin, len(text))
    return spans


def _after_abbreviation(text: str, stop: int) -> bool:
    if text[stop] != ".":
        return False
    word = re.search(r"([A-Za-z.]+)$", text[max(0, stop - 12) : stop])
    if not word:
        return False
    token = word.group(1).lower().strip(".")
    return token in _ABBREVIATIONS or len(token) == 1


def _add(spans: list[Span], text: str, begin: int, end: int) -> None:
    chunk = text[begin:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        spans.append(Span(begin + lead, begin + lead + len(stripped)))

"""The article text with its marks: every claim and finding span highlighted, a small tag after
each span's end that opens its card. Spans nest and cross (a role around the person it names, a
finding across two claims), so the text is cut at every span boundary and each piece is wrapped
by what covers it: the innermost claim gives the colour and the link, findings a wavy underline."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from claimcheck.render.htmlsafe import text as esc

_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    anchor: str  # the id of the card the mark opens
    css: str  # v-<verdict> for claims, sev-<severity> for findings
    tag: str  # HTML placed right after the span's end
    finding: bool = False


def annotate(text: str, start: int, marks: Sequence[Mark]) -> str:
    """`text[start:]` as HTML with the marks that lie inside it; marks outside are the caller's."""
    placed = [m for m in marks if fits(m, text, start)]
    cuts = sorted({start, len(text), *(m.start for m in placed), *(m.end for m in placed)})
    opening, closing = defaultdict(list), defaultdict(list)
    for index, mark in enumerate(placed):
        opening[mark.start].append(index)
        closing[mark.end].append(index)
    active: dict[int, Mark] = {}
    out: list[str] = []
    for a, b in pairwise(cuts):
        for index in closing[a]:
            active.pop(index, None)
        active.update((index, placed[index]) for index in opening[a])
        out.append(piece(text[a:b], list(active.values())))
        ending = sorted((placed[i] for i in closing[b]), key=tag_order)
        out.extend(mark.tag for mark in ending)
    return "".join(out)


def fits(mark: Mark, text: str, start: int) -> bool:
    return start <= mark.start < mark.end <= len(text)


def tag_order(mark: Mark) -> tuple[bool, int]:
    # Claims before findings; the innermost claim's tag first, next to the words it marks.
    return mark.finding, -mark.start


def piece(chunk: str, covering: list[Mark]) -> str:
    inner = esc(chunk)
    claims = [m for m in covering if not m.finding]
    if claims:
        innermost = max(claims, key=lambda m: (m.start, -m.end))
        inner = f'<a class="hl {innermost.css}" href="#{innermost.anchor}">{inner}</a>'
    findings = [m for m in covering if m.finding]
    if findings:
        worst = min(findings, key=lambda m: _SEVERITY_RANK.get(m.css[4:], 3))
        inner = f'<span class="fx {worst.css}">{inner}</span>'
    return inner
